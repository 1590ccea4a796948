"""Request checks of this area. Every failure is ``InvalidArgument`` naming the
request field (``modules[2].lessons[0].title``), so a client can point at it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2
from common.identifiers import canonical_uuid

MAX_TITLE = 300
MAX_DESCRIPTION = 5000
MAX_FOLDER_NAME = 200
MAX_TAGS = 20
MAX_TAG = 50
MAX_QUERY = 200
MAX_MESSAGE = 500
MAX_MODULES = 200
MAX_LESSONS_PER_MODULE = 200
MAX_COMPONENTS = 500
MAX_OBJECTIVES = 50
MAX_OBJECTIVE = 1000
MAX_MINUTES = 10_000
MAX_QUIZ_OPTIONS = 20

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}")

STATUS_NAMES: dict[int, str] = {
    common_pb2.COURSE_STATUS_DRAFT: "draft",
    common_pb2.COURSE_STATUS_PUBLISHED: "published",
    common_pb2.COURSE_STATUS_ARCHIVED: "archived",
}

# The LessonComponent.body field each ComponentType requires.
BODY_OF_TYPE = {
    common_pb2.COMPONENT_TYPE_TEXT: "text",
    common_pb2.COMPONENT_TYPE_HEADING: "heading",
    common_pb2.COMPONENT_TYPE_IMAGE: "image",
    common_pb2.COMPONENT_TYPE_QUIZ: "quiz",
    common_pb2.COMPONENT_TYPE_LIST: "list",
    common_pb2.COMPONENT_TYPE_CALLOUT: "callout",
    common_pb2.COMPONENT_TYPE_VIDEO: "video",
    common_pb2.COMPONENT_TYPE_DIVIDER: "divider",
}


def required_id(value: str, *, field: str) -> uuid.UUID:
    if not value:
        raise InvalidArgument("is required", field=field)
    return uuid.UUID(canonical_uuid(value, field=field))


def optional_id(value: str, *, field: str) -> uuid.UUID | None:
    """"" means not set (common.proto); anything else must be a UUID."""
    return uuid.UUID(canonical_uuid(value, field=field)) if value else None


def body_id(value: str, *, field: str) -> str:
    """An id inside a course body: the canonical UUID text, or a new one when empty."""
    return canonical_uuid(value, field=field) if value else str(uuid.uuid4())


def title(value: str, *, field: str = "title", max_len: int = MAX_TITLE) -> str:
    text = value.strip()
    if not text:
        raise InvalidArgument("must not be empty", field=field)
    if len(text) > max_len:
        raise InvalidArgument(f"must be at most {max_len} characters", field=field)
    if not text.isprintable():
        raise InvalidArgument("must not contain control characters", field=field)
    return text


def description(value: str, *, field: str = "description") -> str:
    if len(value) > MAX_DESCRIPTION:
        raise InvalidArgument(f"must be at most {MAX_DESCRIPTION} characters", field=field)
    return value.strip()


def message(value: str, *, field: str = "version_message") -> str:
    if len(value) > MAX_MESSAGE:
        raise InvalidArgument(f"must be at most {MAX_MESSAGE} characters", field=field)
    return value.strip()


def tags(values: Iterable[str], *, field: str = "tags") -> list[str]:
    """Trimmed, unique (case-insensitively, first spelling wins), in the given order."""
    result: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(values):
        tag = raw.strip()
        if not tag or len(tag) > MAX_TAG or not tag.isprintable():
            raise InvalidArgument(f"each tag must be 1 to {MAX_TAG} printable characters", field=f"{field}[{index}]")
        if tag.lower() not in seen:
            seen.add(tag.lower())
            result.append(tag)
    if len(result) > MAX_TAGS:
        raise InvalidArgument(f"at most {MAX_TAGS} tags", field=field)
    return result


def tag_filter(value: str, *, field: str = "tag") -> str | None:
    if not value:
        return None
    return tags([value], field=field)[0]


def language(value: str, *, field: str = "language") -> str:
    if len(value) > 35 or not _LANGUAGE.fullmatch(value):
        raise InvalidArgument("must be a BCP 47 language tag such as 'en' or 'de-CH'", field=field)
    return value


def status(value: int, *, field: str = "status") -> str:
    try:
        return STATUS_NAMES[value]
    except KeyError:
        raise InvalidArgument("must be DRAFT, PUBLISHED or ARCHIVED", field=field) from None


def statuses(values: Sequence[int], *, field: str = "statuses") -> list[str]:
    return sorted({status(v, field=f"{field}[{i}]") for i, v in enumerate(values)})


def query(value: str, *, field: str = "query") -> str | None:
    text = value.strip()
    if len(text) > MAX_QUERY:
        raise InvalidArgument(f"must be at most {MAX_QUERY} characters", field=field)
    return text or None


def page_size(value: int, *, field: str = "page_size") -> int:
    """0 means the default; above the maximum is clamped by the repositories."""
    if value < 0:
        raise InvalidArgument("must not be negative", field=field)
    return value


def position(value: int | None, *, field: str = "position") -> int | None:
    if value is not None and value < 0:
        raise InvalidArgument("must not be negative", field=field)
    return value


def minutes(value: int, *, field: str = "estimated_minutes") -> int:
    if not 0 <= value <= MAX_MINUTES:
        raise InvalidArgument(f"must be between 0 and {MAX_MINUTES}", field=field)
    return value


def version_number(value: int, *, field: str = "version") -> int:
    if value < 1:
        raise InvalidArgument("must be a version number (1 or more)", field=field)
    return value


def objectives(values: Sequence[Any], *, field: str) -> None:
    if len(values) > MAX_OBJECTIVES:
        raise InvalidArgument(f"at most {MAX_OBJECTIVES} objectives", field=field)
    for index, objective in enumerate(values):
        where = f"{field}[{index}]"
        if objective.id:
            canonical_uuid(objective.id, field=f"{where}.id")
        if not objective.text.strip() or len(objective.text) > MAX_OBJECTIVE:
            raise InvalidArgument(f"must be 1 to {MAX_OBJECTIVE} characters", field=f"{where}.text")
        if objective.bloom_level not in common_pb2.BloomLevel.values():
            raise InvalidArgument("is not a BloomLevel", field=f"{where}.bloom_level")


def components(values: Sequence[Any], *, field: str) -> None:
    if len(values) > MAX_COMPONENTS:
        raise InvalidArgument(f"at most {MAX_COMPONENTS} components", field=field)
    for index, component in enumerate(values):
        _component(component, field=f"{field}[{index}]")


def _component(component: Any, *, field: str) -> None:
    if component.id:
        canonical_uuid(component.id, field=f"{field}.id")
    expected = BODY_OF_TYPE.get(component.type)
    if expected is None:
        raise InvalidArgument("must be a ComponentType other than UNSPECIFIED", field=f"{field}.type")
    actual = component.WhichOneof("body")
    if actual != expected:
        raise InvalidArgument(f"type {common_pb2.ComponentType.Name(component.type)} needs the '{expected}' body, "
                              f"got {actual or 'none'}", field=f"{field}.{expected}")
    if expected == "heading" and not 2 <= component.heading.level <= 4:
        raise InvalidArgument("must be 2, 3 or 4", field=f"{field}.heading.level")
    if expected == "quiz":
        _quiz(component.quiz, field=f"{field}.quiz")
    if expected == "callout" and component.callout.variant not in common_pb2.CalloutVariant.values():
        raise InvalidArgument("is not a CalloutVariant", field=f"{field}.callout.variant")


def _quiz(quiz: Any, *, field: str) -> None:
    if not quiz.question.strip():
        raise InvalidArgument("must not be empty", field=f"{field}.question")
    if not 2 <= len(quiz.options) <= MAX_QUIZ_OPTIONS:
        raise InvalidArgument(f"a quiz needs 2 to {MAX_QUIZ_OPTIONS} options", field=f"{field}.options")
    if quiz.points < 0:
        raise InvalidArgument("must not be negative", field=f"{field}.points")
    for index, option in enumerate(quiz.options):
        if option.id:
            canonical_uuid(option.id, field=f"{field}.options[{index}].id")
    correct = sum(1 for option in quiz.options if option.is_correct)
    single = quiz.quiz_type in (common_pb2.QUIZ_TYPE_SINGLE_CHOICE, common_pb2.QUIZ_TYPE_TRUE_FALSE)
    if quiz.quiz_type == common_pb2.QUIZ_TYPE_UNSPECIFIED:
        raise InvalidArgument("must be SINGLE_CHOICE, MULTIPLE_CHOICE or TRUE_FALSE", field=f"{field}.quiz_type")
    if quiz.quiz_type == common_pb2.QUIZ_TYPE_TRUE_FALSE and len(quiz.options) != 2:
        raise InvalidArgument("a true/false quiz has exactly 2 options", field=f"{field}.options")
    if (single and correct != 1) or correct < 1:
        raise InvalidArgument("exactly one option must be correct" if single else "at least one option must be correct",
                              field=f"{field}.options")
