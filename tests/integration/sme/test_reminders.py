"""The due-date reminder sweep: an open task due within a day reminds its assignee once
(in-app and by mail); a later deadline, or a closed task, is left alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cloudevents.http import CloudEvent
from google.protobuf.timestamp_pb2 import Timestamp

from common.db import Database
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from functions.jobs.sme_task_reminders import sme_task_reminders
from tests.integration.sme.conftest import rows, sme_api
from tests.support.course_actors import Tenant

pytestmark = pytest.mark.integration

TICK = CloudEvent({"id": "tick", "type": "dev.knative.sources.ping", "source": "/ping"}, {})


def _due_in(delta: timedelta) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(UTC) + delta)
    return stamp


def _reminders(owner_db: Database, task_id: str) -> tuple[int, int]:
    notes = rows(owner_db, "select count(*) from notifications where type = 'sme_task_due_soon' and resource_id = :t",
                 t=task_id)[0][0]
    mails = rows(owner_db, "select count(*) from outbox where type = 'io.mirai.mail.requested'"
                           " and data->>'template' = 'sme_task_due_soon' and data->'variables'->>'task_id' = :t",
                 t=task_id)[0][0]
    return int(notes), int(mails)


def test_a_task_due_within_a_day_is_reminded_once(container: Container, owner_db: Database, tenant: Tenant) -> None:
    owner = sme_api(container, tenant.owner)
    sme = owner.create_sme(name="Deadlines").sme
    assignee = str(tenant.outsider.principal.user_id)
    soon = owner.create_task(sme_id=sme.id, assignee_user_id=assignee, title="Soon", due_at=_due_in(timedelta(hours=3))).task
    later = owner.create_task(sme_id=sme.id, assignee_user_id=assignee, title="Later",
                              due_at=_due_in(timedelta(days=3))).task
    closed = owner.create_task(sme_id=sme.id, assignee_user_id=assignee, title="Closed",
                               due_at=_due_in(timedelta(hours=2))).task
    owner.cancel_task(task_id=closed.id)
    job = sme_task_reminders(container)
    job(TICK)
    job(TICK)  # the next tick, or a second instance
    assert _reminders(owner_db, soon.id) == (1, 1)
    assert _reminders(owner_db, later.id) == (0, 0) and _reminders(owner_db, closed.id) == (0, 0)
    (note,) = rows(owner_db, "select user_id, link from notifications where type = 'sme_task_due_soon'"
                             " and resource_id = :t", t=soon.id)
    assert (str(note.user_id), note.link) == (assignee, f"/sme/tasks/{soon.id}")
    assert sme_api(container, tenant.outsider).get_task(task_id=soon.id).task.status == pb.SME_TASK_STATUS_OPEN
