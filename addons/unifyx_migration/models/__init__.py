from . import (
    res_partner,
    stock_quant,
    unifyx_migration_loader,
    unifyx_migration_profile,
    unifyx_migration_profile_line,
    unifyx_migration_run,
    unifyx_migration_run_line,
    unifyx_migration_uom_synonym,
)
