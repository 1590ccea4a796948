"""Request checks name the field they refuse."""

from __future__ import annotations

import uuid

from common.gen.mirai.v1 import common_pb2
from functions.course import validation as check
from tests.support.refusals import refused


def test_titles_are_trimmed_and_bounded() -> None:
    assert check.title("  Safety  ") == "Safety"
    refused(lambda: check.title("   "), "title")
    refused(lambda: check.title("x" * 301), "title")
    refused(lambda: check.title("a\x00b", field="name"), "name")


def test_ids_must_be_uuids_and_empty_means_unset() -> None:
    some = uuid.uuid4()
    assert check.optional_id("", field="folder_id") is None
    assert check.optional_id(str(some).upper(), field="folder_id") == some
    refused(lambda: check.optional_id("../etc", field="folder_id"), "folder_id")
    refused(lambda: check.required_id("", field="course_id"), "course_id")


def test_tags_are_deduplicated_case_insensitively_and_bounded() -> None:
    assert check.tags([" Safety", "safety", "Onboarding"]) == ["Safety", "Onboarding"]
    refused(lambda: check.tags(["ok", ""]), "tags[1]")
    refused(lambda: check.tags(["x" * 51]), "tags[0]")
    refused(lambda: check.tags([f"t{i}" for i in range(21)]), "tags")


def test_language_is_a_bcp47_tag() -> None:
    assert check.language("de-CH") == "de-CH"
    refused(lambda: check.language("english please"), "language")


def test_status_enum_refuses_unspecified_and_unknown_values() -> None:
    assert check.status(common_pb2.COURSE_STATUS_PUBLISHED) == "published"
    refused(lambda: check.status(common_pb2.COURSE_STATUS_UNSPECIFIED), "status")
    refused(lambda: check.statuses([1, 99]), "statuses[1]")


def test_negative_page_sizes_and_positions_arerefused() -> None:
    refused(lambda: check.page_size(-1), "page_size")
    refused(lambda: check.position(-1), "position")
    refused(lambda: check.version_number(0), "version")


def _component(**fields: object) -> common_pb2.LessonComponent:
    return common_pb2.LessonComponent(**fields)  # type: ignore[arg-type]


def test_component_type_must_match_its_body() -> None:
    text = _component(type=common_pb2.COMPONENT_TYPE_TEXT, text=common_pb2.TextBlock(markdown="hi"))
    check.components([text], field="components")
    wrong = _component(type=common_pb2.COMPONENT_TYPE_HEADING, text=common_pb2.TextBlock(markdown="hi"))
    refused(lambda: check.components([text, wrong], field="components"), "components[1].heading")
    refused(lambda: check.components([_component(text=common_pb2.TextBlock())], field="c"), "c[0].type")


def test_headings_are_level_2_to_4() -> None:
    heading = _component(type=common_pb2.COMPONENT_TYPE_HEADING, heading=common_pb2.HeadingBlock(text="H", level=1))
    refused(lambda: check.components([heading], field="c"), "c[0].heading.level")


def _quiz(quiz_type: int, *correct: bool) -> common_pb2.LessonComponent:
    options = [common_pb2.QuizOption(text=f"o{i}", is_correct=c) for i, c in enumerate(correct)]
    return _component(type=common_pb2.COMPONENT_TYPE_QUIZ,
                      quiz=common_pb2.QuizBlock(question="Q?", options=options, quiz_type=quiz_type))  # type: ignore[arg-type]


def test_quizzes_need_the_right_number_of_correct_options() -> None:
    check.components([_quiz(common_pb2.QUIZ_TYPE_SINGLE_CHOICE, True, False)], field="c")
    check.components([_quiz(common_pb2.QUIZ_TYPE_MULTIPLE_CHOICE, True, True, False)], field="c")
    refused(lambda: check.components([_quiz(common_pb2.QUIZ_TYPE_SINGLE_CHOICE, True, True)], field="c"),
             "c[0].quiz.options")
    refused(lambda: check.components([_quiz(common_pb2.QUIZ_TYPE_MULTIPLE_CHOICE, False, False)], field="c"),
             "c[0].quiz.options")
    refused(lambda: check.components([_quiz(common_pb2.QUIZ_TYPE_TRUE_FALSE, True, False, False)], field="c"),
             "c[0].quiz.options")
    refused(lambda: check.components([_quiz(common_pb2.QUIZ_TYPE_SINGLE_CHOICE, True)], field="c"),
             "c[0].quiz.options")
    refused(lambda: check.components([_quiz(common_pb2.QUIZ_TYPE_UNSPECIFIED, True, False)], field="c"),
             "c[0].quiz.quiz_type")
