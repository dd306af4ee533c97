# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def _unifyx_delay_sending(self):
        self.ensure_one()
        self.with_delay(
            channel="root.invoicing",
            identity_key="unifyx_send_invoice_%s" % self.id,
            description=self.env._("Send invoice %s", self.name),
        )._unifyx_send_job()

    def _unifyx_send_job(self):
        """The job: send the posted invoice as its customer prefers (Odoo's
        sending: e-mail with the PDF by default; any electronic document the
        installed addons add to it). Idempotent: a sent invoice is not sent
        again. A sending error goes on the invoice's chatter, as Odoo's own
        sending cron does, the invoice stays posted."""
        self.ensure_one()
        move = self.sudo()
        if move.state != "posted" or move.is_move_sent:
            return "Nothing to send"
        # The e-mail comes from the salesperson, not from the warehouse operator
        # whose validation queued the job.
        author = move.invoice_user_id or self.env.ref("base.user_root")
        try:
            with self.env.cr.savepoint():
                self.env["account.move.send"].sudo()._generate_and_send_invoices(
                    move,
                    allow_raising=False,
                    author_user_id=author.id,
                    author_partner_id=author.partner_id.id,
                )
        except UserError as error:
            # No PDF (e.g. no wkhtmltopdf on the server): the invoice stays
            # posted, the reason goes on its chatter; Send from the invoice retries.
            move.message_post(body=self.env._("The invoice could not be sent: %s", error.args[0]))
            return "Not sent: %s" % error.args[0]
        return "Sent" if move.is_move_sent else "Not sent (see the invoice's messages)"
