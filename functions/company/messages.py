"""The company as a proto message."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import common_pb2 as common
from common.repos.companies import Company
from functions.enum_names import enum_number
from functions.user.messages import AVATAR_URL_TTL_SECONDS, timestamp

LOGO_URL_TTL_SECONDS = AVATAR_URL_TTL_SECONDS


def company_message(company: Company, *, logo_url: str = "") -> common.Company:
    return common.Company(
        id=str(company.id), tenant_id=str(company.tenant_id), name=company.name, industry=company.industry or "",
        company_size=common.CompanySize.ValueType(enum_number(common.CompanySize.DESCRIPTOR, company.company_size)), website=company.website or "",
        logo_url=logo_url, plan=common.Plan.ValueType(enum_number(common.Plan.DESCRIPTOR, company.plan)),
        subscription_status=common.SubscriptionStatus.ValueType(
            enum_number(common.SubscriptionStatus.DESCRIPTOR, company.subscription_status)
        ),
        seat_count=company.seat_count, billing_email=company.billing_email or "",
        created_at=timestamp(company.created_at), updated_at=timestamp(company.updated_at),
    )


def logo_url(storage: Any, company: Company) -> str:
    """A presigned GET of the accepted logo (signed locally, no request to S3); empty without one."""
    if not company.logo_object_key:
        return ""
    url: str = storage.presigned_download_url(company.logo_object_key, expires_in=LOGO_URL_TTL_SECONDS)
    return url
