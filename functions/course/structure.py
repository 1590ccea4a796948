"""Pure edits of a course body. Positions are never stored in the body: they are
the list order, so every edit yields dense positions 0..n-1 by construction.

Each function checks what the request claims (ids exist, a reorder names every
item exactly once, an etag still matches) and raises a domain error otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from common.errors import Conflict, InvalidArgument, NotFound
from functions.course.model import Content, Lesson, Module, content_etag, lesson_etag, module_etag

T = TypeVar("T")


def check_etag(if_match: str, current: str, *, what: str) -> None:
    """An empty ``if_match`` skips the check (common.proto)."""
    if if_match and if_match != current:
        raise Conflict(f"the {what} was changed by someone else; reload and retry", field="if_match")


def check_content_etag(content: Content, if_match: str) -> None:
    check_etag(if_match, content_etag(content), what="course content")


def insert_at(items: Sequence[T], item: T, position: int | None, *, field: str = "position") -> tuple[T, ...]:
    """``item`` inserted at ``position`` (None appends; == len appends)."""
    if position is None:
        return (*items, item)
    if not 0 <= position <= len(items):
        raise InvalidArgument(f"must be between 0 and {len(items)}", field=field)
    return (*items[:position], item, *items[position:])


def reordered(items: Sequence[T], ids: Sequence[str], *, id_of: Callable[[T], str], field: str) -> tuple[T, ...]:
    """``items`` in the order of ``ids``, which must name every item exactly once."""
    by_id = {id_of(item): item for item in items}
    if len(ids) != len(set(ids)):
        raise InvalidArgument("names an id more than once", field=field)
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise InvalidArgument(f"{unknown[0]} is not one of the items being reordered", field=field)
    if len(ids) != len(by_id):
        raise InvalidArgument(f"must list all {len(by_id)} ids, got {len(ids)}", field=field)
    return tuple(by_id[i] for i in ids)


def find_module(content: Content, module_id: str, *, field: str = "module_id") -> tuple[int, Module]:
    for index, module in enumerate(content.modules):
        if module.id == module_id:
            return index, module
    raise NotFound("module not found in this course")


def find_lesson(content: Content, lesson_id: str) -> tuple[int, Module, int, Lesson]:
    for m_index, module in enumerate(content.modules):
        for l_index, lesson in enumerate(module.lessons):
            if lesson.id == lesson_id:
                return m_index, module, l_index, lesson
    raise NotFound("lesson not found in this course")


def replace_module(content: Content, index: int, module: Module) -> Content:
    modules = list(content.modules)
    modules[index] = module
    return replace(content, modules=tuple(modules))


def without_module(content: Content, index: int) -> Content:
    return replace(content, modules=content.modules[:index] + content.modules[index + 1 :])


def replace_lesson(content: Content, m_index: int, l_index: int, lesson: Lesson) -> Content:
    module = content.modules[m_index]
    lessons = list(module.lessons)
    lessons[l_index] = lesson
    return replace_module(content, m_index, replace(module, lessons=tuple(lessons)))


def reorder_modules(content: Content, module_ids: Sequence[str]) -> Content:
    return replace(content, modules=reordered(content.modules, module_ids, id_of=lambda m: m.id, field="module_ids"))


def reorder_lessons(content: Content, module_id: str, lesson_ids: Sequence[str], *, if_match: str) -> Content:
    index, module = find_module(content, module_id)
    check_etag(if_match, module_etag(module), what="module")
    lessons = reordered(module.lessons, lesson_ids, id_of=lambda le: le.id, field="lesson_ids")
    return replace_module(content, index, replace(module, lessons=lessons))


def move_lesson(content: Content, lesson_id: str, target_module_id: str, position: int | None,
                *, if_match: str) -> Content:
    """Moves a lesson inside its module or into another module of the same course."""
    m_index, module, l_index, lesson = find_lesson(content, lesson_id)
    check_etag(if_match, lesson_etag(lesson, module_id=module.id), what="lesson")
    target_index, _ = find_module(content, target_module_id, field="target_module_id")
    source = replace(module, lessons=module.lessons[:l_index] + module.lessons[l_index + 1 :])
    content = replace_module(content, m_index, source)
    target = content.modules[target_index]
    target = replace(target, lessons=insert_at(target.lessons, lesson, position))
    return replace_module(content, target_index, target)


def would_create_cycle(folder_id: str, new_parent_id: str | None, parent_of: dict[str, str | None]) -> bool:
    """True when ``new_parent_id`` is ``folder_id`` or one of its descendants.

    ``parent_of`` maps folder ids to their parent (None for top level); it must
    contain at least the ancestors of ``new_parent_id``."""
    seen: set[str] = set()
    current = new_parent_id
    while current is not None:
        if current == folder_id:
            return True
        if current in seen:  # a cycle already in the data: refuse rather than loop
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False
