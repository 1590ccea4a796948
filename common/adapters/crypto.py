"""AES-256-GCM sealing of tenant secrets (AI provider API keys).

- The tenant id is the associated data: a ciphertext copied into another tenant's row
  does not decrypt.
- Every ciphertext carries the id of the master key that sealed it, so ``ENCRYPTION_KEY``
  can be rotated: the new key becomes current, the old one moves to
  ``ENCRYPTION_KEY_PREVIOUS`` (still able to decrypt), and ``rotate`` re-seals the rows.
- A key's id is derived from the key itself: the first 8 hex digits of
  SHA-256("mirai-key-id:" + key). Nothing to configure, stable across processes, and it
  reveals nothing usable about the key (32 bits of a hash of 256 random bits).

Nothing here ever puts key material or plaintext into an exception message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from common.config import ConfigError, Settings
from common.errors import FailedPrecondition

NONCE_BYTES = 12
KEY_BYTES = 32
_TOKEN_PREFIX = "v1"


class DecryptionFailed(FailedPrecondition):
    """A stored secret cannot be opened: wrong tenant, tampered, or sealed with a key that
    is no longer configured. The caller should ask for the secret to be set again."""

    reason = "secret_undecryptable"


def key_version(key: bytes) -> str:
    return hashlib.sha256(b"mirai-key-id:" + key).hexdigest()[:8]


@dataclass(frozen=True)
class Sealed:
    """A sealed secret as stored: the sealing key's version and nonce || ciphertext+tag."""

    version: str
    blob: bytes = field(repr=False)

    def to_text(self) -> str:
        """One-column form, ``v1:<version>:<base64>``, for text columns."""
        return f"{_TOKEN_PREFIX}:{self.version}:{base64.b64encode(self.blob).decode('ascii')}"

    @classmethod
    def from_text(cls, text: str) -> Sealed:
        prefix, _, rest = text.partition(":")
        version, _, encoded = rest.partition(":")
        if prefix != _TOKEN_PREFIX or not version or not encoded:
            raise DecryptionFailed("the stored secret is not in a known format; set it again")
        try:
            blob = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DecryptionFailed("the stored secret is not in a known format; set it again") from None
        return cls(version=version, blob=blob)


def _associated_data(tenant_id: str | uuid.UUID) -> bytes:
    # Canonical form, so "ABC…" and "abc…" are the same tenant.
    return f"mirai:tenant:{uuid.UUID(str(tenant_id))}".encode("ascii")


class KeyRing:
    """The current master key (seals) and previous ones (open only)."""

    def __init__(self, current: bytes, previous: Sequence[bytes] = ()) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        keys = [current, *previous]
        if any(len(key) != KEY_BYTES for key in keys):
            raise ConfigError("encryption keys must be 32 bytes (ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS)")
        self.current_version = key_version(current)
        self._ciphers: dict[str, AESGCM] = {}
        for key in keys:
            self._ciphers.setdefault(key_version(key), AESGCM(key))

    @classmethod
    def from_settings(cls, settings: Settings) -> KeyRing:
        previous = [settings.encryption_key_previous] if settings.encryption_key_previous else []
        return cls(settings.require_encryption_key(), previous)

    @property
    def versions(self) -> tuple[str, ...]:
        return tuple(self._ciphers)

    def encrypt(self, plaintext: str, tenant_id: str | uuid.UUID) -> Sealed:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self.current_version].encrypt(nonce, plaintext.encode("utf-8"), _associated_data(tenant_id))
        return Sealed(version=self.current_version, blob=nonce + sealed)

    def decrypt(self, sealed: Sealed, tenant_id: str | uuid.UUID) -> str:
        from cryptography.exceptions import InvalidTag

        cipher = self._ciphers.get(sealed.version)
        if cipher is None:
            raise DecryptionFailed(
                f"the stored secret was sealed with key version {sealed.version}, which is no longer configured; set it again"
            )
        if len(sealed.blob) <= NONCE_BYTES:
            raise DecryptionFailed("the stored secret is truncated; set it again")
        try:
            plain = cipher.decrypt(sealed.blob[:NONCE_BYTES], sealed.blob[NONCE_BYTES:], _associated_data(tenant_id))
        except InvalidTag:
            raise DecryptionFailed("the stored secret cannot be decrypted for this tenant; set it again") from None
        return plain.decode("utf-8")

    def needs_rotation(self, sealed: Sealed) -> bool:
        return sealed.version != self.current_version


@dataclass(frozen=True)
class StoredSecret:
    """One row of a rotation: whose secret, and its sealed value."""

    tenant_id: str
    sealed: Sealed


@dataclass(frozen=True)
class RotationResult:
    # Rows re-sealed under the current key: write these back.
    rotated: list[StoredSecret]
    # Rows already under the current key: nothing to do.
    unchanged: int
    # Tenants whose secret cannot be opened with any configured key: left as they are.
    failed_tenant_ids: list[str]


def rotate(rows: Iterable[StoredSecret], keyring: KeyRing) -> RotationResult:
    """Re-seals every row not under the current key. Never raises for one bad row:
    an unreadable secret is reported and left untouched (nothing stored is lost)."""
    rotated: list[StoredSecret] = []
    failed: list[str] = []
    unchanged = 0
    for row in rows:
        if not keyring.needs_rotation(row.sealed):
            unchanged += 1
            continue
        try:
            plain = keyring.decrypt(row.sealed, row.tenant_id)
        except DecryptionFailed:
            failed.append(row.tenant_id)
            continue
        rotated.append(StoredSecret(tenant_id=row.tenant_id, sealed=keyring.encrypt(plain, row.tenant_id)))
    return RotationResult(rotated=rotated, unchanged=unchanged, failed_tenant_ids=failed)


def mask_api_key(key: str) -> str:
    """``"…abcd"``: the last four characters only, and nothing at all for keys too short
    for four characters to be a small part of them."""
    key = key.strip()
    if len(key) < 12:
        return "…"
    return "…" + key[-4:]
