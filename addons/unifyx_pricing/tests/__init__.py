from . import test_access, test_resolution, test_sale_pricing
