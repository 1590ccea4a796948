"""Seats of the tenant's company: paid (the subscription's quantity), used, reserved.

Used seats are the active users; reserved seats are pending invitations that hold one
and have not expired (an expired invitation frees its seat at once, before the hourly
cleanup marks it). Every transaction that takes or changes seats (creating or
accepting an invitation, changing the paid quantity, enabling a user) first calls
``usage(lock=True)``, which locks the company row: such transactions of one tenant run
one after another, so the last free seat is handed out exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select

from common.db.tables import companies, invitations, users
from common.errors import NotFound
from common.repos.base import TenantRepository


@dataclass(frozen=True)
class SeatUsage:
    paid: int
    used: int
    reserved: int

    @property
    def free(self) -> int:
        return max(self.paid - self.used - self.reserved, 0)


class Seats(TenantRepository):
    def usage(self, *, lock: bool = False) -> SeatUsage:
        """The company's seats now; ``lock`` holds the company row until the transaction ends."""
        paid_stmt = select(companies.c.seat_count).where(companies.c.tenant_id == self.tenant_id)
        if lock:
            paid_stmt = paid_stmt.with_for_update()
        paid = self._session.execute(paid_stmt).scalar()
        if paid is None:
            raise NotFound("company not found")
        used = select(func.count()).select_from(users).where(
            and_(users.c.tenant_id == self.tenant_id, users.c.status == "active")
        ).scalar_subquery()
        reserved = select(func.count()).select_from(invitations).where(
            and_(
                invitations.c.tenant_id == self.tenant_id,
                invitations.c.status == "pending",
                invitations.c.seat_reserved.is_(True),
                invitations.c.expires_at > func.now(),
            )
        ).scalar_subquery()
        row = self._session.execute(select(used, reserved)).one()
        return SeatUsage(paid=int(paid), used=int(row[0]), reserved=int(row[1]))
