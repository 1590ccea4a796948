"""Local identity for ``make run``: a signing key kept under .mirai/ and
``python -m functions dev-session``, which provisions a tenant, company and owner
through the same system functions as the real provisioning job, then prints a
token the local runner accepts. Never available under Knative."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from common.adapters.identity_admin import dev_identity_id
from common.config import ConfigError, Settings
from functions.local import key_files

if TYPE_CHECKING:
    from common.db import Database

KEY_FILE = "dev-session.key"


def load_or_create_key(path: Path) -> bytes:
    """The signing key, stored as hex."""
    return key_files.load_or_create_key(path, encode=bytes.hex, decode=bytes.fromhex)


def _slug(email: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", email.split("@")[0].lower()).strip("-") or "dev"
    return f"{base[:40]}-{uuid.uuid4().hex[:6]}"


def create_dev_session(settings: Settings, db: Database, *, email: str) -> str:
    """Reuses the user of this email or provisions a new tenant for it; returns a token."""
    from common.adapters.identity import DevIdentity

    if settings.under_knative:
        raise ConfigError("K_SERVICE is set: development sessions are refused under Knative")
    if "@" not in email:
        raise ConfigError("--email must be an email address")
    identity_id = dev_identity_id(email)
    with db.system_session() as uow:
        if uow.identities.find_user(identity_id) is None:
            # The same path as a paid signup: registration → paid → provisioned (no Stripe ids).
            checkout = f"dev_{uuid.uuid4().hex}"
            registration = uow.registrations.create(
                email=email, password_hash="!dev-session", company_name=f"{email.split('@')[0]}'s company",
                plan="pro", seat_count=5, checkout_session_id=checkout,
            )
            uow.registrations.mark_paid(checkout_session_id=checkout, customer_id=None, subscription_id=None)
            uow.registrations.provision(registration, kratos_id=identity_id, slug=_slug(email))
    key = load_or_create_key(Path(settings.dev_identity_key_file or ".mirai/" + KEY_FILE))
    return DevIdentity(key, under_knative=False).issue(identity_id=identity_id, email=email.strip().lower())
