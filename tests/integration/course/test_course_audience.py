"""A course's target audience: it must exist in the caller's tenant, and it sets the
course language when the request names none (course.proto CreateCourseRequest.language)."""

from __future__ import annotations

import uuid

import pytest

from common.errors import NotFound
from common.gen.mirai.v1 import target_audience_pb2 as ta_pb
from functions.bootstrap import Container
from functions.target_audience.create_target_audience import create_target_audience
from tests.support.course_actors import CourseApi, Tenant, error_of

pytestmark = pytest.mark.integration


def _audience(container: Container, tenant: Tenant, language: str) -> str:
    request = ta_pb.CreateTargetAudienceRequest(name=f"Audience {uuid.uuid4().hex[:6]}", language=language)
    return create_target_audience(request, tenant.lead.call(container)).target_audience.id


def test_a_course_without_a_language_takes_its_audiences_language(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    british = _audience(container, tenant, "en-GB")
    assert api.create_course(title="Tea", target_audience_id=british).course.language == "en-GB"
    assert api.create_course(title="Tea", target_audience_id=british, language="de").course.language == "de"
    assert api.create_course(title="Tea").course.language == "en-US"  # the caller's locale


@pytest.mark.parametrize("rpc", ["create", "update"])
def test_another_tenants_audience_answers_like_a_random_id(rpc: str, container: Container, tenant: Tenant,
                                                           other_tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Mine").course

    def attempt(audience_id: str) -> NotFound:
        if rpc == "create":
            err = error_of(lambda: api.create_course(title="x", target_audience_id=audience_id))
        else:
            err = error_of(lambda: api.update_course(course_id=course.id, target_audience_id=audience_id))
        assert isinstance(err, NotFound), repr(err)
        return err

    theirs, random = attempt(_audience(container, other_tenant, "fr")), attempt(str(uuid.uuid4()))
    assert (theirs.message, theirs.field) == (random.message, random.field)
    assert api.get_course(course_id=course.id).course.target_audience_id == ""
