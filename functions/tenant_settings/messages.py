"""AI settings and models as proto messages. Only the mask of a key ever leaves."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from google.protobuf.timestamp_pb2 import Timestamp

from common.adapters.ai import AIModelInfo
from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.repos.tenant_ai_settings import AISettingsRecord
from functions.tenant_settings.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

_PROVIDERS = {"gemini": pb.AI_PROVIDER_GEMINI}
_STATUSES = {
    "missing": pb.AI_KEY_STATUS_MISSING,
    "valid": pb.AI_KEY_STATUS_VALID,
    "invalid": pb.AI_KEY_STATUS_INVALID,
    "quota_exceeded": pb.AI_KEY_STATUS_QUOTA_EXCEEDED,
}


def _timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def settings_of(uow: UnitOfWork) -> pb.AISettings:
    """The tenant's settings as shown to admins (defaults when nothing is stored yet)."""
    record = uow.ai_settings.get()
    return settings_message(record, updated_by=_updater(uow, record))


def _updater(uow: UnitOfWork, record: AISettingsRecord | None) -> common.UserSummary | None:
    if record is None or record.updated_by is None:
        return None
    user = uow.users.get(record.updated_by)
    return common.UserSummary(id=str(user.id), email=user.email, first_name=user.first_name, last_name=user.last_name)


def settings_message(record: AISettingsRecord | None, *, updated_by: common.UserSummary | None = None) -> pb.AISettings:
    if record is None:
        return pb.AISettings(provider=pb.AI_PROVIDER_GEMINI, has_key=False, key_status=pb.AI_KEY_STATUS_MISSING)
    return pb.AISettings(
        provider=_PROVIDERS[record.provider],
        model=record.model,
        api_key_mask=(record.api_key_mask or "") if record.has_key else "",
        has_key=record.has_key,
        key_status=_STATUSES[record.key_status],
        key_checked_at=_timestamp(record.key_checked_at),
        updated_at=_timestamp(record.updated_at),
        updated_by=updated_by,
    )


def model_message(model: AIModelInfo) -> pb.AIModel:
    return pb.AIModel(
        id=model.id,
        display_name=model.display_name,
        description=model.description,
        input_token_limit=model.input_token_limit,
        output_token_limit=model.output_token_limit,
        recommended=model.id == DEFAULT_MODEL,
        # Every Gemini generation model takes images; other families are not offered.
        supports_images=model.id.startswith("gemini-"),
    )
