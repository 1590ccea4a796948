"""CompanyService.GetSeatUsage: seats paid, used by active users, reserved by pending
invitations, free; the plan's ceiling and the disabled users. Owner/admin."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import company_pb2 as pb
from common.rpc.context import Call
from functions.auth.plans import offer
from functions.enum_names import enum_number
from functions.user.messages import seat_usage_message


def get_seat_usage(request: pb.GetSeatUsageRequest, call: Call) -> pb.GetSeatUsageResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        seats = uow.seats.usage()
        plan = enum_number(common.Plan.DESCRIPTOR, uow.companies.current().plan)
        disabled = uow.users.count_disabled()
    plan_offer = offer(plan)
    return pb.GetSeatUsageResponse(
        seat_usage=seat_usage_message(seats), plan=common.Plan.ValueType(plan),
        plan_max_seats=plan_offer.limits.max_seats if plan_offer else 0, disabled_users=disabled,
    )
