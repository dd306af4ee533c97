from . import unifyx_kpi_recompute_wizard
