"""The publisher posts binary-mode CloudEvents to a real HTTP receiver, retrying what is worth retrying."""

from __future__ import annotations

import socket

import pytest
from cloudevents.http import CloudEvent

from common.adapters.events_publisher import HttpEventPublisher, PublishFailed
from tests.fakes.event_receiver import event_receiver


def _event(event_id: str = "e-1") -> CloudEvent:
    return CloudEvent(
        {"id": event_id, "type": "io.mirai.outbox.pending", "source": "/mirai/outbox", "tenantid": "t-1", "datacontenttype": "application/json"},
        {"n": 1},
    )


def test_an_event_arrives_in_binary_mode_with_its_attributes_and_data() -> None:
    with event_receiver() as receiver:
        HttpEventPublisher(receiver.url).publish(_event())
        (received,) = receiver.wait_for(1)
        headers = receiver.raw_headers[0]
    assert headers["ce-id"] == "e-1" and headers["ce-specversion"] == "1.0" and headers["content-type"] == "application/json"
    assert (received["type"], received["source"], received["tenantid"], received.data) == ("io.mirai.outbox.pending", "/mirai/outbox", "t-1", {"n": 1})


def test_a_busy_broker_is_retried_with_growing_backoff_until_it_accepts() -> None:
    waits: list[float] = []
    with event_receiver() as receiver:
        receiver.statuses = [503, 429, 500]
        HttpEventPublisher(receiver.url, attempts=4, backoff_seconds=0.5, sleep=waits.append).publish(_event())
        receiver.wait_for(1)
        assert len(receiver.raw_headers) == 4
    assert waits == [0.5, 1.0, 2.0]


def test_a_refusal_that_retrying_cannot_fix_fails_at_once() -> None:
    waits: list[float] = []
    with event_receiver() as receiver:
        receiver.statuses = [400]
        with pytest.raises(PublishFailed, match="HTTP 400"):
            HttpEventPublisher(receiver.url, sleep=waits.append).publish(_event())
        assert len(receiver.raw_headers) == 1
    assert waits == []


def test_an_unreachable_broker_fails_after_every_attempt() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(PublishFailed, match="unreachable"):
        HttpEventPublisher(f"http://127.0.0.1:{port}/", attempts=3, sleep=waits.append).publish(_event())
    assert len(waits) == 2
