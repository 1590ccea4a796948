"""What a package builder is given: one course version and the export's options.

The export job reads the course version (``functions.course.model.Content``) and the
options recorded on the export row, and hands them to a builder; builders never touch
the database, S3 or the network, so they can be run and tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.course.model import Content

DEFAULT_PASS_MARK = 80  # course.proto ExportOptions: "0 means 80"


@dataclass(frozen=True)
class PackageOptions:
    pass_mark: int | None = DEFAULT_PASS_MARK  # percent 0-100; None: completion only, no pass/fail
    completion: str = "all_lessons"  # "all_lessons" | "pass_mark" (completed when passed)
    free_navigation: bool = True  # lessons may be visited out of order
    language: str = "en"  # BCP 47 tag of the learner-facing texts of the player
    activity_id: str = ""  # xAPI/cmi5 course IRI; "" derives one from the course id
    include_answer_key: bool = False  # PDF
    exclude_quizzes: bool = False


@dataclass(frozen=True)
class PackageCourse:
    id: str
    title: str
    description: str
    language: str  # the course's content language (BCP 47)
    version: int
    content: Content
