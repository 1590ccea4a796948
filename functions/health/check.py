"""HealthService.Check: overall and per-dependency status. Public."""

from __future__ import annotations

from google.protobuf.timestamp_pb2 import Timestamp

from common.gen.mirai.v1 import health_pb2 as pb
from common.rpc.context import Call
from functions.health.dependencies import check_dependencies

_STATUS = {
    "SERVING": pb.SERVING_STATUS_SERVING,
    "DEGRADED": pb.SERVING_STATUS_DEGRADED,
    "NOT_SERVING": pb.SERVING_STATUS_NOT_SERVING,
}


def check(request: pb.CheckRequest, call: Call) -> pb.CheckResponse:
    report = check_dependencies(call.container)
    checked_at = Timestamp()
    checked_at.GetCurrentTime()
    return pb.CheckResponse(
        status=_STATUS[report.as_dict()["status"]],
        dependencies=[
            pb.DependencyStatus(
                name=p.name,
                status=pb.SERVING_STATUS_SERVING if p.ok else pb.SERVING_STATUS_NOT_SERVING,
                latency_ms=p.latency_ms,
                message=p.message,
                critical=p.critical,
            )
            for p in report.probes
        ],
        version=call.container.settings.version,
        checked_at=checked_at,
    )
