from . import test_invoice_on_delivery
from . import test_take_over
