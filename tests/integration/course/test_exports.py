"""Course exports in process through the real Container: ExportCourse records an export and
its event together (or reuses one), the reads see only visible courses, and the
export_course job builds, uploads and records the file (PDF here), fails with a reason,
is claimed once and picked up again by the sweep."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import urllib.request
import uuid
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from common import storage_keys
from common.db import Database
from common.errors import FailedPrecondition, InvalidArgument, NotFound
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import course_pb2
from events.catalogue import validate_data
from functions.bootstrap import Container
from functions.export.export_run import MAX_ATTEMPTS, run_export
from functions.export.lease_sweep import sweep_stalled_exports
from tests.support.course_actors import CourseApi, Tenant, error_of
from tests.support.owner_rows import owner_rows

pytestmark = pytest.mark.integration

PDF = pb.EXPORT_FORMAT_PDF
CYRILLIC = "Безопасность прежде всего"


def _quiz(question: str, right: str, wrong: str, explanation: str) -> pb.LessonComponent:
    return pb.LessonComponent(type=pb.COMPONENT_TYPE_QUIZ, quiz=pb.QuizBlock(
        question=question, explanation=explanation, quiz_type=pb.QUIZ_TYPE_SINGLE_CHOICE,
        options=[pb.QuizOption(text=right, is_correct=True), pb.QuizOption(text=wrong)]))


def course_with_content(api: CourseApi, *, title: str = "Safety Basics", folder_id: str = "") -> course_pb2.Course:
    course = api.create_course(title=title, description="Staying safe at work", folder_id=folder_id).course
    api.save_course_content(course_id=course.id, content=course_pb2.CourseContent(modules=[course_pb2.CourseModule(
        title="Protective equipment", lessons=[course_pb2.Lesson(title="Boots and helmets", components=[
            pb.LessonComponent(type=pb.COMPONENT_TYPE_HEADING, heading=pb.HeadingBlock(text="Why it matters", level=2)),
            pb.LessonComponent(type=pb.COMPONENT_TYPE_TEXT, text=pb.TextBlock(
                markdown=f"Always wear **steel-toe boots** on the floor. {CYRILLIC}.")),
            pb.LessonComponent(type=pb.COMPONENT_TYPE_IMAGE, image=pb.ImageBlock(
                alt_text="A worker in a yellow helmet", caption="Figure 1: the right helmet")),
            _quiz("Which shoes belong on the floor?", "Steel-toe boots", "Sandals", "Boots protect your toes."),
        ])])]))
    return api.get_course(course_id=course.id).course


def _exports_of(owner_db: Database, course_id: str) -> list[dict[str, Any]]:
    return owner_rows(owner_db, "select * from scorm_packages where course_id = :c order by created_at", c=course_id)


def _events_of(owner_db: Database, export_id: str) -> list[dict[str, Any]]:
    return owner_rows(owner_db, "select type, source, data from outbox where subject = :s order by created_at",
                      s=export_id)


def _set(owner_db: Database, export_id: str, assignments: str, **params: object) -> None:
    with owner_db.engine.begin() as conn:
        conn.execute(text(f"update scorm_packages set {assignments} where id = :id"), {"id": export_id, **params})


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _queued(container: Container, tenant: Tenant, **fields: Any) -> tuple[CourseApi, course_pb2.Course, course_pb2.Export]:
    """The lead's API, a course with content, and a PDF export of it just requested."""
    api = CourseApi(container, tenant.lead)
    course = course_with_content(api)
    return api, course, api.export_course(course_id=course.id, format=PDF, **fields).export


