# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opening stock's value: the file's unit cost checked per costing method, the
standard costs it sets, and the booking of the counted quantities at that cost."""

from odoo import api, models
from odoo.tools import float_compare, float_is_zero

from odoo.addons.unifyx_approvals.models.stock_quant import inventory_approved

from .stock_quant import opening_stock_costs


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderStockValuation(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _check_opening_cost(self, plan, product, standard_costs):
        """The row's unit cost: not negative; none given values the product at
        its current cost (said); a standard-cost product's is checked against
        its standard (:meth:`_check_standard_cost`)."""
        cost = plan.values.get("cost")
        if cost is not None and cost < 0:
            plan.error("cost", "negative_cost", cost)
        elif product and cost is None and not plan.field_error("cost"):
            plan.warning(
                "cost",
                "no_cost",
                None,
                product=product.display_name,
                current=product.standard_price,
            )
        elif product and product.cost_method == "standard":
            self._check_standard_cost(plan, product, cost, standard_costs)

    @api.model
    def _check_standard_cost(self, plan, product, cost, standard_costs):
        """A standard-cost product is valued at its standard price: the opening
        stock sets it to the file's cost while the product has no stock yet (a
        French accountant's opening balance is quantity x that cost). With stock
        already valued at another standard, or two costs in the file, the row is
        refused: nothing is booked at a cost the file does not give."""
        first = standard_costs.setdefault(product.id, (cost, plan.row))
        if float_compare(first[0], cost, precision_digits=6):
            plan.error("cost", "standard_two_costs", cost, other=first[0], row=first[1])
            return
        current = product.standard_price
        if not float_compare(current, cost, precision_digits=6):
            return
        if not float_is_zero(
            product.sudo().quantity_svl, precision_rounding=product.uom_id.rounding
        ):
            plan.error(
                "cost",
                "standard_stock",
                cost,
                product=product.display_name,
                current=current,
            )
            return
        plan.values["standard_price"] = cost
        if first[1] == plan.row:
            plan.change(
                "cost",
                "standard_cost",
                current,
                cost,
                product=product.display_name,
                before=current,
            )

    @api.model
    def _set_opening_standard_costs(self, plans):
        """Standard-cost products without stock take the file's cost first (no
        layer: nothing is in stock yet), so the opening moves are valued at it."""
        for plan in plans:
            values = plan.values
            if "standard_price" in values:
                product = values["product_id"]
                if float_compare(
                    product.standard_price, values["standard_price"], precision_digits=6
                ):
                    product.standard_price = values["standard_price"]

    @api.model
    def _book_opening_stock(self, run, quants, costs):
        """Apply the counted ``quants``, each incoming move valued at its unit cost
        in ``costs`` ({quant id: cost}), through Odoo's own valuation.

        An opening stock load is not a count of existing stock: the run's own
        validation report and commit replace the inventory approval matrix. The
        unit costs are server state, never a context key a client sends."""
        with inventory_approved(), opening_stock_costs(costs):
            quants.with_context(
                inventory_name=self.env._("Opening stock (migration %s)", run.file_name),
            )._apply_inventory()
