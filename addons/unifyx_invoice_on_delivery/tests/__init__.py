from . import test_invoice_on_delivery
from . import test_invoicing_job
from . import test_quantities
from . import test_take_over
