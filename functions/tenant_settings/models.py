"""Which models a tenant may choose, and the model used when it chose none.

With a key, the provider's own list (what that key can call); without one, or when
the provider cannot answer, a curated list of current Gemini models: an admin can
still pick a model, and nothing about the stored settings depends on the outage.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from common.adapters.ai import AIError, AIModelInfo, StructuredGenerator
from common.errors import InvalidArgument

log = logging.getLogger("mirai.tenant_settings")

# Mirai's suggestion for course generation; applies while a tenant's model is ''.
DEFAULT_MODEL = "gemini-2.5-flash"

CURATED_MODELS: tuple[AIModelInfo, ...] = (
    AIModelInfo("gemini-2.5-flash", "Gemini 2.5 Flash", "Fast and economical; suits most courses.", 1_048_576, 65_536),
    AIModelInfo("gemini-2.5-pro", "Gemini 2.5 Pro", "Most capable; slower and more expensive.", 1_048_576, 65_536),
    AIModelInfo("gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", "Cheapest and fastest; for short courses.",
                1_048_576, 65_536),
)

_MODEL_ID = re.compile(r"[a-z0-9][a-z0-9.\-]{1,79}")


@dataclass(frozen=True)
class ModelList:
    models: tuple[AIModelInfo, ...]
    # False when this is the curated fallback.
    from_provider: bool

    def ids(self) -> set[str]:
        return {model.id for model in self.models}


CURATED = ModelList(CURATED_MODELS, from_provider=False)


def available_models(ai: StructuredGenerator, api_key: str | None) -> ModelList:
    """The provider's list for ``api_key``; the curated list without a key or when the
    provider fails for any reason (down, quota, key revoked since it was stored)."""
    if api_key is None:
        return CURATED
    try:
        models = ai.list_models(api_key=api_key)
    except AIError as err:
        log.warning("listing models with the tenant's key failed (%s); answering with the curated list", err.reason)
        return CURATED
    return ModelList(tuple(models), from_provider=True) if models else CURATED


def check_model(raw: str, available: ModelList) -> str:
    """The model id to store: '' (Mirai's default) or one of ``available``."""
    model = raw.strip().removeprefix("models/")
    if not model:
        return ""
    if not _MODEL_ID.fullmatch(model):
        raise InvalidArgument("must be a model id such as gemini-2.5-flash", field="model")
    if model not in available.ids():
        raise InvalidArgument(f"{model} is not one of the available models (see ListAvailableModels)", field="model")
    return model


def ordered(models: Sequence[AIModelInfo]) -> list[AIModelInfo]:
    """The recommended model first, the rest as given."""
    return sorted(models, key=lambda m: m.id != DEFAULT_MODEL)
