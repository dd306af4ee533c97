from . import test_access, test_cleansing, test_readers, test_migration_run
