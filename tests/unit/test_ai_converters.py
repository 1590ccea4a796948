"""Model replies → proto messages, and the content rules the schema cannot express."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import jsonschema
import pytest

from common.adapters.ai import InvalidReply
from common.gen.mirai.v1 import common_pb2 as pb
from functions.ai_generation.components import (
    component_from_reply,
    component_to_reply_form,
    lesson_from_reply,
    regenerated_component_from_reply,
    type_name,
)
from functions.ai_generation.outlines import outline_from_reply
from functions.ai_generation.schemas import (
    AI_COMPONENT_TYPES,
    COMPONENT_VARIANTS,
    LESSON_SCHEMA,
    OUTLINE_SCHEMA,
    component_schema,
)
from tests.fakes.gemini_replies import default_reply


def counter() -> Any:
    numbers = itertools.count(1)
    return lambda: f"id-{next(numbers)}"


def lesson(title: str, chunks: list[str] | None = None) -> dict[str, Any]:
    return {
        "title": title,
        "description": "What it covers.",
        "estimated_minutes": 10,
        "objectives": [{"text": f"Explain {title}", "bloom_level": "understand"}],
        "key_topics": ["topic"],
        "suggested_components": ["text", "quiz", "text"],
        "source_chunk_ids": chunks or [],
    }


def outline_reply(*lesson_titles: str) -> dict[str, Any]:
    return {
        "title": "Forklift safety",
        "description": "Safe driving.",
        "sections": [{"title": "Basics", "description": "", "lessons": [lesson(title) for title in lesson_titles]}],
    }


QUIZ = {
    "type": "quiz",
    "question": "Which is right?",
    "quiz_type": "single_choice",
    "options": [
        {"text": "Right", "is_correct": True, "feedback": "Yes."},
        {"text": "Wrong", "is_correct": False, "feedback": "No."},
    ],
    "explanation": "Because.",
    "learning_objective_id": "obj-1",
}
REPLIES = {
    "text": {"type": "text", "markdown": "Some **prose**."},
    "heading": {"type": "heading", "text": "Part one", "level": 3},
    "image": {"type": "image", "alt_text": "A forklift", "image_prompt": "Draw a forklift", "caption": "Fig. 1"},
    "quiz": QUIZ,
    "list": {"type": "list", "items": ["a", "b"], "ordered": True},
    "callout": {"type": "callout", "variant": "warning", "title": "Careful", "markdown": "Mind the load."},
}


def quiz(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(QUIZ), **changes}


def build(data: dict[str, Any], objective_ids: tuple[str, ...] = ("obj-1",)) -> pb.LessonComponent:
    return component_from_reply(data, position=0, objective_ids=objective_ids, component_id="c-1", new_id=counter())


def test_outline_maps_sections_lessons_and_objectives_with_positions_and_fresh_ids() -> None:
    reply = outline_reply("Brakes", "Forks")
    reply["sections"].append({"title": "Loads", "description": "d", "lessons": [lesson("Pallets", ["k1", "ghost", "k1"])]})
    outline = outline_from_reply(reply, known_chunk_ids={"k1"}, new_id=counter())
    assert [section.position for section in outline.sections] == [0, 1]
    assert [lesson.position for lesson in outline.sections[0].lessons] == [0, 1]
    pallets = outline.sections[1].lessons[0]
    assert pallets.source_chunk_ids == ["k1"]  # unknown citation dropped, duplicate removed
    assert pallets.objectives[0].bloom_level == pb.BLOOM_LEVEL_UNDERSTAND
    assert list(pallets.suggested_components) == [pb.COMPONENT_TYPE_TEXT, pb.COMPONENT_TYPE_QUIZ]
    assert outline.estimated_duration_minutes == 30
    ids = [s.id for s in outline.sections] + [les.id for s in outline.sections for les in s.lessons]
    ids += [o.id for s in outline.sections for les in s.lessons for o in les.objectives]
    assert len(ids) == len(set(ids)) == 8


def test_outline_with_another_lesson_count_than_asked_is_invalid() -> None:
    with pytest.raises(InvalidReply, match="expected exactly 3 lessons in total, got 2"):
        outline_from_reply(outline_reply("Brakes", "Forks"), desired_lesson_count=3)
    assert len(outline_from_reply(outline_reply("Brakes", "Forks"), desired_lesson_count=2).sections[0].lessons) == 2


def test_outline_with_a_duplicate_lesson_title_is_invalid() -> None:
    with pytest.raises(InvalidReply, match="used twice"):
        outline_from_reply(outline_reply("Brakes", " brakes "))


def test_outline_with_blank_titles_is_invalid() -> None:
    with pytest.raises(InvalidReply, match="title is empty"):
        outline_from_reply(outline_reply("   "))


@pytest.mark.parametrize("kind", AI_COMPONENT_TYPES)
def test_every_component_kind_maps_to_its_oneof_and_back(kind: str) -> None:
    component = build(REPLIES[kind])
    assert component.WhichOneof("body") == kind
    assert type_name(component.type) == kind
    assert component.ai_generated and component.id == "c-1"
    assert component_to_reply_form(component) == REPLIES[kind]


def test_quiz_keeps_correct_answer_feedback_objective_and_option_ids() -> None:
    block = build(QUIZ).quiz
    assert block.quiz_type == pb.QUIZ_TYPE_SINGLE_CHOICE and block.learning_objective_id == "obj-1"
    assert [(o.text, o.is_correct, o.feedback) for o in block.options] == [("Right", True, "Yes."), ("Wrong", False, "No.")]
    assert [o.id for o in block.options] == ["id-1", "id-2"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"options": [{"text": "a", "is_correct": True, "feedback": ""}, {"text": "b", "is_correct": True, "feedback": ""}]}, "exactly one correct option, got 2"),
        ({"options": [{"text": "a", "is_correct": False, "feedback": ""}, {"text": "b", "is_correct": False, "feedback": ""}]}, "exactly one correct option, got 0"),
        ({"quiz_type": "multiple_choice", "options": [{"text": "a", "is_correct": False, "feedback": ""}, {"text": "b", "is_correct": False, "feedback": ""}]}, "at least one correct"),
        ({"quiz_type": "true_false", "options": [{"text": t, "is_correct": t == "a", "feedback": ""} for t in "abc"]}, "exactly two options"),
        ({"options": [{"text": "Same", "is_correct": True, "feedback": ""}, {"text": "same", "is_correct": False, "feedback": ""}]}, "same text"),
        ({"learning_objective_id": "made-up"}, "not one of the lesson's objective ids"),
        ({"question": "   "}, "question is empty"),
    ],
)
def test_invalid_quizzes_are_rejected_with_the_reason(changes: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidReply, match=reason):
        build(quiz(**changes))


def test_multiple_choice_accepts_several_correct_options() -> None:
    options = [{"text": t, "is_correct": t != "c", "feedback": ""} for t in "abc"]
    assert sum(o.is_correct for o in build(quiz(quiz_type="multiple_choice", options=options)).quiz.options) == 2


def test_quiz_objective_is_cleared_when_the_lesson_has_no_objectives() -> None:
    assert build(QUIZ, objective_ids=()).quiz.learning_objective_id == ""


def test_lesson_components_get_positions_and_need_teaching_content_and_a_quiz() -> None:
    components = lesson_from_reply({"components": [REPLIES["text"], QUIZ]}, objective_ids={"obj-1"}, new_id=counter())
    assert [(c.position, c.id) for c in components] == [(0, "id-1"), (1, "id-2")]
    assert [o.id for o in components[1].quiz.options] == ["id-3", "id-4"]
    with pytest.raises(InvalidReply, match="not only quiz"):
        lesson_from_reply({"components": [QUIZ, QUIZ]}, objective_ids={"obj-1"})
    with pytest.raises(InvalidReply, match="at least one quiz"):
        lesson_from_reply({"components": [REPLIES["text"], REPLIES["list"]]}, objective_ids={"obj-1"})


def test_regenerated_component_keeps_the_original_id_and_position() -> None:
    original = pb.LessonComponent(id="keep-me", position=7, type=pb.COMPONENT_TYPE_TEXT, text=pb.TextBlock(markdown="x"))
    rewritten = regenerated_component_from_reply(REPLIES["list"], original=original, objective_ids=())
    assert (rewritten.id, rewritten.position, rewritten.WhichOneof("body")) == ("keep-me", 7, "list")


@pytest.mark.parametrize("kind", [pb.COMPONENT_TYPE_VIDEO, pb.COMPONENT_TYPE_DIVIDER, pb.COMPONENT_TYPE_UNSPECIFIED])
def test_kinds_the_ai_does_not_write_are_refused(kind: int) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        type_name(kind)


def test_schemas_are_valid_json_schema_and_the_examples_satisfy_them() -> None:
    for schema in (OUTLINE_SCHEMA, LESSON_SCHEMA, *(component_schema(kind) for kind in AI_COMPONENT_TYPES)):
        jsonschema.Draft202012Validator.check_schema(schema)
    for kind, reply in REPLIES.items():
        jsonschema.validate(reply, component_schema(kind))
    jsonschema.validate(outline_reply("Brakes"), OUTLINE_SCHEMA)
    jsonschema.validate({"components": list(REPLIES.values())}, LESSON_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"components": [{"type": "video", "url": "x"}, REPLIES["text"]]}, LESSON_SCHEMA)
    with pytest.raises(ValueError, match="cannot write"):
        component_schema("video")


GEMINI_KEYWORDS = {
    "type", "properties", "required", "items", "enum", "anyOf", "minimum", "maximum", "minItems", "maxItems",
    "minLength", "maxLength", "title", "description",
}


def _keywords(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return set().union(*(_keywords(item) for item in schema))
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key == "properties":
            found |= set().union(*(_keywords(sub) for sub in value.values()))
        elif key in ("items", "anyOf"):
            found |= _keywords(value)
    return found


def test_schemas_use_only_keywords_gemini_supports() -> None:
    used = _keywords(OUTLINE_SCHEMA) | _keywords(LESSON_SCHEMA) | _keywords(list(COMPONENT_VARIANTS.values()))
    assert used <= GEMINI_KEYWORDS, used - GEMINI_KEYWORDS


def test_the_fake_gemini_default_replies_satisfy_schemas_and_content_rules() -> None:
    prompt = 'plan exactly 5 lessons <course_title>\nX\n</course_title> <knowledge chunk_id="k1" title="t">\nc\n</knowledge>'
    outline = outline_from_reply(default_reply(prompt, OUTLINE_SCHEMA), known_chunk_ids={"k1"}, desired_lesson_count=5)
    assert sum(len(s.lessons) for s in outline.sections) == 5
    lesson_prompt = '<lesson>\nTitle: Brakes\n</lesson> <objective id="o-1">\nx\n</objective>'
    components = lesson_from_reply(default_reply(lesson_prompt, LESSON_SCHEMA), objective_ids={"o-1"})
    assert any(c.quiz.learning_objective_id == "o-1" for c in components)
