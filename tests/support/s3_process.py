"""An S3 endpoint (moto's server) in a process of our own, so a test can pause or kill it."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import free_port
from tests.support.server_process import ServerProcess


class S3Process(ServerProcess):
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        args = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                with urllib.request.urlopen(self.url + "/moto-api/", timeout=0.5):
                    return
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None:
                    raise RuntimeError("moto server exited at start") from None
                time.sleep(0.05)
        raise RuntimeError("moto server did not answer")
