"""SMEService's input rules through the runner: empty and malformed requests are
``invalid_argument`` with a message that starts with the field's name, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from connectrpc.code import Code
from sqlalchemy import text

from common.db import Database
from common.gen.mirai.v1 import sme_connect
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from functions.registry import snake_case
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, owner
from tests.support.rpc_errors import fails
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.e2e

Client = sme_connect.SMEServiceClientSync
NOT_AN_ID = "not-an-id"


@pytest.fixture(scope="module")
def me(container: Container, kratos: FakeKratos) -> Caller:
    return owner(kratos, provision_tenant(container.db))


@pytest.fixture(scope="module")
def client(runner_url: str) -> Iterator[Client]:
    with Client(runner_url) as built:
        yield built


@pytest.fixture(scope="module")
def sme(client: Client, me: Caller) -> pb.SubjectMatterExpert:
    return client.create_sme(pb.CreateSMERequest(name="Valid"), headers=me.headers).sme


CASES: list[tuple[str, str, Any]] = [
    ("create_sme", "name", lambda s: pb.CreateSMERequest()),
    ("create_sme", "scope", lambda s: pb.CreateSMERequest(name="x", scope=9)),
    ("create_sme", "team_ids", lambda s: pb.CreateSMERequest(name="x", scope=pb.SME_SCOPE_TEAM)),
    ("get_sme", "sme_id", lambda s: pb.GetSMERequest()),
    ("get_sme", "sme_id", lambda s: pb.GetSMERequest(sme_id=NOT_AN_ID)),
    ("list_smes", "page_token", lambda s: pb.ListSmesRequest(page_token="%%%")),
    ("list_smes", "page_size", lambda s: pb.ListSmesRequest(page_size=-1)),
    ("update_sme", "name", lambda s: pb.UpdateSMERequest(sme_id=s.id, name="")),
    ("delete_sme", "sme_id", lambda s: pb.DeleteSMERequest()),
    ("grant_team_access", "team_ids", lambda s: pb.GrantTeamAccessRequest(sme_id=s.id)),
    ("revoke_team_access", "team_ids", lambda s: pb.RevokeTeamAccessRequest(sme_id=s.id, team_ids=[NOT_AN_ID])),
    ("create_task", "assignee_user_id", lambda s: pb.CreateTaskRequest(sme_id=s.id, title="x")),
    ("create_task", "title", lambda s: pb.CreateTaskRequest(sme_id=s.id, assignee_user_id=s.created_by.id)),
    ("get_task", "task_id", lambda s: pb.GetTaskRequest()),
    ("list_tasks", "statuses", lambda s: pb.ListTasksRequest(statuses=[42])),
    ("update_task", "task_id", lambda s: pb.UpdateTaskRequest(task_id=NOT_AN_ID)),
    ("complete_task", "task_id", lambda s: pb.CompleteTaskRequest()),
    ("cancel_task", "task_id", lambda s: pb.CancelTaskRequest()),
    ("create_upload_url", "sme_id", lambda s: pb.CreateUploadUrlRequest()),
    ("create_upload_url", "content_type", lambda s: pb.CreateUploadUrlRequest(
        sme_id=s.id, file_name="a.exe", content_type="application/x-msdownload", size_bytes=1)),
    ("create_upload_url", "file_name", lambda s: pb.CreateUploadUrlRequest(
        sme_id=s.id, file_name="", content_type="application/pdf", size_bytes=1)),
    ("create_upload_url", "size_bytes", lambda s: pb.CreateUploadUrlRequest(
        sme_id=s.id, file_name="a.pdf", content_type="application/pdf", size_bytes=-5)),
    ("list_submissions", "sme_id", lambda s: pb.ListSubmissionsRequest()),
    ("get_submission", "submission_id", lambda s: pb.GetSubmissionRequest()),
    ("get_submission_download_url", "submission_id", lambda s: pb.GetSubmissionDownloadUrlRequest(
        submission_id=NOT_AN_ID)),
    ("reprocess_submission", "submission_id", lambda s: pb.ReprocessSubmissionRequest()),
    ("delete_submission", "submission_id", lambda s: pb.DeleteSubmissionRequest()),
    ("list_knowledge_chunks", "sme_id", lambda s: pb.ListKnowledgeChunksRequest()),
    ("list_knowledge_chunks", "submission_id", lambda s: pb.ListKnowledgeChunksRequest(
        sme_id=s.id, submission_id=NOT_AN_ID)),
    ("search_knowledge", "query", lambda s: pb.SearchKnowledgeRequest()),
    ("search_knowledge", "limit", lambda s: pb.SearchKnowledgeRequest(query="x", limit=-3)),
    ("search_knowledge", "min_score", lambda s: pb.SearchKnowledgeRequest(query="x", min_score=2)),
    ("search_knowledge", "sme_ids", lambda s: pb.SearchKnowledgeRequest(query="x", sme_ids=[NOT_AN_ID])),
]


def _stored(db: Database, tenant_id: object) -> tuple[int, ...]:
    with db.engine.connect() as conn:
        return tuple(int(conn.execute(text(f"select count(*) from {table} where tenant_id = :t"), {"t": tenant_id})
                         .scalar_one())
                     for table in ("subject_matter_experts", "sme_team_access", "sme_tasks", "sme_task_submissions"))


def test_every_rpc_has_a_case() -> None:
    methods = {snake for snake, _, _ in CASES}
    assert methods == {snake_case(m.name) for m in pb.DESCRIPTOR.services_by_name["SMEService"].methods}


@pytest.mark.parametrize(("method", "field", "request_of"), CASES, ids=[f"{m}-{f}" for m, f, _ in CASES])
def test_a_bad_request_is_invalid_argument_naming_its_field(
        method: str, field: str, request_of: Any, client: Client, me: Caller, sme: pb.SubjectMatterExpert,
        owner_db: Database) -> None:
    before = _stored(owner_db, me.tenant.tenant_id)
    err = fails(getattr(client, method), request_of(sme), headers=me.headers)
    assert err.code == Code.INVALID_ARGUMENT and err.message.startswith(f"{field}: "), err.message
    assert _stored(owner_db, me.tenant.tenant_id) == before
