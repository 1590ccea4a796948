"""The RLS predicate becomes an index condition of the tenant-led list indexes
(it compares tenant_id with a STABLE expression, no function per row)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

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
