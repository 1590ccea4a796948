"""The catalogue of deployable targets.

RPC targets are derived from the proto descriptors in ``common/gen``: every
method of every service is one target, named ``<area>_<method_snake>`` and
served at ``/mirai.v1.<Service>/<Method>``. Its implementation, when built, is
the function ``<method_snake>`` in module ``functions.<area>.<method_snake>``;
until then the target answers ``unimplemented``.

Event and webhook targets are declared in ``functions.jobs.catalogue``.

Looking up one target imports only its own area's descriptors, so resolving a
target at cold start stays cheap.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

GEN_PACKAGE = "common.gen.mirai.v1"
_GEN_DIR = Path(__file__).resolve().parent.parent / "common" / "gen" / "mirai" / "v1"

_UPPER_TO_LOWER = re.compile("([^_])([A-Z][a-z]+)")
_LOWER_TO_UPPER = re.compile("([a-z])([A-Z])")


def snake_case(name: str) -> str:
    """PascalCase to snake_case, the same rule protoc-gen-connectrpc uses for method names."""
    return _LOWER_TO_UPPER.sub(r"\1_\2", _UPPER_TO_LOWER.sub(r"\1_\2", name)).lower()


@dataclass(frozen=True)
class Scaling:
    """How a target scales. ``container_concurrency`` is the hard limit of requests one
    instance serves at once and also its number of request threads (``THREADS``) and
    of database connections (pool plus overflow), so an admitted request never waits
    for a thread or a connection; Knative queues the rest and scales out at
    ``concurrency_target`` (README, "Concurrency")."""

    min_scale: int = 0
    max_scale: int = 10
    concurrency_target: int = 6
    container_concurrency: int = 8
    timeout_seconds: int = 30

    @property
    def db_pool_size(self) -> int:
        """Connections kept open between requests: half the threads (the rest open on demand)."""
        return (self.container_concurrency + 1) // 2

    @property
    def db_pool_max_overflow(self) -> int:
        return self.container_concurrency - self.db_pool_size


@dataclass(frozen=True)
class Target:
    name: str
    kind: Literal["rpc", "event", "webhook"]
    area: str
    path: str | None = None
    service: str | None = None
    method: str | None = None
    read_only: bool = False
    event_types: tuple[str, ...] = ()
    schedule: str | None = None
    scaling: Scaling = field(default_factory=Scaling)
    module: str = ""
    attribute: str = ""
    secrets: tuple[str, ...] = ()
    """Secret groups a job or webhook needs (functions.manifests.secrets); RPCs get theirs by area."""
    # Container adapters built at start-up (functions/main.py), so a misconfigured
    # instance stops before it takes traffic. RPC areas declare them as
    # ``STARTUP_ADAPTERS`` in their package (functions/<area>/__init__.py).
    startup_adapters: tuple[str, ...] = ()

    @property
    def signature_type(self) -> str:
        # Event targets too: functions-framework's cloudevent mode routes POST only, so
        # the GET /health probes would fail; functions.event_target parses the CloudEvent.
        return "http"

    @property
    def visibility(self) -> Literal["public", "cluster-local"]:
        """Event consumers are reached only through the broker; RPCs and webhooks from outside."""
        return "cluster-local" if self.kind == "event" else "public"

    @property
    def k8s_name(self) -> str:
        return self.name.replace("_", "-")

    def implemented(self) -> bool:
        """Whether the implementation module exists (an area package may not exist yet either)."""
        if not self.module:
            return False
        parent = self.module.rpartition(".")[0]
        if importlib.util.find_spec(parent) is None:
            return False
        return importlib.util.find_spec(self.module) is not None

    def load_implementation(self) -> object:
        module = importlib.import_module(self.module)
        return getattr(module, self.attribute)


def rpc_areas() -> list[str]:
    """Proto files that define a service, by area name (file stem)."""
    return sorted(p.name[: -len("_connect.py")] for p in _GEN_DIR.glob("*_connect.py") if _has_service(p))


def _has_service(connect_file: Path) -> bool:
    return "WSGIApplication(" in connect_file.read_text()


def pb2_module(area: str) -> ModuleType:
    return importlib.import_module(f"{GEN_PACKAGE}.{area}_pb2")


def connect_module(area: str) -> ModuleType:
    return importlib.import_module(f"{GEN_PACKAGE}.{area}_connect")


def _area_startup_adapters(area: str) -> tuple[str, ...]:
    package = f"functions.{area}"
    if importlib.util.find_spec(package) is None:
        return ()
    return tuple(getattr(importlib.import_module(package), "STARTUP_ADAPTERS", ()))


def _rpc_targets_of(area: str) -> list[Target]:
    targets = []
    startup_adapters = _area_startup_adapters(area)
    for service in pb2_module(area).DESCRIPTOR.services_by_name.values():
        for method in service.methods:
            snake = snake_case(method.name)
            read_only = method.GetOptions().idempotency_level == method.GetOptions().NO_SIDE_EFFECTS
            targets.append(
                Target(
                    name=f"{area}_{snake}",
                    kind="rpc",
                    area=area,
                    path=f"/{service.full_name}/{method.name}",
                    service=service.name,
                    method=method.name,
                    read_only=read_only,
                    module=f"functions.{area}.{snake}",
                    attribute=snake,
                    startup_adapters=startup_adapters,
                )
            )
    return targets


@cache
def rpc_targets() -> tuple[Target, ...]:
    return tuple(t for area in rpc_areas() for t in _rpc_targets_of(area))


def job_targets() -> tuple[Target, ...]:
    from functions.jobs.catalogue import JOB_TARGETS

    return JOB_TARGETS


def all_targets() -> tuple[Target, ...]:
    return rpc_targets() + job_targets()


def find(name: str) -> Target:
    """One target by name, importing only the descriptors of its area."""
    for job in job_targets():
        if job.name == name:
            return job
    for area in sorted(rpc_areas(), key=len, reverse=True):
        if name.startswith(area + "_"):
            for target in _rpc_targets_of(area):
                if target.name == name:
                    return target
    raise LookupError(f"no function target named {name!r}; `python -m functions targets` lists them")
