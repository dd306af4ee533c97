from . import (
    test_access,
    test_cleansing,
    test_legacy_demo,
    test_migration_run,
    test_opening_stock,
    test_readers,
)
