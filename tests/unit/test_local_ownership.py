"""The local runner's ownership of its data dir and its stop signals, in one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from common.config import Settings
from functions.local import runner_state, stop_signals
from functions.local.broker import new_ingress_token, sink_url
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


def test_the_broker_token_in_k_sink_stays_out_of_the_settings_repr() -> None:
    token = new_ingress_token()
    settings = Settings.from_env({"K_SINK": sink_url("http://127.0.0.1:8080", token)})
    assert token in (settings.k_sink or "") and token not in repr(settings)


def test_the_local_runner_refuses_to_start_under_knative(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "functions", "serve", "--data-dir", str(tmp_path / "data")],
        cwd=root, env={"K_SERVICE": "course-create-course", "PATH": ""}, capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "configuration error: K_SERVICE is set: the local runner does not run under Knative (the image runs functions-framework)"
    ]
    assert not (tmp_path / "data").exists()
