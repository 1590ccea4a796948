"""AIGenerationService.RegenerateComponent: queues an AI rewrite of one lesson component
following an instruction; the job replaces the component as a new content version, if
the lesson still matches if_match then. Course editors."""

from __future__ import annotations

from common.errors import Conflict, FailedPrecondition, InvalidArgument, NotFound
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.components import type_name
from functions.ai_generation.course_writes import find_lesson
from functions.ai_generation.queueing import nudge, request_component, require_ai_key
from functions.ai_generation.records import job_to_proto
from functions.course.content import load_content, read_course
from functions.course.model import lesson_etag
from functions.course.visibility import load_viewer

MAX_INSTRUCTION_CHARS = 1000


def regenerate_component(request: ai_pb.RegenerateComponentRequest, call: Call) -> ai_pb.RegenerateComponentResponse:
    principal = call.require_principal()
    course_id = inputs.required_id(request.course_id, field="course_id")
    lesson_id = inputs.required_id(request.lesson_id, field="lesson_id")
    component_id = str(inputs.required_id(request.component_id, field="component_id"))
    instruction = inputs.text(request.instruction, field="instruction", max_chars=MAX_INSTRUCTION_CHARS, required=True)
    target = 0
    if request.HasField("target_type"):
        target = inputs.enum_value(request.target_type, pb.ComponentType.DESCRIPTOR, field="target_type")
    container = call.container
    with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        course = read_course(uow, load_viewer(uow, principal), course_id)
    # The body is read with no transaction open; the job re-checks the lesson etag when it applies.
    found = find_lesson(load_content(container.storage, course), lesson_id)
    if found is None:
        raise NotFound("lesson not found", field="lesson_id")
    module, lesson = found
    etag = lesson_etag(lesson, module_id=module.id)
    if request.if_match and request.if_match != etag:
        raise Conflict("the lesson was changed meanwhile; reload it and try again")
    component = next((c for c in lesson.components if c.get("id") == component_id), None)
    if component is None:
        raise NotFound("component not found", field="component_id")
    try:
        type_name(pb.ComponentType.Value(component.get("type", "COMPONENT_TYPE_UNSPECIFIED")))
        if target:
            type_name(target)
    except ValueError as err:
        raise InvalidArgument(str(err), field="target_type" if target else "component_id") from None
    if lesson.content_status == "generating":
        raise FailedPrecondition("the lesson is being written; wait for its job")
    with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        read_course(uow, load_viewer(uow, principal), course_id)
        require_ai_key(uow)
        job = uow.generation_jobs.add(
            type="component_regeneration", created_by=principal.user_id, course_id=course_id, lesson_ids=[lesson_id],
            component_id=component_id, progress_total=1,
            payload={"instruction": instruction, "target_type": target, "lesson_etag": etag},
        )
        request_component(uow, job)
        people = uow.user_summaries.by_ids([principal.user_id])
    nudge(container)
    return ai_pb.RegenerateComponentResponse(job=job_to_proto(job, people=people, storage=container.storage))
