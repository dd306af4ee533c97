from . import test_access
from . import test_kpis
from . import test_stock_reconciliation
from . import test_ui
from . import test_margin_report
from . import test_migrations
from . import test_kpi_registry
