"""Generation results into the course, through the course area's content functions.

Every writer of a course body takes the course row lock (``courses.get(for_update=True)``),
reads the latest body under it and commits the next version (``write_version``): lessons
written in parallel serialize only for this short write, and none loses another's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from google.protobuf import json_format

from common.errors import NotFound
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.courses import Course
from common.repos.lesson_components import ComponentRow
from common.repos.outlines import Section
from functions.ai_generation.records import COMPONENT_TYPES
from functions.course.content import Saved, load_content, mirror_latest, staged_objects, write_version
from functions.course.convert import now_iso
from functions.course.course_cache import CourseCache
from functions.course.model import Content, Lesson, Module

T = TypeVar("T")
_TYPE_NAMES = {number: name for name, number in COMPONENT_TYPES.items()}


def outline_to_content(content: Content, sections: Iterable[Section], *, status: str) -> tuple[Content, list[tuple[uuid.UUID, uuid.UUID]]]:
    """The outline's sections as modules (new ids) after any modules the course has; answers
    (course lesson id, outline lesson id) for every lesson created."""
    planned: list[tuple[uuid.UUID, uuid.UUID]] = []
    modules = list(content.modules)
    for section in sections:
        lessons = []
        for item in section.lessons:
            lesson_id = uuid.uuid4()
            planned.append((lesson_id, item.id))
            lessons.append(Lesson(id=str(lesson_id), title=item.title, description=item.description,
                                  estimated_minutes=item.estimated_minutes, objectives=tuple(item.objectives),
                                  content_status=status, updated_at=now_iso()))
        modules.append(Module(id=str(uuid.uuid4()), title=section.title, description=section.description,
                              lessons=tuple(lessons)))
    return replace(content, modules=tuple(modules)), planned


def find_lesson(content: Content, lesson_id: uuid.UUID) -> tuple[Module, Lesson] | None:
    for module, lesson in content.lessons():
        if lesson.id == str(lesson_id):
            return module, lesson
    return None


def with_lessons(content: Content, changes: dict[str, Callable[[Lesson], Lesson]]) -> Content:
    """The body with the lessons named in ``changes`` (by id) replaced by ``change(lesson)``."""
    modules = tuple(
        replace(m, lessons=tuple(changes[le.id](le) if le.id in changes else le for le in m.lessons))
        for m in content.modules
    )
    return replace(content, modules=modules)


def components_json(components: Iterable[pb.LessonComponent], *, now: str) -> tuple[dict[str, Any], ...]:
    """AI-written components as the course body stores them (proto JSON, stamped now)."""
    stored = []
    for component in components:
        copy = pb.LessonComponent()
        copy.CopyFrom(component)
        copy.position = 0
        copy.ai_generated = True
        json_format.ParseDict({"updated_at": now}, copy)
        stored.append(json_format.MessageToDict(copy, preserving_proto_field_name=True))
    return tuple(stored)


def component_rows(stored: Iterable[dict[str, Any]]) -> list[ComponentRow]:
    rows = []
    for position, body in enumerate(stored):
        message = json_format.ParseDict(body, pb.LessonComponent(), ignore_unknown_fields=True)
        rows.append(ComponentRow(id=uuid.UUID(message.id), type=_TYPE_NAMES.get(message.type, "text"), position=position,
                                 body=body, ai_generated=message.ai_generated))
    return rows


def write_course(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, course_id: uuid.UUID,
                 edit: Callable[[Any, Course, Content], tuple[Content | None, T]], message: str,
                 staged_keys: Iterable[tuple[str, bytes]] = ()) -> tuple[Saved | None, T]:
    """Runs ``edit(uow, course, body)`` under the course row lock; a new body it returns becomes
    the next version (source ``ai_generation``), None writes no version. Objects in
    ``staged_keys`` are written first and deleted again if the transaction fails."""
    storage = container.storage
    saved = None
    with staged_objects(storage) as staged, container.db.tenant_session(tenant_id, user_id) as uow:
        for key, body in staged_keys:
            staged.put(key, body)
        course = uow.courses.get(course_id, for_update=True, include_deleted=True)
        new_body, result = edit(uow, course, load_content(storage, course))
        if new_body is not None:
            author = user_id or course.created_by
            assert author is not None, "a course body needs an author"
            saved = write_version(uow, staged, course=course, content=new_body, user_id=author,
                                  source="ai_generation", message=message)
            staged.committing(_version_committed(container, tenant_id, course_id, saved.version.version))
    if saved is not None:
        after_course_write(container, saved)
    return saved, result


def _version_committed(container: Any, tenant_id: uuid.UUID, course_id: uuid.UUID, number: int) -> Callable[[], bool]:
    """Asked only when COMMIT itself failed: a body a committed version points at must stay."""

    def check() -> bool:
        with container.db.tenant_session(tenant_id) as uow:
            try:
                uow.course_versions.get(course_id, number)
            except NotFound:
                return False
            return True

    return check


def after_course_write(container: Any, saved: Saved) -> None:
    mirror_latest(container.storage, saved)
    CourseCache(container.cache, saved.course.tenant_id).course_changed(saved.course.id)
