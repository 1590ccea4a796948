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

class RegistrationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REGISTRATION_STATUS_UNSPECIFIED: _ClassVar[RegistrationStatus]
    REGISTRATION_STATUS_PENDING: _ClassVar[RegistrationStatus]
    REGISTRATION_STATUS_PAID: _ClassVar[RegistrationStatus]
    REGISTRATION_STATUS_PROVISIONED: _ClassVar[RegistrationStatus]
    REGISTRATION_STATUS_EXPIRED: _ClassVar[RegistrationStatus]
    REGISTRATION_STATUS_FAILED: _ClassVar[RegistrationStatus]

class OnboardingStep(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ONBOARDING_STEP_UNSPECIFIED: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_PROFILE: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_COMPANY_DETAILS: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_AI_PROVIDER: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_INVITE_TEAM: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_TARGET_AUDIENCE: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_FIRST_SME: _ClassVar[OnboardingStep]
    ONBOARDING_STEP_FIRST_COURSE: _ClassVar[OnboardingStep]
REGISTRATION_STATUS_UNSPECIFIED: RegistrationStatus
REGISTRATION_STATUS_PENDING: RegistrationStatus
REGISTRATION_STATUS_PAID: RegistrationStatus
REGISTRATION_STATUS_PROVISIONED: RegistrationStatus
REGISTRATION_STATUS_EXPIRED: RegistrationStatus
REGISTRATION_STATUS_FAILED: RegistrationStatus
ONBOARDING_STEP_UNSPECIFIED: OnboardingStep
ONBOARDING_STEP_PROFILE: OnboardingStep
ONBOARDING_STEP_COMPANY_DETAILS: OnboardingStep
ONBOARDING_STEP_AI_PROVIDER: OnboardingStep
ONBOARDING_STEP_INVITE_TEAM: OnboardingStep
ONBOARDING_STEP_TARGET_AUDIENCE: OnboardingStep
ONBOARDING_STEP_FIRST_SME: OnboardingStep
ONBOARDING_STEP_FIRST_COURSE: OnboardingStep

class OnboardingStepState(_message.Message):
    __slots__ = ("step", "completed", "skipped", "completed_at")
    STEP_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    step: OnboardingStep
    completed: bool
    skipped: bool
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, step: _Optional[_Union[OnboardingStep, str]] = ..., completed: _Optional[bool] = ..., skipped: _Optional[bool] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OnboardingStatus(_message.Message):
    __slots__ = ("steps", "next_step", "completed")
    STEPS_FIELD_NUMBER: _ClassVar[int]
    NEXT_STEP_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedCompositeFieldContainer[OnboardingStepState]
    next_step: OnboardingStep
    completed: bool
    def __init__(self, steps: _Optional[_Iterable[_Union[OnboardingStepState, _Mapping]]] = ..., next_step: _Optional[_Union[OnboardingStep, str]] = ..., completed: _Optional[bool] = ...) -> None: ...

class RegisterRequest(_message.Message):
    __slots__ = ("email", "password", "first_name", "last_name", "company_name", "plan", "seat_count", "billing_interval", "industry", "company_size", "locale")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    COMPANY_SIZE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    email: str
    password: str
    first_name: str
    last_name: str
    company_name: str
    plan: _common_pb2.Plan
    seat_count: int
    billing_interval: _common_pb2.BillingInterval
    industry: str
    company_size: _common_pb2.CompanySize
    locale: str
    def __init__(self, email: _Optional[str] = ..., password: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., company_name: _Optional[str] = ..., plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., seat_count: _Optional[int] = ..., billing_interval: _Optional[_Union[_common_pb2.BillingInterval, str]] = ..., industry: _Optional[str] = ..., company_size: _Optional[_Union[_common_pb2.CompanySize, str]] = ..., locale: _Optional[str] = ...) -> None: ...

class RegisterResponse(_message.Message):
    __slots__ = ("registration_id", "checkout_url", "expires_at")
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    CHECKOUT_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    checkout_url: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, registration_id: _Optional[str] = ..., checkout_url: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetRegistrationStatusRequest(_message.Message):
    __slots__ = ("registration_id",)
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    def __init__(self, registration_id: _Optional[str] = ...) -> None: ...

class GetRegistrationStatusResponse(_message.Message):
    __slots__ = ("registration_id", "status", "email", "company_name", "plan", "seat_count", "created_at", "expires_at", "paid_at", "provisioned_at", "failure_reason", "login_url")
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    PROVISIONED_AT_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    LOGIN_URL_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    status: RegistrationStatus
    email: str
    company_name: str
    plan: _common_pb2.Plan
    seat_count: int
    created_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    paid_at: _timestamp_pb2.Timestamp
    provisioned_at: _timestamp_pb2.Timestamp
    failure_reason: str
    login_url: str
    def __init__(self, registration_id: _Optional[str] = ..., status: _Optional[_Union[RegistrationStatus, str]] = ..., email: _Optional[str] = ..., company_name: _Optional[str] = ..., plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., seat_count: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., paid_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., provisioned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., failure_reason: _Optional[str] = ..., login_url: _Optional[str] = ...) -> None: ...

class AcceptInvitationRequest(_message.Message):
    __slots__ = ("token", "first_name", "last_name", "password")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    token: str
    first_name: str
    last_name: str
    password: str
    def __init__(self, token: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class AcceptInvitationResponse(_message.Message):
    __slots__ = ("session_token", "session_expires_at", "user", "company", "teams")
    SESSION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SESSION_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    session_token: str
    session_expires_at: _timestamp_pb2.Timestamp
    user: _common_pb2.User
    company: _common_pb2.Company
    teams: _containers.RepeatedCompositeFieldContainer[_common_pb2.TeamMembership]
    def __init__(self, session_token: _Optional[str] = ..., session_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., company: _Optional[_Union[_common_pb2.Company, _Mapping]] = ..., teams: _Optional[_Iterable[_Union[_common_pb2.TeamMembership, _Mapping]]] = ...) -> None: ...

class GetOnboardingStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetOnboardingStatusResponse(_message.Message):
    __slots__ = ("onboarding",)
    ONBOARDING_FIELD_NUMBER: _ClassVar[int]
    onboarding: OnboardingStatus
    def __init__(self, onboarding: _Optional[_Union[OnboardingStatus, _Mapping]] = ...) -> None: ...

class CompleteOnboardingStepRequest(_message.Message):
    __slots__ = ("step", "skipped")
    STEP_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    step: OnboardingStep
    skipped: bool
    def __init__(self, step: _Optional[_Union[OnboardingStep, str]] = ..., skipped: _Optional[bool] = ...) -> None: ...

class CompleteOnboardingStepResponse(_message.Message):
    __slots__ = ("onboarding",)
    ONBOARDING_FIELD_NUMBER: _ClassVar[int]
    onboarding: OnboardingStatus
    def __init__(self, onboarding: _Optional[_Union[OnboardingStatus, _Mapping]] = ...) -> None: ...

class WhoamiRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class WhoamiResponse(_message.Message):
    __slots__ = ("user", "company", "tenant_id", "role", "teams", "onboarding_completed", "session_expires_at", "ai_configured")
    USER_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    ONBOARDING_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    SESSION_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    AI_CONFIGURED_FIELD_NUMBER: _ClassVar[int]
    user: _common_pb2.User
    company: _common_pb2.Company
    tenant_id: str
    role: _common_pb2.Role
    teams: _containers.RepeatedCompositeFieldContainer[_common_pb2.TeamMembership]
    onboarding_completed: bool
    session_expires_at: _timestamp_pb2.Timestamp
    ai_configured: bool
    def __init__(self, user: _Optional[_Union[_common_pb2.User, _Mapping]] = ..., company: _Optional[_Union[_common_pb2.Company, _Mapping]] = ..., tenant_id: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., teams: _Optional[_Iterable[_Union[_common_pb2.TeamMembership, _Mapping]]] = ..., onboarding_completed: _Optional[bool] = ..., session_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., ai_configured: _Optional[bool] = ...) -> None: ...

class ListPlansRequest(_message.Message):
    __slots__ = ("currency_code", "billing_interval")
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    currency_code: str
    billing_interval: _common_pb2.BillingInterval
    def __init__(self, currency_code: _Optional[str] = ..., billing_interval: _Optional[_Union[_common_pb2.BillingInterval, str]] = ...) -> None: ...

class ListPlansResponse(_message.Message):
    __slots__ = ("plans",)
    PLANS_FIELD_NUMBER: _ClassVar[int]
    plans: _containers.RepeatedCompositeFieldContainer[_common_pb2.PlanDetails]
    def __init__(self, plans: _Optional[_Iterable[_Union[_common_pb2.PlanDetails, _Mapping]]] = ...) -> None: ...
