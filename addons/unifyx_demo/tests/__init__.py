from . import test_take_over
from . import test_demo_distributor
from . import test_standard_flows
from . import test_operations_scenarios
from . import test_pricing_scenarios
from . import test_barcode_ui
from . import test_external_client
from . import test_cost_visibility_rpc
