"""POST /_seaweedfs/events: the embedded SeaweedFS reports object writes to the local runner.

Only under ``make run``: the runner generates the bearer token when it starts
SeaweedFS, and the endpoint refuses to exist under Knative (K_SERVICE), where
uploads are announced by MinIO's own webhook. It is that webhook with SeaweedFS's
payload: same token check, same ``io.minio.object.created`` CloudEvent through
the same publisher (K_SINK, the runner's broker), same answers (401, 400, 503 so
SeaweedFS retries).
"""

from __future__ import annotations

from typing import Any

from common.config import ConfigError, Settings
from common.rpc.http import WSGIApp
from events.ports import EventPublisher
from events.s3_notifications import ObjectCreated
from events.seaweedfs_notifications import object_created
from functions.webhooks.minio_webhook import MinioWebhook

PATH = "/_seaweedfs/events"


def _created(payload: Any) -> list[ObjectCreated]:
    record = object_created(payload)
    return [record] if record is not None else []


def seaweedfs_events(settings: Settings, publisher: EventPublisher) -> WSGIApp:
    if settings.under_knative:
        raise ConfigError("K_SERVICE is set: the SeaweedFS event endpoint exists only in the local runner")
    if not settings.seaweedfs_events_token:
        raise ConfigError("the SeaweedFS event endpoint needs the token the local runner generates")
    return MinioWebhook(token=settings.seaweedfs_events_token, publisher=publisher, parse=_created)
