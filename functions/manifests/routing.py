"""Gateway API HTTPRoutes: each RPC path and webhook path to its own Service.

An HTTPRoute holds at most 16 rules, so the routes are split per area in chunks.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from functions.manifests.names import GATEWAY, NAMESPACE
from functions.registry import Target

MAX_RULES = 16


def _rule(target: Target) -> dict[str, Any]:
    return {
        "matches": [{"path": {"type": "Exact", "value": target.path}}],
        "backendRefs": [{"name": target.k8s_name, "port": 80}],
    }


def http_routes(targets: tuple[Target, ...]) -> list[dict[str, Any]]:
    routed = sorted((t for t in targets if t.path), key=lambda t: (t.area, t.path or ""))
    routes = []
    for area, group in groupby(routed, key=lambda t: t.area):
        members = list(group)
        for index in range(0, len(members), MAX_RULES):
            chunk = members[index : index + MAX_RULES]
            suffix = f"-{index // MAX_RULES + 1}" if len(members) > MAX_RULES else ""
            routes.append(
                {
                    "apiVersion": "gateway.networking.k8s.io/v1",
                    "kind": "HTTPRoute",
                    "metadata": {
                        "name": f"mirai-{area.replace('_', '-')}{suffix}",
                        "namespace": NAMESPACE,
                        "labels": {"app.kubernetes.io/part-of": "mirai"},
                    },
                    "spec": {
                        "parentRefs": [{"name": GATEWAY}],
                        "rules": [_rule(t) for t in chunk],
                    },
                }
            )
    return routes
