from . import test_quality_gate
from . import test_quality_rejection
from . import test_quality_rpc
