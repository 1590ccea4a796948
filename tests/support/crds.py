"""Validates generated resources against the CRDs in tests/conformance/knative/.

Per tests/conformance/VALIDATING.md: take the version's openAPIV3Schema, drop
``x-kubernetes-*`` keys (and ``type`` where int-or-string), drop ``metadata``.
Then, stricter than the API server's pruning: every object that declares
properties and does not preserve unknown fields gets ``additionalProperties:
false``, so a mistyped field fails here instead of being silently dropped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

REPO = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO / "tests" / "conformance"
KNATIVE_CRDS = CONFORMANCE / "knative"

CRD_FILES = {
    ("serving.knative.dev", "Service"): "serving.knative.dev_services.yaml",
    ("eventing.knative.dev", "Broker"): "eventing.knative.dev_brokers.yaml",
    ("eventing.knative.dev", "Trigger"): "eventing.knative.dev_triggers.yaml",
    ("sources.knative.dev", "PingSource"): "sources.knative.dev_pingsources.yaml",
    ("sources.knative.dev", "SinkBinding"): "sources.knative.dev_sinkbindings.yaml",
    ("gateway.networking.k8s.io", "HTTPRoute"): "gateway.networking.k8s.io_httproutes.yaml",
}


def strict_json_schema(node: Any) -> Any:
    if isinstance(node, list):
        return [strict_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    preserves = node.get("x-kubernetes-preserve-unknown-fields") is True
    out = {k: strict_json_schema(v) for k, v in node.items() if not k.startswith("x-kubernetes-")}
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
    if "properties" in out and not preserves and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


@cache
def validator(api_version: str, kind: str) -> jsonschema.Draft7Validator:
    group, _, version = api_version.rpartition("/")
    crd = yaml.safe_load((KNATIVE_CRDS / CRD_FILES[(group, kind)]).read_text())
    for entry in crd["spec"]["versions"]:
        if entry["name"] == version:
            schema = strict_json_schema(entry["schema"]["openAPIV3Schema"])
            # ObjectMeta is not in the CRD; the strict root still needs the envelope's keys.
            schema["properties"]["metadata"] = {"type": "object"}
            schema["properties"].setdefault("apiVersion", {"type": "string"})
            schema["properties"].setdefault("kind", {"type": "string"})
            return jsonschema.Draft7Validator(schema)
    raise LookupError(f"{api_version} {kind}: version not in the CRD")


def errors(resource: dict[str, Any]) -> list[str]:
    found = validator(resource["apiVersion"], resource["kind"]).iter_errors(resource)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def has_crd(resource: dict[str, Any]) -> bool:
    group = resource["apiVersion"].rpartition("/")[0]
    return (group, resource["kind"]) in CRD_FILES
