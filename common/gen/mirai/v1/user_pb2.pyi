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

class UserSortField(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    USER_SORT_FIELD_UNSPECIFIED: _ClassVar[UserSortField]
    USER_SORT_FIELD_NAME: _ClassVar[UserSortField]
    USER_SORT_FIELD_EMAIL: _ClassVar[UserSortField]
    USER_SORT_FIELD_CREATED_AT: _ClassVar[UserSortField]
    USER_SORT_FIELD_LAST_LOGIN_AT: _ClassVar[UserSortField]
USER_SORT_FIELD_UNSPECIFIED: UserSortField
USER_SORT_FIELD_NAME: UserSortField
USER_SORT_FIELD_EMAIL: UserSortField
USER_SORT_FIELD_CREATED_AT: UserSortField
USER_SORT_FIELD_LAST_LOGIN_AT: UserSortField

class GetProfileRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetProfileResponse(_message.Message):
    __slots__ = ("user", "teams")
    USER_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    teams: _containers.RepeatedCompositeFieldContainer[_common_pb2.TeamMembership]
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., teams: _Optional[_Iterable[_Union[_common_pb2.TeamMembership, _Mapping]]] = ...) -> None: ...

class UpdateProfileRequest(_message.Message):
    __slots__ = ("first_name", "last_name", "avatar_object_key", "locale", "timezone")
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    AVATAR_OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    first_name: str
    last_name: str
    avatar_object_key: str
    locale: str
    timezone: str
    def __init__(self, first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., avatar_object_key: _Optional[str] = ..., locale: _Optional[str] = ..., timezone: _Optional[str] = ...) -> None: ...

class UpdateProfileResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ...) -> None: ...

class CreateAvatarUploadUrlRequest(_message.Message):
    __slots__ = ("content_type", "size_bytes")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    size_bytes: int
    def __init__(self, content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class CreateAvatarUploadUrlResponse(_message.Message):
    __slots__ = ("upload_url", "object_key", "expires_at", "required_headers")
    class RequiredHeadersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    UPLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_HEADERS_FIELD_NUMBER: _ClassVar[int]
    upload_url: str
    object_key: str
    expires_at: _timestamp_pb2.Timestamp
    required_headers: _containers.ScalarMap[str, str]
    def __init__(self, upload_url: _Optional[str] = ..., object_key: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., required_headers: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UpgradePlanRequest(_message.Message):
    __slots__ = ("plan", "seat_count", "billing_interval")
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    plan: _common_pb2.Plan
    seat_count: int
    billing_interval: _common_pb2.BillingInterval
    def __init__(self, plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., seat_count: _Optional[int] = ..., billing_interval: _Optional[_Union[_common_pb2.BillingInterval, str]] = ...) -> None: ...

class UpgradePlanResponse(_message.Message):
    __slots__ = ("checkout_url", "applied", "plan", "seat_count")
    CHECKOUT_URL_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    checkout_url: str
    applied: bool
    plan: _common_pb2.Plan
    seat_count: int
    def __init__(self, checkout_url: _Optional[str] = ..., applied: _Optional[bool] = ..., plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., seat_count: _Optional[int] = ...) -> None: ...

class GetUserRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class GetUserResponse(_message.Message):
    __slots__ = ("user", "teams")
    USER_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    teams: _containers.RepeatedCompositeFieldContainer[_common_pb2.TeamMembership]
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., teams: _Optional[_Iterable[_Union[_common_pb2.TeamMembership, _Mapping]]] = ...) -> None: ...

class ListUsersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "query", "role", "status", "team_id", "sort_field", "sort_direction")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_FIELD_NUMBER: _ClassVar[int]
    SORT_DIRECTION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    query: str
    role: _common_pb2.Role
    status: _common_pb2.UserStatus
    team_id: str
    sort_field: UserSortField
    sort_direction: _common_pb2.SortDirection
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., query: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., status: _Optional[_Union[_common_pb2.UserStatus, str]] = ..., team_id: _Optional[str] = ..., sort_field: _Optional[_Union[UserSortField, str]] = ..., sort_direction: _Optional[_Union[_common_pb2.SortDirection, str]] = ...) -> None: ...

class ListUsersResponse(_message.Message):
    __slots__ = ("users", "next_page_token", "total_count")
    USERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[_common_pb2.User]
    next_page_token: str
    total_count: int
    def __init__(self, users: _Optional[_Iterable[_Union[_common_pb2.User, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class DisableUserRequest(_message.Message):
    __slots__ = ("user_id", "reason")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    reason: str
    def __init__(self, user_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DisableUserResponse(_message.Message):
    __slots__ = ("user", "seat_usage")
    USER_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class EnableUserRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class EnableUserResponse(_message.Message):
    __slots__ = ("user", "seat_usage")
    USER_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class ChangeUserRoleRequest(_message.Message):
    __slots__ = ("user_id", "role")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    role: _common_pb2.Role
    def __init__(self, user_id: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ...) -> None: ...

class ChangeUserRoleResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ...) -> None: ...
