"""TenantSettingsService through the local runner with the generated client, Kratos and
Gemini faked at the HTTP boundary. The plaintext key must show up nowhere but in the
request that sets it and the provider calls made with it."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from connectrpc.code import Code
from sqlalchemy import text

from common.adapters.crypto import DecryptionFailed
from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import tenant_settings_connect, tenant_settings_pb2
from functions.bootstrap import Container
from functions.tenant_settings.ai_credentials import load_ai_credentials
from functions.tenant_settings.models import CURATED_MODELS, DEFAULT_MODEL
from tests.conftest import free_port
from tests.fakes.gemini import FakeGemini, FakeReply
from tests.fakes.kratos import FakeKratos
from tests.support.rpc_errors import fails
from tests.support.tenants import SeededTenant, add_user, provision_tenant

pytestmark = pytest.mark.e2e
pb = tenant_settings_pb2

KEY_A = "AIzaSyA-tenantAlpha-0123456789abcdEFGH"
KEY_B = "AIzaSyB-tenantBravo-9876543210zyxwVUTS"


@dataclass(frozen=True)
class Runner:
    url: str
    container: Container


@pytest.fixture(scope="module")
def runner(settings: Settings, gemini: FakeGemini) -> Iterator[Runner]:
    """The local runner's dispatcher with an ENCRYPTION_KEY and Gemini pointing at the fake
    (one attempt per provider call, so an outage answers at once)."""
    from werkzeug.serving import make_server

    from functions.local.runner import Dispatcher

    container = Container(settings.with_overrides(
        encryption_key=os.urandom(32), gemini_api_base_url=gemini.url, gemini_max_attempts=1,
    ))
    server = make_server("127.0.0.1", free_port(), Dispatcher(container), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Runner(f"http://127.0.0.1:{server.server_port}", container)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    container.close()


@dataclass(frozen=True)
class Admin:
    tenant: SeededTenant
    headers: dict[str, str]


def _admin(runner: Runner, kratos: FakeKratos) -> Admin:
    tenant = provision_tenant(runner.container.db)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
    return Admin(tenant, {"X-Session-Token": token})


def _client(runner: Runner) -> tenant_settings_connect.TenantSettingsServiceClientSync:
    return tenant_settings_connect.TenantSettingsServiceClientSync(runner.url)


def _row_text(owner_db: Database, tenant: SeededTenant) -> str:
    """Every column of the tenant's row as PostgreSQL prints it (bytea as hex), as the owner."""
    with owner_db.engine.connect() as conn:
        return str(conn.execute(
            text("select s::text from tenant_ai_settings s where tenant_id = :t"), {"t": tenant.tenant_id}
        ).scalar_one())


def _assert_secret_absent(secret: str, *texts: str | bytes) -> None:
    for blob in texts:
        raw = blob if isinstance(blob, bytes) else blob.encode()
        assert secret.encode() not in raw
        assert secret.encode().hex().encode() not in raw.lower()
        assert secret[:-4].encode() not in raw  # not even the key without its shown tail


