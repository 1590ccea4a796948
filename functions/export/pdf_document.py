"""The PDF format: a printable document of one course version (fpdf2, pure Python).

Title page, table of contents (linked), then every module and lesson: headings, objectives,
text, lists, callouts, images (their caption and alternative text: a builder never fetches
anything, so the image itself is not in the document), video titles and transcripts,
quizzes; an answer key at the end when asked. Modules, lessons and the answer key are PDF
outline entries (bookmarks) and the document carries its language, so readers and screen
readers can navigate it.

Text of any script DejaVu Sans covers renders (Latin, Greek, Cyrillic, Armenian, Georgian,
Hebrew and Arabic letters, ...): the font ships beside this module with its licence. CJK
scripts are not in DejaVu; their characters are left out (fpdf2 logs each missing glyph).
"""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path
from typing import Any, BinaryIO

from google.protobuf import json_format

from common.gen.mirai.v1 import common_pb2 as pb
from functions.course.model import Lesson
from functions.export.package_input import PackageCourse, PackageOptions

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
_LINE = 6.0
_TOC_LINE = 7.0
_TOC_TITLE = 14.0
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")


def plain_text(markdown: str) -> str:
    """Markdown as readable plain text: markers dropped, bullets as •, links as text (url)."""
    lines = []
    for line in markdown.replace("\r\n", "\n").split("\n"):
        line = _HEADING.sub("", line)
        line = _BULLET.sub(lambda m: f"{m.group(1)}• ", line)
        line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) and m.group(1) else m.group(1), line)
        previous = None
        while previous != line:
            previous, line = line, _EMPHASIS.sub(r"\2", line)
        lines.append(line.replace("\\", ""))
    return "\n".join(lines).strip()


