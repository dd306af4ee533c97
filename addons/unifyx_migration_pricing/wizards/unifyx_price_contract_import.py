# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.unifyx_migration.tools.cleansing import ERROR
from odoo.addons.unifyx_migration.tools.messages import note_message, reader_message
from odoo.addons.unifyx_migration.tools.readers import ReaderError, match_headers, read_table
from odoo.addons.unifyx_pricing.tools.spreadsheet import HEADER

# The contract export's price type: the column holding the line's price.
PRICE_COLUMNS = {"fixed": ("price", "fixed_price"), "discount": ("discount", "discount")}
PRICE_COLUMNS["cost_plus"] = ("markup", "markup")


class UnifyxPriceContractImport(models.TransientModel):
    """Load a contract's lines from the file its "Export Lines" writes (columns
    product, category, price_type, fixed_price, discount, markup, min_qty, uom),
    through the migration cockpit's contract target: the same cleansing and the
    same matching as a contract profile. Every row is checked first and nothing
    is written if one is wrong; a row matching an existing line (same product or
    category, minimum quantity and unit) updates it, so loading the same file
    twice changes nothing."""

    _name = "unifyx.price.contract.import"
    _description = "Import Contract Lines"

    contract_id = fields.Many2one("unifyx.price.contract", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="contract_id.company_id")
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        if self.contract_id.state != "draft":
            raise UserError(self.env._("Lines are imported into a draft contract only."))
        rows, bad_types = self._rows()
        loader = self.env["unifyx.migration.loader"]
        plans = loader._plan_rows(self, rows, target="contract")
        errors = []
        for plan in plans:
            if plan.row in bad_types:
                errors.append(
                    self.env._(
                        "Row %(row)s: the price type is one of fixed, discount, cost_plus.",
                        row=plan.row,
                    )
                )
            errors.extend(
                self.env._("Row %(row)s: %(message)s", row=plan.row, message=message)
                for _field, note in plan.notes
                if note.level == ERROR
                for message in [note_message(note, self.env.lang)]
            )
        if not plans:
            errors.append(
                self.env._("The file has no line. Expected columns: %s", ", ".join(HEADER))
            )
        if errors:
            raise UserError(
                self.env._("Nothing was imported:\n%(errors)s", errors="\n".join(errors))
            )
        loader._apply(self, [plan for plan in plans if plan.loadable], target="contract")
        return {"type": "ir.actions.act_window_close"}

    def _rows(self):
        """([(row number, cells, {contract target field: cell})], rows whose
        price type is not one of the export's)."""
        try:
            table = read_table(self.filename or "lines.xlsx", base64.b64decode(self.file))
        except ReaderError as error:
            raise UserError(reader_message(error, self.env.lang)) from error
        columns, missing = match_headers(table.headers, {name: [name] for name in HEADER})
        if missing:
            raise UserError(
                self.env._("The file has no line. Expected columns: %s", ", ".join(HEADER))
            )
        rows, bad_types = [], set()
        for number, cells in table:
            cell = {name: cells[index] for name, index in columns.items()}
            raw = {
                "contract": self.contract_id.name,
                "product": cell["product"],
                "category": cell["category"],
                "min_quantity": cell["min_qty"],
                "uom": cell["uom"],
            }
            price_type = str(cell["price_type"] or "").strip()
            if price_type in PRICE_COLUMNS:
                field_name, column = PRICE_COLUMNS[price_type]
                raw[field_name] = cell[column] if cell[column] not in (None, "") else 0
            else:
                bad_types.add(number)
            rows.append((number, cells, raw))
        return rows, bad_types
