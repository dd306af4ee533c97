# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import os
import re

from odoo import api, models
from odoo.exceptions import UserError

from ..tools.lifecycle import parse_status_message

INVOICE_EXTENSIONS = (".pdf", ".xml")


class UnifyxEinvoicePlatformFolder(models.AbstractModel):
    """The shipped platform: a folder per company (Settings > Invoicing).
    ``outbox/`` receives the deposited invoices; a platform (or a person, in
    tests and demo) drops in ``inbox/`` status messages (``*.json``, see
    tools.lifecycle.parse_status_message) and received invoices (``*.pdf``,
    ``*.xml``); files read are moved to ``inbox/done/`` so each is read once."""

    _name = "unifyx.einvoice.platform.folder"
    _inherit = "unifyx.einvoice.platform"
    _description = "E-invoicing Platform: folder"

    @api.model
    def _folder(self, name):
        root = self.env.company.sudo().unifyx_einvoice_folder
        if not root:
            raise UserError(
                self.env._("No e-invoicing folder is set for %s.", self.env.company.name)
            )
        path = os.path.join(root, name)
        os.makedirs(path, exist_ok=True)
        return path

    @api.model
    def deposit(self, invoice, attachments):
        ref = "%s-%s" % (re.sub(r"[^A-Za-z0-9]+", "_", invoice.name).strip("_"), invoice.id)
        outbox = self._folder("outbox")
        for attachment in attachments:
            extension = os.path.splitext(attachment.name or "")[1].lower() or ".bin"
            with open(os.path.join(outbox, ref + extension), "wb") as handle:
                handle.write(base64.b64decode(attachment.datas))
        return ref

    @api.model
    def _inbox_files(self, extensions):
        inbox = self._folder("inbox")
        return sorted(
            os.path.join(inbox, name)
            for name in os.listdir(inbox)
            if name.lower().endswith(extensions) and os.path.isfile(os.path.join(inbox, name))
        )

    @api.model
    def _done(self, path):
        """Out of the inbox once what was read is committed (a rollback leaves
        it there, to be read again: reading is idempotent)."""
        done = self._folder(os.path.join("inbox", "done"))
        target = os.path.join(done, os.path.basename(path))

        def move():
            if os.path.exists(path):
                os.replace(path, target)

        self.env.cr.postcommit.add(move)

    @api.model
    def fetch_statuses(self):
        messages = []
        for path in self._inbox_files((".json",)):
            with open(path, "rb") as handle:
                try:
                    messages += parse_status_message(handle.read())
                except ValueError as error:
                    raise UserError(
                        self.env._("Status file %(file)s: %(error)s", file=path, error=error)
                    ) from error
            self._done(path)
        return messages

    @api.model
    def fetch_incoming(self):
        files = []
        for path in self._inbox_files(INVOICE_EXTENSIONS):
            with open(path, "rb") as handle:
                files.append(
                    (
                        os.path.splitext(os.path.basename(path))[0],
                        os.path.basename(path),
                        handle.read(),
                    )
                )
            self._done(path)
        return files
