"""Checks of the company profile fields (UpdateCompany), each error naming its field."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from common.errors import FailedPrecondition, InvalidArgument, Unimplemented
from common.gen.mirai.v1 import common_pb2 as common
from common.rpc.context import Principal
from common.storage_keys import company_logo
from functions import inputs
from functions.auth.registration_form import MAX_COMPANY_CHARS, MAX_INDUSTRY_CHARS
from functions.enum_names import stored_name

MAX_WEBSITE_CHARS = 2048


def website(value: str) -> str | None:
    """An absolute https URL with a host; empty clears it (None)."""
    url = value.strip()
    if not url:
        return None
    if len(url) > MAX_WEBSITE_CHARS or any(ch.isspace() for ch in url):
        raise InvalidArgument(f"must be an https URL of at most {MAX_WEBSITE_CHARS} characters without spaces",
                              field="website")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme != "https" or not host or "." not in host or parts.username or parts.password:
        raise InvalidArgument("must be an absolute https URL such as 'https://example.com'", field="website")
    return url


def logo_key(value: str, principal: Principal, current: str | None) -> str | None:
    """None removes the logo; otherwise only this company's logo key, once its upload was accepted."""
    if value == "":
        return None
    if value != company_logo(principal.tenant_id):
        raise InvalidArgument("must be the object_key CreateLogoUploadUrl returned, or empty to remove the logo",
                              field="logo_object_key")
    if current != value:
        raise FailedPrecondition("the logo upload has not been accepted yet; upload it first", field="logo_object_key")
    return value


def company_changes(request: Any) -> dict[str, Any]:
    """The checked fields the request sets (the logo excepted: it needs the stored row)."""
    changes: dict[str, Any] = {}
    if request.HasField("billing_email"):
        # The contract changes it on the Stripe customer too, which no adapter does yet.
        raise Unimplemented("changing the billing email is not available yet", field="billing_email")
    if request.HasField("name"):
        changes["name"] = inputs.text(request.name, field="name", max_chars=MAX_COMPANY_CHARS, required=True)
    if request.HasField("industry"):
        changes["industry"] = inputs.text(request.industry, field="industry", max_chars=MAX_INDUSTRY_CHARS) or None
    if request.HasField("company_size"):
        size = inputs.enum_value(request.company_size, common.CompanySize.DESCRIPTOR, field="company_size",
                                 allow_unspecified=True)
        changes["company_size"] = stored_name(common.CompanySize.DESCRIPTOR, size)
    if request.HasField("website"):
        changes["website"] = website(request.website)
    return changes
