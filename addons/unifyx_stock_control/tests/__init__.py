from . import test_cover
from . import test_abc_classes
from . import test_stock_risk
from . import test_inventory_rules
from . import test_inventory_rules_rpc
