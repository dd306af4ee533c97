from . import unifyx_quality_reject
