"""The text rule of every request, walked by descriptor."""

from __future__ import annotations

import pytest

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2
from common.gen.mirai.v1 import course_pb2 as cpb
from common.rpc.request_text import check_request_text, has_control_characters


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_c0_c1_and_del_are_refused(bad: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        check_request_text(cpb.CreateCourseRequest(title="T", description=f"a{bad}b"))
    assert (caught.value.field, caught.value.message) == ("description", "must not contain control characters")


def test_lone_surrogates_count_as_control_characters() -> None:
    # protobuf refuses them when a message is built, but text reaches the rule by other ways (functions.inputs.text).
    assert has_control_characters("a\ud800") and has_control_characters("\udfff")
    assert not has_control_characters("\U0001f600")


def test_line_breaks_tabs_and_any_printable_unicode_pass() -> None:
    check_request_text(cpb.CreateCourseRequest(title="日本語.pdf \u202e 😀 \u00a0", description="a\r\n\tb"))


def test_repeated_nested_and_optional_fields_are_walked() -> None:
    lesson = cpb.Lesson(title="L")
    module = cpb.CourseModule(title="M", lessons=[lesson, cpb.Lesson(title="bad\x00")])
    with pytest.raises(InvalidArgument) as caught:
        check_request_text(cpb.SaveCourseContentRequest(content=cpb.CourseContent(modules=[cpb.CourseModule(), module])))
    assert caught.value.field == "content.modules[1].lessons[1].title"
    with pytest.raises(InvalidArgument) as caught:
        check_request_text(cpb.UpdateCourseRequest(tags=common_pb2.StringList(values=["x", "\x02"])))
    assert caught.value.field == "tags.values[1]"
