"""The shared request checks and the enum ↔ stored word mapping."""

from __future__ import annotations

import uuid

import pytest

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2, notification_pb2, target_audience_pb2
from functions import inputs
from functions.enum_names import enum_number, stored_name, stored_names


@pytest.mark.parametrize(
    ("given", "canonical"),
    [("en", "en"), ("DE-de", "de-DE"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), (" fr-CA ", "fr-CA"),
     ("sl-rozaj-biske", "sl-rozaj-biske")],
)
def test_language_tags_are_written_in_their_conventional_case(given: str, canonical: str) -> None:
    assert inputs.language_tag(given, field="language") == canonical


@pytest.mark.parametrize("bad", ["", "e", "english", "en_US", "en-", "-en", "en--US", "de-DE; drop", "en-" + "x" * 40])
def test_malformed_language_tags_are_refused(bad: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        inputs.language_tag(bad, field="language")
    assert caught.value.field == "language"


def test_text_is_trimmed_and_refuses_control_characters_but_keeps_line_breaks() -> None:
    assert inputs.text("  two\nlines\t ", field="f", max_chars=20) == "two\nlines"
    for bad in ("nul\x00", "bell\x07", "del\x7f"):
        with pytest.raises(InvalidArgument):
            inputs.text(bad, field="f", max_chars=20)


def test_id_lists_are_deduplicated_in_order() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    assert inputs.id_list([str(a), str(b).upper(), str(a)], field="ids", max_items=2) == [a, b]


def test_every_enum_value_maps_to_a_stored_word_and_back() -> None:
    for enum in (common_pb2.ExperienceLevel.DESCRIPTOR, target_audience_pb2.ReadingLevel.DESCRIPTOR,
                 notification_pb2.NotificationType.DESCRIPTOR, notification_pb2.ResourceType.DESCRIPTOR):
        for value in enum.values:
            assert enum_number(enum, stored_name(enum, value.number)) == value.number
    assert stored_names(common_pb2.ExperienceLevel.DESCRIPTOR) == ("beginner", "intermediate", "advanced", "expert")
    assert stored_name(notification_pb2.ResourceType.DESCRIPTOR, notification_pb2.RESOURCE_TYPE_SME_TASK) == "sme_task"
    assert enum_number(common_pb2.ExperienceLevel.DESCRIPTOR, "retired") == 0
