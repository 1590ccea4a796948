"""What the TargetAudienceService RPCs share: the field rules, who may edit, and
the mapping between rows and the contract's TargetAudience."""

from __future__ import annotations

from typing import Any

from common.errors import PermissionDenied
from common.gen.mirai.v1 import common_pb2, target_audience_pb2
from common.repos.target_audiences import TargetAudience
from common.repos.user_summaries import UserSummaryRow
from common.rpc.context import Principal
from functions import inputs
from functions.enum_names import enum_number, stored_name
from functions.if_match import expected_version
from functions.user_summary import user_summary

EXPERIENCE = common_pb2.ExperienceLevel.DESCRIPTOR
READING = target_audience_pb2.ReadingLevel.DESCRIPTOR

MAX_NAME_CHARS = 200  # also the database's check
MAX_LABEL_CHARS = 200  # job role, industry
MAX_DESCRIPTION_CHARS = 4000
MAX_LIST_ITEMS = 30
MAX_ITEM_CHARS = 500
MAX_QUERY_CHARS = 200
DEFAULT_LANGUAGE = "en"

_LISTS = ("prior_knowledge", "goals", "challenges")


def _name(value: str) -> str:
    return inputs.text(value, field="name", max_chars=MAX_NAME_CHARS, required=True)


def _label(value: str, field: str) -> str:
    return inputs.text(value, field=field, max_chars=MAX_LABEL_CHARS)


def _description(value: str) -> str:
    return inputs.text(value, field="description", max_chars=MAX_DESCRIPTION_CHARS)


def _items(values: Any, field: str) -> list[str]:
    return inputs.text_list(values, field=field, max_items=MAX_LIST_ITEMS, max_chars=MAX_ITEM_CHARS)


def _level(value: int, enum: Any, field: str) -> str | None:
    return stored_name(enum, inputs.enum_value(value, enum, field=field, allow_unspecified=True))


def new_persona(request: Any) -> dict[str, Any]:
    """The columns of a CreateTargetAudienceRequest, checked."""
    return {
        "name": _name(request.name),
        "description": _description(request.description),
        "job_role": _label(request.job_role, "job_role"),
        "industry": _label(request.industry, "industry"),
        "experience_level": _level(request.experience_level, EXPERIENCE, "experience_level"),
        "reading_level": _level(request.reading_level, READING, "reading_level"),
        "language": inputs.language_tag(request.language, field="language") if request.language else DEFAULT_LANGUAGE,
        **{field: _items(getattr(request, field), field) for field in _LISTS},
    }


def persona_changes(request: Any) -> dict[str, Any]:
    """The columns an UpdateTargetAudienceRequest sets (unset fields stay as they are), checked."""
    changes: dict[str, Any] = {}
    if request.HasField("name"):
        changes["name"] = _name(request.name)
    if request.HasField("description"):
        changes["description"] = _description(request.description)
    for field in ("job_role", "industry"):
        if request.HasField(field):
            changes[field] = _label(getattr(request, field), field)
    if request.HasField("experience_level"):
        changes["experience_level"] = _level(request.experience_level, EXPERIENCE, "experience_level")
    if request.HasField("reading_level"):
        changes["reading_level"] = _level(request.reading_level, READING, "reading_level")
    if request.HasField("language"):
        changes["language"] = inputs.language_tag(request.language, field="language")
    for field in _LISTS:
        if request.HasField(field):
            changes[field] = _items(getattr(request, field).values, field)
    return changes


def check_if_match(if_match: str, audience: TargetAudience) -> int | None:
    """The version to compare-and-set against, or None when the caller skipped the check."""
    return expected_version(if_match, audience,
                            conflict="the target audience was changed since it was read; reload and retry")


def require_editor(principal: Principal, audience: TargetAudience) -> None:
    """Its creator, an owner or an admin (target_audience.proto)."""
    if principal.role in ("owner", "admin") or audience.created_by == principal.user_id:
        return
    raise PermissionDenied("only its creator, an owner or an admin may change this target audience")


def to_proto(audience: TargetAudience, people: dict[Any, UserSummaryRow], *, storage: Any) -> Any:
    message = target_audience_pb2.TargetAudience(
        id=str(audience.id),
        name=audience.name,
        description=audience.description,
        job_role=audience.job_role,
        experience_level=common_pb2.ExperienceLevel.ValueType(enum_number(EXPERIENCE, audience.experience_level)),
        prior_knowledge=audience.prior_knowledge,
        language=audience.language,
        reading_level=target_audience_pb2.ReadingLevel.ValueType(enum_number(READING, audience.reading_level)),
        goals=audience.goals,
        challenges=audience.challenges,
        industry=audience.industry,
        course_count=audience.course_count,
        etag=audience.etag,
    )
    message.created_at.FromDatetime(audience.created_at)
    message.updated_at.FromDatetime(audience.updated_at)
    creator = user_summary(audience.created_by, people, storage=storage)
    if creator is not None:
        message.created_by.CopyFrom(creator)
    return message
