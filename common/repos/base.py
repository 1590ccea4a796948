"""What every repository shares: the unit of work's session and its tenant."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session


class TenantRepository:
    """A repository of tenant-owned rows. RLS already limits every statement to
    the session's tenant; ``tenant_id`` is what new rows are stamped with."""

    def __init__(self, session: Session, tenant_id: uuid.UUID | None) -> None:
        self._session = session
        self._tenant_id = tenant_id

    @property
    def tenant_id(self) -> uuid.UUID:
        if self._tenant_id is None:
            raise RuntimeError(f"{type(self).__name__} needs a tenant session")
        return self._tenant_id
