from . import test_tolerance
from . import test_import
from . import test_three_way_match
from . import test_held_governance
from . import test_approval
from . import test_kpi
from . import test_access
