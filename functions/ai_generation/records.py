"""Stored rows ↔ proto messages for outlines and jobs (no I/O)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.generation_jobs import Job
from common.repos.outlines import GenerationInputs, Outline, PlannedLesson, Section
from functions.ai_generation.component_types import COMPONENT_NAMES, COMPONENT_TYPES
from functions.user_summary import user_summary

OUTLINE_JOB = "outline_generation"
JOB_TYPES = {
    "outline_generation": pb.JOB_TYPE_OUTLINE_GENERATION,
    "lesson_generation": pb.JOB_TYPE_LESSON_GENERATION,
    "component_regeneration": pb.JOB_TYPE_COMPONENT_REGENERATION,
    "sme_ingestion": pb.JOB_TYPE_SME_INGESTION,
}
JOB_STATUSES = {
    "queued": pb.JOB_STATUS_QUEUED,
    "running": pb.JOB_STATUS_RUNNING,
    "succeeded": pb.JOB_STATUS_SUCCEEDED,
    "failed": pb.JOB_STATUS_FAILED,
    "cancelled": pb.JOB_STATUS_CANCELLED,
}
OUTLINE_STATUSES = {
    "generating": ai_pb.OUTLINE_STATUS_GENERATING,
    "ready": ai_pb.OUTLINE_STATUS_READY,
    "approved": ai_pb.OUTLINE_STATUS_APPROVED,
    "rejected": ai_pb.OUTLINE_STATUS_REJECTED,
    "failed": ai_pb.OUTLINE_STATUS_FAILED,
}


def names_of(numbers: Iterable[int], table: Mapping[str, int]) -> list[str]:
    reverse = {number: name for name, number in table.items()}
    return [reverse[n] for n in numbers if n in reverse]


def _ts(message: Any, field: str, value: datetime | None) -> None:
    if value is not None:
        getattr(message, field).FromDatetime(value)


def objective_dicts(objectives: Iterable[pb.LearningObjective]) -> list[dict[str, Any]]:
    return [json_format.MessageToDict(o, preserving_proto_field_name=True) for o in objectives]


def objectives_of(stored: Iterable[dict[str, Any]]) -> list[pb.LearningObjective]:
    return [json_format.ParseDict(o, pb.LearningObjective(), ignore_unknown_fields=True) for o in stored]


def lesson_to_proto(lesson: PlannedLesson) -> ai_pb.OutlineLesson:
    return ai_pb.OutlineLesson(
        id=str(lesson.id), title=lesson.title, description=lesson.description, position=lesson.position,
        estimated_minutes=lesson.estimated_minutes, objectives=objectives_of(lesson.objectives),
        key_topics=lesson.key_topics,
        suggested_components=[COMPONENT_TYPES[t] for t in lesson.suggested_components if t in COMPONENT_TYPES],
        source_chunk_ids=[str(c) for c in lesson.source_chunk_ids],
    )


def section_to_proto(section: Section) -> ai_pb.OutlineSection:
    return ai_pb.OutlineSection(
        id=str(section.id), title=section.title, description=section.description, position=section.position,
        lessons=[lesson_to_proto(lesson) for lesson in section.lessons],
    )


def sections_from_proto(sections: Iterable[ai_pb.OutlineSection]) -> list[Section]:
    """Repository sections from proto ones whose ids are already valid (the AI's, or checked edits)."""
    built: list[Section] = []
    for section in sections:
        section_id = uuid.UUID(section.id)
        lessons = [
            PlannedLesson(
                id=uuid.UUID(lesson.id), section_id=section_id, title=lesson.title, description=lesson.description,
                position=j, estimated_minutes=max(0, lesson.estimated_minutes),
                objectives=objective_dicts(lesson.objectives), key_topics=list(lesson.key_topics),
                suggested_components=[COMPONENT_NAMES[t] for t in lesson.suggested_components if t in COMPONENT_NAMES],
                source_chunk_ids=[uuid.UUID(c) for c in lesson.source_chunk_ids],
            )
            for j, lesson in enumerate(section.lessons)
        ]
        built.append(Section(id=section_id, title=section.title, description=section.description, position=len(built),
                             lessons=lessons))
    return built


def input_to_proto(inputs: GenerationInputs) -> ai_pb.GenerationInput:
    def text(value: uuid.UUID | None) -> str:
        return str(value) if value else ""

    return ai_pb.GenerationInput(
        title=inputs.title, learning_goals=inputs.learning_goals, target_audience_id=text(inputs.target_audience_id),
        sme_ids=[str(s) for s in inputs.sme_ids], additional_context=inputs.additional_context,
        desired_lesson_count=inputs.desired_lesson_count, desired_duration_minutes=inputs.desired_duration_minutes,
        language=inputs.language, folder_id=text(inputs.folder_id), course_id=text(inputs.course_id),
    )


def outline_to_proto(outline: Outline, *, sections: list[Section], inputs: GenerationInputs | None,
                     people: dict[uuid.UUID, Any], storage: Any) -> ai_pb.Outline:
    message = ai_pb.Outline(
        id=str(outline.id), title=outline.title, description=outline.description,
        status=OUTLINE_STATUSES[outline.status], sections=[section_to_proto(s) for s in sections],
        course_id=str(outline.course_id) if outline.course_id else "", job_id=str(outline.job_id) if outline.job_id else "",
        estimated_duration_minutes=outline.estimated_duration_minutes, revision=outline.revision,
        rejection_reason=outline.rejection_reason or "", etag=outline.etag,
    )
    if inputs is not None:
        message.input.CopyFrom(input_to_proto(inputs))
    for field, user_id in (("created_by", outline.created_by), ("approved_by", outline.approved_by)):
        summary = user_summary(user_id, people, storage=storage)
        if summary is not None:
            getattr(message, field).CopyFrom(summary)
    _ts(message, "created_at", outline.created_at)
    _ts(message, "updated_at", outline.updated_at)
    _ts(message, "approved_at", outline.approved_at)
    return message


def _millis(start: datetime | None, end: datetime | None) -> int:
    if start is None:
        return 0
    return max(0, int(((end or datetime.now(UTC)) - start).total_seconds() * 1000))


def job_to_proto(job: Job, *, people: dict[uuid.UUID, Any], storage: Any) -> ai_pb.Job:
    message = ai_pb.Job(
        id=str(job.id), type=JOB_TYPES[job.type], status=JOB_STATUSES[job.status],
        course_id=str(job.course_id) if job.course_id else "",
        # Lesson jobs keep the outline internally (their plan); the contract shows it on outline jobs only.
        outline_id=str(job.outline_id) if job.outline_id and job.type == OUTLINE_JOB else "",
        lesson_ids=[str(i) for i in job.lesson_ids], component_id=job.component_id or "",
        sme_id=str(job.sme_id) if job.sme_id else "", submission_id=str(job.submission_id) if job.submission_id else "",
        progress_done=job.progress_done, progress_total=job.progress_total, progress_message=job.progress_message,
        failed_lesson_ids=[str(i) for i in job.failed_lesson_ids], error_message=job.error_message or "",
        error_code=job.error_code or "", input_tokens=job.input_tokens, output_tokens=job.output_tokens,
        model=job.model or "", attempt=job.attempt,
        queue_ms=_millis(job.created_at, job.started_at) if job.started_at else 0,
        duration_ms=_millis(job.started_at, job.finished_at),
    )
    creator = user_summary(job.created_by, people, storage=storage)
    if creator is not None:
        message.created_by.CopyFrom(creator)
    _ts(message, "created_at", job.created_at)
    _ts(message, "started_at", job.started_at)
    _ts(message, "finished_at", job.finished_at)
    component = (job.result or {}).get("component")
    if job.status == "succeeded" and component:
        message.component.CopyFrom(json_format.ParseDict(component, pb.LessonComponent(), ignore_unknown_fields=True))
    return message
