"""An SME document upload end to end, as under ``make run``: a Connect client asks for an
upload URL, the file is PUT to the runner's embedded S3 (SeaweedFS), whose filer notifies
the runner; the broker delivers io.minio.object.created to accept_upload and the SME
landing, which marks the submission uploaded and queues io.mirai.ingestion.requested; the
broker hands that to ingest_submission, which asks Gemini (faked at its HTTP boundary) for
the chunk notes, so the document ends as searchable knowledge of its SME.
An oversized upload, or an object of another type, is deleted and the submission fails."""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from connectrpc.code import Code
from sqlalchemy import text

from common import storage_keys
from common.config import Settings
from common.db import Database
from common.errors import NotFound
from common.gen.mirai.v1 import sme_connect, tenant_settings_connect, tenant_settings_pb2
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.local.runner import embedded_s3
from tests.conftest import free_port
from tests.fakes.gemini import FakeGemini
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, new_user, owner
from tests.support.rpc_errors import fails
from tests.support.runner import RunningRunner, running_runner
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.e2e

LIMIT = 4096  # SME_SUBMISSION_MAX_BYTES of this runner
Client = sme_connect.SMEServiceClientSync


@pytest.fixture(scope="module")
def runner(settings: Settings, gemini: FakeGemini, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRunner]:
    data_dir: Path = tmp_path_factory.mktemp("mirai-sme")
    port = free_port()
    with ExitStack() as stack:
        changes = embedded_s3(settings.with_overrides(port=port), stack, data_dir)
        yield stack.enter_context(running_runner(
            settings, port=port, submission_max_bytes=LIMIT, encryption_key=os.urandom(32),
            gemini_api_base_url=gemini.url, gemini_max_attempts=1, **changes))


@pytest.fixture(scope="module")
def me(runner: RunningRunner, kratos: FakeKratos) -> Caller:
    """The owner of a tenant with a Gemini key, so its uploads are ingested to the end."""
    caller = owner(kratos, provision_tenant(runner.container.db))
    tenant_settings_connect.TenantSettingsServiceClientSync(runner.url).update_ai_settings(
        tenant_settings_pb2.UpdateAISettingsRequest(api_key="AIzaSy-" + uuid.uuid4().hex, model="gemini-2.5-flash"),
        headers=caller.headers)
    return caller


@pytest.fixture
def client(runner: RunningRunner) -> Iterator[Client]:
    with Client(runner.url) as built:
        yield built


def _put(url: str, body: bytes, content_type: str) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="PUT")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def _until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 90  # the upload's notification crosses the runner's S3, webhook and broker
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.1)


def _status(client: Client, me: Caller, submission_id: str) -> pb.Submission:
    return client.get_submission(pb.GetSubmissionRequest(submission_id=submission_id), headers=me.headers).submission


def _ingestion_rows(db: Database, submission_id: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(
            "select count(*) from outbox where type = 'io.mirai.ingestion.requested' and subject = :s"),
            {"s": submission_id}).scalar_one())


def _sme(client: Client, me: Caller) -> pb.SubjectMatterExpert:
    return client.create_sme(pb.CreateSMERequest(name="Safety handbook", domain="Forklifts"), headers=me.headers).sme


