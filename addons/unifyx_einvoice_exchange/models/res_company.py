# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_einvoice_platform = fields.Selection(
        [("folder", "Folder (outbox / inbox)")],
        string="E-invoicing Platform",
        help="The certified platform (plateforme agréée) the company's e-invoices go "
        "through. Empty: none. A platform addon adds its own value.",
    )
    # The server writes there: only administrators set it.
    unifyx_einvoice_folder = fields.Char(
        string="E-invoicing Folder",
        groups="base.group_system",
        help="Folder platform: the server writes deposited invoices to <folder>/outbox "
        "and reads status messages and received invoices from <folder>/inbox.",
    )
    unifyx_einvoice_journal_id = fields.Many2one(
        "account.journal",
        string="E-invoices Received In",
        domain="[('type', '=', 'purchase'), ('company_id', '=', id)]",
        help="Purchase journal of the vendor bills received from the platform "
        "(default: the first purchase journal).",
    )

    def _unifyx_einvoice_platform(self):
        """The company's platform implementation, working for the company, or
        None when the company has none."""
        self.ensure_one()
        if not self.unifyx_einvoice_platform:
            return None
        return self.env["unifyx.einvoice.platform.%s" % self.unifyx_einvoice_platform].with_company(
            self
        )

    @api.model
    def _cron_unifyx_einvoice_fetch(self):
        for company in self.sudo().search([("unifyx_einvoice_platform", "!=", False)]):
            company._unifyx_einvoice_fetch()

    def _unifyx_einvoice_fetch(self):
        """Read the platform: statuses onto the invoices they name, received
        invoices into draft vendor bills (Odoo's own import: Factur-X, UBL,
        CII). Idempotent: a message or a file read twice changes nothing more.
        Returns (statuses applied, bills created) for the log."""
        self.ensure_one()
        company = self.sudo()
        platform = company._unifyx_einvoice_platform()
        if platform is None:
            return 0, company.env["account.move"]
        moves = company.env["account.move"].with_company(company)
        applied = 0
        for message in platform.fetch_statuses():
            move = moves.search(
                [
                    ("company_id", "=", company.id),
                    ("unifyx_einvoice_platform_ref", "=", message["ref"]),
                ],
                limit=1,
            )
            if not move:
                _logger.warning("E-invoice status for an unknown reference %s", message["ref"])
                continue
            date = (
                fields.Datetime.to_datetime(message["date"][:19].replace("T", " "))
                if message["date"]
                else None
            )
            move._unifyx_einvoice_set_status(message["status"], date, reason=message["reason"])
            applied += 1
        bills = company.env["account.move"]
        for ref, filename, content in platform.fetch_incoming():
            bills |= company._unifyx_einvoice_import(ref, filename, content)
        return applied, bills

    def _unifyx_einvoice_import(self, ref, filename, content):
        """One received invoice file -> a draft vendor bill, through the purchase
        journal's upload (account.journal._create_document_from_attachment,
        which reads Factur-X / UBL / CII). Matching it is another concern."""
        self.ensure_one()
        moves = self.env["account.move"].with_company(self)
        existing = moves.search(
            [("company_id", "=", self.id), ("unifyx_einvoice_platform_ref", "=", ref)], limit=1
        )
        if existing:
            return moves
        journal = self.unifyx_einvoice_journal_id or self.env["account.journal"].search(
            [("company_id", "=", self.id), ("type", "=", "purchase")], limit=1
        )
        attachment = self.env["ir.attachment"].create(
            {"name": filename, "datas": base64.b64encode(content), "res_model": "account.move"}
        )
        bills = (
            journal.with_company(self)
            .with_context(default_move_type="in_invoice", allowed_company_ids=self.ids)
            ._create_document_from_attachment(attachment.ids)
        )
        bills.write({"unifyx_einvoice_platform_ref": ref})
        bills._unifyx_einvoice_set_status("received")
        return bills
