from . import test_access, test_resolution