def test_an_admin_sets_a_key_sees_only_its_mask_changes_the_model_and_deletes_it(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini, owner_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    admin = _admin(runner, kratos)
    client = _client(runner)
    responses: list[bytes] = []

    initial = client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings
    assert (initial.has_key, initial.api_key_mask, initial.model) == (False, "", "")
    assert initial.key_status == pb.AI_KEY_STATUS_MISSING and initial.provider == pb.AI_PROVIDER_GEMINI

    stored = client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_A, model="gemini-2.5-pro"),
                                       headers=admin.headers)
    responses.append(stored.SerializeToString())
    assert stored.settings.has_key and stored.settings.api_key_mask == "…" + KEY_A[-4:]
    assert stored.settings.key_status == pb.AI_KEY_STATUS_VALID and stored.settings.HasField("key_checked_at")
    assert stored.settings.model == "gemini-2.5-pro"
    assert stored.settings.updated_by.id == str(admin.tenant.owner_id)
    # The key was checked with the provider before it was stored.
    assert [r.api_key for r in gemini.requests] == [KEY_A]
    _assert_secret_absent(KEY_A, _row_text(owner_db, admin.tenant))

    read = client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers)
    responses.append(read.SerializeToString())
    assert read.settings == stored.settings

    listed = client.list_available_models(pb.ListAvailableModelsRequest(), headers=admin.headers)
    responses.append(listed.SerializeToString())
    assert [m.id for m in listed.models] == ["gemini-2.5-flash", "gemini-2.5-pro"]  # what the fake lists for the key
    assert listed.default_model == DEFAULT_MODEL and listed.models[0].recommended and not listed.models[1].recommended
    assert gemini.requests[-1].api_key == KEY_A

    changed = client.update_ai_settings(pb.UpdateAISettingsRequest(model="gemini-2.5-flash"), headers=admin.headers)
    responses.append(changed.SerializeToString())
    assert changed.settings.model == "gemini-2.5-flash" and changed.settings.api_key_mask == stored.settings.api_key_mask

    deleted = client.delete_ai_key(pb.DeleteAIKeyRequest(), headers=admin.headers)
    responses.append(deleted.SerializeToString())
    assert (deleted.settings.has_key, deleted.settings.api_key_mask) == (False, "")
    assert deleted.settings.key_status == pb.AI_KEY_STATUS_MISSING and deleted.settings.model == "gemini-2.5-flash"
    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings == deleted.settings
    with runner.container.db.tenant_session(admin.tenant.tenant_id) as uow:
        assert load_ai_credentials(uow, runner.container.keyring) is None

    calls_before = len(gemini.requests)
    without_key = client.list_available_models(pb.ListAvailableModelsRequest(), headers=admin.headers)
    assert [m.id for m in without_key.models] == [m.id for m in CURATED_MODELS] and len(gemini.requests) == calls_before

    _assert_secret_absent(KEY_A, caplog.text, *responses, *(str(r) for r in caplog.records))


def test_a_member_is_refused_every_ai_settings_rpc_and_an_admin_is_not(
    runner: Runner, kratos: FakeKratos
) -> None:
    admin = _admin(runner, kratos)
    _, member_identity = add_user(runner.container.db, admin.tenant, role="member")
    _, admin_identity = add_user(runner.container.db, admin.tenant, role="admin")
    member = {"X-Session-Token": kratos.add_session(identity_id=member_identity)[0]}
    second_admin = {"X-Session-Token": kratos.add_session(identity_id=admin_identity)[0]}
    client = _client(runner)
    calls = [
        (client.get_ai_settings, pb.GetAISettingsRequest()),
        (client.update_ai_settings, pb.UpdateAISettingsRequest(api_key=KEY_A)),
        (client.delete_ai_key, pb.DeleteAIKeyRequest()),
        (client.list_available_models, pb.ListAvailableModelsRequest()),
    ]
    for method, request in calls:
        assert fails(method, request, headers=member).code == Code.PERMISSION_DENIED, method
    for method, request in calls:
        method(request, headers=second_admin)
    # Nothing the member tried was stored; the admin's calls were.
    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings.has_key is False


