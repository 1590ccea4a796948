"""Course bodies: modules, lessons, whole-body saves and versions, with S3 and the index rows in step."""

from __future__ import annotations

import random
import threading
import uuid

import pytest
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import Conflict, InvalidArgument, NotFound
from common.gen.mirai.v1 import common_pb2, course_pb2
from functions.bootstrap import Container
from tests.support.course_actors import CourseApi, Tenant, error_of

pytestmark = pytest.mark.integration


def _positions(owner_db: Database, sql: str, parent: str) -> list[tuple[str, int]]:
    with owner_db.engine.connect() as conn:
        return [(str(r[0]), r[1]) for r in conn.execute(text(sql), {"p": parent})]


def _module_rows(owner_db: Database, course_id: str) -> list[tuple[str, int]]:
    return _positions(owner_db, "select id, position from course_modules where course_id = :p order by position",
                      course_id)


def _lesson_rows(owner_db: Database, module_id: str) -> list[tuple[str, int]]:
    return _positions(owner_db, "select id, position from lessons where module_id = :p order by position", module_id)


def _text(markdown: str) -> common_pb2.LessonComponent:
    return common_pb2.LessonComponent(type=common_pb2.COMPONENT_TYPE_TEXT, text=common_pb2.TextBlock(markdown=markdown))


