"""CompanyService.UpdateCompany: the company profile. Owner/admin.

Concurrent updates of different fields both land (each UPDATE sets only its fields);
the contract has no etag for the company, so there is no If-Match to check."""

from __future__ import annotations

from common.gen.mirai.v1 import company_pb2 as pb
from common.rpc.context import Call
from functions.company.messages import company_message, logo_url
from functions.company.profile_fields import company_changes, logo_key
from functions.uploads.images import discard_removed


def update_company(request: pb.UpdateCompanyRequest, call: Call) -> pb.UpdateCompanyResponse:
    principal = call.require_principal()
    changes = company_changes(request)
    removed = None
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        if request.HasField("logo_object_key"):
            current = uow.companies.current().logo_object_key
            changes["logo_object_key"] = logo_key(request.logo_object_key, principal, current)
            removed = current if changes["logo_object_key"] is None else None
        company = uow.companies.update_profile(changes) if changes else uow.companies.current()
    discard_removed(call.container.storage, removed)
    return pb.UpdateCompanyResponse(company=company_message(company, logo_url=logo_url(call.container.storage, company)))
