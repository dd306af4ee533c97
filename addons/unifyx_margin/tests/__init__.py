from . import test_cost_visibility
from . import test_margin_batching
from . import test_margin_floor
from . import test_margin_tools
from . import test_margin_view
from . import test_real_margin
