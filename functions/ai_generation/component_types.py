"""Component kinds by the names stored rows and AI replies use (``"text"``) ↔ proto numbers."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2 as pb
from functions.ai_generation.schemas import AI_COMPONENT_TYPES

# Every kind the contract knows: COMPONENT_TYPE_TEXT → "text".
COMPONENT_TYPES = {
    name.removeprefix("COMPONENT_TYPE_").lower(): number
    for name, number in pb.ComponentType.items() if number != pb.COMPONENT_TYPE_UNSPECIFIED
}
COMPONENT_NAMES: dict[int, str] = {number: name for name, number in COMPONENT_TYPES.items()}

# The kinds the AI writes (the reply schemas' vocabulary).
AI_TYPES = {name: COMPONENT_TYPES[name] for name in AI_COMPONENT_TYPES}
AI_TYPE_NAMES: dict[int, str] = {number: name for name, number in AI_TYPES.items()}
