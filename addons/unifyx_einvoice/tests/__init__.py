from . import test_identifiers
from . import test_partner_siren
from . import test_siren_rpc
from . import test_facturx_out
from . import test_facturx_pdf
