from . import res_partner
from . import purchase_order_line
