from . import unifyx_supplier_price_report
