"""Alembic environment: runs revisions online against the migration owner's URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from common.db import sqlalchemy_url

config = context.config
url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
if not url:
    from common.config import Settings

    settings = Settings.from_env()
    url = settings.migration_database_url or settings.require_database_url()

engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
