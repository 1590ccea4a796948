"""PDF with pypdf: the text layer page by page, paragraphs split on blank lines.

PDFs carry no reliable heading structure (only drawing operators), so every block is
a paragraph with its page. A file with pages but no text at all is a scan."""

from __future__ import annotations

import io
import logging
import re

from functions.sme.extraction.model import Collector, Document, ExtractionError, Limits

log = logging.getLogger("mirai.ingestion")
logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings quote document content

_PARAGRAPHS = re.compile(r"\n\s*\n")


def extract_pdf(data: bytes, limits: Limits) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ExtractionError("encrypted", "the PDF is protected by a password; upload a copy without protection")
        count = len(reader.pages)
        if count > limits.max_pages:
            raise ExtractionError("too_many_pages", f"the PDF has {count} pages; at most {limits.max_pages} can be read")
        collector = Collector(max_chars=limits.max_chars)
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            for paragraph in _PARAGRAPHS.split(text):
                collector.add("paragraph", paragraph, page=number)
    except ExtractionError:
        raise
    except FileNotDecryptedError:
        raise ExtractionError("encrypted", "the PDF is protected by a password; upload a copy without protection") from None
    except RecursionError:
        raise ExtractionError("damaged", "the PDF is damaged: its objects refer to each other in a circle") from None
    except PdfReadError as err:
        if "cyclic" in str(err).lower() or "circular" in str(err).lower():
            raise ExtractionError("damaged", "the PDF is damaged: its objects refer to each other in a circle") from None
        log.info("unreadable PDF: %s", type(err).__name__)
        raise ExtractionError("damaged", "the PDF is damaged or not a PDF that can be read") from None
    except (PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OverflowError, AssertionError, OSError, NotImplementedError) as err:
        # pypdf reports damage through many types; only the type is logged (messages quote content).
        log.info("unreadable PDF: %s", type(err).__name__)
        raise ExtractionError("damaged", "the PDF is damaged or not a PDF that can be read") from None
    if count == 0:
        raise ExtractionError("empty", "the PDF has no pages")
    if not collector.blocks:
        raise ExtractionError("scanned_pdf", "scanned PDF: no text layer (only images); upload a PDF with selectable text")
    return Document(format="pdf", blocks=collector.blocks, page_count=count)


def _opens_without_password(reader: object) -> bool:
    """PDFs encrypted with an empty user password (print or copy restrictions) open for everyone."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - pypdf raises many types for unsupported crypto; all mean "no"
        return False
