from . import unifyx_price_contract_import
