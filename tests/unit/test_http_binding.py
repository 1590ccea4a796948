"""Percent-encoding of CloudEvent attribute headers, checked against the binding's own example."""

from __future__ import annotations

import pytest

from events.http_binding import BadHeaderValue, decode_value, encode_value


def test_the_specification_example_encodes_as_written() -> None:
    # CloudEvents HTTP binding 3.1.3.2: "Euro € 😀" SHOULD be encoded as follows.
    assert encode_value("Euro \u20ac \U0001f600") == "Euro%20%E2%82%AC%20%F0%9F%98%80"


@pytest.mark.parametrize("value", ["日本語.pdf", "a\r\nb", "\x00\x01\x7f\x85", "\u202e", '100% "q"',
                                   "".join(chr(c) for c in range(0x21, 0x7F))])
def test_any_text_becomes_printable_ascii_and_decodes_back(value: str) -> None:
    encoded = encode_value(value)
    assert all(0x21 <= ord(c) <= 0x7E for c in encoded)
    assert decode_value(encoded) == value


def test_decoding_accepts_lower_case_unneeded_escapes_and_quoted_strings() -> None:
    assert decode_value("%e2%82%ac%41") == "\u20acA"
    assert decode_value('"a\\"b%20c"') == 'a"b c'


@pytest.mark.parametrize("bad", ["%C0%A0", "%FF", "%ED%A0%80"])
def test_byte_sequences_that_are_not_utf8_are_refused(bad: str) -> None:
    with pytest.raises(BadHeaderValue):
        decode_value(bad)
