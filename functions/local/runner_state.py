"""Who owns a data dir's embedded services, so local commands never stop (or start a
second copy of) what a running ``make run`` owns.

``runner.lock`` carries an exclusive ``flock`` for as long as a process owns the data
dir's embedded services: the runner for its whole life, or ``dev-session`` / ``migrate``
while no runner is up. The kernel drops the lock when its holder dies, however it dies,
so a lock that can be taken means nobody owns the services.

``runner.json`` (0600: it holds database URLs) records what a live runner serves; it is
written once the runner's services are up and removed when it stops. It is trusted only
while the lock is held, so a file left by a killed runner is ignored.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

LOCK_FILE = "runner.lock"
STATE_FILE = "runner.json"


@dataclass(frozen=True)
class RunnerState:
    pid: int
    url: str
    database_url: str
    migration_database_url: str | None
    redis_url: str | None
    s3_endpoint: str | None
    dev_identity_key_file: str | None


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the flock
            self._fd = None


def is_owned(data_dir: Path) -> bool:
    """True while some process holds the data dir's lock (a runner, or a command beside none)."""
    probe = DataDirLock(data_dir)
    if probe.try_acquire():
        probe.release()
        return False
    return True


def record(data_dir: Path, state: RunnerState) -> None:
    path = data_dir / STATE_FILE
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(asdict(state), handle)


def forget(data_dir: Path) -> None:
    (data_dir / STATE_FILE).unlink(missing_ok=True)


def live_runner(data_dir: Path) -> RunnerState | None:
    """The state of the runner serving this data dir, or None when none is up."""
    path = data_dir / STATE_FILE
    if not path.exists() or not is_owned(data_dir):
        return None
    with contextlib.suppress(FileNotFoundError, ValueError, TypeError):
        return RunnerState(**json.loads(path.read_text()))
    return None
