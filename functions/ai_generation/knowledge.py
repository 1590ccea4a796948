"""Which SME knowledge chunks go into a prompt, within a size budget.

Prompts are bounded (cost, latency, the model's context): chunks the outline cited for a
lesson come first, then those sharing the most words with the lesson's topics, then the
rest in their original order, until the budget is spent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from common.gen.mirai.v1 import sme_pb2

OUTLINE_BUDGET_CHARS = 60_000
LESSON_BUDGET_CHARS = 24_000
_WORD = re.compile(r"[^\W_]{3,}", re.UNICODE)


def _words(texts: Iterable[str]) -> set[str]:
    return {word.casefold() for text in texts for word in _WORD.findall(text)}


def select_chunks(
    chunks: Sequence[sme_pb2.KnowledgeChunk],
    *,
    budget_chars: int,
    prefer_ids: Sequence[str] = (),
    topics: Sequence[str] = (),
) -> list[sme_pb2.KnowledgeChunk]:
    by_id = {chunk.id: chunk for chunk in chunks}
    preferred = [by_id[cid] for cid in dict.fromkeys(prefer_ids) if cid in by_id]
    wanted = _words(topics)

    def overlap(chunk: sme_pb2.KnowledgeChunk) -> int:
        return len(wanted & _words([chunk.title, chunk.content, *chunk.keywords]))

    chosen_ids = {chunk.id for chunk in preferred}
    rest = [chunk for chunk in chunks if chunk.id not in chosen_ids]
    if wanted:
        # sorted() is stable: equal overlap keeps the original order.
        rest = sorted(rest, key=overlap, reverse=True)
    selected: list[sme_pb2.KnowledgeChunk] = []
    used = 0
    for chunk in [*preferred, *rest]:
        size = len(chunk.content) + len(chunk.title) + 80
        if used + size > budget_chars:
            continue
        selected.append(chunk)
        used += size
    return selected
