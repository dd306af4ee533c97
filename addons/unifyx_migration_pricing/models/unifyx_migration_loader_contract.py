# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer contracts (unifyx_pricing): a contract line per row.

The one contract import: the cockpit's contract profiles and a contract's own
"Import Lines" both go through this target, so a line is matched by one rule
(contract, product or category, minimum quantity, unit), the rule of
``unifyx.price.contract._unifyx_upsert_lines``, and a product by the cockpit's
one product rule (internal reference, else barcode; see
``unifyx.migration.loader._products_by_code``).
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.unifyx_migration.tools import messages
from odoo.addons.unifyx_migration.tools.records import QUIET
from odoo.addons.unifyx_migration.tools.records import same as _same
from odoo.addons.unifyx_migration.tools.targets import Target

_lt = LazyTranslate(__name__, default_lang="en_US")

# field: (kind, required, default headers)
COLUMNS = {
    "contract": ("text", True, ["Contrat", "Réf. contrat", "N° contrat", "Contract"]),
    "customer": ("text", False, ["Client", "Code client", "Customer"]),
    "date_start": ("date", False, ["Date début", "Début", "Du", "Valable du", "Start"]),
    "date_end": ("date", False, ["Date fin", "Fin", "Au", "Valable au", "End"]),
    "product": ("text", False, ["Réf. article", "Ref article", "Référence", "Article"]),
    "category": ("category", False, ["Catégorie", "Famille", "Category"]),
    "price": ("decimal", False, ["Prix", "Prix net", "Prix net HT", "Price"]),
    "discount": ("decimal", False, ["Remise", "Remise %", "Discount"]),
    "markup": ("decimal", False, ["Marge", "Marge %", "Majoration", "Coût +", "Markup"]),
    "min_quantity": (
        "decimal",
        False,
        ["Qté min", "Qté mini", "Quantité min", "Quantité minimum"],
    ),
    "uom": ("unit", False, ["Unité", "UdM", "Unit", "UoM"]),
}
MATCH_KEYS = ["contract_line"]

messages.register(
    {
        "one_price": _lt("A contract row has a price, a discount or a markup: give exactly one"),
        "contract_customer": _lt("Contract %(value)s is new: give its customer"),
        "contract_header": _lt(
            "Contract %(value)s is given another customer or other dates in row %(row)s"
        ),
        "contract_locked": _lt(
            "Contract %(value)s is not a draft: a sales manager sets it back to draft first"
        ),
        "uom_category": _lt("The unit %(value)s cannot measure %(product)s"),
    }
)


