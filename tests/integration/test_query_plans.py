"""The RLS predicate becomes an index condition of the tenant-led list indexes
(it compares tenant_id with a STABLE expression, no function per row)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from common.db import Database
from functions.bootstrap import Container
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.integration


def test_listing_a_folder_uses_the_tenant_folder_index_with_tenant_as_index_condition(container: Container) -> None:
    tenant = provision_tenant(container.db)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        folder = uow.folders.add(name="Plans")
        for i in range(5):
            uow.courses.add(title=f"C{i}", folder_id=folder.id, created_by=None)
        # Tiny tables would be scanned sequentially; forbid that to see which index the planner can use.
        uow.session.execute(text("set local enable_seqscan = off"))
        # With real statistics (other tests fill courses) the planner may pick "any tenant index,
        # filter, sort one row"; the page must come in index order, so forbid the sort too.
        uow.session.execute(text("set local enable_sort = off"))
        plan = "\n".join(uow.session.execute(text(
            "explain select * from courses where folder_id = :f and deleted_at is null"
            " order by updated_at desc, id desc limit 51"
        ), {"f": folder.id}).scalars())
    assert "courses_tenant_folder_updated_idx" in plan
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "tenant_id" in index_condition and "folder_id" in index_condition


def _tenant_plan(container: Container, tenant_id: object, stmt: object, *, no_sort: bool = False) -> str:
    """The plan of ``stmt`` in a session of ``tenant_id`` (sequential scans forbidden), exactly as
    the driver receives it: the same SQL, parameters bound."""
    with container.db.tenant_session(tenant_id) as uow:  # type: ignore[arg-type]
        uow.session.execute(text("set local enable_seqscan = off"))
        if no_sort:
            uow.session.execute(text("set local enable_sort = off"))
        conn = uow.session.connection()
        compiled = stmt.compile(dialect=conn.dialect)  # type: ignore[attr-defined]
        return "\n".join(conn.exec_driver_sql("explain " + str(compiled), compiled.params).scalars())


def _index_conditions(plan: str) -> list[str]:
    assert "Seq Scan" not in plan, plan
    return [line for line in plan.splitlines() if "Index Cond" in line]


def test_searching_users_by_name_or_email_reads_only_the_tenants_index_range(container: Container, owner_db: Database) -> None:
    from sqlalchemy import select

    from common.db.tables import users
    from common.repos.users import UserFilter

    tenant = provision_tenant(container.db)
    # Other companies' users must not be read: the tenant bounds the scan (LIKE is not leakproof,
    # so under RLS no index on the search text could serve it; see migration 0016).
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "insert into users (tenant_id, company_id, email, first_name, last_name, role)"
            " select :t, c.id, 'person' || n || '@big.example', 'First' || n, 'Last' || n, 'member'"
            " from companies c, generate_series(1, 2000) n where c.tenant_id = :t"), {"t": tenant.tenant_id})
        conn.execute(text("analyze users"))
    plan = _tenant_plan(container, tenant.tenant_id, select(users.c.id).where(*UserFilter(query="lovelace").conditions()))
    assert "tenant_id" in _index_conditions(plan)[0]


def test_listing_users_by_name_uses_the_tenant_name_index(container: Container) -> None:
    from sqlalchemy import select

    from common.db.tables import users
    from common.repos.users import NAME_KEY

    tenant = provision_tenant(container.db)
    plan = _tenant_plan(container, tenant.tenant_id, select(users.c.id).order_by(NAME_KEY, users.c.id).limit(51),
                        no_sort=True)
    assert "users_tenant_sort_name_idx" in plan
    assert "tenant_id" in _index_conditions(plan)[0]


def test_tenant_stats_count_from_tenant_led_indexes(container: Container) -> None:
    from common.repos.tenant_stats import _COUNTS

    tenant = provision_tenant(container.db)
    plan = _tenant_plan(container, tenant.tenant_id, _COUNTS)
    conditions = _index_conditions(plan)
    assert len(conditions) >= 12 and all("tenant_id" in line for line in conditions), plan
