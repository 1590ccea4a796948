"""Extraction of the fixture documents (tests/fixtures/documents, made by
scripts/make_document_fixtures.py) and of hostile files made here: each hostile file
fails with its reason, nothing else escapes, and memory stays bounded."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from functions.sme.extraction import DEFAULT_LIMITS, Block, ExtractionError, Limits, extract
from tests.support import hostile_documents as hostile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


def _read(name: str, **kwargs: object) -> list[Block]:
    data = (FIXTURES / name).read_bytes()
    return extract(data, file_name=name, content_type=None, **kwargs).blocks  # type: ignore[arg-type]


def _failure(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, content_type: str | None = None) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        extract(data, file_name=name, content_type=content_type, limits=limits)
    return caught.value


def test_a_pdf_keeps_each_page_number_with_its_text() -> None:
    document = extract((FIXTURES / "handbook.pdf").read_bytes(), file_name="handbook.pdf", content_type="application/pdf")
    assert document.format == "pdf" and document.page_count == 3
    by_page = {block.page: block.text for block in document.blocks}
    assert "mast chains" in by_page[1] and "Wheel chocks" in by_page[2] and "charging bay" in by_page[3]
    assert all(block.kind == "paragraph" for block in document.blocks)


def test_a_docx_keeps_headings_by_style_lists_and_tables_in_order() -> None:
    assert _read("procedures.docx") == [
        Block("heading", "Warehouse procedures", level=1),
        Block("paragraph", "These procedures apply to every site and every shift."),
        Block("heading", "Receiving goods", level=2),
        Block("paragraph", "Check the delivery note against the order before signing."),
        Block("list_item", "Count the pallets"),
        Block("list_item", "Inspect the wrapping for damage"),
        Block("list_item", "Record the delivery in the stock system"),
        Block("heading", "Storage limits", level=2),
        Block("table", "Rack level | Maximum load\nFloor | 2000 kg\nTop | 500 kg"),
        Block("paragraph", "Heavier pallets are always stored at floor level."),
    ]


def test_a_pptx_gives_slide_titles_as_headings_bullets_tables_and_slide_numbers_as_pages() -> None:
    assert _read("training.pptx") == [
        Block("heading", "Induction training", level=1, page=1),
        Block("paragraph", "For new warehouse staff", page=1),
        Block("heading", "Personal protective equipment", level=1, page=2),
        Block("list_item", "Safety shoes at all times", page=2),
        Block("list_item", "High-visibility vest on the floor", page=2),
        Block("heading", "Emergency contacts", level=1, page=3),
        Block("table", "Role | Extension\nFirst aider | 2222\nSite manager | 2000", page=3),
    ]


def test_html_drops_scripts_styles_and_navigation_and_decodes_entities() -> None:
    blocks = _read("visitors.html")
    assert blocks == [
        Block("heading", "Visitor rules", level=1),
        Block("paragraph", "Visitors sign in at reception & wear a visitor badge."),
        Block("heading", "On the floor", level=2),
        Block("list_item", "Stay inside the marked walkways"),
        Block("list_item", "Never walk under a raised load"),
        Block("table", "Area | Escort\nOffice | No\nWarehouse | Yes"),
    ]
    assert not any("secretTracking" in b.text or "font-family" in b.text or "JavaScript" in b.text for b in blocks)


def test_markdown_headings_lists_tables_and_links_become_blocks() -> None:
    assert _read("cold-store.md") == [
        Block("heading", "Cold store guide", level=1),
        Block("paragraph", "Working in the cold store needs insulated clothing and short shifts."),
        Block("heading", "Time limits", level=2),
        Block("list_item", "At most 45 minutes inside at a time"),
        Block("list_item", "A 15 minute break in the warm room after each stay"),
        Block("heading", "Temperatures", level=2),
        Block("table", "Zone | Temperature\nChiller | 2 °C\nFreezer | -25 °C"),
        Block("paragraph", "See the site map for the doors."),
    ]


def test_plain_text_paragraphs_are_split_on_blank_lines() -> None:
    assert [b.text for b in _read("spills.txt")] == [
        "Spill response", "Stop work and keep people away from the spill.",
        "Use the spill kit from the nearest yellow station, then report the spill to the shift lead.",
    ]


def test_the_content_type_decides_when_the_name_has_no_known_ending() -> None:
    document = extract(b"# Title\n\nBody", file_name="notes", content_type="text/markdown")
    assert document.format == "markdown" and document.blocks[0] == Block("heading", "Title", level=1)


@pytest.mark.parametrize(("name", "code", "words"), [
    ("encrypted.pdf", "encrypted", "password"),
    ("scanned.pdf", "scanned_pdf", "scanned PDF: no text layer"),
    ("circular.pdf", "damaged", "refer to each other in a circle"),
])
def test_hostile_pdfs_fail_with_their_reason(name: str, code: str, words: str) -> None:
    failure = _failure((FIXTURES / name).read_bytes(), name)
    assert failure.code == code and words in str(failure)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    failure = _failure(b"%PDF-1.4\n" + b"0" * 2048, "big.pdf", Limits(max_bytes=1024))
    assert failure.code == "too_large" and str(failure) == "the file is 2 KiB; at most 1 KiB can be read"


def test_a_pdf_over_the_page_limit_is_refused() -> None:
    failure = _failure(hostile.long_pdf(6), "long.pdf", Limits(max_pages=5))
    assert failure.code == "too_many_pages" and "6 pages" in str(failure)


def test_too_much_text_is_refused() -> None:
    failure = _failure(("word " * 1000).encode(), "long.txt", Limits(max_chars=100))
    assert failure.code == "too_long"


@pytest.mark.parametrize(("fixture", "name", "seen"), [
    ("procedures.docx", "procedures.pdf", "Word (DOCX)"),
    ("handbook.pdf", "handbook.docx", "PDF"),
    ("handbook.pdf", "handbook.txt", "PDF"),
    ("training.pptx", "training.docx", "PowerPoint (PPTX)"),
    ("spills.txt", "spills.pdf", "text"),
])
def test_a_wrong_extension_for_the_content_is_refused_naming_both(fixture: str, name: str, seen: str) -> None:
    failure = _failure((FIXTURES / fixture).read_bytes(), name)
    assert failure.code == "wrong_type" and f"its content is {seen}" in str(failure)


@pytest.mark.parametrize("name", ["garbage.pdf", "garbage.docx", "garbage.txt", "garbage.html", "garbage.md"])
def test_garbage_fails_cleanly_whatever_its_name(name: str) -> None:
    data = bytes(range(256)) * 8 + os.urandom(4096)
    assert _failure(data, name).code in {"wrong_type", "not_text"}


def test_a_truncated_pdf_and_a_damaged_zip_fail_as_damaged() -> None:
    pdf = (FIXTURES / "handbook.pdf").read_bytes()
    assert _failure(pdf[: len(pdf) // 3], "cut.pdf").code in {"damaged", "scanned_pdf"}
    docx = (FIXTURES / "procedures.docx").read_bytes()
    assert _failure(docx[: len(docx) // 2], "cut.docx").code in {"damaged", "wrong_type"}


def test_unknown_types_and_empty_files_are_refused() -> None:
    assert _failure(b"data", "sheet.xlsx").code == "unsupported_type"
    assert _failure(b"  \n", "empty.txt").code == "empty"
    assert _failure(b"<html><body><script>x()</script></body></html>", "empty.html").code == "empty"


def _peak_mib(action: object) -> float:
    tracemalloc.start()
    try:
        action()  # type: ignore[operator]
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / (1024 * 1024)


@pytest.mark.parametrize(("part", "name"), [("word/document.xml", "bomb.docx"), ("ppt/presentation.xml", "bomb.pptx")])
def test_zip_bombs_are_refused_from_the_directory_with_memory_bounded(part: str, name: str) -> None:
    bomb = hostile.zip_bomb(part, expanded_mib=300)
    assert len(bomb) < 2 * 1024 * 1024

    def refuse() -> None:
        failure = _failure(bomb, name)
        assert failure.code == "zip_bomb" and "zip bomb" in str(failure)

    # Nothing near the 300 MiB it would inflate to is ever allocated (the bomb itself is ~0.3 MiB).
    assert _peak_mib(refuse) < 20


def test_a_bomb_within_the_size_limit_is_caught_by_its_ratio() -> None:
    bomb = hostile.zip_bomb(expanded_mib=20)
    failure = _failure(bomb, "ratio.docx")
    assert failure.code == "zip_bomb" and "times" in str(failure)


def test_a_package_with_too_many_parts_is_refused() -> None:
    assert _failure(hostile.many_parts(50), "parts.docx", Limits(max_members=20)).code == "zip_bomb"


def test_an_xml_entity_bomb_in_a_docx_is_refused_unexpanded() -> None:
    bomb = hostile.entity_bomb_docx((FIXTURES / "procedures.docx").read_bytes())

    def refuse() -> None:
        assert _failure(bomb, "laughs.docx").code == "xml_entities"

    assert _peak_mib(refuse) < 20


def test_an_entity_bomb_in_html_is_never_expanded() -> None:
    found: list[Block] = []

    def read() -> None:
        found.extend(extract(hostile.entity_bomb_html(), file_name="laughs.html", content_type="text/html").blocks)

    assert _peak_mib(read) < 20
    assert Block("paragraph", "Visible text") in found
    assert all(len(block.text) < 1000 for block in found)
