from . import test_request_flow
from . import test_request_governance
from . import test_request_rpc
from . import test_replenishment
