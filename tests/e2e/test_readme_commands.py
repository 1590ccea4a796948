"""The README's own commands, run against ``make run``: every shell block marked
``<!-- runnable -->`` is taken from README.md as written and run in a shell from the
repository's root, and its output must contain the JSON of the ``<!-- output -->``
block under it. A README whose commands break fails here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from common.config import Settings
from tests.support.runner_process import ROOT, RunnerProcess, local_env, runner_process

pytestmark = pytest.mark.e2e

README = ROOT / "README.md"
README_URL = "http://127.0.0.1:8080"  # where the README says `make run` listens
_BLOCK = re.compile(
    r"<!-- runnable -->\n```sh\n(?P<script>.*?)```\n(?:\n<!-- output -->\n```json\n(?P<output>.*?)```)?", re.S
)


@dataclass(frozen=True)
class RunnableBlock:
    script: str
    output: str | None

    @property
    def first_line(self) -> str:
        return self.script.splitlines()[0]


def runnable_blocks(text: str) -> list[RunnableBlock]:
    return [RunnableBlock(m["script"], m["output"]) for m in _BLOCK.finditer(text)]


BLOCKS = runnable_blocks(README.read_text())


def contains(actual: Any, expected: Any) -> bool:
    """Every key of ``expected`` is in ``actual`` with a value that contains its value."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    return bool(actual == expected)


def test_the_readme_marks_its_commands_runnable_with_their_output() -> None:
    assert len(BLOCKS) == README.read_text().count("<!-- runnable -->") >= 3
    assert all(block.output is not None and README_URL in block.script for block in BLOCKS)
    assert any(block.script.startswith("TOKEN=$(") for block in BLOCKS), "the README sets TOKEN before using it"


@pytest.fixture(scope="module")
def readme_runner(settings: Settings) -> Iterator[tuple[RunnerProcess, dict[str, str]]]:
    """`make run`'s command with the test run's PostgreSQL and Redis (its own database),
    an embedded S3 endpoint and a data dir of its own."""
    folder = Path(tempfile.mkdtemp(prefix="mirai-readme-"))
    data_dir = folder / "data"
    assert settings.database_url and settings.migration_database_url and settings.redis_url
    env = local_env(
        data_dir, DATABASE_URL=settings.database_url, DATABASE_MIGRATION_URL=settings.migration_database_url,
        MIRAI_APP_DB_PASSWORD=settings.app_db_password or "", REDIS_URL=settings.redis_url,
    )
    try:
        with runner_process(data_dir, env=env) as runner:
            yield runner, env
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("block", BLOCKS, ids=[block.first_line for block in BLOCKS])
def test_a_readme_command_does_what_the_readme_says(
    block: RunnableBlock, readme_runner: tuple[RunnerProcess, dict[str, str]]
) -> None:
    runner, env = readme_runner
    script = block.script.replace(README_URL, runner.url)
    done = subprocess.run(["sh", "-eu", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert block.output is not None
    printed, expected = json.loads(done.stdout), json.loads(block.output)
    assert contains(printed, expected), printed
