# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import dataclasses

from odoo import api, fields, models
from odoo.tools import float_compare

from ..tools.quoting import Quote, RateCache
from ..tools.resolution import resolve
from .price_contract_line import COST_GROUP


class UnifyxPriceResolver(models.AbstractModel):
    """Which price a sale line gets, and why: an approved price exception, a
    customer contract, a segment contract (the rules come from their own
    models), else Odoo's pricelist."""

    _name = "unifyx.price.resolver"
    _description = "Sale Price Resolution"

    @api.model
    def _resolve(self, lines):
        """{line: (contract line, exception line, unit price, discount %)} of
        the lines of ``lines`` a contract or an exception prices, with a fixed
        number of queries whatever their number."""
        discount_enabled = self.env["product.pricelist.item"]._is_discount_feature_enabled()
        Contract = self.env["unifyx.price.contract.line"]
        Exception_ = self.env["unifyx.price.exception.line"]
        result = {}
        for line, (record, shown, net, discount) in self._resolve_rules(lines).items():
            result[line] = (
                record if record._name == Contract._name else Contract,
                record if record._name == Exception_._name else Exception_,
                *((shown, discount) if discount_enabled else (net, 0.0)),
            )
        return result

    @api.model
    def _unruled(self, line):
        """(unit price, discount %) of a line no contract nor exception prices
        (and whose resolution fields say so already)."""
        if not line.product_id or line.display_type or not line.product_uom:
            return 0.0, 0.0
        if line.combo_item_id and not self._linked_line_known(line):
            # A combo item whose combo line is not in the order yet (the combo
            # configurator's onchange): Odoo prices it from that line.
            return line.price_unit, line.discount
        # Odoo's own pricelist price and discount, as _compute_price_unit and
        # _compute_discount would set them.
        line_c = line.with_company(line.company_id)
        discount_enabled = self.env["product.pricelist.item"]._is_discount_feature_enabled()
        return line_c._get_display_price(), self._pricelist_discount(line_c, discount_enabled)

    @api.model
    def _quotes(self, lines):
        """{line: Quote} of the lines a contract or an exception may price."""
        return {
            line: Quote(
                partner=line.order_id.partner_id.commercial_partner_id,
                product=line.product_id,
                company=line.order_id.company_id,
                currency=line.order_id.currency_id or line.order_id.company_id.currency_id,
                day=(line._get_order_date() or fields.Datetime.now()).date(),
                categ_path=tuple(line.product_id.categ_id._unifyx_path()),
            )
            for line in lines
            if line.product_id
            and line.product_uom
            and not line.display_type
            and line.order_id
            and not line.combo_item_id
            and line.product_type != "combo"
        }

    @api.model
    def _resolve_rules(self, lines):
        """The contract or exception price of these lines.

        :return: {line: (contract or exception line, displayed price, net price,
                  discount %)}, prices per unit of the line in the order currency
        """
        quotes = self._quotes(lines)
        rates = RateCache()
        exceptions = self.env["unifyx.price.exception.line"]._unifyx_rules_for(quotes, rates)
        contracts = self.env["unifyx.price.contract.line"]._unifyx_rules_for(quotes, rates)
        result = {}
        for line, quote in quotes.items():
            found = exceptions.get(line, []) + contracts.get(line, [])
            if not found:
                continue
            rules = [dataclasses.replace(rule, id=i) for i, (_rec, rule) in enumerate(found)]
            product, company = quote.product, quote.company
            qty = line.product_uom._compute_quantity(
                line.product_uom_qty or 1.0, product.uom_id, round=False
            )
            product_c = product.with_company(company)
            list_price = rates.convert(product_c.lst_price, company.currency_id, quote)
            # sudo: a cost-plus price is worked out on the server for a seller
            # who may not see costs; only the price leaves it.
            cost = rates.convert(product_c.sudo().standard_price, company.currency_id, quote)
            res = resolve(rules, product.id, quote.categ_path, qty, list_price, cost, quote.day)
            if res is None:
                continue
            # Per reference unit -> per unit of the line.
            to_line = product.uom_id._compute_price
            result[line] = (
                found[res.rule.id][0],
                to_line(res.list_price, line.product_uom),
                to_line(res.price, line.product_uom),
                res.discount,
            )
        return result

    @api.model
    def _linked_line_known(self, line):
        """Whether Odoo's _get_linked_line() finds this line's combo line."""
        if line.linked_line_id:
            return True
        siblings = line.order_id.order_line.filtered(
            lambda other: other.virtual_id == line.linked_virtual_id
        )
        return bool(line.linked_virtual_id) and len(siblings) == 1

    @api.model
    def _pricelist_discount(self, line, discount_enabled):
        """The discount Odoo's _compute_discount gives the line from the pricelist."""
        if not (line.order_id.pricelist_id and discount_enabled):
            return 0.0
        if not line.pricelist_item_id._show_discount():
            return 0.0
        pricelist_price = line._get_pricelist_price()
        base_price = line._get_pricelist_price_before_discount()
        if base_price:
            discount = (base_price - pricelist_price) / base_price * 100
            if (discount > 0 and base_price > 0) or (discount < 0 and base_price < 0):
                return discount
        return 0.0

    @api.model
    def _expected_price_unit(self, line):
        """The resolved price as price_unit holds it (taxes included if the
        product's are), as Odoo's _reset_price_unit converts it."""
        line = line.with_company(line.company_id)
        taxes = line.product_id.taxes_id._filter_taxes_by_company(line.company_id)
        if not any(taxes.mapped("price_include")):
            return line.unifyx_resolved_price
        return line.product_id._get_tax_included_unit_price_from_price(
            line.unifyx_resolved_price,
            product_taxes=taxes,
            fiscal_position=line.order_id.fiscal_position_id,
        )

    @api.model
    def _is_manual(self, line):
        """Whether the line's price or discount is not the resolved one."""
        currency = line.currency_id or line.company_id.currency_id or self.env.company.currency_id
        return bool(
            currency.compare_amounts(line.price_unit, self._expected_price_unit(line))
            or float_compare(line.discount, line.unifyx_resolved_discount, precision_digits=2)
        )

    @api.model
    def _extra_discount(self, line):
        """Percent the line's net price is below its resolved net price (0 if
        above): the discount its setter grants."""
        if not line.product_id or line.display_type:
            return 0.0
        resolved = self._expected_price_unit(line) * (1 - line.unifyx_resolved_discount / 100)
        if resolved <= 0:
            return 0.0
        net = line.price_unit * (1 - line.discount / 100)
        return max(0.0, round((1 - net / resolved) * 100, 4))

    @api.model
    def _explain(self, line):
        """Why the line has its price ("why this price"), for the current user."""
        source = line.unifyx_price_source
        if not source:
            return False
        if source == "manual":
            if line.unifyx_price_manual_user_id:
                return self.env._(
                    "Set by hand by %(user)s on %(date)s (resolved: %(price)s, %(discount)s %%)",
                    user=line.unifyx_price_manual_user_id.name,
                    date=fields.Datetime.to_string(line.unifyx_price_manual_date),
                    price=round(line.unifyx_resolved_price, 4),
                    discount=round(line.unifyx_resolved_discount, 2),
                )
            return self.env._(
                "Differs from the resolved price %(price)s (update the prices to apply it)",
                price=round(line.unifyx_resolved_price, 4),
            )
        # sudo: whoever reads the line may not read the exception (another
        # salesperson's request) or the contract; the reason is theirs to see.
        if source == "exception":
            return line.unifyx_price_exception_line_id.sudo()._unifyx_explain()
        if source == "contract":
            # A cost-plus markup is told only to whoever sees costs.
            show_cost = self.env.su or self.env.user.has_group(COST_GROUP)
            return line.unifyx_price_contract_line_id.sudo()._unifyx_explain(show_cost)
        pricelist = line.order_id.pricelist_id
        if not pricelist:
            return self.env._("Sales price of the product")
        return self.env._("Pricelist %(pricelist)s", pricelist=pricelist.display_name)
