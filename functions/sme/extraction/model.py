"""What extraction produces: a document as an ordered list of blocks, each with its page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
Format = Literal["pdf", "docx", "pptx", "html", "markdown", "text"]

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    # Headings: 1 (top) to 6; 0 for other blocks.
    level: int = 0
    # 1-based page (PDF page, PPTX slide); 0 where the format has no pages (DOCX, HTML, text).
    page: int = 0


@dataclass(frozen=True)
class Document:
    format: Format
    blocks: list[Block]
    # Pages (PDF) or slides (PPTX); 0 for formats without pages.
    page_count: int = 0


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from taking the function down (memory, time)."""

    max_bytes: int = 25 * MIB
    max_pages: int = 500
    # ZIP containers (DOCX, PPTX): checked on the central directory before anything is read.
    max_expanded_bytes: int = 100 * MIB
    max_members: int = 2000
    # Expansion ratio a member may have once it is large enough to matter.
    max_ratio: float = 150.0
    ratio_floor_bytes: int = 1 * MIB
    # Text kept from one document (characters); a document with more is refused.
    max_chars: int = 2_000_000


DEFAULT_LIMITS = Limits()


class ExtractionError(Exception):
    """A document that cannot be read, with the reason a person understands.

    ``code`` is stable (for logs and tests); the message is what the user is shown."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Collector:
    """Blocks as they are found, refusing more text than ``max_chars`` as soon as it appears."""

    max_chars: int
    blocks: list[Block] = field(default_factory=list)
    chars: int = 0

    def add(self, kind: BlockKind, text: str, *, level: int = 0, page: int = 0) -> None:
        cleaned = " ".join(text.split()) if kind != "table" else "\n".join(
            " ".join(line.split()) for line in text.splitlines() if line.strip())
        if not cleaned:
            return
        self.chars += len(cleaned)
        if self.chars > self.max_chars:
            raise ExtractionError("too_long", f"the document has more than {self.max_chars:,} characters of text; split it into smaller files")
        self.blocks.append(Block(kind=kind, text=cleaned, level=level, page=page))


def size_text(size: int) -> str:
    """A byte count as people read it (``25 MiB``, ``1.5 KiB``, ``900 bytes``)."""
    for unit, scale in (("MiB", MIB), ("KiB", KIB)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def table_text(rows: list[list[str]]) -> str:
    """A table as one line per row, cells separated by `` | ``."""
    return "\n".join(" | ".join(" ".join(cell.split()) for cell in row) for row in rows if any(c.strip() for c in row))
