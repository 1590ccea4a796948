"""The module and lesson RPCs as pure edits of a body, for ``content.edit_content``.

Each builder takes the validated request and returns ``edit(course, body) ->
(new body, result)``; the edit checks the request's etag against the body it
is handed (under the course row lock), so a stale etag is ``aborted`` and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from common.gen.mirai.v1 import common_pb2, course_pb2
from common.repos.courses import Course
from functions.course import structure
from functions.course.convert import components_to_json, content_from_proto, new_id, now_iso, objectives_to_json
from functions.course.model import Content, Lesson, Module, content_etag, lesson_etag, module_etag

Edit = Callable[[Course, Content], tuple[Content, Any]]


@dataclass(frozen=True)
class LessonChanges:
    title: str | None = None
    description: str | None = None
    estimated_minutes: int | None = None
    objectives: Sequence[common_pb2.LearningObjective] | None = None
    components: Sequence[common_pb2.LessonComponent] | None = None


def create_module(*, title: str, description: str, position: int | None, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, str]:
        structure.check_content_etag(body, if_match)
        module = Module(id=new_id(), title=title, description=description)
        return replace(body, modules=structure.insert_at(body.modules, module, position)), module.id
    return edit


def update_module(module_id: str, *, title: str | None, description: str | None, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, str]:
        index, module = structure.find_module(body, module_id)
        structure.check_etag(if_match, module_etag(module), what="module")
        changed = replace(module, title=module.title if title is None else title,
                          description=module.description if description is None else description)
        return structure.replace_module(body, index, changed), module_id
    return edit


def delete_module(module_id: str, *, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, int]:
        index, module = structure.find_module(body, module_id)
        structure.check_etag(if_match, module_etag(module), what="module")
        return structure.without_module(body, index), len(module.lessons)
    return edit


def reorder_modules(module_ids: Sequence[str], *, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, None]:
        structure.check_content_etag(body, if_match)
        return structure.reorder_modules(body, module_ids), None
    return edit


def create_lesson(module_id: str, *, title: str, description: str, estimated_minutes: int, position: int | None,
                  objectives: Sequence[common_pb2.LearningObjective],
                  components: Sequence[common_pb2.LessonComponent], if_match: str) -> Edit:
    now = now_iso()
    parts = (objectives_to_json(objectives, field="objectives"),
             components_to_json(components, previous=(), field="components", now=now))

    def edit(course: Course, body: Content) -> tuple[Content, str]:
        index, module = structure.find_module(body, module_id)
        structure.check_etag(if_match, module_etag(module), what="module")
        lesson = Lesson(id=new_id(), title=title, description=description, estimated_minutes=estimated_minutes,
                        objectives=parts[0], components=parts[1], content_status="ready" if parts[1] else "empty",
                        updated_at=now)
        changed = replace(module, lessons=structure.insert_at(module.lessons, lesson, position))
        return structure.replace_module(body, index, changed), lesson.id
    return edit


def update_lesson(lesson_id: str, changes: LessonChanges, *, if_match: str) -> Edit:
    now = now_iso()
    objectives = None if changes.objectives is None else objectives_to_json(changes.objectives, field="objectives")

    def edit(course: Course, body: Content) -> tuple[Content, str]:
        m_index, module, l_index, lesson = structure.find_lesson(body, lesson_id)
        structure.check_etag(if_match, lesson_etag(lesson, module_id=module.id), what="lesson")
        updated = replace(
            lesson,
            title=lesson.title if changes.title is None else changes.title,
            description=lesson.description if changes.description is None else changes.description,
            estimated_minutes=lesson.estimated_minutes if changes.estimated_minutes is None
            else changes.estimated_minutes,
            objectives=lesson.objectives if objectives is None else objectives,
        )
        if changes.components is not None:
            components = components_to_json(changes.components, previous=lesson.components,
                                            field="components.components", now=now)
            status = lesson.content_status if components == lesson.components else ("ready" if components else "empty")
            updated = replace(updated, components=components, content_status=status)
        if updated != lesson:
            updated = replace(updated, updated_at=now)
        return structure.replace_lesson(body, m_index, l_index, updated), lesson_id
    return edit


def delete_lesson(lesson_id: str, *, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, None]:
        m_index, module, l_index, lesson = structure.find_lesson(body, lesson_id)
        structure.check_etag(if_match, lesson_etag(lesson, module_id=module.id), what="lesson")
        changed = replace(module, lessons=module.lessons[:l_index] + module.lessons[l_index + 1:])
        return structure.replace_module(body, m_index, changed), None
    return edit


def reorder_lessons(module_id: str, lesson_ids: Sequence[str], *, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, str]:
        return structure.reorder_lessons(body, module_id, lesson_ids, if_match=if_match), module_id
    return edit


def move_lesson(lesson_id: str, *, target_module_id: str, position: int | None, if_match: str) -> Edit:
    def edit(course: Course, body: Content) -> tuple[Content, str]:
        return structure.move_lesson(body, lesson_id, target_module_id, position, if_match=if_match), lesson_id
    return edit


def save_content(message: course_pb2.CourseContent, *, if_match: str) -> Edit:
    """SaveCourseContent: the request body is checked against the current one (ids it
    names must be this course's) under the course row lock."""
    now = now_iso()

    def edit(course: Course, body: Content) -> tuple[Content, None]:
        # The row's etag is the body's; it survives a body lost in S3, which this save repairs.
        structure.check_etag(if_match, course.content_etag or content_etag(body), what="course content")
        return content_from_proto(message, previous=body, now=now), None
    return edit
