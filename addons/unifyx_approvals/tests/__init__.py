from . import test_demo_distributor, test_roles, test_ui
