# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UnifyxEinvoicePlatform(models.AbstractModel):
    """The one interface between the suite and a certified platform (plateforme
    agréée, PA). An implementation is an AbstractModel ``_inherit``-ing this
    one, named ``unifyx.einvoice.platform.<key>``, and a value ``<key>`` added
    to the company's ``unifyx_einvoice_platform`` selection. It works for one
    company (``self.env.company``) and only moves data: the statuses, the
    history and the vendor bills are the suite's (res.company, account.move)."""

    _name = "unifyx.einvoice.platform"
    _description = "E-invoicing Platform (interface)"

    @api.model
    def deposit(self, invoice, attachments):
        """Hand the invoice's documents (ir.attachment: the PDF, carrying its
        Factur-X XML, and any XML) to the platform; return the platform's id
        of the invoice (str)."""
        raise NotImplementedError()

    @api.model
    def fetch_statuses(self):
        """The new status messages: a list of dicts with ``ref`` (the id
        deposit returned, or of a received invoice), ``status`` (a key of
        tools.lifecycle.STATUSES), ``date`` (ISO str, may be empty) and
        ``reason``. Each message is returned once."""
        raise NotImplementedError()

    @api.model
    def fetch_incoming(self):
        """The invoices received for the company: a list of (ref, file name,
        bytes), each returned once."""
        raise NotImplementedError()
