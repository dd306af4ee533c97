from . import test_confirmation_checks
from . import test_take_over
from . import test_migrations
