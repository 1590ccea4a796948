"""Exports end to end over the local runner: ExportCourse over Connect records the export and
its outbox event, the relay and broker deliver io.mirai.export.requested to export_course,
the PDF lands in S3, and the download URL serves its bytes under the course's name."""

from __future__ import annotations

import io
import time
import urllib.request

import pytest
from pypdf import PdfReader

from common import storage_keys
from common.db import Database
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import course_connect, course_pb2
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Tenant, make_tenant

pytestmark = pytest.mark.e2e

FINISHED = (pb.JOB_STATUS_SUCCEEDED, pb.JOB_STATUS_FAILED)
GREEK = "Ασφάλεια πρώτα"


@pytest.fixture(scope="module")
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)


def _client(runner_url: str) -> course_connect.CourseServiceClientSync:
    return course_connect.CourseServiceClientSync(runner_url, timeout_ms=30_000)


def _headers(tenant: Tenant) -> dict[str, str]:
    return {"Authorization": f"Bearer {tenant.lead.token}"}


def _course(runner_url: str, tenant: Tenant, title: str) -> course_pb2.Course:
    client, headers = _client(runner_url), _headers(tenant)
    course = client.create_course(course_pb2.CreateCourseRequest(title=title), headers=headers).course
    client.save_course_content(course_pb2.SaveCourseContentRequest(course_id=course.id, content=course_pb2.CourseContent(
        modules=[course_pb2.CourseModule(title="Fire exits", lessons=[course_pb2.Lesson(title="Finding the way out",
            components=[
                pb.LessonComponent(type=pb.COMPONENT_TYPE_TEXT, text=pb.TextBlock(markdown=f"Know two exits. {GREEK}")),
                pb.LessonComponent(type=pb.COMPONENT_TYPE_QUIZ, quiz=pb.QuizBlock(
                    question="How many exits?", quiz_type=pb.QUIZ_TYPE_SINGLE_CHOICE, options=[
                    pb.QuizOption(text="Two", is_correct=True), pb.QuizOption(text="None")])),
            ])])])), headers=headers)
    return client.get_course(course_pb2.GetCourseRequest(course_id=course.id), headers=headers).course


def _wait(runner_url: str, tenant: Tenant, export_id: str, *, within: float = 60) -> course_pb2.Export:
    """Polls GetExport until the export has finished (a wait, not a timing assertion)."""
    deadline = time.monotonic() + within
    while True:
        export = _client(runner_url).get_export(course_pb2.GetExportRequest(export_id=export_id),
                                                headers=_headers(tenant)).export
        if export.status in FINISHED:
            return export
        if time.monotonic() > deadline:
            raise AssertionError(f"export {export_id} still {pb.JobStatus.Name(export.status)} after {within} s")
        time.sleep(0.05)


def test_a_pdf_export_is_built_by_the_job_and_downloads_with_the_course_text(runner_url: str, tenant: Tenant) -> None:
    client, headers = _client(runner_url), _headers(tenant)
    course = _course(runner_url, tenant, "Fire Safety")
    queued = client.export_course(course_pb2.ExportCourseRequest(course_id=course.id, format=pb.EXPORT_FORMAT_PDF),
                                  headers=headers).export
    assert queued.status == pb.JOB_STATUS_QUEUED
    built = _wait(runner_url, tenant, queued.id)
    assert built.status == pb.JOB_STATUS_SUCCEEDED, built.error_message
    assert built.size_bytes > 0 and len(built.checksum_sha256) == 64

    link = client.get_export_download_url(course_pb2.GetExportDownloadUrlRequest(export_id=built.id), headers=headers)
    assert link.file_name == "fire-safety.pdf"
    with urllib.request.urlopen(link.download_url, timeout=10) as response:
        data = response.read()
        assert "fire-safety.pdf" in response.headers["Content-Disposition"]
    assert data.startswith(b"%PDF-") and len(data) == built.size_bytes
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for expected in ("Fire Safety", "Fire exits", "Finding the way out", "Know two exits.", GREEK, "How many exits?"):
        assert expected in text, expected

    # Asked again, the built export is answered, not rebuilt.
    again = client.export_course(course_pb2.ExportCourseRequest(course_id=course.id, format=pb.EXPORT_FORMAT_PDF),
                                 headers=headers).export
    assert again.id == built.id and again.status == pb.JOB_STATUS_SUCCEEDED
    listed = client.list_exports(course_pb2.ListExportsRequest(course_id=course.id), headers=headers).exports
    assert [e.id for e in listed] == [built.id]


def test_an_export_that_cannot_be_built_fails_with_its_reason(runner_url: str, tenant: Tenant,
                                                             container: Container) -> None:
    client, headers = _client(runner_url), _headers(tenant)
    course = _course(runner_url, tenant, "Lost body")
    container.storage.delete(storage_keys.course_version(tenant.id, course.id, course.content_version))
    queued = client.export_course(course_pb2.ExportCourseRequest(course_id=course.id, format=pb.EXPORT_FORMAT_PDF),
                                  headers=headers).export
    failed = _wait(runner_url, tenant, queued.id)
    assert failed.status == pb.JOB_STATUS_FAILED and "no content in storage" in failed.error_message
