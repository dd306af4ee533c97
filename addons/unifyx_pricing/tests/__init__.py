from . import (
    test_access,
    test_combo_configurator,
    test_contract,
    test_cost_visibility,
    test_discount_authority,
    test_migration,
    test_governance,
    test_price_exception,
    test_resolution,
    test_rule_models,
    test_sale_pricing,
    test_ui,
)
