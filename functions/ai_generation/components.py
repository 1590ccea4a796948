"""Schema-valid lesson/component replies → ``LessonComponent`` messages, with the content
rules the schema cannot express. A broken rule raises ``InvalidReply``, which the AI
adapter handles like a schema violation (one retry, then ``invalid_output``)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from common.adapters.ai import InvalidReply
from common.gen.mirai.v1 import common_pb2 as pb
from functions.ai_generation.component_types import AI_TYPE_NAMES, AI_TYPES

NewId = Callable[[], str]


def new_uuid() -> str:
    return str(uuid.uuid4())


_QUIZ_TYPES = {
    "single_choice": pb.QUIZ_TYPE_SINGLE_CHOICE,
    "multiple_choice": pb.QUIZ_TYPE_MULTIPLE_CHOICE,
    "true_false": pb.QUIZ_TYPE_TRUE_FALSE,
}
_QUIZ_NAMES = {value: name for name, value in _QUIZ_TYPES.items()}
_CALLOUTS = {
    "info": pb.CALLOUT_VARIANT_INFO,
    "tip": pb.CALLOUT_VARIANT_TIP,
    "warning": pb.CALLOUT_VARIANT_WARNING,
    "important": pb.CALLOUT_VARIANT_IMPORTANT,
    "example": pb.CALLOUT_VARIANT_EXAMPLE,
}
_CALLOUT_NAMES = {value: name for name, value in _CALLOUTS.items()}


def type_name(component_type: int) -> str:
    """``COMPONENT_TYPE_TEXT`` → ``"text"`` for the kinds the AI writes."""
    try:
        return AI_TYPE_NAMES[component_type]
    except KeyError:
        raise ValueError(f"the AI cannot write components of type {pb.ComponentType.Name(component_type)}") from None


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = str(data.get(key) or "").strip()
    if not value:
        raise InvalidReply(f"{where}: {key} is empty")
    return value


def _quiz(data: Mapping[str, Any], where: str, objective_ids: Collection[str], new_id: NewId) -> pb.QuizBlock:
    quiz_type = _QUIZ_TYPES[data["quiz_type"]]
    options = data["options"]
    texts = [str(option.get("text") or "").strip() for option in options]
    if any(not text for text in texts):
        raise InvalidReply(f"{where}: every option needs text")
    if len({text.casefold() for text in texts}) != len(texts):
        raise InvalidReply(f"{where}: two options have the same text")
    correct = sum(1 for option in options if option["is_correct"])
    if quiz_type == pb.QUIZ_TYPE_MULTIPLE_CHOICE:
        if correct < 1:
            raise InvalidReply(f"{where}: a multiple_choice quiz needs at least one correct option")
    elif correct != 1:
        raise InvalidReply(f"{where}: a {data['quiz_type']} quiz needs exactly one correct option, got {correct}")
    if quiz_type == pb.QUIZ_TYPE_TRUE_FALSE and len(options) != 2:
        raise InvalidReply(f"{where}: a true_false quiz has exactly two options")
    objective = str(data.get("learning_objective_id") or "").strip()
    if objective_ids and objective not in objective_ids:
        raise InvalidReply(f"{where}: learning_objective_id {objective[:60]!r} is not one of the lesson's objective ids")
    if not objective_ids:
        objective = ""
    return pb.QuizBlock(
        question=_text(data, "question", where),
        quiz_type=quiz_type,
        options=[
            pb.QuizOption(
                id=new_id(),
                text=texts[index],
                is_correct=bool(option["is_correct"]),
                feedback=str(option.get("feedback") or "").strip(),
            )
            for index, option in enumerate(options)
        ],
        explanation=_text(data, "explanation", where),
        learning_objective_id=objective,
        points=1,
    )


def component_from_reply(
    data: Mapping[str, Any],
    *,
    position: int,
    objective_ids: Collection[str],
    component_id: str,
    new_id: NewId = new_uuid,
) -> pb.LessonComponent:
    kind = data["type"]
    where = f"components/{position}"
    component = pb.LessonComponent(id=component_id, type=AI_TYPES[kind], position=position, ai_generated=True)
    if kind == "text":
        component.text.markdown = _text(data, "markdown", where)
    elif kind == "heading":
        component.heading.CopyFrom(pb.HeadingBlock(text=_text(data, "text", where), level=int(data["level"])))
    elif kind == "image":
        component.image.CopyFrom(
            pb.ImageBlock(
                alt_text=_text(data, "alt_text", where),
                image_prompt=_text(data, "image_prompt", where),
                caption=str(data.get("caption") or "").strip(),
            )
        )
    elif kind == "quiz":
        component.quiz.CopyFrom(_quiz(data, where, objective_ids, new_id))
    elif kind == "list":
        items = [str(item).strip() for item in data["items"]]
        if any(not item for item in items):
            raise InvalidReply(f"{where}: a list item is empty")
        component.list.CopyFrom(pb.ListBlock(items=items, ordered=bool(data["ordered"])))
    elif kind == "callout":
        component.callout.CopyFrom(
            pb.CalloutBlock(
                variant=_CALLOUTS[data["variant"]],
                title=str(data.get("title") or "").strip(),
                markdown=_text(data, "markdown", where),
            )
        )
    else:  # pragma: no cover - the schema's enum makes this unreachable
        raise InvalidReply(f"{where}: unknown component type {kind!r}")
    return component


def lesson_from_reply(
    data: Mapping[str, Any], *, objective_ids: Collection[str], new_id: NewId = new_uuid
) -> list[pb.LessonComponent]:
    """The components of a lesson, positions 0..n-1."""
    components = [
        component_from_reply(item, position=index, objective_ids=objective_ids, component_id=new_id(), new_id=new_id)
        for index, item in enumerate(data["components"])
    ]
    if all(component.type == pb.COMPONENT_TYPE_QUIZ for component in components):
        raise InvalidReply("components: a lesson needs teaching content, not only quiz questions")
    if objective_ids and not any(component.type == pb.COMPONENT_TYPE_QUIZ for component in components):
        raise InvalidReply("components: a lesson with learning objectives needs at least one quiz")
    return components


def regenerated_component_from_reply(
    data: Mapping[str, Any],
    *,
    original: pb.LessonComponent,
    objective_ids: Collection[str],
    new_id: NewId = new_uuid,
) -> pb.LessonComponent:
    """The rewritten component keeps the original's id and position."""
    return component_from_reply(
        data, position=original.position, objective_ids=objective_ids, component_id=original.id, new_id=new_id
    )


