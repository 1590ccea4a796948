"""Job and webhook targets resolve, and run under functions-framework the way Knative runs them."""

from __future__ import annotations

from pathlib import Path

import functions_framework
import pytest
from cloudevents.conversion import to_binary
from cloudevents.http import CloudEvent

from functions import registry

MAIN = str(Path(__file__).resolve().parents[2] / "functions" / "main.py")


def test_every_job_and_webhook_target_has_its_implementation() -> None:
    for target in registry.job_targets():
        assert target.implemented(), target.name
        assert callable(target.load_implementation()), target.name
        assert registry.find(target.name) == target


def test_webhook_targets_have_their_paths_and_event_targets_none() -> None:
    paths = {t.name: t.path for t in registry.job_targets()}
    assert paths["stripe_webhook"] == "/webhooks/stripe" and paths["minio_webhook"] == "/webhooks/minio"
    assert all(t.path is None for t in registry.job_targets() if t.kind == "event")


def test_an_event_target_under_functions_framework_answers_health_and_takes_cloudevents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A deployed target refuses to start without a database URL; nothing connects to it here.
    monkeypatch.setenv("DATABASE_URL", "postgresql://mirai_app@127.0.0.1:1/unused")
    # FUNCTION_SIGNATURE_TYPE=http, as the manifests set it: functions-framework's cloudevent
    # mode would answer GET /health with 405.
    app = functions_framework.create_app("dead_letter", MAIN, "http")
    client = app.test_client()
    assert client.get("/health").status_code == 200
    refused = client.post("/", json={"not": "a cloudevent"})
    assert refused.status_code == 400 and "CloudEvent" in refused.get_json()["error"]
    headers, body = to_binary(CloudEvent({"id": "e", "source": "/s", "type": "io.mirai.outbox.pending"}, None))
    assert client.post("/", headers=headers, data=body).status_code != 400
