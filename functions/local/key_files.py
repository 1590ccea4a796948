"""Secret keys for ``make run`` kept in local files: 32 random bytes, created on first
use with mode 0600 (``O_EXCL``: never over an existing file), read back after that."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def load_or_create_key(path: Path, *, encode: Callable[[bytes], str], decode: Callable[[str], bytes]) -> bytes:
    if path.exists():
        return decode(path.read_text().strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(encode(key))
    return key
