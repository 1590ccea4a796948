"""Export options and names: checked once, recorded complete, equal options one reuse key."""

from __future__ import annotations

import pytest

from common.adapters.storage import content_disposition
from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from functions.export.formats import FORMATS, file_name
from functions.export.options import checked_options, options_from_json, options_key, options_to_json, options_to_proto
from functions.export.package_input import PackageOptions

PDF, SCORM = FORMATS["pdf"], FORMATS["scorm_2004"]


@pytest.mark.parametrize(("title", "fmt", "expected"), [
    ("Safety Basics", SCORM, "safety-basics-scorm2004.zip"),
    ("  Fork-lift 101: the *rules*!  ", FORMATS["scorm_12"], "fork-lift-101-the-rules-scorm12.zip"),
    ("Техника безопасности", PDF, "техника-безопасности.pdf"),
    ("???", FORMATS["cmi5"], "course-cmi5.zip"),
    ("a" * 300, FORMATS["xapi"], "a" * 80 + "-xapi.zip"),
])
def test_the_download_name_is_the_title_as_a_slug(title: str, fmt: object, expected: str) -> None:
    assert file_name(title, fmt) == expected  # type: ignore[arg-type]


def test_a_non_ascii_download_name_has_an_ascii_fallback_and_its_utf8_form() -> None:
    header = content_disposition("техника.pdf")
    assert header.startswith('attachment; filename="_______.pdf"; filename*=UTF-8\'\'%D1%82')


def test_defaults_are_filled_in_so_equal_requests_share_one_key() -> None:
    implicit = checked_options(course_pb2.ExportOptions(), SCORM, course_language="de")
    explicit = checked_options(course_pb2.ExportOptions(passing_score_percent=80, language="de",
                                                        completion_rule=course_pb2.EXPORT_COMPLETION_RULE_ALL_LESSONS),
                               SCORM, course_language="de")
    assert implicit == explicit == PackageOptions(pass_mark=80, completion="all_lessons", free_navigation=True,
                                                  language="de")
    assert options_key(course_version=3, fmt=SCORM, options=implicit) == options_key(course_version=3, fmt=SCORM,
                                                                                    options=explicit)
    assert options_key(course_version=3, fmt=SCORM, options=implicit) != options_key(course_version=4, fmt=SCORM,
                                                                                    options=implicit)
    assert options_key(course_version=3, fmt=SCORM, options=implicit) != options_key(course_version=3,
                                                                                    fmt=FORMATS["scorm_12"],
                                                                                    options=implicit)


def test_options_survive_the_round_trip_through_the_row_and_the_contract() -> None:
    asked = course_pb2.ExportOptions(no_pass_mark=True, sequential_navigation=True, language="pt-br",
                                     activity_id="https://courses.example.com/safety")
    options = checked_options(asked, FORMATS["cmi5"], course_language="en")
    assert options.pass_mark is None and not options.free_navigation and options.language == "pt-BR"
    assert options_from_json(options_to_json(options)) == options
    shown = options_to_proto(options)
    assert shown.no_pass_mark and shown.passing_score_percent == 0 and shown.sequential_navigation
    assert shown.activity_id == "https://courses.example.com/safety"


def test_a_pass_mark_completion_needs_a_pass_mark() -> None:
    with pytest.raises(InvalidArgument) as err:
        checked_options(course_pb2.ExportOptions(no_pass_mark=True,
                                                 completion_rule=course_pb2.EXPORT_COMPLETION_RULE_PASSED),
                        SCORM, course_language="en")
    assert err.value.field == "options.completion_rule"
