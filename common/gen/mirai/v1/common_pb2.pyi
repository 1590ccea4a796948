import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Role(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROLE_UNSPECIFIED: _ClassVar[Role]
    ROLE_OWNER: _ClassVar[Role]
    ROLE_ADMIN: _ClassVar[Role]
    ROLE_MEMBER: _ClassVar[Role]

class TeamRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TEAM_ROLE_UNSPECIFIED: _ClassVar[TeamRole]
    TEAM_ROLE_LEAD: _ClassVar[TeamRole]
    TEAM_ROLE_MEMBER: _ClassVar[TeamRole]

class Plan(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLAN_UNSPECIFIED: _ClassVar[Plan]
    PLAN_STARTER: _ClassVar[Plan]
    PLAN_PRO: _ClassVar[Plan]
    PLAN_ENTERPRISE: _ClassVar[Plan]

class BillingInterval(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BILLING_INTERVAL_UNSPECIFIED: _ClassVar[BillingInterval]
    BILLING_INTERVAL_MONTHLY: _ClassVar[BillingInterval]
    BILLING_INTERVAL_YEARLY: _ClassVar[BillingInterval]

class SubscriptionStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUBSCRIPTION_STATUS_UNSPECIFIED: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_NONE: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_TRIALING: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_ACTIVE: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_PAST_DUE: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_UNPAID: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_CANCELED: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_INCOMPLETE: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_INCOMPLETE_EXPIRED: _ClassVar[SubscriptionStatus]
    SUBSCRIPTION_STATUS_PAUSED: _ClassVar[SubscriptionStatus]

class UserStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    USER_STATUS_UNSPECIFIED: _ClassVar[UserStatus]
    USER_STATUS_ACTIVE: _ClassVar[UserStatus]
    USER_STATUS_DISABLED: _ClassVar[UserStatus]

class CompanySize(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COMPANY_SIZE_UNSPECIFIED: _ClassVar[CompanySize]
    COMPANY_SIZE_1_10: _ClassVar[CompanySize]
    COMPANY_SIZE_11_50: _ClassVar[CompanySize]
    COMPANY_SIZE_51_200: _ClassVar[CompanySize]
    COMPANY_SIZE_201_1000: _ClassVar[CompanySize]
    COMPANY_SIZE_1001_5000: _ClassVar[CompanySize]
    COMPANY_SIZE_5001_PLUS: _ClassVar[CompanySize]

class CourseStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COURSE_STATUS_UNSPECIFIED: _ClassVar[CourseStatus]
    COURSE_STATUS_DRAFT: _ClassVar[CourseStatus]
    COURSE_STATUS_PUBLISHED: _ClassVar[CourseStatus]
    COURSE_STATUS_ARCHIVED: _ClassVar[CourseStatus]

class ExportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_FORMAT_UNSPECIFIED: _ClassVar[ExportFormat]
    EXPORT_FORMAT_SCORM_12: _ClassVar[ExportFormat]
    EXPORT_FORMAT_SCORM_2004: _ClassVar[ExportFormat]
    EXPORT_FORMAT_XAPI: _ClassVar[ExportFormat]
    EXPORT_FORMAT_CMI5: _ClassVar[ExportFormat]
    EXPORT_FORMAT_PDF: _ClassVar[ExportFormat]

class JobStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATUS_UNSPECIFIED: _ClassVar[JobStatus]
    JOB_STATUS_QUEUED: _ClassVar[JobStatus]
    JOB_STATUS_RUNNING: _ClassVar[JobStatus]
    JOB_STATUS_SUCCEEDED: _ClassVar[JobStatus]
    JOB_STATUS_FAILED: _ClassVar[JobStatus]
    JOB_STATUS_CANCELLED: _ClassVar[JobStatus]

class JobType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_TYPE_UNSPECIFIED: _ClassVar[JobType]
    JOB_TYPE_OUTLINE_GENERATION: _ClassVar[JobType]
    JOB_TYPE_LESSON_GENERATION: _ClassVar[JobType]
    JOB_TYPE_COMPONENT_REGENERATION: _ClassVar[JobType]
    JOB_TYPE_SME_INGESTION: _ClassVar[JobType]

class ComponentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COMPONENT_TYPE_UNSPECIFIED: _ClassVar[ComponentType]
    COMPONENT_TYPE_TEXT: _ClassVar[ComponentType]
    COMPONENT_TYPE_HEADING: _ClassVar[ComponentType]
    COMPONENT_TYPE_IMAGE: _ClassVar[ComponentType]
    COMPONENT_TYPE_QUIZ: _ClassVar[ComponentType]
    COMPONENT_TYPE_LIST: _ClassVar[ComponentType]
    COMPONENT_TYPE_CALLOUT: _ClassVar[ComponentType]
    COMPONENT_TYPE_VIDEO: _ClassVar[ComponentType]
    COMPONENT_TYPE_DIVIDER: _ClassVar[ComponentType]

class ExperienceLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPERIENCE_LEVEL_UNSPECIFIED: _ClassVar[ExperienceLevel]
    EXPERIENCE_LEVEL_BEGINNER: _ClassVar[ExperienceLevel]
    EXPERIENCE_LEVEL_INTERMEDIATE: _ClassVar[ExperienceLevel]
    EXPERIENCE_LEVEL_ADVANCED: _ClassVar[ExperienceLevel]
    EXPERIENCE_LEVEL_EXPERT: _ClassVar[ExperienceLevel]

class BloomLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BLOOM_LEVEL_UNSPECIFIED: _ClassVar[BloomLevel]
    BLOOM_LEVEL_REMEMBER: _ClassVar[BloomLevel]
    BLOOM_LEVEL_UNDERSTAND: _ClassVar[BloomLevel]
    BLOOM_LEVEL_APPLY: _ClassVar[BloomLevel]
    BLOOM_LEVEL_ANALYZE: _ClassVar[BloomLevel]
    BLOOM_LEVEL_EVALUATE: _ClassVar[BloomLevel]
    BLOOM_LEVEL_CREATE: _ClassVar[BloomLevel]

class SortDirection(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SORT_DIRECTION_UNSPECIFIED: _ClassVar[SortDirection]
    SORT_DIRECTION_ASCENDING: _ClassVar[SortDirection]
    SORT_DIRECTION_DESCENDING: _ClassVar[SortDirection]

class CalloutVariant(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CALLOUT_VARIANT_UNSPECIFIED: _ClassVar[CalloutVariant]
    CALLOUT_VARIANT_INFO: _ClassVar[CalloutVariant]
    CALLOUT_VARIANT_TIP: _ClassVar[CalloutVariant]
    CALLOUT_VARIANT_WARNING: _ClassVar[CalloutVariant]
    CALLOUT_VARIANT_IMPORTANT: _ClassVar[CalloutVariant]
    CALLOUT_VARIANT_EXAMPLE: _ClassVar[CalloutVariant]

class QuizType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUIZ_TYPE_UNSPECIFIED: _ClassVar[QuizType]
    QUIZ_TYPE_SINGLE_CHOICE: _ClassVar[QuizType]
    QUIZ_TYPE_MULTIPLE_CHOICE: _ClassVar[QuizType]
    QUIZ_TYPE_TRUE_FALSE: _ClassVar[QuizType]
ROLE_UNSPECIFIED: Role
ROLE_OWNER: Role
ROLE_ADMIN: Role
ROLE_MEMBER: Role
TEAM_ROLE_UNSPECIFIED: TeamRole
TEAM_ROLE_LEAD: TeamRole
TEAM_ROLE_MEMBER: TeamRole
PLAN_UNSPECIFIED: Plan
PLAN_STARTER: Plan
PLAN_PRO: Plan
PLAN_ENTERPRISE: Plan
BILLING_INTERVAL_UNSPECIFIED: BillingInterval
BILLING_INTERVAL_MONTHLY: BillingInterval
BILLING_INTERVAL_YEARLY: BillingInterval
SUBSCRIPTION_STATUS_UNSPECIFIED: SubscriptionStatus
SUBSCRIPTION_STATUS_NONE: SubscriptionStatus
SUBSCRIPTION_STATUS_TRIALING: SubscriptionStatus
SUBSCRIPTION_STATUS_ACTIVE: SubscriptionStatus
SUBSCRIPTION_STATUS_PAST_DUE: SubscriptionStatus
SUBSCRIPTION_STATUS_UNPAID: SubscriptionStatus
SUBSCRIPTION_STATUS_CANCELED: SubscriptionStatus
SUBSCRIPTION_STATUS_INCOMPLETE: SubscriptionStatus
SUBSCRIPTION_STATUS_INCOMPLETE_EXPIRED: SubscriptionStatus
SUBSCRIPTION_STATUS_PAUSED: SubscriptionStatus
USER_STATUS_UNSPECIFIED: UserStatus
USER_STATUS_ACTIVE: UserStatus
USER_STATUS_DISABLED: UserStatus
COMPANY_SIZE_UNSPECIFIED: CompanySize
COMPANY_SIZE_1_10: CompanySize
COMPANY_SIZE_11_50: CompanySize
COMPANY_SIZE_51_200: CompanySize
COMPANY_SIZE_201_1000: CompanySize
COMPANY_SIZE_1001_5000: CompanySize
COMPANY_SIZE_5001_PLUS: CompanySize
COURSE_STATUS_UNSPECIFIED: CourseStatus
COURSE_STATUS_DRAFT: CourseStatus
COURSE_STATUS_PUBLISHED: CourseStatus
COURSE_STATUS_ARCHIVED: CourseStatus
EXPORT_FORMAT_UNSPECIFIED: ExportFormat
EXPORT_FORMAT_SCORM_12: ExportFormat
EXPORT_FORMAT_SCORM_2004: ExportFormat
EXPORT_FORMAT_XAPI: ExportFormat
EXPORT_FORMAT_CMI5: ExportFormat
EXPORT_FORMAT_PDF: ExportFormat
JOB_STATUS_UNSPECIFIED: JobStatus
JOB_STATUS_QUEUED: JobStatus
JOB_STATUS_RUNNING: JobStatus
JOB_STATUS_SUCCEEDED: JobStatus
JOB_STATUS_FAILED: JobStatus
JOB_STATUS_CANCELLED: JobStatus
JOB_TYPE_UNSPECIFIED: JobType
JOB_TYPE_OUTLINE_GENERATION: JobType
JOB_TYPE_LESSON_GENERATION: JobType
JOB_TYPE_COMPONENT_REGENERATION: JobType
JOB_TYPE_SME_INGESTION: JobType
COMPONENT_TYPE_UNSPECIFIED: ComponentType
COMPONENT_TYPE_TEXT: ComponentType
COMPONENT_TYPE_HEADING: ComponentType
COMPONENT_TYPE_IMAGE: ComponentType
COMPONENT_TYPE_QUIZ: ComponentType
COMPONENT_TYPE_LIST: ComponentType
COMPONENT_TYPE_CALLOUT: ComponentType
COMPONENT_TYPE_VIDEO: ComponentType
COMPONENT_TYPE_DIVIDER: ComponentType
EXPERIENCE_LEVEL_UNSPECIFIED: ExperienceLevel
EXPERIENCE_LEVEL_BEGINNER: ExperienceLevel
EXPERIENCE_LEVEL_INTERMEDIATE: ExperienceLevel
EXPERIENCE_LEVEL_ADVANCED: ExperienceLevel
EXPERIENCE_LEVEL_EXPERT: ExperienceLevel
BLOOM_LEVEL_UNSPECIFIED: BloomLevel
BLOOM_LEVEL_REMEMBER: BloomLevel
BLOOM_LEVEL_UNDERSTAND: BloomLevel
BLOOM_LEVEL_APPLY: BloomLevel
BLOOM_LEVEL_ANALYZE: BloomLevel
BLOOM_LEVEL_EVALUATE: BloomLevel
BLOOM_LEVEL_CREATE: BloomLevel
SORT_DIRECTION_UNSPECIFIED: SortDirection
SORT_DIRECTION_ASCENDING: SortDirection
SORT_DIRECTION_DESCENDING: SortDirection
CALLOUT_VARIANT_UNSPECIFIED: CalloutVariant
CALLOUT_VARIANT_INFO: CalloutVariant
CALLOUT_VARIANT_TIP: CalloutVariant
CALLOUT_VARIANT_WARNING: CalloutVariant
CALLOUT_VARIANT_IMPORTANT: CalloutVariant
CALLOUT_VARIANT_EXAMPLE: CalloutVariant
QUIZ_TYPE_UNSPECIFIED: QuizType
QUIZ_TYPE_SINGLE_CHOICE: QuizType
QUIZ_TYPE_MULTIPLE_CHOICE: QuizType
QUIZ_TYPE_TRUE_FALSE: QuizType

class StringList(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...

class Money(_message.Message):
    __slots__ = ("currency_code", "amount_minor")
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MINOR_FIELD_NUMBER: _ClassVar[int]
    currency_code: str
    amount_minor: int
    def __init__(self, currency_code: _Optional[str] = ..., amount_minor: _Optional[int] = ...) -> None: ...

class User(_message.Message):
    __slots__ = ("id", "tenant_id", "company_id", "email", "first_name", "last_name", "avatar_url", "role", "status", "locale", "timezone", "created_at", "updated_at", "last_login_at", "disabled_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    COMPANY_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_LOGIN_AT_FIELD_NUMBER: _ClassVar[int]
    DISABLED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: str
    company_id: str
    email: str
    first_name: str
    last_name: str
    avatar_url: str
    role: Role
    status: UserStatus
    locale: str
    timezone: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    last_login_at: _timestamp_pb2.Timestamp
    disabled_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., company_id: _Optional[str] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., avatar_url: _Optional[str] = ..., role: _Optional[_Union[Role, str]] = ..., status: _Optional[_Union[UserStatus, str]] = ..., locale: _Optional[str] = ..., timezone: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_login_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., disabled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserSummary(_message.Message):
    __slots__ = ("id", "email", "first_name", "last_name", "avatar_url")
    ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    id: str
    email: str
    first_name: str
    last_name: str
    avatar_url: str
    def __init__(self, id: _Optional[str] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., avatar_url: _Optional[str] = ...) -> None: ...

class Company(_message.Message):
    __slots__ = ("id", "tenant_id", "name", "industry", "company_size", "website", "logo_url", "plan", "subscription_status", "seat_count", "billing_email", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    COMPANY_SIZE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    LOGO_URL_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_STATUS_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: str
    name: str
    industry: str
    company_size: CompanySize
    website: str
    logo_url: str
    plan: Plan
    subscription_status: SubscriptionStatus
    seat_count: int
    billing_email: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., name: _Optional[str] = ..., industry: _Optional[str] = ..., company_size: _Optional[_Union[CompanySize, str]] = ..., website: _Optional[str] = ..., logo_url: _Optional[str] = ..., plan: _Optional[_Union[Plan, str]] = ..., subscription_status: _Optional[_Union[SubscriptionStatus, str]] = ..., seat_count: _Optional[int] = ..., billing_email: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Team(_message.Message):
    __slots__ = ("id", "company_id", "name", "description", "member_count", "folder_count", "created_at", "updated_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMPANY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    FOLDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    company_id: str
    name: str
    description: str
    member_count: int
    folder_count: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., company_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., member_count: _Optional[int] = ..., folder_count: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class TeamMembership(_message.Message):
    __slots__ = ("team_id", "team_name", "role", "joined_at")
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    JOINED_AT_FIELD_NUMBER: _ClassVar[int]
    team_id: str
    team_name: str
    role: TeamRole
    joined_at: _timestamp_pb2.Timestamp
    def __init__(self, team_id: _Optional[str] = ..., team_name: _Optional[str] = ..., role: _Optional[_Union[TeamRole, str]] = ..., joined_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SeatUsage(_message.Message):
    __slots__ = ("total", "used", "reserved", "available")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    total: int
    used: int
    reserved: int
    available: int
    def __init__(self, total: _Optional[int] = ..., used: _Optional[int] = ..., reserved: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...

class PlanLimits(_message.Message):
    __slots__ = ("max_seats", "max_courses", "monthly_generations", "monthly_tokens", "storage_bytes", "max_smes", "export_formats")
    MAX_SEATS_FIELD_NUMBER: _ClassVar[int]
    MAX_COURSES_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_GENERATIONS_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_TOKENS_FIELD_NUMBER: _ClassVar[int]
    STORAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    MAX_SMES_FIELD_NUMBER: _ClassVar[int]
    EXPORT_FORMATS_FIELD_NUMBER: _ClassVar[int]
    max_seats: int
    max_courses: int
    monthly_generations: int
    monthly_tokens: int
    storage_bytes: int
    max_smes: int
    export_formats: _containers.RepeatedScalarFieldContainer[ExportFormat]
    def __init__(self, max_seats: _Optional[int] = ..., max_courses: _Optional[int] = ..., monthly_generations: _Optional[int] = ..., monthly_tokens: _Optional[int] = ..., storage_bytes: _Optional[int] = ..., max_smes: _Optional[int] = ..., export_formats: _Optional[_Iterable[_Union[ExportFormat, str]]] = ...) -> None: ...

class PlanDetails(_message.Message):
    __slots__ = ("plan", "name", "description", "price_per_seat", "billing_interval", "features", "min_seats", "limits", "self_serve", "recommended")
    PLAN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PRICE_PER_SEAT_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    MIN_SEATS_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    SELF_SERVE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_FIELD_NUMBER: _ClassVar[int]
    plan: Plan
    name: str
    description: str
    price_per_seat: Money
    billing_interval: BillingInterval
    features: _containers.RepeatedScalarFieldContainer[str]
    min_seats: int
    limits: PlanLimits
    self_serve: bool
    recommended: bool
    def __init__(self, plan: _Optional[_Union[Plan, str]] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., price_per_seat: _Optional[_Union[Money, _Mapping]] = ..., billing_interval: _Optional[_Union[BillingInterval, str]] = ..., features: _Optional[_Iterable[str]] = ..., min_seats: _Optional[int] = ..., limits: _Optional[_Union[PlanLimits, _Mapping]] = ..., self_serve: _Optional[bool] = ..., recommended: _Optional[bool] = ...) -> None: ...

class Folder(_message.Message):
    __slots__ = ("id", "name", "parent_id", "team_id", "depth", "course_count", "child_count", "created_by", "created_at", "updated_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CHILD_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    parent_id: str
    team_id: str
    depth: int
    course_count: int
    child_count: int
    created_by: UserSummary
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., parent_id: _Optional[str] = ..., team_id: _Optional[str] = ..., depth: _Optional[int] = ..., course_count: _Optional[int] = ..., child_count: _Optional[int] = ..., created_by: _Optional[_Union[UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class LearningObjective(_message.Message):
    __slots__ = ("id", "text", "bloom_level")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    BLOOM_LEVEL_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    bloom_level: BloomLevel
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., bloom_level: _Optional[_Union[BloomLevel, str]] = ...) -> None: ...

class TextBlock(_message.Message):
    __slots__ = ("markdown",)
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    markdown: str
    def __init__(self, markdown: _Optional[str] = ...) -> None: ...

class HeadingBlock(_message.Message):
    __slots__ = ("text", "level")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    text: str
    level: int
    def __init__(self, text: _Optional[str] = ..., level: _Optional[int] = ...) -> None: ...

class ImageBlock(_message.Message):
    __slots__ = ("object_key", "url", "alt_text", "image_prompt", "caption", "width", "height")
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ALT_TEXT_FIELD_NUMBER: _ClassVar[int]
    IMAGE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    object_key: str
    url: str
    alt_text: str
    image_prompt: str
    caption: str
    width: int
    height: int
    def __init__(self, object_key: _Optional[str] = ..., url: _Optional[str] = ..., alt_text: _Optional[str] = ..., image_prompt: _Optional[str] = ..., caption: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class QuizOption(_message.Message):
    __slots__ = ("id", "text", "is_correct", "feedback")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    IS_CORRECT_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    is_correct: bool
    feedback: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., is_correct: _Optional[bool] = ..., feedback: _Optional[str] = ...) -> None: ...

class QuizBlock(_message.Message):
    __slots__ = ("question", "options", "explanation", "learning_objective_id", "quiz_type", "points")
    QUESTION_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    LEARNING_OBJECTIVE_ID_FIELD_NUMBER: _ClassVar[int]
    QUIZ_TYPE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    question: str
    options: _containers.RepeatedCompositeFieldContainer[QuizOption]
    explanation: str
    learning_objective_id: str
    quiz_type: QuizType
    points: int
    def __init__(self, question: _Optional[str] = ..., options: _Optional[_Iterable[_Union[QuizOption, _Mapping]]] = ..., explanation: _Optional[str] = ..., learning_objective_id: _Optional[str] = ..., quiz_type: _Optional[_Union[QuizType, str]] = ..., points: _Optional[int] = ...) -> None: ...

class ListBlock(_message.Message):
    __slots__ = ("items", "ordered")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ORDERED_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedScalarFieldContainer[str]
    ordered: bool
    def __init__(self, items: _Optional[_Iterable[str]] = ..., ordered: _Optional[bool] = ...) -> None: ...

class CalloutBlock(_message.Message):
    __slots__ = ("variant", "title", "markdown")
    VARIANT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    variant: CalloutVariant
    title: str
    markdown: str
    def __init__(self, variant: _Optional[_Union[CalloutVariant, str]] = ..., title: _Optional[str] = ..., markdown: _Optional[str] = ...) -> None: ...

class VideoBlock(_message.Message):
    __slots__ = ("object_key", "url", "title", "caption", "transcript", "duration_seconds", "poster_url")
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    POSTER_URL_FIELD_NUMBER: _ClassVar[int]
    object_key: str
    url: str
    title: str
    caption: str
    transcript: str
    duration_seconds: int
    poster_url: str
    def __init__(self, object_key: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., caption: _Optional[str] = ..., transcript: _Optional[str] = ..., duration_seconds: _Optional[int] = ..., poster_url: _Optional[str] = ...) -> None: ...

class DividerBlock(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LessonComponent(_message.Message):
    __slots__ = ("id", "type", "position", "text", "heading", "image", "quiz", "list", "callout", "video", "divider", "ai_generated", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    HEADING_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    QUIZ_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    CALLOUT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_FIELD_NUMBER: _ClassVar[int]
    DIVIDER_FIELD_NUMBER: _ClassVar[int]
    AI_GENERATED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: ComponentType
    position: int
    text: TextBlock
    heading: HeadingBlock
    image: ImageBlock
    quiz: QuizBlock
    list: ListBlock
    callout: CalloutBlock
    video: VideoBlock
    divider: DividerBlock
    ai_generated: bool
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., type: _Optional[_Union[ComponentType, str]] = ..., position: _Optional[int] = ..., text: _Optional[_Union[TextBlock, _Mapping]] = ..., heading: _Optional[_Union[HeadingBlock, _Mapping]] = ..., image: _Optional[_Union[ImageBlock, _Mapping]] = ..., quiz: _Optional[_Union[QuizBlock, _Mapping]] = ..., list: _Optional[_Union[ListBlock, _Mapping]] = ..., callout: _Optional[_Union[CalloutBlock, _Mapping]] = ..., video: _Optional[_Union[VideoBlock, _Mapping]] = ..., divider: _Optional[_Union[DividerBlock, _Mapping]] = ..., ai_generated: _Optional[bool] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
