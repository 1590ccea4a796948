"""Regenerate ``common/gen`` from ``proto/`` (``make proto``), or check it is current (``--check``).

protoc writes cross-file imports as ``from mirai.v1 import x_pb2``; our generated
code lives under ``common.gen``, so those imports are rewritten to absolute
package imports. Nothing else is touched.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO = ROOT / "proto"
OUT = ROOT / "common" / "gen"
_IMPORT = re.compile(r"^from mirai\.v1 import ", re.MULTILINE)


def generate(dest: Path) -> None:
    plugin = Path(sys.executable).parent / "protoc-gen-connectrpc"
    files = sorted(str(p.relative_to(PROTO)) for p in (PROTO / "mirai" / "v1").glob("*.proto"))
    cmd = [
        sys.executable, "-m", "grpc_tools.protoc", f"-I{PROTO}",
        f"--python_out={dest}", f"--pyi_out={dest}",
        f"--plugin=protoc-gen-connectrpc={plugin}",
        f"--connectrpc_out={dest}", "--connectrpc_opt=protobuf=google,io=sync",
        *files,
    ]
    subprocess.run(cmd, check=True)
    for path in dest.rglob("*.py*"):
        text = path.read_text()
        fixed = _IMPORT.sub("from common.gen.mirai.v1 import ", text)
        if fixed != text:
            path.write_text(fixed)
    for pkg in (dest, dest / "mirai", dest / "mirai" / "v1"):
        (pkg / "__init__.py").write_text('"""Generated from proto/ by scripts/gen_proto.py. Do not edit."""\n')


def _differences(a: Path, b: Path) -> list[str]:
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    diff = sorted(str(n) for n in names_a ^ names_b)
    diff += sorted(str(n) for n in names_a & names_b if not filecmp.cmp(a / n, b / n, shallow=False))
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if common/gen differs from a fresh generation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "gen"
        fresh.mkdir()
        generate(fresh)
        if args.check:
            stale = _differences(fresh, OUT)
            if stale:
                print("common/gen is stale; run `make proto`. Differs: " + ", ".join(stale[:10]))
                return 1
            return 0
        if OUT.exists():
            shutil.rmtree(OUT)
        shutil.copytree(fresh, OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
