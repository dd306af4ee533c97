from . import unifyx_supplier_price_report
from . import unifyx_margin_report
