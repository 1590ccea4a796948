"""Generation results as course bodies: outline sections as modules, AI components as
stored JSON and component rows. Writing them is the course area's ``write_course``, which
takes the course row lock, so lessons written in parallel never lose one another's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from google.protobuf import json_format

from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.lesson_components import ComponentRow
from common.repos.outlines import Section
from functions.ai_generation.component_types import COMPONENT_NAMES
from functions.course.convert import now_iso
from functions.course.model import Content, Lesson, Module


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
        rows.append(ComponentRow(id=uuid.UUID(message.id), type=COMPONENT_NAMES.get(message.type, "text"), position=position,
                                 body=body, ai_generated=message.ai_generated))
    return rows
