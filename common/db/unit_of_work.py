"""The unit of work: one transaction and the repositories that use it.

Repositories only flush; the owning context manager commits or rolls back.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session


class UnitOfWork:
    def __init__(self, session: Session, *, tenant_id: uuid.UUID | None) -> None:
        self.session = session
        self.tenant_id = tenant_id
