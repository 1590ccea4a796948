"""NotificationService through the local runner: notifications made with
``notify`` reach their recipient, and only their recipient."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import text

from common.gen.mirai.v1 import notification_connect
from common.gen.mirai.v1 import notification_pb2 as pb
from functions.bootstrap import Container
from functions.notification.notify import Resource, notify
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, new_user, owner
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.e2e

Client = notification_connect.NotificationServiceClientSync


@pytest.fixture
def client(runner_url: str) -> Iterator[Client]:
    with Client(runner_url) as built:
        yield built


def _notify(container: Container, caller: Caller, title: str, **more: object) -> uuid.UUID:
    with container.db.tenant_session(caller.tenant.tenant_id) as uow:
        return notify(uow, user_id=caller.user_id, type=more.pop("type", "system"), title=title,  # type: ignore[arg-type]
                      message=f"Body of {title}", **more).id  # type: ignore[arg-type]


def _unread(client: Client, caller: Caller) -> int:
    return client.get_unread_count(pb.GetUnreadCountRequest(), headers=caller.headers).unread_count


def test_notifications_made_by_notify_are_listed_newest_first(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    me = new_user(container, kratos, tenant, role="member")
    course, outline = uuid.uuid4(), uuid.uuid4()
    _notify(container, me, "Older")
    _notify(container, me, "Outline ready", type="outline_ready", link=f"/courses/{course}/outline",
            resource=Resource("outline", outline, course), actor_id=tenant.owner_id)
    listed = client.list_notifications(pb.ListNotificationsRequest(), headers=me.headers)
    assert [n.title for n in listed.notifications] == ["Outline ready", "Older"]
    assert listed.unread_count == 2 and listed.next_page_token == ""
    newest = listed.notifications[0]
    assert newest.type == pb.NOTIFICATION_TYPE_OUTLINE_READY and newest.message == "Body of Outline ready"
    assert newest.resource == pb.ResourceRef(type=pb.RESOURCE_TYPE_OUTLINE, id=str(outline), course_id=str(course))
    assert newest.link == f"/courses/{course}/outline" and not newest.read and not newest.HasField("read_at")
    assert newest.actor.id == str(tenant.owner_id) and newest.actor.email == tenant.owner_email
    assert not listed.notifications[1].HasField("actor") and not listed.notifications[1].HasField("resource")

    typed = client.list_notifications(pb.ListNotificationsRequest(types=[pb.NOTIFICATION_TYPE_SYSTEM]),
                                      headers=me.headers)
    assert [n.title for n in typed.notifications] == ["Older"]


def test_marking_read_lowers_the_unread_count(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    me = owner(kratos, tenant)
    first, second, _ = (_notify(container, me, t) for t in ("one", "two", "three"))
    assert _unread(client, me) == 3
    marked = client.mark_notification_read(
        pb.MarkNotificationReadRequest(notification_ids=[str(first), str(second), str(first)]), headers=me.headers)
    assert (marked.updated_count, marked.unread_count) == (2, 1)
    assert _unread(client, me) == 1
    again = client.mark_notification_read(pb.MarkNotificationReadRequest(notification_ids=[str(first)]),
                                          headers=me.headers)
    assert (again.updated_count, again.unread_count) == (0, 1)
    unread = client.list_notifications(pb.ListNotificationsRequest(unread_only=True), headers=me.headers)
    assert [n.title for n in unread.notifications] == ["three"]
    everything = client.list_notifications(pb.ListNotificationsRequest(), headers=me.headers).notifications
    assert {n.title: n.read for n in everything} == {"one": True, "two": True, "three": False}
    assert all(n.read_at.seconds > 0 for n in everything if n.read)


def test_mark_all_read_honours_before(client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant) -> None:
    me = owner(kratos, tenant)
    _notify(container, me, "seen")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        cut = uow.session.execute(text("select clock_timestamp()")).scalar_one()
    _notify(container, me, "arrived later")
    before = Timestamp()
    before.FromDatetime(cut)
    partial = client.mark_all_notifications_read(pb.MarkAllNotificationsReadRequest(before=before), headers=me.headers)
    assert (partial.updated_count, partial.unread_count) == (1, 1)
    rest = client.mark_all_notifications_read(pb.MarkAllNotificationsReadRequest(), headers=me.headers)
    assert (rest.updated_count, rest.unread_count) == (1, 0)
    assert _unread(client, me) == 0


def test_a_user_cannot_read_or_mark_another_users_notifications(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    me = owner(kratos, tenant)
    colleague = new_user(container, kratos, tenant, role="member")
    mine = _notify(container, me, "mine")
    theirs = _notify(container, colleague, "theirs")

    listed = client.list_notifications(pb.ListNotificationsRequest(), headers=me.headers)
    assert [n.id for n in listed.notifications] == [str(mine)] and listed.unread_count == 1

    with pytest.raises(ConnectError) as caught:
        client.mark_notification_read(pb.MarkNotificationReadRequest(notification_ids=[str(mine), str(theirs)]),
                                      headers=me.headers)
    assert caught.value.code == Code.NOT_FOUND and "notification_ids" in str(caught.value)
    assert _unread(client, me) == 1  # all or nothing: not even the caller's own was marked

    everything = client.mark_all_notifications_read(pb.MarkAllNotificationsReadRequest(), headers=me.headers)
    assert everything.updated_count == 1
    theirs_now = client.list_notifications(pb.ListNotificationsRequest(), headers=colleague.headers)
    assert [(n.id, n.read) for n in theirs_now.notifications] == [(str(theirs), False)]
    assert _unread(client, colleague) == 1
