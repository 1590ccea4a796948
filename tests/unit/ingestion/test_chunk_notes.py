"""The chunk notes' language: what the reply names is kept when search can stem it, else "und"."""

from __future__ import annotations

import pytest

from common.repos.knowledge_chunks import FALLBACK_CONFIG, search_config
from functions.sme.chunk_notes import NOTE_LANGUAGES, NOTES_SCHEMA, UNDETERMINED, notes_request
from functions.sme.chunking import Chunk

CHUNK = Chunk(position=4, text="Gabelstapler bremsen sanft.", token_count=6, heading_path=("Sicherheit",),
              page_start=0, page_end=0, file_name="regeln.md")


def _note(**item: object) -> dict[str, object]:
    reply = {"index": 4, "title": "Bremsen", "keywords": ["Bremse"], "summary": "Sanft bremsen.", **item}
    return {"chunks": [reply]}


@pytest.mark.parametrize(("named", "kept"), [("de", "de"), ("en", "en"), ("und", UNDETERMINED), ("xx", UNDETERMINED),
                                             (None, UNDETERMINED)])
def test_the_reply_names_the_language_or_it_is_undetermined(named: str | None, kept: str) -> None:
    request = notes_request([CHUNK], model="gemini-2.5-flash", file_name="regeln.md")
    reply = _note() if named is None else _note(language=named)
    assert request.parse(reply)[4].language == kept


def test_every_language_the_schema_offers_but_und_has_its_own_stemming() -> None:
    offered = NOTES_SCHEMA["properties"]["chunks"]["items"]["properties"]["language"]["enum"]
    assert offered[0] == UNDETERMINED and list(offered) == list(NOTE_LANGUAGES)
    assert search_config(UNDETERMINED) == FALLBACK_CONFIG
    assert all(search_config(code) != FALLBACK_CONFIG for code in offered[1:])
    assert "language" in NOTES_SCHEMA["properties"]["chunks"]["items"]["required"]
