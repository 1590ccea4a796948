"""What a handler knows about the call it serves."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: whose data this call may touch, and with which role."""

    user_id: uuid.UUID
    tenant_id: uuid.UUID
    role: str
    identity_id: str
    email: str
    session_expires_at: datetime | None = None
    """When the identity provider's session ends (None: it did not say)."""
    read_only: bool = False
    """The company's subscription has ended: its data can be read, not changed."""


# Set by the auth interceptor for the duration of one RPC, read by the call adapter.
current_principal: ContextVar[Principal | None] = ContextVar("current_principal", default=None)


@dataclass(frozen=True)
class Call:
    """Passed to every RPC handler next to its request."""

    principal: Principal | None
    container: Any
    headers: Any

    def require_principal(self) -> Principal:
        from common.errors import Unauthenticated

        if self.principal is None:
            raise Unauthenticated("sign in first: this RPC needs a session")
        return self.principal
