"""Proto <-> domain: ids assigned, unknown ids refused, round trips lossless."""

from __future__ import annotations

import uuid

import pytest

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2, course_pb2
from functions.course import convert
from functions.course.model import Content, content_from_json, content_to_json, empty_content

NOW = "2026-11-26T10:00:00+00:00"
LATER = "2026-11-26T11:00:00+00:00"


def _text(markdown: str, component_id: str = "") -> common_pb2.LessonComponent:
    return common_pb2.LessonComponent(id=component_id, type=common_pb2.COMPONENT_TYPE_TEXT,
                                      text=common_pb2.TextBlock(markdown=markdown))


def _request(*modules: course_pb2.CourseModule) -> course_pb2.CourseContent:
    return course_pb2.CourseContent(modules=list(modules))


def _saved_once() -> Content:
    message = _request(course_pb2.CourseModule(title="M", lessons=[
        course_pb2.Lesson(title="L", estimated_minutes=5, components=[_text("hello")],
                          objectives=[common_pb2.LearningObjective(text="Explain X")]),
    ]))
    return convert.content_from_proto(message, previous=empty_content(str(uuid.uuid4())), now=NOW)


def test_empty_ids_are_assigned_and_status_follows_components() -> None:
    body = _saved_once()
    module = body.modules[0]
    lesson = module.lessons[0]
    for value in (module.id, lesson.id, lesson.components[0]["id"], lesson.objectives[0]["id"]):
        uuid.UUID(value)
    assert lesson.content_status == "ready"
    assert body.lesson_count == 1 and body.estimated_minutes == 5


def test_json_round_trip_is_lossless() -> None:
    body = _saved_once()
    assert content_from_json(content_to_json(body)) == body


def test_proto_round_trip_keeps_ids_positions_and_components() -> None:
    body = _saved_once()
    message = convert.content_to_proto(body)
    again = convert.content_from_proto(message, previous=body, now=LATER)
    assert again == body  # nothing changed, so nothing is re-stamped
    assert message.modules[0].lessons[0].components[0].position == 0
    assert message.etag and message.modules[0].etag and message.modules[0].lessons[0].etag


def test_ids_that_are_not_this_courses_are_refused() -> None:
    body = _saved_once()
    foreign = _request(course_pb2.CourseModule(id=str(uuid.uuid4()), title="M"))
    with pytest.raises(InvalidArgument) as caught:
        convert.content_from_proto(foreign, previous=body, now=LATER)
    assert caught.value.field == "content.modules[0].id"


def test_an_id_given_twice_is_refused() -> None:
    body = _saved_once()
    module_id = body.modules[0].id
    twice = _request(course_pb2.CourseModule(id=module_id, title="A"), course_pb2.CourseModule(id=module_id, title="B"))
    with pytest.raises(InvalidArgument) as caught:
        convert.content_from_proto(twice, previous=body, now=LATER)
    assert caught.value.field == "content.modules[1].id"


def test_editing_an_ai_component_clears_ai_generated_and_stamps_it() -> None:
    previous = ({"id": "11111111-1111-1111-1111-111111111111", "type": "COMPONENT_TYPE_TEXT",
                 "text": {"markdown": "by the AI"}, "ai_generated": True, "updated_at": "2026-11-01T00:00:00Z"},)
    same = convert.components_to_json([_text("by the AI", previous[0]["id"])], previous=previous, field="c", now=LATER)
    edited = convert.components_to_json([_text("by a person", previous[0]["id"])], previous=previous, field="c",
                                        now=LATER)
    assert same[0]["ai_generated"] is True and same[0]["updated_at"] == "2026-11-01T00:00:00Z"
    assert "ai_generated" not in edited[0] and edited[0]["updated_at"].startswith("2026-11-26T11:00:00")
