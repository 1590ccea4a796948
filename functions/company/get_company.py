"""CompanyService.GetCompany: the caller's company. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import company_pb2 as pb
from common.rpc.context import Call
from functions.company.messages import company_message, logo_url


def get_company(request: pb.GetCompanyRequest, call: Call) -> pb.GetCompanyResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        company = uow.companies.current()
    return pb.GetCompanyResponse(company=company_message(company, logo_url=logo_url(call.container.storage, company)))
