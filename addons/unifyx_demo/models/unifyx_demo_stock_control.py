# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
from odoo import Command, api, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_stock_control(self, company_id):
        """ABC classes of the demo's history (company-wide, by cost of goods
        sold), a few items flagged critical by hand, one critical item whose
        vendor became late (so the morning digest has a line), and one
        operator bound to each of Lyon and Marseille."""
        data = self._demo_data("stock_control")
        company = self.env["res.company"].browse(company_id)
        self = self.with_company(company)
        profile = self.env["abc.classification.profile"].create(
            {
                "name": data["profile_name"],
                "profile_type": "sale_stock",
                "unifyx_value_basis": "cogs",
                "unifyx_auto_products": True,
                "auto_apply_computed_value": True,
                "company_id": company.id,
                "warehouse_id": False,
                "period": 365,
                "level_ids": [
                    Command.create(
                        {
                            "name": lv["name"],
                            "percentage": lv["percentage"],
                            "percentage_products": lv["percentage_products"],
                            "unifyx_cycle_count_days": lv["cycle_days"],
                            "unifyx_critical": lv["critical"],
                        }
                    )
                    for lv in data["levels"]
                ],
            }
        )
        self._demo_xmlid("abc_profile_company_demo", profile)
        profile._compute_abc_classification()
        Risk = self.env["unifyx.stock.risk"]
        Risk._unifyx_refresh(company)
        # Critical by hand: the best sold items outside class A.
        risks = Risk.search(
            [("company_id", "=", company.id), ("critical", "=", False), ("daily_demand", ">", 0)],
            order="daily_demand desc, id",
        )
        manual = risks.product_id[: data["manual_critical_count"]]
        manual.product_tmpl_id.write({"unifyx_critical": True})
        # The first of them: its vendor now needs months, it will run out before.
        late = manual[:1]
        late.seller_ids.write({"delay": data["late_vendor_delay"]})
        self._demo_xmlid("product_late_vendor_demo", late)
        Risk._unifyx_refresh(company)
        for operator in data["operators"]:
            user = (
                self.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": operator["name"],
                        "login": operator["login"],
                        "password": operator["login"],
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "groups_id": [
                            Command.set(
                                [
                                    self.env.ref("base.group_user").id,
                                    self.env.ref("unifyx_base.group_warehouse_operator").id,
                                ]
                            )
                        ],
                        "unifyx_warehouse_ids": [
                            Command.set(self.env.ref("unifyx_demo.%s" % operator["warehouse"]).ids)
                        ],
                    }
                )
            )
            self._demo_xmlid("user_%s_demo" % operator["login"], user)
        return True
