"""``python -m functions serve`` as ``make run`` starts it: a real process on a free port
with a data dir of its own, for tests of what a developer sees and of how it stops."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 180  # embedded PostgreSQL's first initdb on a busy machine
# What the developer's shell might carry that would point the runner somewhere else.
_OUTSIDE = ("DATABASE_URL", "DATABASE_MIGRATION_URL", "MIRAI_APP_DB_PASSWORD", "REDIS_URL", "S3_ENDPOINT",
            "KRATOS_URL", "KRATOS_ADMIN_URL", "ALLOWED_ORIGIN", "K_SERVICE", "K_SINK", "PORT", "MIRAI_DATA_DIR",
            "MIRAI_LOCAL", "ENCRYPTION_KEY", "ENCRYPTION_KEY_PREVIOUS", "MIRAI_DEV_IDENTITY_KEY_FILE")


def local_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a developer with none of the service URLs set (embedded everything)."""
    env = {k: v for k, v in os.environ.items() if k not in _OUTSIDE}
    env.update(MIRAI_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", **extra)
    return env


def run_command(args: list[str], env: Mapping[str, str], *, timeout: float = START_TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, env=dict(env), capture_output=True, text=True, timeout=timeout, check=False)


def python_m_functions(*args: str) -> list[str]:
    return [sys.executable, "-m", "functions", *args]


@dataclass
class RunnerProcess:
    process: subprocess.Popen[str]
    data_dir: Path
    port: int
    stdout_lines: list[str] = field(default_factory=list)
    _lines: queue.Queue[str | None] = field(default_factory=queue.Queue)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """The runner itself (under a shell, the shell's child)."""
        if Path(self.process.args[0]).name == "sh":  # type: ignore[index]
            [child] = psutil.Process(self.process.pid).children()
            return int(child.pid)
        return self.process.pid

    def next_line(self, timeout: float) -> str | None:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is not None:
            self.stdout_lines.append(line)
        return line

    def state(self) -> dict[str, Any]:
        return dict(json.loads((self.data_dir / "runner.json").read_text()))

    def get_json(self, path: str) -> tuple[int, Any]:
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=30) as response:
                return int(response.status), json.loads(response.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read())

    def stderr_so_far(self) -> str:
        return (self.data_dir.parent / f"{self.data_dir.name}.stderr").read_text()

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 90) -> int:
        os.kill(self.pid, signum)
        return self.process.wait(timeout=timeout)


def _pump(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


@contextmanager
def runner_process(data_dir: Path, *, env: Mapping[str, str] | None = None, background_of_a_shell: bool = False) -> Iterator[RunnerProcess]:
    """Starts the runner and waits for its one line. ``background_of_a_shell`` starts it as
    ``cmd &`` in a non-interactive ``sh``, which gives the job SIGINT ignored."""
    port = free_port()
    run_env = dict(env or local_env(data_dir))
    run_env["PORT"] = str(port)
    command = python_m_functions("serve", "--data-dir", str(data_dir))
    if background_of_a_shell:
        command = ["sh", "-c", '"$@" & wait', "sh", *command]
    stderr = (data_dir.parent / f"{data_dir.name}.stderr").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=run_env, stdout=subprocess.PIPE, stderr=stderr, text=True)
    runner = RunnerProcess(process, data_dir, port)
    threading.Thread(target=_pump, args=(process.stdout, runner._lines), daemon=True).start()
    started: list[psutil.Process] = []
    try:
        first = runner.next_line(START_TIMEOUT)
        assert first is not None, f"the runner exited before serving: {runner.stderr_so_far()}"
        started = processes_of(runner)
        yield runner
    finally:
        if process.poll() is None:
            for child in psutil.Process(process.pid).children(recursive=True):
                child.terminate()
            process.terminate()
            process.wait(timeout=90)
        # The machine is shared: whatever a failing runner left behind does not outlive the test.
        for leftover in still_running(started, timeout=0):
            leftover.kill()
        stderr.close()


def processes_of(runner: RunnerProcess) -> list[psutil.Process]:
    """Every process the runner started: its descendants and the daemons it launched
    (embedded PostgreSQL and Redis detach from it), found by the data they serve."""
    state = runner.state()
    markers = [str(runner.data_dir)]
    redis_url = state.get("redis_url") or ""
    if redis_url.startswith("unix://"):
        markers.append(str(Path(redis_url.removeprefix("unix://")).parent))
    me = psutil.Process(runner.pid)
    found = {p.pid: p for p in me.children(recursive=True)}
    for process in psutil.process_iter(["cmdline", "create_time"]):
        try:
            cmdline = " ".join(process.info["cmdline"] or [])
            if process.pid != me.pid and process.info["create_time"] >= me.create_time() - 1 \
                    and any(marker in cmdline for marker in markers):
                found[process.pid] = process
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return list(found.values())


def still_running(processes: list[psutil.Process], timeout: float = 30) -> list[psutil.Process]:
    """Those still alive after ``timeout`` (a stopped daemon may take a moment to exit)."""
    def alive(process: psutil.Process) -> bool:
        try:
            return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in processes if alive(p)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)
