"""Alembic environment: runs revisions online against the migration owner's URL.

After the revisions, the application role's password is (re)set from
``Settings.app_db_password`` (MIRAI_APP_DB_PASSWORD) when one is configured, so
a password never appears in a revision and rotating it is a re-run of migrate.
It is sent as a SCRAM verifier computed here: the clear text never reaches the
server or its statement log.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import context
from sqlalchemy import create_engine, pool

sys.path.insert(0, str(Path(__file__).resolve().parent))  # revisions import schema_support

from schema_support import APP_ROLE

from common.db import sqlalchemy_url

config = context.config
settings = config.attributes.get("settings")
url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
if not url:
    from common.config import Settings

    settings = Settings.from_env()
    url = settings.migration_database_url or settings.require_database_url()


def _set_app_password(connection: object, password: str) -> None:
    import time

    from sqlalchemy.exc import InternalError

    raw = connection.connection.driver_connection  # type: ignore[attr-defined]
    verifier = raw.pgconn.encrypt_password(password.encode(), APP_ROLE.encode(), b"scram-sha-256").decode()
    # The role is cluster-wide: migrations of other databases may alter it at the same moment.
    for attempt in range(5):
        try:
            connection.exec_driver_sql(f"alter role {APP_ROLE} password '{verifier}'")  # type: ignore[attr-defined]
            connection.commit()  # type: ignore[attr-defined]
            return
        except InternalError:
            connection.rollback()  # type: ignore[attr-defined]
            time.sleep(0.05 * (attempt + 1))
    raise RuntimeError(f"could not set the {APP_ROLE} password: the role kept being changed concurrently")


engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
    password = getattr(settings, "app_db_password", None)
    exists = connection.exec_driver_sql(f"select 1 from pg_roles where rolname = '{APP_ROLE}'").first()
    if password and exists:
        _set_app_password(connection, password)
    connection.commit()
engine.dispose()
