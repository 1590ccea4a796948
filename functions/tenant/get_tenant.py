"""TenantService.GetTenant: the caller's tenant. Any signed-in user."""

from __future__ import annotations

from common.errors import NotFound
from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import tenant_pb2 as pb
from common.rpc.context import Call
from functions.enum_names import enum_number
from functions.user.messages import timestamp


def get_tenant(request: pb.GetTenantRequest, call: Call) -> pb.GetTenantResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        tenant = uow.tenants.current()
        if tenant is None:
            raise NotFound("tenant not found")
        company = uow.companies.current()
    return pb.GetTenantResponse(tenant=pb.Tenant(
        id=str(tenant.id), slug=tenant.slug, name=tenant.name,
        status=pb.TenantStatus.ValueType(enum_number(pb.TenantStatus.DESCRIPTOR, tenant.status)),
        plan=common.Plan.ValueType(enum_number(common.Plan.DESCRIPTOR, company.plan)), company_id=str(company.id),
        created_at=timestamp(tenant.created_at), updated_at=timestamp(tenant.updated_at),
        suspension_reason=tenant.suspension_reason or "",
    ))
