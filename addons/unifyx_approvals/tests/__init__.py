from . import test_roles
from . import test_demo_distributor
from . import test_approval_matrix
from . import test_sale_approval
from . import test_urgent_budget
from . import test_delegation
from . import test_inventory_approval
from . import test_ui
