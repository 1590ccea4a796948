"""`make run` without ENCRYPTION_KEY: a local key is made once and kept, private to the user."""

from __future__ import annotations

import stat
from pathlib import Path

from common.adapters.crypto import KeyRing
from functions.local.runner import _local_encryption_key


def test_the_local_key_is_created_once_with_owner_only_access_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "data" / "encryption-key"
    first = _local_encryption_key(path)
    assert len(first) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _local_encryption_key(path) == first
    sealed = KeyRing(first).encrypt("AIzaSyLocal-0123456789abcdefghijklmn", "00000000-0000-0000-0000-000000000001")
    assert KeyRing(_local_encryption_key(path)).decrypt(sealed, "00000000-0000-0000-0000-000000000001").startswith("AIza")