# --- ExportCourse -------------------------------------------------------------------
def test_an_export_is_recorded_queued_with_its_event_and_the_defaults_filled_in(
    container: Container, tenant: Tenant, owner_db: Database
) -> None:
    api, course, export = _queued(container, tenant)
    assert export.status == pb.JOB_STATUS_QUEUED and export.format == PDF
    assert export.course_version == course.content_version == 2
    assert (export.course_title, export.file_name) == ("Safety Basics", "safety-basics.pdf")
    assert export.requested_by.id == str(tenant.lead.principal.user_id)
    assert export.options.passing_score_percent == 80 and not export.options.no_pass_mark
    assert export.options.completion_rule == course_pb2.EXPORT_COMPLETION_RULE_ALL_LESSONS
    assert export.options.language == course.language and not export.options.sequential_navigation
    assert [r["status"] for r in _exports_of(owner_db, course.id)] == ["queued"]
    events = _events_of(owner_db, export.id)
    assert [(e["type"], e["source"]) for e in events] == [("io.mirai.export.requested", "/mirai/course")]
    assert events[0]["data"] == {"tenant_id": str(tenant.id), "export_id": export.id, "course_id": course.id,
                                 "format": "pdf"}
    validate_data("io.mirai.export.requested", events[0]["data"])
    assert api.get_export(export_id=export.id).export == export


def test_the_same_export_asked_again_is_reused_and_a_different_one_is_not(
    container: Container, tenant: Tenant, owner_db: Database
) -> None:
    api, course, first = _queued(container, tenant)
    # The same thing spelled differently (explicit version, explicit defaults) is the same export.
    again = api.export_course(course_id=course.id, format=PDF, version=course.content_version,
                              options=course_pb2.ExportOptions(passing_score_percent=80, language=course.language)).export
    assert again.id == first.id
    other_options = api.export_course(course_id=course.id, format=PDF,
                                      options=course_pb2.ExportOptions(include_answer_key=True)).export
    older_version = api.export_course(course_id=course.id, format=PDF, version=1).export
    assert len({first.id, other_options.id, older_version.id}) == 3
    assert len(_events_of(owner_db, first.id)) == 1

    # A failed export, and a built one whose file has expired, are built again.
    _set(owner_db, first.id, "status = 'failed', error_message = 'x'")
    rebuilt = api.export_course(course_id=course.id, format=PDF).export
    assert rebuilt.id != first.id
    _set(owner_db, rebuilt.id, "status = 'succeeded', object_key = 'k', completed_at = now(), size_bytes = 1,"
         " checksum_sha256 = repeat('a', 64), file_expires_at = now() + interval '1 day'")
    assert api.export_course(course_id=course.id, format=PDF).export.id == rebuilt.id
    _set(owner_db, rebuilt.id, "file_expires_at = now() - interval '1 second'")
    assert api.export_course(course_id=course.id, format=PDF).export.id not in {first.id, rebuilt.id}


@pytest.mark.parametrize(("fields", "error", "field"), [
    ({"course_id": ""}, InvalidArgument, "course_id"),
    ({"course_id": "not-a-uuid"}, InvalidArgument, "course_id"),
    ({"format": pb.EXPORT_FORMAT_UNSPECIFIED}, InvalidArgument, "format"),
    ({"format": 99}, InvalidArgument, "format"),
    ({"version": -1}, InvalidArgument, "version"),
    ({"version": 99}, NotFound, None),
    ({"options": course_pb2.ExportOptions(passing_score_percent=101)}, InvalidArgument, "options.passing_score_percent"),
    ({"options": course_pb2.ExportOptions(passing_score_percent=-5)}, InvalidArgument, "options.passing_score_percent"),
    ({"options": course_pb2.ExportOptions(passing_score_percent=70, no_pass_mark=True)}, InvalidArgument,
     "options.passing_score_percent"),
    ({"options": course_pb2.ExportOptions(no_pass_mark=True, completion_rule=course_pb2.EXPORT_COMPLETION_RULE_PASSED)},
     InvalidArgument, "options.completion_rule"),
    ({"options": course_pb2.ExportOptions(completion_rule=7)}, InvalidArgument, "options.completion_rule"),
    ({"options": course_pb2.ExportOptions(language="not a language")}, InvalidArgument, "options.language"),
    ({"options": course_pb2.ExportOptions(activity_id="https://courses.example.com/x")}, InvalidArgument,
     "options.activity_id"),
    ({"format": pb.EXPORT_FORMAT_XAPI, "options": course_pb2.ExportOptions(activity_id="no scheme here")},
     InvalidArgument, "options.activity_id"),
    ({"format": pb.EXPORT_FORMAT_SCORM_12, "options": course_pb2.ExportOptions(include_answer_key=True)},
     InvalidArgument, "options.include_answer_key"),
    ({"options": course_pb2.ExportOptions(include_answer_key=True, exclude_quizzes=True)}, InvalidArgument,
     "options.include_answer_key"),
])
def test_a_bad_export_request_is_refused_with_its_field_and_records_nothing(
    container: Container, tenant: Tenant, owner_db: Database, fields: dict[str, Any], error: type, field: str | None
) -> None:
    api = CourseApi(container, tenant.lead)
    course = course_with_content(api)
    request = {"course_id": course.id, "format": PDF, **fields}
    err = error_of(lambda: api.export_course(**request))
    assert type(err) is error and err.field == field, err
    assert err.message and not err.message.startswith(field or "\0")
    assert _exports_of(owner_db, course.id) == []


