"""Stripe-Signature verification with the stripe SDK, over payloads signed per Stripe's scheme."""

from __future__ import annotations

import json
import time

import pytest

from common.adapters.stripe_signatures import InvalidSignature, verify_stripe_event
from tests.fakes.stripe_signing import stripe_signature
from tests.support.crds import CONFORMANCE

SECRET = "whsec_test_0123456789abcdef"
PAYLOAD = (CONFORMANCE / "events" / "stripe" / "checkout.session.completed.event.json").read_bytes()


def test_a_correctly_signed_payload_is_returned_as_sent() -> None:
    event = verify_stripe_event(PAYLOAD, stripe_signature(PAYLOAD, SECRET), secret=SECRET)
    assert event == json.loads(PAYLOAD)


def test_a_tampered_payload_is_refused() -> None:
    signature = stripe_signature(PAYLOAD, SECRET)
    tampered = PAYLOAD.replace(b'"payment_status": "paid"', b'"payment_status": "unpaid"')
    assert tampered != PAYLOAD
    with pytest.raises(InvalidSignature):
        verify_stripe_event(tampered, signature, secret=SECRET)


def test_a_signature_made_with_another_secret_is_refused() -> None:
    with pytest.raises(InvalidSignature):
        verify_stripe_event(PAYLOAD, stripe_signature(PAYLOAD, "whsec_other"), secret=SECRET)


def test_a_missing_or_garbled_header_is_refused() -> None:
    with pytest.raises(InvalidSignature, match="missing"):
        verify_stripe_event(PAYLOAD, None, secret=SECRET)
    with pytest.raises(InvalidSignature):
        verify_stripe_event(PAYLOAD, "v1=deadbeef", secret=SECRET)


def test_a_signature_older_than_five_minutes_is_refused_as_a_replay() -> None:
    stale = stripe_signature(PAYLOAD, SECRET, timestamp=int(time.time()) - 301)
    with pytest.raises(InvalidSignature):
        verify_stripe_event(PAYLOAD, stale, secret=SECRET)
    recent = stripe_signature(PAYLOAD, SECRET, timestamp=int(time.time()) - 200)
    assert verify_stripe_event(PAYLOAD, recent, secret=SECRET)["id"] == "evt_conformance0000000000001"
