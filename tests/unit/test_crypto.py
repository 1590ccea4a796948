"""Sealing of tenant secrets: AES-256-GCM, tenant-bound, rotatable."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from common.adapters.crypto import (
    DecryptionFailed,
    KeyRing,
    Sealed,
    StoredSecret,
    key_version,
    mask_api_key,
    rotate,
)
from common.config import ConfigError, Settings
from common.errors import FailedPrecondition

ROOT = Path(__file__).resolve().parents[2]
TENANT_A = str(uuid.uuid4())
TENANT_B = str(uuid.uuid4())
SECRET = "AIzaSyD-example-gemini-key-0123456789abcd"
OLD_KEY = bytes(range(32))
NEW_KEY = bytes(range(32, 64))


def test_round_trip_returns_the_plaintext_and_hides_it_in_the_blob() -> None:
    ring = KeyRing(NEW_KEY)
    sealed = ring.encrypt(SECRET, TENANT_A)
    assert sealed.version == key_version(NEW_KEY)
    assert SECRET.encode() not in sealed.blob
    assert ring.decrypt(sealed, TENANT_A) == SECRET


def test_same_plaintext_seals_differently_each_time() -> None:
    ring = KeyRing(NEW_KEY)
    assert ring.encrypt(SECRET, TENANT_A).blob != ring.encrypt(SECRET, TENANT_A).blob


def test_tenant_id_spelling_does_not_matter_but_the_tenant_does() -> None:
    ring = KeyRing(NEW_KEY)
    sealed = ring.encrypt(SECRET, TENANT_A.upper())
    assert ring.decrypt(sealed, uuid.UUID(TENANT_A)) == SECRET


def test_ciphertext_copied_to_another_tenant_does_not_decrypt() -> None:
    ring = KeyRing(NEW_KEY)
    sealed = ring.encrypt(SECRET, TENANT_A)
    with pytest.raises(DecryptionFailed) as caught:
        ring.decrypt(sealed, TENANT_B)
    assert isinstance(caught.value, FailedPrecondition)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("position", [0, 12, -1])
def test_tampered_ciphertext_fails_without_leaking_key_material(position: int) -> None:
    ring = KeyRing(NEW_KEY)
    sealed = ring.encrypt(SECRET, TENANT_A)
    blob = bytearray(sealed.blob)
    blob[position] ^= 0x01
    with pytest.raises(DecryptionFailed) as caught:
        ring.decrypt(Sealed(sealed.version, bytes(blob)), TENANT_A)
    message = str(caught.value)
    assert NEW_KEY.hex() not in message and SECRET not in message


def test_truncated_ciphertext_is_a_decryption_failure() -> None:
    ring = KeyRing(NEW_KEY)
    with pytest.raises(DecryptionFailed):
        ring.decrypt(Sealed(ring.current_version, b"short"), TENANT_A)


def test_unknown_key_version_is_a_decryption_failure_naming_the_version() -> None:
    old = KeyRing(OLD_KEY).encrypt(SECRET, TENANT_A)
    with pytest.raises(DecryptionFailed, match=old.version):
        KeyRing(NEW_KEY).decrypt(old, TENANT_A)


def test_previous_key_still_decrypts_after_the_master_key_changes() -> None:
    old = KeyRing(OLD_KEY).encrypt(SECRET, TENANT_A)
    ring = KeyRing(NEW_KEY, [OLD_KEY])
    assert ring.needs_rotation(old)
    assert ring.decrypt(old, TENANT_A) == SECRET
    assert not ring.needs_rotation(ring.encrypt(SECRET, TENANT_A))


def test_rotate_reseals_old_rows_with_the_current_version_and_reports_the_rest() -> None:
    old_ring = KeyRing(OLD_KEY)
    ring = KeyRing(NEW_KEY, [OLD_KEY])
    stranger = KeyRing(bytes(32))
    rows = [
        StoredSecret(TENANT_A, old_ring.encrypt("key-a-0123456789", TENANT_A)),
        StoredSecret(TENANT_B, ring.encrypt("key-b-0123456789", TENANT_B)),
        StoredSecret(str(uuid.uuid4()), stranger.encrypt("lost", TENANT_A)),
        # Sealed for A but stored on another tenant's row: must not be "repaired".
        StoredSecret(str(uuid.uuid4()), old_ring.encrypt("moved", TENANT_A)),
    ]
    result = rotate(rows, ring)
    assert [row.tenant_id for row in result.rotated] == [TENANT_A]
    assert result.rotated[0].sealed.version == ring.current_version
    assert ring.decrypt(result.rotated[0].sealed, TENANT_A) == "key-a-0123456789"
    assert KeyRing(NEW_KEY).decrypt(result.rotated[0].sealed, TENANT_A) == "key-a-0123456789"
    assert result.unchanged == 1
    assert result.failed_tenant_ids == [rows[2].tenant_id, rows[3].tenant_id]


def test_sealed_text_form_round_trips_and_rejects_garbage() -> None:
    ring = KeyRing(NEW_KEY)
    sealed = ring.encrypt(SECRET, TENANT_A)
    assert ring.decrypt(Sealed.from_text(sealed.to_text()), TENANT_A) == SECRET
    for garbage in ("", "v1:abc", "v2:abcd1234:AAAA", "v1:abcd1234:not base64!"):
        with pytest.raises(DecryptionFailed):
            Sealed.from_text(garbage)


def test_key_version_is_derived_from_the_key() -> None:
    assert key_version(NEW_KEY) == key_version(bytes(NEW_KEY))
    assert key_version(NEW_KEY) != key_version(OLD_KEY)
    assert len(key_version(NEW_KEY)) == 8
    assert KeyRing(NEW_KEY, [OLD_KEY]).versions == (key_version(NEW_KEY), key_version(OLD_KEY))


def test_keyring_from_settings_uses_current_and_previous_keys() -> None:
    settings = Settings.from_env({"ENCRYPTION_KEY": NEW_KEY.hex(), "ENCRYPTION_KEY_PREVIOUS": OLD_KEY.hex()})
    ring = KeyRing.from_settings(settings)
    assert ring.current_version == key_version(NEW_KEY)
    assert ring.decrypt(KeyRing(OLD_KEY).encrypt(SECRET, TENANT_A), TENANT_A) == SECRET


def test_keyring_without_a_key_is_a_config_error_naming_the_variable() -> None:
    with pytest.raises(ConfigError, match="ENCRYPTION_KEY"):
        KeyRing.from_settings(Settings.from_env({}))


@pytest.mark.parametrize("variable", ["ENCRYPTION_KEY", "ENCRYPTION_KEY_PREVIOUS"])
@pytest.mark.parametrize("raw", ["00112233445566778899", "not-a-key-at-all", "A" * 44])
def test_malformed_encryption_key_is_a_one_line_error_without_key_bytes(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"ENCRYPTION_KEY": NEW_KEY.hex(), variable: raw})
    message = str(caught.value)
    assert message.startswith(variable + " ") and "\n" not in message
    assert raw not in message and NEW_KEY.hex() not in message


def test_serve_refuses_to_start_with_a_malformed_encryption_key() -> None:
    raw = "c2VjcmV0LWJ1dC10b28tc2hvcnQ="  # base64 of 22 bytes
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ENCRYPTION_KEY", "DATABASE", "REDIS", "S3_"))}
    env["ENCRYPTION_KEY"] = raw
    done = subprocess.run(
        [sys.executable, "-m", "functions", "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "ENCRYPTION_KEY" in lines[0]
    assert raw not in done.stderr and "secret-but-too-short" not in done.stderr


def test_mask_shows_only_the_last_four_characters() -> None:
    assert mask_api_key(SECRET) == "…abcd"
    assert mask_api_key("  " + SECRET + "\n") == "…abcd"
    assert mask_api_key("short-key") == "…"
