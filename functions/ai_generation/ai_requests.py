"""Ready-to-send AI requests: prompt + reply schema + the parser into proto messages.

A job does ``container.ai.generate(outline_request(...), api_key=key)`` and gets back
an ``Outline`` (or lesson components, or one component) with the token usage.
"""

from __future__ import annotations

from collections.abc import Sequence

from common.adapters.ai import StructuredRequest
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import sme_pb2
from common.gen.mirai.v1 import target_audience_pb2 as ta_pb
from functions.ai_generation.components import (
    NewId,
    lesson_from_reply,
    new_uuid,
    objective_ids_of,
    regenerated_component_from_reply,
    type_name,
)
from functions.ai_generation.knowledge import LESSON_BUDGET_CHARS, OUTLINE_BUDGET_CHARS, select_chunks
from functions.ai_generation.outlines import outline_from_reply
from functions.ai_generation.prompts import build_component_prompt, build_lesson_prompt, build_outline_prompt
from functions.ai_generation.schemas import LESSON_SCHEMA, OUTLINE_SCHEMA, component_schema

OUTLINE_TEMPERATURE = 0.7
LESSON_TEMPERATURE = 0.6
COMPONENT_TEMPERATURE = 0.6


def outline_request(
    request: ai_pb.GenerationInput,
    *,
    model: str,
    audience: ta_pb.TargetAudience | None,
    chunks: Sequence[sme_pb2.KnowledgeChunk],
    feedback: str = "",
    previous: ai_pb.Outline | None = None,
    new_id: NewId = new_uuid,
) -> StructuredRequest[ai_pb.Outline]:
    selected = select_chunks(chunks, budget_chars=OUTLINE_BUDGET_CHARS, topics=[request.title, *request.learning_goals])
    prompt = build_outline_prompt(request, audience=audience, chunks=selected, feedback=feedback, previous=previous)
    known = frozenset(chunk.id for chunk in chunks)
    wanted = max(0, request.desired_lesson_count)
    return StructuredRequest(
        model=model,
        system_instruction=prompt.system,
        prompt=prompt.user,
        schema=OUTLINE_SCHEMA,
        parse=lambda data: outline_from_reply(data, known_chunk_ids=known, desired_lesson_count=wanted, new_id=new_id),
        purpose="outline",
        temperature=OUTLINE_TEMPERATURE,
    )


def lesson_request(
    lesson: ai_pb.OutlineLesson,
    *,
    model: str,
    course_title: str,
    section: ai_pb.OutlineSection,
    audience: ta_pb.TargetAudience | None,
    chunks: Sequence[sme_pb2.KnowledgeChunk],
    language: str = "",
    additional_context: str = "",
    new_id: NewId = new_uuid,
) -> StructuredRequest[list[pb.LessonComponent]]:
    selected = select_chunks(
        chunks,
        budget_chars=LESSON_BUDGET_CHARS,
        prefer_ids=list(lesson.source_chunk_ids),
        topics=[lesson.title, *lesson.key_topics, *(objective.text for objective in lesson.objectives)],
    )
    prompt = build_lesson_prompt(
        lesson,
        course_title=course_title,
        section=section,
        audience=audience,
        chunks=selected,
        language=language,
        additional_context=additional_context,
    )
    objective_ids = frozenset(objective_ids_of(lesson.objectives))
    return StructuredRequest(
        model=model,
        system_instruction=prompt.system,
        prompt=prompt.user,
        schema=LESSON_SCHEMA,
        parse=lambda data: lesson_from_reply(data, objective_ids=objective_ids, new_id=new_id),
        purpose="lesson",
        temperature=LESSON_TEMPERATURE,
    )


def component_request(
    component: pb.LessonComponent,
    *,
    model: str,
    instruction: str,
    lesson_title: str,
    objectives: Sequence[pb.LearningObjective],
    audience: ta_pb.TargetAudience | None,
    target_type: int = pb.COMPONENT_TYPE_UNSPECIFIED,
    language: str = "",
    new_id: NewId = new_uuid,
) -> StructuredRequest[pb.LessonComponent]:
    """Raises ``ValueError`` when the component (or the target kind) is one the AI does
    not write (video, divider); the RPC turns that into ``invalid_argument``."""
    kind = type_name(target_type or component.type)
    type_name(component.type)
    prompt = build_component_prompt(
        component,
        instruction=instruction,
        target_type=kind,
        lesson_title=lesson_title,
        objectives=objectives,
        audience=audience,
        language=language,
    )
    objective_ids = frozenset(objective_ids_of(objectives))
    return StructuredRequest(
        model=model,
        system_instruction=prompt.system,
        prompt=prompt.user,
        schema=component_schema(kind),
        parse=lambda data: regenerated_component_from_reply(
            data, original=component, objective_ids=objective_ids, new_id=new_id
        ),
        purpose="component",
        temperature=COMPONENT_TEMPERATURE,
    )
