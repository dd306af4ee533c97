from . import (
    pricing_state_mixin,
    discount_limit,
    price_contract,
    price_contract_line,
    price_exception,
    price_exception_line,
    price_resolver,
    sale_order,
    sale_order_line,
)
