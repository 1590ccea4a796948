"""Outline edits and job messages, without I/O."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from common.errors import InvalidArgument
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.generation_jobs import Job
from functions.ai_generation.outline_edits import checked_sections
from functions.ai_generation.records import job_to_proto, section_to_proto


def _edit(*sections: ai_pb.OutlineSection) -> ai_pb.OutlineSectionList:
    return ai_pb.OutlineSectionList(sections=list(sections))


def test_edited_sections_get_new_ids_where_empty_and_positions_from_their_order() -> None:
    kept = str(uuid.uuid4())
    lesson = ai_pb.OutlineLesson(id=kept, title=" Intro ", position=7, suggested_components=[pb.COMPONENT_TYPE_QUIZ])
    lesson.objectives.add(text="Explain it")
    sections = checked_sections(_edit(ai_pb.OutlineSection(title="A", lessons=[ai_pb.OutlineLesson(title="New"), lesson])))
    (section,) = sections
    assert [le.position for le in section.lessons] == [0, 1] and section.lessons[1].id == uuid.UUID(kept)
    assert section.lessons[1].title == "Intro" and section.lessons[1].suggested_components == ["quiz"]
    assert section.lessons[1].objectives[0]["id"] and section.lessons[1].objectives[0]["text"] == "Explain it"
    round_trip = section_to_proto(section)
    assert round_trip.lessons[1].objectives[0].text == "Explain it"
    assert list(round_trip.lessons[1].suggested_components) == [pb.COMPONENT_TYPE_QUIZ]


@pytest.mark.parametrize(("sections", "field"), [
    (_edit(ai_pb.OutlineSection(title="")), "sections[0].title"),
    (_edit(ai_pb.OutlineSection(title="A", lessons=[ai_pb.OutlineLesson(title="")])), "sections[0].lessons[0].title"),
    (_edit(ai_pb.OutlineSection(id="nope", title="A")), "sections[0].id"),
    (_edit(ai_pb.OutlineSection(title="A", lessons=[ai_pb.OutlineLesson(title="L", suggested_components=[99])])),
     "sections[0].lessons[0].suggested_components[0]"),
    (_edit(ai_pb.OutlineSection(title="A", lessons=[ai_pb.OutlineLesson(title="L", estimated_minutes=-1)])),
     "sections[0].lessons[0].estimated_minutes"),
])
def test_a_bad_edit_names_the_field(sections: ai_pb.OutlineSectionList, field: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        checked_sections(sections)
    assert caught.value.field == field


def test_an_id_used_twice_in_one_edit_is_refused() -> None:
    same = str(uuid.uuid4())
    with pytest.raises(InvalidArgument) as caught:
        checked_sections(_edit(ai_pb.OutlineSection(id=same, title="A"), ai_pb.OutlineSection(id=same, title="B")))
    assert caught.value.field == "sections[1].id"


def test_a_job_message_carries_progress_tokens_and_timings() -> None:
    created = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    job = Job(
        id=uuid.uuid4(), tenant_id=uuid.uuid4(), type="lesson_generation", status="succeeded", course_id=uuid.uuid4(),
        outline_id=None, lesson_ids=[uuid.uuid4()], component_id=None, sme_id=None, submission_id=None, payload={},
        result=None, progress_done=1, progress_total=1, progress_message="1 of 1", failed_lesson_ids=[],
        error_message=None, error_code=None, input_tokens=120, output_tokens=40, model="gemini-2.5-flash", attempt=1,
        worker="w", lease_expires_at=None, cancel_requested_at=None, created_by=None, created_at=created,
        updated_at=created, started_at=created + timedelta(milliseconds=250), finished_at=created + timedelta(seconds=3),
    )
    message = job_to_proto(job, people={}, storage=None)
    assert (message.type, message.status) == (pb.JOB_TYPE_LESSON_GENERATION, pb.JOB_STATUS_SUCCEEDED)
    assert (message.queue_ms, message.duration_ms) == (250, 2750)
    assert (message.input_tokens, message.output_tokens, message.model) == (120, 40, "gemini-2.5-flash")
    assert not message.HasField("created_by") and not message.HasField("component")
