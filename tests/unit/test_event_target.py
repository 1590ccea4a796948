"""Event targets are HTTP functions: GET /health for probes, CloudEvents (binary or
structured) on POST, and a status that tells the broker whether to retry."""

from __future__ import annotations

import json

from cloudevents.conversion import to_binary, to_structured
from cloudevents.http import CloudEvent
from werkzeug.test import Client

from common.errors import InvalidArgument, Unavailable
from functions.event_target import CloudEventEndpoint


def _event() -> CloudEvent:
    return CloudEvent({"id": "e-1", "type": "io.mirai.outbox.pending", "source": "/mirai/outbox", "datacontenttype": "application/json"}, {})


def _endpoint(received: list[CloudEvent], error: Exception | None = None) -> Client:
    def handler(event: CloudEvent) -> None:
        if error is not None:
            raise error
        received.append(event)

    return Client(CloudEventEndpoint(handler, name="test_target"))


def test_health_answers_get_for_the_probes() -> None:
    response = _endpoint([]).get("/health")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_binary_and_structured_events_reach_the_handler() -> None:
    received: list[CloudEvent] = []
    client = _endpoint(received)
    for headers, body in (to_binary(_event()), to_structured(_event())):
        assert client.post("/", headers=headers, data=body).status_code == 204
    assert [(e["id"], e["type"]) for e in received] == [("e-1", "io.mirai.outbox.pending")] * 2


def test_a_request_that_is_not_a_cloudevent_is_a_bad_request_and_runs_nothing() -> None:
    received: list[CloudEvent] = []
    response = _endpoint(received).post("/", data=json.dumps({"hello": "world"}), content_type="application/json")
    assert response.status_code == 400 and "CloudEvent" in response.json["error"]
    assert received == []


def test_a_retryable_failure_answers_5xx_and_a_hopeless_one_4xx() -> None:
    headers, body = to_binary(_event())
    unavailable = _endpoint([], Unavailable("database is down")).post("/", headers=headers, data=body)
    assert unavailable.status_code == 503 and unavailable.json["error"] == "database is down"
    invalid = _endpoint([], InvalidArgument("lesson_id is not a UUID", field="lesson_id")).post("/", headers=headers, data=body)
    assert invalid.status_code == 422


def test_an_unexpected_crash_is_a_500_without_its_detail() -> None:
    headers, body = to_binary(_event())
    response = _endpoint([], RuntimeError("password=hunter2")).post("/", headers=headers, data=body)
    assert response.status_code == 500
    assert "hunter2" not in response.get_data(as_text=True) and "incident" in response.json["error"]
