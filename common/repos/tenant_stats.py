"""Counts of a tenant's objects for TenantService.GetTenantStats.

One statement of scalar subqueries, each counted from a tenant-led index (the RLS
predicate is its index condition), so the cost grows with this tenant's rows only,
never with the whole table (``tests/integration/test_query_plans.py``)."""

from __future__ import annotations

from sqlalchemy import text

from common.repos.base import TenantRepository

_COUNTS = text("""
select
  (select count(*) from users where status = 'active') as active_users,
  (select count(*) from users where status = 'disabled') as disabled_users,
  (select count(*) from invitations where status = 'pending' and expires_at > now()) as pending_invitations,
  (select count(*) from teams) as teams,
  (select count(*) from folders) as folders,
  (select count(*) from courses where deleted_at is null and status = 'draft') as draft_courses,
  (select count(*) from courses where deleted_at is null and status = 'published') as published_courses,
  (select count(*) from courses where deleted_at is null and status = 'archived') as archived_courses,
  (select count(*) from courses where deleted_at is not null) as deleted_courses,
  (select count(*) from subject_matter_experts) as smes,
  (select count(*) from sme_knowledge_chunks) as knowledge_chunks,
  (select count(*) from target_audiences) as target_audiences
""")


class TenantStats(TenantRepository):
    def counts(self) -> dict[str, int]:
        """Each count under its TenantStats field name."""
        row = self._session.execute(_COUNTS).one()
        return {name: int(value) for name, value in row._mapping.items()}
