"""The five export formats: their stored names, event names, file names and builders.

Builders are named by import path (``module:function``) and imported when a run needs
one, so the RPCs and the job start without loading fpdf2 or the package writers, and
a format whose builder is not installed fails its export with a clear reason instead
of breaking the others.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from common.gen.mirai.v1 import common_pb2
from functions.enum_names import stored_name
from functions.export.package_input import PackageCourse, PackageOptions

Builder = Callable[[PackageCourse, PackageOptions, BinaryIO], None]


@dataclass(frozen=True)
class Format:
    name: str  # as stored (scorm_packages.format) and in ExportFormat minus its prefix
    event_name: str  # io.mirai.export.requested's ``format``
    file_suffix: str  # "-scorm2004" in "safety-basics-scorm2004.zip"
    extension: str
    content_type: str
    builder: str  # "module:function"


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("scorm_12", "scorm12", "-scorm12", "zip", "application/zip", "functions.export.packages:write_package"),
    Format("scorm_2004", "scorm2004", "-scorm2004", "zip", "application/zip", "functions.export.packages:write_package"),
    Format("xapi", "xapi", "-xapi", "zip", "application/zip", "functions.export.packages:write_package"),
    Format("cmi5", "cmi5", "-cmi5", "zip", "application/zip", "functions.export.packages:write_package"),
    Format("pdf", "pdf", "", "pdf", "application/pdf", "functions.export.pdf_document:write_pdf"),
)}
BY_EVENT_NAME = {f.event_name: f for f in FORMATS.values()}

_FORMAT_ENUM = common_pb2.ExportFormat.DESCRIPTOR
MAX_SLUG_CHARS = 80


def format_of(number: int) -> Format:
    name = stored_name(_FORMAT_ENUM, number) if number in _FORMAT_ENUM.values_by_number else None
    if name is None or name not in FORMATS:
        raise ValueError(number)
    return FORMATS[name]


class BuilderMissing(Exception):
    """The format's builder is not part of this build."""


def builder_of(fmt: Format) -> Builder:
    """The format's builder; package builders take the format as their first argument."""
    module_name, _, attribute = fmt.builder.partition(":")
    try:
        function = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError):
        raise BuilderMissing(fmt.name) from None
    if attribute == "write_package":
        return lambda course, options, out: function(fmt.name, course, options, out)
    built: Builder = function
    return built


def file_name(title: str, fmt: Format) -> str:
    """The download name: the course title as a slug (letters of any script kept), the
    format, the extension: ``Safety Basics`` → ``safety-basics-scorm2004.zip``."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    slug = re.sub(r"[\W_]+", "-", folded).strip("-")[:MAX_SLUG_CHARS].strip("-") or "course"
    return f"{slug}{fmt.file_suffix}.{fmt.extension}"
