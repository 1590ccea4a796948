"""TargetAudienceService.DeleteTargetAudience. Its creator or an owner/admin.

Courses that referenced it keep their content and lose the reference; the
tenant's course entries are fenced around the write (which courses referenced it
is known only inside the transaction), so nobody is shown a persona that no
longer exists."""

from __future__ import annotations

from common.gen.mirai.v1 import target_audience_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.course_cache import CourseCache
from functions.target_audience.personas import check_if_match, require_editor


def delete_target_audience(request: pb.DeleteTargetAudienceRequest, call: Call) -> pb.DeleteTargetAudienceResponse:
    principal = call.require_principal()
    audience_id = inputs.required_id(request.target_audience_id, field="target_audience_id")
    with CourseCache(call.container.cache, principal.tenant_id).library_write(), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        audience = uow.target_audiences.get(audience_id)
        require_editor(principal, audience)
        expected = check_if_match(request.if_match, audience)
        detached = uow.target_audiences.delete(audience_id, expected_version=expected)
    return pb.DeleteTargetAudienceResponse(detached_course_count=len(detached))
