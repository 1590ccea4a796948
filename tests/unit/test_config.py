"""Settings: every variable parsed once, and bad values named in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from common.config import ConfigError, Settings

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_need_no_environment() -> None:
    settings = Settings.from_env({})
    assert settings.port == 8080
    assert settings.cache_enabled is True
    assert settings.s3.bucket == "mirai" and settings.s3.base_path == "data"
    assert settings.database_url is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "eighty"),
        ("PORT", "70000"),
        ("DATABASE_URL", "mysql://x@127.0.0.1/db"),
        ("REDIS_URL", "127.0.0.1:6379"),
        ("ENABLE_REDIS_CACHE", "maybe"),
        ("KRATOS_URL", "kratos-public"),
        ("ENCRYPTION_KEY", "too-short"),
    ],
)
def test_malformed_value_names_its_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: value})
    message = str(caught.value)
    assert message.startswith(name)
    assert "\n" not in message


def test_encryption_key_error_does_not_echo_the_key() -> None:
    secret = "c2VjcmV0LWJ1dC10b28tc2hvcnQ="
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"ENCRYPTION_KEY": secret})
    assert secret not in str(caught.value)


def test_secrets_are_not_in_the_settings_repr() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql://app:hunter2@127.0.0.1/mirai",
            "STRIPE_SECRET_KEY": "sk_test_hunter2",
            "S3_SECRET_KEY": "s3-hunter2",
        }
    )
    assert "hunter2" not in repr(settings)


def test_unix_socket_redis_url_is_accepted() -> None:
    assert Settings.from_env({"REDIS_URL": "unix:///tmp/redis.sock"}).redis_url == "unix:///tmp/redis.sock"


def test_runner_refuses_to_start_on_a_malformed_value_with_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "functions", "serve"],
        cwd=ROOT, env={"PORT": "not-a-port", "PATH": ""}, capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == ["configuration error: PORT must be a whole number, got 'not-a-port'"]


def test_s3_timeouts_and_pool_come_from_the_environment() -> None:
    from common.adapters.storage import S3Storage

    settings = Settings.from_env({"S3_CONNECT_TIMEOUT_MS": "1500", "S3_READ_TIMEOUT_MS": "3000", "S3_MAX_ATTEMPTS": "1",
                                  "DB_POOL_SIZE": "3", "DB_POOL_MAX_OVERFLOW": "5", "DB_POOL_TIMEOUT_SECONDS": "2",
                                  "S3_ENDPOINT": "http://127.0.0.1:9"})
    assert (settings.db_pool_size, settings.db_pool_max_overflow, settings.db_pool_timeout_seconds) == (3, 5, 2)
    config = S3Storage(settings.s3).client.meta.config
    assert (config.connect_timeout, config.read_timeout) == (1.5, 3.0)
    assert config.retries["total_max_attempts"] == 1


def test_s3_calls_have_short_timeouts_by_default() -> None:
    from common.adapters.storage import S3Storage

    config = S3Storage(Settings.from_env({"S3_ENDPOINT": "http://127.0.0.1:9"}).s3).client.meta.config
    # Worst case per call: attempts x timeout, a few seconds (it was 3 x 10 s read timeouts).
    assert config.retries["total_max_attempts"] * max(config.connect_timeout, config.read_timeout) <= 10


@pytest.mark.parametrize("name", ["S3_READ_TIMEOUT_MS", "S3_CONNECT_TIMEOUT_MS", "S3_MAX_ATTEMPTS",
                                  "DB_POOL_MAX_OVERFLOW", "DB_POOL_TIMEOUT_SECONDS"])
def test_bad_timeout_or_pool_values_name_their_variable(name: str) -> None:
    with pytest.raises(ConfigError, match=f"^{name}"):
        Settings.from_env({name: "-1"})


def test_a_local_runner_allows_the_usual_dev_server_origins_by_default() -> None:
    local = Settings.from_env({"MIRAI_LOCAL": "true"})
    assert "http://localhost:3000" in local.allowed_origins
    assert "http://localhost:5173" in local.allowed_origins
    assert "https://evil.example.com" not in local.allowed_origins


@pytest.mark.parametrize(
    "env",
    [{}, {"MIRAI_LOCAL": "true", "K_SERVICE": "course-create-course"}],
    ids=["not local", "under Knative"],
)
def test_no_origin_is_allowed_by_default_outside_local_mode(env: dict[str, str]) -> None:
    assert Settings.from_env(env).allowed_origins == ()


def test_allowed_origin_replaces_the_local_defaults() -> None:
    settings = Settings.from_env({"MIRAI_LOCAL": "true", "ALLOWED_ORIGIN": "https://app.example.com/, http://localhost:8000"})
    assert settings.allowed_origins == ("https://app.example.com", "http://localhost:8000")
