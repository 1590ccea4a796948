"""Consumes io.mirai.ingestion.requested: extracts, chunks and annotates one SME
submission (functions/sme/ingestion_job.py). Safe to deliver twice: the submission
moves to processing under one job, whose lease lets one run write the chunks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.jobs.generate_outline import event_ids

log = logging.getLogger("mirai.jobs")


def ingest_submission(container: Any) -> Callable[[CloudEvent], str]:
    def handle(event: CloudEvent) -> str:
        from functions.sme.ingestion_job import run_ingestion

        tenant_id, submission_id, sme_id = event_ids(event, "tenant_id", "submission_id", "sme_id")
        # The sweep names the job it re-publishes; the upload landing and reprocessing do not.
        job_id = event_ids(event, "job_id")[0] if (event.get_data() or {}).get("job_id") else None
        outcome = run_ingestion(container, tenant_id=tenant_id, submission_id=submission_id, sme_id=sme_id, job_id=job_id)
        log.info("ingest_submission %s: %s", submission_id, outcome)
        return outcome

    return handle
