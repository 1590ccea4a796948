"""AuthService.GetRegistrationStatus: where a sign-up stands after the checkout redirect.
Public: the registration id is the capability (random, never listed)."""

from __future__ import annotations

from datetime import UTC, datetime

from common.errors import NotFound
from common.gen.mirai.v1 import auth_pb2 as pb
from common.gen.mirai.v1 import common_pb2 as common
from common.rpc.context import Call
from functions.enum_names import enum_number
from functions.inputs import required_id
from functions.user.messages import timestamp

LOGIN_PATH = "/auth/login"


def get_registration_status(request: pb.GetRegistrationStatusRequest, call: Call) -> pb.GetRegistrationStatusResponse:
    registration_id = required_id(request.registration_id, field="registration_id")
    with call.container.db.system_session() as uow:
        registration = uow.registrations.get(registration_id)
    if registration is None:
        raise NotFound("no registration has this id", field="registration_id")
    status = registration.status
    # Expiry is a fact of the clock; the hourly cleanup only writes it down.
    if status == "pending" and registration.expires_at <= datetime.now(UTC):
        status = "expired"
    frontend = call.container.settings.frontend_url
    return pb.GetRegistrationStatusResponse(
        registration_id=str(registration.id),
        status=pb.RegistrationStatus.ValueType(enum_number(pb.RegistrationStatus.DESCRIPTOR, status)),
        email=registration.email, company_name=registration.company_name,
        plan=common.Plan.ValueType(enum_number(common.Plan.DESCRIPTOR, registration.plan)),
        seat_count=registration.seat_count,
        created_at=timestamp(registration.created_at), expires_at=timestamp(registration.expires_at),
        paid_at=timestamp(registration.paid_at), provisioned_at=timestamp(registration.provisioned_at),
        failure_reason=(registration.failure_reason or "") if status == "failed" else "",
        login_url=f"{frontend.rstrip('/')}{LOGIN_PATH}" if status == "provisioned" and frontend else "",
    )
