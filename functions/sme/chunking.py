"""Heading-aware chunks of a bounded size, each with where it came from.

Token estimate (documented, deterministic, no model vocabulary): one token per word
(a run of letters/digits; one per started 10 characters of a longer one) and one per
other visible character such as punctuation.
For English prose this is within ~10-25 % of Gemini's tokenizer, on the high side, so
``MAX_TOKENS`` keeps a chunk comfortably inside a prompt budget.

Rules: a heading closes the chunk before it and is pushed on the heading path (a
heading of level n replaces levels ≥ n); blocks are added to the current chunk while
it stays within ``max_tokens``; a block larger than that is split at sentence ends,
then at word boundaries. Chunks never cross a heading, so each has one heading path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from functions.sme.extraction import Block, Document

MAX_TOKENS = 400
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


_WORD_CHARS = 10


def estimate_tokens(text: str) -> int:
    return sum(-(-len(token) // _WORD_CHARS) for token in _TOKEN.findall(text))


@dataclass(frozen=True)
class Chunk:
    position: int
    text: str
    token_count: int
    heading_path: tuple[str, ...]
    # 0 when the format has no pages.
    page_start: int
    page_end: int
    file_name: str


def _render(block: Block) -> str:
    return f"- {block.text}" if block.kind == "list_item" else block.text


def _pack(parts: Iterable[str], max_tokens: int) -> Iterator[str]:
    """Consecutive ``parts`` joined by spaces into runs of at most ``max_tokens``."""
    current: list[str] = []
    size = 0
    for part in parts:
        tokens = estimate_tokens(part)
        if current and size + tokens > max_tokens:
            yield " ".join(current)
            current, size = [], 0
        current.append(part)
        size += tokens
    if current:
        yield " ".join(current)


def _pieces(text: str, max_tokens: int) -> Iterator[str]:
    """``text`` in parts of at most ``max_tokens``: whole sentences where they fit, else words."""
    if estimate_tokens(text) <= max_tokens:
        return iter([text])
    return _pack((part for sentence in _SENTENCE_END.split(text) for part in _words(sentence, max_tokens)), max_tokens)


def _words(sentence: str, max_tokens: int) -> Iterator[str]:
    if estimate_tokens(sentence) <= max_tokens:
        return iter([sentence])
    return _pack((piece for word in sentence.split() for piece in _cut(word, max_tokens)), max_tokens)


def _cut(word: str, max_tokens: int) -> list[str]:
    """One enormous "word" cut by characters; any other word as it is."""
    if estimate_tokens(word) <= max_tokens:
        return [word]
    step = max_tokens * _WORD_CHARS // 2
    return [word[start:start + step] for start in range(0, len(word), step)]


def chunk_document(document: Document, *, file_name: str, max_tokens: int = MAX_TOKENS) -> list[Chunk]:
    return chunk_blocks(document.blocks, file_name=file_name, max_tokens=max_tokens)


def chunk_blocks(blocks: Sequence[Block], *, file_name: str, max_tokens: int = MAX_TOKENS) -> list[Chunk]:
    if max_tokens < 8:
        raise ValueError("max_tokens must be at least 8")
    chunks: list[Chunk] = []
    path: list[tuple[int, str]] = []
    parts: list[str] = []
    pages: list[int] = []
    size = 0

    def close() -> None:
        nonlocal size
        if parts:
            text = "\n".join(parts)
            known = [p for p in pages if p > 0]
            chunks.append(Chunk(
                position=len(chunks), text=text, token_count=estimate_tokens(text),
                heading_path=tuple(title for _, title in path),
                page_start=min(known, default=0), page_end=max(known, default=0), file_name=file_name,
            ))
        parts.clear()
        pages.clear()
        size = 0

    for block in blocks:
        if block.kind == "heading":
            close()
            level = max(1, block.level)
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, block.text))
            continue
        for piece in _pieces(_render(block), max_tokens):
            tokens = estimate_tokens(piece)
            # The "\n" joining parts is not a token, so sizes add up exactly.
            if parts and size + tokens > max_tokens:
                close()
            parts.append(piece)
            pages.append(block.page)
            size += tokens
    close()
    return chunks
