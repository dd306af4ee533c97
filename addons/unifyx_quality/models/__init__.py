from . import qc_inspection
from . import qc_inspection_reject
from . import stock_move
from . import stock_picking
from . import stock_return_picking
