"""Cold start: importing the AI pieces must not import the heavy libraries they use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("google.genai", "httpx2", "cryptography", "jsonschema")


def test_importing_the_ai_adapter_crypto_and_generation_modules_loads_no_heavy_sdk() -> None:
    code = (
        "import sys\n"
        "import functions.bootstrap, common.adapters.gemini, common.adapters.crypto\n"
        "import functions.ai_generation.ai_requests\n"
        f"print(','.join(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