def test_bad_input_is_invalid_argument_naming_the_field_and_changes_nothing(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    admin = _admin(runner, kratos)
    client = _client(runner)
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_A, model="gemini-2.5-pro"), headers=admin.headers)
    before = client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings
    bad_key = "AIza secret with spaces 0123456789"
    cases = {
        "api_key": [pb.UpdateAISettingsRequest(api_key=""), pb.UpdateAISettingsRequest(api_key="AIzaShort"),
                    pb.UpdateAISettingsRequest(api_key=bad_key), pb.UpdateAISettingsRequest(api_key="A" * 129),
                    pb.UpdateAISettingsRequest()],
        "model": [pb.UpdateAISettingsRequest(model="Not A Model!"), pb.UpdateAISettingsRequest(model="gemini-9-imaginary"),
                  pb.UpdateAISettingsRequest(api_key=KEY_B, model="gemini-9-imaginary")],
        "provider": [pb.UpdateAISettingsRequest(provider=7, api_key=KEY_B)],  # type: ignore[arg-type]
    }
    for field, requests in cases.items():
        for request in requests:
            err = fails(client.update_ai_settings, request, headers=admin.headers)
            assert err.code == Code.INVALID_ARGUMENT and err.message.startswith(field), (field, err.message)
            assert bad_key not in err.message and KEY_B not in err.message
    assert fails(client.list_available_models, pb.ListAvailableModelsRequest(provider=9),  # type: ignore[arg-type]
                  headers=admin.headers).code == Code.INVALID_ARGUMENT
    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings == before
    _assert_secret_absent(KEY_B, caplog.text)
    assert bad_key not in caplog.text


def test_a_key_the_provider_rejects_is_invalid_argument_and_is_not_stored(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    admin = _admin(runner, kratos)
    client = _client(runner)
    info = {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}
    gemini.script(FakeReply.error(400, details=[info], message=f"API key not valid: {KEY_B}"))
    err = fails(client.update_ai_settings, pb.UpdateAISettingsRequest(api_key=KEY_B), headers=admin.headers)
    assert err.code == Code.INVALID_ARGUMENT and err.message.startswith("api_key") and KEY_B not in err.message
    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings.has_key is False


def test_a_key_over_its_quota_is_stored_with_that_status(runner: Runner, kratos: FakeKratos, gemini: FakeGemini) -> None:
    admin = _admin(runner, kratos)
    gemini.script(FakeReply.error(429, retry_after="86400"))
    settings = _client(runner).update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_B), headers=admin.headers).settings
    assert settings.has_key and settings.key_status == pb.AI_KEY_STATUS_QUOTA_EXCEEDED


def test_while_the_provider_is_down_a_new_key_is_refused_and_models_fall_back_to_the_curated_list(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    admin = _admin(runner, kratos)
    client = _client(runner)
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_A), headers=admin.headers)
    gemini.script(FakeReply.error(503))
    err = fails(client.update_ai_settings, pb.UpdateAISettingsRequest(api_key=KEY_B), headers=admin.headers)
    assert err.code == Code.UNAVAILABLE
    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=admin.headers).settings.api_key_mask == "…" + KEY_A[-4:]
    gemini.script(FakeReply.error(503))
    listed = client.list_available_models(pb.ListAvailableModelsRequest(), headers=admin.headers)
    assert [m.id for m in listed.models] == [m.id for m in CURATED_MODELS]
    assert gemini.requests[-1].api_key == KEY_A  # the provider was asked, with the stored key


def test_one_tenants_settings_are_invisible_and_untouchable_from_another(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    alpha, bravo = _admin(runner, kratos), _admin(runner, kratos)
    client = _client(runner)
    alpha_settings = client.update_ai_settings(
        pb.UpdateAISettingsRequest(api_key=KEY_A, model="gemini-2.5-pro"), headers=alpha.headers
    ).settings

    seen = client.get_ai_settings(pb.GetAISettingsRequest(), headers=bravo.headers).settings
    assert not seen.has_key and seen.model == "" and seen.api_key_mask == ""
    gemini.reset()
    listed = client.list_available_models(pb.ListAvailableModelsRequest(), headers=bravo.headers)
    assert [m.id for m in listed.models] == [m.id for m in CURATED_MODELS] and gemini.requests == []
    client.delete_ai_key(pb.DeleteAIKeyRequest(), headers=bravo.headers)
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_B, model="gemini-2.5-flash"), headers=bravo.headers)

    assert client.get_ai_settings(pb.GetAISettingsRequest(), headers=alpha.headers).settings == alpha_settings
    keyring = runner.container.keyring
    with runner.container.db.tenant_session(alpha.tenant.tenant_id) as uow:
        alpha_credentials = load_ai_credentials(uow, keyring)
    with runner.container.db.tenant_session(bravo.tenant.tenant_id) as uow:
        bravo_credentials = load_ai_credentials(uow, keyring)
    assert alpha_credentials and (alpha_credentials.api_key, alpha_credentials.model) == (KEY_A, "gemini-2.5-pro")
    assert bravo_credentials and (bravo_credentials.api_key, bravo_credentials.model) == (KEY_B, "gemini-2.5-flash")


