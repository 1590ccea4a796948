"""The local runner's ownership of its data dir and its stop signals, in one process."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from functions.local import runner_state, stop_signals
from functions.local.runner_state import DataDirLock, RunnerState

STATE = RunnerState(
    pid=1, url="http://127.0.0.1:8080", database_url="postgresql://mirai_app@/postgres", migration_database_url=None,
    redis_url=None, s3_endpoint=None, dev_identity_key_file=None,
)


def test_a_recorded_runner_is_live_only_while_it_holds_the_lock(tmp_path: Path) -> None:
    lock = DataDirLock(tmp_path)
    assert lock.try_acquire()
    runner_state.record(tmp_path, STATE)
    assert (tmp_path / runner_state.STATE_FILE).stat().st_mode & 0o077 == 0  # it holds database URLs
    assert runner_state.live_runner(tmp_path) == STATE
    assert not DataDirLock(tmp_path).try_acquire()
    lock.release()  # as when a runner is killed: the file stays, the kernel drops the lock
    assert runner_state.live_runner(tmp_path) is None
    assert DataDirLock(tmp_path).try_acquire()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: signal.Signals(s).name)
def test_each_stop_signal_unwinds_like_ctrl_c(signum: int) -> None:
    unwound = []
    before = signal.getsignal(signum)
    with pytest.raises(KeyboardInterrupt) as stopped, stop_signals.handled():
        try:
            os.kill(os.getpid(), signum)  # the handler runs in this thread right after the call
            unwound.append("not stopped")
        finally:
            unwound.append("unwound")
    assert isinstance(stopped.value, stop_signals.Stopped) and stopped.value.signum == signum
    assert unwound == ["unwound"]
    assert signal.getsignal(signum) == before


def test_a_signal_while_a_service_starts_waits_until_its_stop_is_registered() -> None:
    steps = []
    with pytest.raises(stop_signals.Stopped), stop_signals.handled() as signals:
        with signals.deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("started and registered")
        steps.append("never reached")
    assert steps == ["started and registered"]
