# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.tools import SQL


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_dashboard_history(self, company_id):
        """The demo history is generated in one go, today: its orders carry
        past dates, but it was created, delivered and received today. Give
        each step a date after its order's, so the cycle-time and on-time
        KPIs of the demo read like a real quarter (demo data only)."""
        self.env.flush_all()
        for statement in (
            # Orders were keyed in a few hours before their order date.
            """UPDATE sale_order
                  SET create_date = date_order - (mod(id, 3) + 1) * interval '5 hours'
                WHERE company_id = %(company)s AND create_date > date_order""",
            """UPDATE purchase_order
                  SET create_date = date_order - (mod(id, 4) + 1) * interval '9 hours'
                WHERE company_id = %(company)s AND create_date > date_order""",
            # Deliveries leave 1 to 4 days after the order (promised at 3 days).
            """UPDATE stock_picking sp
                  SET date_done = so.date_order + (mod(sp.id, 4) + 1) * interval '1 day'
                 FROM sale_order so
                WHERE so.id = sp.sale_id AND sp.company_id = %(company)s AND sp.state = 'done'
                  AND sp.date_done > so.date_order + interval '10 days'""",
            # Receipts arrive 2 to 6 days after the order is confirmed.
            """UPDATE stock_picking sp
                  SET date_done = po.date_approve + (mod(sp.id, 5) + 2) * interval '1 day'
                 FROM stock_move sm
                 JOIN purchase_order_line pol ON pol.id = sm.purchase_line_id
                 JOIN purchase_order po ON po.id = pol.order_id
                WHERE sm.picking_id = sp.id AND sp.company_id = %(company)s
                  AND sp.state = 'done' AND sp.date_done > po.date_approve + interval '10 days'""",
            # Invoiced 0 to 2 days after the last delivery (the invoice date only:
            # the accounting date of the posted entries is kept).
            """UPDATE account_move am SET invoice_date = d.done::date + mod(am.id, 3)
                 FROM (SELECT aml.move_id, max(sp.date_done) AS done
                         FROM account_move_line aml
                         JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = aml.id
                         JOIN sale_order_line sol ON sol.id = rel.order_line_id
                         JOIN stock_picking sp ON sp.sale_id = sol.order_id AND sp.state = 'done'
                        GROUP BY aml.move_id) d
                WHERE am.id = d.move_id AND am.company_id = %(company)s
                  AND am.move_type = 'out_invoice' AND am.invoice_date > d.done::date + 10""",
            """UPDATE stock_move sm SET date = sp.date_done
                 FROM stock_picking sp
                WHERE sp.id = sm.picking_id AND sp.company_id = %(company)s
                  AND sm.state = 'done'""",
            """UPDATE stock_move_line sml SET date = sp.date_done
                 FROM stock_picking sp
                WHERE sp.id = sml.picking_id AND sp.company_id = %(company)s
                  AND sml.state = 'done'""",
        ):
            self.env.cr.execute(SQL(statement, company=company_id))
        self.env.invalidate_all()
        return True
