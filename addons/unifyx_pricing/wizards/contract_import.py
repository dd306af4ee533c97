# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.spreadsheet import HEADER, read_rows


class UnifyxPriceContractImport(models.TransientModel):
    """Load contract lines from a spreadsheet: every row is checked first and
    nothing is written if one is wrong; a row matching an existing line
    (same product or category, minimum quantity and unit) updates it, so
    loading the same file twice changes nothing."""

    _name = "unifyx.price.contract.import"
    _description = "Import Contract Lines"

    contract_id = fields.Many2one("unifyx.price.contract", required=True, ondelete="cascade")
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        if self.contract_id.state != "draft":
            raise UserError(self.env._("Lines are imported into a draft contract only."))
        try:
            rows = read_rows(io.BytesIO(base64.b64decode(self.file)))
        except Exception as error:  # openpyxl raises many kinds on a bad file
            raise UserError(
                self.env._("This is not a readable .xlsx file: %(error)s", error=error)
            ) from error
        vals_list, errors = self._convert(rows)
        if errors:
            raise UserError(
                self.env._("Nothing was imported:\n%(errors)s", errors="\n".join(errors))
            )
        self.contract_id._unifyx_upsert_lines(vals_list)
        return {"type": "ir.actions.act_window_close"}

    def _convert(self, rows):
        """(line values, error messages) of the spreadsheet rows."""
        Product = self.env["product.product"]
        Category = self.env["product.category"]
        Uom = self.env["uom.uom"]
        types = {"fixed", "discount", "cost_plus"}
        vals_list, errors = [], []
        for number, row in rows:
            vals = {}
            code, categ_name, uom_name = row["product"], row["category"], row["uom"]
            if bool(code) == bool(categ_name):
                errors.append(self.env._("Row %(row)s: give a product or a category.", row=number))
                continue
            if code:
                product = Product.search(
                    ["|", ("default_code", "=", code), ("barcode", "=", code)], limit=2
                )
                if len(product) != 1:
                    errors.append(
                        self.env._(
                            "Row %(row)s: product %(code)s not found.", row=number, code=code
                        )
                    )
                    continue
                vals["product_id"] = product.id
            else:
                categ = Category.search([("complete_name", "=", categ_name)], limit=1)
                if not categ:
                    errors.append(
                        self.env._(
                            "Row %(row)s: category %(name)s not found.", row=number, name=categ_name
                        )
                    )
                    continue
                vals["categ_id"] = categ.id
            if row["price_type"] not in types:
                errors.append(
                    self.env._(
                        "Row %(row)s: the price type is one of fixed, discount, cost_plus.",
                        row=number,
                    )
                )
                continue
            vals["price_type"] = row["price_type"]
            try:
                vals["fixed_price"] = float(row["fixed_price"] or 0)
                vals["discount"] = float(row["discount"] or 0)
                vals["markup"] = float(row["markup"] or 0)
                vals["min_qty"] = float(row["min_qty"] or 0)
            except ValueError:
                errors.append(self.env._("Row %(row)s: a number is not a number.", row=number))
                continue
            vals["uom_id"] = False
            if uom_name:
                uom = Uom.search([("name", "=ilike", uom_name)], limit=1)
                if not uom:
                    errors.append(
                        self.env._("Row %(row)s: unit %(uom)s not found.", row=number, uom=uom_name)
                    )
                    continue
                vals["uom_id"] = uom.id
            vals_list.append(vals)
        if not rows:
            errors.append(
                self.env._("The file has no line. Expected columns: %s", ", ".join(HEADER))
            )
        return vals_list, errors
