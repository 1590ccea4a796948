"""A paid registration becomes an account: identity → tenant, company, owner → provisioned.

Each step can run again and finds what an earlier run made, so a redelivered event, a
concurrent delivery or a run killed half way ends with one identity (looked up by email
before it is made; Kratos' 409 means a concurrent run made it) and one tenant, company
and owner (``mirai_provision_tenant`` locks the registration row and answers a second
call with what the first created). The identity call happens outside any transaction.
A refusal no retry can fix marks the registration failed with the reason.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from common.adapters.identity_admin import IdentityAdmin, IdentityRefused, NewIdentity
from functions.mail.messages import Recipient
from functions.mail.requests import request_welcome

log = logging.getLogger("mirai.provisioning")

Outcome = Literal["provisioned", "already_provisioned", "failed", "not_paid", "unknown"]


@dataclass(frozen=True)
class Provisioned:
    outcome: Outcome
    reason: str = ""


def tenant_slug(company_name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", company_name.lower()).strip("-")[:40] or "company"
    return f"{base}-{uuid.uuid4().hex[:6]}"


def provision_registration(registration_id: uuid.UUID, *, db: Any, identities: IdentityAdmin) -> Provisioned:
    with db.system_session() as uow:
        registration = uow.registrations.get(registration_id)
    if registration is None:
        log.warning("provisioning: registration %s does not exist (removed after expiry?)", registration_id)
        return Provisioned("unknown")
    if registration.status == "provisioned":
        return Provisioned("already_provisioned")
    if registration.status != "paid":
        log.warning("provisioning: registration %s is %s, not paid; nothing to do", registration_id, registration.status)
        return Provisioned("failed" if registration.status == "failed" else "not_paid")
    try:
        identity_id = identities.find_by_email(registration.email) or identities.create(NewIdentity(
            email=registration.email, first_name=registration.first_name, last_name=registration.last_name,
            password_hash=registration.password_hash, locale=registration.locale,
        ))
    except IdentityRefused as refused:
        with db.system_session() as uow:
            uow.registrations.fail(registration_id, refused.message)
        log.error("provisioning: registration %s failed: %s", registration_id, refused.message)
        return Provisioned("failed", refused.message)
    with db.system_session() as uow:
        made = uow.registrations.provision(registration_id, kratos_id=identity_id, slug=tenant_slug(registration.company_name))
        if uow.registrations.provisioned_in_this_transaction(registration_id):
            # One welcome per account: a concurrent run that found the account made sends none.
            request_welcome(uow.as_tenant(made.tenant_id), locale=registration.locale,
                            to=Recipient(registration.email, f"{registration.first_name} {registration.last_name}"),
                            company_name=registration.company_name)
    log.info("provisioning: registration %s is tenant %s", registration_id, made.tenant_id)
    return Provisioned("provisioned")