def test_a_course_in_the_trash_is_not_exported(container: Container, tenant: Tenant, owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = course_with_content(api)
    api.delete_course(course_id=course.id)
    err = error_of(lambda: api.export_course(course_id=course.id, format=PDF))
    assert isinstance(err, FailedPrecondition) and "trash" in err.message
    assert _exports_of(owner_db, course.id) == []


# --- GetExport, ListExports, GetExportDownloadUrl -------------------------------------
def test_listing_filters_pages_and_shows_only_visible_courses(container: Container, tenant: Tenant) -> None:
    lead = CourseApi(container, tenant.lead)
    course = course_with_content(lead, title="Listed")
    team_course = course_with_content(lead, title="Team only", folder_id=str(tenant.ids["team_folder"]))
    made = [lead.export_course(course_id=course.id, format=PDF,
                               options=course_pb2.ExportOptions(passing_score_percent=score)).export.id
            for score in (50, 60, 70)]
    hidden = lead.export_course(course_id=team_course.id, format=PDF).export.id

    paged: list[str] = []
    token = ""
    while True:
        page = lead.list_exports(course_id=course.id, page_size=2, page_token=token)
        paged += [e.id for e in page.exports]
        token = page.next_page_token
        if not token:
            break
    assert paged == list(reversed(made))  # newest first, every one once
    assert [e.id for e in lead.list_exports(format=PDF, status=pb.JOB_STATUS_QUEUED, page_size=200).exports
            if e.id in {*made, hidden}] == [hidden, *reversed(made)]
    assert lead.list_exports(course_id=course.id, status=pb.JOB_STATUS_SUCCEEDED).exports == []
    assert lead.list_exports(course_id=course.id, format=pb.EXPORT_FORMAT_CMI5).exports == []

    outsider = CourseApi(container, tenant.outsider)
    seen = {e.id for e in outsider.list_exports(page_size=200).exports}
    assert set(made) <= seen and hidden not in seen
    assert outsider.list_exports(course_id=team_course.id).exports == []
    assert isinstance(error_of(lambda: outsider.get_export(export_id=hidden)), NotFound)
    owner = CourseApi(container, tenant.owner)
    assert hidden in {e.id for e in owner.list_exports(page_size=200).exports}


@pytest.mark.parametrize(("fields", "field"), [
    ({"format": pb.EXPORT_FORMAT_UNSPECIFIED}, "format"), ({"status": 42}, "status"), ({"course_id": "x"}, "course_id"),
    ({"page_token": "garbage"}, "page_token"), ({"page_size": -1}, "page_size"),
])
def test_bad_list_filters_are_refused(container: Container, tenant: Tenant, fields: dict[str, Any], field: str) -> None:
    err = error_of(lambda: CourseApi(container, tenant.lead).list_exports(**fields))
    assert isinstance(err, InvalidArgument) and err.field == field


def test_an_export_not_built_yet_has_no_download(container: Container, tenant: Tenant, owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    export = api.export_course(course_id=course_with_content(api).id, format=PDF).export
    err = error_of(lambda: api.get_export_download_url(export_id=export.id))
    assert isinstance(err, FailedPrecondition) and "queued" in err.message
    _set(owner_db, export.id, "status = 'failed', error_message = 'x'")
    err = error_of(lambda: api.get_export_download_url(export_id=export.id))
    assert isinstance(err, FailedPrecondition) and "failed" in err.message


# --- the export_course job ---------------------------------------------------------
def test_the_job_builds_uploads_and_records_the_pdf_and_the_download_names_it(
    container: Container, tenant: Tenant, owner_db: Database
) -> None:
    api, course, export = _queued(container, tenant)
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "succeeded"

    built = api.get_export(export_id=export.id).export
    assert built.status == pb.JOB_STATUS_SUCCEEDED and built.HasField("completed_at") and built.HasField("file_expires_at")
    stored = container.storage.get(storage_keys.export_archive(tenant.id, export.id))
    assert stored.startswith(b"%PDF-") and built.size_bytes == len(stored)
    assert built.checksum_sha256 == hashlib.sha256(stored).hexdigest() and list(built.validation_findings) == []
    row = _exports_of(owner_db, course.id)[0]
    assert row["object_key"] == container.storage.full_key(storage_keys.export_archive(tenant.id, export.id))
    assert row["worker"] and row["lease_expires_at"] is None and row["attempt"] == 1

    content = _pdf_text(stored)
    for expected in ("Safety Basics", "Contents", "Protective equipment", "Boots and helmets", "Why it matters",
                     "steel-toe boots", CYRILLIC, "A worker in a yellow helmet", "Figure 1: the right helmet",
                     "Which shoes belong on the floor?", "Sandals"):
        assert expected in content, expected
    assert "Answer key" not in content and "Boots protect your toes." not in content

    link = api.get_export_download_url(export_id=export.id)
    assert link.file_name == "safety-basics.pdf" and link.size_bytes == len(stored) and link.HasField("expires_at")
    with urllib.request.urlopen(link.download_url, timeout=10) as response:
        assert response.read() == stored
        assert 'filename="safety-basics.pdf"' in response.headers["Content-Disposition"]
    notes = owner_rows(owner_db, "select type, resource_id, resource_course_id from notifications"
                       " where resource_type = 'export' and user_id = :u", u=tenant.lead.principal.user_id)
    assert notes == [{"type": "export_ready", "resource_id": uuid.UUID(export.id),
                      "resource_course_id": uuid.UUID(course.id)}]
    # Delivered again, the built export is not claimed and not rebuilt.
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "not claimed"
    assert api.export_course(course_id=course.id, format=PDF).export.id == export.id


def test_the_answer_key_is_in_the_pdf_only_when_asked(container: Container, tenant: Tenant) -> None:
    _api, _course, export = _queued(container, tenant, options=course_pb2.ExportOptions(include_answer_key=True))
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "succeeded"
    content = _pdf_text(container.storage.get(storage_keys.export_archive(tenant.id, export.id)))
    key = content[content.rindex("Answer key"):]  # the first one is its line in the contents
    assert "Steel-toe boots" in key and "Boots protect your toes." in key and "Sandals" not in key


def test_a_version_without_its_body_fails_with_a_reason_and_offers_no_download(
    container: Container, tenant: Tenant, owner_db: Database
) -> None:
    api, course, export = _queued(container, tenant)
    container.storage.delete(storage_keys.course_version(tenant.id, course.id, course.content_version))
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "failed"
    failed = api.get_export(export_id=export.id).export
    assert failed.status == pb.JOB_STATUS_FAILED and "no content in storage" in failed.error_message
    assert failed.size_bytes == 0 and failed.checksum_sha256 == ""
    assert container.storage.list_keys(storage_keys.exports_prefix(tenant.id)) == []
    assert isinstance(error_of(lambda: api.get_export_download_url(export_id=export.id)), FailedPrecondition)
    notes = owner_rows(owner_db, "select type, message from notifications where resource_id = :e", e=export.id)
    assert [n["type"] for n in notes] == ["export_failed"] and "no content in storage" in str(notes[0]["message"])


@pytest.mark.skipif(importlib.util.find_spec("functions.export.packages") is not None,
                    reason="the package builders are part of this build: no format lacks its builder")
def test_a_format_whose_builder_is_not_in_this_build_fails_with_a_clear_reason(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    export = api.export_course(course_id=course_with_content(api).id, format=pb.EXPORT_FORMAT_SCORM_2004).export
    assert export.file_name == "safety-basics-scorm2004.zip"
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "failed"
    failed = api.get_export(export_id=export.id).export
    assert failed.error_message == "SCORM 2004 exports are not available in this version of Mirai yet"


def test_an_event_naming_another_tenant_claims_nothing(container: Container, tenant: Tenant, other_tenant: Tenant,
                                                       owner_db: Database) -> None:
    _api, course, export = _queued(container, tenant)
    assert run_export(container, tenant_id=other_tenant.id, export_id=uuid.UUID(export.id)) == "not claimed"
    assert [(r["status"], r["attempt"]) for r in _exports_of(owner_db, course.id)] == [("queued", 0)]


def test_the_sweep_requeues_a_run_that_died_and_gives_up_after_the_last_attempt(
    container: Container, tenant: Tenant, owner_db: Database
) -> None:
    api, course, export = _queued(container, tenant)
    # A run that claimed the export and died: its lease has ended.
    _set(owner_db, export.id, "status = 'running', worker = 'dead', attempt = 1, lease_expires_at = now() - interval '1 s'")
    assert uuid.UUID(export.id) in sweep_stalled_exports(container)
    assert [(r["status"], r["worker"]) for r in _exports_of(owner_db, course.id)] == [("queued", None)]
    assert len(_events_of(owner_db, export.id)) == 2
    assert uuid.UUID(export.id) not in sweep_stalled_exports(container)  # held: not re-published again at once
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(export.id)) == "succeeded"
    assert _exports_of(owner_db, course.id)[0]["attempt"] == 2

    doomed = api.export_course(course_id=course.id, format=PDF,
                               options=course_pb2.ExportOptions(exclude_quizzes=True)).export
    _set(owner_db, doomed.id, "status = 'running', worker = 'dead', attempt = :n,"
         " lease_expires_at = now() - interval '1 s'", n=MAX_ATTEMPTS)
    sweep_stalled_exports(container)
    assert run_export(container, tenant_id=tenant.id, export_id=uuid.UUID(doomed.id)) == "failed"
    failed = api.get_export(export_id=doomed.id).export
    assert failed.status == pb.JOB_STATUS_FAILED and f"{MAX_ATTEMPTS} times" in failed.error_message


def test_a_queued_export_whose_event_was_lost_is_published_again(container: Container, tenant: Tenant,
                                                                 owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    export = api.export_course(course_id=course_with_content(api).id, format=PDF).export
    assert uuid.UUID(export.id) not in sweep_stalled_exports(container)  # recently queued: its event is on its way
    _set(owner_db, export.id, "created_at = now() - interval '1 hour'")
    assert uuid.UUID(export.id) in sweep_stalled_exports(container)
    assert len(_events_of(owner_db, export.id)) == 2


def test_a_run_that_lost_its_lease_writes_nothing(container: Container, tenant: Tenant, owner_db: Database) -> None:
    from functions.export import export_run

    _api, course, export = _queued(container, tenant)
    with container.db.tenant_session(tenant.id) as uow:
        claimed = uow.exports.claim(uuid.UUID(export.id), lease_seconds=60, worker="first")
    assert claimed is not None
    _set(owner_db, export.id, "worker = 'second'")  # the sweep and another run took it over
    built = export_run.Built(size_bytes=10, checksum_sha256="b" * 64)
    assert export_run._succeed(container, claimed, "first", built, object_key="x") == "stale"
    row = _exports_of(owner_db, course.id)[0]
    assert (row["status"], row["worker"], row["object_key"]) == ("running", "second", None)
