"""Prompts for the three generation kinds: an outline, one lesson, one component rewrite.

Pure functions of their inputs (protos), deterministic, no I/O and no secrets: the API
key never reaches them. Every piece of user-supplied text is fenced (see prompt_text).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import sme_pb2
from common.gen.mirai.v1 import target_audience_pb2 as ta_pb
from functions.ai_generation.components import component_to_reply_form
from functions.ai_generation.prompt_text import (
    SYSTEM_RULES,
    bullet_list,
    fence,
    join_parts,
    knowledge_text,
    language_tag,
    optional_fence,
    persona_text,
)


@dataclass(frozen=True)
class Prompt:
    system: str
    user: str


def _objectives_text(objectives: Sequence[pb.LearningObjective]) -> str:
    return "\n".join(fence("objective", objective.text, id=objective.id) for objective in objectives)


def _outline_text(outline: ai_pb.Outline) -> str:
    lines = [f"Title: {outline.title}"]
    for s_index, section in enumerate(outline.sections, start=1):
        lines.append(f"Section {s_index}: {section.title}")
        lines += [f"  Lesson {s_index}.{l_index}: {lesson.title}" for l_index, lesson in enumerate(section.lessons, start=1)]
    return "\n".join(lines)


def build_outline_prompt(
    request: ai_pb.GenerationInput,
    *,
    audience: ta_pb.TargetAudience | None,
    chunks: Sequence[sme_pb2.KnowledgeChunk],
    feedback: str = "",
    previous: ai_pb.Outline | None = None,
) -> Prompt:
    """``feedback`` and ``previous``: the reviewer's reason and the rejected outline, when
    an outline is regenerated after rejection."""
    language = language_tag(request.language, audience.language if audience else "")
    if request.desired_lesson_count > 0:
        size = f"Plan exactly {request.desired_lesson_count} lessons in total, grouped into sections."
    else:
        size = "Choose the number of lessons the goals need (usually 4 to 12), grouped into sections."
    if request.desired_duration_minutes > 0:
        size += f" The whole course should take about {request.desired_duration_minutes} minutes."
    task = (
        "Design the outline of an e-learning course for the persona below.\n"
        "Every lesson has 1 to 4 action-oriented learning objectives, the key topics it must cover, the component "
        "kinds it should use, and the chunk_id values of the knowledge it relies on (an empty list when none applies)."
    )
    user = join_parts(
        task,
        fence("course_title", request.title),
        fence("learning_goals", bullet_list(request.learning_goals) or "(none given: derive them from the title)"),
        persona_text(audience),
        f"Write every title, description and objective in the language {language}.",
        size,
        knowledge_text(chunks),
        optional_fence("additional_context", request.additional_context),
        fence("previous_outline", _outline_text(previous)) if previous is not None and previous.sections else "",
        optional_fence("reviewer_feedback", feedback),
        "Revise the previous outline to address the reviewer feedback above." if feedback.strip() else "",
    )
    return Prompt(system=SYSTEM_RULES, user=user)


def build_lesson_prompt(
    lesson: ai_pb.OutlineLesson,
    *,
    course_title: str,
    section: ai_pb.OutlineSection,
    audience: ta_pb.TargetAudience | None,
    chunks: Sequence[sme_pb2.KnowledgeChunk],
    language: str = "",
    additional_context: str = "",
) -> Prompt:
    lang = language_tag(language, audience.language if audience else "")
    lesson_text = "\n".join(
        line
        for line in (
            f"Title: {lesson.title}",
            f"Description: {lesson.description}" if lesson.description else "",
            f"Key topics: {'; '.join(lesson.key_topics)}" if lesson.key_topics else "",
            f"Estimated learning time: {lesson.estimated_minutes} minutes" if lesson.estimated_minutes else "",
        )
        if line
    )
    suggested = ", ".join(
        pb.ComponentType.Name(kind).removeprefix("COMPONENT_TYPE_").lower() for kind in lesson.suggested_components
    )
    rules = (
        "Write the full content of the lesson below as components in reading order: open with a short text that "
        "states why the lesson matters, use headings (level 2 to 4) to structure it, lists and callouts where they "
        "help, and images where a picture explains better than words (alt_text for screen readers, image_prompt for "
        "an image model). Check every learning objective with at least one quiz; each quiz sets "
        "learning_objective_id to the id of the objective it checks, has 2 to 6 options with feedback on each, and "
        "exactly one correct option unless it is multiple_choice."
    )
    user = join_parts(
        rules,
        fence("course_title", course_title),
        fence("section", f"{section.title}\n{section.description}".strip()),
        fence("lesson", lesson_text),
        "Learning objectives of this lesson:\n" + _objectives_text(lesson.objectives)
        if lesson.objectives
        else "This lesson has no learning objectives: do not add quizzes.",
        f"Suggested component kinds: {suggested}." if suggested else "",
        persona_text(audience),
        f"Write in the language {lang}.",
        knowledge_text(chunks),
        optional_fence("additional_context", additional_context),
    )
    return Prompt(system=SYSTEM_RULES, user=user)


def build_component_prompt(
    component: pb.LessonComponent,
    *,
    instruction: str,
    target_type: str,
    lesson_title: str,
    objectives: Sequence[pb.LearningObjective],
    audience: ta_pb.TargetAudience | None,
    language: str = "",
) -> Prompt:
    """``target_type``: the kind of the reply ("text", "list", ...), the component's own
    kind unless the author asked to change it."""
    lang = language_tag(language, audience.language if audience else "")
    current = json.dumps(component_to_reply_form(component), ensure_ascii=False, indent=1)
    user = join_parts(
        "Rewrite one component of a lesson following the author's instruction. Keep what the instruction does not "
        "ask to change, stay faithful to the facts of the current component, and keep the same learning objective "
        "for a quiz.",
        fence("lesson", f"Title: {lesson_title}"),
        "Learning objectives of this lesson:\n" + _objectives_text(objectives) if objectives else "",
        fence("current_component", current),
        fence("instruction", instruction or "Improve clarity."),
        persona_text(audience),
        f"Write in the language {lang}.",
        f'Reply with one component of type "{target_type}".',
    )
    return Prompt(system=SYSTEM_RULES, user=user)
