"""Tenant A cannot see, change or learn of tenant B's courses, folders, versions,
S3 objects or cache entries: every RPC of the area is tried with B's ids."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import NotFound
from common.gen.mirai.v1 import course_pb2
from functions.bootstrap import Container
from functions.registry import rpc_targets
from tests.fakes.kratos import FakeKratos
from tests.support.cache_probe import cached_course
from tests.support.course_actors import CourseApi, Tenant, error_of, make_tenant

pytestmark = pytest.mark.integration

EXPORT_RPCS = {"ExportCourse", "GetExport", "ListExports", "GetExportDownloadUrl"}


@dataclass(frozen=True)
class World:
    a: Tenant
    b: Tenant
    folder: str
    course: str
    module: str
    lesson: str
    tag: str


@pytest.fixture(scope="module")
def world(container: Container, owner_db: Database, kratos: FakeKratos) -> World:
    a, b = make_tenant(owner_db, kratos), make_tenant(owner_db, kratos)
    api = CourseApi(container, b.owner)
    tag = f"secret-{uuid.uuid4().hex[:6]}"
    folder = api.create_folder(name="B's folder").folder
    course = api.create_course(title="B's course", folder_id=folder.id, tags=[tag]).course
    module = api.create_module(course_id=course.id, title="B's module").module
    lesson = api.create_lesson(course_id=course.id, module_id=module.id, title="B's lesson").lesson
    api.get_course(course_id=course.id)
    return World(a, b, folder.id, course.id, module.id, lesson.id, tag)


def _requests(w: World) -> dict[str, dict[str, Any]]:
    """For every RPC: a request from A that names B's resources."""
    c = {"course_id": w.course}
    return {
        "CreateCourse": {"title": "x", "folder_id": w.folder},
        "GetCourse": c, "UpdateCourse": {**c, "title": "hijacked"}, "DeleteCourse": c, "RestoreCourse": c,
        "DuplicateCourse": c, "ListCourses": {"folder_id": w.folder}, "GetCourseContent": c,
        "SaveCourseContent": {**c, "content": course_pb2.CourseContent()}, "GetLesson": {**c, "lesson_id": w.lesson},
        "CreateFolder": {"name": "x", "parent_id": w.folder}, "GetFolder": {"folder_id": w.folder},
        "ListFolders": {"parent_id": w.folder}, "UpdateFolder": {"folder_id": w.folder, "name": "hijacked"},
        "MoveFolder": {"folder_id": w.folder}, "DeleteFolder": {"folder_id": w.folder, "delete_contents": True},
        "CreateModule": {**c, "title": "x"}, "UpdateModule": {**c, "module_id": w.module, "title": "x"},
        "DeleteModule": {**c, "module_id": w.module}, "ReorderModules": {**c, "module_ids": [w.module]},
        "CreateLesson": {**c, "module_id": w.module, "title": "x"},
        "UpdateLesson": {**c, "lesson_id": w.lesson, "title": "x"}, "DeleteLesson": {**c, "lesson_id": w.lesson},
        "ReorderLessons": {**c, "module_id": w.module, "lesson_ids": [w.lesson]},
        "MoveLesson": {**c, "lesson_id": w.lesson, "target_module_id": w.module},
        "ListCourseVersions": c, "GetCourseVersion": {**c, "version": 1},
        "RestoreCourseVersion": {**c, "version": 1},
    }


# RPCs that take no id of B: they must simply not show B's data.
LISTINGS = {"CountCoursesByFolder", "ListCourseTags"}
METHODS = sorted(t.method for t in rpc_targets() if t.service == "CourseService" and t.method not in EXPORT_RPCS)


def test_every_course_rpc_is_covered() -> None:
    dummy = World(*(None,) * 2, *("0" * 8,) * 5)  # type: ignore[arg-type]
    assert set(METHODS) == set(_requests(dummy)) | LISTINGS


def _snake(method: str) -> str:
    return "".join(f"_{ch.lower()}" if ch.isupper() else ch for ch in method).lstrip("_")


def _b_state(container: Container, owner_db: Database, w: World) -> tuple[Any, ...]:
    with owner_db.engine.connect() as conn:
        rows = tuple(
            tuple(map(tuple, conn.execute(text(sql), {"t": w.b.id}).all()))
            for sql in ("select * from courses where tenant_id = :t order by id",
                        "select * from folders where tenant_id = :t order by id",
                        "select * from course_modules where tenant_id = :t order by id",
                        "select * from lessons where tenant_id = :t order by id",
                        "select * from course_versions where tenant_id = :t order by id")
        )
    keys = container.storage.list_keys(storage_keys.tenant_prefix(w.b.id))
    bodies = tuple(container.storage.get(k) for k in keys)
    entry = cached_course(container.cache, w.b.id, w.course)
    return rows, tuple(keys), bodies, entry


@pytest.mark.parametrize("method", sorted(set(METHODS) - LISTINGS))
def test_another_tenants_ids_are_not_found_and_nothing_of_theirs_changes(
    method: str, world: World, container: Container, owner_db: Database
) -> None:
    before = _b_state(container, owner_db, world)
    call: Callable[..., Any] = getattr(CourseApi(container, world.a.owner), _snake(method))
    err = error_of(lambda: call(**_requests(world)[method]))
    assert isinstance(err, NotFound), f"{method}: {err!r}"
    assert world.course not in err.message and world.folder not in err.message
    assert _b_state(container, owner_db, world) == before
    # Nothing of B's appeared under A's prefixes either.
    assert container.storage.list_keys(storage_keys.course_prefix(world.a.id, world.course)) == []
    assert cached_course(container.cache, world.a.id, world.course) is None


def test_listings_never_show_another_tenants_courses_folders_or_tags(world: World, container: Container) -> None:
    api = CourseApi(container, world.a.owner)
    assert world.course not in [c.id for c in api.list_courses(page_size=200, include_deleted=True).courses]
    assert world.folder not in [f.id for f in api.list_folders(recursive=True, page_size=200).folders]
    assert world.tag not in [t.tag for t in api.list_course_tags(limit=200).tags]
    assert world.folder not in [c.folder_id for c in api.count_courses_by_folder().counts]
    assert api.count_courses_by_folder(team_id=str(world.b.ids["team"])).total_count == 0
