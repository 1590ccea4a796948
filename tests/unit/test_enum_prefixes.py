"""Every enum's value prefix is the one protobuf-es derives from the enum's name, so
TypeScript clients get stripped names everywhere (``JobStatus.SUCCEEDED``,
``AiKeyStatus.MISSING``), never the full value name of an enum whose name breaks the rule."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from google.protobuf.descriptor import EnumDescriptor

import common.gen.mirai.v1 as gen

# Values that start with a digit once stripped (COMPANY_SIZE_1_10) cannot lose their
# prefix in TypeScript; renaming them would break the JSON wire names.
NUMERIC_VALUES = {"mirai.v1.CompanySize"}


def _es_prefix(enum_name: str) -> str:
    """protobuf-es ``camelToSnakeCase(name) + "_"``: every capital after the first starts a word."""
    return (enum_name[0] + re.sub(r"[A-Z]", lambda m: "_" + m.group(0), enum_name[1:])).lower() + "_"


def _enums() -> list[EnumDescriptor]:
    found: list[EnumDescriptor] = []
    for module in pkgutil.iter_modules(gen.__path__):
        if module.name.endswith("_pb2"):
            descriptor = importlib.import_module(f"{gen.__name__}.{module.name}").DESCRIPTOR
            found.extend(descriptor.enum_types_by_name.values())
            for message in descriptor.message_types_by_name.values():
                found.extend(message.enum_types)
    return found


def test_every_contract_defines_enums() -> None:
    assert {"JobStatus", "AiKeyStatus", "AiProvider"} <= {e.name for e in _enums()}


@pytest.mark.parametrize("enum", [e for e in _enums() if e.full_name not in NUMERIC_VALUES], ids=lambda e: e.full_name)
def test_values_carry_the_prefix_protobuf_es_strips(enum: EnumDescriptor) -> None:
    prefix = _es_prefix(enum.name)
    for value in enum.values:
        short = value.name[len(prefix):]
        assert value.name.lower().startswith(prefix) and short and not short[0].isdigit(), (
            f"{enum.name}.{value.name}: protobuf-es would keep the full name (expected prefix {prefix.upper()})")