def test_module_and_lesson_edits_each_make_a_version_and_keep_rows_dense(container: Container, tenant: Tenant,
                                                                         owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    m1 = api.create_module(course_id=course.id, title="One").module
    m2 = api.create_module(course_id=course.id, title="Zero", position=0).module
    lesson_a = api.create_lesson(course_id=course.id, module_id=m1.id, title="A", estimated_minutes=10,
                                 components=[_text("hello")]).lesson
    lesson_b = api.create_lesson(course_id=course.id, module_id=m1.id, title="B", position=0).lesson
    assert lesson_a.content_status == course_pb2.LESSON_CONTENT_STATUS_READY
    assert lesson_b.content_status == course_pb2.LESSON_CONTENT_STATUS_EMPTY
    body = api.get_course_content(course_id=course.id).content
    assert [m.title for m in body.modules] == ["Zero", "One"]
    assert [le.title for le in body.modules[1].lessons] == ["B", "A"]
    assert _module_rows(owner_db, course.id) == [(m2.id, 0), (m1.id, 1)]
    assert _lesson_rows(owner_db, m1.id) == [(lesson_b.id, 0), (lesson_a.id, 1)]

    moved = api.move_lesson(course_id=course.id, lesson_id=lesson_a.id, target_module_id=m2.id,
                            if_match=lesson_a.etag)
    assert moved.lesson.module_id == m2.id and moved.lesson.position == 0
    assert _lesson_rows(owner_db, m1.id) == [(lesson_b.id, 0)]
    deleted = api.delete_module(course_id=course.id, module_id=m2.id)
    assert deleted.deleted_lesson_count == 1
    assert _module_rows(owner_db, course.id) == [(m1.id, 0)]
    meta = api.get_course(course_id=course.id).course
    assert meta.content_version == deleted.content_version == 7
    assert (meta.module_count, meta.lesson_count, meta.estimated_duration_minutes) == (1, 1, 0)
    versions = api.list_course_versions(course_id=course.id).versions
    assert [v.version for v in versions] == [7, 6, 5, 4, 3, 2, 1]
    assert versions[0].source == course_pb2.VERSION_SOURCE_STRUCTURE_EDIT


def test_update_lesson_replaces_lists_only_when_their_wrapper_is_set(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    module = api.create_module(course_id=course.id, title="M").module
    lesson = api.create_lesson(course_id=course.id, module_id=module.id, title="L",
                               objectives=[common_pb2.LearningObjective(text="Explain")],
                               components=[_text("one")]).lesson
    renamed = api.update_lesson(course_id=course.id, lesson_id=lesson.id, title="L2", if_match=lesson.etag).lesson
    assert renamed.title == "L2" and len(renamed.components) == 1 and len(renamed.objectives) == 1
    cleared = api.update_lesson(course_id=course.id, lesson_id=lesson.id,
                                components=course_pb2.LessonComponentList()).lesson
    assert len(cleared.components) == 0 and cleared.content_status == course_pb2.LESSON_CONTENT_STATUS_EMPTY
    err = error_of(lambda: api.update_lesson(course_id=course.id, lesson_id=lesson.id, title="x",
                                             if_match=lesson.etag))
    assert isinstance(err, Conflict)
    fetched = api.get_lesson(course_id=course.id, lesson_id=lesson.id)
    assert fetched.lesson.title == "L2" and fetched.content_etag == api.get_course_content(course_id=course.id).content.etag


def test_save_content_replaces_the_body_and_checks_the_etag(container: Container, tenant: Tenant,
                                                            owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    current = api.get_course_content(course_id=course.id).content
    body = course_pb2.CourseContent(modules=[
        course_pb2.CourseModule(title="Intro", lessons=[course_pb2.Lesson(title="Welcome", estimated_minutes=3,
                                                                          components=[_text("Hi")])]),
        course_pb2.CourseModule(title="Outro"),
    ])
    saved = api.save_course_content(course_id=course.id, content=body, if_match=current.etag, version_message="first")
    assert saved.version.version == 2 and saved.version.message == "first"
    assert saved.version.source == course_pb2.VERSION_SOURCE_SAVE
    assert saved.course.lesson_count == 1 and saved.course.estimated_duration_minutes == 3
    assert saved.content.updated_by.id == str(tenant.lead.principal.user_id)
    assert [m.title for m in saved.content.modules] == ["Intro", "Outro"]

    stale = error_of(lambda: api.save_course_content(course_id=course.id, content=body, if_match=current.etag))
    assert isinstance(stale, Conflict)
    foreign = course_pb2.CourseContent(modules=[course_pb2.CourseModule(id=str(uuid.uuid4()), title="X")])
    err = error_of(lambda: api.save_course_content(course_id=course.id, content=foreign))
    assert isinstance(err, InvalidArgument) and err.field == "content.modules[0].id"
    bad = course_pb2.CourseContent(modules=[course_pb2.CourseModule(title="")])
    assert error_of(lambda: api.save_course_content(course_id=course.id, content=bad)).field == "content.modules[0].title"
    assert api.get_course(course_id=course.id).course.content_version == 2
    with owner_db.engine.connect() as conn:
        assert conn.execute(text("select count(*) from course_versions where course_id = :c"),
                            {"c": course.id}).scalar_one() == 2


def test_restoring_a_version_makes_a_new_version_with_the_old_body(container: Container, tenant: Tenant,
                                                                   owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    module = api.create_module(course_id=course.id, title="Keep me").module
    api.create_lesson(course_id=course.id, module_id=module.id, title="Lesson")
    api.delete_module(course_id=course.id, module_id=module.id)
    assert _module_rows(owner_db, course.id) == []
    old = api.get_course_version(course_id=course.id, version=3)
    assert [m.title for m in old.content.modules] == ["Keep me"] and old.version.version == 3
    current = api.get_course_content(course_id=course.id).content

    restored = api.restore_course_version(course_id=course.id, version=3, if_match=current.etag,
                                          version_message="undo")
    assert restored.version.version == 5 and restored.version.restored_from_version == 3
    assert restored.version.source == course_pb2.VERSION_SOURCE_RESTORE
    assert [m.id for m in restored.content.modules] == [module.id]
    assert _module_rows(owner_db, course.id) == [(module.id, 0)]
    for number in (3, 4):  # older versions are never touched
        assert container.storage.get_json(storage_keys.course_version(tenant.id, course.id, number))["version"] == number
    assert isinstance(error_of(lambda: api.restore_course_version(course_id=course.id, version=99)), NotFound)
    assert error_of(lambda: api.get_course_version(course_id=course.id, version=0)).field == "version"


def test_versions_page_newest_first(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    for i in range(4):
        api.create_module(course_id=course.id, title=f"M{i}")
    numbers: list[int] = []
    token = ""
    while True:
        page = api.list_course_versions(course_id=course.id, page_size=2, page_token=token)
        numbers += [v.version for v in page.versions]
        token = page.next_page_token
        if not token:
            break
    assert numbers == [5, 4, 3, 2, 1]


def test_reorders_need_every_id_exactly_once(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course").course
    ids = [api.create_module(course_id=course.id, title=f"M{i}").module.id for i in range(3)]
    err = error_of(lambda: api.reorder_modules(course_id=course.id, module_ids=ids[:2]))
    assert isinstance(err, InvalidArgument) and err.field == "module_ids"
    reordered = api.reorder_modules(course_id=course.id, module_ids=list(reversed(ids)))
    assert [m.id for m in reordered.modules] == list(reversed(ids))
    assert [m.position for m in reordered.modules] == [0, 1, 2]


def test_concurrent_reorders_always_leave_a_dense_permutation(container: Container, tenant: Tenant,
                                                              owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Busy course").course
    ids = [api.create_module(course_id=course.id, title=f"M{i}").module.id for i in range(6)]
    module = api.create_module(course_id=course.id, title="Lessons").module
    lesson_ids = [api.create_lesson(course_id=course.id, module_id=module.id, title=f"L{i}").lesson.id
                  for i in range(5)]
    all_modules = [*ids, module.id]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def reorder(seed: int) -> None:
        rng = random.Random(seed)
        worker = CourseApi(container, tenant.lead)
        start.wait()
        try:
            for _ in range(4):
                if rng.random() < 0.5:
                    worker.reorder_modules(course_id=course.id, module_ids=rng.sample(all_modules, len(all_modules)))
                else:
                    worker.reorder_lessons(course_id=course.id, module_id=module.id,
                                           lesson_ids=rng.sample(lesson_ids, len(lesson_ids)))
        except Exception as err:  # any failure must fail the test below
            errors.append(err)

    threads = [threading.Thread(target=reorder, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    rows = _module_rows(owner_db, course.id)
    assert sorted(r[0] for r in rows) == sorted(all_modules) and [r[1] for r in rows] == list(range(7))
    lessons = _lesson_rows(owner_db, module.id)
    assert sorted(r[0] for r in lessons) == sorted(lesson_ids) and [r[1] for r in lessons] == list(range(5))
    body = api.get_course_content(course_id=course.id).content
    assert [m.id for m in body.modules] == [r[0] for r in rows]
    assert body.version == 1 + 7 + 5 + 32  # create, 7 modules, 5 lessons, 32 reorders: none lost
