"""The ingest_submission job against PostgreSQL, S3 (moto) and the Gemini fake behind the
real SDK. Submission rows and objects are written here the way the upload landing leaves
them (status ``uploaded``), since the SMEService RPCs are another area's."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from common import storage_keys
from common.config import Settings
from common.db import Database
from functions.ai_generation.lease_sweep import sweep_expired_leases
from functions.bootstrap import Container
from functions.jobs.ingest_submission import ingest_submission
from tests.fakes.gemini import FakeGemini, FakeReply
from tests.support.ingestion import API_KEY, FIXTURES, add_sme, give_ai_key, requested, upload
from tests.support.owner_rows import owner_rows
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def gemini() -> Iterator[FakeGemini]:
    with FakeGemini() as fake:
        yield fake


@pytest.fixture(scope="module")
def jobs(settings: Settings, gemini: FakeGemini) -> Iterator[Container]:
    built = Container(settings.with_overrides(gemini_api_base_url=gemini.url, gemini_max_attempts=1))
    built.storage.ensure_bucket()
    yield built
    built.close()


@pytest.fixture
def tenant(jobs: Container) -> SeededTenant:
    seeded = provision_tenant(jobs.db)
    give_ai_key(jobs, seeded)
    return seeded


def _submission(owner_db: Database, submission_id: uuid.UUID) -> dict[str, object]:
    return owner_rows(owner_db, "select status, chunk_count, ai_summary, error_message, job_id from sme_task_submissions "
                                "where id = :i", i=submission_id)[0]


def _chunks(owner_db: Database, submission_id: uuid.UUID) -> list[dict[str, object]]:
    return owner_rows(owner_db, "select tenant_id, title, content, keywords, position, page_start, page_end, heading_path, "
                                "source_file_name from sme_knowledge_chunks where submission_id = :i order by position",
                      i=submission_id)


def test_a_pdf_is_ingested_with_its_pages_notes_summary_and_knowledge_file(
    jobs: Container, tenant: SeededTenant, gemini: FakeGemini, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    submission_id = upload(jobs, tenant, sme_id, "handbook.pdf")
    calls = len(gemini.requests)
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "succeeded"

    stored = _submission(owner_db, submission_id)
    assert stored["status"] == "processed" and stored["chunk_count"] == 1 and stored["error_message"] is None
    assert stored["ai_summary"] == "A document in 1 parts."
    [chunk] = _chunks(owner_db, submission_id)
    assert "mast chains" in str(chunk["content"]) and "charging bay" in str(chunk["content"])
    assert (chunk["page_start"], chunk["page_end"], chunk["source_file_name"]) == (1, 3, "handbook.pdf")
    assert chunk["tenant_id"] == tenant.tenant_id and chunk["title"] == "Forklift safety Every driver checks the"
    keywords = chunk["keywords"]
    assert isinstance(keywords, list) and keywords and all(isinstance(k, str) for k in keywords)
    # One notes call for the batch and one for the summary, with the tenant's key.
    made = gemini.requests[calls:]
    assert len(made) == 2 and all(r.api_key == API_KEY for r in made)
    sme = owner_rows(owner_db, "select status, knowledge_summary from subject_matter_experts where id = :i", i=sme_id)[0]
    assert sme == {"status": "ready", "knowledge_summary": "handbook.pdf: A document in 1 parts."}
    knowledge = jobs.storage.get_json(storage_keys.sme_knowledge(tenant.tenant_id, sme_id))
    assert [c["page_start"] for c in knowledge["chunks"]] == [1] and knowledge["chunks"][0]["content"] == chunk["content"]
    job = owner_rows(owner_db, "select type, status, input_tokens, sme_id from generation_jobs where id = :j",
                     j=stored["job_id"])[0]
    assert job["type"] == "sme_ingestion" and job["status"] == "succeeded" and job["sme_id"] == sme_id
    assert int(job["input_tokens"]) > 0  # type: ignore[call-overload]


def test_a_chunk_is_indexed_in_the_language_the_notes_name(
    jobs: Container, tenant: SeededTenant, gemini: FakeGemini, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    english = upload(jobs, tenant, sme_id, "handbook.pdf")
    gemini.script(FakeReply.json({"chunks": [
        {"index": 0, "title": "Forklift checks", "keywords": ["forklift"], "summary": "Daily checks.", "language": "en"}]}))
    assert ingest_submission(jobs)(requested(tenant, sme_id, english)) == "succeeded"
    unnamed = upload(jobs, tenant, sme_id, "spills.txt")  # the fake's default notes say "und"
    assert ingest_submission(jobs)(requested(tenant, sme_id, unnamed)) == "succeeded"

    def languages(submission_id: uuid.UUID) -> set[object]:
        rows = owner_rows(owner_db, "select language::text as language from sme_knowledge_chunks where submission_id = :i",
                          i=submission_id)
        return {r["language"] for r in rows}

    assert languages(english) == {"english"} and languages(unnamed) == {"simple"}
    # English stemming: "checking" finds the handbook's "checks" only through its english vector.
    stemmed = owner_rows(owner_db, "select count(*) as n from sme_knowledge_chunks where submission_id = :i "
                                   "and search @@ to_tsquery('english', 'checking')", i=english)
    assert stemmed == [{"n": 1}]


def test_a_docx_keeps_heading_paths_and_a_redelivery_ingests_once(
    jobs: Container, tenant: SeededTenant, gemini: FakeGemini, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    submission_id = upload(jobs, tenant, sme_id, "procedures.docx")
    event = requested(tenant, sme_id, submission_id)
    assert ingest_submission(jobs)(event) == "succeeded"
    calls = len(gemini.requests)
    assert ingest_submission(jobs)(event) == "nothing to ingest"
    assert len(gemini.requests) == calls
    chunks = _chunks(owner_db, submission_id)
    assert [c["heading_path"] for c in chunks] == [
        ["Warehouse procedures"], ["Warehouse procedures", "Receiving goods"], ["Warehouse procedures", "Storage limits"]]
    assert "- Count the pallets" in str(chunks[1]["content"])


def test_reprocessing_replaces_the_chunks_instead_of_doubling_them(
    jobs: Container, tenant: SeededTenant, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    submission_id = upload(jobs, tenant, sme_id, "procedures.docx")
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "succeeded"
    first = {c["content"] for c in _chunks(owner_db, submission_id)}
    with jobs.db.tenant_session(tenant.tenant_id) as uow:  # what ReprocessSubmission does
        uow.session.execute(text("update sme_task_submissions set status = 'uploaded' where id = :i"), {"i": submission_id})
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "succeeded"
    again = _chunks(owner_db, submission_id)
    assert len(again) == 3 and {c["content"] for c in again} == first


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("scanned.pdf", None, "scanned PDF: no text layer"),
    ("encrypted.pdf", None, "protected by a password"),
    ("renamed.pdf", (FIXTURES / "procedures.docx").read_bytes(), "its content is Word (DOCX)"),
])
def test_a_hostile_file_fails_the_submission_with_its_reason_and_can_be_reprocessed(
    jobs: Container, tenant: SeededTenant, owner_db: Database, name: str, data: bytes | None, reason: str
) -> None:
    sme_id = add_sme(jobs, tenant)
    submission_id = upload(jobs, tenant, sme_id, name, data)
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "failed"
    stored = _submission(owner_db, submission_id)
    assert stored["status"] == "failed" and reason in str(stored["error_message"]) and stored["chunk_count"] == 0
    assert _chunks(owner_db, submission_id) == []
    sme = owner_rows(owner_db, "select status from subject_matter_experts where id = :i", i=sme_id)[0]
    assert sme["status"] == "empty"
    with jobs.db.tenant_session(tenant.tenant_id) as uow:  # reprocess with a readable file
        uow.session.execute(text("update sme_task_submissions set status = 'uploaded' where id = :i"), {"i": submission_id})
    jobs.storage.put(storage_keys.submission_file(tenant.tenant_id, submission_id, name),
                     (FIXTURES / "handbook.pdf").read_bytes(), "application/pdf")
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "succeeded"
    assert _submission(owner_db, submission_id)["status"] == "processed"


def test_an_ai_refusal_fails_the_submission_and_an_event_for_another_tenant_does_nothing(
    jobs: Container, tenant: SeededTenant, gemini: FakeGemini, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    stranger = provision_tenant(jobs.db)
    submission_id = upload(jobs, tenant, sme_id, "spills.txt")
    assert ingest_submission(jobs)(requested(stranger, sme_id, submission_id)) == "nothing to ingest"
    assert _submission(owner_db, submission_id)["status"] == "uploaded"
    gemini.script(FakeReply.error(403, message="API key not valid"))
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id)) == "failed"
    stored = _submission(owner_db, submission_id)
    assert stored["status"] == "failed" and "AIzaSy" not in str(stored["error_message"])


def test_the_sweep_republishes_an_ingestion_whose_run_died_and_the_next_run_finishes_it(
    jobs: Container, tenant: SeededTenant, owner_db: Database
) -> None:
    sme_id = add_sme(jobs, tenant)
    submission_id = upload(jobs, tenant, sme_id, "spills.txt")
    with jobs.db.tenant_session(tenant.tenant_id) as uow:
        job_id = uow.submission_ingestions.start(submission_id, sme_id=sme_id)
    assert job_id is not None
    # A run that claimed the job and died: its lease has ended.
    with jobs.db.system_session() as uow:
        assert uow.generation_jobs.claim(job_id, lease_seconds=1, worker="dead-run") is not None
    with owner_db.engine.begin() as conn:
        conn.execute(text("update generation_jobs set lease_expires_at = now() - interval '1 minute' where id = :j"),
                     {"j": job_id})
    assert job_id in sweep_expired_leases(jobs)
    queued = owner_rows(owner_db, "select data from outbox where type = 'io.mirai.ingestion.requested' "
                                  "and subject = :s", s=str(submission_id))
    assert queued and queued[-1]["data"]["job_id"] == str(job_id)  # type: ignore[index]
    with owner_db.engine.begin() as conn:  # no relay runs here: keep the shared outbox clean
        conn.execute(text("delete from outbox where subject = :s"), {"s": str(submission_id)})
    data = queued[-1]["data"]
    assert ingest_submission(jobs)(requested(tenant, sme_id, submission_id, job_id=data["job_id"])) == "succeeded"  # type: ignore[index]
    assert _submission(owner_db, submission_id)["chunk_count"] == 1  # three short paragraphs, no heading
