"""Which format a file claims (name, content type) and which it is (its first bytes).

The claim picks the reader; the bytes must agree, so a ZIP named ``.pdf`` or a PDF
named ``.txt`` is refused with both names rather than fed to the wrong parser."""

from __future__ import annotations

import io
import zipfile

from functions.sme.extraction.model import ExtractionError, Format

_BY_SUFFIX: dict[str, Format] = {
    ".pdf": "pdf", ".docx": "docx", ".pptx": "pptx", ".html": "html", ".htm": "html",
    ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
}
_BY_CONTENT_TYPE: dict[str, Format] = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown", "text/plain": "text",
}
NAMES: dict[Format, str] = {"pdf": "PDF", "docx": "Word (DOCX)", "pptx": "PowerPoint (PPTX)", "html": "HTML",
                            "markdown": "Markdown", "text": "plain text"}
_TEXTUAL: frozenset[Format] = frozenset({"html", "markdown", "text"})
SUPPORTED = ", ".join(sorted(_BY_SUFFIX))


def claimed_format(file_name: str, content_type: str | None) -> Format:
    """The format the name declares (the content type when the name has no known ending)."""
    lower = file_name.lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if lower.endswith(suffix):
            return fmt
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if declared in _BY_CONTENT_TYPE:
        return _BY_CONTENT_TYPE[declared]
    raise ExtractionError("unsupported_type", f"this kind of file cannot be read; supported are {SUPPORTED}")


def _zip_kind(data: bytes) -> Format | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return None


def actual_format(data: bytes) -> Format | str:
    """What the bytes are: a supported format, ``textual`` (any of the text kinds), or a
    description of something else (``a ZIP archive``, ``binary data``)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data) or "a ZIP archive that is no Word or PowerPoint document"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "textual"
    if b"\x00" in data[:8192]:
        return "binary data"
    return "textual"


def check_format(data: bytes, claimed: Format) -> None:
    actual = actual_format(data)
    if actual == claimed or (actual == "textual" and claimed in _TEXTUAL):
        return
    what = NAMES.get(actual, "text" if actual == "textual" else actual)  # type: ignore[call-overload]
    raise ExtractionError(
        "wrong_type", f"the file is named or sent as {NAMES[claimed]} but its content is {what}; upload it with its real type")
