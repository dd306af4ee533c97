# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class UnifyxMigrationProfile(models.Model):
    _name = "unifyx.migration.profile"
    _description = "Migration import profile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    target = fields.Selection(
        [
            ("uom", "Units of measure"),
            ("category", "Product categories"),
            ("partner", "Partners (customers and vendors)"),
            ("product", "Products (vendors, costs, barcodes, tracking)"),
            ("stock", "Opening stock"),
            ("pricelist", "Customer price lists"),
        ],
        required=True,
    )
    match_key = fields.Selection(
        [
            ("name", "Name"),
            ("path", "Category path"),
            ("default_code", "Internal reference"),
            ("ref", "Partner reference"),
            ("barcode", "Barcode"),
            ("vat", "VAT number"),
            ("external_id", "External ID"),
            ("pricelist_rule", "Price list, product or category, minimum quantity, start date"),
        ],
        required=True,
        help="Which column identifies an existing record: a rerun updates it, never duplicates it. "
        "A row naming a product (opening stock, price lists, contracts) gives its internal "
        "reference, else its barcode.",
    )
    line_ids = fields.One2many(
        "unifyx.migration.profile.line", "profile_id", string="Column mapping", copy=True
    )
    run_ids = fields.One2many("unifyx.migration.run", "profile_id", string="Runs")

    @api.constrains("target", "match_key")
    def _check_match_key(self):
        for profile in self:
            if profile.match_key not in profile._target().match_keys:
                raise ValidationError(
                    self.env._(
                        "The match key %(key)s cannot be used for this kind of import.",
                        key=profile.match_key,
                    )
                )

    @api.onchange("target")
    def _onchange_target(self):
        if self.target:
            self.match_key = self._target().match_keys[0]
            self.line_ids = [Command.clear()] + self._default_line_commands(self.target)

    @api.model
    def _default_line_commands(self, target):
        return [
            Command.create(
                {
                    "sequence": index,
                    "field_name": name,
                    "headers": ", ".join(headers),
                    "required": required,
                }
            )
            for index, (name, (_kind, required, headers)) in enumerate(
                self._target(target).columns.items()
            )
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("target") and not vals.get("line_ids"):
                vals["line_ids"] = self._default_line_commands(vals["target"])
            if vals.get("target") and not vals.get("match_key"):
                vals["match_key"] = self._target(vals["target"]).match_keys[0]
        return super().create(vals_list)

    def _target(self, target=None):
        """The loader's declaration of ``target`` (the profile's by default)."""
        return self.env["unifyx.migration.loader"]._target(target or self.target)

    def _column_spellings(self):
        """{field: [accepted headers]} of the mapping; a field's own name always matches."""
        self.ensure_one()
        return {
            line.field_name: [h.strip() for h in (line.headers or "").split(",")]
            + [line.field_name]
            for line in self.line_ids
        }
