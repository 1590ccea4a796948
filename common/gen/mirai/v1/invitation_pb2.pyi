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

class InvitationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVITATION_STATUS_UNSPECIFIED: _ClassVar[InvitationStatus]
    INVITATION_STATUS_PENDING: _ClassVar[InvitationStatus]
    INVITATION_STATUS_ACCEPTED: _ClassVar[InvitationStatus]
    INVITATION_STATUS_EXPIRED: _ClassVar[InvitationStatus]
    INVITATION_STATUS_REVOKED: _ClassVar[InvitationStatus]

class InvitationInvalidReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVITATION_INVALID_REASON_UNSPECIFIED: _ClassVar[InvitationInvalidReason]
    INVITATION_INVALID_REASON_NOT_FOUND: _ClassVar[InvitationInvalidReason]
    INVITATION_INVALID_REASON_EXPIRED: _ClassVar[InvitationInvalidReason]
    INVITATION_INVALID_REASON_REVOKED: _ClassVar[InvitationInvalidReason]
    INVITATION_INVALID_REASON_ALREADY_ACCEPTED: _ClassVar[InvitationInvalidReason]
    INVITATION_INVALID_REASON_NO_SEAT: _ClassVar[InvitationInvalidReason]
INVITATION_STATUS_UNSPECIFIED: InvitationStatus
INVITATION_STATUS_PENDING: InvitationStatus
INVITATION_STATUS_ACCEPTED: InvitationStatus
INVITATION_STATUS_EXPIRED: InvitationStatus
INVITATION_STATUS_REVOKED: InvitationStatus
INVITATION_INVALID_REASON_UNSPECIFIED: InvitationInvalidReason
INVITATION_INVALID_REASON_NOT_FOUND: InvitationInvalidReason
INVITATION_INVALID_REASON_EXPIRED: InvitationInvalidReason
INVITATION_INVALID_REASON_REVOKED: InvitationInvalidReason
INVITATION_INVALID_REASON_ALREADY_ACCEPTED: InvitationInvalidReason
INVITATION_INVALID_REASON_NO_SEAT: InvitationInvalidReason

class Invitation(_message.Message):
    __slots__ = ("id", "email", "role", "team_ids", "status", "invited_by", "message", "created_at", "expires_at", "last_sent_at", "send_count", "accepted_at", "accepted_user_id", "revoked_at", "seat_reserved")
    ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    INVITED_BY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_SENT_AT_FIELD_NUMBER: _ClassVar[int]
    SEND_COUNT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_USER_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    SEAT_RESERVED_FIELD_NUMBER: _ClassVar[int]
    id: str
    email: str
    role: _common_pb2.Role
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    status: InvitationStatus
    invited_by: _common_pb2.UserSummary
    message: str
    created_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    last_sent_at: _timestamp_pb2.Timestamp
    send_count: int
    accepted_at: _timestamp_pb2.Timestamp
    accepted_user_id: str
    revoked_at: _timestamp_pb2.Timestamp
    seat_reserved: bool
    def __init__(self, id: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., team_ids: _Optional[_Iterable[str]] = ..., status: _Optional[_Union[InvitationStatus, str]] = ..., invited_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., message: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., send_count: _Optional[int] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accepted_user_id: _Optional[str] = ..., revoked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., seat_reserved: _Optional[bool] = ...) -> None: ...

class CreateInvitationRequest(_message.Message):
    __slots__ = ("email", "role", "team_ids", "message")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    email: str
    role: _common_pb2.Role
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    message: str
    def __init__(self, email: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., team_ids: _Optional[_Iterable[str]] = ..., message: _Optional[str] = ...) -> None: ...

class CreateInvitationResponse(_message.Message):
    __slots__ = ("invitation", "seat_usage")
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    invitation: Invitation
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, invitation: _Optional[_Union[Invitation, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class GetInvitationRequest(_message.Message):
    __slots__ = ("invitation_id",)
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    def __init__(self, invitation_id: _Optional[str] = ...) -> None: ...

class GetInvitationResponse(_message.Message):
    __slots__ = ("invitation",)
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    invitation: Invitation
    def __init__(self, invitation: _Optional[_Union[Invitation, _Mapping]] = ...) -> None: ...

class ListInvitationsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "statuses", "query")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    statuses: _containers.RepeatedScalarFieldContainer[InvitationStatus]
    query: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[InvitationStatus, str]]] = ..., query: _Optional[str] = ...) -> None: ...

class ListInvitationsResponse(_message.Message):
    __slots__ = ("invitations", "next_page_token", "total_count", "seat_usage")
    INVITATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    invitations: _containers.RepeatedCompositeFieldContainer[Invitation]
    next_page_token: str
    total_count: int
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, invitations: _Optional[_Iterable[_Union[Invitation, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class ResendInvitationRequest(_message.Message):
    __slots__ = ("invitation_id",)
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    def __init__(self, invitation_id: _Optional[str] = ...) -> None: ...

class ResendInvitationResponse(_message.Message):
    __slots__ = ("invitation", "seat_usage")
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    invitation: Invitation
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, invitation: _Optional[_Union[Invitation, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class RevokeInvitationRequest(_message.Message):
    __slots__ = ("invitation_id",)
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    def __init__(self, invitation_id: _Optional[str] = ...) -> None: ...

class RevokeInvitationResponse(_message.Message):
    __slots__ = ("invitation", "seat_usage")
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    invitation: Invitation
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, invitation: _Optional[_Union[Invitation, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class ValidateInvitationRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class ValidateInvitationResponse(_message.Message):
    __slots__ = ("valid", "invalid_reason", "company_name", "company_logo_url", "inviter_name", "email", "role", "team_names", "expired", "expires_at")
    VALID_FIELD_NUMBER: _ClassVar[int]
    INVALID_REASON_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_LOGO_URL_FIELD_NUMBER: _ClassVar[int]
    INVITER_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAMES_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    valid: bool
    invalid_reason: InvitationInvalidReason
    company_name: str
    company_logo_url: str
    inviter_name: str
    email: str
    role: _common_pb2.Role
    team_names: _containers.RepeatedScalarFieldContainer[str]
    expired: bool
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, valid: _Optional[bool] = ..., invalid_reason: _Optional[_Union[InvitationInvalidReason, str]] = ..., company_name: _Optional[str] = ..., company_logo_url: _Optional[str] = ..., inviter_name: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., team_names: _Optional[_Iterable[str]] = ..., expired: _Optional[bool] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
