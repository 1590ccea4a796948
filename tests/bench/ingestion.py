"""Ingestion benches: a 50-page PDF extracted and chunked beside extraction alone, and
the memory peak (tracemalloc) while hostile files are refused.

The whole job (S3 read, AI batch, database write) is not built yet (docs/design.md §15),
so its row is not here; extraction is the part that grows with the document."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

from functions.sme.chunking import chunk_document
from functions.sme.extraction import ExtractionError, extract
from tests.bench.harness import Row, median_seconds
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

    return [Row("50-page PDF: extract + chunk", median_seconds(extract_and_chunk, runs=3),
                "extraction alone", median_seconds(extract_only, runs=3))]


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
