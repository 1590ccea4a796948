"""Rows of the SME area as the contract's messages (sme.proto)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from common.gen.mirai.v1 import sme_pb2
from common.repos.knowledge_chunks import ListedChunk
from common.repos.sme_submissions import Submission
from common.repos.sme_tasks import SmeTask
from common.repos.smes import Sme
from common.repos.user_summaries import UserSummaryRow
from functions.enum_names import enum_number
from functions.user_summary import user_summary

SCOPE = sme_pb2.SmeScope.DESCRIPTOR
STATUS = sme_pb2.SmeStatus.DESCRIPTOR
TASK_STATUS = sme_pb2.SmeTaskStatus.DESCRIPTOR
SUBMISSION_STATUS = sme_pb2.SubmissionStatus.DESCRIPTOR

People = dict[uuid.UUID, UserSummaryRow]


def _stamp(message: Any, name: str, value: datetime | None) -> None:
    if value is not None:
        getattr(message, name).FromDatetime(value)


def _person(message: Any, name: str, user_id: uuid.UUID | None, people: People, storage: Any) -> None:
    summary = user_summary(user_id, people, storage=storage)
    if summary is not None:
        getattr(message, name).CopyFrom(summary)


def sme_message(sme: Sme, people: People, *, storage: Any) -> sme_pb2.SubjectMatterExpert:
    message = sme_pb2.SubjectMatterExpert(
        id=str(sme.id), name=sme.name, description=sme.description, domain=sme.domain,
        scope=sme_pb2.SmeScope.ValueType(enum_number(SCOPE, sme.scope)),
        team_ids=[str(t) for t in sme.team_ids],
        status=sme_pb2.SmeStatus.ValueType(enum_number(STATUS, sme.status)),
        knowledge_summary=sme.knowledge_summary, chunk_count=sme.chunk_count,
        submission_count=sme.submission_count, open_task_count=sme.open_task_count, etag=sme.etag,
    )
    _person(message, "created_by", sme.created_by, people, storage)
    _stamp(message, "created_at", sme.created_at)
    _stamp(message, "updated_at", sme.updated_at)
    return message


def task_message(task: SmeTask, people: People, *, storage: Any) -> sme_pb2.SMETask:
    message = sme_pb2.SMETask(
        id=str(task.id), sme_id=str(task.sme_id), title=task.title, instructions=task.instructions,
        status=sme_pb2.SmeTaskStatus.ValueType(enum_number(TASK_STATUS, task.status)),
        submission_count=task.submission_count, cancel_reason=task.cancel_reason,
        completion_note=task.completion_note,
    )
    _person(message, "assignee", task.assignee_id, people, storage)
    _person(message, "created_by", task.created_by, people, storage)
    for name in ("due_at", "created_at", "updated_at", "completed_at", "cancelled_at"):
        _stamp(message, name, getattr(task, name))
    return message


def submission_message(submission: Submission, people: People, *, storage: Any) -> sme_pb2.Submission:
    message = sme_pb2.Submission(
        id=str(submission.id), sme_id=str(submission.sme_id), task_id=str(submission.task_id or ""),
        file_name=submission.file_name, content_type=submission.content_type, size_bytes=submission.size_bytes,
        status=sme_pb2.SubmissionStatus.ValueType(enum_number(SUBMISSION_STATUS, submission.status)),
        ai_summary=submission.ai_summary, error_message=submission.error_message or "",
        chunk_count=submission.chunk_count, job_id=str(submission.job_id or ""),
    )
    _person(message, "uploaded_by", submission.uploaded_by, people, storage)
    for name in ("created_at", "uploaded_at", "processed_at"):
        _stamp(message, name, getattr(submission, name))
    return message


def chunk_message(chunk: ListedChunk) -> sme_pb2.KnowledgeChunk:
    message = sme_pb2.KnowledgeChunk(
        id=str(chunk.id), sme_id=str(chunk.sme_id), submission_id=str(chunk.submission_id or ""), title=chunk.title,
        content=chunk.content, keywords=list(chunk.keywords), token_count=chunk.token_count, position=chunk.position,
        source_file_name=chunk.source_file_name,
    )
    _stamp(message, "created_at", chunk.created_at)
    return message
