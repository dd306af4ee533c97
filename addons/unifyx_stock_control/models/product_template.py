# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# Who may flag an item critical by hand: those who answer for its supply.
CRITICAL_GROUPS = (
    "unifyx_base.group_purchasing_manager",
    "unifyx_base.group_warehouse_manager",
)


class ProductTemplate(models.Model):
    _inherit = "product.template"

    unifyx_critical = fields.Boolean(
        string="Critical item",
        tracking=True,
        help="Watched by the stock-out warning whatever its ABC class. Set by a "
        "purchasing or warehouse manager.",
    )
    unifyx_stock_risk_ids = fields.One2many(
        "unifyx.stock.risk",
        compute="_compute_unifyx_stock_risk_ids",
        string="Stock-out risk",
    )

    def _compute_unifyx_stock_risk_ids(self):
        risks = self.env["unifyx.stock.risk"].search(
            [("product_id.product_tmpl_id", "in", self.ids)]
        )
        for template in self:
            template.unifyx_stock_risk_ids = risks.filtered(
                lambda r, t=template: r.product_id.product_tmpl_id == t
            )

    def _unifyx_check_guarded_fields(self, vals):
        """Refuse the critical flag and the negative-stock exception to those who
        may not set them, on every path (forms, imports, RPC)."""
        if self.env.su:
            return
        user = self.env.user
        if "unifyx_critical" in vals and not any(user.has_group(g) for g in CRITICAL_GROUPS):
            raise AccessError(
                self.env._(
                    "Only a purchasing manager or a warehouse manager may flag an item "
                    "critical or remove the flag."
                )
            )
        if "allow_negative_stock" in vals and not user.has_group("stock.group_stock_manager"):
            raise AccessError(
                self.env._(
                    "Only a warehouse manager may allow negative stock for a product: "
                    "it is an explicit exception to the no-negative-stock rule."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._unifyx_check_guarded_fields(
                {
                    k: v
                    for k, v in vals.items()
                    if v and k in ("unifyx_critical", "allow_negative_stock")
                }
            )
        return super().create(vals_list)

    def write(self, vals):
        changed = {
            k: v
            for k, v in vals.items()
            if k in ("unifyx_critical", "allow_negative_stock")
            and any(bool(t[k]) != bool(v) for t in self)
        }
        self._unifyx_check_guarded_fields(changed)
        return super().write(vals)
