"""Ingestion benches: a 50-page PDF ingested by the job (S3 read, extraction, chunking,
AI notes from the Gemini fake answering at once, the database write, knowledge.json),
and extracted and chunked, each beside extraction alone; and the memory peak
(tracemalloc) while hostile files are refused. Run alone: ``python -m tests.bench.ingestion``."""

from __future__ import annotations

import base64
import logging
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from functions.sme.chunking import chunk_document
from functions.sme.extraction import ExtractionError, extract
from tests.bench.harness import Row, median_seconds, render
from tests.bench.stack import migrated_settings
from tests.fakes.gemini import FakeGemini
from tests.support import hostile_documents as hostile

_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
_TEXT = ("Page {n}. Before each lift the operator checks the load chart, the forks and the mast chains. "
         "Loads above the rated capacity are never lifted, and the site lead signs off every exception. ") * 6


def rows() -> list[Row]:
    pdf = hostile.long_pdf(50, text=_TEXT)

    def extract_only() -> None:
        extract(pdf, file_name="manual.pdf", content_type="application/pdf")

    def extract_and_chunk() -> None:
        document = extract(pdf, file_name="manual.pdf", content_type="application/pdf")
        chunk_document(document, file_name="manual.pdf")

    alone = median_seconds(extract_only, runs=3)
    return [Row("50-page PDF: extract + chunk", median_seconds(extract_and_chunk, runs=3), "extraction alone", alone),
            Row("50-page PDF: ingested by the job", _ingest_seconds(pdf), "extraction alone", alone)]


def _ingest_seconds(pdf: bytes, *, runs: int = 3) -> float:
    from functions.bootstrap import Container
    from functions.sme.ingestion_job import run_ingestion
    from tests.support.ingestion import add_sme, give_ai_key, upload
    from tests.support.tenants import provision_tenant

    logging.disable(logging.INFO)
    try:
        with ExitStack() as stack, FakeGemini() as gemini:
            settings, _ = migrated_settings(stack, name="ingestion", env={
                "S3_BUCKET": "bench-ingestion", "ENCRYPTION_KEY": base64.b64encode(os.urandom(32)).decode()})
            container = Container(settings.with_overrides(gemini_api_base_url=gemini.url, gemini_max_attempts=1))
            stack.callback(container.close)
            container.storage.ensure_bucket()
            tenant = provision_tenant(container.db)
            give_ai_key(container, tenant)
            sme_id = add_sme(container, tenant)
            samples = []
            for _ in range(runs):
                submission_id = upload(container, tenant, sme_id, "manual.pdf", pdf)
                started = time.perf_counter()
                outcome = run_ingestion(container, tenant_id=tenant.tenant_id, submission_id=submission_id, sme_id=sme_id)
                samples.append(time.perf_counter() - started)
                if outcome != "succeeded":
                    raise RuntimeError(f"the bench PDF was not ingested: {outcome}")
    finally:
        logging.disable(logging.NOTSET)
    return statistics.median(samples)


def _peak(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        action()
    except ExtractionError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / (1024 * 1024)


def report() -> str:
    docx = (_FIXTURES / "procedures.docx").read_bytes()
    cases: list[tuple[str, bytes, str]] = [
        ("zip bomb (300 MiB expanded) as DOCX", hostile.zip_bomb(expanded_mib=300), "bomb.docx"),
        ("zip bomb (300 MiB expanded) as PPTX", hostile.zip_bomb("ppt/presentation.xml", expanded_mib=300), "bomb.pptx"),
        ("entity bomb in a DOCX", hostile.entity_bomb_docx(docx), "laughs.docx"),
        ("entity bomb in HTML", hostile.entity_bomb_html(), "laughs.html"),
    ]
    lines = ["hostile documents: tracemalloc peak while refused (or read)"]
    for label, data, name in cases:
        peak = _peak(lambda data=data, name=name: extract(data, file_name=name, content_type=None))  # type: ignore[misc]
        lines.append(f"  {label:<40} input {len(data) / 1024:8.0f} KiB   peak {peak:6.1f} MiB")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(rows()))
    print(report())
