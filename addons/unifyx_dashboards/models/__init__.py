from . import unifyx_count_log
from . import unifyx_lock_date_log
from . import unifyx_kpi_value
from . import unifyx_stock_reconciliation
from . import unifyx_stock_reconciliation_line
from . import stock_quant
from . import res_company
