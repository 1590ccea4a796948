"""The field rules of SMEService requests: names, scopes, teams, task fields, files."""


from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from common import storage_keys
from common.errors import InvalidArgument
from functions import inputs
from functions.enum_names import stored_name
from functions.sme.messages import SCOPE, STATUS, SUBMISSION_STATUS, TASK_STATUS

MAX_NAME_CHARS = 200  # also the database's check
MAX_DESCRIPTION_CHARS = 4000
MAX_DOMAIN_CHARS = 200
MAX_TEAMS = 50
MAX_TASK_TITLE_CHARS = 300  # also the database's check
MAX_INSTRUCTIONS_CHARS = 10_000
MAX_NOTE_CHARS = 2000
MAX_QUERY_CHARS = 200
MAX_SEARCH_QUERY_CHARS = 500
MAX_SEARCH_SMES = 50
DEFAULT_SEARCH_LIMIT = 10
MAX_SEARCH_LIMIT = 50

# The documents ingestion reads, by the one content type each is uploaded with, and the
# file name endings that go with it: a .pdf sent as text/html is refused before any URL exists.
DOCUMENT_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "text/html": (".html", ".htm"),
    "text/markdown": (".md", ".markdown"),
    "text/plain": (".txt", ".text"),
}


def name(value: str) -> str:
    return inputs.text(value, field="name", max_chars=MAX_NAME_CHARS, required=True)


def description(value: str) -> str:
    return inputs.text(value, field="description", max_chars=MAX_DESCRIPTION_CHARS)


def domain(value: str) -> str:
    return inputs.text(value, field="domain", max_chars=MAX_DOMAIN_CHARS)


def scope(value: int, *, field: str = "scope", default: str | None = "global") -> str:
    checked = inputs.enum_value(value, SCOPE, field=field, allow_unspecified=default is not None)
    return stored_name(SCOPE, checked) or default or ""


def team_ids(values: Any, *, required: bool) -> list[uuid.UUID]:
    if not values and not required:
        return []
    return inputs.id_list(values, field="team_ids", max_items=MAX_TEAMS)


def sme_status(value: int) -> str:
    return stored_name(STATUS, inputs.enum_value(value, STATUS, field="status")) or ""


def task_statuses(values: Any) -> list[str]:
    return [stored_name(TASK_STATUS, inputs.enum_value(v, TASK_STATUS, field="statuses")) or "" for v in values]


def submission_statuses(values: Any) -> list[str]:
    return [stored_name(SUBMISSION_STATUS, inputs.enum_value(v, SUBMISSION_STATUS, field="statuses")) or ""
            for v in values]


def task_title(value: str) -> str:
    return inputs.text(value, field="title", max_chars=MAX_TASK_TITLE_CHARS, required=True)


def instructions(value: str) -> str:
    return inputs.text(value, field="instructions", max_chars=MAX_INSTRUCTIONS_CHARS)


def note(value: str, *, field: str) -> str:
    return inputs.text(value, field=field, max_chars=MAX_NOTE_CHARS)


def due_at(message: Any, *, field: str = "due_at") -> datetime:
    """A deadline in the future."""
    when = inputs.timestamp(message, field=field)
    if when <= datetime.now(UTC):
        raise InvalidArgument("must be in the future", field=field)
    return when


def content_type(value: str) -> str:
    """One of the document types, as sent (case and surrounding spaces aside; no parameters)."""
    cleaned = value.strip().lower()
    if cleaned not in DOCUMENT_TYPES:
        raise InvalidArgument("must be a PDF, DOCX, PPTX, HTML, Markdown or plain-text content type "
                              "(application/pdf, text/markdown, …)", field="content_type")
    return cleaned


def document_name(value: str, content: str) -> str:
    """A file name usable in a storage key whose ending matches the content type."""
    checked = storage_keys.file_name(value, field="file_name")
    if not checked.lower().endswith(DOCUMENT_TYPES[content]):
        endings = " or ".join(DOCUMENT_TYPES[content])
        raise InvalidArgument(f"must end in {endings} for content type {content}", field="file_name")
    return checked


def size_bytes(value: int, *, limit: int) -> int:
    if value <= 0:
        raise InvalidArgument("must be the file's size in bytes, more than 0", field="size_bytes")
    if value > limit:
        raise InvalidArgument(f"must be at most {limit} bytes", field="size_bytes")
    return value


def search_limit(value: int) -> int:
    if value < 0:
        raise InvalidArgument("must not be negative", field="limit")
    return DEFAULT_SEARCH_LIMIT if value == 0 else min(value, MAX_SEARCH_LIMIT)


def min_score(value: float) -> float:
    if not 0.0 <= value <= 1.0:  # NaN fails both comparisons
        raise InvalidArgument("must be between 0 and 1", field="min_score")
    return float(value)
