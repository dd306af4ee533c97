from . import unifyx_einvoice_status_wizard