def test_a_ciphertext_copied_into_another_tenants_row_does_not_decrypt(
    runner: Runner, kratos: FakeKratos, owner_db: Database
) -> None:
    alpha, bravo = _admin(runner, kratos), _admin(runner, kratos)
    client = _client(runner)
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_A), headers=alpha.headers)
    client.update_ai_settings(pb.UpdateAISettingsRequest(model="gemini-2.5-pro"), headers=bravo.headers)
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "update tenant_ai_settings b set api_key_ciphertext = a.api_key_ciphertext, api_key_version = a.api_key_version,"
            " api_key_mask = a.api_key_mask, key_status = a.key_status"
            " from tenant_ai_settings a where a.tenant_id = :alpha and b.tenant_id = :bravo"
        ), {"alpha": alpha.tenant.tenant_id, "bravo": bravo.tenant.tenant_id})

    for err in (
        fails(client.list_available_models, pb.ListAvailableModelsRequest(), headers=bravo.headers),
        fails(client.update_ai_settings, pb.UpdateAISettingsRequest(model="gemini-2.5-flash"), headers=bravo.headers),
    ):
        assert err.code == Code.FAILED_PRECONDITION and "set it again" in err.message
    with runner.container.db.tenant_session(bravo.tenant.tenant_id) as uow, pytest.raises(DecryptionFailed):
        load_ai_credentials(uow, runner.container.keyring)
    # Setting a key again repairs it; alpha's key never stopped working.
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_B), headers=bravo.headers)
    assert client.list_available_models(pb.ListAvailableModelsRequest(), headers=bravo.headers).models
    with runner.container.db.tenant_session(alpha.tenant.tenant_id) as uow:
        credentials = load_ai_credentials(uow, runner.container.keyring)
    assert credentials is not None and credentials.api_key == KEY_A


def test_models_the_key_can_use_are_listed_and_selectable_and_others_are_not(
    runner: Runner, kratos: FakeKratos, gemini: FakeGemini
) -> None:
    admin = _admin(runner, kratos)
    client = _client(runner)
    client.update_ai_settings(pb.UpdateAISettingsRequest(api_key=KEY_A), headers=admin.headers)
    gemini.models = [
        {"name": "models/gemini-3.0-pro", "displayName": "Gemini 3.0 Pro", "inputTokenLimit": 2000000,
         "outputTokenLimit": 128000, "supportedGenerationMethods": ["generateContent"]},
        {"name": "models/embedding-001", "supportedGenerationMethods": ["embedContent"]},
    ]
    listed = client.list_available_models(pb.ListAvailableModelsRequest(), headers=admin.headers)
    assert [(m.id, m.input_token_limit, m.supports_images) for m in listed.models] == [("gemini-3.0-pro", 2000000, True)]
    chosen = client.update_ai_settings(pb.UpdateAISettingsRequest(model="gemini-3.0-pro"), headers=admin.headers)
    assert chosen.settings.model == "gemini-3.0-pro"
    err = fails(client.update_ai_settings, pb.UpdateAISettingsRequest(model="gemini-2.5-pro"), headers=admin.headers)
    assert err.code == Code.INVALID_ARGUMENT and err.message.startswith("model")
    reset = client.update_ai_settings(pb.UpdateAISettingsRequest(model=""), headers=admin.headers)
    assert reset.settings.model == ""  # back to Mirai's default
