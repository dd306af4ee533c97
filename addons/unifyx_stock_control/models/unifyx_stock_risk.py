# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import cover


class UnifyxStockRisk(models.Model):
    """Days of cover and the forecast stock-out of one product in one
    warehouse, refreshed each morning for all of them at once."""

    _name = "unifyx.stock.risk"
    _description = "Stock-out risk"
    _order = "at_risk desc, stockout_date, product_id"
    _check_company_auto = True

    product_id = fields.Many2one("product.product", required=True, index=True, ondelete="cascade")
    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    abc_level_id = fields.Many2one("abc.classification.level", string="ABC class")
    critical = fields.Boolean(index=True, help="Flagged critical, or of a critical ABC class.")
    on_hand = fields.Float(digits="Product Unit of Measure")
    incoming = fields.Float(digits="Product Unit of Measure")
    daily_demand = fields.Float(digits="Product Unit of Measure")
    cover_days = fields.Float(string="Days of cover", digits=(16, 1))
    stockout_date = fields.Date(string="Forecast stock-out")
    lead_days = fields.Integer(
        string="Reorder lead time", help="Vendor lead time plus the company's purchase lead time."
    )
    arrival_date = fields.Date(string="A reorder arrives")
    at_risk = fields.Boolean(
        index=True, help="The stock runs out before a reorder placed today can arrive."
    )
    overstock_qty = fields.Float(digits="Product Unit of Measure")
    # A value at cost: the cost policy's group, as the product's cost.
    overstock_value = fields.Monetary(
        currency_field="currency_id", groups="product_cost_security.group_product_cost"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    refresh_date = fields.Date(required=True)

    _sql_constraints = [
        (
            "product_warehouse_uniq",
            "UNIQUE(product_id, warehouse_id)",
            "One risk per product and warehouse.",
        ),
    ]

    # -- the computation ------------------------------------------------

    @api.model
    def _unifyx_refresh(self, companies=None, today=None):
        """Recompute every storable product's risk in each warehouse of
        ``companies``: a handful of grouped reads per company, whatever the
        number of products."""
        today = today or fields.Date.context_today(self)
        companies = companies or self.env["res.company"].sudo().search([])
        for company in companies:
            self.sudo()._unifyx_refresh_company(company, today)
        self.env["unifyx.stockout.event"].sudo()._unifyx_track(companies, today)
        self.env["unifyx.stock.kpi"].sudo()._unifyx_snapshot(companies, today)

    def _unifyx_refresh_company(self, company, today):
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", company.id)])
        products = self.env["product.product"].search(
            [("is_storable", "=", True), ("company_id", "in", [False, company.id])]
        )
        self.search([("company_id", "=", company.id)]).unlink()
        if not warehouses or not products:
            return
        on_hand = self._unifyx_quantities(
            "stock.quant",
            [
                ("product_id", "in", products.ids),
                ("location_id.usage", "=", "internal"),
                ("company_id", "=", company.id),
            ],
            "location_id",
            "quantity:sum",
        )
        incoming = self._unifyx_quantities(
            "stock.move",
            [
                ("product_id", "in", products.ids),
                ("company_id", "=", company.id),
                ("state", "not in", ("draft", "cancel", "done")),
                ("location_dest_id.usage", "=", "internal"),
                ("location_id.usage", "not in", ("internal", "transit")),
            ],
            "location_dest_id",
            "product_qty:sum",
        )
        window = company.unifyx_demand_window_days
        demand = self._unifyx_quantities(
            "stock.move",
            [
                ("product_id", "in", products.ids),
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("location_id.usage", "=", "internal"),
                ("date", ">=", fields.Datetime.to_datetime(today - timedelta(days=window))),
                ("date", "<", fields.Datetime.to_datetime(today)),
            ],
            "location_id",
            "product_qty:sum",
        )
        delays = self._unifyx_vendor_delays(products, company)
        maxima = {
            (op.product_id.id, op.warehouse_id.id): op.product_max_qty
            for op in self.env["stock.warehouse.orderpoint"].search(
                [("product_id", "in", products.ids), ("company_id", "=", company.id)]
            )
        }
        classes = products._unifyx_critical_classes(company)
        costs = {p.id: p.standard_price for p in products.with_company(company)}
        vals_list = []
        for product in products:
            for warehouse in warehouses:
                key = (product.id, warehouse.id)
                level = classes.get((product.id, company.id, warehouse.id)) or classes.get(
                    (product.id, company.id, False)
                )
                available = on_hand.get(key, 0.0) + incoming.get(key, 0.0)
                daily = demand.get(key, 0.0) / window
                if not available and not daily:
                    continue
                days = cover.days_of_cover(available, daily)
                delay = delays.get(product.id, 0.0)
                excess = cover.overstock_quantity(
                    available, daily, company.unifyx_overstock_cover_days, maxima.get(key, 0.0)
                )
                vals_list.append(
                    {
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                        "company_id": company.id,
                        "abc_level_id": level.id if level else False,
                        "critical": product.unifyx_critical
                        or bool(level and level.unifyx_critical),
                        "on_hand": on_hand.get(key, 0.0),
                        "incoming": incoming.get(key, 0.0),
                        "daily_demand": daily,
                        "cover_days": min(days, cover.NO_DEMAND_COVER),
                        "stockout_date": cover.stockout_date(today, days),
                        "lead_days": round(delay + company.po_lead),
                        "arrival_date": cover.reorder_arrival(today, delay, company.po_lead),
                        "at_risk": cover.at_risk(today, days, delay, company.po_lead),
                        "overstock_qty": excess,
                        "overstock_value": excess * costs[product.id],
                        "refresh_date": today,
                    }
                )
        self.create(vals_list)

    def _unifyx_quantities(self, model, domain, location_field, aggregate):
        """{(product id, warehouse id): quantity}, one grouped read."""
        res = {}
        groups = self.env[model]._read_group(domain, ["product_id", location_field], [aggregate])
        for product, location, qty in groups:
            if location.warehouse_id:
                key = (product.id, location.warehouse_id.id)
                res[key] = res.get(key, 0.0) + qty
        return res

    def _unifyx_vendor_delays(self, products, company):
        """{product id: lead time of the vendor Odoo would buy from} (the first
        valid price of the product, by Odoo's seller order), one search."""
        today = fields.Date.context_today(self)
        infos = self.env["product.supplierinfo"].search(
            [
                ("product_tmpl_id", "in", products.product_tmpl_id.ids),
                ("company_id", "in", [False, company.id]),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", today),
            ],
            order="sequence, min_qty desc, price, id",
        )
        res = {}
        for info in infos:
            targets = info.product_id or info.product_tmpl_id.product_variant_ids
            for product in targets & products:
                res.setdefault(product.id, info.delay)
        return res

    # -- actions --------------------------------------------------------

    def action_raise_rfq(self):
        """Raise the replenishment for this risk through Odoo's replenishment
        (the warehouse's buy rule: an RFQ, or a purchase request where the
        procurement makes requests), for the demand over the lead time."""
        self.ensure_one()
        if not self.env.user.has_group("purchase.group_purchase_user"):
            raise AccessError(self.env._("Only purchasing may raise a request for quotation."))
        risk = self.sudo()
        orderpoint = risk._unifyx_orderpoint()
        # Enough for the lead time and a month after the goods arrive.
        qty = max(risk.daily_demand * (risk.lead_days + 30) - risk.on_hand - risk.incoming, 1.0)
        orderpoint.qty_to_order = qty
        return orderpoint.with_company(risk.company_id).action_replenish()

    def _unifyx_orderpoint(self):
        Orderpoint = self.env["stock.warehouse.orderpoint"].with_company(self.company_id)
        orderpoint = Orderpoint.search(
            [("product_id", "=", self.product_id.id), ("warehouse_id", "=", self.warehouse_id.id)],
            limit=1,
        )
        if not orderpoint:
            orderpoint = Orderpoint.create(
                {
                    "product_id": self.product_id.id,
                    "warehouse_id": self.warehouse_id.id,
                    "location_id": self.warehouse_id.lot_stock_id.id,
                    "company_id": self.company_id.id,
                    "trigger": "manual",
                    "product_min_qty": 0.0,
                    "product_max_qty": 0.0,
                }
            )
        buy = self.warehouse_id.buy_pull_id.route_id
        if buy and not (self.product_id.route_ids | self.product_id.categ_id.total_route_ids) & buy:
            orderpoint.route_id = buy
        return orderpoint

    @api.model
    def _cron_unifyx_morning(self):
        """Each morning: refresh the risks, then send purchasing its digest."""
        self._unifyx_refresh()
        self.env["res.company"].sudo().search([])._unifyx_send_stock_digest()
