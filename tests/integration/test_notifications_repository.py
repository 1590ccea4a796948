"""Notifications against the real database as mirai_app: the repository and
``notify``, the one function every area creates notifications through."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from common.errors import InvalidArgument, NotFound
from common.gen.mirai.v1 import notification_pb2
from common.repos.notifications import NewNotification
from functions.bootstrap import Container
from functions.enum_names import stored_names
from functions.notification.notify import NOTIFICATION_TYPES, RESOURCE_TYPES, Resource, notify
from tests.support.tenants import SeededTenant, add_user

pytestmark = pytest.mark.integration


def _notify(container: Container, tenant: SeededTenant, user_id: uuid.UUID, title: str, **more: object) -> uuid.UUID:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        return notify(uow, user_id=user_id, type=more.pop("type", "system"), title=title,  # type: ignore[arg-type]
                      message=f"About {title}", **more).id  # type: ignore[arg-type]


def test_the_type_vocabularies_match_the_contract() -> None:
    assert stored_names(notification_pb2.NotificationType.DESCRIPTOR) == NOTIFICATION_TYPES
    assert stored_names(notification_pb2.ResourceType.DESCRIPTOR) == RESOURCE_TYPES


def test_the_database_accepts_every_notification_and_resource_type(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for kind in NOTIFICATION_TYPES:
            notify(uow, user_id=tenant.owner_id, type=kind, title=kind, message="")  # type: ignore[arg-type]
        for resource in RESOURCE_TYPES:
            notify(uow, user_id=tenant.owner_id, type="system", title=resource, message="",
                   resource=Resource(resource, uuid.uuid4()))  # type: ignore[arg-type]
        for singleton in ("company", "subscription"):
            notify(uow, user_id=tenant.owner_id, type="subscription_updated", title=singleton, message="",
                   resource=Resource(singleton))  # type: ignore[arg-type]
        assert uow.notifications.unread_count(tenant.owner_id) == len(NOTIFICATION_TYPES) + len(RESOURCE_TYPES) + 2


def test_a_notification_reads_back_with_its_resource_link_and_actor(container: Container, tenant: SeededTenant) -> None:
    course, export = uuid.uuid4(), uuid.uuid4()
    member, _ = add_user(container.db, tenant, role="member")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        made = notify(uow, user_id=member, type="export_ready", title=" Export ready ", message="Download it",
                      link=f"/courses/{course}/exports", resource=Resource("export", export, course),
                      actor_id=tenant.owner_id)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        [read] = uow.notifications.list_for(member).items
    assert read == made
    assert (read.title, read.type, read.resource_type, read.resource_id, read.resource_course_id) == (
        "Export ready", "export_ready", "export", export, course)
    assert read.actor_id == tenant.owner_id and read.read_at is None and read.link == f"/courses/{course}/exports"


def test_a_notification_rolls_back_with_the_change_that_caused_it(container: Container, tenant: SeededTenant) -> None:
    class Boom(Exception):
        pass

    def change_that_fails() -> None:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            uow.target_audiences.add(created_by=None, values={"name": "Rolled back"})
            notify(uow, user_id=tenant.owner_id, type="system", title="Never seen", message="")
            raise Boom

    with pytest.raises(Boom):
        change_that_fails()
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.notifications.list_for(tenant.owner_id).items == []
        assert uow.target_audiences.count() == 0


def test_a_recipient_outside_the_tenant_is_not_found_and_the_callers_transaction_goes_on(
    container: Container, tenant: SeededTenant, other: SeededTenant
) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for stranger in (other.owner_id, uuid.uuid4()):
            with pytest.raises(NotFound):
                notify(uow, user_id=stranger, type="system", title="Lost", message="")
        with pytest.raises(NotFound):
            notify(uow, user_id=tenant.owner_id, type="system", title="Bad actor", message="", actor_id=other.owner_id)
        notify(uow, user_id=tenant.owner_id, type="system", title="Delivered", message="")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert [n.title for n in uow.notifications.list_for(tenant.owner_id).items] == ["Delivered"]
    with container.db.tenant_session(other.tenant_id) as uow:
        assert uow.notifications.list_for(other.owner_id).items == []


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"type": "party"}, "type"),
        ({"title": "  "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "bell\x00"}, "title"),
        ({"message": "m" * 2001}, "message"),
        ({"link": "https://evil.example/phish"}, "link"),
        ({"link": "//evil.example"}, "link"),
        ({"link": "/\\evil.example"}, "link"),
        ({"link": "/a b"}, "link"),
        ({"resource": Resource("course")}, "resource"),
        ({"resource": Resource("planet", uuid.uuid4())}, "resource"),  # type: ignore[arg-type]
    ],
)
def test_notify_refuses_bad_content_naming_the_argument(
    container: Container, tenant: SeededTenant, arguments: dict[str, object], field: str
) -> None:
    call: dict[str, object] = {"user_id": tenant.owner_id, "type": "system", "title": "Title", "message": "", **arguments}
    with container.db.tenant_session(tenant.tenant_id) as uow:
        with pytest.raises(InvalidArgument) as caught:
            notify(uow, **call)  # type: ignore[arg-type]
        assert caught.value.field == field
        assert uow.notifications.unread_count(tenant.owner_id) == 0


def test_list_is_newest_first_across_pages_with_filters(container: Container, tenant: SeededTenant) -> None:
    titles = [f"n{i}" for i in range(7)]
    with container.db.tenant_session(tenant.tenant_id) as uow:
        made = [notify(uow, user_id=tenant.owner_id, type="quota_warning" if i % 2 else "system", title=t, message="")
                for i, t in enumerate(titles)]
        uow.notifications.mark_read(tenant.owner_id, [made[6].id, made[3].id])

    def walk(**filters: object) -> list[str]:
        seen, token = [], ""
        while True:
            with container.db.tenant_session(tenant.tenant_id) as uow:
                page = uow.notifications.list_for(tenant.owner_id, page_size=2, page_token=token, **filters)  # type: ignore[arg-type]
            seen += [n.title for n in page.items]
            token = page.next_page_token
            if not token:
                return seen

    assert walk() == titles[::-1]
    assert walk(unread_only=True) == ["n5", "n4", "n2", "n1", "n0"]
    assert walk(types=["quota_warning"]) == ["n5", "n3", "n1"]
    assert walk(types=["quota_warning"], unread_only=True) == ["n5", "n1"]


def test_a_page_token_of_the_unread_list_is_refused_by_the_full_list(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for i in range(3):
            notify(uow, user_id=tenant.owner_id, type="system", title=f"t{i}", message="")
        token = uow.notifications.list_for(tenant.owner_id, unread_only=True, page_size=1).next_page_token
        with pytest.raises(InvalidArgument) as caught:
            uow.notifications.list_for(tenant.owner_id, page_token=token)
    assert caught.value.field == "page_token"


def test_mark_read_counts_changes_and_ignores_already_read(container: Container, tenant: SeededTenant) -> None:
    first = _notify(container, tenant, tenant.owner_id, "first")
    second = _notify(container, tenant, tenant.owner_id, "second")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.notifications.mark_read(tenant.owner_id, [first]) == 1
        assert uow.notifications.mark_read(tenant.owner_id, [first, second]) == 1
        assert uow.notifications.unread_count(tenant.owner_id) == 0
        read_at = {n.id: n.read_at for n in uow.notifications.list_for(tenant.owner_id).items}
    assert all(read_at.values())


def test_another_users_notification_is_not_found_and_nothing_is_marked(container: Container, tenant: SeededTenant) -> None:
    member, _ = add_user(container.db, tenant, role="member")
    mine = _notify(container, tenant, tenant.owner_id, "mine")
    theirs = _notify(container, tenant, member, "theirs")
    with pytest.raises(NotFound) as caught, container.db.tenant_session(tenant.tenant_id) as uow:
        uow.notifications.mark_read(tenant.owner_id, [mine, theirs])
    assert caught.value.field == "notification_ids"
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.notifications.unread_count(tenant.owner_id) == 1
        assert uow.notifications.unread_count(member) == 1
        assert [n.id for n in uow.notifications.list_for(tenant.owner_id).items] == [mine]


def test_mark_all_read_stops_at_before_and_at_the_user(container: Container, tenant: SeededTenant) -> None:
    member, _ = add_user(container.db, tenant, role="member")
    _notify(container, tenant, tenant.owner_id, "old")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        cut = uow.session.execute(text("select clock_timestamp()")).scalar_one()
    _notify(container, tenant, tenant.owner_id, "new")
    _notify(container, tenant, member, "colleague's")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.notifications.mark_all_read(tenant.owner_id, created_before=cut) == 1
        assert [n.title for n in uow.notifications.list_for(tenant.owner_id, unread_only=True).items] == ["new"]
        assert uow.notifications.mark_all_read(tenant.owner_id) == 1
        assert uow.notifications.mark_all_read(tenant.owner_id, created_before=datetime.now(UTC)) == 0
        assert uow.notifications.unread_count(tenant.owner_id) == 0
        assert uow.notifications.unread_count(member) == 1


def test_another_tenants_notifications_are_invisible_and_unmarkable(
    container: Container, tenant: SeededTenant, other: SeededTenant
) -> None:
    theirs = _notify(container, other, other.owner_id, "theirs")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        repo = uow.notifications
        assert repo.list_for(other.owner_id).items == [] and repo.unread_count(other.owner_id) == 0
        with pytest.raises(NotFound):
            repo.mark_read(other.owner_id, [theirs])
        assert repo.mark_all_read(other.owner_id) == 0
        # Another tenant's user is no user of this tenant: the (tenant_id, user_id) foreign key refuses it.
        with pytest.raises(NotFound):
            repo.add(NewNotification(user_id=other.owner_id, type="system", title="Spoof", message=""))
    with container.db.tenant_session(other.tenant_id) as uow:
        assert [n.id for n in uow.notifications.list_for(other.owner_id, unread_only=True).items] == [theirs]


@pytest.mark.parametrize(
    ("unread_only", "index"),
    [(False, "notifications_tenant_user_idx"), (True, "notifications_tenant_user_unread_created_idx")],
)
def test_the_notification_lists_use_their_tenant_led_index(
    container: Container, tenant: SeededTenant, unread_only: bool, index: str
) -> None:
    read_filter = " and read_at is null" if unread_only else ""
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for i in range(5):
            notify(uow, user_id=tenant.owner_id, type="system", title=f"n{i}", message="")
        # Tiny tables would be scanned sequentially; forbid that to see which index the planner can use.
        uow.session.execute(text("set local enable_seqscan = off"))
        # With real statistics (other tests fill notifications) the planner may pick "any tenant index,
        # filter, sort one row"; the page must come in index order, so forbid the sort too.
        uow.session.execute(text("set local enable_sort = off"))
        plan = "\n".join(uow.session.execute(text(
            f"explain select * from notifications where user_id = :u{read_filter}"
            " order by created_at desc, id desc limit 51"
        ), {"u": tenant.owner_id}).scalars())
    assert index in plan and "Sort" not in plan, plan
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "tenant_id" in index_condition and "user_id" in index_condition
