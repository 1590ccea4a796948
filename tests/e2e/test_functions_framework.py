"""The deployed path: functions-framework loads ``functions/main.py`` and serves
one target, exactly as a Knative Service runs the image."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from common.config import Settings
from common.gen.mirai.v1 import health_connect, health_pb2
from tests.conftest import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.smoke]
ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK = Path(sys.executable).parent / "functions-framework"


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "S3_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=settings.database_url or "",
        REDIS_URL=settings.redis_url or "",
        S3_ENDPOINT=settings.s3.endpoint or "",
        S3_ACCESS_KEY=settings.s3.access_key or "",
        S3_SECRET_KEY=settings.s3.secret_key or "",
        K_SERVICE="health-check",
    )
    env.update(extra)
    return env


def _wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise AssertionError(f"functions-framework exited early: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("functions-framework did not start")


@pytest.fixture(scope="module")
def health_target(settings: Settings, container: object) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [str(FRAMEWORK), "--source", "functions/main.py", "--target", "health_check", "--port", str(port)],
        cwd=ROOT,
        env=_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_deployed_target_answers_its_rpc(health_target: str) -> None:
    with health_connect.HealthServiceClientSync(health_target) as client:
        assert client.check(health_pb2.CheckRequest()).status == health_pb2.SERVING_STATUS_SERVING


def test_deployed_target_answers_only_its_own_path(health_target: str) -> None:
    request = urllib.request.Request(f"{health_target}/mirai.v1.CourseService/GetCourse", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    assert caught.value.code == 404


def test_missing_database_url_stops_start_up_with_one_line(settings: Settings) -> None:
    env = _env(settings)
    del env["DATABASE_URL"]
    result = subprocess.run(
        [str(FRAMEWORK), "--source", "functions/main.py", "--target", "health_check", "--port", str(free_port())],
        cwd=ROOT, env=env, capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        "configuration error: DATABASE_URL is required (e.g. postgresql://mirai_app@127.0.0.1:5432/mirai)"
    ]
