from . import test_margin_view
