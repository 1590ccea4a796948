"""Generation jobs, lesson runs and outlines against the real schema (RLS on, app role)."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import text

from common.errors import Conflict, InvalidArgument, NotFound
from common.repos.outlines import PlannedLesson, Section
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.integration


def _outline(container: Container, tenant: SeededTenant) -> uuid.UUID:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        return uow.outlines.add(created_by=tenant.owner_id, title="Draft", course_id=None).id


def test_lessons_counted_at_once_from_many_threads_all_count_and_the_last_one_finishes_the_job(
    container: Container, tenant: SeededTenant
) -> None:
    lessons = [uuid.uuid4() for _ in range(12)]
    with container.db.tenant_session(tenant.tenant_id) as uow:
        job = uow.generation_jobs.add(type="lesson_generation", created_by=tenant.owner_id, progress_total=len(lessons))
        assert uow.generation_jobs.hold_for_lessons(job.id, lease_seconds=60, worker="w") is not None
    barrier = threading.Barrier(len(lessons))

    def count(lesson_id: uuid.UUID, index: int) -> None:
        barrier.wait()
        with container.db.tenant_session(tenant.tenant_id) as uow:
            uow.generation_jobs.count_lesson(job.id, lesson_id=lesson_id, failed=index == 3, input_tokens=10,
                                             output_tokens=5, model="m", error_code="timeout" if index == 3 else None,
                                             error_message="slow" if index == 3 else None)

    threads = [threading.Thread(target=count, args=(lesson, i)) for i, lesson in enumerate(lessons)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with container.db.tenant_session(tenant.tenant_id) as uow:
        done = uow.generation_jobs.get(job.id)
    assert (done.progress_done, done.input_tokens, done.output_tokens) == (12, 120, 60)
    assert done.status == "failed" and done.failed_lesson_ids == [lessons[3]] and done.error_code == "timeout"
    assert done.finished_at is not None and done.lease_expires_at is None


def test_a_lesson_run_is_claimed_once_while_its_lease_lives_and_a_stale_worker_cannot_finish_it(
    container: Container, tenant: SeededTenant
) -> None:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        course = uow.courses.add(title="C", created_by=tenant.owner_id)
        job = uow.generation_jobs.add(type="lesson_generation", created_by=tenant.owner_id, course_id=course.id,
                                      progress_total=1)
    lesson_id = uuid.uuid4()
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        module_id = uow.session.execute(text(
            "insert into course_modules (tenant_id, course_id, title, position) values (:t, :c, 'M', 0) returning id"),
            {"t": tenant.tenant_id, "c": course.id}).scalar_one()
        uow.session.execute(text(
            "insert into lessons (id, tenant_id, course_id, module_id, title, position) values (:l, :t, :c, :m, 'L', 0)"),
            {"l": lesson_id, "t": tenant.tenant_id, "c": course.id, "m": module_id})
        uow.generated_lessons.queue(job_id=job.id, course_id=course.id, lessons=[(lesson_id, None)])
        uow.generated_lessons.queue(job_id=job.id, course_id=course.id, lessons=[(lesson_id, None)])  # no second row
        first = uow.generated_lessons.claim(job_id=job.id, lesson_id=lesson_id, lease_seconds=60, worker="a")
        second = uow.generated_lessons.claim(job_id=job.id, lesson_id=lesson_id, lease_seconds=60, worker="b")
        assert first is not None and first.attempt == 1 and second is None
        assert len(uow.generated_lessons.for_job(job.id)) == 1
        assert uow.generated_lessons.finish(first.id, worker="b", status="succeeded", values={}) is None
        finished = uow.generated_lessons.finish(first.id, worker="a", status="succeeded", values={})
        assert finished is not None and finished.status == "succeeded"
        assert uow.generated_lessons.claim(job_id=job.id, lesson_id=lesson_id, lease_seconds=60, worker="c") is None


def test_an_outline_edit_at_a_stale_version_is_a_conflict_and_changes_nothing(container: Container, tenant: SeededTenant) -> None:
    outline_id = _outline(container, tenant)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        current = uow.outlines.update(outline_id, {"title": "First"})
        with pytest.raises(Conflict):
            uow.outlines.update(outline_id, {"title": "Lost"}, expected_version=current.version - 1)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.outlines.get(outline_id).title == "First"


def test_section_ids_of_another_outline_are_refused_not_a_server_error(container: Container, tenant: SeededTenant) -> None:
    first, second = _outline(container, tenant), _outline(container, tenant)
    section_id = uuid.uuid4()
    section = Section(id=section_id, title="S", description="", position=0, lessons=[
        PlannedLesson(id=uuid.uuid4(), section_id=section_id, title="L", description="", position=0, estimated_minutes=5,
                      objectives=[], key_topics=[], suggested_components=[], source_chunk_ids=[])])
    with container.db.tenant_session(tenant.tenant_id) as uow:
        uow.outlines.replace_sections(first, [section])
    with pytest.raises(InvalidArgument) as caught, container.db.tenant_session(tenant.tenant_id) as uow:
        uow.outlines.replace_sections(second, [section])
    assert caught.value.field == "sections"
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert [s.id for s in uow.outlines.sections(first)] == [section.id]
        assert uow.outlines.sections(second) == []


def test_another_tenants_jobs_cannot_be_read_or_changed(container: Container, tenant: SeededTenant) -> None:
    other = provision_tenant(container.db)
    with container.db.tenant_session(other.tenant_id) as uow:
        theirs = uow.generation_jobs.add(type="outline_generation", created_by=other.owner_id, progress_total=1)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        with pytest.raises(NotFound):
            uow.generation_jobs.get(theirs.id)
        assert uow.generation_jobs.cancel(theirs.id, message="x") is None
        assert uow.generation_jobs.hold_for_lessons(theirs.id, lease_seconds=60, worker="w") is None
    with container.db.tenant_session(other.tenant_id) as uow:
        assert uow.generation_jobs.get(theirs.id).status == "queued"
