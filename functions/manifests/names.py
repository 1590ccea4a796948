"""Names and constants shared by the generated manifests and the local broker."""

from __future__ import annotations

import hashlib

NAMESPACE = "mirai"
BROKER = "mirai"
IMAGE_PLACEHOLDER = "mirai-backend"
"""The image name in every Service; kustomize's ``images:`` maps it to the real reference."""
DEFAULT_IMAGE = "ghcr.io/mirai/backend:latest"
CONFIG_MAP = "mirai-backend-config"
GATEWAY = "mirai-gateway"
PUBLISHER_LABEL = "events.mirai.io/publisher"
PING_TYPE = "dev.knative.sources.ping"


def dns_label(name: str) -> str:
    """``name`` if it is a valid DNS label, else a shortened one with a hash to keep it unique."""
    if len(name) <= 63:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[:54].rstrip('-')}-{digest}"


def ping_source_name(k8s_name: str) -> str:
    return dns_label(f"{k8s_name}-schedule")


def ping_source_uri(name: str, namespace: str = NAMESPACE) -> str:
    """The ``source`` attribute Knative's PingSource sets on its events."""
    return f"/apis/v1/namespaces/{namespace}/pingsources/{name}"


def trigger_name(k8s_name: str, event_type: str) -> str:
    tail = "schedule" if event_type == PING_TYPE else "-".join(event_type.split(".")[2:]) or event_type
    return dns_label(f"{k8s_name}-{tail}".replace("_", "-"))
