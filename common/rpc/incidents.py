"""What an unexpected error may write to the log: where it happened, never what it was about.

An exception's message often quotes the input that caused it: PostgreSQL echoes
the offending value (``invalid input syntax for type uuid: "…"``), SQLAlchemy
appends the statement's parameters, a KeyError names the key. Request values and
SQL parameters must not reach the logs, so an incident is logged as the chain of
exception types (with the SQLSTATE of database errors) and the stack frames
(file, line, function, source line), which is what finding the bug needs.
"""

from __future__ import annotations

import traceback

_MAX_CHAIN = 8


def _kind(err: BaseException) -> str:
    kind = f"{type(err).__module__}.{type(err).__qualname__}"
    # psycopg errors carry their SQLSTATE on the error or on the DBAPI error SQLAlchemy wraps.
    sqlstate = getattr(err, "sqlstate", None) or getattr(getattr(err, "orig", None), "sqlstate", None)
    return f"{kind} (SQLSTATE {sqlstate})" if isinstance(sqlstate, str) else kind


def redacted_traceback(err: BaseException) -> str:
    """The traceback of ``err`` and the exceptions it came from, without any exception message."""
    chain: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in chain and len(chain) < _MAX_CHAIN:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts = []
    for link in reversed(chain):
        frames = "".join(traceback.format_tb(link.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{_kind(link)}: <message withheld>")
    return "\n\nwhich caused:\n\n".join(parts)
