"""The event catalogue: one entry per type, a valid schema for each, and the
conformance samples (Stripe, MinIO) pass through our translators into valid data."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import jsonschema
import pytest

from events import catalogue
from events.catalogue import CATALOGUE, InvalidEventData, UnknownEventType, validate_data
from events.s3_notifications import objects_created
from events.stripe_events import to_cloudevent
from functions import registry
from tests.support.crds import CONFORMANCE

EVENTS = CONFORMANCE / "events"
STRIPE_SAMPLES = sorted((EVENTS / "stripe").glob("*.event.json"))
MINIO_SAMPLES = sorted(EVENTS.glob("minio-*.json"))


def test_types_are_unique_and_named_by_the_convention() -> None:
    names = [entry.type for entry in CATALOGUE]
    assert len(names) == len(set(names))
    for name in names:
        assert name.startswith(("io.mirai.", "com.stripe.", "io.minio.", "dev.knative.")), name
        if name.startswith("io.mirai."):
            assert name.split(".")[2] and len(name.split(".")) >= 4, name


def test_every_schema_is_a_valid_json_schema() -> None:
    for entry in CATALOGUE:
        jsonschema.Draft202012Validator.check_schema(entry.schema())


def test_every_consumed_type_is_in_the_catalogue() -> None:
    for target in registry.job_targets():
        for name in target.event_types:
            assert catalogue.is_known(name), (target.name, name)


@pytest.mark.parametrize("sample", STRIPE_SAMPLES, ids=lambda p: p.name)
def test_stripe_conformance_events_become_valid_cloudevents(sample: Path) -> None:
    stripe_event = json.loads(sample.read_text())
    event = to_cloudevent(stripe_event)
    assert event["id"] == stripe_event["id"]
    assert event["type"] == f"com.stripe.{stripe_event['type']}"
    assert event["subject"] == stripe_event["data"]["object"]["id"]
    assert catalogue.is_known(event["type"])
    validate_data(event["type"], event.data)


@pytest.mark.parametrize("sample", sorted((EVENTS / "stripe" / "pay-rails-data").glob("checkout*.json")), ids=lambda p: p.name)
def test_realistic_stripe_payloads_in_an_envelope_validate(sample: Path) -> None:
    envelope = {"id": "evt_1", "object": "event", "type": "checkout.session.completed", "created": 1, "data": json.loads(sample.read_text())}
    validate_data("com.stripe.checkout.session.completed", envelope)


@pytest.mark.parametrize("sample", MINIO_SAMPLES, ids=lambda p: p.name)
def test_minio_conformance_notifications_become_valid_cloudevents(sample: Path) -> None:
    (record,) = objects_created(json.loads(sample.read_text()))
    event = record.to_cloudevent()
    assert event["type"] == "io.minio.object.created"
    validate_data(event["type"], event.data)


def test_data_that_breaks_the_schema_is_refused_naming_the_field() -> None:
    good = {"tenant_id": str(uuid.uuid4()), "export_id": str(uuid.uuid4()), "course_id": str(uuid.uuid4()), "format": "scorm12"}
    validate_data("io.mirai.export.requested", good)
    with pytest.raises(InvalidEventData, match="format"):
        validate_data("io.mirai.export.requested", {**good, "format": "docx"})
    with pytest.raises(InvalidEventData, match="course_id"):
        validate_data("io.mirai.export.requested", {**good, "course_id": "not-a-uuid"})
    with pytest.raises(InvalidEventData, match=r"unexpected|Additional"):
        validate_data("io.mirai.export.requested", {**good, "tenant": "x"})


def test_a_type_outside_the_catalogue_is_a_lookup_error() -> None:
    with pytest.raises(UnknownEventType, match=r"io\.mirai\.nothing\.happened"):
        validate_data("io.mirai.nothing.happened", {})
