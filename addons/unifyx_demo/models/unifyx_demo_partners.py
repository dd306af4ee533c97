# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Partners of the demo distributor: French vendors and customers in three
segments, and the two sales teams that serve them (data/demo_partners.json)."""

from odoo import Command, models

from ..tools.demo_data import french_vat


def _phone(rng):
    return "+33 %d %02d %02d %02d %02d" % (
        rng.randint(1, 5),
        *(rng.randint(10, 99) for _i in range(4)),
    )


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    def _demo_partners_vendors(self, company, rng):
        data = self._demo_data("partners")
        cities = data["cities"]
        france = self.env.ref("base.fr")
        term = self.env.ref(data["vendor_payment_term"])
        return self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "supplier_rank": 1,
                    "company_id": company.id,
                    "country_id": france.id,
                    "city": cities[index % len(cities)]["city"],
                    "zip": cities[index % len(cities)]["zip"],
                    "email": "commandes@%s.example"
                    % name.lower().replace(" ", "-").replace("é", "e").replace("ô", "o"),
                    "phone": _phone(rng),
                    "vat": french_vat(40000000 + index * 7919),
                    "property_supplier_payment_term_id": term.id,
                }
                for index, name in enumerate(data["vendors"])
            ]
        )

    def _demo_partners_customers(self, company, rng):
        data = self._demo_data("partners")
        cities, words = data["cities"], data["customer_words"]
        france = self.env.ref("base.fr")
        vals_list = []
        index = 0
        for row in data["segments"]:
            segment = self.env.ref("unifyx_demo.%s" % row["segment"])
            terms = row["payment_terms"]
            for _i in range(row["count"]):
                city = cities[index % len(cities)]
                vals_list.append(
                    {
                        "name": "%s %s %s"
                        % (row["prefix"], words[index % len(words)], city["city"])
                        + (" %d" % (index // len(cities)) if index >= len(cities) else ""),
                        "is_company": True,
                        "customer_rank": 1,
                        "company_id": company.id,
                        "unifyx_customer_segment_id": segment.id,
                        "country_id": france.id,
                        "city": city["city"],
                        "zip": city["zip"],
                        "street": "%d avenue Jean Jaurès" % rng.randint(1, 200),
                        "phone": _phone(rng),
                        "vat": french_vat(50000000 + index * 10477),
                        "property_payment_term_id": self.env.ref(terms[index % len(terms)]).id,
                    }
                )
                index += 1
        return self.env["res.partner"].create(vals_list)

    def _demo_sales_teams(self, company, customers):
        """Two channels: field sales (installers, wholesale) and inside sales
        (retail chains, counter and phone orders)."""
        data = self._demo_data("partners")
        manager = self.env.ref("unifyx_demo.%s" % data["team_manager"])
        members = {}
        for row in data["teams"]:
            member = self.env.ref("unifyx_demo.%s" % row["member"])
            team = self.env["crm.team"].create(
                {
                    "name": row["name"],
                    "company_id": company.id,
                    "user_id": manager.id,
                    "member_ids": [Command.set(member.ids)],
                }
            )
            self._demo_xmlid(row["xml_id"], team)
            members[row["xml_id"]] = member
        field_user, inside_user = members["team_field_demo"], members["team_inside_demo"]
        inside_segment = self.env.ref("unifyx_demo.%s" % data["inside_sales_segment"])
        for customer in customers:
            # The order's sales team follows from its salesperson's team.
            inside = customer.unifyx_customer_segment_id == inside_segment
            customer.user_id = inside_user if inside else field_user
