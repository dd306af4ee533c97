# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Server-side mark of the state changes made by the action methods of
contracts and price exceptions. A context key would not do: RPC clients choose
their context; a ContextVar is set only by server code, for one call."""

from contextlib import contextmanager
from contextvars import ContextVar

_STATE_FLOW = ContextVar("unifyx_pricing_state_flow", default=frozenset())


@contextmanager
def state_flow(records):
    """While the block runs, the state of ``records`` may be written."""
    allowed = _STATE_FLOW.get() | {(records._name, rid) for rid in records.ids}
    token = _STATE_FLOW.set(frozenset(allowed))
    try:
        yield
    finally:
        _STATE_FLOW.reset(token)


def in_state_flow(records):
    """Whether every record of ``records`` is inside a state_flow() block."""
    allowed = _STATE_FLOW.get()
    return all((records._name, rid) in allowed for rid in records.ids)
