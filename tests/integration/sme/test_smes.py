"""SMEs: who creates, sees, edits and administers them; team access; deletion."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import Conflict, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.integration.sme.conftest import add_chunk, add_team_member, rows, sme_api
from tests.support.course_actors import Tenant, error_of

pytestmark = pytest.mark.integration


def _team_sme(container: Container, tenant: Tenant, name: str = "Forklift safety") -> pb.SubjectMatterExpert:
    return sme_api(container, tenant.lead).create_sme(
        name=name, scope=pb.SME_SCOPE_TEAM, team_ids=[str(tenant.ids["team"])]).sme


def test_an_owner_creates_a_global_sme_every_member_uses_but_cannot_edit(container: Container, tenant: Tenant) -> None:
    sme = sme_api(container, tenant.owner).create_sme(name="  Plant handbook ", domain="Safety", description="All of it").sme
    assert (sme.name, sme.scope, sme.status, list(sme.team_ids)) == ("Plant handbook", pb.SME_SCOPE_GLOBAL,
                                                                    pb.SME_STATUS_EMPTY, [])
    assert sme.created_by.id == str(tenant.owner.principal.user_id) and sme.etag
    got = sme_api(container, tenant.outsider).get_sme(sme_id=sme.id)
    assert got.sme == sme and got.can_edit is False
    assert sme_api(container, tenant.owner).get_sme(sme_id=sme.id).can_edit is True
    listed = sme_api(container, tenant.outsider).list_smes(query="handbook")
    assert [s.id for s in listed.smes] == [sme.id] and listed.total_count == 1


def test_a_team_scoped_sme_is_invisible_to_a_member_outside_its_teams(
        container: Container, owner_db: Database, tenant: Tenant) -> None:
    sme = _team_sme(container, tenant)
    add_chunk(owner_db, tenant.id, sme.id, title="Forklift braking", content="Brake gently on wet floors.")
    outsider = sme_api(container, tenant.outsider)
    refusals = [
        error_of(lambda: outsider.get_sme(sme_id=sme.id)),
        error_of(lambda: outsider.list_knowledge_chunks(sme_id=sme.id)),
        error_of(lambda: outsider.list_submissions(sme_id=sme.id)),
        error_of(lambda: outsider.search_knowledge(query="forklift", sme_ids=[sme.id])),
        error_of(lambda: outsider.create_upload_url(sme_id=sme.id, file_name="a.pdf", content_type="application/pdf",
                                                    size_bytes=10)),
        error_of(lambda: outsider.create_task(sme_id=sme.id, assignee_user_id=str(tenant.outsider.principal.user_id),
                                              title="x")),
        error_of(lambda: outsider.update_sme(sme_id=sme.id, name="x")),
        error_of(lambda: outsider.grant_team_access(sme_id=sme.id, team_ids=[str(tenant.ids["team"])])),
    ]
    assert {type(e) for e in refusals} == {NotFound}
    assert sme.id not in [s.id for s in outsider.list_smes().smes]
    assert outsider.search_knowledge(query="forklift braking").results == []
    # Its team sees and finds it.
    lead = sme_api(container, tenant.lead)
    assert lead.get_sme(sme_id=sme.id).can_edit is True
    assert [r.chunk.sme_id for r in lead.search_knowledge(query="forklift braking").results] == [sme.id]


def test_who_may_create_which_sme(container: Container, owner_db: Database, kratos: FakeKratos, tenant: Tenant,
                                  other_tenant: Tenant) -> None:
    team = str(tenant.ids["team"])
    assert isinstance(error_of(lambda: sme_api(container, tenant.lead).create_sme(name="Global")), PermissionDenied)
    member = add_team_member(owner_db, kratos, tenant)
    refused = error_of(lambda: sme_api(container, member).create_sme(name="T", scope=pb.SME_SCOPE_TEAM, team_ids=[team]))
    assert isinstance(refused, PermissionDenied)
    hidden = error_of(lambda: sme_api(container, tenant.outsider).create_sme(name="T", scope=pb.SME_SCOPE_TEAM,
                                                                              team_ids=[team]))
    assert isinstance(hidden, NotFound) and hidden.field == "team_ids"
    foreign = error_of(lambda: sme_api(container, tenant.owner).create_sme(
        name="T", scope=pb.SME_SCOPE_TEAM, team_ids=[str(other_tenant.ids["team"])]))
    assert isinstance(foreign, NotFound) and foreign.field == "team_ids"
    for bad, field in ((dict(name=" "), "name"), (dict(name="x" * 201), "name"),
                       (dict(name="T", scope=pb.SME_SCOPE_TEAM), "team_ids"),
                       (dict(name="T", team_ids=[team]), "team_ids"), (dict(name="T", scope=7), "scope"),
                       (dict(name="T", scope=pb.SME_SCOPE_TEAM, team_ids=["nope"]), "team_ids")):
        err = error_of(lambda bad=bad: sme_api(container, tenant.owner).create_sme(**bad))
        assert isinstance(err, InvalidArgument) and err.field == field, (bad, err)
    assert rows(owner_db, "select count(*) from subject_matter_experts where tenant_id = :t and name = 'T'",
                t=tenant.id)[0][0] == 0


def test_editing_follows_the_creator_who_leads_its_team(container: Container, owner_db: Database, kratos: FakeKratos,
                                                         tenant: Tenant) -> None:
    sme = _team_sme(container, tenant)
    lead = sme_api(container, tenant.lead)
    renamed = lead.update_sme(sme_id=sme.id, name="Forklifts", if_match=sme.etag).sme
    assert renamed.name == "Forklifts" and renamed.etag != sme.etag
    stale = error_of(lambda: lead.update_sme(sme_id=sme.id, name="Again", if_match=sme.etag))
    assert isinstance(stale, Conflict) and stale.field == "if_match"
    assert isinstance(error_of(lambda: lead.update_sme(sme_id=sme.id, scope=pb.SME_SCOPE_GLOBAL)), PermissionDenied)
    member = add_team_member(owner_db, kratos, tenant)
    seen = sme_api(container, member).get_sme(sme_id=sme.id)
    assert seen.can_edit is False
    assert isinstance(error_of(lambda: sme_api(container, member).update_sme(sme_id=sme.id, name="x")), PermissionDenied)
    opened = sme_api(container, tenant.owner).update_sme(sme_id=sme.id, scope=pb.SME_SCOPE_GLOBAL).sme
    assert opened.scope == pb.SME_SCOPE_GLOBAL
    assert sme_api(container, tenant.outsider).get_sme(sme_id=sme.id).sme.name == "Forklifts"


def test_team_access_is_granted_and_revoked_but_never_to_none(container: Container, owner_db: Database,
                                                              tenant: Tenant) -> None:
    sme = _team_sme(container, tenant)
    with owner_db.engine.begin() as conn:
        team2 = conn.execute(text("insert into teams (tenant_id, company_id, name) values (:t, :c, :n) returning id"),
                             {"t": tenant.id, "c": tenant.ids["company"], "n": f"Ops-{uuid.uuid4().hex[:6]}"}).scalar_one()
    owner = sme_api(container, tenant.owner)
    # The lead does not lead the new team: granting it is for owners/admins.
    assert isinstance(error_of(lambda: sme_api(container, tenant.lead).grant_team_access(
        sme_id=sme.id, team_ids=[str(team2)])), NotFound)
    granted = owner.grant_team_access(sme_id=sme.id, team_ids=[str(team2)], if_match=sme.etag).sme
    assert sorted(granted.team_ids) == sorted([str(tenant.ids["team"]), str(team2)])
    revoked = owner.revoke_team_access(sme_id=sme.id, team_ids=[str(tenant.ids["team"])]).sme
    assert list(revoked.team_ids) == [str(team2)]
    last = error_of(lambda: owner.revoke_team_access(sme_id=sme.id, team_ids=[str(team2)]))
    assert isinstance(last, FailedPrecondition)
    # The lead's team lost access: the SME is invisible to them now.
    assert isinstance(error_of(lambda: sme_api(container, tenant.lead).get_sme(sme_id=sme.id)), NotFound)
    # A global SME becomes team-scoped once it has a team.
    glob = owner.create_sme(name="Everyone").sme
    assert isinstance(error_of(lambda: owner.update_sme(sme_id=glob.id, scope=pb.SME_SCOPE_TEAM)), FailedPrecondition)
    owner.grant_team_access(sme_id=glob.id, team_ids=[str(team2)])
    narrowed = owner.update_sme(sme_id=glob.id, scope=pb.SME_SCOPE_TEAM).sme
    assert (narrowed.scope, list(narrowed.team_ids)) == (pb.SME_SCOPE_TEAM, [str(team2)])
    assert isinstance(error_of(lambda: sme_api(container, tenant.outsider).get_sme(sme_id=glob.id)), NotFound)


def test_deleting_an_sme_removes_its_submissions_chunks_and_objects(
        container: Container, owner_db: Database, tenant: Tenant, other_tenant: Tenant) -> None:
    sme = _team_sme(container, tenant)
    upload = sme_api(container, tenant.lead).create_upload_url(sme_id=sme.id, file_name="manual.md",
                                                               content_type="text/markdown", size_bytes=5)
    key = storage_keys.submission_file(tenant.id, upload.submission_id, "manual.md")
    container.storage.put(key, b"# Hi", "text/markdown")
    add_chunk(owner_db, tenant.id, sme.id, title="Hi", content="Hello", submission_id=upload.submission_id)
    add_chunk(owner_db, tenant.id, sme.id, title="Loose", content="No submission")
    foreign = error_of(lambda: sme_api(container, other_tenant.owner).delete_sme(sme_id=sme.id))
    assert isinstance(foreign, NotFound)
    assert isinstance(error_of(lambda: sme_api(container, tenant.owner).delete_sme(sme_id=sme.id, if_match="x-1")),
                      Conflict)
    deleted = sme_api(container, tenant.owner).delete_sme(sme_id=sme.id, if_match=sme.etag)
    assert (deleted.deleted_submission_count, deleted.deleted_chunk_count) == (1, 2)
    assert container.storage.list_keys(storage_keys.submission_files_prefix(tenant.id, upload.submission_id)) == []
    assert rows(owner_db, "select count(*) from sme_knowledge_chunks where sme_id = :s", s=sme.id)[0][0] == 0
    assert isinstance(error_of(lambda: sme_api(container, tenant.owner).get_sme(sme_id=sme.id)), NotFound)


def test_list_filters_and_pages(container: Container, tenant: Tenant) -> None:
    owner = sme_api(container, tenant.owner)
    tag = uuid.uuid4().hex[:6]
    made = [owner.create_sme(name=f"{tag} {n}", domain="Ops").sme for n in ("a", "b", "c")]
    team = sme_api(container, tenant.lead).create_sme(name=f"{tag} d", scope=pb.SME_SCOPE_TEAM,
                                                       team_ids=[str(tenant.ids["team"])]).sme
    first = owner.list_smes(query=tag, page_size=2)
    second = owner.list_smes(query=tag, page_size=2, page_token=first.next_page_token)
    assert [s.id for s in [*first.smes, *second.smes]] == [*(s.id for s in made), team.id]
    assert first.total_count == 4 and second.next_page_token == ""
    assert [s.id for s in owner.list_smes(query=tag, scope=pb.SME_SCOPE_TEAM).smes] == [team.id]
    assert len(owner.list_smes(query=tag, team_id=str(tenant.ids["team"])).smes) == 4
    assert owner.list_smes(query=tag, status=pb.SME_STATUS_READY).smes == []
    assert isinstance(error_of(lambda: owner.list_smes(page_token="garbage")), InvalidArgument)
