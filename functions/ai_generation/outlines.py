"""Schema-valid outline reply → ``Outline`` message (sections, lessons, objectives with
fresh ids and positions), with the rules the schema cannot express."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from common.adapters.ai import InvalidReply
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from functions.ai_generation.component_types import AI_TYPES
from functions.ai_generation.components import NewId, new_uuid

_BLOOM = {
    "remember": pb.BLOOM_LEVEL_REMEMBER,
    "understand": pb.BLOOM_LEVEL_UNDERSTAND,
    "apply": pb.BLOOM_LEVEL_APPLY,
    "analyze": pb.BLOOM_LEVEL_ANALYZE,
    "evaluate": pb.BLOOM_LEVEL_EVALUATE,
    "create": pb.BLOOM_LEVEL_CREATE,
}


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def _lesson(data: Mapping[str, Any], *, where: str, position: int, known_chunk_ids: Collection[str], new_id: NewId) -> ai_pb.OutlineLesson:
    title = _clean(data["title"])
    if not title:
        raise InvalidReply(f"{where}: title is empty")
    objectives = [
        pb.LearningObjective(id=new_id(), text=_clean(item["text"]), bloom_level=_BLOOM[item["bloom_level"]])
        for item in data["objectives"]
    ]
    if any(not objective.text for objective in objectives):
        raise InvalidReply(f"{where}: a learning objective is empty")
    # Citations of chunks we did not send are hallucinated: dropped, not fatal.
    sources = list(dict.fromkeys(cid for cid in data["source_chunk_ids"] if cid in known_chunk_ids))
    return ai_pb.OutlineLesson(
        id=new_id(),
        title=title,
        description=str(data["description"]).strip(),
        position=position,
        estimated_minutes=int(data["estimated_minutes"]),
        objectives=objectives,
        key_topics=[topic for topic in (_clean(t) for t in data["key_topics"]) if topic],
        suggested_components=list(dict.fromkeys(AI_TYPES[name] for name in data["suggested_components"])),
        source_chunk_ids=sources,
    )


def outline_from_reply(
    data: Mapping[str, Any],
    *,
    known_chunk_ids: Collection[str] = (),
    desired_lesson_count: int = 0,
    new_id: NewId = new_uuid,
) -> ai_pb.Outline:
    """The drafted structure. Outline id, status, input and audit fields are the caller's."""
    title = _clean(data["title"])
    if not title:
        raise InvalidReply("title is empty")
    known = set(known_chunk_ids)
    sections: list[ai_pb.OutlineSection] = []
    seen_titles: set[str] = set()
    for s_index, section in enumerate(data["sections"]):
        where = f"sections/{s_index}"
        section_title = _clean(section["title"])
        if not section_title:
            raise InvalidReply(f"{where}: title is empty")
        lessons = []
        for l_index, lesson in enumerate(section["lessons"]):
            built = _lesson(lesson, where=f"{where}/lessons/{l_index}", position=l_index, known_chunk_ids=known, new_id=new_id)
            if built.title.casefold() in seen_titles:
                raise InvalidReply(f"{where}/lessons/{l_index}: lesson title {built.title[:80]!r} is used twice")
            seen_titles.add(built.title.casefold())
            lessons.append(built)
        sections.append(
            ai_pb.OutlineSection(
                id=new_id(), title=section_title, description=str(section["description"]).strip(), position=s_index, lessons=lessons
            )
        )
    lesson_count = sum(len(section.lessons) for section in sections)
    if desired_lesson_count and lesson_count != desired_lesson_count:
        raise InvalidReply(f"sections: expected exactly {desired_lesson_count} lessons in total, got {lesson_count}")
    return ai_pb.Outline(
        title=title,
        description=str(data["description"]).strip(),
        sections=sections,
        estimated_duration_minutes=sum(lesson.estimated_minutes for section in sections for lesson in section.lessons),
    )
