"""Every input rule of TargetAudienceService and NotificationService, through the
runner: the call is ``invalid_argument``, its message starts with the field's
name, and nothing is stored."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from google.protobuf.timestamp_pb2 import Timestamp

from common.gen.mirai.v1 import common_pb2, notification_connect, target_audience_connect
from common.gen.mirai.v1 import notification_pb2 as npb
from common.gen.mirai.v1 import target_audience_pb2 as tpb
from functions.bootstrap import Container
from functions.notification.notify import notify
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, owner
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Setup:
    caller: Caller
    persona: tpb.TargetAudience
    audiences: target_audience_connect.TargetAudienceServiceClientSync
    notifications: notification_connect.NotificationServiceClientSync


@pytest.fixture(scope="module")
def setup(runner_url: str, kratos: FakeKratos, container: Container) -> Any:
    caller = owner(kratos, provision_tenant(container.db))
    with target_audience_connect.TargetAudienceServiceClientSync(runner_url) as audiences, \
            notification_connect.NotificationServiceClientSync(runner_url) as notifications:
        persona = audiences.create_target_audience(tpb.CreateTargetAudienceRequest(name="Valid"),
                                                   headers=caller.headers).target_audience
        with container.db.tenant_session(caller.tenant.tenant_id) as uow:
            notify(uow, user_id=caller.user_id, type="system", title="Unread", message="")
        yield Setup(caller, persona, audiences, notifications)


def _create(**fields: Any) -> Callable[[Setup], Any]:
    def call(s: Setup) -> Any:
        request = tpb.CreateTargetAudienceRequest(**{"name": "Persona", **fields})
        return s.audiences.create_target_audience(request, headers=s.caller.headers)
    return call


def _update(**fields: Any) -> Callable[[Setup], Any]:
    def call(s: Setup) -> Any:
        request = tpb.UpdateTargetAudienceRequest(**{"target_audience_id": s.persona.id, **fields})
        return s.audiences.update_target_audience(request, headers=s.caller.headers)
    return call


def _get(audience_id: str) -> Callable[[Setup], Any]:
    return lambda s: s.audiences.get_target_audience(tpb.GetTargetAudienceRequest(target_audience_id=audience_id),
                                                     headers=s.caller.headers)


def _delete(audience_id: str) -> Callable[[Setup], Any]:
    return lambda s: s.audiences.delete_target_audience(
        tpb.DeleteTargetAudienceRequest(target_audience_id=audience_id), headers=s.caller.headers)


def _list(**fields: Any) -> Callable[[Setup], Any]:
    return lambda s: s.audiences.list_target_audiences(tpb.ListTargetAudiencesRequest(**fields),
                                                       headers=s.caller.headers)


def _list_notifications(**fields: Any) -> Callable[[Setup], Any]:
    return lambda s: s.notifications.list_notifications(npb.ListNotificationsRequest(**fields), headers=s.caller.headers)


def _mark(ids: list[str]) -> Callable[[Setup], Any]:
    return lambda s: s.notifications.mark_notification_read(npb.MarkNotificationReadRequest(notification_ids=ids),
                                                            headers=s.caller.headers)


def _mark_all(seconds: int, nanos: int) -> Callable[[Setup], Any]:
    return lambda s: s.notifications.mark_all_notifications_read(
        npb.MarkAllNotificationsReadRequest(before=Timestamp(seconds=seconds, nanos=nanos)), headers=s.caller.headers)


UNDEFINED = 99  # a number no enum of the contract defines
LIST = common_pb2.StringList

CASES: list[tuple[str, Callable[[Setup], Any], str]] = [
    # CreateTargetAudience
    ("create: name missing", _create(name="   "), "name"),
    ("create: name too long", _create(name="n" * 201), "name"),
    ("create: name with a control character", _create(name="Bad\x00name"), "name"),
    ("create: description too long", _create(description="d" * 4001), "description"),
    ("create: job role too long", _create(job_role="j" * 201), "job_role"),
    ("create: industry too long", _create(industry="i" * 201), "industry"),
    ("create: undefined experience level", _create(experience_level=UNDEFINED), "experience_level"),
    ("create: undefined reading level", _create(reading_level=UNDEFINED), "reading_level"),
    ("create: language not BCP 47", _create(language="English please"), "language"),
    ("create: language too long", _create(language="en-" + "-".join(["abcdefgh"] * 5)), "language"),
    ("create: too much prior knowledge", _create(prior_knowledge=["k"] * 31), "prior_knowledge"),
    ("create: a goal too long", _create(goals=["g" * 501]), "goals"),
    ("create: an empty challenge", _create(challenges=["ok", " "]), "challenges"),
    # GetTargetAudience / DeleteTargetAudience
    ("get: id missing", _get(""), "target_audience_id"),
    ("get: id not a UUID", _get("not-a-uuid"), "target_audience_id"),
    ("get: id in braces", _get("{" + str(uuid.uuid4()) + "}"), "target_audience_id"),
    ("delete: id not a UUID", _delete("42"), "target_audience_id"),
    # UpdateTargetAudience
    ("update: id not a UUID", _update(target_audience_id="x"), "target_audience_id"),
    ("update: name cleared", _update(name=""), "name"),
    ("update: language cleared", _update(language=""), "language"),
    ("update: undefined experience level", _update(experience_level=UNDEFINED), "experience_level"),
    ("update: undefined reading level", _update(reading_level=UNDEFINED), "reading_level"),
    ("update: an empty goal", _update(goals=LIST(values=[""])), "goals"),
    ("update: too many challenges", _update(challenges=LIST(values=["c"] * 31)), "challenges"),
    ("update: description too long", _update(description="d" * 4001), "description"),
    # ListTargetAudiences
    ("list: negative page size", _list(page_size=-1), "page_size"),
    ("list: forged page token", _list(page_token="not-a-token"), "page_token"),
    ("list: query too long", _list(query="q" * 201), "query"),
    ("list: language not BCP 47", _list(language="??"), "language"),
    ("list: undefined experience level", _list(experience_level=UNDEFINED), "experience_level"),
    ("list: unspecified experience level", _list(experience_level=0), "experience_level"),
    # ListNotifications
    ("notifications: negative page size", _list_notifications(page_size=-5), "page_size"),
    ("notifications: forged page token", _list_notifications(page_token="AAAA"), "page_token"),
    ("notifications: undefined type", _list_notifications(types=[UNDEFINED]), "types"),
    ("notifications: unspecified type", _list_notifications(types=[0]), "types"),
    # MarkNotificationRead
    ("mark read: no ids", _mark([]), "notification_ids"),
    ("mark read: id not a UUID", _mark(["nope"]), "notification_ids"),
    ("mark read: too many ids", _mark([str(uuid.uuid4()) for _ in range(201)]), "notification_ids"),
    # MarkAllNotificationsRead
    ("mark all: nanos out of range", _mark_all(1_700_000_000, 2_000_000_000), "before"),
    ("mark all: after year 9999", _mark_all(253_402_300_800, 0), "before"),
]


@pytest.mark.parametrize(("label", "call", "field"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_invalid_argument_naming_the_field(setup: Setup, label: str, call: Callable[[Setup], Any],
                                                        field: str) -> None:
    with pytest.raises(ConnectError) as caught:
        call(setup)
    assert caught.value.code == Code.INVALID_ARGUMENT, caught.value.message
    assert caught.value.message.startswith(field), caught.value.message
    # Nothing was stored or changed.
    headers = setup.caller.headers
    assert setup.audiences.get_target_audience(tpb.GetTargetAudienceRequest(target_audience_id=setup.persona.id),
                                               headers=headers).target_audience == setup.persona
    assert setup.audiences.list_target_audiences(tpb.ListTargetAudiencesRequest(), headers=headers).total_count == 1
    assert setup.notifications.get_unread_count(npb.GetUnreadCountRequest(), headers=headers).unread_count == 1


def test_page_sizes_above_the_maximum_are_clamped_not_refused(setup: Setup) -> None:
    listed = setup.audiences.list_target_audiences(tpb.ListTargetAudiencesRequest(page_size=10_000),
                                                   headers=setup.caller.headers)
    assert [a.id for a in listed.target_audiences] == [setup.persona.id]
    notes = setup.notifications.list_notifications(npb.ListNotificationsRequest(page_size=10_000),
                                                   headers=setup.caller.headers)
    assert len(notes.notifications) == 1
