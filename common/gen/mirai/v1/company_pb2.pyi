import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from common.gen.mirai.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetCompanyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCompanyResponse(_message.Message):
    __slots__ = ("company",)
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    company: _common_pb2.Company
    def __init__(self, company: _Optional[_Union[_common_pb2.Company, _Mapping]] = ...) -> None: ...

class UpdateCompanyRequest(_message.Message):
    __slots__ = ("name", "industry", "company_size", "website", "logo_object_key", "billing_email")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    COMPANY_SIZE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    LOGO_OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    BILLING_EMAIL_FIELD_NUMBER: _ClassVar[int]
    name: str
    industry: str
    company_size: _common_pb2.CompanySize
    website: str
    logo_object_key: str
    billing_email: str
    def __init__(self, name: _Optional[str] = ..., industry: _Optional[str] = ..., company_size: _Optional[_Union[_common_pb2.CompanySize, str]] = ..., website: _Optional[str] = ..., logo_object_key: _Optional[str] = ..., billing_email: _Optional[str] = ...) -> None: ...

class UpdateCompanyResponse(_message.Message):
    __slots__ = ("company",)
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    company: _common_pb2.Company
    def __init__(self, company: _Optional[_Union[_common_pb2.Company, _Mapping]] = ...) -> None: ...

class CreateLogoUploadUrlRequest(_message.Message):
    __slots__ = ("content_type", "size_bytes")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    size_bytes: int
    def __init__(self, content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class CreateLogoUploadUrlResponse(_message.Message):
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

class GetSeatUsageRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetSeatUsageResponse(_message.Message):
    __slots__ = ("seat_usage", "plan", "plan_max_seats", "disabled_users")
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    PLAN_MAX_SEATS_FIELD_NUMBER: _ClassVar[int]
    DISABLED_USERS_FIELD_NUMBER: _ClassVar[int]
    seat_usage: _common_pb2.SeatUsage
    plan: _common_pb2.Plan
    plan_max_seats: int
    disabled_users: int
    def __init__(self, seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ..., plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., plan_max_seats: _Optional[int] = ..., disabled_users: _Optional[int] = ...) -> None: ...
