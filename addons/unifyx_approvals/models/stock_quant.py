# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_is_zero

# Set only while an approved inventory request applies its quantities: a
# context key would not do, RPC callers choose their context.
_INVENTORY_APPROVED = ContextVar("unifyx_inventory_approved", default=False)
# Set while counted quantities are applied (after the approval check): the moves
# to and from the inventory-adjustment location are the count's. Its value says
# whether the count was approved ("approved") or small enough ("unapproved").
_COUNT_APPLYING = ContextVar("unifyx_count_applying", default=None)
# Set while the server writes the lines of an inventory request: clients never do.
_COUNT_LINES = ContextVar("unifyx_count_lines", default=False)

# What a quant holds: only stock moves (run as superuser by Odoo) change them.
QUANT_STOCK_FIELDS = {
    "quantity",
    "reserved_quantity",
    "product_id",
    "location_id",
    "lot_id",
    "package_id",
    "owner_id",
}


@contextmanager
def _flag(var, value=True):
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


@contextmanager
def inventory_approved():
    with _flag(_INVENTORY_APPROVED):
        yield


@contextmanager
def count_lines():
    with _flag(_COUNT_LINES):
        yield


def is_stock_manager(env):
    """Inventory / Administrator (warehouse managers, consultants) or the
    superuser: they may move stock outside a count's approval."""
    return env.user._is_superuser() or env.user.has_group("stock.group_stock_manager")


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not is_stock_manager(self.env):
            if any(vals.get("quantity") or vals.get("reserved_quantity") for vals in vals_list):
                raise AccessError(
                    self.env._("Stock changes through moves or counts, not by writing a quantity.")
                )
        return super().create(vals_list)

    def write(self, vals):
        # Odoo's own moves write quants as superuser; a client writing the
        # quantity would change stock with no move, valuation or approval.
        if QUANT_STOCK_FIELDS & vals.keys() and not self.env.su and not is_stock_manager(self.env):
            raise AccessError(
                self.env._("Stock changes through moves or counts, not by writing a quantity.")
            )
        return super().write(vals)

    def action_apply_inventory(self):
        requests = self._unifyx_hold_for_approval()
        if requests:
            action = {
                "type": "ir.actions.act_window",
                "res_model": requests._name,
                "target": "current",
            }
            if len(requests) == 1:
                action.update(res_id=requests.id, view_mode="form", views=[(False, "form")])
            else:
                action.update(
                    domain=[("id", "in", requests.ids)],
                    view_mode="list,form",
                    views=[(False, "list"), (False, "form")],
                )
            return action
        res = super().action_apply_inventory()
        # Odoo answers None once applied: XML-RPC cannot marshal it.
        return True if res is None else res

    def _apply_inventory(self):
        # Every path that applies counted quantities comes through here.
        if self._unifyx_hold_for_approval():
            return None
        if _COUNT_APPLYING.get():
            return super()._apply_inventory()
        approved = _INVENTORY_APPROVED.get() or self.env.user._is_superuser()
        with _flag(_COUNT_APPLYING, "approved" if approved else "unapproved"):
            return super()._apply_inventory()

    def _get_inventory_move_values(
        self, qty, location_id, location_dest_id, package_id=False, package_dest_id=False
    ):
        values = super()._get_inventory_move_values(
            qty, location_id, location_dest_id, package_id, package_dest_id
        )
        # Counts applied without approval add up over the company's window.
        if _COUNT_APPLYING.get() == "unapproved":
            values["unifyx_unapproved_count"] = True
        return values

    def _unifyx_hold_for_approval(self):
        """If the approval matrix requires it, record these counted quantities
        in an approval request instead of applying them, and return it.

        Skipped only by server-side state: an approved request applying, the
        migration's opening stock, the superuser (demo data, set-ups). A
        ``sudo()`` of Odoo's own (quant creation in inventory mode) is not one."""
        if _INVENTORY_APPROVED.get() or _COUNT_APPLYING.get() or self.env.user._is_superuser():
            return None
        quants = self.filtered(
            lambda q: (
                q.inventory_quantity_set
                and not float_is_zero(
                    q.inventory_diff_quantity, precision_rounding=q.product_uom_id.rounding
                )
            )
        )
        if not quants:
            return None
        self._unifyx_check_may_count(quants)
        Request = self.env["unifyx.inventory.approval"]
        company = quants.company_id
        has_rows = (
            self.env["tier.definition"]
            .sudo()
            .search_count(
                [("model", "=", Request._name), ("company_id", "in", [False, company.id])], limit=1
            )
        )
        if not has_rows:
            return None
        with count_lines():
            request = Request.sudo().create({"company_id": company.id, "user_id": self.env.uid})
            self.env["unifyx.inventory.approval.line"].sudo().create(
                [
                    {
                        "approval_id": request.id,
                        "quant_id": quant.id,
                        "counted_quantity": quant.inventory_quantity,
                    }
                    for quant in quants
                ]
            )
        request = request.with_env(self.env(su=False))
        if not request.need_validation:
            request.sudo().unlink()
            return None
        with count_lines():
            request.sudo().name = (
                self.env["ir.sequence"].sudo().next_by_code("unifyx.inventory.approval")
            )
        request.request_validation()
        request.message_post(
            body=self.env._("Count held for approval: the value of its differences needs it.")
        )
        return request

    def _unifyx_check_may_count(self, quants):
        """The counting user may count these quants: readable and writable by
        them (not through a ``sudo()`` of someone else's code), of one company,
        in a stock location."""
        user_quants = quants.with_env(self.env(su=False))
        user_quants.check_access("write")
        if len(quants.company_id) > 1:
            raise UserError(self.env._("Apply the counts of one company at a time."))
        if not is_stock_manager(self.env) and quants.filtered(
            lambda q: q.location_id.usage not in ("internal", "transit")
        ):
            raise UserError(self.env._("Only stock locations are counted."))
