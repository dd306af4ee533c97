from . import customer_segment
from . import res_partner
from . import unifyx_demo
