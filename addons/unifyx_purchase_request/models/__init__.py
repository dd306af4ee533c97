from . import res_company
from . import res_config_settings
from . import approval_matrix
from . import purchase_budget
from . import purchase_request
from . import purchase_request_line
from . import purchase_request_purchase
