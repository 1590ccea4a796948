import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from common.gen.mirai.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NotificationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NOTIFICATION_TYPE_UNSPECIFIED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_OUTLINE_READY: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_OUTLINE_FAILED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_LESSONS_READY: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_LESSONS_FAILED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_EXPORT_READY: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_EXPORT_FAILED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SME_TASK_ASSIGNED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SME_TASK_DUE_SOON: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SME_TASK_COMPLETED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SUBMISSION_PROCESSED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SUBMISSION_FAILED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_INVITATION_ACCEPTED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_TEAM_MEMBER_ADDED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SEATS_EXHAUSTED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_PAYMENT_FAILED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SUBSCRIPTION_UPDATED: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_QUOTA_WARNING: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_AI_KEY_INVALID: _ClassVar[NotificationType]
    NOTIFICATION_TYPE_SYSTEM: _ClassVar[NotificationType]

class ResourceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOURCE_TYPE_UNSPECIFIED: _ClassVar[ResourceType]
    RESOURCE_TYPE_COURSE: _ClassVar[ResourceType]
    RESOURCE_TYPE_OUTLINE: _ClassVar[ResourceType]
    RESOURCE_TYPE_JOB: _ClassVar[ResourceType]
    RESOURCE_TYPE_EXPORT: _ClassVar[ResourceType]
    RESOURCE_TYPE_SME: _ClassVar[ResourceType]
    RESOURCE_TYPE_SME_TASK: _ClassVar[ResourceType]
    RESOURCE_TYPE_SUBMISSION: _ClassVar[ResourceType]
    RESOURCE_TYPE_TEAM: _ClassVar[ResourceType]
    RESOURCE_TYPE_USER: _ClassVar[ResourceType]
    RESOURCE_TYPE_INVITATION: _ClassVar[ResourceType]
    RESOURCE_TYPE_COMPANY: _ClassVar[ResourceType]
    RESOURCE_TYPE_SUBSCRIPTION: _ClassVar[ResourceType]
NOTIFICATION_TYPE_UNSPECIFIED: NotificationType
NOTIFICATION_TYPE_OUTLINE_READY: NotificationType
NOTIFICATION_TYPE_OUTLINE_FAILED: NotificationType
NOTIFICATION_TYPE_LESSONS_READY: NotificationType
NOTIFICATION_TYPE_LESSONS_FAILED: NotificationType
NOTIFICATION_TYPE_EXPORT_READY: NotificationType
NOTIFICATION_TYPE_EXPORT_FAILED: NotificationType
NOTIFICATION_TYPE_SME_TASK_ASSIGNED: NotificationType
NOTIFICATION_TYPE_SME_TASK_DUE_SOON: NotificationType
NOTIFICATION_TYPE_SME_TASK_COMPLETED: NotificationType
NOTIFICATION_TYPE_SUBMISSION_PROCESSED: NotificationType
NOTIFICATION_TYPE_SUBMISSION_FAILED: NotificationType
NOTIFICATION_TYPE_INVITATION_ACCEPTED: NotificationType
NOTIFICATION_TYPE_TEAM_MEMBER_ADDED: NotificationType
NOTIFICATION_TYPE_SEATS_EXHAUSTED: NotificationType
NOTIFICATION_TYPE_PAYMENT_FAILED: NotificationType
NOTIFICATION_TYPE_SUBSCRIPTION_UPDATED: NotificationType
NOTIFICATION_TYPE_QUOTA_WARNING: NotificationType
NOTIFICATION_TYPE_AI_KEY_INVALID: NotificationType
NOTIFICATION_TYPE_SYSTEM: NotificationType
RESOURCE_TYPE_UNSPECIFIED: ResourceType
RESOURCE_TYPE_COURSE: ResourceType
RESOURCE_TYPE_OUTLINE: ResourceType
RESOURCE_TYPE_JOB: ResourceType
RESOURCE_TYPE_EXPORT: ResourceType
RESOURCE_TYPE_SME: ResourceType
RESOURCE_TYPE_SME_TASK: ResourceType
RESOURCE_TYPE_SUBMISSION: ResourceType
RESOURCE_TYPE_TEAM: ResourceType
RESOURCE_TYPE_USER: ResourceType
RESOURCE_TYPE_INVITATION: ResourceType
RESOURCE_TYPE_COMPANY: ResourceType
RESOURCE_TYPE_SUBSCRIPTION: ResourceType

class ResourceRef(_message.Message):
    __slots__ = ("type", "id", "course_id")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    type: ResourceType
    id: str
    course_id: str
    def __init__(self, type: _Optional[_Union[ResourceType, str]] = ..., id: _Optional[str] = ..., course_id: _Optional[str] = ...) -> None: ...

class Notification(_message.Message):
    __slots__ = ("id", "type", "title", "message", "resource", "link", "read", "read_at", "created_at", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: NotificationType
    title: str
    message: str
    resource: ResourceRef
    link: str
    read: bool
    read_at: _timestamp_pb2.Timestamp
    created_at: _timestamp_pb2.Timestamp
    actor: _common_pb2.UserSummary
    def __init__(self, id: _Optional[str] = ..., type: _Optional[_Union[NotificationType, str]] = ..., title: _Optional[str] = ..., message: _Optional[str] = ..., resource: _Optional[_Union[ResourceRef, _Mapping]] = ..., link: _Optional[str] = ..., read: _Optional[bool] = ..., read_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ...) -> None: ...

class ListNotificationsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "unread_only", "types")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNREAD_ONLY_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    unread_only: bool
    types: _containers.RepeatedScalarFieldContainer[NotificationType]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., unread_only: _Optional[bool] = ..., types: _Optional[_Iterable[_Union[NotificationType, str]]] = ...) -> None: ...

class ListNotificationsResponse(_message.Message):
    __slots__ = ("notifications", "next_page_token", "unread_count")
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    notifications: _containers.RepeatedCompositeFieldContainer[Notification]
    next_page_token: str
    unread_count: int
    def __init__(self, notifications: _Optional[_Iterable[_Union[Notification, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., unread_count: _Optional[int] = ...) -> None: ...

class GetUnreadCountRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetUnreadCountResponse(_message.Message):
    __slots__ = ("unread_count",)
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    unread_count: int
    def __init__(self, unread_count: _Optional[int] = ...) -> None: ...

class MarkNotificationReadRequest(_message.Message):
    __slots__ = ("notification_ids",)
    NOTIFICATION_IDS_FIELD_NUMBER: _ClassVar[int]
    notification_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, notification_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MarkNotificationReadResponse(_message.Message):
    __slots__ = ("updated_count", "unread_count")
    UPDATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    updated_count: int
    unread_count: int
    def __init__(self, updated_count: _Optional[int] = ..., unread_count: _Optional[int] = ...) -> None: ...

class MarkAllNotificationsReadRequest(_message.Message):
    __slots__ = ("before",)
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    before: _timestamp_pb2.Timestamp
    def __init__(self, before: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class MarkAllNotificationsReadResponse(_message.Message):
    __slots__ = ("updated_count", "unread_count")
    UPDATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    updated_count: int
    unread_count: int
    def __init__(self, updated_count: _Optional[int] = ..., unread_count: _Optional[int] = ...) -> None: ...
