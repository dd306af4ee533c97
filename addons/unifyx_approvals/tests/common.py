# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.unifyx_base.tests.common import (  # noqa: F401 (re-exported)
    ROLES,
    RoleUsersMixin,
    RpcClientMixin,
    UnifyxCase,
    UnifyxCompanyCase,
    UnifyxTourCase,
    execute_jsonrpc,
)


def decide(record, user, decision="validate", comment="OK"):
    """Approve (or reject) ``record`` as ``user`` does in the web client: the
    button opens the comment wizard, whose button records the decision. Returns
    what the button returned (True when it had nothing to ask)."""
    record = record.with_user(user)
    action = record.validate_tier() if decision == "validate" else record.reject_tier()
    if isinstance(action, dict):
        assert action["res_model"] == "comment.wizard", action
        wizard = record.env["comment.wizard"].with_context(**action["context"])
        wizard.create({"comment": comment}).add_comment()
    record.invalidate_recordset()
    return action


def matrix_row(env, company, *approvers, document_type="purchase", name=None, **vals):
    """Create an approval matrix row for ``company``: one sequential step per
    approver, each a role xml id (``"unifyx_base.group_finance"``), a res.groups
    or a step's values dict. Other matrix fields (``amount_min``,
    ``exception_type_ids``...) come in ``vals``."""
    steps = []
    for sequence, approver in enumerate(approvers, start=1):
        if isinstance(approver, dict):
            step = dict(approver)
        else:
            group = env.ref(approver) if isinstance(approver, str) else approver
            step = {"approver_type": "group", "group_id": group.id}
        step.setdefault("sequence", sequence)
        steps.append(Command.create(step))
    return env["unifyx.approval.matrix"].create(
        dict(
            {
                "name": name or "%s row %s" % (document_type, len(steps)),
                "document_type": document_type,
                "company_id": company.id,
                "step_ids": steps,
            },
            **vals,
        )
    )


def purchase_order(env, user, vendor, product, *prices, **vals):
    """A draft purchase order of ``vendor`` created as ``user``: one untaxed
    line of ``product`` per unit price in ``prices``. Other order fields come in
    ``vals`` (the company defaults to the vendor's). Without ``user``, as
    ``env``'s user."""
    vals.setdefault("company_id", vendor.company_id.id or env.company.id)
    orders = env["purchase.order"].with_user(user) if user else env["purchase.order"]
    return orders.create(
        dict(
            {
                "partner_id": vendor.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": price, "taxes_id": False}
                    )
                    for price in prices
                ],
            },
            **vals,
        )
    )


def stocked_product(env, company, name, cost, quantity, cost_method=None):
    """A storable product costing ``cost`` in ``company``, ``quantity`` on the
    shelf of the company's first warehouse; returns (warehouse, product).
    ``cost_method`` is set on the product's category first, when given."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    product = env["product.product"].create({"name": name, "type": "consu", "is_storable": True})
    if cost_method:
        product.categ_id.property_cost_method = cost_method
    product.with_company(company).standard_price = cost
    env["stock.quant"].with_company(company)._update_available_quantity(
        product, warehouse.lot_stock_id, quantity
    )
    return warehouse, product


def count(env, user, product, location, counted):
    """``user`` enters ``counted`` as the count of ``product`` at ``location``
    (not applied yet); returns the quant."""
    quant = (
        env["stock.quant"]
        .with_user(user)
        .search([("product_id", "=", product.id), ("location_id", "=", location.id)])
    )
    quant.inventory_quantity = counted
    return quant


def counts_matrix_row(env, company):
    """The brief's row "inventory differences over 1,000 EUR: warehouse
    manager" for ``company``."""
    return matrix_row(
        env,
        company,
        "unifyx_base.group_warehouse_manager",
        document_type="inventory",
        name="Counts over 1,000",
        amount_min=1000.01,
    )


def picked_transfer(env, user, warehouse, product, quantity, source, destination):
    """An internal transfer of ``quantity`` ``product`` from ``source`` to
    ``destination`` created by ``user`` in ``warehouse``, confirmed and picked
    in full (not validated yet)."""
    picking = (
        env["stock.picking"]
        .with_user(user)
        .create(
            {
                "picking_type_id": warehouse.int_type_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "Found",
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
    )
    picking.action_confirm()
    picking.move_ids.quantity = quantity
    picking.move_ids.picked = True
    return picking
