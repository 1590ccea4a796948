"""One style for error messages, field first: a client sees ``course_id: must be a UUID``.

Errors that name a field carry it in ``field`` and a message that does not repeat it;
``common.rpc.errors.to_connect_error`` puts ``field: `` in front, once. The shared input
checks are tried directly, and every place in the code that builds an error naming a
field is read (AST) so the style cannot drift."""

from __future__ import annotations

import ast
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from common import identifiers, storage_keys
from common.errors import AppError
from common.gen.mirai.v1 import common_pb2
from common.rpc.errors import to_connect_error
from functions import inputs
from functions.course.structure import check_etag

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {cls.__name__ for cls in (AppError, *AppError.__subclasses__())}
SOURCES = [p for d in ("common", "functions", "events") for p in (ROOT / d).rglob("*.py") if "gen" not in p.parts]

CHECKS: list[tuple[str, Callable[[], object]]] = [
    ("course_id", lambda: identifiers.canonical_uuid("nope", field="course_id")),
    ("course_id", lambda: inputs.required_id("", field="course_id")),
    ("lesson_ids", lambda: inputs.id_list([], field="lesson_ids", max_items=3)),
    ("lesson_ids", lambda: inputs.id_list([str(uuid.uuid4()) for _ in range(4)], field="lesson_ids", max_items=3)),
    ("title", lambda: inputs.text(" ", field="title", max_chars=10, required=True)),
    ("title", lambda: inputs.text("x" * 11, field="title", max_chars=10)),
    ("title", lambda: inputs.text("a\x07b", field="title", max_chars=10)),
    ("goals", lambda: inputs.text_list(["a", "b"], field="goals", max_items=1, max_chars=10)),
    ("goals", lambda: inputs.text_list(["a", " "], field="goals", max_items=5, max_chars=10)),
    ("language", lambda: inputs.language_tag("not a tag", field="language")),
    ("types", lambda: inputs.enum_value(99, common_pb2.JobType.DESCRIPTOR, field="types")),
    ("file_name", lambda: storage_keys.file_name("../x", field="file_name")),
    ("if_match", lambda: check_etag("stale", "current", what="course")),
]


@pytest.mark.parametrize(("field", "check"), CHECKS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(CHECKS)])
def test_the_shared_checks_name_the_field_first_and_once(field: str, check: Callable[[], object]) -> None:
    with pytest.raises(AppError) as caught:
        check()
    err = caught.value
    assert err.field == field and not err.message.startswith(field), err.message
    shown = to_connect_error(err).message
    assert shown == f"{field}: {err.message}", shown


def _leading_text(node: ast.expr) -> tuple[str, str | None]:
    """The constant start of a message and, for an f-string opening with ``{name}``, that name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, None
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.FormattedValue) and isinstance(first.value, ast.Name):
            return "", first.value.id
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value, None
    return "", None


def _field_errors() -> Iterator[tuple[str, ast.Call]]:
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERRORS
                    and node.args and any(k.arg == "field" for k in node.keywords)):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def test_errors_that_name_a_field_do_not_repeat_it_in_the_message() -> None:
    repeated = []
    for where, call in _field_errors():
        field = next(k.value for k in call.keywords if k.arg == "field")
        text, name = _leading_text(call.args[0])
        if isinstance(field, ast.Constant) and isinstance(field.value, str):
            if text.startswith(field.value):
                repeated.append(where)
        elif isinstance(field, ast.Name) and name == field.id:
            repeated.append(where)
    assert repeated == [], "\n".join(repeated)


def test_the_scan_finds_the_errors_it_judges() -> None:
    assert sum(1 for _ in _field_errors()) > 50
