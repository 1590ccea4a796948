"""Checking an edited outline structure (UpdateOutline's ``sections``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from common.errors import InvalidArgument
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.outlines import PlannedLesson, Section
from functions import inputs
from functions.ai_generation.component_types import COMPONENT_TYPES
from functions.ai_generation.records import objective_dicts

MAX_SECTIONS = 30
MAX_LESSONS_PER_SECTION = 30
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 2000
MAX_TOPICS = 20
MAX_OBJECTIVES = 10
_NAMES = {number: name for name, number in COMPONENT_TYPES.items()}


def _id(value: str, *, field: str, seen: set[uuid.UUID]) -> uuid.UUID:
    new = inputs.required_id(value, field=field) if value else uuid.uuid4()
    if new in seen:
        raise InvalidArgument(f"{new} is used twice", field=field)
    seen.add(new)
    return new


def _objectives(objectives: Iterable[pb.LearningObjective], *, field: str) -> list[pb.LearningObjective]:
    checked = []
    for objective in objectives:
        text = inputs.text(objective.text, field=f"{field}.text", max_chars=500, required=True)
        inputs.enum_value(objective.bloom_level, pb.BloomLevel.DESCRIPTOR, field=f"{field}.bloom_level",
                          allow_unspecified=True)
        checked.append(pb.LearningObjective(id=objective.id or str(uuid.uuid4()), text=text,
                                            bloom_level=objective.bloom_level))
    if len(checked) > MAX_OBJECTIVES:
        raise InvalidArgument(f"a lesson takes at most {MAX_OBJECTIVES} objectives", field=field)
    return checked


def checked_sections(edited: ai_pb.OutlineSectionList) -> list[Section]:
    if len(edited.sections) > MAX_SECTIONS:
        raise InvalidArgument(f"an outline takes at most {MAX_SECTIONS} sections", field="sections")
    seen: set[uuid.UUID] = set()
    sections = []
    for i, section in enumerate(edited.sections):
        where = f"sections[{i}]"
        section_id = _id(section.id, field=f"{where}.id", seen=seen)
        if len(section.lessons) > MAX_LESSONS_PER_SECTION:
            raise InvalidArgument(f"a section takes at most {MAX_LESSONS_PER_SECTION} lessons", field=f"{where}.lessons")
        lessons = []
        for j, lesson in enumerate(section.lessons):
            at = f"{where}.lessons[{j}]"
            for k, kind in enumerate(lesson.suggested_components):
                inputs.enum_value(kind, pb.ComponentType.DESCRIPTOR, field=f"{at}.suggested_components[{k}]")
            if lesson.estimated_minutes < 0:
                raise InvalidArgument("must not be negative", field=f"{at}.estimated_minutes")
            lessons.append(PlannedLesson(
                id=_id(lesson.id, field=f"{at}.id", seen=seen), section_id=section_id,
                title=inputs.text(lesson.title, field=f"{at}.title", max_chars=MAX_TITLE_CHARS, required=True),
                description=inputs.text(lesson.description, field=f"{at}.description", max_chars=MAX_DESCRIPTION_CHARS),
                position=j, estimated_minutes=lesson.estimated_minutes,
                objectives=objective_dicts(_objectives(lesson.objectives, field=f"{at}.objectives")),
                key_topics=inputs.text_list(lesson.key_topics, field=f"{at}.key_topics", max_items=MAX_TOPICS,
                                            max_chars=MAX_TITLE_CHARS),
                suggested_components=[_NAMES[k] for k in lesson.suggested_components],
                source_chunk_ids=[inputs.required_id(c, field=f"{at}.source_chunk_ids") for c in lesson.source_chunk_ids],
            ))
        sections.append(Section(
            id=section_id, position=i, lessons=lessons,
            title=inputs.text(section.title, field=f"{where}.title", max_chars=MAX_TITLE_CHARS, required=True),
            description=inputs.text(section.description, field=f"{where}.description", max_chars=MAX_DESCRIPTION_CHARS),
        ))
    return sections
