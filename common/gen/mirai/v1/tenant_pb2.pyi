import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from common.gen.mirai.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TenantStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TENANT_STATUS_UNSPECIFIED: _ClassVar[TenantStatus]
    TENANT_STATUS_PROVISIONING: _ClassVar[TenantStatus]
    TENANT_STATUS_ACTIVE: _ClassVar[TenantStatus]
    TENANT_STATUS_SUSPENDED: _ClassVar[TenantStatus]
TENANT_STATUS_UNSPECIFIED: TenantStatus
TENANT_STATUS_PROVISIONING: TenantStatus
TENANT_STATUS_ACTIVE: TenantStatus
TENANT_STATUS_SUSPENDED: TenantStatus

class Tenant(_message.Message):
    __slots__ = ("id", "slug", "name", "status", "plan", "company_id", "created_at", "updated_at", "suspension_reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    SLUG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    COMPANY_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    SUSPENSION_REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    slug: str
    name: str
    status: TenantStatus
    plan: _common_pb2.Plan
    company_id: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    suspension_reason: str
    def __init__(self, id: _Optional[str] = ..., slug: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[_Union[TenantStatus, str]] = ..., plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., company_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., suspension_reason: _Optional[str] = ...) -> None: ...

class TenantStats(_message.Message):
    __slots__ = ("active_users", "disabled_users", "pending_invitations", "teams", "folders", "draft_courses", "published_courses", "archived_courses", "deleted_courses", "smes", "knowledge_chunks", "target_audiences", "storage_bytes", "storage_measured_at")
    ACTIVE_USERS_FIELD_NUMBER: _ClassVar[int]
    DISABLED_USERS_FIELD_NUMBER: _ClassVar[int]
    PENDING_INVITATIONS_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    FOLDERS_FIELD_NUMBER: _ClassVar[int]
    DRAFT_COURSES_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_COURSES_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_COURSES_FIELD_NUMBER: _ClassVar[int]
    DELETED_COURSES_FIELD_NUMBER: _ClassVar[int]
    SMES_FIELD_NUMBER: _ClassVar[int]
    KNOWLEDGE_CHUNKS_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCES_FIELD_NUMBER: _ClassVar[int]
    STORAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    STORAGE_MEASURED_AT_FIELD_NUMBER: _ClassVar[int]
    active_users: int
    disabled_users: int
    pending_invitations: int
    teams: int
    folders: int
    draft_courses: int
    published_courses: int
    archived_courses: int
    deleted_courses: int
    smes: int
    knowledge_chunks: int
    target_audiences: int
    storage_bytes: int
    storage_measured_at: _timestamp_pb2.Timestamp
    def __init__(self, active_users: _Optional[int] = ..., disabled_users: _Optional[int] = ..., pending_invitations: _Optional[int] = ..., teams: _Optional[int] = ..., folders: _Optional[int] = ..., draft_courses: _Optional[int] = ..., published_courses: _Optional[int] = ..., archived_courses: _Optional[int] = ..., deleted_courses: _Optional[int] = ..., smes: _Optional[int] = ..., knowledge_chunks: _Optional[int] = ..., target_audiences: _Optional[int] = ..., storage_bytes: _Optional[int] = ..., storage_measured_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetTenantRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetTenantResponse(_message.Message):
    __slots__ = ("tenant",)
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class GetTenantStatsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetTenantStatsResponse(_message.Message):
    __slots__ = ("stats", "limits")
    STATS_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    stats: TenantStats
    limits: _common_pb2.PlanLimits
    def __init__(self, stats: _Optional[_Union[TenantStats, _Mapping]] = ..., limits: _Optional[_Union[_common_pb2.PlanLimits, _Mapping]] = ...) -> None: ...
