"""What every generation job run shares: its worker name, the tenant's AI credentials,
and recording a failure the user can read (never the key, never a stack trace)."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from common.adapters.ai import AIError, TokenUsage
from common.adapters.crypto import DecryptionFailed
from common.repos.generation_jobs import Job
from functions.ai_generation.queueing import NO_KEY_MESSAGE
from functions.target_audience.personas import to_proto as persona_to_proto
from functions.tenant_settings.ai_credentials import AICredentials, load_ai_credentials

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

log = logging.getLogger("mirai.generation")

# A lease outlives the job functions' 300 s timeout; a killed run is picked up once it ends.
LEASE_SECONDS = 330


@dataclass(frozen=True)
class Failure:
    code: str
    message: str
    usage: TokenUsage = field(default_factory=TokenUsage)

    @classmethod
    def of(cls, err: AIError) -> Failure:
        return cls(code=err.reason, message=str(err), usage=err.usage)


# A run that dies this often is not a passing crash but work that kills its function (a
# reply too large, a bug): it fails for good instead of being picked up forever.
MAX_ATTEMPTS = 3
GAVE_UP = Failure(code="internal", message=f"the work stopped without finishing {MAX_ATTEMPTS} times; start it again")

NO_KEY = Failure(code="ai_key_missing", message=NO_KEY_MESSAGE)
KEY_UNREADABLE = Failure(
    code="ai_key_invalid",
    message="the company's AI API key cannot be read any more; an admin must enter it again in the AI settings",
)


def new_worker() -> str:
    """Names one run: a stale run (its lease taken over) can never write as the new one."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def credentials_or_failure(uow: UnitOfWork, keyring: Any) -> AICredentials | Failure:
    try:
        credentials = load_ai_credentials(uow, keyring)
    except DecryptionFailed:
        return KEY_UNREADABLE
    return credentials if credentials is not None else NO_KEY


def audience_for(uow: UnitOfWork, target_audience_id: uuid.UUID | None, *, storage: Any) -> Any:
    """The persona the AI writes for, when the course or outline names one."""
    if target_audience_id is None:
        return None
    return persona_to_proto(uow.target_audiences.get(target_audience_id), {}, storage=storage)


def log_failure(what: str, failure: Failure) -> None:
    """What operators need of a failed run: its stable reason code (never the provider's
    message, which may quote the prompt, nor the key). ``internal`` means our own defect."""
    log.log(logging.ERROR if failure.code == "internal" else logging.WARNING, "%s failed: %s", what, failure.code)


def failure_values(failure: Failure) -> dict[str, Any]:
    return {
        "error_code": failure.code,
        "error_message": failure.message[:2000],
        "input_tokens": failure.usage.input_tokens,
        "output_tokens": failure.usage.output_tokens,
    }


@dataclass(frozen=True)
class Claimed:
    job: Job
    worker: str


def claim_job(container: Any, *, tenant_id: uuid.UUID, job_id: uuid.UUID, job_type: str, has_target: Callable[[Job], bool],
              lease_seconds: int, fail: Callable[[Job, str, Failure], str]) -> Claimed | str:
    """Claims the job with a lease for this run; answers the outcome instead when there is
    nothing to run: not claimed, an event that does not match the job, or a job that has
    given up (then failed through ``fail(job, worker, failure)``)."""
    worker = new_worker()
    with container.db.system_session() as uow:
        job = uow.generation_jobs.claim(job_id, lease_seconds=lease_seconds, worker=worker)
    if job is None:
        return "not claimed"
    if job.tenant_id != tenant_id or job.type != job_type or not has_target(job):
        # A forged or misrouted event: leave the job to its lease (the sweep re-publishes it correctly).
        log.warning("%s job %s: event does not match the job; ignored", job_type, job_id)
        return "mismatch"
    if job.attempt > MAX_ATTEMPTS:
        return fail(job, worker, GAVE_UP)
    return Claimed(job=job, worker=worker)
