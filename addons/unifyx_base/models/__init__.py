from . import base
from . import customer_segment
from . import res_partner
from . import product_category
from . import product_product
from . import stock_lot
from . import sale_order
