"""The Broker, a Trigger per consumed type, PingSources for schedules, and the
SinkBinding that hands publishers ``K_SINK``."""

from __future__ import annotations

import json
from typing import Any

from events.catalogue import event_type
from functions.jobs.catalogue import DEAD_LETTER_TARGET
from functions.manifests.names import (
    BROKER,
    NAMESPACE,
    PING_TYPE,
    PUBLISHER_LABEL,
    ping_source_name,
    ping_source_uri,
    trigger_name,
)
from functions.registry import Target

# Retries with exponential backoff (1 s, 2 s, 4 s, 8 s, 16 s), then the dead-letter sink.
RETRY = 5
BACKOFF_DELAY = "PT1S"


def _service_ref(k8s_name: str) -> dict[str, Any]:
    return {"ref": {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "name": k8s_name}}


def _broker_ref() -> dict[str, Any]:
    return {"ref": {"apiVersion": "eventing.knative.dev/v1", "kind": "Broker", "name": BROKER}}


def delivery() -> dict[str, Any]:
    return {
        "deadLetterSink": _service_ref(DEAD_LETTER_TARGET.replace("_", "-")),
        "retry": RETRY,
        "backoffPolicy": "exponential",
        "backoffDelay": BACKOFF_DELAY,
    }


def broker() -> dict[str, Any]:
    return {
        "apiVersion": "eventing.knative.dev/v1",
        "kind": "Broker",
        "metadata": {
            "name": BROKER,
            "namespace": NAMESPACE,
            "annotations": {"eventing.knative.dev/broker.class": "MTChannelBasedBroker"},
        },
        "spec": {"delivery": delivery()},
    }


def _trigger(target: Target, filters: dict[str, str]) -> dict[str, Any]:
    return {
        "apiVersion": "eventing.knative.dev/v1",
        "kind": "Trigger",
        "metadata": {
            "name": trigger_name(target.k8s_name, filters["type"]),
            "namespace": NAMESPACE,
            "labels": {"app.kubernetes.io/part-of": "mirai", "app.kubernetes.io/name": target.k8s_name},
        },
        "spec": {
            "broker": BROKER,
            "filter": {"attributes": filters},
            "subscriber": _service_ref(target.k8s_name),
            "delivery": delivery(),
        },
    }


def triggers(targets: tuple[Target, ...]) -> list[dict[str, Any]]:
    out = []
    for target in targets:
        for type_name in target.event_types:
            event_type(type_name)  # a consumer of a type outside the catalogue is a mistake
            out.append(_trigger(target, {"type": type_name}))
        if target.schedule:
            source = ping_source_uri(ping_source_name(target.k8s_name))
            out.append(_trigger(target, {"type": PING_TYPE, "source": source}))
    return out


def ping_sources(targets: tuple[Target, ...]) -> list[dict[str, Any]]:
    return [
        {
            "apiVersion": "sources.knative.dev/v1",
            "kind": "PingSource",
            "metadata": {
                "name": ping_source_name(t.k8s_name),
                "namespace": NAMESPACE,
                "labels": {"app.kubernetes.io/part-of": "mirai", "app.kubernetes.io/name": t.k8s_name},
            },
            "spec": {
                "schedule": t.schedule,
                "timezone": "Etc/UTC",
                "contentType": "application/json",
                "data": json.dumps({"job": t.name}),
                "sink": _broker_ref(),
            },
        }
        for t in targets
        if t.schedule
    ]


def sink_binding() -> dict[str, Any]:
    return {
        "apiVersion": "sources.knative.dev/v1",
        "kind": "SinkBinding",
        "metadata": {"name": "mirai-publishers", "namespace": NAMESPACE},
        "spec": {
            "subject": {
                "apiVersion": "serving.knative.dev/v1",
                "kind": "Service",
                "selector": {"matchLabels": {PUBLISHER_LABEL: "true"}},
            },
            "sink": _broker_ref(),
        },
    }
