from . import (
    approval_matrix,
    approval_matrix_step,
    customer_segment,
    purchase_order,
    res_partner,
    tier_definition,
    tier_review,
    tier_validation,
    unifyx_demo,
)
