# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
import json
import os
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import config

from odoo.addons.unifyx_base.tools.jobs import run_pending_jobs


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_einvoice_exchange(self, company_id):
        """Invoicing on delivery and e-invoicing, the way production runs them:
        the company invoices on delivery and exchanges through the folder
        platform; the delivered orders the history left to invoice are invoiced
        by the invoicing jobs (posted, sent, deposited), then the platform's
        status messages are read."""
        company = self.env["res.company"].browse(company_id)
        data = self._demo_data("einvoice_exchange")
        folder = os.path.join(config["data_dir"], data["folder"], self.env.cr.dbname)
        company.sudo().write(
            {
                "unifyx_invoice_on_delivery": True,
                "unifyx_einvoice_platform": "folder",
                "unifyx_einvoice_folder": folder,
            }
        )
        deliveries = self.env["stock.picking"].search(
            [
                ("company_id", "=", company.id),
                ("picking_type_code", "=", "outgoing"),
                ("state", "=", "done"),
                ("sale_id.invoice_status", "=", "to invoice"),
                ("unifyx_invoicing_state", "=", False),
            ],
            order="date_done, id",
        )
        deliveries._unifyx_invoice_on_delivery()
        self._demo_run_jobs()
        invoices = self.env["account.move"].search(
            [("company_id", "=", company.id), ("unifyx_einvoice_platform_ref", "!=", False)],
            order="id",
        )
        self._demo_einvoice_exchange_statuses(company, invoices, data)
        return invoices

    @api.model
    def _demo_run_jobs(self):
        """Run the queued jobs now, in order, as the job runner would (the
        demo is generated in one transaction)."""
        return run_pending_jobs(self.env)

    @api.model
    def _demo_einvoice_exchange_statuses(self, company, invoices, data):
        """The platform answers: one status file per invoice in the inbox,
        read as the cron reads it."""
        inbox = os.path.join(company.sudo().unifyx_einvoice_folder, "inbox")
        os.makedirs(inbox, exist_ok=True)
        plans = data["status_plans"]
        start = fields.Datetime.now()
        for index, invoice in enumerate(invoices):
            messages = [
                {
                    "ref": invoice.unifyx_einvoice_platform_ref,
                    "status": status,
                    "date": (
                        start + timedelta(minutes=(step + 1) * data["minutes_between"])
                    ).strftime("%Y-%m-%dT%H:%M:%S"),
                    "reason": data["reasons"].get(status, ""),
                }
                for step, status in enumerate(plans[index % len(plans)])
            ]
            name = "%s.json" % invoice.unifyx_einvoice_platform_ref
            with open(os.path.join(inbox, name), "w", encoding="utf-8") as handle:
                json.dump(messages, handle)
        company._unifyx_einvoice_fetch()
