"""A deployed TenantSettingsService target refuses to start without a usable
ENCRYPTION_KEY: one line on stderr, exit code 2, the bad value never echoed."""

from __future__ import annotations

import base64
import os
import subprocess

import pytest

from common.config import Settings
from tests.conftest import free_port
from tests.e2e.test_functions_framework import FRAMEWORK, ROOT, _env

pytestmark = pytest.mark.e2e
TARGET = "tenant_settings_update_ai_settings"


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FRAMEWORK), "--source", "functions/main.py", "--target", TARGET, "--port", str(free_port())],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )


def test_a_missing_encryption_key_stops_start_up_with_one_line(settings: Settings) -> None:
    env = {k: v for k, v in _env(settings, K_SERVICE=TARGET).items() if not k.startswith("ENCRYPTION_KEY")}
    done = _start(env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "configuration error: ENCRYPTION_KEY is required (32 bytes as base64; openssl rand -base64 32)"
    ]


@pytest.mark.parametrize("variable", ["ENCRYPTION_KEY", "ENCRYPTION_KEY_PREVIOUS"])
def test_a_malformed_encryption_key_stops_start_up_with_one_line(settings: Settings, variable: str) -> None:
    raw = base64.b64encode(b"twenty-two-byte-secret").decode()
    env = _env(settings, K_SERVICE=TARGET, ENCRYPTION_KEY=base64.b64encode(os.urandom(32)).decode())
    env[variable] = raw
    done = _start(env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"configuration error: {variable} must be 32 bytes")
    assert raw not in done.stderr and "twenty-two" not in done.stderr
