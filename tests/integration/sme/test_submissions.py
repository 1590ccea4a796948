"""Submissions: upload URLs, the landing of S3's object-created notification (accept_upload
→ functions/sme/landing.py), reprocessing, downloads and deletion."""

from __future__ import annotations

import time
import urllib.parse
import urllib.request

import pytest
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from functions.jobs.accept_upload import accept_upload
from tests.fakes.kratos import FakeKratos
from tests.integration.sme.conftest import add_chunk, add_team_member, object_created, rows, sme_api
from tests.support.course_actors import Tenant, error_of

pytestmark = pytest.mark.integration

PDF = "application/pdf"


def _sme(container: Container, tenant: Tenant) -> pb.SubjectMatterExpert:
    return sme_api(container, tenant.lead).create_sme(name="Cranes", scope=pb.SME_SCOPE_TEAM,
                                                      team_ids=[str(tenant.ids["team"])]).sme


def _ingestion_events(owner_db: Database, submission_id: str) -> list:
    return rows(owner_db, "select data from outbox where type = 'io.mirai.ingestion.requested' and subject = :s",
                s=submission_id)


def _upload(container: Container, tenant: Tenant, sme_id: str, body: bytes = b"%PDF-1.7 cranes",
            name: str = "Crane manual.pdf") -> tuple[pb.CreateUploadUrlResponse, str]:
    made = sme_api(container, tenant.lead).create_upload_url(sme_id=sme_id, file_name=name, content_type=PDF,
                                                             size_bytes=len(body))
    key = storage_keys.submission_file(tenant.id, made.submission_id, name)
    container.storage.put(key, body, PDF)
    return made, key


