from . import (
    customer_segment,
    res_company,
    res_config_settings,
    res_partner,
    stock_picking,
    unifyx_demo,
)
