"""The lesson half of the pipeline over the runner: approve an outline, watch the course
fill in (lessons written in parallel by ``generate_lesson``), retry failures, regenerate
a component; every step through the Connect API, every stored object checked."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator

import pytest
from connectrpc.code import Code

from common import storage_keys
from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import course_connect
from common.gen.mirai.v1 import course_pb2 as course
from tests.fakes.gemini import FakeGemini, FakeReply
from tests.fakes.kratos import FakeKratos
from tests.support.generation import Author, client, generation_runner, new_tenant, wait_for_job
from tests.support.owner_rows import owner_rows
from tests.support.rpc_errors import fails
from tests.support.runner import RunningRunner

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def runner(settings: Settings, gemini: FakeGemini) -> Iterator[RunningRunner]:
    with generation_runner(settings, gemini) as running:
        yield running


def ready_outline(runner: RunningRunner, author: Author, *, lessons: int) -> ai_pb.Outline:
    ai = client(runner)
    started = ai.generate_outline(ai_pb.GenerateOutlineRequest(
        title="Warehouse safety", learning_goals=["Drive safely"], desired_lesson_count=lessons), headers=author.headers)
    job = wait_for_job(runner, started.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED, job.error_message
    return ai.get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline


def content_of(runner: RunningRunner, author: Author, course_id: str) -> course.CourseContent:
    courses = course_connect.CourseServiceClientSync(runner.url, timeout_ms=30_000)
    return courses.get_course_content(course.GetCourseContentRequest(course_id=course_id), headers=author.headers).content


def test_an_approved_outline_becomes_a_twelve_lesson_course_written_in_parallel(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    author = new_tenant(runner, kratos)
    outline = ready_outline(runner, author, lessons=12)
    gemini.latency = 0.2
    outline_calls = len(gemini.requests)
    approved = client(runner).approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id, if_match=outline.etag),
                                              headers=author.headers)
    assert approved.outline.status == ai_pb.OUTLINE_STATUS_APPROVED and approved.outline.course_id == approved.course_id
    assert approved.job.type == pb.JOB_TYPE_LESSON_GENERATION and approved.job.progress_total == 12

    job = wait_for_job(runner, approved.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED, job.error_message
    assert (job.progress_done, job.progress_total, list(job.failed_lesson_ids)) == (12, 12, [])
    assert job.input_tokens > 0 and job.output_tokens > 0
    lesson_calls = [r for r in gemini.requests[outline_calls:] if r.model]
    assert len(lesson_calls) == 12 and all(r.api_key == author.api_key for r in lesson_calls)
    assert gemini.max_in_flight > 1  # lessons ran side by side

    content = content_of(runner, author, approved.course_id)
    lessons = [lesson for module in content.modules for lesson in module.lessons]
    assert len(lessons) == 12
    assert [m.title for m in content.modules] == [s.title for s in outline.sections]
    for lesson in lessons:
        assert lesson.content_status == course.LESSON_CONTENT_STATUS_READY and lesson.components, lesson.title
        assert all(c.ai_generated for c in lesson.components)
        assert {c.type for c in lesson.components} >= {pb.COMPONENT_TYPE_TEXT, pb.COMPONENT_TYPE_QUIZ}
    # Every lesson's write is its own version on top of the structure: none lost another's.
    versions = owner_rows(owner_db, "select version, source from course_versions where course_id = :c order by version",
                     c=approved.course_id)
    assert [v["version"] for v in versions] == list(range(1, 14))
    # The structure from the approved outline creates the course (VersionSource CREATE); the lessons are AI's.
    assert [v["source"] for v in versions] == ["create"] + ["ai_generation"] * 12
    assert content.version == 13
    courses = course_connect.CourseServiceClientSync(runner.url, timeout_ms=30_000)
    written_course = courses.get_course(course.GetCourseRequest(course_id=approved.course_id), headers=author.headers).course
    assert written_course.generation_job_id == ""  # the job succeeded: nothing is generating any more
    rows = owner_rows(owner_db, "select lesson_id, count(*) as n from lesson_components where course_id = :c group by lesson_id",
                 c=approved.course_id)
    by_lesson = {str(r["lesson_id"]): r["n"] for r in rows}
    assert by_lesson == {lesson.id: len(lesson.components) for lesson in lessons}
    runs = owner_rows(owner_db, "select id, lesson_id, status, attempt, content_object_key from generated_lessons "
                 "where job_id = :j", j=job.id)
    assert len(runs) == 12 and {(r["status"], r["attempt"]) for r in runs} == {("succeeded", 1)}
    for run in runs:
        key = storage_keys.lesson_file(author.tenant.tenant_id, run["lesson_id"], f"{run['id']}.json")
        assert run["content_object_key"] == runner.container.storage.full_key(key)
    first = runs[0]
    body = json.loads(runner.container.storage.get(
        storage_keys.lesson_file(author.tenant.tenant_id, first["lesson_id"], f"{first['id']}.json")))
    written = next(lesson for lesson in lessons if lesson.id == str(first["lesson_id"]))
    assert [c["id"] for c in body["components"]] == [c.id for c in written.components]
    notes = owner_rows(owner_db, "select type from notifications where user_id = :u order by created_at", u=author.user_id)
    assert [n["type"] for n in notes] == ["outline_ready", "lessons_ready"]
    # The plaintext key went to the provider only: not into rows, logs or responses.
    stored = owner_rows(owner_db, "select string_agg(j::text, ' ') as t from generation_jobs j where course_id = :c",
                   c=approved.course_id)[0]["t"]
    assert author.api_key not in str(stored) and author.api_key not in caplog.text
    assert author.api_key.encode() not in approved.SerializeToString() + job.SerializeToString()


def test_twenty_lessons_with_slow_replies_are_written_side_by_side(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    author = new_tenant(runner, kratos)
    outline = ready_outline(runner, author, lessons=20)
    gemini.reset()
    gemini.latency = 0.3
    approved = client(runner).approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id), headers=author.headers)
    job = wait_for_job(runner, approved.job.id, author.headers, within=120)
    assert job.status == pb.JOB_STATUS_SUCCEEDED and job.progress_done == 20
    assert len(gemini.requests) == 20
    # Structural, not a timer: several provider calls were in flight at the same moment.
    assert gemini.max_in_flight > 1


def _approved(runner: RunningRunner, author: Author, *, lessons: int) -> tuple[ai_pb.ApproveOutlineResponse, ai_pb.Job]:
    outline = ready_outline(runner, author, lessons=lessons)
    approved = client(runner).approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id), headers=author.headers)
    return approved, wait_for_job(runner, approved.job.id, author.headers)


def test_regenerating_a_quiz_replaces_only_that_component_as_a_new_version(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    author = new_tenant(runner, kratos)
    approved, _ = _approved(runner, author, lessons=2)
    before = content_of(runner, author, approved.course_id)
    lesson = before.modules[0].lessons[0]
    quiz = next(c for c in lesson.components if c.type == pb.COMPONENT_TYPE_QUIZ)
    others = [c for c in lesson.components if c.id != quiz.id]

    job = client(runner).regenerate_component(ai_pb.RegenerateComponentRequest(
        course_id=approved.course_id, lesson_id=lesson.id, component_id=quiz.id, instruction="Make it harder",
        if_match=lesson.etag), headers=author.headers).job
    assert job.type == pb.JOB_TYPE_COMPONENT_REGENERATION and job.component_id == quiz.id
    done = wait_for_job(runner, job.id, author.headers)
    assert done.status == pb.JOB_STATUS_SUCCEEDED, done.error_message
    assert done.component.id == quiz.id and done.component.type == pb.COMPONENT_TYPE_QUIZ
    assert "Make it harder" in gemini.requests[-1].prompt

    after = content_of(runner, author, approved.course_id)
    assert after.version == before.version + 1
    rewritten = after.modules[0].lessons[0]
    new_quiz = next(c for c in rewritten.components if c.id == quiz.id)
    assert new_quiz.quiz != quiz.quiz and new_quiz.quiz == done.component.quiz
    assert [c for c in rewritten.components if c.id != quiz.id] == others
    assert after.modules[0].lessons[1] == before.modules[0].lessons[1]
    row = owner_rows(owner_db, "select body from lesson_components where id = :c", c=quiz.id)[0]["body"]
    assert row["quiz"]["question"] == new_quiz.quiz.question  # type: ignore[index]
    versions = owner_rows(owner_db, "select source from course_versions where course_id = :c and version = :v",
                     c=approved.course_id, v=after.version)
    assert versions == [{"source": "ai_generation"}]

    stale = fails(client(runner).regenerate_component, ai_pb.RegenerateComponentRequest(
        course_id=approved.course_id, lesson_id=lesson.id, component_id=quiz.id, instruction="again",
        if_match=lesson.etag), headers=author.headers)
    assert stale.code == Code.ABORTED
    unknown = fails(client(runner).regenerate_component, ai_pb.RegenerateComponentRequest(
        course_id=approved.course_id, lesson_id=lesson.id, component_id=str(uuid.uuid4()), instruction="x"),
        headers=author.headers)
    assert unknown.code == Code.NOT_FOUND


def test_a_failed_lesson_fails_visibly_and_is_retried_alone(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    author = new_tenant(runner, kratos)
    outline = ready_outline(runner, author, lessons=3)
    # The first lesson call is refused by the provider (the others get default replies).
    gemini.script(FakeReply.error(400, message="Request contains an invalid argument."))
    caplog.set_level(logging.INFO)
    approved = client(runner).approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id), headers=author.headers)
    job = wait_for_job(runner, approved.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_FAILED and job.progress_done == 3 and len(job.failed_lesson_ids) == 1
    assert job.error_code == "ai_request_rejected" and job.failed_lesson_ids[0] in job.error_message
    # Operators see the failure and its reason code at WARNING; the provider's text (it may quote the prompt) stays out.
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("mirai")]
    assert f"lesson {job.failed_lesson_ids[0]} of job {job.id} failed: ai_request_rejected" in warnings
    assert "invalid argument" not in caplog.text and author.api_key not in caplog.text
    content = content_of(runner, author, approved.course_id)
    statuses = {le.id: le.content_status for m in content.modules for le in m.lessons}
    assert statuses[job.failed_lesson_ids[0]] == course.LESSON_CONTENT_STATUS_FAILED
    assert sorted(statuses.values()).count(course.LESSON_CONTENT_STATUS_READY) == 2
    notes = owner_rows(owner_db, "select type from notifications where user_id = :u order by created_at", u=author.user_id)
    assert notes[-1] == {"type": "lessons_failed"}

    calls_before = len(gemini.requests)
    retry = client(runner).generate_lessons(ai_pb.GenerateLessonsRequest(course_id=approved.course_id, failed_only=True),
                                            headers=author.headers).job
    assert list(retry.lesson_ids) == list(job.failed_lesson_ids) and retry.progress_total == 1
    retried = wait_for_job(runner, retry.id, author.headers)
    assert retried.status == pb.JOB_STATUS_SUCCEEDED and len(gemini.requests) == calls_before + 1
    content = content_of(runner, author, approved.course_id)
    assert {le.content_status for m in content.modules for le in m.lessons} == {course.LESSON_CONTENT_STATUS_READY}
    nothing = fails(client(runner).generate_lessons, ai_pb.GenerateLessonsRequest(
        course_id=approved.course_id, failed_only=True), headers=author.headers)
    assert nothing.code == Code.FAILED_PRECONDITION
    written = fails(client(runner).generate_lessons, ai_pb.GenerateLessonsRequest(
        course_id=approved.course_id, lesson_ids=[retry.lesson_ids[0]]), headers=author.headers)
    assert written.code == Code.FAILED_PRECONDITION and "overwrite" in written.message

    # overwrite with no lesson ids rewrites the whole course (every lesson is READY now).
    everything = client(runner).generate_lessons(ai_pb.GenerateLessonsRequest(
        course_id=approved.course_id, overwrite=True), headers=author.headers).job
    assert sorted(everything.lesson_ids) == sorted(le.id for m in content.modules for le in m.lessons)
    assert wait_for_job(runner, everything.id, author.headers).status == pb.JOB_STATUS_SUCCEEDED
    assert len(gemini.requests) == calls_before + 1 + 3

    # Job.outline_id is "set for outline jobs": the lesson jobs leave it empty and ListJobs {outline_id} skips them.
    assert approved.job.outline_id == "" and retry.outline_id == ""
    by_outline = client(runner).list_jobs(ai_pb.ListJobsRequest(outline_id=outline.id), headers=author.headers).jobs
    assert [j.type for j in by_outline] == [pb.JOB_TYPE_OUTLINE_GENERATION]
    assert all(j.outline_id == outline.id for j in by_outline)
    lesson_type = client(runner).list_jobs(ai_pb.ListJobsRequest(
        outline_id=outline.id, types=[pb.JOB_TYPE_LESSON_GENERATION]), headers=author.headers).jobs
    assert list(lesson_type) == []


def test_lessons_whose_runs_were_killed_after_claiming_are_written_once_after_the_lease(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    import time

    from functions.ai_generation.lease_sweep import sweep_expired_leases

    author = new_tenant(runner, kratos)
    outline = ready_outline(runner, author, lessons=3)
    approved = client(runner).approve_outline(ai_pb.ApproveOutlineRequest(
        outline_id=outline.id, skip_lesson_generation=True), headers=author.headers)
    assert not approved.HasField("job")
    content = content_of(runner, author, approved.course_id)
    lesson_ids = [le.id for m in content.modules for le in m.lessons]
    assert {le.content_status for m in content.modules for le in m.lessons} == {course.LESSON_CONTENT_STATUS_EMPTY}

    # Queue a job without its events reaching anyone, then "kill" two lesson runs right after their claim.
    tenant = author.tenant.tenant_id
    with runner.container.db.tenant_session(tenant, author.user_id) as uow:
        job = uow.generation_jobs.add(type="lesson_generation", created_by=author.user_id,
                                      course_id=uuid.UUID(approved.course_id), lesson_ids=[uuid.UUID(i) for i in lesson_ids],
                                      progress_total=3)
        uow.generated_lessons.queue(job_id=job.id, course_id=uuid.UUID(approved.course_id),
                                    lessons=[(uuid.UUID(i), None) for i in lesson_ids])
        for lesson_id in lesson_ids[:2]:
            assert uow.generation_jobs.hold_for_lessons(job.id, lease_seconds=1, worker="killed") is not None
            assert uow.generated_lessons.claim(job_id=job.id, lesson_id=uuid.UUID(lesson_id), lease_seconds=1,
                                               worker="killed") is not None
    assert job.id not in sweep_expired_leases(runner.container)  # leases still live
    time.sleep(1.2)
    assert job.id in sweep_expired_leases(runner.container)
    done = wait_for_job(runner, str(job.id), author.headers)
    assert done.status == pb.JOB_STATUS_SUCCEEDED and (done.progress_done, done.progress_total) == (3, 3)
    runs = owner_rows(owner_db, "select lesson_id, status, attempt from generated_lessons where job_id = :j order by lesson_id",
                 j=job.id)
    attempts = {str(r["lesson_id"]): r["attempt"] for r in runs}
    assert {r["status"] for r in runs} == {"succeeded"}
    assert [attempts[i] for i in lesson_ids] == [2, 2, 1]
    assert len([r for r in gemini.requests if "lesson" in str(r.schema)]) >= 3
    counts = owner_rows(owner_db, "select lesson_id, count(distinct position) as p, count(*) as n from lesson_components "
                   "where course_id = :c group by lesson_id", c=approved.course_id)
    assert len(counts) == 3 and all(c["p"] == c["n"] for c in counts)
    # A second sweep and a redelivery of every lesson change nothing.
    from cloudevents.http import CloudEvent
    versions = owner_rows(owner_db, "select max(version) as v from course_versions where course_id = :c", c=approved.course_id)
    for lesson_id in lesson_ids:
        event = CloudEvent({"type": "io.mirai.generation.lesson.requested", "source": "/mirai/ai_generation"},
                           {"tenant_id": str(tenant), "job_id": str(job.id), "lesson_id": lesson_id})
        assert all(o.delivered for o in (f.result(timeout=30) for f in runner.broker.publish(event)))
    assert job.id not in sweep_expired_leases(runner.container)
    assert owner_rows(owner_db, "select max(version) as v from course_versions where course_id = :c",
                 c=approved.course_id) == versions


def test_another_tenants_course_lessons_and_jobs_are_out_of_reach(
    runner: RunningRunner, kratos: FakeKratos, owner_db: Database
) -> None:
    owner_b = new_tenant(runner, kratos)
    approved, job = _approved(runner, owner_b, lessons=1)
    lesson = content_of(runner, owner_b, approved.course_id).modules[0].lessons[0]
    component = lesson.components[0]
    versions = owner_rows(owner_db, "select count(*) as n from course_versions where course_id = :c", c=approved.course_id)

    intruder = new_tenant(runner, kratos)
    ai, h = client(runner), intruder.headers
    attempts = {
        "GenerateLessons": lambda: ai.generate_lessons(ai_pb.GenerateLessonsRequest(
            course_id=approved.course_id, lesson_ids=[lesson.id], overwrite=True), headers=h),
        "RegenerateComponent": lambda: ai.regenerate_component(ai_pb.RegenerateComponentRequest(
            course_id=approved.course_id, lesson_id=lesson.id, component_id=component.id, instruction="shorter"),
            headers=h),
        "GetJob": lambda: ai.get_job(ai_pb.GetJobRequest(job_id=job.id), headers=h),
        "CancelJob": lambda: ai.cancel_job(ai_pb.CancelJobRequest(job_id=job.id), headers=h),
        "ApproveOutline": lambda: ai.approve_outline(ai_pb.ApproveOutlineRequest(
            outline_id=approved.outline.id), headers=h),
    }
    for name, attempt in attempts.items():
        err = fails(attempt)
        assert err.code == Code.NOT_FOUND, (name, err.code, err.message)
    assert ai.list_jobs(ai_pb.ListJobsRequest(course_id=approved.course_id), headers=h).jobs == []
    assert owner_rows(owner_db, "select count(*) as n from course_versions where course_id = :c",
                 c=approved.course_id) == versions
    assert owner_rows(owner_db, "select count(*) as n from generation_jobs where course_id = :c", c=approved.course_id) == [
        {"n": 1}]


def test_once_approved_the_outline_and_its_jobs_are_visible_to_whoever_sees_the_course(
    runner: RunningRunner, kratos: FakeKratos
) -> None:
    from tests.support.generation import member_of

    author = new_tenant(runner, kratos)
    member = member_of(runner, kratos, author)
    ai = client(runner)
    draft = ready_outline(runner, author, lessons=1)
    hidden = fails(ai.get_outline, ai_pb.GetOutlineRequest(outline_id=draft.id), headers=member)
    assert hidden.code == Code.NOT_FOUND
    approved = ai.approve_outline(ai_pb.ApproveOutlineRequest(outline_id=draft.id), headers=author.headers)
    wait_for_job(runner, approved.job.id, author.headers)
    # The course sits at the library root, which every member of the company sees.
    assert ai.get_outline(ai_pb.GetOutlineRequest(outline_id=draft.id), headers=member).outline.id == draft.id
    assert ai.get_job(ai_pb.GetJobRequest(job_id=approved.job.id), headers=member).job.id == approved.job.id
    listed = ai.list_jobs(ai_pb.ListJobsRequest(course_id=approved.course_id), headers=member).jobs
    assert [j.id for j in listed] == [approved.job.id]
    assert ai.list_jobs(ai_pb.ListJobsRequest(), headers=member).jobs == []


def test_an_outline_for_an_existing_empty_course_fills_that_course_and_a_course_with_lessons_is_refused(
    runner: RunningRunner, kratos: FakeKratos
) -> None:
    author = new_tenant(runner, kratos)
    courses = course_connect.CourseServiceClientSync(runner.url, timeout_ms=30_000)
    empty = courses.create_course(course.CreateCourseRequest(title="Empty shell"), headers=author.headers).course
    ai = client(runner)
    started = ai.generate_outline(ai_pb.GenerateOutlineRequest(title="Fill it", course_id=empty.id, desired_lesson_count=2),
                                  headers=author.headers)
    wait_for_job(runner, started.job.id, author.headers)
    approved = ai.approve_outline(ai_pb.ApproveOutlineRequest(outline_id=started.outline.id, skip_lesson_generation=True),
                                  headers=author.headers)
    assert approved.course_id == empty.id and not approved.HasField("job")
    content = content_of(runner, author, empty.id)
    assert sum(len(m.lessons) for m in content.modules) == 2

    again = fails(ai.generate_outline, ai_pb.GenerateOutlineRequest(title="Refill", course_id=empty.id),
                   headers=author.headers)
    assert again.code == Code.FAILED_PRECONDITION and "already has lessons" in again.message
    # GenerateLessons then writes the empty lessons of that course.
    job = ai.generate_lessons(ai_pb.GenerateLessonsRequest(course_id=empty.id), headers=author.headers).job
    assert wait_for_job(runner, job.id, author.headers).status == pb.JOB_STATUS_SUCCEEDED
    content = content_of(runner, author, empty.id)
    assert {le.content_status for m in content.modules for le in m.lessons} == {course.LESSON_CONTENT_STATUS_READY}


def test_cancelling_a_lesson_job_discards_runs_in_flight_and_leaves_unwritten_lessons_failed_for_retry(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    import time

    author = new_tenant(runner, kratos)
    outline = ready_outline(runner, author, lessons=3)
    gemini.latency = 1.0
    ai = client(runner)
    approved = ai.approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id), headers=author.headers)
    courses = course_connect.CourseServiceClientSync(runner.url, timeout_ms=30_000)

    def generation_job_id() -> str:
        request = course.GetCourseRequest(course_id=approved.course_id)
        return courses.get_course(request, headers=author.headers).course.generation_job_id

    deadline = time.monotonic() + 10
    while gemini.in_flight == 0 and time.monotonic() < deadline:
        time.sleep(0.02)  # wait until lesson runs are talking to the provider
    assert generation_job_id() == approved.job.id
    cancelled = ai.cancel_job(ai_pb.CancelJobRequest(job_id=approved.job.id), headers=author.headers).job
    assert cancelled.status == pb.JOB_STATUS_CANCELLED
    assert generation_job_id() == ""
    while gemini.in_flight and time.monotonic() < deadline + 10:
        time.sleep(0.02)
    time.sleep(0.3)  # the runs' replies arrive, find the job cancelled, and write nothing
    gemini.latency = 0.0
    content = content_of(runner, author, approved.course_id)
    assert {le.content_status for m in content.modules for le in m.lessons} == {course.LESSON_CONTENT_STATUS_FAILED}
    assert owner_rows(owner_db, "select count(*) as n from lesson_components where course_id = :c", c=approved.course_id) == [
        {"n": 0}]
    runs = owner_rows(owner_db, "select status from generated_lessons where job_id = :j", j=approved.job.id)
    assert {r["status"] for r in runs} == {"cancelled"}
    job = ai.get_job(ai_pb.GetJobRequest(job_id=approved.job.id), headers=author.headers).job
    assert job.status == pb.JOB_STATUS_CANCELLED and job.progress_done == 0

    gemini.latency = 1.0  # the retry stays running long enough to be seen
    retry = ai.generate_lessons(ai_pb.GenerateLessonsRequest(course_id=approved.course_id, failed_only=True),
                                headers=author.headers).job
    assert generation_job_id() == retry.id
    assert wait_for_job(runner, retry.id, author.headers).status == pb.JOB_STATUS_SUCCEEDED
    gemini.latency = 0.0
    assert generation_job_id() == ""
