"""One Knative Service per target, all from one image."""

from __future__ import annotations

from typing import Any

from functions.jobs.catalogue import DEAD_LETTER_TARGET
from functions.manifests.names import CONFIG_MAP, IMAGE_PLACEHOLDER, NAMESPACE, PUBLISHER_LABEL
from functions.manifests.secrets import secret_env
from functions.registry import Target

# ARCHITECTURE.md §8, mirai-backend.
RESOURCES = {
    "requests": {"cpu": "100m", "memory": "128Mi"},
    "limits": {"cpu": "500m", "memory": "256Mi"},
}
RUN_AS = 65532  # the Dockerfile's USER
KNATIVE_MAX_TIMEOUT = 600


def publishes_events(target: Target) -> bool:
    """Who gets K_SINK from the SinkBinding: every target that writes outbox rows, so the
    nudge after its commit reaches the relay at once (RPCs, webhooks, the relay and the
    jobs); only the dead-letter sink, which records and never publishes, goes without."""
    return target.name != DEAD_LETTER_TARGET


def _probe(period: int, *, failure_threshold: int = 3) -> dict[str, Any]:
    return {
        "httpGet": {"path": "/health"},
        "periodSeconds": period,
        "timeoutSeconds": 2,
        "failureThreshold": failure_threshold,
    }


def _labels(target: Target) -> dict[str, str]:
    labels = {
        "app.kubernetes.io/name": target.k8s_name,
        "app.kubernetes.io/part-of": "mirai",
        "app.kubernetes.io/component": f"{target.kind}-function",
    }
    if target.visibility == "cluster-local":
        labels["networking.knative.dev/visibility"] = "cluster-local"
    if publishes_events(target):
        labels[PUBLISHER_LABEL] = "true"
    return labels


def _container(target: Target) -> dict[str, Any]:
    return {
        "name": "function",
        "image": IMAGE_PLACEHOLDER,
        "ports": [{"name": "http1", "containerPort": 8080}],
        "env": [
            {"name": "FUNCTION_TARGET", "value": target.name},
            {"name": "FUNCTION_SIGNATURE_TYPE", "value": target.signature_type},
            # functions-framework's gunicorn threads; one per admitted request, each with a connection.
            {"name": "THREADS", "value": str(target.scaling.container_concurrency)},
            {"name": "DB_POOL_SIZE", "value": str(target.scaling.db_pool_size)},
            {"name": "DB_POOL_MAX_OVERFLOW", "value": str(target.scaling.db_pool_max_overflow)},
            *secret_env(target),
        ],
        "envFrom": [{"configMapRef": {"name": CONFIG_MAP}}],
        "resources": RESOURCES,
        # ARCHITECTURE.md §8: startup 60 s, liveness every 10 s, readiness every 5 s.
        "startupProbe": _probe(1, failure_threshold=60),
        "livenessProbe": _probe(10),
        "readinessProbe": _probe(5),
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": RUN_AS,
            "runAsGroup": RUN_AS,
            "readOnlyRootFilesystem": True,
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"},
        },
        # The root filesystem is read-only; /tmp is a small emptyDir.
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],  # noqa: S108
    }


def service(target: Target) -> dict[str, Any]:
    scaling = target.scaling
    if not 0 < scaling.timeout_seconds <= KNATIVE_MAX_TIMEOUT:
        raise ValueError(f"{target.name}: timeout_seconds must be within Knative's {KNATIVE_MAX_TIMEOUT} s ceiling")
    return {
        "apiVersion": "serving.knative.dev/v1",
        "kind": "Service",
        "metadata": {"name": target.k8s_name, "namespace": NAMESPACE, "labels": _labels(target)},
        "spec": {
            "template": {
                "metadata": {
                    "labels": {"app.kubernetes.io/name": target.k8s_name},
                    "annotations": {
                        "autoscaling.knative.dev/min-scale": str(scaling.min_scale),
                        "autoscaling.knative.dev/max-scale": str(scaling.max_scale),
                        "autoscaling.knative.dev/metric": "concurrency",
                        "autoscaling.knative.dev/target": str(scaling.concurrency_target),
                    },
                },
                "spec": {
                    "containerConcurrency": scaling.container_concurrency,
                    "timeoutSeconds": scaling.timeout_seconds,
                    "enableServiceLinks": False,
                    "containers": [_container(target)],
                    "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "64Mi"}}],
                },
            },
        },
    }
