"""``make run`` as a newcomer meets it: the real ``python -m functions serve`` process with
nothing configured (embedded PostgreSQL, Redis and S3 under its data dir), ``dev-session``
and ``make migrate`` beside it, and every way of stopping it."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import psutil
import pytest

from tests.conftest import free_port
from tests.support.runner_process import (
    ROOT,
    RunnerProcess,
    local_env,
    processes_of,
    python_m_functions,
    run_command,
    runner_process,
    still_running,
)

pytestmark = pytest.mark.e2e

ONE_LINE = re.compile(r"Mirai local runner: \d+ RPC targets on http://127\.0\.0\.1:\d+ \(Ctrl-C stops; log: \S+serve\.log\)")


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    """One data dir for the module, as a developer has one .mirai/: initdb runs once."""
    folder = Path(tempfile.mkdtemp(prefix="mirai-make-run-"))
    yield folder / "data"
    shutil.rmtree(folder, ignore_errors=True)


def _dev_session(data_dir: Path, email: str) -> str:
    session = run_command(python_m_functions("dev-session", "--email", email), local_env(data_dir))
    assert session.returncode == 0, session.stderr
    assert session.stderr == ""
    [token] = session.stdout.splitlines()
    return token


def _call(runner: RunnerProcess, method: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{runner.url}/mirai.v1.{method}", data=b"{}", method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _preflight_status(runner: RunnerProcess, origin: str) -> int:
    request = urllib.request.Request(
        f"{runner.url}/mirai.v1.UserService/GetProfile", method="OPTIONS",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def _assert_everything_stops(runner: RunnerProcess, signum: int) -> None:
    started = processes_of(runner)
    names = {p.name() for p in started}
    assert "postgres" in names and "redis-server" in names, names  # the search finds what it must
    exit_code = runner.stop(signum)
    assert still_running(started) == []
    assert exit_code == 0, runner.stderr_so_far()
    assert runner.next_line(timeout=5) == "Mirai local runner: stopping"
    assert not (runner.data_dir / "runner.json").exists()


def test_make_run_then_dev_session_as_the_readme_orders_them(data_dir: Path) -> None:
    with runner_process(data_dir) as runner:
        # One useful line; initdb, alembic and library warnings are in the log file only.
        assert ONE_LINE.fullmatch(runner.stdout_lines[0]), runner.stdout_lines
        assert runner.stderr_so_far() == ""
        assert "initdb" in (data_dir / "log" / "serve.log").read_text()
        assert runner.get_json("/health")[1]["status"] == "SERVING"

        token = _dev_session(data_dir, "newcomer@example.com")

        # dev-session used the runner's services and stopped none of them.
        status, health = runner.get_json("/health")
        assert (status, health["status"]) == (200, "SERVING"), health
        status, profile = _call(runner, "UserService/GetProfile", token)
        assert status == 200 and profile["user"]["email"] == "newcomer@example.com", profile
        # A second runner on the same data dir would share (and later stop) the first one's services.
        second = run_command(python_m_functions("serve"), local_env(data_dir, PORT=str(free_port())), timeout=60)
        assert second.returncode == 2 and "is in use" in second.stderr, second.stderr
        # A browser frontend on the usual dev origin works with nothing configured.
        assert _preflight_status(runner, "http://localhost:3000") == 204
        assert _preflight_status(runner, "http://attacker.example:3000") == 403
        assert runner.stderr_so_far() == ""
        _assert_everything_stops(runner, signal.SIGTERM)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_runner_in_the_background_of_a_script_stops_everything_on(data_dir: Path, signum: int) -> None:
    """``make run &`` in a non-interactive shell: the job starts with SIGINT ignored."""
    with runner_process(data_dir, background_of_a_shell=True) as runner:
        _assert_everything_stops(runner, signum)


def test_dev_session_with_no_runner_up_stops_what_it_started_and_its_token_works_later(data_dir: Path) -> None:
    token = _dev_session(data_dir, "early@example.com")
    assert not any(str(data_dir) in " ".join(p.info["cmdline"] or []) for p in psutil.process_iter(["cmdline"]))
    with runner_process(data_dir) as runner:
        status, profile = _call(runner, "UserService/GetProfile", token)
        assert status == 200 and profile["user"]["email"] == "early@example.com", profile
        _assert_everything_stops(runner, signal.SIGTERM)


def test_make_migrate_needs_no_database_url(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `make -n` prints the recipe without running it (nor the install step); the recipe itself runs here.
    printed = subprocess.run(["make", "-n", "-s", "migrate"], cwd=ROOT, capture_output=True, text=True, check=True)
    [recipe] = [line for line in printed.stdout.splitlines() if "migrate" in line and "pip" not in line]
    migrated = run_command(["sh", "-c", recipe], local_env(data_dir))
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == "migrations applied (head)"
    assert not any(str(data_dir) in " ".join(p.info["cmdline"] or []) for p in psutil.process_iter(["cmdline"]))
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from common.db import Database
    from common.db.migrate import alembic_config
    from functions.local import embedded

    with ExitStack() as stack:
        url = embedded.start_postgres(data_dir, stack)
        owner = Database(url, pool_size=1)
        stack.callback(owner.dispose)
        with owner.engine.connect() as conn:
            version = conn.execute(text("select version_num from alembic_version")).scalar_one()
    monkeypatch.syspath_prepend(str(ROOT / "migrations"))  # revisions import schema_support, as env.py arranges
    assert version == ScriptDirectory.from_config(alembic_config(url)).get_current_head()
