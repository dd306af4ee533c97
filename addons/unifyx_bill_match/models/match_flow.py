# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Server-side marks of the match flow. A context key would not do: RPC
callers choose their context."""

from contextlib import contextmanager
from contextvars import ContextVar

# Set while the match (or an approval's release) writes the match's own fields
# and posts the bills it validated.
_MATCH_FLOW = ContextVar("unifyx_bill_match_flow", default=False)


@contextmanager
def match_flow():
    token = _MATCH_FLOW.set(True)
    try:
        yield
    finally:
        _MATCH_FLOW.reset(token)


def in_match_flow():
    return _MATCH_FLOW.get()
