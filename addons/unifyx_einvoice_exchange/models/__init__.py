from . import unifyx_einvoice_status
from . import unifyx_einvoice_platform
from . import unifyx_einvoice_platform_folder
from . import account_move
from . import account_move_send
from . import res_company
from . import res_config_settings
