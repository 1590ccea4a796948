"""Default replies of the fake Gemini: plausible, deterministic, derived from the prompt.

The reply kind comes from the response schema's title (see functions/ai_generation/
schemas.py); what to write comes from the tags our prompts use (course title, lesson
count, objective ids, knowledge chunk ids). Unknown schemas get a minimal instance
generated from the schema itself.
"""

from __future__ import annotations

import re
from typing import Any

_TAG = r"<{tag}[^>]*>\s*(.*?)\s*</{tag}>"
BLOOM = ("understand", "apply", "analyze", "remember")


def _tag(prompt: str, tag: str, default: str) -> str:
    found = re.search(_TAG.format(tag=tag), prompt, re.DOTALL)
    return " ".join(found.group(1).split()) if found else default


def _lesson_count(prompt: str) -> int:
    found = re.search(r"exactly (\d+) lessons", prompt)
    return int(found.group(1)) if found else 6


def outline_reply(prompt: str) -> dict[str, Any]:
    title = _tag(prompt, "course_title", "Untitled course")
    goals = [line.removeprefix("- ") for line in _tag(prompt, "learning_goals", "").split(" - ") if line.strip()]
    chunk_ids = re.findall(r'<knowledge chunk_id="([^"]+)"', prompt)
    count = _lesson_count(prompt)
    per_section = 4
    sections = []
    number = 0
    for s_index in range((count + per_section - 1) // per_section):
        lessons = []
        for _ in range(min(per_section, count - number)):
            number += 1
            topic = goals[(number - 1) % len(goals)] if goals else f"core idea {number}"
            lessons.append(
                {
                    "title": f"Lesson {number}: {title} in practice ({topic})"[:200],
                    "description": f"Covers {topic} for the persona, with worked examples.",
                    "estimated_minutes": 10 + (number % 3) * 5,
                    "objectives": [
                        {"text": f"Explain {topic} in lesson {number}", "bloom_level": BLOOM[number % 4]},
                        {"text": f"Apply {topic} to a realistic case ({number})", "bloom_level": "apply"},
                    ],
                    "key_topics": [topic, f"{title} basics"],
                    "suggested_components": ["heading", "text", "image", "quiz"],
                    "source_chunk_ids": [chunk_ids[(number - 1) % len(chunk_ids)]] if chunk_ids else [],
                }
            )
        sections.append(
            {"title": f"Part {s_index + 1} of {title}"[:200], "description": f"Section {s_index + 1}.", "lessons": lessons}
        )
    return {"title": title[:200], "description": f"A course on {title}.", "sections": sections}


def _quiz(objective_id: str, index: int, topic: str) -> dict[str, Any]:
    return {
        "type": "quiz",
        "question": f"Which statement about {topic} is right? (question {index + 1})",
        "quiz_type": "single_choice",
        "options": [
            {"text": f"The correct statement about {topic}", "is_correct": True, "feedback": "Right."},
            {"text": "A common misconception", "is_correct": False, "feedback": "Not quite: see the text above."},
            {"text": "An unrelated statement", "is_correct": False, "feedback": "This is off topic."},
        ],
        "explanation": f"The lesson explains why this holds for {topic}.",
        "learning_objective_id": objective_id,
    }


def lesson_reply(prompt: str) -> dict[str, Any]:
    lesson = _tag(prompt, "lesson", "Title: Lesson")
    title = lesson.split("Title:", 1)[-1].split("Description:", 1)[0].strip() or "Lesson"
    objective_ids = re.findall(r'<objective id="([^"]+)"', prompt)
    components: list[dict[str, Any]] = [
        {"type": "text", "markdown": f"Why **{title}** matters for your daily work."},
        {"type": "heading", "text": f"Key ideas of {title}"[:200], "level": 2},
        {"type": "list", "items": ["First idea", "Second idea", "Third idea"], "ordered": False},
        {
            "type": "image",
            "alt_text": f"Diagram of {title}"[:300],
            "image_prompt": f"A clean flat illustration explaining {title}",
            "caption": "",
        },
        {"type": "callout", "variant": "tip", "title": "Remember", "markdown": "Practice with a real case."},
    ]
    components += [_quiz(objective_id, index, title) for index, objective_id in enumerate(objective_ids)]
    return {"components": components}


def component_reply(prompt: str, schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema["properties"]["type"]["enum"][0]
    instruction = _tag(prompt, "instruction", "Improve clarity.")
    objective_ids = re.findall(r'<objective id="([^"]+)"', prompt)
    if kind == "quiz":
        return _quiz(objective_ids[0] if objective_ids else "", 0, "the lesson")
    return {
        "text": {"type": "text", "markdown": f"Rewritten ({instruction}): the essentials in a few sentences."},
        "heading": {"type": "heading", "text": f"Rewritten heading ({instruction})"[:200], "level": 2},
        "image": {"type": "image", "alt_text": "A rewritten illustration", "image_prompt": instruction, "caption": ""},
        "list": {"type": "list", "items": [f"Point ({instruction})", "Another point"], "ordered": True},
        "callout": {"type": "callout", "variant": "example", "title": "Example", "markdown": instruction},
    }[kind]


def instance_of(schema: dict[str, Any]) -> Any:
    """A minimal valid instance of a (simple) JSON Schema."""
    if "anyOf" in schema:
        return instance_of(schema["anyOf"][0])
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: instance_of(props[name]) for name in schema.get("required", props)}
    if kind == "array":
        return [instance_of(schema.get("items", {})) for _ in range(max(1, schema.get("minItems", 1)))]
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    return "x" * max(1, schema.get("minLength", 1))


_KNOWLEDGE = re.compile(r'<knowledge index="(\d+)"[^>]*>\s*(.*?)\s*</knowledge>', re.DOTALL)


def chunk_notes_reply(prompt: str) -> dict[str, Any]:
    """Ingestion's notes: per chunk index, a title of its first words, its longest words as
    keywords and its first sentence as the summary (so tests can tell chunks apart); it names no
    language ("und"): tests that need one script the reply."""
    notes: list[dict[str, Any]] = []
    for index, body in _KNOWLEDGE.findall(prompt):
        words = body.split()
        longest = sorted({w.strip(".,;:|-").lower() for w in words if len(w) > 4}, key=lambda w: (-len(w), w))
        notes.append({"index": int(index), "title": " ".join(words[:6]) or "Untitled",
                      "keywords": longest[:3], "summary": "About: " + body.split(". ")[0][:300], "language": "und"})
    return {"chunks": notes}


def default_reply(prompt: str, schema: dict[str, Any] | None) -> Any:
    title = (schema or {}).get("title")
    if title == "MiraiChunkNotes":
        return chunk_notes_reply(prompt)
    if title == "MiraiSubmissionSummary":
        return {"summary": f"A document in {prompt.count('<knowledge')} parts."}
    if title == "MiraiCourseOutline":
        return outline_reply(prompt)
    if title == "MiraiLesson":
        return lesson_reply(prompt)
    if title == "MiraiComponent" and schema is not None:
        return component_reply(prompt, schema)
    return instance_of(schema) if schema else {"text": "ok"}
