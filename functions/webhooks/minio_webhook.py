"""POST /webhooks/minio: S3 event notifications become ``io.minio.object.created`` CloudEvents.

MinIO sends ``Authorization: Bearer <token>`` when its webhook target has an
auth token; anything else gets 401. Records other than object-created are
acknowledged and skipped. Broker unreachable: 503, and MinIO retries.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterable
from typing import Any

from common.config import ConfigError
from common.rpc.http import SinglePath, WSGIApp, plain_response
from events.ports import EventPublisher
from events.s3_notifications import MalformedNotification, ObjectCreated, objects_created
from functions.webhooks.request import BadBody, json_object, read_body

log = logging.getLogger("mirai.webhooks")

PATH = "/webhooks/minio"


class MinioWebhook:
    """``parse`` reads the body's JSON: MinIO's S3 records by default (the local runner
    passes SeaweedFS's filer events to the same webhook)."""

    def __init__(
        self, *, token: str, publisher: EventPublisher, parse: Callable[[Any], list[ObjectCreated]] = objects_created
    ) -> None:
        self._expected = f"Bearer {token}".encode()
        self._publisher = publisher
        self._parse = parse

    def _authorized(self, environ: dict[str, Any]) -> bool:
        given = str(environ.get("HTTP_AUTHORIZATION", "")).encode()
        return hmac.compare_digest(given, self._expected)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        from common.adapters.events_publisher import PublishFailed

        if environ["REQUEST_METHOD"] != "POST":
            return plain_response(start_response, "405 Method Not Allowed", {"error": "POST an S3 event notification"})
        if not self._authorized(environ):
            return plain_response(start_response, "401 Unauthorized", {"error": "missing or wrong bearer token"})
        try:
            created = self._parse(json_object(read_body(environ)))
        except (BadBody, MalformedNotification) as err:
            return plain_response(start_response, "400 Bad Request", {"error": str(err)})
        try:
            for record in created:
                self._publisher.publish(record.to_cloudevent())
        except PublishFailed as err:
            log.error("minio webhook: %s", err)
            return plain_response(start_response, "503 Service Unavailable", {"error": "event not accepted; retry"})
        return plain_response(start_response, "200 OK", {"published": [r.key for r in created]})


def minio_webhook(container: Any) -> WSGIApp:
    token = container.settings.minio_webhook_auth_token
    if not token:
        raise ConfigError("MINIO_WEBHOOK_AUTH_TOKEN is required for the MinIO webhook")
    return SinglePath(MinioWebhook(token=token, publisher=container.event_publisher), PATH)
