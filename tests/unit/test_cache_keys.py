from __future__ import annotations

import fnmatch
import uuid

import pytest

from common.cache_keys import CacheKeys
from common.errors import InvalidArgument

TENANT = uuid.UUID("11111111-2222-3333-4444-555555555555")
ITEM = uuid.UUID("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
T, ID = str(TENANT), str(ITEM)
GLOB = set("*?[]\\")


def test_keys_mirror_the_architecture_list_under_the_tenant() -> None:
    keys = CacheKeys(TENANT)
    assert keys.library() == f"t:{T}:library:index"
    assert keys.folders() == f"t:{T}:folders:hierarchy"
    assert keys.course(ITEM) == f"t:{T}:course:{ID}"
    assert keys.folder_courses(ITEM) == f"t:{T}:folder:{ID}:courses"
    assert keys.all_courses() == f"t:{T}:courses:all"
    assert keys.courses_by_status("published") == f"t:{T}:courses:status:published"
    assert keys.courses_by_tag("safety") == f"t:{T}:courses:tag:safety"
    assert keys.lock("course", ITEM) == f"t:{T}:lock:course:{ID}"


@pytest.mark.parametrize("tag", ["*", "a?b", "[x]", "back\\slash", "with:colon", "t:other:*", "über cool"])
def test_tags_are_escaped_so_keys_hold_no_glob_characters(tag: str) -> None:
    key = CacheKeys(TENANT).courses_by_tag(tag)
    suffix = key.removeprefix(f"t:{T}:courses:tag:")
    assert not GLOB & set(suffix)
    assert ":" not in suffix
    assert CacheKeys(TENANT).courses_by_tag(tag + "x") != key


def test_patterns_never_match_another_tenants_keys() -> None:
    mine, theirs = CacheKeys(TENANT), CacheKeys(uuid.uuid4())
    their_keys = [theirs.library(), theirs.course(ITEM), theirs.all_courses(), theirs.courses_by_tag("*"),
                  theirs.folder_courses(ITEM), theirs.lock("course", ITEM)]
    for pattern in (mine.course_lists_pattern(), mine.folder_course_lists_pattern(), mine.tenant_pattern()):
        assert not any(fnmatch.fnmatchcase(key, pattern) for key in their_keys)
    assert fnmatch.fnmatchcase(mine.courses_by_status("draft"), mine.course_lists_pattern())
    assert not fnmatch.fnmatchcase(mine.course(ITEM), mine.course_lists_pattern())


def test_bad_input_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidArgument) as raised:
        CacheKeys("*")
    assert raised.value.field == "tenant_id"
    keys = CacheKeys(TENANT)
    for call, field in (
        (lambda: keys.course("1"), "course_id"),
        (lambda: keys.folder_courses("x*"), "folder_id"),
        (lambda: keys.courses_by_status("dr*ft"), "status"),
        (lambda: keys.courses_by_tag(""), "tag"),
        (lambda: keys.courses_by_tag("x" * 101), "tag"),
    ):
        with pytest.raises(InvalidArgument) as raised:
            call()
        assert raised.value.field == field


def test_guard_keys_are_tenant_scoped_and_never_look_like_an_entry() -> None:
    keys = CacheKeys(TENANT)
    assert keys.course_guard(ITEM) == f"t:{T}:guard:course:{ID}"
    assert keys.library_guard() == f"t:{T}:guard:library"
    for guard in (keys.course_guard(ITEM), keys.library_guard()):
        assert not fnmatch.fnmatchcase(guard, keys.course_entries_pattern())
        assert not fnmatch.fnmatchcase(guard, CacheKeys(uuid.uuid4()).tenant_pattern())
