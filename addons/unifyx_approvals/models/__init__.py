from . import customer_segment, res_partner, unifyx_demo
