"""The target audience repository against the real database as mirai_app."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from common.errors import Conflict, InvalidArgument, NotFound
from common.repos.target_audiences import AudienceFilter
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.integration


def _values(name: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "job_role": "Operator", "language": "en", "prior_knowledge": ["Safety"], **more}


def test_an_added_audience_reads_back_with_every_field(container: Container, tenant: SeededTenant) -> None:
    values = _values("Warehouse", description="New staff", experience_level="beginner", reading_level="simple",
                     goals=["Drive safely"], challenges=["Night shifts"], industry="Logistics", language="de-DE")
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        added = uow.target_audiences.add(created_by=tenant.owner_id, values=values)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        read = uow.target_audiences.get(added.id)
    assert read == added
    assert (read.name, read.experience_level, read.goals, read.language) == ("Warehouse", "beginner", ["Drive safely"], "de-DE")
    assert read.created_by == tenant.owner_id and read.version == 1 and read.course_count == 0


def test_course_count_counts_live_courses_only(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        audience = uow.target_audiences.add(created_by=None, values=_values("Counted"))
        kept = uow.courses.add(title="Kept", created_by=None, target_audience_id=audience.id)
        trashed = uow.courses.add(title="Trashed", created_by=None, target_audience_id=audience.id)
        uow.courses.trash(trashed.id)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.target_audiences.get(audience.id).course_count == 1
        listed = uow.target_audiences.list(where=AudienceFilter(query="Counted")).items
    assert [a.course_count for a in listed] == [1]
    assert kept.id != trashed.id


def test_update_with_a_stale_version_is_conflict_and_changes_nothing(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        audience = uow.target_audiences.add(created_by=None, values=_values("Before"))
        updated = uow.target_audiences.update(audience.id, {"name": "After"}, expected_version=audience.version)
    assert updated.version == audience.version + 1 and updated.etag != audience.etag
    with pytest.raises(Conflict), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.target_audiences.update(audience.id, {"name": "Lost"}, expected_version=audience.version)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.target_audiences.get(audience.id).name == "After"


def test_delete_detaches_every_course_and_bumps_its_version(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        audience = uow.target_audiences.add(created_by=None, values=_values("Doomed"))
        live = uow.courses.add(title="Live", created_by=None, target_audience_id=audience.id)
        trashed = uow.courses.trash(uow.courses.add(title="Trash", created_by=None, target_audience_id=audience.id).id)
        unrelated = uow.courses.add(title="Other", created_by=None)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        detached = uow.target_audiences.delete(audience.id, expected_version=audience.version)
    assert sorted(detached) == sorted([live.id, trashed.id])
    with container.db.tenant_session(tenant.tenant_id) as uow:
        with pytest.raises(NotFound):
            uow.target_audiences.get(audience.id)
        after_live = uow.courses.get(live.id)
        after_unrelated = uow.courses.get(unrelated.id)
    assert after_live.target_audience_id is None and after_live.version == live.version + 1
    assert after_unrelated.version == unrelated.version


def test_delete_with_a_stale_version_is_conflict_and_keeps_the_audience(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        audience = uow.target_audiences.add(created_by=None, values=_values("Kept"))
        course = uow.courses.add(title="Course", created_by=None, target_audience_id=audience.id)
        uow.target_audiences.update(audience.id, {"name": "Kept still"})
    with pytest.raises(Conflict), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.target_audiences.delete(audience.id, expected_version=audience.version)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.target_audiences.get(audience.id).name == "Kept still"
        assert uow.courses.get(course.id).target_audience_id == audience.id


def test_list_pages_by_name_cover_every_audience_once(container: Container, tenant: SeededTenant) -> None:
    names = ["delta", "alpha", "charlie", "bravo", "alpha"]
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for name in names:
            uow.target_audiences.add(created_by=None, values=_values(name))
    seen: list[str] = []
    ids: list[uuid.UUID] = []
    token = ""
    while True:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            page = uow.target_audiences.list(page_size=2, page_token=token)
            total = uow.target_audiences.count()
        seen += [a.name for a in page.items]
        ids += [a.id for a in page.items]
        token = page.next_page_token
        if not token:
            break
    assert seen == sorted(names) and len(set(ids)) == len(names) == total


def test_list_filters_by_query_level_and_language(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        add = uow.target_audiences.add
        add(created_by=None, values=_values("Forklift drivers", experience_level="beginner", language="de-DE"))
        add(created_by=None, values=_values("Managers", job_role="Shift LEAD", experience_level="expert"))
        add(created_by=None, values=_values("Auditors", description="Check 100% of pallets", language="fr"))
        add(created_by=None, values=_values("Plain", description="Checks 1000 pallets"))

    def names(where: AudienceFilter) -> list[str]:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            listed = [a.name for a in uow.target_audiences.list(where=where).items]
            assert uow.target_audiences.count(where=where) == len(listed)
        return listed

    assert names(AudienceFilter(query="FORKLIFT")) == ["Forklift drivers"]
    assert names(AudienceFilter(query="shift lead")) == ["Managers"]  # job role, any case
    assert names(AudienceFilter(query="100%")) == ["Auditors"]  # % is a character, not a wildcard
    assert names(AudienceFilter(query="_")) == []
    assert names(AudienceFilter(experience_level="expert")) == ["Managers"]
    assert names(AudienceFilter(language="de-DE")) == ["Forklift drivers"]
    assert names(AudienceFilter(query="pallets", language="fr")) == ["Auditors"]


def test_a_forged_page_token_is_invalid_argument(container: Container, tenant: SeededTenant) -> None:
    with pytest.raises(InvalidArgument) as caught, container.db.tenant_session(tenant.tenant_id) as uow:
        uow.target_audiences.list(page_token="bm90IGEgdG9rZW4")
    assert caught.value.field == "page_token"


def test_another_tenants_audience_is_not_found_and_untouched(
    container: Container, tenant: SeededTenant, other: SeededTenant
) -> None:
    with container.db.tenant_session(other.tenant_id) as uow:
        theirs = uow.target_audiences.add(created_by=other.owner_id, values=_values("Theirs"))
    with container.db.tenant_session(tenant.tenant_id) as uow:
        repo = uow.target_audiences
        for attempt in (
            lambda: repo.get(theirs.id),
            lambda: repo.update(theirs.id, {"name": "Mine now"}),
            lambda: repo.update(theirs.id, {"name": "Mine now"}, expected_version=theirs.version),
            lambda: repo.delete(theirs.id),
        ):
            with pytest.raises(NotFound):
                attempt()
        assert theirs.id not in {a.id for a in repo.list(page_size=200).items}
        assert repo.count(where=AudienceFilter(query="Theirs")) == 0
    with container.db.tenant_session(other.tenant_id) as uow:
        assert uow.target_audiences.get(theirs.id) == theirs
