"""Benchmark: exporting a 50-lesson course beside zipping the same bytes.

Measured: the format's builder writing a 50-lesson course (text, image, quiz per lesson)
to a temporary file, as the export_course job does before its upload. Baseline: writing
the bytes that build produced into a deflated zip in a temporary file: the floor of any
export of that size. A and B run interleaved, N times each, so drift on a shared machine
hits both alike; the row reports the p50 ratio and each side's p50/p99. Formats whose
builder is not in this build are left out. Run alone: ``python -m tests.bench.exports``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable

from functions.course.model import Content, Lesson, Module
from functions.export.formats import FORMATS, BuilderMissing, builder_of
from functions.export.package_input import PackageCourse, PackageOptions
from tests.bench.harness import Row, render

LESSONS = 50
RUNS = 15


def fifty_lessons() -> PackageCourse:
    def lesson(n: int) -> Lesson:
        return Lesson(id=f"lesson-{n}", title=f"Lesson {n}: moving loads", objectives=(
            {"id": f"objective-{n}", "text": "Lift a load without hurting your back"},), components=(
            {"id": f"h-{n}", "type": "COMPONENT_TYPE_HEADING", "heading": {"text": "Before you lift", "level": 2}},
            {"id": f"t-{n}", "type": "COMPONENT_TYPE_TEXT", "text": {"markdown": "Keep the load close. " * 40}},
            {"id": f"i-{n}", "type": "COMPONENT_TYPE_IMAGE", "image": {"alt_text": "A crate", "caption": "Lift together"}},
            {"id": f"q-{n}", "type": "COMPONENT_TYPE_QUIZ", "quiz": {"question": "What do you bend?", "options": [
                {"id": f"a-{n}", "text": "The knees", "is_correct": True}, {"id": f"b-{n}", "text": "The back"}]}},
        ))

    modules = tuple(Module(id=f"module-{m}", title=f"Module {m}", lessons=tuple(lesson(m * 10 + i) for i in range(10)))
                    for m in range(LESSONS // 10))
    return PackageCourse(id="bench", title="Warehouse safety", description="Bench course", language="en", version=1,
                         content=Content(course_id="bench", version=1, modules=modules))


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _row(fmt_name: str, course: PackageCourse) -> Row | None:
    fmt = FORMATS[fmt_name]
    try:
        build = builder_of(fmt)
    except BuilderMissing:
        return None
    options = PackageOptions(include_answer_key=fmt_name == "pdf")
    with tempfile.TemporaryFile() as probe:
        build(course, options, probe)  # type: ignore[arg-type]
        probe.seek(0)
        produced = probe.read()

    def export() -> None:
        with tempfile.TemporaryFile() as out:
            build(course, options, out)  # type: ignore[arg-type]

    def zipped() -> None:
        with tempfile.TemporaryFile() as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("course.bin", produced)

    measured: list[float] = []
    baseline: list[float] = []
    for _ in range(RUNS):
        measured.append(_seconds(export))
        baseline.append(_seconds(zipped))
    m50, b50 = statistics.median(measured), statistics.median(baseline)
    return Row(name=f"{LESSONS}-lesson {fmt_name} export to a file (p50 {m50 * 1000:.0f} ms, p99 {_p99(measured) * 1000:.0f} ms,"
                    f" N={RUNS}, {len(produced) // 1024} KiB)",
               measured_s=m50,
               baseline_name=f"zip the same bytes (p50 {b50 * 1000:.1f} ms, p99 {_p99(baseline) * 1000:.1f} ms, N={RUNS})",
               baseline_s=b50)


def rows() -> list[Row]:
    course = fifty_lessons()
    return [row for name in ("pdf", "scorm_12", "scorm_2004", "xapi", "cmi5") if (row := _row(name, course))]


if __name__ == "__main__":
    print(render(rows()))
