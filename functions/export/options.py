"""ExportOptions as asked (proto), as checked and recorded (scorm_packages.options), and as
the builders get them (``PackageOptions``).

The recorded form is the complete ``PackageOptions`` with every default filled in, so two
requests that mean the same export record the same options and share one ``options_key``
(what ExportCourse reuses an export by).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any

from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from functions import inputs
from functions.export.formats import Format
from functions.export.package_input import DEFAULT_PASS_MARK, PackageOptions

_COMPLETION = {
    course_pb2.EXPORT_COMPLETION_RULE_UNSPECIFIED: "all_lessons",
    course_pb2.EXPORT_COMPLETION_RULE_ALL_LESSONS: "all_lessons",
    course_pb2.EXPORT_COMPLETION_RULE_PASSED: "pass_mark",
}
_COMPLETION_ENUM = {"all_lessons": course_pb2.EXPORT_COMPLETION_RULE_ALL_LESSONS,
                    "pass_mark": course_pb2.EXPORT_COMPLETION_RULE_PASSED}
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
MAX_ACTIVITY_ID_CHARS = 2000
ACTIVITY_FORMATS = ("xapi", "cmi5")


def checked_options(request: course_pb2.ExportOptions, fmt: Format, *, course_language: str) -> PackageOptions:
    """The options of an ExportCourse request, every value checked (fields named ``options.*``)."""
    score = request.passing_score_percent
    if not 0 <= score <= 100:
        raise InvalidArgument("must be a percentage from 0 to 100 (0 means 80)", field="options.passing_score_percent")
    if request.no_pass_mark and score:
        raise InvalidArgument("cannot be combined with no_pass_mark", field="options.passing_score_percent")
    completion = _COMPLETION.get(request.completion_rule)
    if completion is None:
        raise InvalidArgument("must be one of the defined ExportCompletionRule values", field="options.completion_rule")
    if completion == "pass_mark" and request.no_pass_mark:
        raise InvalidArgument("PASSED needs a pass mark, and no_pass_mark is set", field="options.completion_rule")
    language = (inputs.language_tag(request.language, field="options.language") if request.language.strip()
                else course_language)
    activity_id = request.activity_id.strip()
    if activity_id:
        if fmt.name not in ACTIVITY_FORMATS:
            raise InvalidArgument("applies to xAPI and cmi5 exports only", field="options.activity_id")
        if len(activity_id) > MAX_ACTIVITY_ID_CHARS or not _IRI.fullmatch(activity_id):
            raise InvalidArgument("must be an absolute IRI such as https://courses.example.com/safety",
                                  field="options.activity_id")
    if request.include_answer_key and fmt.name != "pdf":
        raise InvalidArgument("applies to PDF exports only", field="options.include_answer_key")
    if request.include_answer_key and request.exclude_quizzes:
        raise InvalidArgument("cannot be combined with exclude_quizzes: there would be no answers",
                              field="options.include_answer_key")
    return PackageOptions(
        pass_mark=None if request.no_pass_mark else (score or DEFAULT_PASS_MARK),
        completion=completion,
        free_navigation=not request.sequential_navigation,
        language=language,
        activity_id=activity_id,
        include_answer_key=request.include_answer_key,
        exclude_quizzes=request.exclude_quizzes,
    )


def options_to_json(options: PackageOptions) -> dict[str, Any]:
    return dataclasses.asdict(options)


def options_from_json(stored: dict[str, Any]) -> PackageOptions:
    known = {f.name for f in dataclasses.fields(PackageOptions)}
    return PackageOptions(**{k: v for k, v in stored.items() if k in known})


def options_key(*, course_version: int, fmt: Format, options: PackageOptions) -> str:
    """Equal for exports of the same course version, format and options."""
    identity = {"version": course_version, "format": fmt.name, "options": options_to_json(options)}
    return hashlib.sha256(json.dumps(identity, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:32]


def options_to_proto(options: PackageOptions) -> course_pb2.ExportOptions:
    return course_pb2.ExportOptions(
        passing_score_percent=options.pass_mark or 0,
        no_pass_mark=options.pass_mark is None,
        completion_rule=_COMPLETION_ENUM.get(options.completion, course_pb2.EXPORT_COMPLETION_RULE_ALL_LESSONS),
        sequential_navigation=not options.free_navigation,
        language=options.language,
        activity_id=options.activity_id,
        include_answer_key=options.include_answer_key,
        exclude_quizzes=options.exclude_quizzes,
    )
