"""A second, empty database on the run's server, for tests that migrate or break one of
their own; the cluster-wide role is shared with the main one. Dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from common.config import Settings
from common.db.urls import APP_ROLE, with_database, with_login


@contextmanager
def scratch_database(settings: Settings, *, prefix: str) -> Iterator[Settings]:
    """Settings whose database URLs (owner and mirai_app) point at the new database."""
    server = settings.migration_database_url
    assert server
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    owner = with_database(server, name)
    try:
        yield settings.with_overrides(
            migration_database_url=owner, database_url=with_login(owner, APP_ROLE, settings.app_db_password)
        )
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')
