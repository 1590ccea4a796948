"""Course metadata through the handlers and the real Container (PostgreSQL, Redis, S3)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import Conflict, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from common.gen.mirai.v1 import common_pb2, course_pb2
from functions.bootstrap import Container
from tests.support.cache_probe import cached_course
from tests.support.course_actors import CourseApi, Tenant, error_of

pytestmark = pytest.mark.integration


def _row(owner_db: Database, course_id: str) -> dict[str, object]:
    with owner_db.engine.connect() as conn:
        row = conn.execute(text("select * from courses where id = :id"), {"id": course_id}).mappings().one()
        return dict(row)


def test_create_writes_the_row_and_an_empty_first_version_to_s3(container: Container, tenant: Tenant,
                                                               owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="  Safety basics ", tags=["Safety", "safety", "Plant"]).course
    assert course.title == "Safety basics"
    assert list(course.tags) == ["Safety", "Plant"]
    assert course.status == common_pb2.COURSE_STATUS_DRAFT and course.content_version == 1
    assert course.created_by.id == str(tenant.lead.principal.user_id)
    assert course.language == "en-US"  # the creator's locale
    body = container.storage.get_json(storage_keys.course_version(tenant.id, course.id, 1))
    assert body["modules"] == [] and body["version"] == 1
    mirror = container.storage.get_json(storage_keys.course_content(tenant.id, course.id))
    assert mirror == body
    assert _row(owner_db, course.id)["content_etag"] == api.get_course_content(course_id=course.id).content.etag


def test_stale_etag_update_is_aborted_and_changes_nothing(container: Container, tenant: Tenant,
                                                          owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Original").course
    api.get_course(course_id=course.id)  # cached now
    cached_before = cached_course(container.cache, tenant.id, course.id)
    fresh = api.update_course(course_id=course.id, description="v2", if_match=course.etag).course
    api.get_course(course_id=course.id)
    row_before = _row(owner_db, course.id)
    body_before = container.storage.get(storage_keys.course_version(tenant.id, course.id, 1))
    cached_before = cached_course(container.cache, tenant.id, course.id)
    assert cached_before is not None and cached_before.etag == fresh.etag

    err = error_of(lambda: api.update_course(course_id=course.id, title="Lost update", if_match=course.etag))

    assert isinstance(err, Conflict)
    assert _row(owner_db, course.id) == row_before
    assert container.storage.get(storage_keys.course_version(tenant.id, course.id, 1)) == body_before
    # A refused write still fenced the entry (it could not know it would be refused): one miss, same answer.
    assert api.get_course(course_id=course.id).course == cached_before
    assert cached_course(container.cache, tenant.id, course.id) == cached_before


def test_update_changes_only_the_fields_that_are_set(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    folder = api.create_folder(name="Library").folder
    course = api.create_course(title="T", description="D", tags=["a"], folder_id=folder.id).course
    updated = api.update_course(course_id=course.id, status=common_pb2.COURSE_STATUS_PUBLISHED,
                                tags=common_pb2.StringList(values=[])).course
    assert updated.title == "T" and updated.description == "D" and updated.folder_id == folder.id
    assert list(updated.tags) == [] and updated.HasField("published_at")
    assert updated.etag != course.etag
    moved = api.update_course(course_id=course.id, folder_id="").course
    assert moved.folder_id == "" and moved.HasField("published_at")


def test_update_names_the_bad_field(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="T").course
    for fields, field in [({"title": ""}, "title"), ({"status": 0}, "status"), ({"folder_id": "nope"}, "folder_id"),
                          ({"language": "??"}, "language"), ({"course_id": ""}, "course_id")]:
        err = error_of(lambda f=fields: api.update_course(**{"course_id": course.id, **f}))
        assert isinstance(err, InvalidArgument) and err.field == field, fields
    assert isinstance(error_of(lambda: api.update_course(course_id=course.id, folder_id=str(uuid.uuid4()))), NotFound)


def test_delete_is_soft_and_restore_brings_the_course_back(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Trash me").course
    deleted = api.delete_course(course_id=course.id, if_match=course.etag)
    assert deleted.course.HasField("deleted_at")
    assert deleted.purge_at.ToDatetime() > deleted.course.deleted_at.ToDatetime()
    listed = api.list_courses().courses
    assert course.id not in [c.id for c in listed]
    assert course.id in [c.id for c in api.list_courses(only_deleted=True).courses]
    assert isinstance(error_of(lambda: api.update_course(course_id=course.id, title="x")), FailedPrecondition)
    restored = api.restore_course(course_id=course.id).course
    assert not restored.HasField("deleted_at")
    assert course.id in [c.id for c in api.list_courses().courses]


def test_only_the_creator_a_team_lead_or_an_admin_may_trash(container: Container, tenant: Tenant) -> None:
    course = CourseApi(container, tenant.lead).create_course(title="Mine").course
    err = error_of(lambda: CourseApi(container, tenant.outsider).delete_course(course_id=course.id))
    assert isinstance(err, PermissionDenied)
    assert CourseApi(container, tenant.owner).delete_course(course_id=course.id).course.HasField("deleted_at")


def test_a_team_course_is_invisible_outside_the_team(container: Container, tenant: Tenant) -> None:
    lead = CourseApi(container, tenant.lead)
    team_folder = lead.create_folder(name="Team stuff", team_id=str(tenant.ids["team"])).folder
    course = lead.create_course(title="Team only", folder_id=team_folder.id, tags=["team-secret"]).course
    assert course.team_id == str(tenant.ids["team"])
    outsider = CourseApi(container, tenant.outsider)
    assert "team-secret" not in [t.tag for t in outsider.list_course_tags().tags]
    assert "team-secret" in [t.tag for t in lead.list_course_tags().tags]
    assert team_folder.id not in [c.folder_id for c in outsider.count_courses_by_folder().counts]
    assert team_folder.id in [c.folder_id for c in lead.count_courses_by_folder().counts]
    assert outsider.list_courses().total_count == lead.list_courses().total_count - 1
    assert team_folder.id not in [f.id for f in outsider.list_folders(recursive=True).folders]
    lead.get_course(course_id=course.id)  # cached: the cache must not bypass visibility
    assert isinstance(error_of(lambda: outsider.get_course(course_id=course.id)), NotFound)
    assert course.id not in [c.id for c in outsider.list_courses(page_size=200).courses]
    assert isinstance(error_of(lambda: outsider.create_course(title="x", folder_id=team_folder.id)), NotFound)
    assert CourseApi(container, tenant.owner).get_course(course_id=course.id).course.id == course.id


def test_duplicate_copies_metadata_and_body_with_new_ids(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Source", tags=["x"]).course
    api.create_module(course_id=course.id, title="Module")
    source_body = api.get_course_content(course_id=course.id).content
    copy = api.duplicate_course(course_id=course.id).course
    assert copy.title == "Source (copy)" and list(copy.tags) == ["x"] and copy.id != course.id
    body = api.get_course_content(course_id=copy.id).content
    assert [m.title for m in body.modules] == ["Module"]
    assert body.modules[0].id != source_body.modules[0].id
    versions = api.list_course_versions(course_id=copy.id).versions
    assert [v.source for v in versions] == [course_pb2.VERSION_SOURCE_CREATE]


def test_list_filters_sorts_and_pages_without_gaps_or_repeats(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    folder = api.create_folder(name="F").folder
    sub = api.create_folder(name="Sub", parent_id=folder.id).folder
    made = []
    for i in range(7):
        made.append(api.create_course(title=f"Course {i:02d}", description="about forklifts" if i % 2 else "",
                                      tags=["odd"] if i % 2 else ["even"],
                                      folder_id=sub.id if i == 6 else folder.id if i < 5 else "").course)
    seen: list[str] = []
    token = ""
    while True:
        page = api.list_courses(folder_id=folder.id, include_subfolders=True, page_size=2, page_token=token,
                                sort_field=course_pb2.COURSE_SORT_FIELD_TITLE)
        seen += [c.title for c in page.courses]
        assert page.total_count == 6
        token = page.next_page_token
        if not token:
            break
    assert seen == [*sorted(c.title for c in made[:5]), "Course 06"]
    assert {c.id for c in api.list_courses(folder_id="", page_size=200).courses} >= {made[5].id}
    assert [c.title for c in api.list_courses(folder_id=folder.id, tag="odd").courses] == ["Course 03", "Course 01"]
    assert {c.title for c in api.list_courses(query="FORKLIFT", folder_id=folder.id).courses} == {"Course 01",
                                                                                                   "Course 03"}
    assert isinstance(error_of(lambda: api.list_courses(page_token="garbage")), InvalidArgument)
    assert error_of(lambda: api.list_courses(page_size=-1)).field == "page_size"


def test_counts_per_folder_and_tags(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.owner)
    top = api.create_folder(name="Top").folder
    child = api.create_folder(name="Child", parent_id=top.id).folder
    api.create_course(title="a", folder_id=child.id, tags=["zeta", "alpha"])
    api.create_course(title="b", folder_id=child.id, tags=["alpha"])
    trashed = api.create_course(title="c", folder_id=top.id).course
    api.delete_course(course_id=trashed.id)
    counts = api.count_courses_by_folder()
    by_folder = {c.folder_id: c for c in counts.counts}
    assert by_folder[child.id].course_count == 2 and by_folder[top.id].total_course_count == 2
    assert by_folder[top.id].course_count == 0
    assert counts.deleted_count >= 1
    tags = api.list_course_tags(prefix="AL").tags
    assert [(t.tag, t.course_count) for t in tags] == [("alpha", 2)]
