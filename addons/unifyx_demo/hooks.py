# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Taking over the demo distributor.

Until 18.0.2.0.0 the demo records were the addons' own: the company, users,
warehouses, catalogue and generated history were unifyx_approvals' (its
generator named them ``unifyx_approvals.<name>``), the floors, freight rates,
matrix rows and import profiles unifyx_margin's, unifyx_pricing's and
unifyx_migration's. On such a database the hook gives those external ids to
this addon before its data loads, so its demo files update the same records
and the generator (which then finds the demo there) creates nothing twice.
"""

import os

from lxml import etree

from odoo.addons.unifyx_base.hooks import take_over_xmlids

from .tools.demo_data import demo_data

# Demo files and the addon that held each of them before 18.0.2.0.0.
DEMO_FILES = {
    "res_company_demo.xml": "unifyx_approvals",
    "res_users_demo.xml": "unifyx_approvals",
    "approval_matrix_demo.xml": "unifyx_approvals",
    "unifyx_pricing_demo.xml": "unifyx_pricing",
    "margin_demo.xml": "unifyx_margin",
    "unifyx_migration_demo.xml": "unifyx_migration",
}
# Data records (not demo) that moved: the barcode menu needs stock_barcodes.
MOVED_DATA = {"unifyx_approvals": ("unifyx_barcode_menu",)}


def _file_records(filename):
    path = os.path.join(os.path.dirname(__file__), "demo", filename)
    tree = etree.parse(path)
    return [name for name in tree.xpath("//record/@id | //menuitem/@id") if "." not in name]


def generated_xmlids():
    """External ids the demo generator gives its records (unifyx_approvals'
    before 18.0.2.0.0)."""
    company = demo_data("company")
    catalogue = demo_data("catalogue")
    names = ["warehouse_%s_demo" % row["key"] for row in company["warehouses"]]
    names += ["barcode_option_group_%s_demo" % name for name in ("receipt", "picking", "internal")]
    names += ["product_category_%s_demo" % row["code"].lower() for row in catalogue["categories"]]
    names += [row["xml_id"] for row in demo_data("partners")["teams"]]
    names += ["uom_box_12_demo"]
    names += ["product_%03d_demo" % (n + 1) for n in range(catalogue["product_count"])]
    return names


def moved_xmlids():
    """{previous module: [names]} of every record this addon takes over."""
    moved = {}
    for filename, module in DEMO_FILES.items():
        moved.setdefault(module, []).extend(_file_records(filename))
    moved["unifyx_approvals"].extend(generated_xmlids())
    for module, names in MOVED_DATA.items():
        moved.setdefault(module, []).extend(names)
    return moved


def take_over(cr):
    """Rename the previous modules' ids to ``unifyx_demo.<name>``; return
    {module: [names moved]}. Reruns change nothing."""
    return {
        module: take_over_xmlids(cr, names, module, "unifyx_demo")
        for module, names in moved_xmlids().items()
    }


def pre_init_hook(env):
    take_over(env.cr)
