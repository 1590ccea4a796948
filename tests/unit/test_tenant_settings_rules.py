"""The input rules of TenantSettingsService, without I/O."""

from __future__ import annotations

import pytest

from common.adapters.ai import AIModelInfo
from common.errors import InvalidArgument
from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from functions import registry
from functions.tenant_settings.ai_credentials import AICredentials
from functions.tenant_settings.ai_settings import check_key_shape, provider_name
from functions.tenant_settings.messages import model_message
from functions.tenant_settings.models import CURATED, DEFAULT_MODEL, ModelList, check_model, ordered

GEMINI_KEY = "AIzaSyD-0123456789abcdefghijklmnopqrstu"


def test_a_gemini_shaped_key_is_accepted_and_trimmed() -> None:
    assert check_key_shape(f"  {GEMINI_KEY}\n") == GEMINI_KEY


@pytest.mark.parametrize("raw", ["", "   ", "AIzaShort", "AIza key with spaces 0123456789abcdef", "A" * 129,
                                 "AIzaSyD-0123456789abcdefghijklmnopqrstu\x00", "AIzaSyD/0123456789+abcdefghijklmnopqrs="])
def test_a_malformed_key_is_invalid_argument_naming_the_field_without_echoing_it(raw: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        check_key_shape(raw)
    assert caught.value.field == "api_key"
    assert raw.strip() == "" or raw.strip() not in caught.value.message


def test_model_must_be_listed_and_empty_means_the_default() -> None:
    available = ModelList((AIModelInfo("gemini-2.5-pro", "Pro", "", 1, 1),), from_provider=True)
    assert check_model(" models/gemini-2.5-pro ", available) == "gemini-2.5-pro"
    assert check_model("", available) == ""
    for bad in ("gemini-2.5-flash", "Gemini 2.5 Pro", "x" * 90, "gemini/../pro"):
        with pytest.raises(InvalidArgument) as caught:
            check_model(bad, available)
        assert caught.value.field == "model"


def test_the_default_model_is_curated_listed_first_and_recommended() -> None:
    assert DEFAULT_MODEL in CURATED.ids()
    shuffled = sorted(CURATED.models, key=lambda m: m.id, reverse=True)
    first = ordered(shuffled)[0]
    assert first.id == DEFAULT_MODEL and model_message(first).recommended
    assert not any(model_message(m).recommended for m in ordered(shuffled)[1:])


def test_only_gemini_is_an_accepted_provider() -> None:
    assert provider_name(pb.AI_PROVIDER_UNSPECIFIED) == provider_name(pb.AI_PROVIDER_GEMINI) == "gemini"
    with pytest.raises(InvalidArgument) as caught:
        provider_name(42)
    assert caught.value.field == "provider"


def test_credentials_never_show_the_key_in_their_repr() -> None:
    credentials = AICredentials(provider="gemini", model=DEFAULT_MODEL, api_key=GEMINI_KEY, key_status="valid")
    assert GEMINI_KEY not in repr(credentials) and GEMINI_KEY not in str(credentials)


def test_every_tenant_settings_target_builds_the_keyring_at_start_up() -> None:
    targets = [t for t in registry.rpc_targets() if t.area == "tenant_settings"]
    assert len(targets) == 4 and all(t.implemented() and t.startup_adapters == ("keyring",) for t in targets)
    assert registry.find("health_check").startup_adapters == ()
