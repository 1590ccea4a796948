"""DOCX (python-docx) and PPTX (python-pptx), after the ZIP container is checked.

The central directory is checked before any member is read: member count, expanded
size and expansion ratio (a zip bomb is refused from its directory, never inflated).
zipfile stops a member at its declared size, so the directory's numbers bound memory.
Office XML never carries a DTD, so any member declaring one (an entity bomb) is
refused; the libraries' own lxml parsers do not resolve entities either."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import Any

from functions.sme.extraction.model import Collector, Document, ExtractionError, Limits, size_text, table_text

log = logging.getLogger("mirai.ingestion")

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_WORD = "a Word (DOCX) file"
_SLIDES = "a PowerPoint (PPTX) file"


def check_container(data: bytes, limits: Limits, *, what: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ExtractionError("damaged", f"the file is damaged: it is not {what} that can be opened") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise ExtractionError("zip_bomb", f"the file holds {len(members)} parts; at most {limits.max_members} are accepted")
        expanded = sum(m.file_size for m in members)
        if expanded > limits.max_expanded_bytes:
            raise ExtractionError(
                "zip_bomb", f"the file would expand to {size_text(expanded)}; at most "
                f"{size_text(limits.max_expanded_bytes)} are accepted (a zip bomb?)")
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size >= limits.ratio_floor_bytes and ratio > limits.max_ratio:
                raise ExtractionError(
                    "zip_bomb", f"a part of the file expands {ratio:.0f} times; at most {limits.max_ratio:.0f} times is "
                    "accepted (a zip bomb?)")
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                _refuse_dtd(archive, member)


def _refuse_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    try:
        with archive.open(member) as stream:
            head = stream.read(4096)
            # A DTD comes before the root element, so the start of the part is enough.
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise ExtractionError("damaged", "the file is damaged: one of its parts cannot be read") from None
    if _DTD.search(head):
        raise ExtractionError("xml_entities", "the file declares XML entities (a DTD), which Office documents never do; "
                                              "it is refused as unsafe")


def _reading(what: str) -> Any:
    """The errors python-docx/pptx raise on damaged packages, as one reason."""
    return ExtractionError("damaged", f"the file is damaged: it is not {what} that can be read")


def extract_docx(data: bytes, limits: Limits) -> Document:
    check_container(data, limits, what=_WORD)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        collector = Collector(max_chars=limits.max_chars)
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                _docx_paragraph(collector, item)
            elif isinstance(item, Table):
                rows = [[cell.text for cell in row.cells] for row in item.rows]
                collector.add("table", table_text(_dedupe_merged(rows)))
    except ExtractionError:
        raise
    except Exception as err:  # noqa: BLE001 - python-docx surfaces damage as any exception type
        log.info("unreadable DOCX: %s", type(err).__name__)
        raise _reading(_WORD) from None
    return Document(format="docx", blocks=collector.blocks)


def _docx_paragraph(collector: Collector, paragraph: Any) -> None:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = _HEADING_STYLE.match(style.strip())
    if heading:
        collector.add("heading", paragraph.text, level=int(heading.group(1)))
    elif style.strip().lower() == "title":
        collector.add("heading", paragraph.text, level=1)
    elif style.lower().startswith("list") or _numbered(paragraph):
        collector.add("list_item", paragraph.text)
    else:
        collector.add("paragraph", paragraph.text)


def _numbered(paragraph: Any) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _dedupe_merged(rows: list[list[str]]) -> list[list[str]]:
    """python-docx repeats a merged cell's text in every grid cell it spans."""
    cleaned = []
    for row in rows:
        kept: list[str] = []
        for cell in row:
            if not kept or cell != kept[-1]:
                kept.append(cell)
        cleaned.append(kept)
    return cleaned


def extract_pptx(data: bytes, limits: Limits) -> Document:
    check_container(data, limits, what=_SLIDES)
    import pptx
    from pptx.enum.shapes import PP_PLACEHOLDER

    body_types = frozenset({PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})

    try:
        presentation = pptx.Presentation(io.BytesIO(data))
        slides = list(presentation.slides)
        if len(slides) > limits.max_pages:
            raise ExtractionError("too_many_pages", f"the presentation has {len(slides)} slides; at most {limits.max_pages} can be read")
        collector = Collector(max_chars=limits.max_chars)
        for number, slide in enumerate(slides, start=1):
            title = slide.shapes.title
            if title is not None and title.has_text_frame:
                collector.add("heading", title.text_frame.text, level=1, page=number)
            for shape in slide.shapes:
                if title is not None and shape.shape_id == title.shape_id:
                    continue
                _pptx_shape(collector, shape, number, body_types)
    except ExtractionError:
        raise
    except Exception as err:  # noqa: BLE001 - python-pptx surfaces damage as any exception type
        log.info("unreadable PPTX: %s", type(err).__name__)
        raise _reading(_SLIDES) from None
    return Document(format="pptx", blocks=collector.blocks, page_count=len(slides))


def _pptx_shape(collector: Collector, shape: Any, page: int, body_types: frozenset[Any]) -> None:
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
        collector.add("table", table_text(rows), page=page)
        return
    if getattr(shape, "shape_type", None) is not None and hasattr(shape, "shapes"):  # a group
        for inner in shape.shapes:
            _pptx_shape(collector, inner, page, body_types)
        return
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return
    paragraphs = shape.text_frame.paragraphs
    # In a body placeholder every paragraph is a bullet; in a free text box only indented ones.
    bulleted = bool(getattr(shape, "is_placeholder", False)) and shape.placeholder_format.type in body_types
    for paragraph in paragraphs:
        text = paragraph.text
        if bulleted or paragraph.level > 0:
            collector.add("list_item", text, page=page)
        else:
            collector.add("paragraph", text, page=page)
