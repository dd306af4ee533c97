from . import (
    test_access,
    test_background,
    test_cleansing,
    test_legacy_files,
    test_migration_run,
    test_migrations,
    test_opening_stock,
    test_opening_stock_rights,
    test_pricelist_import,
    test_readers,
    test_ui,
)
