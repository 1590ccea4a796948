"""A server process of a test's own, which the test can freeze, thaw and kill (never the shared ones)."""

from __future__ import annotations

import signal
import subprocess


class ServerProcess:
    process: subprocess.Popen[bytes] | None = None

    def pause(self) -> None:
        """SIGSTOP: the kernel still accepts connections, the server answers none (a stall)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)
