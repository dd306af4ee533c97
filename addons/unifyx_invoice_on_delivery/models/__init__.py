from . import res_company
from . import res_partner
from . import res_config_settings
from . import stock_picking
from . import sale_order
from . import account_move