def test_a_put_to_the_upload_url_lands_and_becomes_searchable_knowledge(
        client: Client, me: Caller, runner: RunningRunner, owner_db: Database, gemini: FakeGemini) -> None:
    sme = _sme(client, me)
    body = b"# Forklift safety\n\nBrake gently on wet floors.\n"
    made = client.create_upload_url(pb.CreateUploadUrlRequest(
        sme_id=sme.id, file_name="safety.md", content_type="text/markdown", size_bytes=len(body)), headers=me.headers)
    assert made.submission.status == pb.SUBMISSION_STATUS_AWAITING_UPLOAD
    assert _put(made.upload_url, body, made.required_headers["Content-Type"]) == 200
    # Uploaded is only a passing state now that ingestion follows at once: wait for its end.
    finished = (pb.SUBMISSION_STATUS_PROCESSED, pb.SUBMISSION_STATUS_FAILED)
    _until(lambda: _status(client, me, made.submission_id).status in finished, "ingested")
    landed = _status(client, me, made.submission_id)
    assert landed.status == pb.SUBMISSION_STATUS_PROCESSED, landed.error_message
    assert landed.size_bytes == len(body) and landed.uploaded_at.seconds > 0
    assert _ingestion_rows(owner_db, made.submission_id) == 1
    assert gemini.requests, "the chunk notes come from the AI provider"
    got = client.get_sme(pb.GetSMERequest(sme_id=sme.id), headers=me.headers).sme
    assert got.status == pb.SME_STATUS_READY and got.submission_count == 1
    chunks = client.list_knowledge_chunks(pb.ListKnowledgeChunksRequest(sme_id=sme.id), headers=me.headers).chunks
    assert chunks and all(c.submission_id == made.submission_id for c in chunks)
    assert any("wet floors" in c.content for c in chunks)
    found = client.search_knowledge(pb.SearchKnowledgeRequest(query="wet floors", sme_ids=[sme.id]), headers=me.headers)
    assert [r.chunk.source_file_name for r in found.results][:1] == ["safety.md"]
    download = client.get_submission_download_url(
        pb.GetSubmissionDownloadUrlRequest(submission_id=made.submission_id), headers=me.headers)
    with urllib.request.urlopen(download.download_url, timeout=30) as response:
        assert response.read() == body


def test_an_oversized_upload_is_deleted_and_the_submission_fails(client: Client, me: Caller, runner: RunningRunner,
                                                                 owner_db: Database) -> None:
    sme = _sme(client, me)
    made = client.create_upload_url(pb.CreateUploadUrlRequest(
        sme_id=sme.id, file_name="big.txt", content_type="text/plain", size_bytes=10), headers=me.headers)
    assert _put(made.upload_url, b"x" * (LIMIT + 1), "text/plain") == 200  # a presigned PUT cannot bound the body
    _until(lambda: _status(client, me, made.submission_id).status == pb.SUBMISSION_STATUS_FAILED, "refused")
    assert "more than the 4096 bytes allowed" in _status(client, me, made.submission_id).error_message
    key = storage_keys.submission_file(me.tenant.tenant_id, made.submission_id, "big.txt")
    with pytest.raises(NotFound):
        runner.container.storage.get(key)
    assert _ingestion_rows(owner_db, made.submission_id) == 0


def test_an_object_of_another_type_is_deleted(client: Client, me: Caller, runner: RunningRunner,
                                              owner_db: Database) -> None:
    sme = _sme(client, me)
    made = client.create_upload_url(pb.CreateUploadUrlRequest(
        sme_id=sme.id, file_name="slides.pdf", content_type="application/pdf", size_bytes=20), headers=me.headers)
    key = storage_keys.submission_file(me.tenant.tenant_id, made.submission_id, "slides.pdf")
    # Written with the server's own credentials: the URL would not sign another type.
    runner.container.storage.put(key, b"<html>not a pdf</html>", "text/html")
    _until(lambda: _status(client, me, made.submission_id).status == pb.SUBMISSION_STATUS_FAILED, "refused")
    with pytest.raises(NotFound):
        runner.container.storage.get(key)
    assert _ingestion_rows(owner_db, made.submission_id) == 0


def test_members_are_refused_what_the_access_table_keeps_for_admins(client: Client, me: Caller, runner: RunningRunner,
                                                                    kratos: FakeKratos) -> None:
    sme = _sme(client, me)
    member = new_user(runner.container, kratos, me.tenant, role="member")
    team = client.create_sme(pb.CreateSMERequest(name="Open"), headers=me.headers).sme
    for call in (lambda: client.delete_sme(pb.DeleteSMERequest(sme_id=sme.id), headers=member.headers),
                 lambda: client.revoke_team_access(pb.RevokeTeamAccessRequest(sme_id=team.id, team_ids=[sme.id]),
                                                   headers=member.headers)):
        assert fails(call).code == Code.PERMISSION_DENIED
    # What members may do, they do: a global SME is theirs to read.
    assert client.get_sme(pb.GetSMERequest(sme_id=sme.id), headers=member.headers).can_edit is False
