"""Authentication and role checks for every non-public RPC.

The token comes from ``Authorization: Bearer``, ``X-Session-Token`` or the
``ory_kratos_session`` cookie; the identity service says whose session it is;
``mirai_find_user_by_identity`` maps the identity to a user, tenant and role.
Valid sessions are cached (by token hash) for at most the configured TTL and
never past the session's own expiry.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from http.cookies import CookieError, SimpleCookie
from typing import Any

from common.adapters.identity import Credential, IdentityProvider
from common.adapters.session_cache import SessionCache
from common.errors import FailedPrecondition, PermissionDenied, Unauthenticated
from common.rpc.context import Principal, current_principal

ROLE_RANK = {"member": 1, "admin": 2, "owner": 3}


def _header(headers: Any, name: str) -> str | None:
    value = headers.get(name) if headers is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def credential_from(headers: Any) -> Credential | None:
    authorization = _header(headers, "authorization")
    if authorization:
        scheme, _, bearer = authorization.partition(" ")
        if scheme.lower() != "bearer" or not bearer.strip():
            raise Unauthenticated("the Authorization header must be 'Bearer <session token>'")
        return Credential(bearer.strip(), "session_token")
    session_token = _header(headers, "x-session-token")
    if session_token:
        return Credential(session_token, "session_token")
    cookie_header = _header(headers, "cookie")
    if cookie_header:
        try:
            morsel = SimpleCookie(cookie_header).get("ory_kratos_session")
        except CookieError:
            morsel = None
        if morsel is not None and morsel.value:
            return Credential(morsel.value, "cookie")
    return None


# A subscription in these states no longer pays for changes; reads go on.
READ_ONLY_SUBSCRIPTIONS = frozenset({"canceled", "incomplete_expired"})


class Authenticator:
    def __init__(self, *, identity: IdentityProvider, cache: SessionCache, db: Any, ttl_seconds: int,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._identity = identity
        self._cache = cache
        self._db = db
        self._ttl = ttl_seconds
        self._now = now

    def authenticate(self, headers: Any) -> Principal:
        credential = credential_from(headers)
        if credential is None:
            raise Unauthenticated("sign in first: this RPC needs a session")
        if not credential.is_well_formed():
            raise Unauthenticated("the session token is malformed")
        now = self._now()
        cached = self._from_cache(credential, now)
        if cached is not None:
            return cached
        session = self._identity.whoami(credential)
        if session is None or not session.is_valid(now):
            raise Unauthenticated("the session is invalid or has expired; sign in again")
        with self._db.system_session() as uow:
            user = uow.identities.find_user(session.identity_id)
        if user is None:
            raise Unauthenticated("no Mirai account belongs to this identity")
        if user.status != "active":
            raise Unauthenticated("this account is disabled")
        principal = Principal(user.user_id, user.tenant_id, user.role, session.identity_id, user.email,
                              session_expires_at=session.expires_at,
                              read_only=user.subscription_status in READ_ONLY_SUBSCRIPTIONS)
        ttl = self._ttl
        if session.expires_at is not None:
            ttl = min(ttl, int((session.expires_at - now).total_seconds()))
        self._cache.put(credential.token, _to_cache(principal, now.timestamp() + ttl), ttl_seconds=ttl)
        return principal

    def _from_cache(self, credential: Credential, now: datetime) -> Principal | None:
        value = self._cache.get(credential.token)
        if not value:
            return None
        try:
            if float(value["until"]) <= now.timestamp():
                return None
            expires = value.get("session_expires_at")
            return Principal(uuid.UUID(value["user_id"]), uuid.UUID(value["tenant_id"]), str(value["role"]),
                             str(value["identity_id"]), str(value["email"]),
                             session_expires_at=datetime.fromtimestamp(float(expires), tz=UTC) if expires else None,
                             read_only=bool(value.get("read_only", False)))
        except (KeyError, ValueError, TypeError):
            return None


def _to_cache(principal: Principal, until: float) -> dict[str, Any]:
    return {
        "user_id": str(principal.user_id), "tenant_id": str(principal.tenant_id), "role": principal.role,
        "identity_id": principal.identity_id, "email": principal.email, "until": until,
        "session_expires_at": principal.session_expires_at.timestamp() if principal.session_expires_at else None,
        "read_only": principal.read_only,
    }


class AuthInterceptor:
    """Authenticates the call, enforces the RPC's minimum role, and exposes the
    principal to the handler for the duration of the call only."""

    def __init__(self, authenticator: Authenticator, *, required_role: str, writes: bool = False) -> None:
        if required_role not in ROLE_RANK:
            raise ValueError(f"unknown role {required_role!r}")
        self._authenticator = authenticator
        self._required = required_role
        self._writes = writes

    def intercept_unary_sync(self, call_next: Callable[[Any, Any], Any], request: Any, ctx: Any, /) -> Any:
        principal = self._authenticator.authenticate(ctx.request_headers)
        if ROLE_RANK.get(principal.role, 0) < ROLE_RANK[self._required]:
            raise PermissionDenied(f"this needs the {self._required} role")
        if self._writes and principal.read_only:
            raise FailedPrecondition("this company's subscription has ended, so its workspace is read-only: everything "
                                     "can still be viewed and exported; an owner can renew the plan under Billing")
        token = current_principal.set(principal)
        try:
            return call_next(request, ctx)
        finally:
            current_principal.reset(token)
