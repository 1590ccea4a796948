"""The fields of a sign-up, checked one by one, each failure naming its field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from common.errors import InvalidArgument
from common.gen.mirai.v1 import auth_pb2 as pb
from common.gen.mirai.v1 import common_pb2 as common
from functions import inputs
from functions.auth import plans
from functions.enum_names import stored_name

MAX_EMAIL_CHARS = 254
MAX_LOCAL_PART_CHARS = 64
MIN_PASSWORD_CHARS = 10
# Hashing cost grows with the input; nobody types a longer password.
MAX_PASSWORD_CHARS = 1024
MAX_NAME_CHARS = 100
MAX_COMPANY_CHARS = 200
MAX_INDUSTRY_CHARS = 100
DEFAULT_LOCALE = "en-US"
_EMAIL = re.compile(r"[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f.]{2,}")


@dataclass(frozen=True)
class RegistrationForm:
    email: str
    password: str = field(repr=False)
    first_name: str
    last_name: str
    company_name: str
    offer: plans.PlanOffer
    seat_count: int
    billing_interval: int
    industry: str
    company_size: str
    locale: str


def email_address(value: str) -> str:
    """Trimmed and lower-cased: one address is one account whatever its case."""
    email = value.strip().lower()
    if not email:
        raise InvalidArgument("is required", field="email")
    local, _, _ = email.partition("@")
    if len(email) > MAX_EMAIL_CHARS or len(local) > MAX_LOCAL_PART_CHARS:
        raise InvalidArgument(f"must be at most {MAX_EMAIL_CHARS} characters, {MAX_LOCAL_PART_CHARS} before the @",
                              field="email")
    if not _EMAIL.fullmatch(email):
        raise InvalidArgument("is not an email address (expected name@example.com)", field="email")
    return email


def password(value: str, *, email: str) -> str:
    if len(value) < MIN_PASSWORD_CHARS:
        raise InvalidArgument(f"must be at least {MIN_PASSWORD_CHARS} characters", field="password")
    if len(value) > MAX_PASSWORD_CHARS:
        raise InvalidArgument(f"must be at most {MAX_PASSWORD_CHARS} characters", field="password")
    if value.strip().lower() in {email, email.partition("@")[0]}:
        raise InvalidArgument("must not be your email address", field="password")
    return value


def _plan(value: int) -> plans.PlanOffer:
    offer = plans.offer(value)
    if offer is None:
        raise InvalidArgument("choose Starter or Pro", field="plan")
    if not offer.self_serve:
        raise InvalidArgument(f"{offer.name} is sold by contract; contact sales", field="plan")
    return offer


def _seats(value: int, offer: plans.PlanOffer) -> int:
    if value < offer.min_seats:
        raise InvalidArgument(f"{offer.name} starts at {offer.min_seats} seats", field="seat_count")
    if offer.limits.max_seats and value > offer.limits.max_seats:
        raise InvalidArgument(f"{offer.name} has at most {offer.limits.max_seats} seats", field="seat_count")
    return value


def registration_form(request: pb.RegisterRequest) -> RegistrationForm:
    email = email_address(request.email)
    offer = _plan(request.plan)
    interval = inputs.enum_value(request.billing_interval, common.BillingInterval.DESCRIPTOR, field="billing_interval",
                                 allow_unspecified=True) or common.BILLING_INTERVAL_MONTHLY
    size = inputs.enum_value(request.company_size, common.CompanySize.DESCRIPTOR, field="company_size", allow_unspecified=True)
    return RegistrationForm(
        email=email,
        password=password(request.password, email=email),
        first_name=inputs.text(request.first_name, field="first_name", max_chars=MAX_NAME_CHARS, required=True),
        last_name=inputs.text(request.last_name, field="last_name", max_chars=MAX_NAME_CHARS, required=True),
        company_name=inputs.text(request.company_name, field="company_name", max_chars=MAX_COMPANY_CHARS, required=True),
        offer=offer,
        seat_count=_seats(request.seat_count, offer),
        billing_interval=interval,
        industry=inputs.text(request.industry, field="industry", max_chars=MAX_INDUSTRY_CHARS),
        company_size=stored_name(common.CompanySize.DESCRIPTOR, size) or "",
        locale=inputs.language_tag(request.locale, field="locale") if request.locale.strip() else DEFAULT_LOCALE,
    )