class UnifyxMigrationLoaderContract(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "contract": Target(COLUMNS, MATCH_KEYS, self._resolve_contract, self._apply_contract),
        }

    @api.model
    def _resolve_contract(self, run, plans):
        """Rows are lines of customer contracts (unifyx_pricing): the contract
        reference, then a product or a category, a minimum quantity and a unit
        identify a line. A new contract takes the customer and dates of its
        first row; later rows repeat them or leave them empty."""
        company = run.company_id
        Contract = self.env["unifyx.price.contract"]
        names = {p.values["contract"] for p in plans if p.values.get("contract")}
        contracts = defaultdict(lambda: Contract)
        # A run for one contract (the contract's own import) loads into it only.
        only = getattr(run, "contract_id", None)
        for contract in only or Contract.search(
            [("name", "in", list(names)), ("company_id", "=", company.id)]
        ):
            contracts[contract.name] |= contract
        uoms = self.env["uom.uom"].browse({p.values["uom"] for p in plans if p.values.get("uom")})
        headers, seen = {}, {}

        def resolve_row(plan):
            values = plan.values
            name = values.get("contract")
            prices = [f for f in ("price", "discount", "markup") if values.get(f) is not None]
            if any(plan.field_error(f) for f in ("price", "discount", "markup")):
                pass
            elif len(prices) != 1:
                plan.error("price", "one_price")
            if not name:
                return  # the required contract reference is missing: said
            found = contracts.get(name) or Contract
            if len(found) > 1:
                plan.error("contract", "ambiguous", name, count=len(found))
            elif not found and name not in headers and not values["customer_id"]:
                plan.error("customer", "contract_customer", name)
            if plan.has_error:
                return
            header = (values["customer_id"], values.get("date_start"), values.get("date_end"))
            first = headers.setdefault(name, (header, plan.row))
            if any(mine and mine != theirs for mine, theirs in zip(header, first[0], strict=True)):
                plan.error("contract", "contract_header", name, row=first[1])
                return
            values["contract_id"] = found
            product = self.env["product.product"].browse(values["product_id"])
            unit = values.get("uom") and uoms.browse(values["uom"])
            if unit and product and unit.category_id != product.uom_id.category_id:
                plan.error("uom", "uom_category", unit.name, product=values["product"])
                return
            values["price_type"] = {"price": "fixed", "discount": "discount"}.get(
                prices[0], "cost_plus"
            )
            key = self._contract_key(name, values)
            if key in seen:
                plan.error("contract", "duplicate_in_file", name, row=seen[key])
                return
            seen[key] = plan.row
            line = None
            for existing in found.line_ids:
                if self._contract_key(name, self._line_values(existing)) == key:
                    line = existing
            plan.record = line
            if (
                found
                and found.state != "draft"
                and (
                    self._contract_header_changes(found, values)
                    or not (line and _same(line, self._contract_line_vals(values)))
                )
            ):
                plan.error("contract", "contract_locked", name)

        self._resolve_priced_rows(plans, resolve_row)

    @staticmethod
    def _contract_header_changes(contract, values):
        """What the row changes of the contract's customer and dates (an empty
        cell changes nothing)."""
        header = {
            "partner_id": values.get("customer_id"),
            "date_start": fields.Date.to_date(values.get("date_start")),
            "date_end": fields.Date.to_date(values.get("date_end")),
        }
        return {
            fname: value
            for fname, value in header.items()
            if value and value != (contract[fname].id if fname == "partner_id" else contract[fname])
        }

    @staticmethod
    def _contract_key(name, values):
        # As unifyx_pricing's own import keys the lines of a contract.
        return (
            name,
            values.get("product_id") or False,
            values.get("categ_id") or False,
            round(values.get("min_quantity") or 0.0, 6),
            values.get("uom") or False,
        )

    @staticmethod
    def _line_values(line):
        return {
            "product_id": line.product_id.id,
            "categ_id": line.categ_id.id,
            "min_quantity": line.min_qty,
            "uom": line.uom_id.id,
        }

    @staticmethod
    def _contract_line_vals(values):
        return {
            "product_id": values["product_id"] or False,
            "categ_id": values["categ_id"] or False,
            "price_type": values["price_type"],
            "fixed_price": values.get("price") or 0.0,
            "discount": values.get("discount") or 0.0,
            "markup": values.get("markup") or 0.0,
            "min_qty": values.get("min_quantity") or 0.0,
            "uom_id": values.get("uom") or False,
        }

    @api.model
    def _apply_contract(self, run, plans):
        company = run.company_id
        Contract = self.env["unifyx.price.contract"].with_context(**QUIET)
        contracts = {}
        moved = set()  # rows that change an existing draft contract's customer or dates
        for plan in plans:
            values = plan.values
            contract = values["contract_id"] or contracts.get(values["contract"])
            header = contract and self._contract_header_changes(contract, values)
            if header:
                contract.write(header)
                moved.add(plan.row)
            if not contract:
                contract = Contract.create(
                    {
                        "name": values["contract"],
                        "partner_id": values["customer_id"],
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "date_start": values.get("date_start") or fields.Date.context_today(self),
                        "date_end": values.get("date_end") or False,
                    }
                )
            contracts[values["contract"]] = contract
        # unifyx_pricing's own upsert writes the lines, one call per contract.
        changes = defaultdict(list)
        for plan in plans:
            vals = self._contract_line_vals(plan.values)
            if not plan.record:
                plan.action = "create"
            elif _same(plan.record, vals):
                plan.action = "update" if plan.row in moved else "unchanged"
                continue
            else:
                plan.action = "update"
                self._report_updates(
                    plan,
                    plan.record,
                    vals,
                    {"fixed_price": "price", "min_qty": "min_quantity", "uom_id": "uom"},
                )
            changes[contracts[plan.values["contract"]]].append(vals)
        for contract, vals_list in changes.items():
            contract._unifyx_upsert_lines(vals_list)
