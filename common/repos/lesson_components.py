"""The components of a lesson as rows (lesson_components), beside the course body in S3:
rewritten from the body whenever the AI writes a lesson or a component, so other areas
can find a component by id without reading the body."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update

from common.db.tables import lesson_components
from common.repos.base import TenantRepository


@dataclass(frozen=True)
class ComponentRow:
    id: uuid.UUID
    type: str
    position: int
    body: dict[str, Any]
    ai_generated: bool


class LessonComponents(TenantRepository):
    def replace(self, *, course_id: uuid.UUID, lesson_id: uuid.UUID, components: Sequence[ComponentRow]) -> None:
        """Makes the lesson's rows exactly these: a lesson written twice never has twice the components."""
        self._session.execute(delete(lesson_components).where(lesson_components.c.lesson_id == lesson_id))
        if components:
            self._session.execute(insert(lesson_components), [
                {"id": c.id, "tenant_id": self.tenant_id, "course_id": course_id, "lesson_id": lesson_id, "type": c.type,
                 "position": c.position, "body": c.body, "ai_generated": c.ai_generated}
                for c in components
            ])

    def update(self, component: ComponentRow) -> bool:
        result = self._session.execute(
            update(lesson_components).where(lesson_components.c.id == component.id)
            .values(type=component.type, body=component.body, ai_generated=component.ai_generated)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def for_lesson(self, lesson_id: uuid.UUID) -> list[ComponentRow]:
        c = lesson_components.c
        rows = self._session.execute(
            select(c.id, c.type, c.position, c.body, c.ai_generated).where(c.lesson_id == lesson_id).order_by(c.position))
        return [ComponentRow(id=r.id, type=r.type, position=r.position, body=r.body, ai_generated=r.ai_generated)
                for r in rows]
