"""Submissions as the SME upload landing leaves them (object in storage, row ``uploaded``),
for the ingestion job's tests and bench; the SMEService RPCs are another area's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from cloudevents.http import CloudEvent
from sqlalchemy import text

from common import storage_keys
from common.adapters.crypto import mask_api_key
from common.repos.tenant_ai_settings import NewKey
from tests.support.tenants import SeededTenant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
API_KEY = "AIzaSy-ingest"
TYPES = {".pdf": "application/pdf", ".txt": "text/plain", ".md": "text/markdown", ".html": "text/html",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def give_ai_key(container: object, tenant: SeededTenant) -> None:
    keyring, db = container.keyring, container.db  # type: ignore[attr-defined]
    key = NewKey(sealed=keyring.encrypt(API_KEY, tenant.tenant_id), mask=mask_api_key(API_KEY), status="valid",
                 checked_at=datetime.now(UTC))
    with db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        uow.ai_settings.upsert(updated_by=tenant.owner_id, model="gemini-2.5-flash", key=key)


def add_sme(container: object, tenant: SeededTenant) -> uuid.UUID:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:  # type: ignore[attr-defined]
        return uow.session.execute(text(  # type: ignore[no-any-return]
            "insert into subject_matter_experts (tenant_id, name, scope, status, created_by) "
            "values (:t, 'Safety', 'global', 'ingesting', :u) returning id"), {"t": tenant.tenant_id, "u": tenant.owner_id},
        ).scalar_one()


def upload(container: object, tenant: SeededTenant, sme_id: uuid.UUID, name: str, data: bytes | None = None) -> uuid.UUID:
    """A submission whose object is in storage and whose row is ``uploaded``."""
    storage, db = container.storage, container.db  # type: ignore[attr-defined]
    submission_id = uuid.uuid4()
    key = storage_keys.submission_file(tenant.tenant_id, submission_id, name)
    body = (FIXTURES / name).read_bytes() if data is None else data
    content_type = TYPES[Path(name).suffix]
    storage.put(key, body, content_type)
    with db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        uow.session.execute(text("""
            insert into sme_task_submissions (id, tenant_id, sme_id, file_name, content_type, size_bytes, object_key,
                                              status, uploaded_by, uploaded_at)
            values (:id, :t, :s, :name, :type, :size, :key, 'uploaded', :u, now())"""), {
            "id": submission_id, "t": tenant.tenant_id, "s": sme_id, "name": name, "type": content_type,
            "size": len(body), "key": storage.full_key(key), "u": tenant.owner_id})
    return submission_id


def requested(tenant: SeededTenant, sme_id: uuid.UUID, submission_id: uuid.UUID, **extra: str) -> CloudEvent:
    return CloudEvent({"type": "io.mirai.ingestion.requested", "source": "/mirai/sme", "id": str(uuid.uuid4())},
                      {"tenant_id": str(tenant.tenant_id), "sme_id": str(sme_id), "submission_id": str(submission_id),
                       **extra})
