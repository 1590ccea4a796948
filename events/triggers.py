"""Trigger rules as Knative applies them: exact attribute filters, a subscriber,
and a delivery policy (retries, backoff, dead-letter sink).

The local broker reads them from the generated ``knative/triggers.yaml``, so
routing on one machine and on the cluster come from the same list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

_DURATION = re.compile(r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")


def iso_duration_seconds(text: str) -> float:
    """Seconds in an ISO 8601 duration such as ``PT1S``, ``PT0.2S`` or ``PT1M30S``."""
    match = _DURATION.match(text)
    if not match or text in ("P", "PT"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    return parts.get("d", 0) * 86400 + parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0)


@dataclass(frozen=True)
class Subscriber:
    """A Knative Service (by name) or a plain URI, as a Trigger's ``subscriber``."""

    service: str | None = None
    uri: str | None = None

    def __post_init__(self) -> None:
        if (self.service is None) == (self.uri is None):
            raise ValueError("a subscriber is either a service or a uri")

    def address(self, namespace: str) -> str:
        """What Knative reports as ``knativeerrordest`` for this subscriber."""
        return self.uri or f"http://{self.service}.{namespace}.svc.cluster.local"


@dataclass(frozen=True)
class DeliveryPolicy:
    retry: int = 0
    backoff_policy: Literal["exponential", "linear"] = "exponential"
    backoff_delay_seconds: float = 0.0
    dead_letter: Subscriber | None = None

    def backoff(self, retry_number: int) -> float:
        """Seconds before retry ``retry_number`` (0 for the first retry)."""
        if self.backoff_policy == "linear":
            return self.backoff_delay_seconds * (retry_number + 1)
        return float(self.backoff_delay_seconds * 2**retry_number)


@dataclass(frozen=True)
class TriggerRule:
    name: str
    subscriber: Subscriber
    filter: Mapping[str, str] = field(default_factory=dict)
    delivery: DeliveryPolicy = field(default_factory=DeliveryPolicy)

    def matches(self, attributes: Mapping[str, Any]) -> bool:
        """Every filter attribute equals the event's (extensions included); an empty value matches any."""
        return all(value == "" or attributes.get(key) == value for key, value in self.filter.items())


def _subscriber(spec: Mapping[str, Any]) -> Subscriber:
    if "ref" in spec:
        ref = spec["ref"]
        if ref.get("kind") != "Service" or not str(ref.get("apiVersion", "")).startswith("serving.knative.dev/"):
            raise ValueError(f"only Knative Service subscribers are routed locally, got {ref}")
        return Subscriber(service=ref["name"])
    return Subscriber(uri=spec["uri"])


def _delivery(spec: Mapping[str, Any] | None) -> DeliveryPolicy:
    if not spec:
        return DeliveryPolicy()
    dead_letter = spec.get("deadLetterSink")
    return DeliveryPolicy(
        retry=int(spec.get("retry", 0)),
        backoff_policy=spec.get("backoffPolicy", "exponential"),
        backoff_delay_seconds=iso_duration_seconds(spec["backoffDelay"]) if spec.get("backoffDelay") else 0.0,
        dead_letter=_subscriber(dead_letter) if dead_letter else None,
    )


def rule_from_manifest(trigger: Mapping[str, Any]) -> TriggerRule:
    if trigger.get("kind") != "Trigger":
        raise ValueError(f"not a Trigger: {trigger.get('kind')}")
    spec = trigger["spec"]
    return TriggerRule(
        name=trigger["metadata"]["name"],
        subscriber=_subscriber(spec["subscriber"]),
        filter=dict((spec.get("filter") or {}).get("attributes") or {}),
        delivery=_delivery(spec.get("delivery")),
    )


def matching(rules: Iterable[TriggerRule], attributes: Mapping[str, Any]) -> list[TriggerRule]:
    return [rule for rule in rules if rule.matches(attributes)]
