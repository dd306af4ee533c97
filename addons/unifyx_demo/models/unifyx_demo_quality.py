# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Quality at receipt and vendor scorecards on the demo distributor: Lyon
receives in 3 steps (input -> quality -> stock), cables and fittings are
inspected at the quality step, and four months of receipts from three vendors
(one always on time, one late and dearer every month, one short once and
rejected once) give the scorecard months to compare. The last receipt waits at
quality. Constants in data/demo_quality.json."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_quality(self, company_id):
        company = self.env["res.company"].browse(company_id)
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True, skip_sms=True
        )
        data = self._demo_data("quality")
        lyon = self.env.ref("unifyx_demo.warehouse_lyon_demo")
        lyon.reception_steps = "three_steps"
        categories = self._demo_quality_points(lyon, data)
        vendors = self._demo_quality_vendors(company, categories, data)
        today = fields.Date.context_today(self)
        for month, back in enumerate(data["months_back"]):
            start = today.replace(day=1) - relativedelta(months=back)
            for index, (vendor, products) in enumerate(vendors):
                profile = data["vendors"][index]
                rejection = data["rejection"]
                self._demo_quality_receipt(
                    lyon,
                    vendor,
                    products,
                    data,
                    approved=start + timedelta(days=data["approve_day"]),
                    late=profile["late_days"][month],
                    ratio=profile["received_ratio"][month],
                    price_factor=profile["price_factor"][month],
                    reject=rejection
                    if (index, month) == (rejection["vendor"], rejection["month"])
                    else None,
                )
        # This month's receipt waits at quality: its storage is held.
        vendor, products = vendors[data["open_inspection_vendor"]]
        order = self._demo_quality_order(
            lyon, vendor, products, data, today - timedelta(days=2), 1.0
        )
        self._demo_quality_receive(order, 1.0)
        self._demo_receive(order.picking_ids.move_ids.move_dest_ids.picking_id)
        return True

    def _demo_quality_points(self, warehouse, data):
        """A pass / fail test per category on the quality step. Returns the categories."""
        trigger = self.env["qc.trigger"].search([("picking_type_id", "=", warehouse.qc_type_id.id)])
        manager = self.env.ref("unifyx_demo.user_warehouse_manager_demo")
        categories = self.env["product.category"]
        for point in data["points"]:
            category = self.env.ref("unifyx_demo.product_category_%s_demo" % point["category"])
            test = self.env["qc.test"].create(
                {
                    "name": point["test"],
                    "company_id": warehouse.company_id.id,
                    "test_lines": [
                        Command.create(
                            {
                                "name": question,
                                "type": "qualitative",
                                "ql_values": [
                                    Command.create({"name": data["answers"]["ok"], "ok": True}),
                                    Command.create({"name": data["answers"]["ko"], "ok": False}),
                                ],
                            }
                        )
                        for question in point["questions"]
                    ],
                }
            )
            self._demo_xmlid("qc_test_%s_demo" % point["key"], test)
            self.env["qc.trigger.product_category_line"].create(
                {
                    "trigger": trigger.id,
                    "test": test.id,
                    "product_category": category.id,
                    "timing": "after",
                    "user": manager.id,
                }
            )
            categories |= category
        return categories

    def _demo_quality_vendors(self, company, categories, data):
        """[(vendor, products)]: the first vendors selling inspected products."""
        products = self.env["product.product"].search(
            [("categ_id", "in", categories.ids), ("tracking", "=", "none")], order="default_code"
        )
        by_vendor = {}
        for product in products:
            seller = product.seller_ids[:1]
            if seller and seller.price <= data["max_unit_cost"]:
                by_vendor.setdefault(seller.partner_id, self.env["product.product"])
                by_vendor[seller.partner_id] |= product
        chosen = sorted(by_vendor.items(), key=lambda item: (-len(item[1]), item[0].id))
        return [
            (vendor, found[: data["lines_per_order"]])
            for vendor, found in chosen[: len(data["vendors"])]
        ]

    def _demo_quality_order(self, warehouse, vendor, products, data, approved, price_factor):
        approved = fields.Datetime.to_datetime(approved).replace(hour=9)
        promised = approved + timedelta(days=data["promised_days"])
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "company_id": warehouse.company_id.id,
                "user_id": self.env.ref("unifyx_demo.user_purchaser_demo").id,
                "picking_type_id": warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": data["qty"],
                            "price_unit": round(product.seller_ids[:1].price * price_factor, 2),
                            "date_planned": promised,
                        }
                    )
                    for product in products
                ],
            }
        )
        order.button_confirm()
        order.write({"date_order": approved, "date_approve": approved})
        return order

    def _demo_quality_receive(self, order, ratio, done=None):
        """The receipt, short of (1 - ratio) without backorder, then the move to quality."""
        receipt = order.picking_ids
        for move in receipt.move_ids:
            move.quantity = round(move.product_uom_qty * ratio)
        receipt.move_ids.picked = True
        receipt.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=receipt.ids
        ).button_validate()
        if done:
            receipt.write({"date_done": done})
            receipt.move_ids.write({"date": done})

    def _demo_quality_receipt(
        self, warehouse, vendor, products, data, approved, late, ratio, price_factor, reject
    ):
        order = self._demo_quality_order(warehouse, vendor, products, data, approved, price_factor)
        done = order.order_line[:1].date_planned + timedelta(days=late, hours=-2)
        self._demo_quality_receive(order, ratio, done)
        quality = order.picking_ids.move_ids.move_dest_ids.picking_id
        self._demo_receive(quality)
        inspections = self.env["qc.inspection"]._get_existing_inspections(quality.move_ids)
        manager = self.env.ref("unifyx_demo.user_warehouse_manager_demo")
        operator = self.env.ref("unifyx_demo.user_warehouse_operator_demo")
        for number, inspection in enumerate(inspections):
            rejected = reject and number == 0
            for line in inspection.inspection_lines:
                line.with_user(operator).qualitative_value = line.possible_ql_values.filtered(
                    lambda v, ok=not rejected: v.ok == ok
                )[:1]
            if rejected:
                inspection.with_user(operator).action_confirm()
                self.env["unifyx.quality.reject"].with_user(manager).create(
                    {
                        "inspection_id": inspection.id,
                        "quantity": reject["qty"],
                        "reason": reject["reason"],
                    }
                ).action_reject()
                self._demo_receive(inspection.unifyx_return_picking_id)
            else:
                inspection.with_user(manager).action_confirm()
            inspection.sudo().date_done = done + timedelta(days=1)
        storage = quality.move_ids.move_dest_ids.filtered(
            lambda m: not m._unifyx_is_return()
        ).picking_id.filtered(lambda p: p.state != "cancel")
        self._demo_receive(storage)
        later = (quality | storage).filtered(lambda p: p.state == "done")
        later.write({"date_done": done + timedelta(days=1)})
        later.move_ids.write({"date": done + timedelta(days=1)})
        return order
