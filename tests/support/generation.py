"""Driving AIGenerationService in tests: a runner wired to the fake Gemini, a tenant with a
Gemini key, clients, job polling."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from common.config import Settings
from common.gen.mirai.v1 import ai_generation_connect, ai_generation_pb2, tenant_settings_connect, tenant_settings_pb2
from common.gen.mirai.v1 import common_pb2 as pb
from tests.fakes.gemini import FakeGemini
from tests.fakes.kratos import FakeKratos
from tests.support.runner import RunningRunner, running_runner
from tests.support.tenants import SeededTenant, add_user, provision_tenant

FINISHED = (pb.JOB_STATUS_SUCCEEDED, pb.JOB_STATUS_FAILED, pb.JOB_STATUS_CANCELLED)


@contextmanager
def generation_runner(settings: Settings, gemini: FakeGemini) -> Iterator[RunningRunner]:
    """A runner with an ENCRYPTION_KEY and Gemini pointing at the fake (one attempt per
    provider call, so an outage answers at once)."""
    with running_runner(settings, encryption_key=os.urandom(32), gemini_api_base_url=gemini.url,
                        gemini_max_attempts=1) as running:
        yield running


@dataclass(frozen=True)
class Author:
    tenant: SeededTenant
    user_id: uuid.UUID
    headers: dict[str, str]
    api_key: str


def new_tenant(runner: RunningRunner, kratos: FakeKratos, *, with_key: bool = True) -> Author:
    """A tenant whose owner is signed in; with a Gemini key set through TenantSettingsService."""
    tenant = provision_tenant(runner.container.db)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
    headers = {"X-Session-Token": token}
    api_key = "AIzaSy-" + uuid.uuid4().hex
    if with_key:
        tenant_settings_connect.TenantSettingsServiceClientSync(runner.url).update_ai_settings(
            tenant_settings_pb2.UpdateAISettingsRequest(api_key=api_key, model="gemini-2.5-flash"), headers=headers)
    return Author(tenant=tenant, user_id=tenant.owner_id, headers=headers, api_key=api_key)


def member_of(runner: RunningRunner, kratos: FakeKratos, author: Author) -> dict[str, str]:
    _, identity = add_user(runner.container.db, author.tenant, role="member")
    token, _ = kratos.add_session(identity_id=identity)
    return {"X-Session-Token": token}


def client(runner: RunningRunner) -> ai_generation_connect.AIGenerationServiceClientSync:
    return ai_generation_connect.AIGenerationServiceClientSync(runner.url, timeout_ms=30_000)


def wait_for_job(runner: RunningRunner, job_id: str, headers: dict[str, str], *, within: float = 60) -> ai_generation_pb2.Job:
    """Polls GetJob until the job has finished (a wait, not a timing assertion)."""
    ai = client(runner)
    deadline = time.monotonic() + within
    while True:
        job = ai.get_job(ai_generation_pb2.GetJobRequest(job_id=job_id), headers=headers).job
        if job.status in FINISHED:
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} still {pb.JobStatus.Name(job.status)} after {within} s")
        time.sleep(0.05)
