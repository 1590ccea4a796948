"""Markdown and plain text. Markdown: ATX and setext headings, list items, pipe tables,
fenced code kept as a paragraph; plain text: paragraphs separated by blank lines."""

from __future__ import annotations

import re

from functions.sme.extraction.model import Collector, Document, ExtractionError, Limits, table_text

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is not text we read."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExtractionError("not_text", "the file is not readable text (it is not UTF-8); save it as UTF-8 and upload it again") from None


def extract_text(text: str, limits: Limits) -> Document:
    collector = Collector(max_chars=limits.max_chars)
    for paragraph in re.split(r"\n\s*\n", text):
        collector.add("paragraph", paragraph)
    return Document(format="text", blocks=collector.blocks)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def extract_markdown(text: str, limits: Limits) -> Document:
    collector = Collector(max_chars=limits.max_chars)
    lines = text.splitlines()
    paragraph: list[str] = []

    def flush() -> None:
        collector.add("paragraph", " ".join(paragraph))
        paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _FENCE.match(line):
            flush()
            block: list[str] = []
            index += 1
            while index < len(lines) and not _FENCE.match(lines[index]):
                block.append(lines[index])
                index += 1
            collector.add("paragraph", "\n".join(block))
        elif (heading := _ATX.match(line)) is not None:
            flush()
            collector.add("heading", _inline(heading.group(2)), level=len(heading.group(1)))
        elif line.strip() and not paragraph and _SETEXT.match(following) and not _ITEM.match(line):
            collector.add("heading", _inline(line), level=1 if following.strip().startswith("=") else 2)
            index += 1
        elif "|" in line and _TABLE_RULE.match(following):
            flush()
            rows = [_cells(line)]
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                rows.append(_cells(lines[index]))
                index += 1
            collector.add("table", table_text([[_inline(c) for c in row] for row in rows]))
            continue
        elif (item := _ITEM.match(line)) is not None:
            flush()
            collector.add("list_item", _inline(item.group(1)))
        elif not line.strip():
            flush()
        else:
            paragraph.append(_inline(line))
        index += 1
    flush()
    return Document(format="markdown", blocks=collector.blocks)


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _inline(text: str) -> str:
    """Markdown inline syntax removed: links keep their text, emphasis its words."""
    return _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text))
