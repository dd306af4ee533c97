# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quality gate: goods under inspection do not move on towards stock.

OCA records inspections on the moves of a receipt step; here every move that
follows an inspected move in the chain (input -> quality -> stock) refuses to
be done while the inspection is open, or failed and not returned yet. The
check is in ``_action_done``, which every validation path reaches (the
button, the backorder wizard, XML-RPC ``button_validate``, scripts)."""

from odoo import Command, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .qc_inspection import OPEN_STATES


class StockMove(models.Model):
    _inherit = "stock.move"

    # ----------------------------------------------------------- the chain

    def _unifyx_upstream_moves(self):
        """Every move before these in their chains (not these)."""
        seen = self.env["stock.move"]
        todo = self.move_orig_ids
        while todo:
            seen |= todo
            todo = todo.move_orig_ids - seen
        return seen - self

    def _unifyx_is_return(self):
        self.ensure_one()
        return bool(self.origin_returned_move_id) or self.location_dest_id.usage == "supplier"

    def _unifyx_vendor_receipt_move(self):
        """The move that brought these goods in from the vendor (this one or an
        upstream one), or an empty recordset."""
        self.ensure_one()
        for move in self | self.sudo()._unifyx_upstream_moves():
            if move.location_id.usage == "supplier" and not move.origin_returned_move_id:
                return move
        return self.env["stock.move"]

    def _get_partner_for_trigger_line(self):
        # Quality and storage transfers carry no vendor: the receipt does.
        receipt = self._unifyx_vendor_receipt_move()
        return receipt.picking_id.partner_id if receipt else super()._get_partner_for_trigger_line()

    # ------------------------------------------------------------ the gate

    def _unifyx_blocking_inspections(self):
        """{move: inspections that hold it}: those on a move before it in its
        chain, and those whose goods sit where it takes the same product from
        (a transfer out of the quality location made by hand)."""
        candidates = self.filtered(lambda m: not m._unifyx_is_return())
        if not candidates:
            return {}
        Inspection = self.env["qc.inspection"].sudo()
        upstream = {move: move.sudo()._unifyx_upstream_moves() for move in candidates}
        all_upstream = self.env["stock.move"].sudo()
        for before in upstream.values():
            all_upstream |= before
        holding = Inspection._get_existing_inspections(all_upstream) if all_upstream else Inspection
        holding |= Inspection.search(
            [
                ("state", "in", (*OPEN_STATES, "failed")),
                ("product_id", "in", candidates.product_id.ids),
                ("unifyx_return_picking_id", "=", False),
            ]
        )
        holding = holding.filtered(lambda i: i._unifyx_is_blocking() and i._unifyx_move())
        result = {}
        for move, before in upstream.items():
            held = holding.filtered(
                lambda i, move=move, before=before: (
                    i.object_id in before
                    or (
                        i.object_id.state == "done"
                        and i.object_id.product_id == move.product_id
                        and i.object_id.location_dest_id == move.location_id
                        and i.object_id != move
                    )
                )
            )
            if held:
                result[move] = held
        return result

    def _unifyx_check_quality_gate(self):
        blocked = self._unifyx_blocking_inspections()
        if not blocked:
            return
        states = dict(self.env["qc.inspection"]._fields["state"]._description_selection(self.env))
        # Babel does not extract a translated string nested in another's call.
        states["failed"] = self.env._("failed and not returned yet")
        lines = [
            self.env._(
                "%(product)s: inspection %(inspection)s is %(state)s",
                product=move.product_id.display_name,
                inspection=inspection.name,
                state=states.get(inspection.state, inspection.state),
            )
            for move, inspections in blocked.items()
            for inspection in inspections
        ]
        transfer = ", ".join(self.env["stock.move"].concat(*blocked).picking_id.mapped("name"))
        transfer = transfer or self.env._("The transfer")
        raise UserError(
            self.env._(
                "%(transfer)s cannot be validated while its goods wait for quality "
                "control:\n%(lines)s",
                transfer=transfer,
                lines="\n".join(lines),
            )
        )

    def _action_done(self, cancel_backorder=False):
        self._unifyx_check_quality_gate()
        return super()._action_done(cancel_backorder=cancel_backorder)

    # ------------------------------------------------------- the rejection

    def _unifyx_reduce_downstream(self, quantity):
        """The moves after this one carry ``quantity`` (this move's unit) less:
        the rejected goods do not go on to stock."""
        self.ensure_one()
        todo = self.move_dest_ids.filtered(
            lambda m: m.state not in ("done", "cancel") and not m._unifyx_is_return()
        )
        first = todo
        while todo:
            for dest in todo:
                qty = self.product_uom._compute_quantity(quantity, dest.product_uom)
                dest._do_unreserve()
                remaining = dest.product_uom_qty - qty
                if float_compare(remaining, 0, precision_rounding=dest.product_uom.rounding) <= 0:
                    dest._action_cancel()
                else:
                    dest.product_uom_qty = remaining
            todo = todo.move_dest_ids.filtered(
                lambda m: m.state not in ("done", "cancel") and not m._unifyx_is_return()
            )
        first.filtered(lambda m: m.state not in ("done", "cancel"))._action_assign()

    def _unifyx_return_to_vendor(self, quantity, inspection):
        """Odoo's return of the vendor receipt, of ``quantity``, taken from where
        the inspected goods are. Returns the return picking (confirmed)."""
        self.ensure_one()
        receipt = self._unifyx_vendor_receipt_move()
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_model="stock.picking", active_id=receipt.picking_id.id)
            .create({"picking_id": receipt.picking_id.id, "unifyx_inspection_id": inspection.id})
        )
        qty = self.product_uom._compute_quantity(quantity, receipt.product_id.uom_id)
        for line in wizard.product_return_moves:
            line.quantity = qty if line.move_id == receipt else 0.0
        action = wizard.action_create_returns()
        picking = self.env["stock.picking"].browse(action["res_id"])
        # The goods leave from the inspected move's destination: chain the
        # return to that move so it reserves what it brought there.
        picking.move_ids.write({"move_orig_ids": [Command.set(self.ids)]})
        picking.action_assign()
        return picking
