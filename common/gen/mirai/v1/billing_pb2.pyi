import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from common.gen.mirai.v1 import common_pb2 as _common_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Subscription(_message.Message):
    __slots__ = ("plan", "status", "seat_count", "billing_interval", "price_per_seat", "current_period_start", "current_period_end", "cancel_at_period_end", "canceled_at", "trial_end", "next_invoice_amount", "next_invoice_at", "payment_method_brand", "payment_method_last4")
    PLAN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    PRICE_PER_SEAT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    CANCEL_AT_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    CANCELED_AT_FIELD_NUMBER: _ClassVar[int]
    TRIAL_END_FIELD_NUMBER: _ClassVar[int]
    NEXT_INVOICE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NEXT_INVOICE_AT_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_BRAND_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_LAST4_FIELD_NUMBER: _ClassVar[int]
    plan: _common_pb2.Plan
    status: _common_pb2.SubscriptionStatus
    seat_count: int
    billing_interval: _common_pb2.BillingInterval
    price_per_seat: _common_pb2.Money
    current_period_start: _timestamp_pb2.Timestamp
    current_period_end: _timestamp_pb2.Timestamp
    cancel_at_period_end: bool
    canceled_at: _timestamp_pb2.Timestamp
    trial_end: _timestamp_pb2.Timestamp
    next_invoice_amount: _common_pb2.Money
    next_invoice_at: _timestamp_pb2.Timestamp
    payment_method_brand: str
    payment_method_last4: str
    def __init__(self, plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., status: _Optional[_Union[_common_pb2.SubscriptionStatus, str]] = ..., seat_count: _Optional[int] = ..., billing_interval: _Optional[_Union[_common_pb2.BillingInterval, str]] = ..., price_per_seat: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., current_period_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., current_period_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cancel_at_period_end: _Optional[bool] = ..., canceled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., trial_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., next_invoice_amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., next_invoice_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., payment_method_brand: _Optional[str] = ..., payment_method_last4: _Optional[str] = ...) -> None: ...

class Usage(_message.Message):
    __slots__ = ("period_start", "period_end", "courses_created", "courses_total", "generations", "input_tokens", "output_tokens", "storage_bytes", "seats_used", "seats_total", "exports")
    PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    COURSES_CREATED_FIELD_NUMBER: _ClassVar[int]
    COURSES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    GENERATIONS_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    STORAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SEATS_USED_FIELD_NUMBER: _ClassVar[int]
    SEATS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    EXPORTS_FIELD_NUMBER: _ClassVar[int]
    period_start: _timestamp_pb2.Timestamp
    period_end: _timestamp_pb2.Timestamp
    courses_created: int
    courses_total: int
    generations: int
    input_tokens: int
    output_tokens: int
    storage_bytes: int
    seats_used: int
    seats_total: int
    exports: int
    def __init__(self, period_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., period_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., courses_created: _Optional[int] = ..., courses_total: _Optional[int] = ..., generations: _Optional[int] = ..., input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., storage_bytes: _Optional[int] = ..., seats_used: _Optional[int] = ..., seats_total: _Optional[int] = ..., exports: _Optional[int] = ...) -> None: ...

class GetSubscriptionRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetSubscriptionResponse(_message.Message):
    __slots__ = ("subscription", "seat_usage")
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    subscription: Subscription
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, subscription: _Optional[_Union[Subscription, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class CreateCheckoutSessionRequest(_message.Message):
    __slots__ = ("plan", "seat_count", "billing_interval")
    PLAN_FIELD_NUMBER: _ClassVar[int]
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    plan: _common_pb2.Plan
    seat_count: int
    billing_interval: _common_pb2.BillingInterval
    def __init__(self, plan: _Optional[_Union[_common_pb2.Plan, str]] = ..., seat_count: _Optional[int] = ..., billing_interval: _Optional[_Union[_common_pb2.BillingInterval, str]] = ...) -> None: ...

class CreateCheckoutSessionResponse(_message.Message):
    __slots__ = ("checkout_url", "session_id", "expires_at")
    CHECKOUT_URL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    checkout_url: str
    session_id: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, checkout_url: _Optional[str] = ..., session_id: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatePortalSessionRequest(_message.Message):
    __slots__ = ("return_path",)
    RETURN_PATH_FIELD_NUMBER: _ClassVar[int]
    return_path: str
    def __init__(self, return_path: _Optional[str] = ...) -> None: ...

class CreatePortalSessionResponse(_message.Message):
    __slots__ = ("portal_url",)
    PORTAL_URL_FIELD_NUMBER: _ClassVar[int]
    portal_url: str
    def __init__(self, portal_url: _Optional[str] = ...) -> None: ...

class UpdateSeatCountRequest(_message.Message):
    __slots__ = ("seat_count",)
    SEAT_COUNT_FIELD_NUMBER: _ClassVar[int]
    seat_count: int
    def __init__(self, seat_count: _Optional[int] = ...) -> None: ...

class UpdateSeatCountResponse(_message.Message):
    __slots__ = ("subscription", "seat_usage")
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SEAT_USAGE_FIELD_NUMBER: _ClassVar[int]
    subscription: Subscription
    seat_usage: _common_pb2.SeatUsage
    def __init__(self, subscription: _Optional[_Union[Subscription, _Mapping]] = ..., seat_usage: _Optional[_Union[_common_pb2.SeatUsage, _Mapping]] = ...) -> None: ...

class GetUsageRequest(_message.Message):
    __slots__ = ("period_at",)
    PERIOD_AT_FIELD_NUMBER: _ClassVar[int]
    period_at: _timestamp_pb2.Timestamp
    def __init__(self, period_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetUsageResponse(_message.Message):
    __slots__ = ("usage", "limits")
    USAGE_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    usage: Usage
    limits: _common_pb2.PlanLimits
    def __init__(self, usage: _Optional[_Union[Usage, _Mapping]] = ..., limits: _Optional[_Union[_common_pb2.PlanLimits, _Mapping]] = ...) -> None: ...
