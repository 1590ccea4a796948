"""Cold start: importing one RPC target against importing the whole bundle.

Each measurement is a fresh interpreter (that is what a cold start is), so the
interpreter's own start-up is inside both numbers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.bench.harness import Row, median_seconds

ROOT = Path(__file__).resolve().parents[2]

ONE_TARGET = "import functions.main as m; m.health_check"
WHOLE_BUNDLE = """
import importlib
from functions import registry
from functions.bootstrap import container
from functions.entrypoints import build_function
for target in registry.all_targets():
    build_function(target, container())
"""


def _run(code: str) -> None:
    # Every target's required settings, pointing nowhere: building a target connects to nothing.
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": "postgresql://bench@127.0.0.1:1/bench",
        "STRIPE_WEBHOOK_SECRET": "whsec_bench",
        "MINIO_WEBHOOK_AUTH_TOKEN": "bench",
        "ENCRYPTION_KEY": "00" * 32,
        "K_SINK": "http://127.0.0.1:1/",
    }
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def rows() -> list[Row]:
    one = median_seconds(lambda: _run(ONE_TARGET), runs=5)
    whole = median_seconds(lambda: _run(WHOLE_BUNDLE), runs=5)
    return [Row("import one RPC target (health_check)", one, "import the whole bundle", whole)]
