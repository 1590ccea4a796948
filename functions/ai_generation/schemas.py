"""JSON Schemas of the model's replies (sent as Gemini's ``responseJsonSchema`` and
checked again with ``jsonschema`` on our side).

Only keywords Gemini documents for structured output are used: type, properties,
required, items, enum, anyOf, min/max for numbers, lengths and item counts, title and
description. No ``oneOf``/``allOf``/``const`` (ignored or refused by the provider).
Unknown extra properties are tolerated and ignored by the converters.

The ``title`` of each root schema names the reply kind; the test fake of Gemini uses it
to pick a plausible default reply.
"""

from __future__ import annotations

from typing import Any

BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")
# Component kinds the AI writes. Video (needs a real file) and divider (no content) are
# left to authors.
AI_COMPONENT_TYPES = ("text", "heading", "image", "quiz", "list", "callout")
QUIZ_TYPES = ("single_choice", "multiple_choice", "true_false")
CALLOUT_VARIANTS = ("info", "tip", "warning", "important", "example")

OUTLINE_TITLE = "MiraiCourseOutline"
LESSON_TITLE = "MiraiLesson"
COMPONENT_TITLE = "MiraiComponent"

MAX_SECTIONS = 20
MAX_LESSONS = 60


def _string(max_length: int, *, min_length: int = 1, description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": min_length, "maxLength": max_length}
    if description:
        schema["description"] = description
    return schema


def _enum(values: tuple[str, ...], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "enum": list(values)}
    if description:
        schema["description"] = description
    return schema


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    if description:
        schema["description"] = description
    return schema


OBJECTIVE_SCHEMA = _object(
    {
        "text": _string(300, description="Action-oriented: what the learner can do after the lesson."),
        "bloom_level": _enum(BLOOM_LEVELS, "Cognitive level (revised Bloom's taxonomy)."),
    },
    ["text", "bloom_level"],
)

OUTLINE_LESSON_SCHEMA = _object(
    {
        "title": _string(200),
        "description": _string(1000, description="What the lesson covers, 1-3 sentences."),
        "estimated_minutes": {"type": "integer", "minimum": 1, "maximum": 240},
        "objectives": {"type": "array", "minItems": 1, "maxItems": 6, "items": OBJECTIVE_SCHEMA},
        "key_topics": {"type": "array", "minItems": 1, "maxItems": 12, "items": _string(200)},
        "suggested_components": {"type": "array", "maxItems": 12, "items": _enum(AI_COMPONENT_TYPES)},
        "source_chunk_ids": {
            "type": "array",
            "maxItems": 20,
            "items": {"type": "string"},
            "description": "chunk_id values of the knowledge this lesson relies on.",
        },
    },
    ["title", "description", "estimated_minutes", "objectives", "key_topics", "suggested_components", "source_chunk_ids"],
)

OUTLINE_SECTION_SCHEMA = _object(
    {
        "title": _string(200),
        "description": _string(1000, min_length=0),
        "lessons": {"type": "array", "minItems": 1, "maxItems": MAX_LESSONS, "items": OUTLINE_LESSON_SCHEMA},
    },
    ["title", "description", "lessons"],
)

OUTLINE_SCHEMA: dict[str, Any] = {
    "title": OUTLINE_TITLE,
    **_object(
        {
            "title": _string(200),
            "description": _string(2000),
            "sections": {"type": "array", "minItems": 1, "maxItems": MAX_SECTIONS, "items": OUTLINE_SECTION_SCHEMA},
        },
        ["title", "description", "sections"],
        "A course outline: sections in order, each with its lessons in order.",
    ),
}


def _kind(name: str) -> dict[str, Any]:
    return {"type": "string", "enum": [name]}


COMPONENT_VARIANTS: dict[str, dict[str, Any]] = {
    "text": _object({"type": _kind("text"), "markdown": _string(8000)}, ["type", "markdown"]),
    "heading": _object(
        {"type": _kind("heading"), "text": _string(200), "level": {"type": "integer", "minimum": 2, "maximum": 4}},
        ["type", "text", "level"],
    ),
    "image": _object(
        {
            "type": _kind("image"),
            "alt_text": _string(300, description="Describes the image for screen readers."),
            "image_prompt": _string(1000, description="Prompt an image model can draw the picture from."),
            "caption": _string(300, min_length=0),
        },
        ["type", "alt_text", "image_prompt"],
    ),
    "quiz": _object(
        {
            "type": _kind("quiz"),
            "question": _string(1000),
            "quiz_type": _enum(QUIZ_TYPES),
            "options": {
                "type": "array",
                "minItems": 2,
                "maxItems": 6,
                "items": _object(
                    {
                        "text": _string(500),
                        "is_correct": {"type": "boolean"},
                        "feedback": _string(1000, description="Shown to the learner after choosing this option."),
                    },
                    ["text", "is_correct", "feedback"],
                ),
            },
            "explanation": _string(2000),
            "learning_objective_id": {"type": "string", "description": "id of the learning objective this question checks."},
        },
        ["type", "question", "quiz_type", "options", "explanation", "learning_objective_id"],
    ),
    "list": _object(
        {
            "type": _kind("list"),
            "items": {"type": "array", "minItems": 1, "maxItems": 20, "items": _string(1000)},
            "ordered": {"type": "boolean"},
        },
        ["type", "items", "ordered"],
    ),
    "callout": _object(
        {"type": _kind("callout"), "variant": _enum(CALLOUT_VARIANTS), "title": _string(200, min_length=0), "markdown": _string(4000)},
        ["type", "variant", "markdown"],
    ),
}

LESSON_SCHEMA: dict[str, Any] = {
    "title": LESSON_TITLE,
    **_object(
        {
            "components": {
                "type": "array",
                "minItems": 2,
                "maxItems": 60,
                "items": {"anyOf": [COMPONENT_VARIANTS[name] for name in AI_COMPONENT_TYPES]},
            }
        },
        ["components"],
        "The lesson's content blocks in reading order.",
    ),
}


def component_schema(component_type: str) -> dict[str, Any]:
    """Reply schema of a component regeneration: exactly one component of that kind."""
    if component_type not in COMPONENT_VARIANTS:
        raise ValueError(f"the AI cannot write components of type {component_type!r}")
    return {"title": COMPONENT_TITLE, **COMPONENT_VARIANTS[component_type]}
