"""Tenant A's owner tries every TargetAudienceService and NotificationService RPC
on tenant B's personas and notifications: nothing of B is seen or changed, and
B's ids answer exactly like ids that never existed, so A cannot learn they exist."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from connectrpc.code import Code

from common.gen.mirai.v1 import notification_connect, target_audience_connect
from common.gen.mirai.v1 import notification_pb2 as npb
from common.gen.mirai.v1 import target_audience_pb2 as tpb
from functions import registry
from functions.bootstrap import Container
from functions.notification.notify import notify
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, owner
from tests.support.rpc_errors import fails
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.e2e

SERVICES = ("TargetAudienceService", "NotificationService")


@dataclass(frozen=True)
class World:
    a: Caller
    b: Caller
    persona: tpb.TargetAudience  # B's
    notification_id: str  # B's owner's
    audiences: target_audience_connect.TargetAudienceServiceClientSync
    notifications: notification_connect.NotificationServiceClientSync


@pytest.fixture(scope="module")
def world(runner_url: str, kratos: FakeKratos, container: Container) -> Iterator[World]:
    a = owner(kratos, provision_tenant(container.db))
    b = owner(kratos, provision_tenant(container.db))
    with target_audience_connect.TargetAudienceServiceClientSync(runner_url) as audiences, \
            notification_connect.NotificationServiceClientSync(runner_url) as notifications:
        persona = audiences.create_target_audience(
            tpb.CreateTargetAudienceRequest(name="B secret persona", job_role="B role"), headers=b.headers
        ).target_audience
        with container.db.tenant_session(b.tenant.tenant_id) as uow:
            made = notify(uow, user_id=b.user_id, type="system", title="B secret notice", message="")
        yield World(a, b, persona, str(made.id), audiences, notifications)


def _refusal(action: Callable[[], object]) -> tuple[Code, str]:
    refused = fails(action)
    return refused.code, str(refused)


def _answers_like_an_unknown_id(call: Callable[[str], object], foreign_id: str) -> None:
    unknown_id = str(uuid.uuid4())
    code, message = _refusal(lambda: call(foreign_id))
    unknown_code, unknown_message = _refusal(lambda: call(unknown_id))
    assert code == unknown_code == Code.NOT_FOUND
    assert message.replace(foreign_id, "<id>") == unknown_message.replace(unknown_id, "<id>")


def _get(w: World) -> None:
    _answers_like_an_unknown_id(
        lambda i: w.audiences.get_target_audience(tpb.GetTargetAudienceRequest(target_audience_id=i), headers=w.a.headers),
        w.persona.id)


def _update(w: World) -> None:
    for if_match in ("", w.persona.etag):  # B's real etag must not turn not_found into aborted
        _answers_like_an_unknown_id(
            lambda i, m=if_match: w.audiences.update_target_audience(
                tpb.UpdateTargetAudienceRequest(target_audience_id=i, name="Hijacked", if_match=m), headers=w.a.headers),
            w.persona.id)


def _delete(w: World) -> None:
    for if_match in ("", w.persona.etag):
        _answers_like_an_unknown_id(
            lambda i, m=if_match: w.audiences.delete_target_audience(
                tpb.DeleteTargetAudienceRequest(target_audience_id=i, if_match=m), headers=w.a.headers),
            w.persona.id)


def _list(w: World) -> None:
    for request in (tpb.ListTargetAudiencesRequest(page_size=200), tpb.ListTargetAudiencesRequest(query="B secret")):
        listed = w.audiences.list_target_audiences(request, headers=w.a.headers)
        assert w.persona.id not in {p.id for p in listed.target_audiences}
    assert w.audiences.list_target_audiences(tpb.ListTargetAudiencesRequest(query="B secret"),
                                             headers=w.a.headers).total_count == 0


def _create(w: World) -> None:
    made = w.audiences.create_target_audience(tpb.CreateTargetAudienceRequest(name="A persona"),
                                              headers=w.a.headers).target_audience
    # A's row lands in A and never shows up for B.
    assert made.id != w.persona.id and made.created_by.id == str(w.a.user_id)
    b_sees = w.audiences.list_target_audiences(tpb.ListTargetAudiencesRequest(), headers=w.b.headers)
    assert made.id not in {p.id for p in b_sees.target_audiences}


def _list_notifications(w: World) -> None:
    for request in (npb.ListNotificationsRequest(page_size=200), npb.ListNotificationsRequest(unread_only=True)):
        listed = w.notifications.list_notifications(request, headers=w.a.headers)
        assert w.notification_id not in {n.id for n in listed.notifications}
        assert listed.unread_count == len([n for n in listed.notifications if not n.read])


def _unread_count(w: World) -> None:
    assert w.notifications.get_unread_count(npb.GetUnreadCountRequest(), headers=w.a.headers).unread_count == 0


def _mark_read(w: World) -> None:
    _answers_like_an_unknown_id(
        lambda i: w.notifications.mark_notification_read(npb.MarkNotificationReadRequest(notification_ids=[i]),
                                                         headers=w.a.headers),
        w.notification_id)


def _mark_all_read(w: World) -> None:
    done = w.notifications.mark_all_notifications_read(npb.MarkAllNotificationsReadRequest(), headers=w.a.headers)
    assert done.updated_count == 0


ATTEMPTS: dict[str, Callable[[World], None]] = {
    "TargetAudienceService.CreateTargetAudience": _create,
    "TargetAudienceService.GetTargetAudience": _get,
    "TargetAudienceService.ListTargetAudiences": _list,
    "TargetAudienceService.UpdateTargetAudience": _update,
    "TargetAudienceService.DeleteTargetAudience": _delete,
    "NotificationService.ListNotifications": _list_notifications,
    "NotificationService.GetUnreadCount": _unread_count,
    "NotificationService.MarkNotificationRead": _mark_read,
    "NotificationService.MarkAllNotificationsRead": _mark_all_read,
}


def test_every_rpc_of_both_services_is_tried_across_tenants() -> None:
    rpcs = {f"{t.service}.{t.method}" for t in registry.rpc_targets() if t.service in SERVICES}
    assert set(ATTEMPTS) == rpcs


@pytest.mark.parametrize("rpc", sorted(ATTEMPTS))
def test_another_tenants_personas_and_notifications_stay_out_of_reach(world: World, rpc: str) -> None:
    ATTEMPTS[rpc](world)
    b = world.b
    still = world.audiences.get_target_audience(tpb.GetTargetAudienceRequest(target_audience_id=world.persona.id),
                                                headers=b.headers).target_audience
    assert still == world.persona
    listed = world.notifications.list_notifications(npb.ListNotificationsRequest(), headers=b.headers)
    assert [(n.id, n.read) for n in listed.notifications] == [(world.notification_id, False)]
    assert listed.unread_count == 1
