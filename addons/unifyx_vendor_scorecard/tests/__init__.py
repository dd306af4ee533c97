from . import test_vendor_scorecard
