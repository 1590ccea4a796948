"""Document extraction: bytes in, structure out (no database, storage or network).

``extract(data, file_name=..., content_type=...)`` reads PDF, DOCX, PPTX, HTML, Markdown
and plain text into a ``Document`` of blocks (heading / paragraph / list item / table,
with heading levels and pages). Every file it cannot read, hostile ones included,
raises ``ExtractionError`` with a reason a person understands; nothing else escapes.
"""

from __future__ import annotations

import logging

from functions.sme.extraction.model import DEFAULT_LIMITS, Block, Document, ExtractionError, Limits, size_text
from functions.sme.extraction.sniff import check_format, claimed_format

__all__ = ["DEFAULT_LIMITS", "Block", "Document", "ExtractionError", "Limits", "extract"]

log = logging.getLogger("mirai.ingestion")


def extract(data: bytes, *, file_name: str, content_type: str | None, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(data) > limits.max_bytes:
        raise ExtractionError("too_large", f"the file is {size_text(len(data))}; at most {size_text(limits.max_bytes)} "
                                           "can be read")
    if not data.strip():
        raise ExtractionError("empty", "the file is empty")
    claimed = claimed_format(file_name, content_type)
    check_format(data, claimed)
    try:
        document = _read(data, claimed, limits)
    except ExtractionError:
        raise
    except MemoryError:
        raise ExtractionError("too_large", "the document needs too much memory to read; split it into smaller files") from None
    except RecursionError:
        raise ExtractionError("damaged", "the document is nested too deeply to read (damaged or hostile)") from None
    if not document.blocks:
        raise ExtractionError("empty", "the document contains no text")
    return document


def _read(data: bytes, claimed: str, limits: Limits) -> Document:
    if claimed == "pdf":
        from functions.sme.extraction.pdf import extract_pdf

        return extract_pdf(data, limits)
    if claimed == "docx":
        from functions.sme.extraction.office import extract_docx

        return extract_docx(data, limits)
    if claimed == "pptx":
        from functions.sme.extraction.office import extract_pptx

        return extract_pptx(data, limits)
    from functions.sme.extraction.plain import decode, extract_markdown, extract_text

    text = decode(data)
    if claimed == "html":
        from functions.sme.extraction.markup import extract_html

        return extract_html(text, limits)
    if claimed == "markdown":
        return extract_markdown(text, limits)
    return extract_text(text, limits)
