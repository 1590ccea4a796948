"""Stripe-Signature verification with the stripe SDK, over payloads signed per Stripe's scheme."""

from __future__ import annotations

import time

import pytest

from common.adapters.stripe_signatures import InvalidSignature, verify_stripe_signature
from tests.fakes.stripe_signing import stripe_signature
from tests.support.crds import CONFORMANCE

SECRET = "whsec_test_0123456789abcdef"
PAYLOAD = (CONFORMANCE / "events" / "stripe" / "checkout.session.completed.event.json").read_bytes()


def test_a_correctly_signed_payload_passes() -> None:
    verify_stripe_signature(PAYLOAD, stripe_signature(PAYLOAD, SECRET), secret=SECRET)


def test_a_body_that_is_not_utf8_is_refused_not_crashed() -> None:
    body = b"\xff\xfe"
    with pytest.raises(InvalidSignature):
        verify_stripe_signature(body, stripe_signature(body, SECRET), secret=SECRET)


def test_a_tampered_payload_is_refused() -> None:
    signature = stripe_signature(PAYLOAD, SECRET)
    tampered = PAYLOAD.replace(b'"payment_status": "paid"', b'"payment_status": "unpaid"')
    assert tampered != PAYLOAD
    with pytest.raises(InvalidSignature):
        verify_stripe_signature(tampered, signature, secret=SECRET)


def test_a_signature_made_with_another_secret_is_refused() -> None:
    with pytest.raises(InvalidSignature):
        verify_stripe_signature(PAYLOAD, stripe_signature(PAYLOAD, "whsec_other"), secret=SECRET)


def test_a_missing_or_garbled_header_is_refused() -> None:
    with pytest.raises(InvalidSignature, match="missing"):
        verify_stripe_signature(PAYLOAD, None, secret=SECRET)
    with pytest.raises(InvalidSignature):
        verify_stripe_signature(PAYLOAD, "v1=deadbeef", secret=SECRET)


def test_a_signature_older_than_five_minutes_is_refused_as_a_replay() -> None:
    stale = stripe_signature(PAYLOAD, SECRET, timestamp=int(time.time()) - 301)
    with pytest.raises(InvalidSignature):
        verify_stripe_signature(PAYLOAD, stale, secret=SECRET)
    recent = stripe_signature(PAYLOAD, SECRET, timestamp=int(time.time()) - 200)
    verify_stripe_signature(PAYLOAD, recent, secret=SECRET)
