"""Engine and transaction boundaries.

``tenant_session`` is the only way tenant code reaches PostgreSQL: it opens a
transaction and sets ``app.tenant_id`` / ``app.user_id`` transaction-locally,
so row-level security scopes every statement and the settings cannot leak to
the next user of a pooled (or PgBouncer-shared) connection.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from common.db.unit_of_work import UnitOfWork
from common.errors import Unavailable
from common.transaction_guard import transaction_open

log = logging.getLogger("mirai.db")


def sqlalchemy_url(url: str) -> str:
    """SQLAlchemy needs the driver named; people write plain ``postgresql://``."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise ValueError("not a PostgreSQL URL")


_BEGIN_TENANT = text(
    "select set_config('app.tenant_id', :tenant_id, true),"
    " set_config('app.user_id', :user_id, true),"
    " set_config('statement_timeout', :timeout, true)"
)
_BEGIN_SYSTEM = text("select set_config('statement_timeout', :timeout, true)")


@contextmanager
def _outage_is_unavailable() -> Iterator[None]:
    """A database that is unreachable, dropped the connection, or has no free pooled
    connection is ``Unavailable`` (retry later), never an internal error."""
    try:
        yield
    except sa_exc.TimeoutError:
        log.warning("no pooled database connection became free in time")
        raise Unavailable("the service is busy; try again shortly") from None
    except sa_exc.DBAPIError as err:
        # No statement: the connect failed. Invalidated: the server dropped the connection.
        if err.statement is None or err.connection_invalidated:
            log.warning("database connection failed: %s", type(err.orig).__name__)
            raise Unavailable("the database is not answering; try again shortly") from None
        raise


class Database:
    def __init__(self, url: str, *, pool_size: int = 4, max_overflow: int = 4, pool_timeout_seconds: float = 5.0,
                 statement_timeout_ms: int = 15000) -> None:
        self._timeout = str(statement_timeout_ms)
        self.engine: Engine = create_engine(
            sqlalchemy_url(url),
            # pool_size + max_overflow is at least the instance's request threads (see
            # README, "Concurrency"), so a request waits for a connection only if a
            # transaction is slow; pool_timeout bounds that wait.
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_timeout=pool_timeout_seconds,
            # A connection the server dropped (restart, failover) is replaced before use.
            pool_pre_ping=True,
            pool_recycle=300,
            # Errors and logs show the SQL, never its parameters: they are request values.
            hide_parameters=True,
            # PgBouncer in transaction mode cannot keep server-side prepared statements.
            connect_args={"prepare_threshold": None, "connect_timeout": 5},
        )

    @contextmanager
    def tenant_session(self, tenant_id: uuid.UUID | str, user_id: uuid.UUID | str | None = None) -> Iterator[UnitOfWork]:
        """One transaction scoped to one tenant; commits on clean exit, rolls back on error."""
        tenant = str(uuid.UUID(str(tenant_id)))
        user = str(uuid.UUID(str(user_id))) if user_id else ""
        with (_outage_is_unavailable(), transaction_open(), Session(self.engine, expire_on_commit=False) as session,
              session.begin()):
            session.execute(_BEGIN_TENANT, {"tenant_id": tenant, "user_id": user, "timeout": self._timeout})
            yield UnitOfWork(session, tenant_id=uuid.UUID(tenant))

    @contextmanager
    def system_session(self) -> Iterator[UnitOfWork]:
        """A transaction with no tenant: RLS shows it no tenant rows. Cross-tenant
        work goes through the narrow SECURITY DEFINER functions the repositories call."""
        with (_outage_is_unavailable(), transaction_open(), Session(self.engine, expire_on_commit=False) as session,
              session.begin()):
            session.execute(_BEGIN_SYSTEM, {"timeout": self._timeout})
            yield UnitOfWork(session, tenant_id=None)

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("select 1"))

    def dispose(self) -> None:
        self.engine.dispose()
