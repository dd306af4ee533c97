from . import test_access, test_cleansing, test_readers
