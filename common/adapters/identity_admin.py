"""Making identities: Ory Kratos' admin API, or, for ``make run`` only, local development identities.

Provisioning imports the password hash taken at registration (Kratos verifies Argon2id
and bcrypt PHC strings), so the plaintext never leaves the Register call. Creation is
made safe to repeat by looking the email up first and by treating Kratos' 409 (the
identifier exists) as "use that one". Plain stdlib HTTP with explicit timeouts.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Protocol

from common.errors import AppError, Unavailable

log = logging.getLogger("mirai.identity")

SCHEMA_ID = "default"


class IdentityRefused(AppError):
    """The identity service refused the identity for good (a retry cannot help)."""

    code_name = "failed_precondition"


@dataclass(frozen=True)
class NewIdentity:
    email: str
    first_name: str
    last_name: str
    password_hash: str = field(repr=False)
    locale: str


class IdentityAdmin(Protocol):
    def find_by_email(self, email: str) -> str | None:
        """The id of the identity whose login identifier is ``email``."""
        ...

    def create(self, identity: NewIdentity) -> str:
        """Creates it (or finds the one a concurrent call made); returns its id."""
        ...


class KratosAdmin:
    def __init__(self, admin_url: str, *, timeout_seconds: float = 5.0) -> None:
        if not admin_url.startswith(("http://", "https://")):
            raise ValueError("the Kratos admin URL must be http(s)")
        self._base = admin_url.rstrip("/") + "/admin/identities"
        self._timeout = timeout_seconds

    def find_by_email(self, email: str) -> str | None:
        query = urllib.parse.urlencode({"credentials_identifier": email})
        status, body = self._request("GET", f"{self._base}?{query}")
        if status != 200 or not isinstance(body, list):
            raise Unavailable("the identity service gave an unexpected answer; try again shortly")
        for identity in body:
            if isinstance(identity, dict) and identity.get("id"):
                return str(identity["id"])
        return None

    def create(self, identity: NewIdentity) -> str:
        payload = {
            "schema_id": SCHEMA_ID,
            "state": "active",
            "traits": {"email": identity.email, "name": {"first": identity.first_name, "last": identity.last_name},
                       "locale": identity.locale},
            "credentials": {"password": {"config": {"hashed_password": identity.password_hash}}},
        }
        status, body = self._request("POST", self._base, payload)
        if status in (200, 201) and isinstance(body, dict) and body.get("id"):
            return str(body["id"])
        if status == 409:
            found = self.find_by_email(identity.email)
            if found:
                return found
        reason = _reason(body)
        log.error("kratos refused an identity: HTTP %s (%s)", status, reason)
        raise IdentityRefused(f"the identity service refused the account (HTTP {status}: {reason})")

    def _request(self, method: str, url: str, payload: dict[str, Any] | None = None) -> tuple[int, Any]:
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(url, data=data, method=method,  # noqa: S310 (http(s), checked in __init__)
                                         headers={"Accept": "application/json", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                return int(response.status), json.loads(response.read(5_000_000) or b"null")
        except urllib.error.HTTPError as err:
            if err.code >= 500 or err.code == 429:
                log.warning("kratos admin %s answered %s", method, err.code)
                raise Unavailable("the identity service is not answering; try again shortly") from None
            try:
                return err.code, json.loads(err.read(100_000) or b"null")
            except ValueError:
                return err.code, None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            log.warning("kratos admin %s failed: %s", method, type(err).__name__)
            raise Unavailable("the identity service is not answering; try again shortly") from None


def _reason(body: Any) -> str:
    """Kratos' own words about the refusal (its error reason, never our request back)."""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        return str(error.get("reason") or error.get("message") or error.get("status") or "no reason given")[:200]
    return "no reason given"


class DevIdentityAdmin:
    """``make run`` without Kratos: the identity of an email is ``dev:<email>``, the same one
    ``dev-session`` signs tokens for. Refused under Knative."""

    def __init__(self, *, under_knative: bool) -> None:
        if under_knative:
            raise IdentityRefused("development identities are disabled under Knative")

    def find_by_email(self, email: str) -> str | None:
        return dev_identity_id(email)

    def create(self, identity: NewIdentity) -> str:
        return dev_identity_id(identity.email)


def dev_identity_id(email: str) -> str:
    return "dev:" + email.strip().lower()
