"""Who a session token belongs to: Ory Kratos (``GET /sessions/whoami``), or, for
``make run`` only, locally signed development tokens.

Plain stdlib HTTP with short timeouts: this sits on every authenticated call's
cold path, so no SDK import and no retries (the caller's client retries).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from common.errors import Unauthenticated, Unavailable
from common.transaction_guard import outside_call

log = logging.getLogger("mirai.identity")

# Kratos tokens and cookies are URL-safe; anything else never reaches an HTTP header.
_TOKEN = re.compile(r"^[A-Za-z0-9._~+/=-]{8,4096}$")


@dataclass(frozen=True)
class Credential:
    token: str
    kind: Literal["session_token", "cookie"]

    def is_well_formed(self) -> bool:
        return bool(_TOKEN.match(self.token))


@dataclass(frozen=True)
class IdentitySession:
    identity_id: str
    email: str
    active: bool
    expires_at: datetime | None

    def is_valid(self, now: datetime) -> bool:
        return self.active and (self.expires_at is None or self.expires_at > now)


class IdentityProvider(Protocol):
    def whoami(self, credential: Credential) -> IdentitySession | None:
        """The session behind the credential; None when it is not a session.
        Raises ``Unavailable`` when the provider cannot answer."""
        ...


def _parse_time(raw: object) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class KratosIdentity:
    COOKIE = "ory_kratos_session"

    def __init__(self, public_url: str, *, timeout_seconds: float = 2.0) -> None:
        if not public_url.startswith(("http://", "https://")):
            raise ValueError("the Kratos URL must be http(s)")
        self._whoami_url = public_url.rstrip("/") + "/sessions/whoami"
        self._timeout = timeout_seconds

    def whoami(self, credential: Credential) -> IdentitySession | None:
        if not credential.is_well_formed():
            return None
        # The URL is http(s), checked in __init__.
        request = urllib.request.Request(self._whoami_url, method="GET", headers={"Accept": "application/json"})  # noqa: S310
        if credential.kind == "cookie":
            request.add_header("Cookie", f"{self.COOKIE}={credential.token}")
        else:
            request.add_header("X-Session-Token", credential.token)
        outside_call("kratos whoami")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                body = json.loads(response.read(1_000_000))
        except urllib.error.HTTPError as err:
            if err.code in (401, 403, 404):
                return None
            log.warning("kratos whoami answered %s", err.code)
            raise Unavailable("the identity service is not answering; try again shortly") from None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            log.warning("kratos whoami failed: %s", type(err).__name__)
            raise Unavailable("the identity service is not answering; try again shortly") from None
        identity = body.get("identity") or {}
        traits = identity.get("traits") or {}
        if not identity.get("id"):
            return None
        return IdentitySession(
            identity_id=str(identity["id"]),
            email=str(traits.get("email", "")),
            active=bool(body.get("active")),
            expires_at=_parse_time(body.get("expires_at")),
        )


class DevIdentity:
    """Signed tokens for the local runner: ``dev.<payload>.<hmac>``. The key lives
    under .mirai/; the tokens are refused whenever the process runs under Knative."""

    PREFIX = "dev."

    def __init__(self, key: bytes, *, under_knative: bool) -> None:
        self._key = key
        self._under_knative = under_knative

    def issue(self, *, identity_id: str, email: str, ttl_seconds: int = 7 * 24 * 3600) -> str:
        if self._under_knative:
            raise Unauthenticated("development sessions are disabled under Knative")
        payload = json.dumps({"sub": identity_id, "email": email, "exp": int(time.time()) + ttl_seconds}).encode()
        body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
        return f"{self.PREFIX}{body}.{self._sign(body)}"

    def whoami(self, credential: Credential) -> IdentitySession | None:
        if self._under_knative or not credential.is_well_formed() or not credential.token.startswith(self.PREFIX):
            return None
        body, _, signature = credential.token[len(self.PREFIX):].partition(".")
        if not hmac.compare_digest(signature, self._sign(body)):
            return None
        try:
            claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            return IdentitySession(
                identity_id=str(claims["sub"]),
                email=str(claims["email"]),
                active=True,
                expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=UTC),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def _sign(self, body: str) -> str:
        return hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()


class MissingIdentity:
    """No identity service configured: every protected call is unavailable, said plainly."""

    def whoami(self, credential: Credential) -> IdentitySession | None:
        raise Unavailable("authentication is not configured (KRATOS_URL is not set)")
