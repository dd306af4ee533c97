from . import test_lifecycle
from . import test_exchange
