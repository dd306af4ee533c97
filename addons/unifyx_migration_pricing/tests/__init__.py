from . import test_contract_import, test_contract_lines_import, test_migrations
