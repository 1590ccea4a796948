"""The outline half of the pipeline over the runner: the RPC records job + event in one
transaction, the broker delivers it to ``generate_outline``, the job drafts the outline
with the tenant's key (FakeGemini behind the real SDK), and review happens through the
Connect API. Every stored row is checked as the database owner."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from connectrpc.code import Code
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from tests.fakes.gemini import FakeGemini, FakeReply
from tests.fakes.kratos import FakeKratos
from tests.support.generation import client, generation_runner, member_of, new_tenant, wait_for_job
from tests.support.owner_rows import owner_rows
from tests.support.rpc_errors import fails
from tests.support.runner import RunningRunner

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def runner(settings: Settings, gemini: FakeGemini) -> Iterator[RunningRunner]:
    with generation_runner(settings, gemini) as running:
        yield running


def _generate(runner: RunningRunner, headers: dict[str, str], **fields: object) -> ai_pb.GenerateOutlineResponse:
    request = ai_pb.GenerateOutlineRequest(title="Warehouse safety", learning_goals=["Drive a forklift safely"],
                                           desired_lesson_count=4, **fields)  # type: ignore[arg-type]
    return client(runner).generate_outline(request, headers=headers)


def test_an_outline_is_drafted_by_the_job_and_stored_with_tokens_and_a_notification(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    author = new_tenant(runner, kratos)
    started = _generate(runner, author.headers, additional_context="Our site has narrow aisles.")
    assert started.outline.status == ai_pb.OUTLINE_STATUS_GENERATING
    assert started.job.type == pb.JOB_TYPE_OUTLINE_GENERATION and started.job.outline_id == started.outline.id

    job = wait_for_job(runner, started.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED, job.error_message
    assert (job.progress_done, job.progress_total, job.attempt) == (1, 1, 1)
    assert job.input_tokens > 0 and job.output_tokens > 0 and job.model
    assert job.HasField("started_at") and job.HasField("finished_at")

    calls = [r for r in gemini.requests if r.model]
    assert len(calls) == 1 and calls[0].api_key == author.api_key
    assert "narrow aisles" in calls[0].prompt

    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_READY and outline.title
    lessons = [lesson for s in outline.sections for lesson in s.lessons]
    assert len(lessons) == 4 and all(lesson.objectives for lesson in lessons)
    assert outline.input.additional_context == "Our site has narrow aisles."
    assert outline.created_by.id == str(author.user_id)

    stored = owner_rows(owner_db, "select count(*) as n from outline_lessons where outline_id = :o", o=outline.id)
    assert stored[0]["n"] == 4
    jobs = owner_rows(owner_db, "select input_tokens, status, worker, lease_expires_at from generation_jobs where id = :j",
                 j=job.id)
    assert jobs[0]["status"] == "succeeded" and jobs[0]["lease_expires_at"] is None
    assert jobs[0]["input_tokens"] == job.input_tokens
    notes = owner_rows(owner_db, "select type, resource_id from notifications where user_id = :u", u=author.user_id)
    assert notes == [{"type": "outline_ready", "resource_id": uuid.UUID(outline.id)}]


def test_a_redelivered_outline_event_does_not_draft_a_second_outline(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    from cloudevents.http import CloudEvent

    author = new_tenant(runner, kratos)
    started = _generate(runner, author.headers)
    wait_for_job(runner, started.job.id, author.headers)
    sections_before = owner_rows(owner_db, "select id from outline_sections where outline_id = :o order by id",
                            o=started.outline.id)
    calls_before = len(gemini.requests)
    event = CloudEvent({"type": "io.mirai.generation.requested", "source": "/mirai/ai_generation"}, {
        "tenant_id": str(author.tenant.tenant_id), "job_id": started.job.id, "job_type": "outline",
        "outline_id": started.outline.id,
    })
    outcomes = [future.result(timeout=30) for future in runner.broker.publish(event)]
    assert outcomes and all(o.delivered for o in outcomes)
    assert len(gemini.requests) == calls_before
    assert owner_rows(owner_db, "select id from outline_sections where outline_id = :o order by id",
                 o=started.outline.id) == sections_before


def test_a_tenant_without_a_key_is_refused_up_front_and_a_job_that_finds_no_key_fails_clearly(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    from functions.ai_generation.outline_job import run_outline_job

    keyless = new_tenant(runner, kratos, with_key=False)
    err = fails(_generate, runner, keyless.headers)
    assert err.code == Code.FAILED_PRECONDITION and "API key" in err.message
    assert owner_rows(owner_db, "select id from generation_jobs where tenant_id = :t", t=keyless.tenant.tenant_id) == []

    # A key the provider rejected at its last check is refused up front too.
    rejected = new_tenant(runner, kratos)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update tenant_ai_settings set key_status = 'invalid' where tenant_id = :t"),
                     {"t": rejected.tenant.tenant_id})
    err = fails(_generate, runner, rejected.headers)
    assert err.code == Code.FAILED_PRECONDITION and "rejected" in err.message

    # The key is removed after the job was queued: the job fails, saying so.
    author = new_tenant(runner, kratos)
    with owner_db.engine.begin() as conn:
        job_id, outline_id = _queue_without_event(conn, author.tenant.tenant_id, author.user_id)
        conn.execute(text("update tenant_ai_settings set api_key_ciphertext = null, api_key_version = null, "
                          "api_key_mask = null, key_status = 'missing' where tenant_id = :t"), {"t": author.tenant.tenant_id})
    assert run_outline_job(runner.container, tenant_id=author.tenant.tenant_id, job_id=job_id) == "failed"
    job = client(runner).get_job(ai_pb.GetJobRequest(job_id=str(job_id)), headers=author.headers).job
    assert job.status == pb.JOB_STATUS_FAILED and job.error_code == "ai_key_missing"
    assert "no AI API key" in job.error_message
    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=str(outline_id)), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_FAILED
    assert [r for r in gemini.requests if r.model] == []


def _queue_without_event(conn: object, tenant_id: uuid.UUID, user_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    outline_id = conn.execute(text(  # type: ignore[attr-defined]
        "insert into course_outlines (tenant_id, title, created_by) values (:t, 'Queued', :u) returning id"),
        {"t": tenant_id, "u": user_id}).scalar_one()
    conn.execute(text(  # type: ignore[attr-defined]
        "insert into course_generation_inputs (tenant_id, outline_id, title, created_by) values (:t, :o, 'Queued', :u)"),
        {"t": tenant_id, "o": outline_id, "u": user_id})
    job_id = conn.execute(text(  # type: ignore[attr-defined]
        "insert into generation_jobs (tenant_id, type, outline_id, created_by, progress_total) "
        "values (:t, 'outline_generation', :o, :u, 1) returning id"), {"t": tenant_id, "o": outline_id, "u": user_id}
    ).scalar_one()
    conn.execute(text("update course_outlines set job_id = :j where id = :o"), {"j": job_id, "o": outline_id})  # type: ignore[attr-defined]
    return job_id, outline_id


def test_a_provider_failure_fails_the_job_with_its_code_and_never_the_key(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    author = new_tenant(runner, kratos)
    gemini.script(FakeReply.error(403, message="API key not valid. Please pass a valid API key."))
    started = _generate(runner, author.headers)
    job = wait_for_job(runner, started.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_FAILED and job.error_code == "ai_key_invalid"
    row = owner_rows(owner_db, "select j::text as t from generation_jobs j where id = :j", j=job.id)[0]["t"]
    assert author.api_key not in str(row) and author.api_key not in job.error_message
    notes = owner_rows(owner_db, "select type from notifications where user_id = :u", u=author.user_id)
    assert notes == [{"type": "outline_failed"}]


def test_an_outline_is_edited_under_if_match_and_a_stale_etag_changes_nothing(
    runner: RunningRunner, kratos: FakeKratos
) -> None:
    author = new_tenant(runner, kratos)
    ai = client(runner)
    started = _generate(runner, author.headers)
    wait_for_job(runner, started.job.id, author.headers)
    outline = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline

    sections = ai_pb.OutlineSectionList(sections=list(outline.sections))
    sections.sections[0].lessons[0].title = "Before you start the engine"
    new_lesson = sections.sections[0].lessons.add(title="Loading docks", estimated_minutes=7)
    new_lesson.objectives.add(text="Name the three dock hazards")
    updated = ai.update_outline(ai_pb.UpdateOutlineRequest(
        outline_id=outline.id, title="Forklift basics", sections=sections, if_match=outline.etag), headers=author.headers
    ).outline
    assert updated.title == "Forklift basics" and updated.etag != outline.etag
    first = updated.sections[0]
    assert first.lessons[0].title == "Before you start the engine" and first.lessons[0].id == outline.sections[0].lessons[0].id
    assert first.lessons[-1].title == "Loading docks" and uuid.UUID(first.lessons[-1].id)
    assert first.lessons[-1].objectives[0].id

    stale = fails(ai.update_outline, ai_pb.UpdateOutlineRequest(outline_id=outline.id, title="Lost", if_match=outline.etag),
                   headers=author.headers)
    assert stale.code == Code.ABORTED
    bad = fails(ai.update_outline, ai_pb.UpdateOutlineRequest(
        outline_id=outline.id, sections=ai_pb.OutlineSectionList(sections=[ai_pb.OutlineSection(title="")])),
        headers=author.headers)
    assert bad.code == Code.INVALID_ARGUMENT and "sections[0].title" in bad.message
    again = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=outline.id), headers=author.headers).outline
    assert again.title == "Forklift basics" and again.etag == updated.etag


def test_rejecting_with_regeneration_drafts_the_next_revision_with_the_feedback(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    author = new_tenant(runner, kratos)
    ai = client(runner)
    started = _generate(runner, author.headers)
    wait_for_job(runner, started.job.id, author.headers)
    outline = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline
    rejected = ai.reject_outline(ai_pb.RejectOutlineRequest(
        outline_id=outline.id, reason="Too theoretical; add site walkthroughs", regenerate=True, if_match=outline.etag),
        headers=author.headers)
    assert rejected.outline.status == ai_pb.OUTLINE_STATUS_GENERATING and rejected.job.id != started.job.id
    job = wait_for_job(runner, rejected.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED
    assert "site walkthroughs" in [r for r in gemini.requests if r.model][-1].prompt
    redrafted = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=outline.id), headers=author.headers).outline
    assert (redrafted.status, redrafted.revision, redrafted.job_id) == (ai_pb.OUTLINE_STATUS_READY, 2, job.id)

    final = ai.reject_outline(ai_pb.RejectOutlineRequest(outline_id=outline.id, reason="Not needed after all"),
                              headers=author.headers)
    assert final.outline.status == ai_pb.OUTLINE_STATUS_REJECTED and not final.HasField("job")
    assert final.outline.rejection_reason == "Not needed after all"
    err = fails(ai.reject_outline, ai_pb.RejectOutlineRequest(outline_id=outline.id, reason="again"), headers=author.headers)
    assert err.code == Code.FAILED_PRECONDITION


def test_inputs_are_checked_field_by_field(runner: RunningRunner, kratos: FakeKratos, owner_db: Database) -> None:
    author = new_tenant(runner, kratos)
    cases = {
        "title": {"title": ""},
        "target_audience_id": {"title": "t", "target_audience_id": "not-a-uuid"},
        "sme_ids": {"title": "t", "sme_ids": [str(uuid.uuid4())]},
        "desired_lesson_count": {"title": "t", "desired_lesson_count": 500},
        "language": {"title": "t", "language": "english please"},
        "folder_id": {"title": "t", "folder_id": str(uuid.uuid4())},
    }
    for field, values in cases.items():
        err = fails(client(runner).generate_outline, ai_pb.GenerateOutlineRequest(**values), headers=author.headers)  # type: ignore[arg-type]
        assert err.code in (Code.INVALID_ARGUMENT, Code.NOT_FOUND), field
        assert field in err.message or err.code == Code.NOT_FOUND, (field, err.message)
    assert owner_rows(owner_db, "select id from generation_jobs where tenant_id = :t", t=author.tenant.tenant_id) == []


def test_jobs_are_listed_filtered_and_cancelled_and_members_see_only_their_own(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    author = new_tenant(runner, kratos)
    ai = client(runner)
    gemini.latency = 1.0
    started = _generate(runner, author.headers)
    cancelled = ai.cancel_job(ai_pb.CancelJobRequest(job_id=started.job.id), headers=author.headers).job
    assert cancelled.status == pb.JOB_STATUS_CANCELLED and cancelled.HasField("finished_at")
    again = fails(ai.cancel_job, ai_pb.CancelJobRequest(job_id=started.job.id), headers=author.headers)
    assert again.code == Code.FAILED_PRECONDITION
    gemini.latency = 0.0
    outline = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_FAILED

    listed = ai.list_jobs(ai_pb.ListJobsRequest(outline_id=started.outline.id), headers=author.headers).jobs
    assert [j.id for j in listed] == [started.job.id]
    only_running = ai.list_jobs(ai_pb.ListJobsRequest(statuses=[pb.JOB_STATUS_RUNNING]), headers=author.headers).jobs
    assert started.job.id not in [j.id for j in only_running]

    member = member_of(runner, kratos, author)
    assert ai.list_jobs(ai_pb.ListJobsRequest(), headers=member).jobs == []
    assert ai.list_outlines(ai_pb.ListOutlinesRequest(), headers=member).outlines == []
    hidden = fails(ai.get_job, ai_pb.GetJobRequest(job_id=started.job.id), headers=member)
    assert hidden.code == Code.NOT_FOUND
    outlines = ai.list_outlines(ai_pb.ListOutlinesRequest(), headers=author.headers).outlines
    assert [o.id for o in outlines] == [started.outline.id]


def test_a_run_killed_after_claiming_is_finished_once_by_the_sweep_when_its_lease_ends(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    import time

    from functions.ai_generation.lease_sweep import sweep_expired_leases
    from functions.ai_generation.outline_job import run_outline_job

    author = new_tenant(runner, kratos)
    with owner_db.engine.begin() as conn:
        job_id, outline_id = _queue_without_event(conn, author.tenant.tenant_id, author.user_id)
    # A run claims the job with a short lease and dies without a trace.
    with runner.container.db.system_session() as uow:
        assert uow.generation_jobs.claim(job_id, lease_seconds=1, worker="killed-run") is not None
    # While the lease lives, a redelivery is a no-op.
    assert run_outline_job(runner.container, tenant_id=author.tenant.tenant_id, job_id=job_id) == "not claimed"
    assert job_id not in sweep_expired_leases(runner.container)
    time.sleep(1.2)
    assert job_id in sweep_expired_leases(runner.container)
    job = wait_for_job(runner, str(job_id), author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED and job.attempt == 2
    assert len([r for r in gemini.requests if r.model]) == 1
    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=str(outline_id)), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_READY
    rows = owner_rows(owner_db, "select count(*) as n from course_outlines where tenant_id = :t", t=author.tenant.tenant_id)
    assert rows[0]["n"] == 1
    # The dead run, should it wake up, can no longer write: it does not hold the job.
    with runner.container.db.tenant_session(author.tenant.tenant_id) as uow:
        assert uow.generation_jobs.finish(job_id, status="failed", worker="killed-run") is None
    assert job_id not in sweep_expired_leases(runner.container)


def test_another_tenants_outlines_and_jobs_are_invisible_to_every_outline_rpc(
    runner: RunningRunner, kratos: FakeKratos, owner_db: Database
) -> None:
    owner_b = new_tenant(runner, kratos)
    started = _generate(runner, owner_b.headers)
    wait_for_job(runner, started.job.id, owner_b.headers)
    ai = client(runner)
    theirs = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=owner_b.headers).outline
    before = owner_rows(owner_db, "select o::text as t from course_outlines o where id = :o", o=theirs.id)

    intruder = new_tenant(runner, kratos)
    h = intruder.headers
    attempts = {
        "GetOutline": lambda: ai.get_outline(ai_pb.GetOutlineRequest(outline_id=theirs.id), headers=h),
        "UpdateOutline": lambda: ai.update_outline(ai_pb.UpdateOutlineRequest(outline_id=theirs.id, title="Mine"), headers=h),
        "ApproveOutline": lambda: ai.approve_outline(ai_pb.ApproveOutlineRequest(outline_id=theirs.id), headers=h),
        "RejectOutline": lambda: ai.reject_outline(ai_pb.RejectOutlineRequest(outline_id=theirs.id, reason="x"), headers=h),
        "GetJob": lambda: ai.get_job(ai_pb.GetJobRequest(job_id=started.job.id), headers=h),
        "CancelJob": lambda: ai.cancel_job(ai_pb.CancelJobRequest(job_id=started.job.id), headers=h),
        "GenerateOutline": lambda: ai.generate_outline(ai_pb.GenerateOutlineRequest(
            title="Mine", target_audience_id=str(uuid.uuid4())), headers=h),
    }
    for name, attempt in attempts.items():
        err = fails(attempt)
        assert err.code == Code.NOT_FOUND, (name, err.code, err.message)
    assert ai.list_outlines(ai_pb.ListOutlinesRequest(), headers=h).outlines == []
    assert ai.list_jobs(ai_pb.ListJobsRequest(outline_id=theirs.id), headers=h).jobs == []
    assert ai.list_jobs(ai_pb.ListJobsRequest(), headers=h).jobs == []
    assert owner_rows(owner_db, "select o::text as t from course_outlines o where id = :o", o=theirs.id) == before


def test_a_job_whose_runs_keep_dying_fails_for_good_instead_of_being_retried_forever(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    from functions.ai_generation.outline_job import run_outline_job

    author = new_tenant(runner, kratos)
    with owner_db.engine.begin() as conn:
        job_id, outline_id = _queue_without_event(conn, author.tenant.tenant_id, author.user_id)
        # Three runs claimed it and died: the lease ended a second ago.
        conn.execute(text("update generation_jobs set status = 'running', attempt = 3, worker = 'dead', started_at = now(), "
                          "lease_expires_at = now() - interval '1 second' where id = :j"), {"j": job_id})
    assert run_outline_job(runner.container, tenant_id=author.tenant.tenant_id, job_id=job_id) == "failed"
    job = client(runner).get_job(ai_pb.GetJobRequest(job_id=str(job_id)), headers=author.headers).job
    assert (job.status, job.error_code, job.attempt) == (pb.JOB_STATUS_FAILED, "internal", 4)
    assert "3 times" in job.error_message
    assert [r for r in gemini.requests if r.model] == []
    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=str(outline_id)), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_FAILED


def test_the_outline_is_grounded_in_the_persona_and_the_smes_knowledge_and_cites_chunk_ids(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    author = new_tenant(runner, kratos)
    tenant = author.tenant.tenant_id
    with owner_db.engine.begin() as conn:
        sme_id = conn.execute(text("insert into subject_matter_experts (tenant_id, name, scope, status) "
                                   "values (:t, 'Site safety lead', 'global', 'ready') returning id"), {"t": tenant}).scalar_one()
        chunk_ids = [conn.execute(text(
            "insert into sme_knowledge_chunks (tenant_id, sme_id, title, content, position) "
            "values (:t, :s, :title, :content, :p) returning id"),
            {"t": tenant, "s": sme_id, "title": f"Rule {i}", "content": f"Aisle rule {i}: keep forks low.", "p": i},
        ).scalar_one() for i in range(3)]
    with runner.container.db.tenant_session(tenant, author.user_id) as uow:
        audience = uow.target_audiences.add(created_by=author.user_id, values={
            "name": "Night shift", "job_role": "Reach truck driver", "language": "de-DE"})
    started = _generate(runner, author.headers, sme_ids=[str(sme_id)], target_audience_id=str(audience.id))
    assert started.outline.input.language == "de-DE"  # the persona's language when none is given
    job = wait_for_job(runner, started.job.id, author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED, job.error_message
    call = [r for r in gemini.requests if r.model][-1]
    assert "Reach truck driver" in call.prompt + call.system and "Aisle rule 1" in call.prompt
    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=started.outline.id), headers=author.headers).outline
    cited = {c for s in outline.sections for lesson in s.lessons for c in lesson.source_chunk_ids}
    assert cited and cited <= {str(c) for c in chunk_ids}
    assert list(outline.input.sme_ids) == [str(sme_id)] and outline.input.target_audience_id == str(audience.id)


def test_a_job_whose_event_never_arrived_is_published_again_by_the_sweep_once_it_is_stale(
    runner: RunningRunner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database
) -> None:
    from functions.ai_generation.lease_sweep import sweep_expired_leases

    author = new_tenant(runner, kratos)
    with owner_db.engine.begin() as conn:
        job_id, outline_id = _queue_without_event(conn, author.tenant.tenant_id, author.user_id)
    assert job_id not in sweep_expired_leases(runner.container)  # freshly queued: its event may still be on its way
    with owner_db.engine.begin() as conn:
        conn.execute(text("update generation_jobs set created_at = now() - interval '11 minutes' where id = :j"),
                     {"j": job_id})
    assert job_id in sweep_expired_leases(runner.container)
    assert job_id not in sweep_expired_leases(runner.container)  # not again while the first one is on its way
    job = wait_for_job(runner, str(job_id), author.headers)
    assert job.status == pb.JOB_STATUS_SUCCEEDED and job.attempt == 1
    assert len([r for r in gemini.requests if r.model]) == 1
    outline = client(runner).get_outline(ai_pb.GetOutlineRequest(outline_id=str(outline_id)), headers=author.headers).outline
    assert outline.status == ai_pb.OUTLINE_STATUS_READY
