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
        # Tiny tables would be scanned sequentially, and with other tests' rows the planner may
        # sort another index's output; forbid both to see which index serves filter and order.
        uow.session.execute(text("set local enable_seqscan = off"))
        uow.session.execute(text("set local enable_sort = off"))
        plan = "\n".join(uow.session.execute(text(
            "explain select * from courses where folder_id = :f and deleted_at is null"
            " order by updated_at desc, id desc limit 51"
        ), {"f": folder.id}).scalars())
    assert "courses_tenant_folder_updated_idx" in plan
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "tenant_id" in index_condition and "folder_id" in index_condition
