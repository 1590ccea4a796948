"""The sent-mail record (migration 0010): which requested mails went out, so each is sent once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import text

from common.repos.base import TenantRepository

MAX_ERROR_CHARS = 2000

MailState = Literal["claimed", "busy", "sent", "failed"]

# A new message, one whose last attempt failed for now, or one whose worker died mid-send.
_CLAIM = text("""
insert into sent_mails (tenant_id, message_id, template, status, attempts, lease_expires_at)
values (:tenant_id, :message_id, :template, 'sending', 1, now() + make_interval(secs => :lease))
on conflict (tenant_id, message_id) do update
  set status = 'sending', attempts = sent_mails.attempts + 1, lease_expires_at = excluded.lease_expires_at
  where sent_mails.status = 'retrying' or (sent_mails.status = 'sending' and sent_mails.lease_expires_at < now())
returning attempts
""")
_FINISH = text("""
update sent_mails set status = :status, lease_expires_at = null, last_error = :error,
  sent_at = case when :status = 'sent' then now() end
where tenant_id = :tenant_id and message_id = :message_id and status = 'sending'
""")


@dataclass(frozen=True)
class MailClaim:
    state: MailState
    """``claimed``: this caller may send now; ``busy``: another worker holds the lease;
    ``sent`` / ``failed``: already settled, nothing to do."""
    attempts: int


class SentMails(TenantRepository):
    def claim(self, message_id: uuid.UUID, *, template: str, lease_seconds: int) -> MailClaim:
        params = {"tenant_id": self.tenant_id, "message_id": message_id, "template": template, "lease": lease_seconds}
        attempts = self._session.execute(_CLAIM, params).scalar_one_or_none()
        if attempts is not None:
            return MailClaim("claimed", int(attempts))
        row = self._session.execute(
            text("select status, attempts from sent_mails where tenant_id = :tenant_id and message_id = :message_id"),
            params,
        ).one()
        return MailClaim("busy" if row.status in ("sending", "retrying") else row.status, int(row.attempts))

    def finish(self, message_id: uuid.UUID, *, status: Literal["sent", "retrying", "failed"], error: str | None = None) -> bool:
        """Settles this caller's claim; False when the claim was lost (its lease ended and another took it)."""
        result = self._session.execute(_FINISH, {
            "tenant_id": self.tenant_id, "message_id": message_id, "status": status,
            "error": error[:MAX_ERROR_CHARS] if error else None,
        })
        return bool(result.rowcount)  # type: ignore[attr-defined]
