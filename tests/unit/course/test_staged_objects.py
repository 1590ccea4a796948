"""Staged bodies go when the transaction fails, and stay when it may have committed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from common.errors import AlreadyExists, Unavailable
from functions.course.content import staged_objects

KEY = "00000000-0000-4000-8000-000000000001/courses/00000000-0000-4000-8000-000000000002/versions/2.json"


class InMemoryStorage:
    """A fake of the Storage port: only what staging uses."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put(self, key: str, content: bytes, content_type: str) -> None:
        self.objects[key] = content

    def put_new(self, key: str, content: bytes, content_type: str) -> None:
        if key in self.objects:
            raise AlreadyExists("an object already exists at this key")
        self.objects[key] = content

    def delete(self, key: str) -> None:
        self.objects.pop(key, None)


def _fail_after_staging(storage: InMemoryStorage, committed: Callable[[], bool] | None) -> None:
    def transaction() -> None:
        with staged_objects(storage) as staged:  # type: ignore[arg-type]
            staged.put(KEY, b"{}")
            if committed is not None:
                staged.committing(committed)
            raise RuntimeError("the transaction failed")

    with pytest.raises(RuntimeError, match="the transaction failed"):
        transaction()


def test_a_failure_before_the_commit_deletes_the_staged_body() -> None:
    storage = InMemoryStorage()
    _fail_after_staging(storage, None)
    assert storage.objects == {}


def test_a_failed_commit_that_did_not_happen_deletes_the_body() -> None:
    storage = InMemoryStorage()
    _fail_after_staging(storage, lambda: False)
    assert storage.objects == {}


def test_a_failed_commit_that_did_happen_keeps_the_body() -> None:
    storage = InMemoryStorage()
    _fail_after_staging(storage, lambda: True)
    assert KEY in storage.objects


def test_when_the_outcome_cannot_be_checked_the_body_is_kept() -> None:
    def unknowable() -> bool:
        raise Unavailable("database down")

    storage = InMemoryStorage()
    _fail_after_staging(storage, unknowable)
    assert KEY in storage.objects


def test_success_keeps_the_body() -> None:
    storage = InMemoryStorage()
    with staged_objects(storage) as staged:  # type: ignore[arg-type]
        staged.put(KEY, b"{}")
    assert KEY in storage.objects


def test_a_body_another_writer_staged_first_is_never_deleted() -> None:
    storage = InMemoryStorage()
    storage.objects[KEY] = b"the other writer's body"

    def losing_writer() -> None:
        with staged_objects(storage) as staged:  # type: ignore[arg-type]
            staged.put_new(KEY, b"mine")

    with pytest.raises(AlreadyExists):
        losing_writer()
    assert storage.objects == {KEY: b"the other writer's body"}
