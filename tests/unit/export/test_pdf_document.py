"""The PDF builder on its own: the document's text (read back with pypdf), its outline and
language, the answer key only when asked, quizzes left out when asked."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from functions.course.model import Content, Lesson, Module
from functions.export.package_input import PackageCourse, PackageOptions
from functions.export.pdf_document import plain_text, write_pdf

RUSSIAN = "Техника безопасности на складе"
GREEK = "Ασφάλεια πρώτα"


def _components() -> tuple[dict[str, Any], ...]:
    return (
        {"id": "h", "type": "COMPONENT_TYPE_HEADING", "heading": {"text": "Before you lift", "level": 2}},
        {"id": "t", "type": "COMPONENT_TYPE_TEXT", "text": {"markdown": f"Bend your **knees**, not your back. {GREEK}"}},
        {"id": "l", "type": "COMPONENT_TYPE_LIST", "list": {"items": ["Check the load", "Clear the path"], "ordered": True}},
        {"id": "c", "type": "COMPONENT_TYPE_CALLOUT",
         "callout": {"variant": "CALLOUT_VARIANT_WARNING", "title": "Heavy loads", "markdown": "Ask for help above 25 kg."}},
        {"id": "i", "type": "COMPONENT_TYPE_IMAGE",
         "image": {"object_key": "x/lifting.png", "alt_text": "Two people carrying a crate", "caption": "Lift as a team"}},
        {"id": "v", "type": "COMPONENT_TYPE_VIDEO", "video": {"title": "Lifting demo", "transcript": "Feet apart, back straight."}},
        {"id": "d", "type": "COMPONENT_TYPE_DIVIDER", "divider": {}},
        {"id": "q", "type": "COMPONENT_TYPE_QUIZ", "quiz": {
            "question": "What do you bend?", "explanation": "Your knees take the load.",
            "options": [{"id": "a", "text": "The knees", "is_correct": True}, {"id": "b", "text": "The back"}]}},
    )


def _course(lessons: int = 2) -> PackageCourse:
    module = Module(id="m1", title="Lifting", description="Moving loads safely", lessons=tuple(
        Lesson(id=f"l{i}", title=f"Lesson {i}: {RUSSIAN}" if i == 1 else f"Lesson {i}", description="",
               objectives=({"id": "o1", "text": "Lift a box without hurting your back"},), components=_components())
        for i in range(1, lessons + 1)))
    return PackageCourse(id="c1", title="Warehouse Safety", description="For new staff", language="ru", version=4,
                         content=Content(course_id="c1", version=4, modules=(module,)))


def _read(options: PackageOptions, course: PackageCourse | None = None) -> PdfReader:
    out = io.BytesIO()
    write_pdf(course or _course(), options, out)
    assert out.getvalue().startswith(b"%PDF-")
    return PdfReader(io.BytesIO(out.getvalue()))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_document_has_a_title_page_contents_lessons_and_every_component_in_any_script() -> None:
    reader = _read(PackageOptions())
    assert "Warehouse Safety" in reader.pages[0].extract_text() and "version 4" in reader.pages[0].extract_text()
    assert "Contents" in reader.pages[1].extract_text() and "1.1 Lesson 1" in reader.pages[1].extract_text()
    text = _text(reader)
    for expected in ("Lifting", "Moving loads safely", f"Lesson 1: {RUSSIAN}", "Lift a box without hurting your back",
                     "Before you lift", "Bend your knees, not your back.", GREEK, "1. Check the load", "Heavy loads",
                     "Ask for help above 25 kg.", "Two people carrying a crate", "Lift as a team", "Lifting demo",
                     "Feet apart, back straight.", "Question 1. What do you bend?", "B.  The back", "Question 2."):
        assert expected in text, expected
    assert "**" not in text  # Markdown markers are not printed
    assert "Answer key" not in text and "Your knees take the load." not in text


def test_modules_and_lessons_are_bookmarks_and_the_document_has_the_learners_language() -> None:
    reader = _read(PackageOptions(language="ru"))
    top = reader.outline
    assert top[0].title == "1. Lifting"
    assert [entry.title for entry in top[1]] == [f"1.1 Lesson 1: {RUSSIAN}", "1.2 Lesson 2"]
    assert reader.trailer["/Root"]["/Lang"] == "ru"
    assert reader.metadata is not None and reader.metadata.title == "Warehouse Safety"


def test_the_answer_key_is_appended_only_when_asked() -> None:
    text = _text(_read(PackageOptions(include_answer_key=True)))
    key = text[text.rindex("Answer key"):]
    assert "Question 1 (Lesson 1" in key and "Answer: A. The knees" in key and "Your knees take the load." in key
    assert "The back" not in key


def test_excluded_quizzes_leave_no_question_behind() -> None:
    text = _text(_read(PackageOptions(exclude_quizzes=True)))
    assert "What do you bend?" not in text and "Question" not in text
    assert "Bend your knees" in text


def test_the_contents_page_numbers_are_the_pages_of_the_lessons() -> None:
    reader = _read(PackageOptions(), _course(lessons=45))  # long enough for contents on two pages
    contents = reader.pages[1].extract_text() + reader.pages[2].extract_text()
    line = next(row for row in contents.splitlines() if row.startswith("1.40 Lesson 40"))
    page = int(line.rsplit(" ", 1)[1])
    assert "1.40 Lesson 40" in reader.pages[page - 1].extract_text()
    assert all(page.extract_text().strip() for page in reader.pages)  # no blank page reserved and left over


def test_markdown_reads_as_plain_text() -> None:
    assert plain_text("# Title\n- **bold** and _it_\n[site](https://a.example) `code`") == \
        "Title\n• bold and it\nsite (https://a.example) code"
