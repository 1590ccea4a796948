"""How a guarded read's answer is split into the current stamp and a servable entry."""

from __future__ import annotations

from common.adapters.cache_guards import split_read


def test_a_fenced_read_has_no_stamp_and_no_entry() -> None:
    assert split_read([b"", b""]) == (None, None)


def test_an_absent_entry_still_gives_the_stamp_to_fill_with() -> None:
    assert split_read([b"17,42", b""]) == ("17,42", None)


def test_an_entry_is_served_only_under_the_stamp_it_was_stored_with() -> None:
    assert split_read([b"17,42", b"17,42\netag\n{}"]) == ("17,42", b"etag\n{}")
    assert split_read([b"18,42", b"17,42\netag\n{}"]) == ("18,42", None)
    assert split_read([b"17,43", b"17,42\netag\n{}"]) == ("17,43", None)
    # A prefix of the stamp is not the stamp.
    assert split_read([b"17,4", b"17,42\netag\n{}"]) == ("17,4", None)


def test_an_entry_in_the_unguarded_format_is_never_served() -> None:
    assert split_read([b"17,42", b"etag-without-stamp"]) == ("17,42", None)
