from . import test_roles
from . import test_demo_distributor
from . import test_ui