def test_an_upload_url_records_an_awaiting_submission(container: Container, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    made = sme_api(container, tenant.lead).create_upload_url(sme_id=sme.id, file_name="Crane manual.pdf",
                                                             content_type=" Application/PDF ", size_bytes=2048)
    sub = made.submission
    assert (sub.id, sub.status, sub.content_type, sub.size_bytes, sub.file_name) == (
        made.submission_id, pb.SUBMISSION_STATUS_AWAITING_UPLOAD, PDF, 2048, "Crane manual.pdf")
    assert dict(made.required_headers) == {"Content-Type": PDF}
    url = urllib.parse.urlparse(made.upload_url)
    key = storage_keys.submission_file(tenant.id, made.submission_id, "Crane manual.pdf")
    assert urllib.parse.unquote(url.path).endswith(container.storage.full_key(key))
    query = urllib.parse.parse_qs(url.query)
    ttl = container.settings.s3.presign_ttl_seconds
    assert abs(made.expires_at.seconds - (time.time() + ttl)) < 30
    if "X-Amz-Expires" in query:  # SigV4 signs the content type as a header
        assert query["X-Amz-Expires"] == [str(ttl)] and "content-type" in query["X-Amz-SignedHeaders"][0]
    else:  # SigV2 query auth: an absolute expiry; the content type is part of the string signed
        assert abs(int(query["Expires"][0]) - made.expires_at.seconds) < 30


def test_bad_upload_requests_are_refused_by_field(container: Container, owner_db: Database, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    lead = sme_api(container, tenant.lead)
    limit = container.settings.submission_max_bytes
    cases = [
        (dict(file_name="a.pdf", content_type=PDF, size_bytes=1), "sme_id", dict(sme_id="")),
        (dict(file_name="a.png", content_type="image/png", size_bytes=1), "content_type", {}),
        (dict(file_name="a.docx", content_type=PDF, size_bytes=1), "file_name", {}),
        (dict(file_name="../a.pdf", content_type=PDF, size_bytes=1), "file_name", {}),
        (dict(file_name="a.pdf", content_type=PDF, size_bytes=0), "size_bytes", {}),
        (dict(file_name="a.pdf", content_type=PDF, size_bytes=limit + 1), "size_bytes", {}),
        (dict(file_name="a.pdf", content_type=PDF, size_bytes=1, task_id="nope"), "task_id", {}),
    ]
    for fields, field, extra in cases:
        err = error_of(lambda fields=fields, extra=extra: lead.create_upload_url(**{"sme_id": sme.id, **fields, **extra}))
        assert isinstance(err, InvalidArgument) and err.field == field, (fields, err)
    assert rows(owner_db, "select count(*) from sme_task_submissions where sme_id = :s", s=sme.id)[0][0] == 0


def test_a_landed_upload_is_uploaded_and_queues_ingestion_once(container: Container, owner_db: Database,
                                                               tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    body = b"%PDF-1.7 cranes lift"
    made, key = _upload(container, tenant, sme.id, body)
    event = object_created(container, key, size=len(body), content_type=PDF)
    accept_upload(container)(event)
    accept_upload(container)(object_created(container, key, size=len(body), content_type=PDF))  # redelivered
    got = sme_api(container, tenant.lead).get_submission(submission_id=made.submission_id).submission
    assert got.status == pb.SUBMISSION_STATUS_UPLOADED and got.size_bytes == len(body) and got.uploaded_at.seconds > 0
    (queued,) = _ingestion_events(owner_db, made.submission_id)
    assert queued.data == {"tenant_id": str(tenant.id), "submission_id": made.submission_id, "sme_id": sme.id}
    assert sme_api(container, tenant.lead).get_sme(sme_id=sme.id).sme.status == pb.SME_STATUS_INGESTING
    assert container.storage.get(key) == body


@pytest.mark.parametrize("problem", ["oversized", "wrong type", "empty"])
def test_an_upload_that_breaks_its_url_is_deleted_and_the_submission_fails(
        problem: str, container: Container, owner_db: Database, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    made, key = _upload(container, tenant, sme.id)
    size = {"oversized": container.settings.submission_max_bytes + 1, "empty": 0}.get(problem, 15)
    content_type = "text/html" if problem == "wrong type" else PDF
    accept_upload(container)(object_created(container, key, size=size, content_type=content_type))
    with pytest.raises(NotFound):
        container.storage.get(key)
    got = sme_api(container, tenant.lead).get_submission(submission_id=made.submission_id).submission
    assert got.status == pb.SUBMISSION_STATUS_FAILED and got.error_message
    assert _ingestion_events(owner_db, made.submission_id) == []


def test_an_object_no_submission_awaits_is_deleted(container: Container, owner_db: Database, tenant: Tenant,
                                                   other_tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    made, _ = _upload(container, tenant, sme.id)
    # Tenant B's prefix naming tenant A's submission: RLS hides A's row from B's landing.
    forged = storage_keys.submission_file(other_tenant.id, made.submission_id, "Crane manual.pdf")
    renamed = storage_keys.submission_file(tenant.id, made.submission_id, "other.pdf")
    for key in (forged, renamed):
        container.storage.put(key, b"%PDF", PDF)
        accept_upload(container)(object_created(container, key, size=4, content_type=PDF))
        with pytest.raises(NotFound):
            container.storage.get(key)
    got = sme_api(container, tenant.lead).get_submission(submission_id=made.submission_id).submission
    assert got.status == pb.SUBMISSION_STATUS_AWAITING_UPLOAD


def test_a_second_different_write_to_a_used_url_is_refused(container: Container, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    made, key = _upload(container, tenant, sme.id, b"%PDF-1.7")
    accept_upload(container)(object_created(container, key, size=8, content_type=PDF))
    container.storage.put(key, b"%PDF-1.7 and much more", PDF)
    accept_upload(container)(object_created(container, key, size=22, content_type=PDF))
    with pytest.raises(NotFound):
        container.storage.get(key)
    got = sme_api(container, tenant.lead).get_submission(submission_id=made.submission_id).submission
    assert got.status == pb.SUBMISSION_STATUS_FAILED


def test_the_assignee_of_a_task_uploads_and_the_task_becomes_submitted(
        container: Container, owner_db: Database, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    task = sme_api(container, tenant.lead).create_task(
        sme_id=sme.id, assignee_user_id=str(tenant.outsider.principal.user_id), title="Manual").task
    outsider = sme_api(container, tenant.outsider)
    made = outsider.create_upload_url(task_id=task.id, file_name="notes.md", content_type="text/markdown", size_bytes=4)
    key = storage_keys.submission_file(tenant.id, made.submission_id, "notes.md")
    container.storage.put(key, b"# Hi", "text/markdown")
    accept_upload(container)(object_created(container, key, size=4, content_type="text/markdown"))
    assert outsider.get_task(task_id=task.id).task.status == pb.SME_TASK_STATUS_SUBMITTED
    listed = outsider.list_submissions(task_id=task.id)
    assert [s.id for s in listed.submissions] == [made.submission_id] and listed.total_count == 1
    # The uploader sees their own file, not the SME's others.
    assert outsider.get_submission(submission_id=made.submission_id).submission.task_id == task.id
    assert isinstance(error_of(lambda: outsider.list_submissions(sme_id=sme.id)), NotFound)
    assert isinstance(error_of(lambda: outsider.create_upload_url(sme_id=sme.id, file_name="x.md",
                                                                  content_type="text/markdown", size_bytes=1)), NotFound)
    sme_api(container, tenant.lead).cancel_task(task_id=task.id)
    closed = error_of(lambda: outsider.create_upload_url(task_id=task.id, file_name="y.md",
                                                         content_type="text/markdown", size_bytes=1))
    assert isinstance(closed, FailedPrecondition)


def test_reprocess_download_and_delete(container: Container, owner_db: Database, kratos: FakeKratos,
                                       tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    lead = sme_api(container, tenant.lead)
    made, key = _upload(container, tenant, sme.id)
    early = error_of(lambda: lead.get_submission_download_url(submission_id=made.submission_id))
    assert isinstance(early, FailedPrecondition)
    accept_upload(container)(object_created(container, key, size=15, content_type=PDF))
    busy = error_of(lambda: lead.reprocess_submission(submission_id=made.submission_id))
    assert isinstance(busy, FailedPrecondition)
    with owner_db.engine.begin() as conn:  # as ingestion leaves it
        conn.execute(text("update sme_task_submissions set status = 'failed', error_message = 'scanned PDF'"
                          " where id = :s"), {"s": made.submission_id})
    member = add_team_member(owner_db, kratos, tenant)
    assert isinstance(error_of(lambda: sme_api(container, member).reprocess_submission(
        submission_id=made.submission_id)), PermissionDenied)
    again = lead.reprocess_submission(submission_id=made.submission_id).submission
    assert again.status == pb.SUBMISSION_STATUS_UPLOADED and again.error_message == ""
    assert len(_ingestion_events(owner_db, made.submission_id)) == 2
    download = sme_api(container, member).get_submission_download_url(submission_id=made.submission_id)
    assert download.file_name == "Crane manual.pdf" and download.size_bytes == 15
    with urllib.request.urlopen(download.download_url, timeout=10) as response:
        assert response.read() == b"%PDF-1.7 cranes"
    assert download.expires_at.seconds > time.time()
    add_chunk(owner_db, tenant.id, sme.id, title="Load", content="Max load 5 t", submission_id=made.submission_id)
    assert isinstance(error_of(lambda: sme_api(container, member).delete_submission(
        submission_id=made.submission_id)), PermissionDenied)
    assert lead.delete_submission(submission_id=made.submission_id).deleted_chunk_count == 1
    with pytest.raises(NotFound):
        container.storage.get(key)
    assert isinstance(error_of(lambda: lead.get_submission(submission_id=made.submission_id)), NotFound)
    assert lead.get_sme(sme_id=sme.id).sme.status == pb.SME_STATUS_EMPTY


def test_chunks_are_listed_in_reading_order_page_by_page(container: Container, owner_db: Database,
                                                         tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    first, _ = _upload(container, tenant, sme.id, name="a.pdf")
    second, _ = _upload(container, tenant, sme.id, name="b.pdf")
    made = [add_chunk(owner_db, tenant.id, sme.id, title=f"{sub} {n}", content="text", submission_id=sub, position=n)
            for sub in sorted([first.submission_id, second.submission_id]) for n in (1, 0)]
    loose = add_chunk(owner_db, tenant.id, sme.id, title="loose", content="text")
    lead = sme_api(container, tenant.lead)
    seen, token = [], ""
    while True:
        page = lead.list_knowledge_chunks(sme_id=sme.id, page_size=2, page_token=token)
        seen += [(c.submission_id, c.position) for c in page.chunks]
        assert page.total_count == 5
        token = page.next_page_token
        if not token:
            break
    subs = sorted([first.submission_id, second.submission_id])
    assert seen == [(subs[0], 0), (subs[0], 1), (subs[1], 0), (subs[1], 1), ("", 0)]
    del made, loose
    only = lead.list_knowledge_chunks(sme_id=sme.id, submission_id=first.submission_id)
    assert {c.submission_id for c in only.chunks} == {first.submission_id} and only.total_count == 2
    assert isinstance(error_of(lambda: lead.list_knowledge_chunks(sme_id=sme.id, page_token="eA")), InvalidArgument)
