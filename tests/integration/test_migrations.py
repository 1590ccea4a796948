"""The schema's lifecycle and the roles it leaves behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from common.db.migrate import downgrade, upgrade
from common.db.urls import APP_ROLE
from tests.support.scratch_database import scratch_database
from tests.support.seed import seed_tenant

pytestmark = pytest.mark.integration


@pytest.fixture
def scratch_settings(settings: Settings) -> Iterator[Settings]:
    with scratch_database(settings, prefix="mirai_scratch") as scratch:
        yield scratch


def _tables(url: str) -> set[str]:
    db = Database(url, pool_size=1)
    try:
        with db.engine.connect() as conn:
            return set(conn.execute(text("select tablename from pg_tables where schemaname = 'public'")).scalars())
    finally:
        db.dispose()


def _role_exists(url: str) -> bool:
    db = Database(url, pool_size=1)
    try:
        with db.engine.connect() as conn:
            return bool(conn.execute(text("select exists (select from pg_roles where rolname = :r)"), {"r": APP_ROLE}).scalar_one())
    finally:
        db.dispose()


def test_upgrade_downgrade_upgrade_on_an_empty_database(scratch_settings: Settings) -> None:
    owner = scratch_settings.migration_database_url
    assert owner
    upgrade(scratch_settings)
    assert {"courses", "outbox", "pending_registrations", "lesson_components"} <= _tables(owner)
    downgrade(scratch_settings)
    assert _tables(owner) <= {"alembic_version"}
    # The run's main database still grants the cluster-wide role privileges: it must survive.
    assert _role_exists(owner)
    upgrade(scratch_settings)
    assert "courses" in _tables(owner)


def test_downgrade_and_upgrade_with_data_present(scratch_settings: Settings) -> None:
    owner = scratch_settings.migration_database_url
    assert owner
    upgrade(scratch_settings)
    db = Database(owner, pool_size=1)
    try:
        with db.engine.begin() as conn:
            seed_tenant(conn, "lifecycle-a")
        downgrade(scratch_settings)
        upgrade(scratch_settings)
        with db.engine.begin() as conn:
            ids = seed_tenant(conn, "lifecycle-a")
            assert conn.execute(text("select count(*) from courses")).scalar_one() == 1
            assert ids["tenant"]
    finally:
        db.dispose()


def test_the_app_role_cannot_bypass_rls_and_owns_nothing(owner_db: Database) -> None:
    with owner_db.engine.connect() as conn:
        role = conn.execute(text(
            "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin from pg_roles where rolname = :r"
        ), {"r": APP_ROLE}).one()
        owned = conn.execute(text(
            "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = :r"
        ), {"r": APP_ROLE}).scalar_one()
        functions = conn.execute(text(
            "select count(*) from pg_proc p join pg_roles r on r.oid = p.proowner where r.rolname = :r"
        ), {"r": APP_ROLE}).scalar_one()
    assert (role.rolsuper, role.rolbypassrls, role.rolcreaterole, role.rolcreatedb) == (False, False, False, False)
    assert role.rolcanlogin
    assert owned == 0 and functions == 0


def test_system_functions_are_security_definer_with_a_pinned_search_path_and_app_only(owner_db: Database) -> None:
    with owner_db.engine.connect() as conn:
        rows = conn.execute(text(
            "select p.proname, p.prosecdef, p.proconfig,"
            " has_function_privilege('public', p.oid, 'execute') as public_can,"
            " has_function_privilege(:r, p.oid, 'execute') as app_can"
            " from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname like 'mirai\\_%'"
            " and p.proname <> 'mirai_touch_updated_at'"
        ), {"r": APP_ROLE}).all()
    names = {r.proname for r in rows}
    assert {"mirai_outbox_claim", "mirai_provision_tenant", "mirai_find_user_by_identity",
            "mirai_claim_generation_job", "mirai_cleanup_expired_registrations"} <= names
    for row in rows:
        assert row.prosecdef, row.proname
        assert any(c.startswith("search_path=") for c in row.proconfig or []), row.proname
        assert not row.public_can and row.app_can, row.proname


def test_the_app_role_has_no_privileges_on_system_tables(owner_db: Database) -> None:
    with owner_db.engine.connect() as conn:
        for table in ("pending_registrations", "dead_letters"):
            granted = conn.execute(text(
                "select has_table_privilege(:r, :t, 'select') or has_table_privilege(:r, :t, 'insert')"
            ), {"r": APP_ROLE, "t": table}).scalar_one()
            assert granted is False, table
