"""The SME repositories as mirai_app under RLS: another tenant's SMEs, tasks, submissions
and chunks cannot be read, changed, referenced or found, whatever ids a caller passes."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from common.db import Database
from common.errors import NotFound
from functions.bootstrap import Container
from tests.integration.sme.conftest import add_chunk, rows
from tests.support.course_actors import Tenant

pytestmark = pytest.mark.integration


def test_another_tenants_sme_rows_are_out_of_reach(container: Container, owner_db: Database, tenant: Tenant,
                                                   other_tenant: Tenant) -> None:
    a = tenant.ids
    add_chunk(owner_db, tenant.id, str(a["sme"]), title="Zeppelin rules", content="Moor the zeppelin in hall B.",
              language="english")
    with container.db.tenant_session(other_tenant.id) as uow:
        with pytest.raises(NotFound):
            uow.smes.get(a["sme"])
        assert uow.smes.visible_ids([a["sme"]], visible_teams=None) == []
        with pytest.raises(NotFound):
            uow.sme_tasks.get(a["task"])
        assert uow.sme_submissions.find(a["submission"]) is None
        assert uow.sme_submissions.land(a["submission"], object_key="data/x", size_bytes=1) is None
        assert uow.sme_submissions.fail(a["submission"], object_key="data/x", reason="x") is False
        assert uow.sme_submissions.requeue(a["submission"], from_statuses=("awaiting_upload",)) is None
        with pytest.raises(NotFound):
            uow.sme_submissions.delete(a["submission"])
        assert uow.sme_tasks.change(a["task"], {"title": "taken"}, from_statuses=("open",)) is None
        assert uow.knowledge_chunks.count(a["sme"]) == 0
        assert uow.knowledge_chunks.page(a["sme"]).items == []
        # Naming A's SME, or every SME of the session's tenant: nothing of A is found.
        assert uow.knowledge_chunks.search("zeppelin", sme_ids=[a["sme"]], limit=10).hits == []
        assert uow.knowledge_chunks.search("zeppelin", sme_ids=None, limit=10).hits == []
        with pytest.raises(NotFound):
            uow.smes.delete(a["sme"])
    # A's rows are as they were.
    (task,) = rows(owner_db, "select title from sme_tasks where id = :t", t=a["task"])
    (sub,) = rows(owner_db, "select status from sme_task_submissions where id = :s", s=a["submission"])
    assert (task.title, sub.status) == ("Upload the manual", "awaiting_upload")
    with container.db.tenant_session(tenant.id) as uow:
        assert [h.chunk.title for h in uow.knowledge_chunks.search("zeppelin", sme_ids=[a["sme"]], limit=10).hits] == [
            "Zeppelin rules"]


def test_another_tenants_sme_or_team_cannot_be_referenced(container: Container, tenant: Tenant,
                                                          other_tenant: Tenant) -> None:
    b = other_tenant.ids
    with container.db.tenant_session(tenant.id) as uow:
        sme = uow.smes.add(values={"name": "Mine", "scope": "team"}, team_ids=[], created_by=None)
        with pytest.raises(NotFound):
            uow.sme_tasks.add(sme_id=b["sme"], values={"title": "x", "assignee_id": tenant.ids["owner"]},
                              created_by=None)
        with pytest.raises(NotFound):
            uow.sme_tasks.add(sme_id=sme.id, values={"title": "x", "assignee_id": b["owner"]}, created_by=None)
    with pytest.raises(IntegrityError), container.db.tenant_session(tenant.id) as uow:
        uow.smes.grant(sme.id, [b["team"]], granted_by=None)
    with pytest.raises(IntegrityError), container.db.tenant_session(tenant.id) as uow:
        uow.sme_submissions.add(submission_id=uuid.uuid4(), sme_id=b["sme"], task_id=None, file_name="a.pdf",
                                content_type="application/pdf", size_bytes=1, object_key=f"data/{uuid.uuid4()}",
                                uploaded_by=None)
