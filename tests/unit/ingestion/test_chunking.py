"""Chunking: heading paths, page ranges, the token bound, determinism."""

from __future__ import annotations

from pathlib import Path

from functions.sme.chunking import MAX_TOKENS, chunk_blocks, chunk_document, estimate_tokens
from functions.sme.extraction import Block, extract
from tests.support.hostile_documents import long_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


def _chunks(name: str, max_tokens: int = MAX_TOKENS) -> list:  # type: ignore[type-arg]
    document = extract((FIXTURES / name).read_bytes(), file_name=name, content_type=None)
    return chunk_document(document, file_name=name, max_tokens=max_tokens)


def test_the_token_estimate_counts_words_and_punctuation() -> None:
    assert estimate_tokens("Stop work, then report it.") == 7
    assert estimate_tokens("") == 0
    assert estimate_tokens("x" * 25) == 3


def test_each_section_of_a_docx_is_its_own_chunk_with_its_heading_path() -> None:
    chunks = _chunks("procedures.docx")
    assert [(c.position, c.heading_path) for c in chunks] == [
        (0, ("Warehouse procedures",)),
        (1, ("Warehouse procedures", "Receiving goods")),
        (2, ("Warehouse procedures", "Storage limits")),
    ]
    assert chunks[1].text == ("Check the delivery note against the order before signing.\n- Count the pallets\n"
                              "- Inspect the wrapping for damage\n- Record the delivery in the stock system")
    assert chunks[2].text.startswith("Rack level | Maximum load\nFloor | 2000 kg")
    assert all(c.file_name == "procedures.docx" and (c.page_start, c.page_end) == (0, 0) for c in chunks)


def test_slides_keep_their_numbers_as_pages() -> None:
    chunks = _chunks("training.pptx")
    assert [(c.heading_path, c.page_start, c.page_end) for c in chunks] == [
        (("Induction training",), 1, 1), (("Personal protective equipment",), 2, 2), (("Emergency contacts",), 3, 3),
    ]


def test_a_pdf_chunk_spans_the_pages_its_text_comes_from() -> None:
    whole = _chunks("handbook.pdf")
    assert len(whole) == 1 and (whole[0].page_start, whole[0].page_end) == (1, 3)
    small = _chunks("handbook.pdf", max_tokens=30)
    assert [(c.page_start, c.page_end) for c in small] == [(1, 1), (2, 2), (3, 3)]
    assert "Wheel chocks" in small[1].text


def test_a_heading_of_a_higher_level_replaces_the_deeper_path() -> None:
    blocks = [Block("heading", "A", level=1), Block("heading", "A.1", level=2), Block("paragraph", "one"),
              Block("heading", "A.1.a", level=3), Block("paragraph", "two"), Block("heading", "B", level=1),
              Block("paragraph", "three")]
    chunks = chunk_blocks(blocks, file_name="f.md")
    assert [(c.heading_path, c.text) for c in chunks] == [
        (("A", "A.1"), "one"), (("A", "A.1", "A.1.a"), "two"), (("B",), "three"),
    ]


def test_no_chunk_exceeds_the_bound_and_no_text_is_lost() -> None:
    sentence = "The operator checks the load chart before every lift, whatever the weather."
    paragraph = " ".join([sentence] * 60)  # one block far over the bound
    blocks = [Block("heading", "Lifting", level=1), Block("paragraph", paragraph, page=4),
              Block("list_item", "x" * 1500, page=5)]
    chunks = chunk_blocks(blocks, file_name="f.pdf", max_tokens=50)
    assert all(c.token_count <= 50 for c in chunks) and len(chunks) > 10
    kept = "".join("".join(line.removeprefix("- ") for line in c.text.splitlines()) for c in chunks)
    assert "".join(kept.split()) == "".join((paragraph + "x" * 1500).split())
    assert chunks[0].page_start == 4 and chunks[-1].page_end == 5
    assert [c.position for c in chunks] == list(range(len(chunks)))


def test_a_fifty_page_pdf_is_chunked_the_same_way_every_time() -> None:
    document = extract(long_pdf(50), file_name="long.pdf", content_type=None)
    first = chunk_document(document, file_name="long.pdf", max_tokens=120)
    second = chunk_document(document, file_name="long.pdf", max_tokens=120)
    assert first == second
    assert first[0].page_start == 1 and first[-1].page_end == 50
    assert all(c.token_count <= 120 for c in first)
    pages = [c.page_start for c in first]
    assert pages == sorted(pages)
