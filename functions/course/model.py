"""The course body: modules, lessons and components, as stored in S3.

A body is immutable once written: every change makes a new ``Content`` with the
next version number, written to ``<tenant>/courses/<id>/versions/<n>.json``.
Objectives and components are kept in their proto JSON form (validated at the
edge by ``validation``), because nothing in this area interprets them beyond
their ids and order.

Etags are derived, never stored per item: the body's etag covers everything
(it includes the version number), a module's covers its title, description and
lesson order, a lesson's covers everything about the lesson except its position.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    description: str = ""
    estimated_minutes: int = 0
    objectives: tuple[dict[str, Any], ...] = ()
    components: tuple[dict[str, Any], ...] = ()
    content_status: str = "empty"
    updated_at: str = ""


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    description: str = ""
    lessons: tuple[Lesson, ...] = ()


@dataclass(frozen=True)
class Content:
    course_id: str
    version: int
    modules: tuple[Module, ...] = ()
    updated_at: str = ""
    updated_by: str = ""

    @property
    def lesson_count(self) -> int:
        return sum(len(m.lessons) for m in self.modules)

    @property
    def module_count(self) -> int:
        return len(self.modules)

    @property
    def estimated_minutes(self) -> int:
        return sum(lesson.estimated_minutes for m in self.modules for lesson in m.lessons)

    def lessons(self) -> list[tuple[Module, Lesson]]:
        return [(m, lesson) for m in self.modules for lesson in m.lessons]


def empty_content(course_id: str) -> Content:
    return Content(course_id=course_id, version=0)


# JSON form -------------------------------------------------------------------
def lesson_to_json(lesson: Lesson) -> dict[str, Any]:
    return {
        "id": lesson.id, "title": lesson.title, "description": lesson.description,
        "estimated_minutes": lesson.estimated_minutes, "objectives": list(lesson.objectives),
        "components": list(lesson.components), "content_status": lesson.content_status,
        "updated_at": lesson.updated_at,
    }


def module_to_json(module: Module) -> dict[str, Any]:
    return {
        "id": module.id, "title": module.title, "description": module.description,
        "lessons": [lesson_to_json(lesson) for lesson in module.lessons],
    }


def content_to_json(content: Content) -> dict[str, Any]:
    return {
        "format": 1, "course_id": content.course_id, "version": content.version,
        "updated_at": content.updated_at, "updated_by": content.updated_by,
        "modules": [module_to_json(m) for m in content.modules],
    }


def content_from_json(data: dict[str, Any]) -> Content:
    return Content(
        course_id=str(data["course_id"]),
        version=int(data["version"]),
        updated_at=str(data.get("updated_at", "")),
        updated_by=str(data.get("updated_by") or ""),
        modules=tuple(
            Module(
                id=str(m["id"]), title=str(m["title"]), description=str(m.get("description", "")),
                lessons=tuple(
                    Lesson(
                        id=str(le["id"]), title=str(le["title"]), description=str(le.get("description", "")),
                        estimated_minutes=int(le.get("estimated_minutes", 0)),
                        objectives=tuple(le.get("objectives", ())), components=tuple(le.get("components", ())),
                        content_status=str(le.get("content_status", "empty")), updated_at=str(le.get("updated_at", "")),
                    )
                    for le in m.get("lessons", ())
                ),
            )
            for m in data.get("modules", ())
        ),
    )


def serialize(data: Any) -> bytes:
    """The bytes stored in S3 (the storage adapter writes the same form)."""
    return json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _digest(data: Any) -> str:
    return hashlib.sha256(serialize(data)).hexdigest()[:32]


# Etags -----------------------------------------------------------------------
def content_etag(content: Content) -> str:
    return _digest(content_to_json(content))


def module_etag(module: Module) -> str:
    return _digest({"id": module.id, "title": module.title, "description": module.description,
                    "lessons": [lesson.id for lesson in module.lessons]})


def lesson_etag(lesson: Lesson, *, module_id: str) -> str:
    return _digest({"module_id": module_id, **lesson_to_json(lesson)})