class _Document:
    def __init__(self, course: PackageCourse, options: PackageOptions) -> None:
        from fpdf import FPDF

        # fpdf2 reports every glyph a font lacks at WARNING; one line per export is enough.
        logging.getLogger("fpdf").setLevel(logging.ERROR)
        self.course = course
        self.options = options
        self.pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        pdf = self.pdf
        pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.set_title(course.title)
        pdf.set_subject(course.description[:500])
        pdf.set_creator("Mirai")
        pdf.set_lang(options.language or course.language)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.set_margins(20, 20, 20)
        pdf.alias_nb_pages()
        self.questions: list[tuple[int, str, pb.QuizBlock]] = []  # (number, lesson title, quiz)

    # --- pieces ------------------------------------------------------------------
    def font(self, size: float, *, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def paragraph(self, text: str, *, size: float = 11, bold: bool = False, indent: float = 0,
                  gap: float = 2) -> None:
        if not text.strip():
            return
        pdf = self.pdf
        self.font(size, bold=bold)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, _LINE * size / 11, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def heading(self, text: str, *, size: float, level: int | None = None) -> None:
        pdf = self.pdf
        if pdf.will_page_break(size * 1.5):
            pdf.add_page()
        if level is not None:
            pdf.start_section(text[:200] or "Untitled", level=level, strict=False)
        self.paragraph(text, size=size, bold=True, gap=3)

    def footer_line(self) -> None:
        pdf = self.pdf
        pdf.set_y(-12)
        self.font(8)
        pdf.cell(0, 5, f"{self.course.title[:90]} · {pdf.page_no()}/{{nb}}", align="C")

    # --- document ----------------------------------------------------------------
    def title_page(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_y(80)
        self.paragraph(self.course.title, size=26, bold=True, gap=8)
        self.paragraph(self.course.description, size=13, gap=8)
        content = self.course.content
        minutes = content.estimated_minutes
        facts = [f"{content.module_count} modules, {content.lesson_count} lessons"]
        if minutes:
            facts.append(f"about {minutes} minutes")
        facts.append(f"version {self.course.version}")
        self.paragraph(" · ".join(facts), size=10)

    def _has_answer_key(self) -> bool:
        return self.options.include_answer_key and not self.options.exclude_quizzes and any(
            "quiz" in stored for _, lesson in self.course.content.lessons() for stored in lesson.components)

    def contents(self) -> None:
        """Reserves exactly the pages the contents take (one line per outline entry), so the
        page numbers it prints are the pages' own."""
        content = self.course.content
        entries = content.module_count + content.lesson_count + (1 if self._has_answer_key() else 0)
        pdf = self.pdf
        usable = pdf.h - pdf.t_margin - pdf.b_margin
        first, rest = math.floor((usable - _TOC_TITLE) / _TOC_LINE), math.floor(usable / _TOC_LINE)
        pages = 1 + max(0, math.ceil((entries - first) / rest))
        pdf.add_page()
        pdf.insert_toc_placeholder(self._render_contents, pages=pages)

    def _render_contents(self, pdf: Any, outline: list[Any]) -> None:
        self.font(18, bold=True)
        pdf.cell(0, _TOC_TITLE - 2, "Contents", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for section in outline:
            self.font(11, bold=section.level == 0)
            indent = 8 * section.level
            link = pdf.add_link(page=section.page_number)
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(pdf.epw - indent - 15, _TOC_LINE, section.name[:110], link=link)
            pdf.cell(15, _TOC_LINE, str(section.page_number), align="R", link=link, new_x="LMARGIN", new_y="NEXT")

    def lesson(self, number: str, lesson: Lesson) -> None:
        self.heading(f"{number} {lesson.title}", size=16, level=1)
        self.paragraph(lesson.description, size=11)
        objectives = [str(o.get("text", "")).strip() for o in lesson.objectives if str(o.get("text", "")).strip()]
        if objectives:
            self.paragraph("In this lesson you will:", size=11, bold=True, gap=1)
            for text in objectives:
                self.paragraph(f"• {text}", indent=4, gap=1)
            self.pdf.ln(2)
        for stored in lesson.components:
            component = json_format.ParseDict(stored, pb.LessonComponent(), ignore_unknown_fields=True)
            self.component(component, lesson.title)

    def component(self, component: pb.LessonComponent, lesson_title: str) -> None:
        body = component.WhichOneof("body")
        if body == "heading":
            level = min(max(component.heading.level or 2, 2), 4)
            self.heading(component.heading.text, size={2: 14, 3: 12.5, 4: 11.5}[level])
        elif body == "text":
            self.paragraph(plain_text(component.text.markdown))
        elif body == "list":
            for i, item in enumerate(component.list.items, start=1):
                self.paragraph(f"{f'{i}.' if component.list.ordered else '•'} {plain_text(item)}", indent=4, gap=1)
            self.pdf.ln(2)
        elif body == "callout":
            self.callout(component.callout)
        elif body == "image":
            self.image(component.image)
        elif body == "video":
            video = component.video
            self.paragraph(f"Video: {video.title or 'untitled'}", bold=True, gap=1)
            self.paragraph(video.caption, size=10, gap=1)
            if video.transcript:
                self.paragraph("Transcript", size=10, bold=True, gap=1)
                self.paragraph(video.transcript, size=10)
        elif body == "divider":
            pdf = self.pdf
            pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.l_margin + pdf.epw, pdf.get_y() + 2)
            pdf.ln(6)
        elif body == "quiz" and not self.options.exclude_quizzes:
            self.quiz(component.quiz, lesson_title)

    def callout(self, callout: pb.CalloutBlock) -> None:
        pdf = self.pdf
        kind = pb.CalloutVariant.Name(callout.variant).removeprefix("CALLOUT_VARIANT_").replace("UNSPECIFIED", "NOTE")
        title = callout.title or kind.title()
        pdf.set_fill_color(238, 242, 248)
        self.font(11, bold=True)
        pdf.multi_cell(pdf.epw, _LINE, title, fill=True, align="L", new_x="LMARGIN", new_y="NEXT", padding=(2, 3, 0, 3))
        self.font(11)
        pdf.multi_cell(pdf.epw, _LINE, plain_text(callout.markdown) or " ", fill=True, align="L", new_x="LMARGIN",
                       new_y="NEXT", padding=(1, 3, 2, 3))
        pdf.ln(3)

    def image(self, image: pb.ImageBlock) -> None:
        pdf = self.pdf
        description = image.alt_text.strip() or "no description"
        pdf.set_draw_color(160, 160, 160)
        self.font(10)
        pdf.multi_cell(pdf.epw, _LINE, f"[Image: {description}]", border=1, align="C", new_x="LMARGIN", new_y="NEXT",
                       padding=4)
        if image.caption.strip():
            self.paragraph(image.caption.strip(), size=9.5, gap=1)
        pdf.ln(2)

    def quiz(self, quiz: pb.QuizBlock, lesson_title: str) -> None:
        number = len(self.questions) + 1
        self.questions.append((number, lesson_title, quiz))
        if self.pdf.will_page_break(30):
            self.pdf.add_page()
        self.paragraph(f"Question {number}. {quiz.question}", bold=True, gap=1)
        for letter, option in zip(_LETTERS, quiz.options, strict=False):
            self.paragraph(f"{letter}.  {option.text}", indent=5, gap=0.5)
        self.pdf.ln(3)

    def answer_key(self) -> None:
        if not (self.options.include_answer_key and self.questions):
            return
        self.pdf.add_page()
        self.heading("Answer key", size=18, level=0)
        for number, lesson_title, quiz in self.questions:
            correct = [f"{letter}. {o.text}" for letter, o in zip(_LETTERS, quiz.options, strict=False) if o.is_correct]
            self.paragraph(f"Question {number} ({lesson_title})", bold=True, gap=0.5)
            self.paragraph("Answer: " + ("; ".join(correct) or "no option is marked correct"), indent=5, gap=0.5)
            if quiz.explanation:
                self.paragraph(quiz.explanation, size=10, indent=5, gap=0.5)
            self.pdf.ln(2)

    def write(self, out: BinaryIO) -> None:
        self.pdf.footer = self.footer_line  # type: ignore[method-assign]
        self.title_page()
        self.contents()
        for m, module in enumerate(self.course.content.modules, start=1):
            if m > 1:  # the contents' placeholder ends on a fresh page: the first module's
                self.pdf.add_page()
            self.heading(f"{m}. {module.title}", size=20, level=0)
            self.paragraph(module.description, size=11, gap=4)
            for n, lesson in enumerate(module.lessons, start=1):
                if n > 1:
                    self.pdf.ln(4)
                self.lesson(f"{m}.{n}", lesson)
        self.answer_key()
        out.write(bytes(self.pdf.output()))


def write_pdf(course: PackageCourse, options: PackageOptions, out: BinaryIO) -> None:
    """Writes the whole PDF document of ``course`` to ``out``."""
    _Document(course, options).write(out)