def component_to_reply_form(component: pb.LessonComponent) -> dict[str, Any]:
    """The inverse mapping, to show the model a component it must rewrite."""
    kind = type_name(component.type)
    if kind == "text":
        return {"type": kind, "markdown": component.text.markdown}
    if kind == "heading":
        return {"type": kind, "text": component.heading.text, "level": component.heading.level or 2}
    if kind == "image":
        image = component.image
        return {"type": kind, "alt_text": image.alt_text, "image_prompt": image.image_prompt, "caption": image.caption}
    if kind == "quiz":
        quiz = component.quiz
        return {
            "type": kind,
            "question": quiz.question,
            "quiz_type": _QUIZ_NAMES.get(quiz.quiz_type, "single_choice"),
            "options": [{"text": o.text, "is_correct": o.is_correct, "feedback": o.feedback} for o in quiz.options],
            "explanation": quiz.explanation,
            "learning_objective_id": quiz.learning_objective_id,
        }
    if kind == "list":
        return {"type": kind, "items": list(component.list.items), "ordered": component.list.ordered}
    callout = component.callout
    return {
        "type": kind,
        "variant": _CALLOUT_NAMES.get(callout.variant, "info"),
        "title": callout.title,
        "markdown": callout.markdown,
    }


def objective_ids_of(objectives: Sequence[pb.LearningObjective]) -> list[str]:
    return [objective.id for objective in objectives if objective.id]
