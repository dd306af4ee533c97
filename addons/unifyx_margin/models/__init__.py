from . import margin_floor
from . import margin_freight_rate
from . import sale_order_line
from . import sale_order
from . import stock_landed_cost
from . import account_move
from . import account_move_line
from . import res_config_settings
