# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import float_compare

from ..tools.margin import margin_percent

COST_GROUPS = "product_cost_security.group_product_cost"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    margin = fields.Monetary(groups=COST_GROUPS)
    unifyx_expected_margin = fields.Monetary(
        string="Expected Margin (company)",
        compute="_compute_unifyx_margin_totals",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    # A margin % with the amount gives the cost: costs group too.
    unifyx_expected_margin_percent = fields.Float(
        string="Expected Margin (%)",
        compute="_compute_unifyx_margin_totals",
        store=True,
        groups=COST_GROUPS,
    )
    unifyx_real_revenue = fields.Monetary(
        string="Real Revenue",
        compute="_compute_unifyx_margin_totals",
        store=True,
        currency_field="company_currency_id",
    )
    unifyx_real_margin = fields.Monetary(
        string="Real Margin",
        compute="_compute_unifyx_margin_totals",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    unifyx_real_margin_percent = fields.Float(
        string="Real Margin (%)",
        compute="_compute_unifyx_margin_totals",
        store=True,
        groups=COST_GROUPS,
    )
    unifyx_below_floor = fields.Boolean(
        string="Below Margin Floor",
        compute="_compute_unifyx_margin_totals",
        store=True,
        help="A line of the quotation is below its margin floor.",
    )
    unifyx_real_below_floor = fields.Boolean(
        string="Delivered below Floor",
        compute="_compute_unifyx_margin_totals",
        store=True,
        help="A delivered line's real margin is below its floor (cost drift, returns, "
        "credit notes).",
    )
    unifyx_margin_alert = fields.Selection(
        [("approved", "Confirmed below floor"), ("drift", "Real margin below floor")],
        string="Margin Alert",
        readonly=True,
        copy=False,
    )
    unifyx_margin_alert_date = fields.Datetime(
        string="Margin Alert Date", readonly=True, copy=False
    )

    @api.depends(
        "order_line.unifyx_expected_margin",
        "order_line.unifyx_expected_revenue",
        "order_line.unifyx_real_margin",
        "order_line.unifyx_real_revenue",
        "order_line.unifyx_below_floor",
        "order_line.unifyx_floor_id",
    )
    def _compute_unifyx_margin_totals(self):
        Floor = self.env["unifyx.margin.floor"]
        for order in self:
            lines = order.order_line.filtered(lambda line: not line.display_type)
            expected = sum(lines.mapped("unifyx_expected_margin"))
            expected_revenue = sum(lines.mapped("unifyx_expected_revenue"))
            real = sum(lines.mapped("unifyx_real_margin"))
            real_revenue = sum(lines.mapped("unifyx_real_revenue"))
            order.unifyx_expected_margin = expected
            order.unifyx_expected_margin_percent = margin_percent(expected, expected_revenue)
            order.unifyx_real_margin = real
            order.unifyx_real_revenue = real_revenue
            order.unifyx_real_margin_percent = margin_percent(real, real_revenue)
            order.unifyx_below_floor = any(lines.mapped("unifyx_below_floor"))
            order.unifyx_real_below_floor = any(map(Floor._unifyx_real_below, lines))

    # The approvals hook: below-floor lines of an "approval" floor raise
    # below_margin, and below_cost when they lose money.
    @api.depends(
        "order_line.unifyx_below_floor",
        "order_line.unifyx_below_cost",
        "order_line.unifyx_floor_id",
    )
    def _compute_unifyx_exception_type_ids(self):
        return super()._compute_unifyx_exception_type_ids()

    def _unifyx_get_exception_codes(self):
        result = super()._unifyx_get_exception_codes()
        for order in self:
            lines = order.order_line.filtered(
                lambda line: line.unifyx_below_floor and line.unifyx_floor_policy == "approve"
            )
            codes = result.setdefault(order.id, set())
            if lines:
                codes.add("below_margin")
            if lines.filtered("unifyx_below_cost"):
                codes.add("below_cost")
        return result

    def _unifyx_refresh_margin(self):
        """Re-cost draft lines and re-resolve their floors now: the product cost or
        the floors may have changed since the line was quoted. Only the lines whose
        cost or floor did change are recomputed, with what depends on them."""
        # sudo: costs are read by whoever confirms, salespeople included.
        lines = self.filtered(lambda o: o.state in ("draft", "sent")).order_line.sudo()
        if not lines:
            return
        digits = self.env["decimal.precision"].precision_get("Product Price")
        costs = self.env["stock.valuation.layer"]._unifyx_unit_costs_now(lines)
        recost = lines.filtered(
            lambda line: float_compare(
                line.unifyx_expected_unit_cost, costs[line], precision_digits=digits
            )
        )
        self._unifyx_mark_to_compute(recost, "_compute_unifyx_expected_unit_cost")
        # After the re-costing: the floors judge the new expected margins.
        moved = self.env["unifyx.margin.floor"]._unifyx_moved_lines(lines)
        self._unifyx_mark_to_compute(moved, "_compute_unifyx_floor")
        # Exceptions also come from outside the lines' margins (discount limits).
        for field in self._fields.values():
            if field.compute == "_compute_unifyx_exception_type_ids":
                self.env.add_to_compute(field, lines.order_id)
        lines.order_id.flush_recordset()
        lines.flush_recordset()

    @api.model
    def _unifyx_mark_to_compute(self, lines, compute):
        """Mark the fields of ``compute`` to recompute on ``lines``, and what
        depends on them."""
        names = [name for name, field in lines._fields.items() if field.compute == compute]
        for name in names:
            self.env.add_to_compute(lines._fields[name], lines)
        lines.modified(names)

    @api.model
    def _unifyx_margins_under_review(self, lines):
        """{line id: expected margin %} of those of ``lines`` whose quotation has
        been through the approval matrix. sudo: the seller who edits may not see
        margins; the comparison stays on the server."""
        return {
            line.id: line.sudo().unifyx_expected_margin_percent
            for line in lines
            if line.order_id.review_ids and line.order_id.state in ("draft", "sent")
        }

    @api.model
    def _unifyx_review_again_if_worse(self, lines, before):
        """An approved quotation whose margin gets worse needs approval again:
        ``before`` from _unifyx_margins_under_review()."""
        lines.filtered(
            lambda line: (
                line.id in before
                and line.unifyx_below_floor
                and line.sudo().unifyx_expected_margin_percent < before[line.id] - 1e-6
            )
        ).order_id.restart_validation()

    def _unifyx_to_company_currency(self, amount):
        """``amount`` of the order currency in the company currency:
        currency_rate is the order currency's rate against the company's at the
        order date, so converting back is a division."""
        currency = self.company_id.currency_id
        return currency.round(amount / (self.currency_rate or 1.0)) if currency else amount

    def request_validation(self):
        res = super().request_validation()
        # The approvers see the numbers they approve (on the order's margin
        # page); the chatter, read by whoever reads the order, only while costs
        # are not hidden.
        margins = self._unifyx_chatter_shows_margins()
        Floor = self.env["unifyx.margin.floor"]
        for order in self.filtered(lambda o: o.review_ids and o.unifyx_below_floor):
            order_s = order.sudo()
            messages = [
                "%s: %s" % (line.product_id.display_name, Floor._unifyx_line_text(line, margins))
                for line in order_s.order_line.filtered("unifyx_below_floor")
            ]
            intro = (
                self.env._(
                    "Margin of the order %(margin).1f %%; lines below their floor:",
                    margin=order_s.unifyx_expected_margin_percent * 100,
                )
                if margins
                else self.env._("Lines below their margin floor:")
            )
            order.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (intro, Markup("").join(Markup("<li>%s</li>") % m for m in messages)),
                subtype_xmlid="mail.mt_note",
            )
        return res

    @api.model
    def _unifyx_chatter_shows_margins(self):
        """Whether notes on orders may carry margins: every employee who reads
        an order reads its chatter, so only while costs are not hidden."""
        hidden = self.env["ir.config_parameter"].sudo().get_param("unifyx_margin.hide_costs")
        return hidden != "True"

    def _unifyx_confirmation_checks(self):
        # No way round a blocking floor, by the button or by RPC.
        return super()._unifyx_confirmation_checks() + [(20, "_unifyx_check_margin_floors")]

    def _unifyx_check_margin_floors(self):
        self._unifyx_refresh_margin()
        self.env["unifyx.margin.floor"]._unifyx_refuse_blocked(self.order_line)

    def action_confirm(self):
        pending = self.filtered(lambda o: o.state in ("draft", "sent"))
        res = super().action_confirm()
        pending.filtered(
            lambda o: o.state == "sale" and o.unifyx_below_floor
        )._unifyx_margin_notify("approved")
        return res

    # ------------------------------------------------------------------ alerts

    def _unifyx_margin_notify(self, kind):
        """Flag the orders and tell their company's sales managers."""
        now = fields.Datetime.now()
        margins = self._unifyx_chatter_shows_margins()
        Floor = self.env["unifyx.margin.floor"]
        for order in self:
            order.sudo().write({"unifyx_margin_alert": kind, "unifyx_margin_alert_date": now})
            lines = order.sudo().order_line.filtered("unifyx_floor_id")
            if kind == "approved":
                intro = self.env._("Confirmed below its margin floor:")
                details = [
                    Floor._unifyx_line_text(line, margins)
                    for line in lines.filtered("unifyx_below_floor")
                ]
            else:
                intro = self.env._("Delivered, and its real margin fell below its floor:")
                details = [
                    line.unifyx_floor_id._unifyx_drift_text(line, margins)
                    for line in lines
                    if Floor._unifyx_real_below(line)
                ]
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                intro,
                Markup("").join(Markup("<li>%s</li>") % d for d in details),
            )
            order.sudo().message_post(
                body=body,
                partner_ids=order.company_id._unifyx_sales_managers().partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _cron_unifyx_margin_digest(self):
        """Flag delivered orders whose real margin fell under the floor, then send
        each company's sales managers the list of the day's margin alerts."""
        drifted = self.search(
            [
                ("state", "=", "sale"),
                ("unifyx_real_below_floor", "=", True),
                ("unifyx_margin_alert", "!=", "drift"),
            ]
        )
        drifted._unifyx_margin_notify("drift")
        since = fields.Datetime.now() - timedelta(days=1)
        alerts = self.search([("unifyx_margin_alert_date", ">=", since)])
        mails = self.env["mail.mail"]
        for company in alerts.company_id:
            mails |= company._unifyx_margin_digest(
                alerts.filtered(lambda o, c=company: o.company_id == c)
            )
        return mails
