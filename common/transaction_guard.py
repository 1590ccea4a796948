"""Whether the current thread holds an open database transaction, so outside calls refuse to run inside one.

A call to S3, Gemini, Kratos or the broker made while a transaction holds a
pooled connection ties that connection up for as long as the outside service
takes: a frozen S3 then starves every other request of the instance, even
those that never touch S3. ``Database`` marks its sessions here and the
adapters call ``outside_call`` before any network I/O. In tests (``enforce``)
a violation raises; in production it is logged, because failing a request
that would have succeeded is worse than the slow path it flags.

Depends on nothing heavy: adapters import it on targets that never load SQLAlchemy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

log = logging.getLogger("mirai.transactions")

# A ContextVar, not a plain global: every WSGI worker thread sees only its own transactions.
_open: ContextVar[int] = ContextVar("mirai_open_transactions", default=0)
_enforced: list[bool] = [False]


class OutsideCallInTransaction(AssertionError):
    """A programming error: outside I/O while a database transaction is open."""


def enforce(on: bool = True) -> None:
    """Make violations raise (the test configuration) instead of being logged."""
    _enforced[0] = on


@contextmanager
def transaction_open() -> Iterator[None]:
    token = _open.set(_open.get() + 1)
    try:
        yield
    finally:
        _open.reset(token)


def in_transaction() -> bool:
    return _open.get() > 0


def outside_call(what: str) -> None:
    """Call before network I/O to ``what`` (e.g. ``"s3 upload"``)."""
    if not in_transaction():
        return
    if _enforced[0]:
        raise OutsideCallInTransaction(f"{what} called while a database transaction is open")
    log.warning("%s called while a database transaction is open", what)
