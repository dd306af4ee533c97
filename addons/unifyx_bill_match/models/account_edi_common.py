# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# The line's reference to the buyer's order line: CII (BT-132) and UBL.
ORDER_LINE_XPATHS = [
    "./{*}SpecifiedLineTradeAgreement/{*}BuyerOrderReferencedDocument/{*}LineID",
    "./{*}OrderLineReference/{*}LineID",
]
ORDER_XPATHS = [
    "./{*}SpecifiedLineTradeAgreement/{*}BuyerOrderReferencedDocument/{*}IssuerAssignedID",
    "./{*}OrderLineReference/{*}OrderReference/{*}ID",
]


class AccountEdiCommon(models.AbstractModel):
    """Odoo's UBL / CII import reads the vendor's product code only to look our
    product up by it (it is our internal reference only when the vendor uses
    ours): keep it, and the order line the vendor refers to, on the bill line
    for the three-way match."""

    _inherit = "account.edi.common"

    def _retrieve_line_vals(self, tree, document_type=False, qty_factor=1):
        vals = super()._retrieve_line_vals(tree, document_type, qty_factor)
        xpaths = self._get_line_xpaths(document_type, qty_factor)
        code = self._find_value(xpaths["product"]["default_code"], tree)
        vals["unifyx_vendor_product_code"] = code.strip() if code else False
        vals["unifyx_order_reference"] = self._unifyx_find_text(tree, ORDER_XPATHS)
        vals["unifyx_order_line_reference"] = self._unifyx_find_text(tree, ORDER_LINE_XPATHS)
        return vals

    def _unifyx_find_text(self, tree, paths):
        # ElementTree paths ({*}: any namespace), whichever the format.
        for path in paths:
            text = tree.findtext(path)
            if text and text.strip():
                return text.strip()
        return False
