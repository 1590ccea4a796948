"""Pure body edits: dense positions, exact reorders, moves, etags, cycle detection."""

from __future__ import annotations

import itertools

import pytest

from common.errors import Conflict, InvalidArgument, NotFound
from functions.course import structure
from functions.course.model import Content, Lesson, Module, content_etag, lesson_etag, module_etag


def _body() -> Content:
    return Content(course_id="c", version=3, modules=(
        Module(id="m1", title="One", lessons=(Lesson(id="a", title="A"), Lesson(id="b", title="B"))),
        Module(id="m2", title="Two", lessons=(Lesson(id="c", title="C"),)),
    ))


@pytest.mark.parametrize("order", list(itertools.permutations(["m1", "m2"])))
def test_reorder_modules_follows_the_given_order(order: tuple[str, ...]) -> None:
    assert [m.id for m in structure.reorder_modules(_body(), order).modules] == list(order)


@pytest.mark.parametrize(("ids", "message"), [
    (["m1"], "must list all 2 ids"),
    (["m1", "m1"], "more than once"),
    (["m1", "zz"], "zz is not one of"),
    (["m1", "m2", "m3"], "m3 is not one of"),
])
def test_a_reorder_must_name_every_item_exactly_once(ids: list[str], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message) as caught:
        structure.reorder_modules(_body(), ids)
    assert caught.value.field == "module_ids"


def test_insert_at_appends_by_default_and_refuses_positions_past_the_end() -> None:
    assert structure.insert_at(("x", "y"), "z", None) == ("x", "y", "z")
    assert structure.insert_at(("x", "y"), "z", 0) == ("z", "x", "y")
    assert structure.insert_at(("x", "y"), "z", 2) == ("x", "y", "z")
    with pytest.raises(InvalidArgument) as caught:
        structure.insert_at(("x", "y"), "z", 3)
    assert caught.value.field == "position"


def test_move_lesson_between_modules_keeps_both_orders_dense() -> None:
    body = _body()
    etag = lesson_etag(body.modules[0].lessons[0], module_id="m1")
    moved = structure.move_lesson(body, "a", "m2", 0, if_match=etag)
    assert [[le.id for le in m.lessons] for m in moved.modules] == [["b"], ["a", "c"]]


def test_move_lesson_inside_its_module() -> None:
    moved = structure.move_lesson(_body(), "a", "m1", None, if_match="")
    assert [le.id for le in moved.modules[0].lessons] == ["b", "a"]


def test_move_lesson_with_a_stale_etag_is_a_conflict() -> None:
    with pytest.raises(Conflict):
        structure.move_lesson(_body(), "a", "m2", 0, if_match="stale")


def test_unknown_ids_are_not_found() -> None:
    with pytest.raises(NotFound):
        structure.find_lesson(_body(), "nope")
    with pytest.raises(NotFound):
        structure.move_lesson(_body(), "a", "nope", None, if_match="")


def test_reorder_lessons_checks_the_module_etag() -> None:
    body = _body()
    with pytest.raises(Conflict):
        structure.reorder_lessons(body, "m1", ["b", "a"], if_match="stale")
    reordered = structure.reorder_lessons(body, "m1", ["b", "a"], if_match=module_etag(body.modules[0]))
    assert [le.id for le in reordered.modules[0].lessons] == ["b", "a"]


def test_module_etag_changes_with_lesson_order_but_lesson_etag_does_not() -> None:
    body = _body()
    reordered = structure.reorder_lessons(body, "m1", ["b", "a"], if_match="")
    assert module_etag(reordered.modules[0]) != module_etag(body.modules[0])
    assert lesson_etag(reordered.modules[0].lessons[1], module_id="m1") == lesson_etag(body.modules[0].lessons[0],
                                                                                         module_id="m1")
    assert content_etag(reordered) != content_etag(body)


def test_empty_if_match_skips_the_check_and_a_matching_one_passes() -> None:
    structure.check_etag("", "anything", what="x")
    structure.check_etag("e1", "e1", what="x")
    with pytest.raises(Conflict, match="x was changed"):
        structure.check_etag("e0", "e1", what="x")


@pytest.mark.parametrize(("folder", "new_parent", "expected"), [
    ("a", "a", True),          # into itself
    ("a", "c", True),          # into its grandchild
    ("b", "c", True),          # into its child
    ("c", "a", False),         # up the tree
    ("b", "d", False),         # into another branch
    ("a", None, False),        # to the top level
])
def test_would_create_cycle(folder: str, new_parent: str | None, expected: bool) -> None:
    parent_of: dict[str, str | None] = {"a": None, "b": "a", "c": "b", "d": None}
    assert structure.would_create_cycle(folder, new_parent, parent_of) is expected


def test_a_cycle_already_in_the_data_is_refused_rather_than_looping() -> None:
    assert structure.would_create_cycle("z", "x", {"x": "y", "y": "x"}) is True
