from . import unifyx_vendor_scorecard
