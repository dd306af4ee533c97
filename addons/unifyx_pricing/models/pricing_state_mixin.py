# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError, UserError

from ..tools.state_flow import in_state_flow, state_flow

MANAGER_GROUP = "unifyx_base.group_sales_manager"


class UnifyxPricingStateMixin(models.AbstractModel):
    """What price contracts and price exceptions share: a state that only their
    action methods move, each checking the role first (a sales manager)."""

    _name = "unifyx.pricing.state.mixin"
    _description = "Pricing Document State"

    # Written by the action methods only (the state and who moved it).
    _unifyx_state_fields = frozenset()

    def _unifyx_check_state_write(self, vals, message):
        """A client writing the state fields directly, outside an action."""
        if not self.env.su and self._unifyx_state_fields & vals.keys() and not in_state_flow(self):
            raise AccessError(message)

    def _unifyx_set_state(self, state, **vals):
        """The one way the actions (and the crons) move the state."""
        with state_flow(self):
            self.write(dict(vals, state=state))
        # True, not None: the actions are called over XML-RPC too.
        return True

    def _check_manager(self, message):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(message)

    def _check_state(self, states, message):
        if any(record.state not in states for record in self):
            raise UserError(message)
