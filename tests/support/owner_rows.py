"""Reading stored rows as the database owner (past RLS), to check what a call really wrote."""

from __future__ import annotations

from sqlalchemy import text

from common.db import Database


def owner_rows(owner_db: Database, sql: str, **params: object) -> list[dict[str, object]]:
    with owner_db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql), params)]
