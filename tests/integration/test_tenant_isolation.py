"""PostgreSQL itself keeps tenants apart: a tenant session, even with raw SQL,
cannot read, add, change or remove another tenant's rows, and a session with
no tenant sees nothing. Every table with a tenant_id column in the catalogue
is walked, so a new table is covered the day it is created."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg.errors
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from common.db import Database
from functions.bootstrap import Container
from tests.support.seed import seed_tenant, seeded_tables

pytestmark = pytest.mark.integration


def _tenant_tables(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "select c.table_name from information_schema.columns c"
            " join information_schema.tables t using (table_schema, table_name)"
            " where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'"
            " order by 1"
        ))
        return [r[0] for r in rows]


@pytest.fixture(scope="module")
def two_tenants(owner_db: Database) -> Iterator[tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]]:
    with owner_db.engine.begin() as conn:
        a = seed_tenant(conn, f"iso-a-{uuid.uuid4().hex[:6]}")
        b = seed_tenant(conn, f"iso-b-{uuid.uuid4().hex[:6]}")
    yield a, b
    with owner_db.engine.begin() as conn:
        conn.execute(text("delete from tenants where id = any(:ids)"), {"ids": [a["tenant"], b["tenant"]]})


def _count(db: Database, table: str, tenant: uuid.UUID, key: str = "tenant_id") -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f"select count(*) from {table} where {key} = :t"), {"t": tenant}).scalar_one())


def _refused(err: DBAPIError) -> bool:
    """Refused by privileges or by the RLS policy (both SQLSTATE 42501)."""
    return isinstance(err.orig, psycopg.errors.InsufficientPrivilege)


def _attempt(session: Any, sql: str, params: dict[str, Any]) -> int | None:
    """Runs one statement in a savepoint; the affected row count, or None when refused."""
    refusal: DBAPIError | None = None
    try:
        with session.begin_nested():
            return int(session.execute(text(sql), params).rowcount)
    except DBAPIError as err:
        refusal = err
    assert _refused(refusal), f"{sql}: unexpected {refusal.orig!r}"
    return None


def test_the_seed_covers_every_tenant_table(owner_db: Database) -> None:
    missing = set(_tenant_tables(owner_db)) - seeded_tables()
    assert not missing, f"add rows for {sorted(missing)} to tests/support/seed.py"


def test_every_tenant_table_has_rls_enabled_and_forced(owner_db: Database) -> None:
    tables = [*_tenant_tables(owner_db), "tenants"]
    with owner_db.engine.connect() as conn:
        rows = conn.execute(text(
            "select relname, relrowsecurity, relforcerowsecurity from pg_class"
            " where relnamespace = 'public'::regnamespace and relname = any(:names)"
        ), {"names": tables}).all()
    assert {r.relname for r in rows} == set(tables)
    assert [r.relname for r in rows if not (r.relrowsecurity and r.relforcerowsecurity)] == []


def test_a_tenant_session_cannot_touch_another_tenants_rows_in_any_table(
    container: Container, owner_db: Database, two_tenants: tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]
) -> None:
    a, b = two_tenants
    tables = [(t, "tenant_id") for t in _tenant_tables(owner_db)] + [("tenants", "id")]
    before = {t: _count(owner_db, t, b["tenant"], key) for t, key in tables}
    assert all(before.values()), f"seed rows missing for tenant B: {[t for t, n in before.items() if not n]}"
    with owner_db.engine.connect() as conn:
        writable = {
            t: ", ".join(conn.execute(text(
                "select column_name from information_schema.columns"
                " where table_schema = 'public' and table_name = :t and is_generated = 'NEVER' order by ordinal_position"
            ), {"t": t}).scalars())
            for t, _ in tables
        }
        b_rows = {
            t: conn.execute(text(f"select to_jsonb(x) from {t} x where {key} = :t limit 1"), {"t": b["tenant"]}).scalar_one()
            for t, key in tables
        }

    with container.db.tenant_session(a["tenant"], a["owner"]) as uow:
        s = uow.session
        for table, key in tables:
            params = {"a": a["tenant"], "b": b["tenant"]}
            visible = _attempt(s, f"select 1 from {table} where {key} <> :a", params)
            assert visible in (None, 0), f"{table}: rows of another tenant are visible"
            assert _attempt(s, f"update {table} set {key} = {key} where {key} = :b", params) in (None, 0), table
            assert _attempt(s, f"delete from {table} where {key} = :b", params) in (None, 0), table
            # Moving an own row into the other tenant is refused by WITH CHECK (or a privilege).
            moved = _attempt(s, f"update {table} set {key} = :b where {key} = :a", params)
            assert moved is None, f"{table}: a row could be moved into another tenant"
            row = dict(b_rows[table])
            if "id" in row and key != "id":
                row["id"] = str(uuid.uuid4())
            inserted = _attempt(
                s,
                f"insert into {table} ({writable[table]})"
                f" select {writable[table]} from jsonb_populate_record(null::{table}, cast(:row as jsonb))",
                {"row": json.dumps(row)},
            )
            assert inserted is None, f"{table}: a row of another tenant could be inserted"

    after = {t: _count(owner_db, t, b["tenant"], key) for t, key in tables}
    assert after == before


def test_a_session_without_a_tenant_sees_no_tenant_rows(
    container: Container, owner_db: Database, two_tenants: tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]
) -> None:
    tables = [*_tenant_tables(owner_db), "tenants"]
    with container.db.system_session() as uow:
        for table in tables:
            seen = _attempt(uow.session, f"select 1 from {table}", {})
            assert seen in (None, 0), f"{table}: visible without a tenant"


def test_a_forged_tenant_setting_in_a_tenant_session_is_limited_to_that_tenant(
    container: Container, two_tenants: tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]
) -> None:
    """The setting is the only key: a session scoped to A sees A's course and not B's."""
    a, b = two_tenants
    with container.db.tenant_session(a["tenant"]) as uow:
        ids = set(uow.session.execute(text("select id from courses")).scalars())
    assert a["course"] in ids and b["course"] not in ids
