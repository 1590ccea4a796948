"""TenantService.GetTenantStats: counts of the tenant's users, invitations, teams, folders,
courses, SMEs and personas, with the plan's limits. Owner/admin.

``storage_bytes`` stays 0 and ``storage_measured_at`` unset: no sweep measures the
tenant's prefix yet (listing it per request would be the full scan this RPC must avoid)."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import tenant_pb2 as pb
from common.rpc.context import Call
from functions.auth.plans import offer
from functions.enum_names import enum_number


def get_tenant_stats(request: pb.GetTenantStatsRequest, call: Call) -> pb.GetTenantStatsResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        counts = uow.tenant_stats.counts()
        plan_offer = offer(enum_number(common.Plan.DESCRIPTOR, uow.companies.current().plan))
    return pb.GetTenantStatsResponse(stats=pb.TenantStats(**counts),
                                     limits=plan_offer.limits if plan_offer else common.PlanLimits())
