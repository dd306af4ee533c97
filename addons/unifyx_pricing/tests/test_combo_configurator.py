# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.sale.tests import test_sale_combo_configurator as odoo_combo


@tagged("post_install", "-at_install")
class TestComboConfiguratorWithPricing(odoo_combo.TestSaleComboConfigurator):
    """Odoo's combo configurator tours, with UnifyX prices resolved on every
    line: the configurator's onchange prices combo items from a combo line
    that is not saved yet, which the price resolution must not trip over."""
