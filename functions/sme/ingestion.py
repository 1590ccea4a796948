"""Queueing a submission for ingestion: the ``io.mirai.ingestion.requested`` outbox row
in the caller's transaction (the ingest_submission job consumes it). The caller nudges
the relay after the commit."""

from __future__ import annotations

from typing import Any

from common.repos.sme_submissions import Submission

INGESTION_REQUESTED = "io.mirai.ingestion.requested"
SOURCE = "/mirai/sme"


def request_ingestion(uow: Any, submission: Submission) -> None:
    uow.outbox.add(
        type=INGESTION_REQUESTED, source=SOURCE, subject=str(submission.id),
        data={"tenant_id": str(submission.tenant_id), "submission_id": str(submission.id),
              "sme_id": str(submission.sme_id)},
    )
    uow.smes.refresh_status(submission.sme_id)
    if submission.task_id is not None:
        uow.sme_tasks.mark_submitted(submission.task_id)
