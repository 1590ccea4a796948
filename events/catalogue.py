"""The one list of CloudEvent types Mirai emits or consumes.

Triggers, manifests, schema checks and the local broker are derived from it.
Types we own are ``io.mirai.<area>.<what>``; foreign ones keep their own name.
Each type's ``data`` has a JSON Schema in ``events/schemas/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

_SCHEMAS = Path(__file__).resolve().parent / "schemas"

STRIPE_SOURCE = "https://api.stripe.com/v1/events"
"""Source of every Stripe event: the event's own URL is ``<source>/<id>``."""

# Sources of the events we own are ``/mirai/<area>`` (e.g. ``/mirai/ai_generation``).

TENANT_EXTENSION = "tenantid"
"""CloudEvent extension attribute naming the tenant of a tenant-scoped event."""


@dataclass(frozen=True)
class EventType:
    type: str
    source: str
    """Who emits it: a URI reference, or a pattern in ``<>`` for sources that vary."""
    direction: Literal["internal", "inbound"]
    """``internal``: we emit it and consume it; ``inbound``: it comes from outside (webhook, schedule)."""
    schema_file: str
    description: str

    def schema(self) -> dict[str, Any]:
        return _load_schema(self.schema_file)


def _stripe(kind: str, description: str) -> EventType:
    return EventType(
        type=f"com.stripe.{kind}",
        source=STRIPE_SOURCE,
        direction="inbound",
        schema_file="stripe-event.json",
        description=description,
    )


CATALOGUE: tuple[EventType, ...] = (
    _stripe("checkout.session.completed", "A checkout finished; a paid registration can be provisioned."),
    _stripe("customer.subscription.created", "A subscription started (after a checkout, or made by an operator)."),
    _stripe("customer.subscription.updated", "A subscription changed (plan, seats, renewal, cancellation)."),
    _stripe("customer.subscription.deleted", "A subscription ended."),
    _stripe("invoice.paid", "An invoice was paid (a renewal, or a past-due invoice settled)."),
    _stripe("invoice.payment_failed", "A renewal payment failed."),
    EventType(
        type="io.minio.object.created",
        source="s3://<bucket>",
        direction="inbound",
        schema_file="io.minio.object.created.json",
        description="An object was uploaded (S3 event notification from MinIO or any S3-compatible store).",
    ),
    EventType(
        type="dev.knative.sources.ping",
        source="/apis/v1/namespaces/<namespace>/pingsources/<name>",
        direction="inbound",
        schema_file="dev.knative.sources.ping.json",
        description="A PingSource schedule fired.",
    ),
    EventType(
        type="io.mirai.generation.requested",
        source="/mirai/ai_generation",
        direction="internal",
        schema_file="io.mirai.generation.requested.json",
        description="An outline, lessons or component generation job was queued.",
    ),
    EventType(
        type="io.mirai.generation.lesson.requested",
        source="/mirai/ai_generation",
        direction="internal",
        schema_file="io.mirai.generation.lesson.requested.json",
        description="One lesson of a lessons job should be written (fan-out of a lessons job).",
    ),
    EventType(
        type="io.mirai.generation.component.requested",
        source="/mirai/ai_generation",
        direction="internal",
        schema_file="io.mirai.generation.component.requested.json",
        description="One lesson component should be rewritten (RegenerateComponent).",
    ),
    EventType(
        type="io.mirai.export.requested",
        source="/mirai/course",
        direction="internal",
        schema_file="io.mirai.export.requested.json",
        description="A course export (SCORM 1.2/2004, xAPI, cmi5, PDF) was queued.",
    ),
    EventType(
        type="io.mirai.ingestion.requested",
        source="/mirai/sme",
        direction="internal",
        schema_file="io.mirai.ingestion.requested.json",
        description="An SME submission should be (re)ingested.",
    ),
    EventType(
        type="io.mirai.registration.paid",
        source="/mirai/auth",
        direction="internal",
        schema_file="io.mirai.registration.paid.json",
        description="A pending registration was paid; provision its account.",
    ),
    EventType(
        type="io.mirai.mail.requested",
        source="/mirai/mail",
        direction="internal",
        schema_file="io.mirai.mail.requested.json",
        description="A mail (welcome, invitation, payment failed, SME task assigned) should be sent to one person, once.",
    ),
    EventType(
        type="io.mirai.outbox.pending",
        source="/mirai/outbox",
        direction="internal",
        schema_file="io.mirai.outbox.pending.json",
        description="Outbox rows were committed; the relay should publish them now.",
    ),
)


class UnknownEventType(LookupError):
    pass


class InvalidEventData(ValueError):
    def __init__(self, message: str, *, where: str = "(root)") -> None:
        super().__init__(message)
        self.where = where
        """The offending field's path (``to/address``): safe to log where the message, which may quote the value, is not."""


def event_type(name: str) -> EventType:
    for entry in CATALOGUE:
        if entry.type == name:
            return entry
    raise UnknownEventType(f"{name!r} is not in the event catalogue (events/catalogue.py)")


def is_known(name: str) -> bool:
    return any(entry.type == name for entry in CATALOGUE)


@cache
def _load_schema(file_name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((_SCHEMAS / file_name).read_text())
    return schema


@cache
def _validator(file_name: str) -> Any:
    import jsonschema

    schema = _load_schema(file_name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def validate_data(type_name: str, data: Any) -> None:
    """Raises ``InvalidEventData`` naming the first offending field, or ``UnknownEventType``."""
    entry = event_type(type_name)
    error = next(iter(_validator(entry.schema_file).iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise InvalidEventData(f"{type_name} data at {where}: {error.message}", where=where)
