"""SME tasks: delegation with an in-app notification and a mail to the assignee, who sees
what, and the state rules (only open or submitted tasks change; completed and cancelled are final)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import text

from common.db import Database
from common.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.integration.sme.conftest import add_team_member, rows, sme_api
from tests.support.course_actors import Tenant, error_of

pytestmark = pytest.mark.integration


def _stamp(delta: timedelta) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(UTC) + delta)
    return stamp


def _sme(container: Container, tenant: Tenant) -> pb.SubjectMatterExpert:
    return sme_api(container, tenant.lead).create_sme(name="Dock safety", scope=pb.SME_SCOPE_TEAM,
                                                      team_ids=[str(tenant.ids["team"])]).sme


def test_a_task_notifies_its_assignee_in_app_and_by_mail(container: Container, owner_db: Database,
                                                         tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    assignee = str(tenant.outsider.principal.user_id)
    task = sme_api(container, tenant.lead).create_task(
        sme_id=sme.id, assignee_user_id=assignee, title="  Upload the dock manual ", instructions="The **PDF**",
        due_at=_stamp(timedelta(days=3))).task
    assert (task.title, task.status, task.assignee.id, task.sme_id) == ("Upload the dock manual",
                                                                        pb.SME_TASK_STATUS_OPEN, assignee, sme.id)
    assert task.due_at.seconds > 0 and task.created_by.id == str(tenant.lead.principal.user_id)
    (note,) = rows(owner_db, "select type, link, resource_id from notifications where user_id = :u", u=assignee)
    assert (note.type, note.link, str(note.resource_id)) == ("sme_task_assigned", f"/sme/tasks/{task.id}", task.id)
    (mail,) = rows(owner_db, "select data from outbox where tenant_id = :t and type = 'io.mirai.mail.requested'"
                             " and data->>'template' = 'sme_task_assigned'", t=tenant.id)
    assert mail.data["to"]["address"] == tenant.outsider.principal.email
    assert mail.data["variables"]["task_id"] == task.id and mail.data["variables"]["sme_name"] == "Dock safety"
    # The assignee sees the task without seeing the team-scoped SME.
    assert sme_api(container, tenant.outsider).get_task(task_id=task.id).task.id == task.id
    mine = sme_api(container, tenant.outsider).list_tasks(assigned_to_me=True)
    assert [t.id for t in mine.tasks] == [task.id] and mine.total_count == 1


def test_who_sees_and_changes_a_task(container: Container, owner_db: Database, kratos: FakeKratos,
                                     tenant: Tenant, other_tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    member = add_team_member(owner_db, kratos, tenant)
    task = sme_api(container, tenant.lead).create_task(sme_id=sme.id, assignee_user_id=str(member.principal.user_id),
                                                       title="Photos").task
    # A member of the team who neither made nor got it, and another tenant, do not see it.
    other = add_team_member(owner_db, kratos, tenant)
    assert isinstance(error_of(lambda: sme_api(container, other).get_task(task_id=task.id)), NotFound)
    assert isinstance(error_of(lambda: sme_api(container, other_tenant.owner).get_task(task_id=task.id)), NotFound)
    assert sme_api(container, other).list_tasks(sme_id=sme.id).tasks == []
    assert [t.id for t in sme_api(container, tenant.owner).list_tasks(sme_id=sme.id).tasks] == [task.id]
    assignee = sme_api(container, member)
    refused = error_of(lambda: assignee.update_task(task_id=task.id, title="Mine now"))
    assert isinstance(refused, PermissionDenied)
    assert isinstance(error_of(lambda: assignee.cancel_task(task_id=task.id)), PermissionDenied)
    updated = sme_api(container, tenant.lead).update_task(task_id=task.id, title="Photos of the dock",
                                                          due_at=_stamp(timedelta(hours=5))).task
    assert updated.title == "Photos of the dock" and updated.due_at.seconds > 0
    cleared = sme_api(container, tenant.lead).update_task(task_id=task.id, clear_due_at=True).task
    assert not cleared.HasField("due_at")
    done = assignee.complete_task(task_id=task.id, completion_note="All uploaded").task
    assert (done.status, done.completion_note) == (pb.SME_TASK_STATUS_COMPLETED, "All uploaded")
    assert done.completed_at.seconds > 0
    (note,) = rows(owner_db, "select type from notifications where user_id = :u and type = 'sme_task_completed'",
                   u=tenant.lead.principal.user_id)
    assert note.type == "sme_task_completed"
    for again in (lambda: assignee.complete_task(task_id=task.id),
                  lambda: sme_api(container, tenant.lead).cancel_task(task_id=task.id),
                  lambda: sme_api(container, tenant.lead).update_task(task_id=task.id, title="x")):
        assert isinstance(error_of(again), FailedPrecondition)


def test_reassigning_notifies_the_new_assignee_and_cancel_keeps_the_reason(
        container: Container, owner_db: Database, tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    lead = sme_api(container, tenant.lead)
    task = lead.create_task(sme_id=sme.id, assignee_user_id=str(tenant.outsider.principal.user_id), title="Docs").task
    moved = lead.update_task(task_id=task.id, assignee_user_id=str(tenant.owner.principal.user_id)).task
    assert moved.assignee.id == str(tenant.owner.principal.user_id)
    assert len(rows(owner_db, "select 1 from notifications where user_id = :u and type = 'sme_task_assigned'",
                    u=tenant.owner.principal.user_id)) == 1
    cancelled = lead.cancel_task(task_id=task.id, reason="Not needed").task
    assert (cancelled.status, cancelled.cancel_reason) == (pb.SME_TASK_STATUS_CANCELLED, "Not needed")
    listed = lead.list_tasks(statuses=[pb.SME_TASK_STATUS_CANCELLED], sme_id=sme.id)
    assert [t.id for t in listed.tasks] == [task.id]


def test_bad_task_requests_change_nothing(container: Container, owner_db: Database, tenant: Tenant,
                                          other_tenant: Tenant) -> None:
    sme = _sme(container, tenant)
    lead = sme_api(container, tenant.lead)
    me = str(tenant.outsider.principal.user_id)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update users set status = 'disabled', disabled_at = now() where id = :u"),
                     {"u": tenant.ids["owner"]})
    cases = [
        (dict(assignee_user_id=me, title=""), InvalidArgument, "title"),
        (dict(assignee_user_id=me, title="x" * 301), InvalidArgument, "title"),
        (dict(assignee_user_id="", title="x"), InvalidArgument, "assignee_user_id"),
        (dict(assignee_user_id=me, title="x", due_at=_stamp(-timedelta(minutes=1))), InvalidArgument, "due_at"),
        (dict(assignee_user_id=str(other_tenant.owner.principal.user_id), title="x"), NotFound, "assignee_user_id"),
        (dict(assignee_user_id=str(tenant.ids["owner"]), title="x"), FailedPrecondition, "assignee_user_id"),
    ]
    for fields, error, field in cases:
        err = error_of(lambda fields=fields: lead.create_task(sme_id=sme.id, **fields))
        assert isinstance(err, error) and err.field == field, (fields, err)
    assert rows(owner_db, "select count(*) from sme_tasks where sme_id = :s", s=sme.id)[0][0] == 0
    assert isinstance(error_of(lambda: lead.list_tasks(statuses=[9])), InvalidArgument)
