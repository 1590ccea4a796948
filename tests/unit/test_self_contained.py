"""The repository stands on its own: no build, run or test step reads outside it.

A user's clone has only the repository, so a reference to the project's sibling
``shared`` folder (or any path above the repository root) works on the developers' machines and
breaks everywhere else. Data written by others that tests need is copied into
``tests/conformance/`` with its provenance."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Text that names the sibling folder or climbs out of the repository by a relative path.
OUTSIDE = re.compile(r"""\.\./shared\b|["']shared["']\s*/|/\s*["']shared["']""")
CHECKED_SUFFIXES = {".py", ".sh", ".toml", ".ini", ".cfg", ".yaml", ".yml", ".txt"}
CHECKED_NAMES = {"Makefile", "Dockerfile", "run"}


def _tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    this = Path(__file__).relative_to(ROOT).as_posix()
    return [ROOT / name for name in listed if not name.startswith("tests/conformance/") and name != this]


def _checked(path: Path) -> bool:
    return path.suffix in CHECKED_SUFFIXES or path.name in CHECKED_NAMES


def _climbs_above_root(source: str, *, depth: int) -> list[int]:
    """Lines where ``Path(__file__)…parents[k]`` (or ``.parent`` chains) leave the repository,
    for a file ``depth`` path parts below the root (``parents[depth - 1]`` is the root itself)."""
    tree = ast.parse(source)
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "parents"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
            and "__file__" in ast.unparse(node.value)
            and node.slice.value > depth - 1
        ):
            lines.append(node.lineno)
        if isinstance(node, ast.Attribute) and node.attr == "parent" and "__file__" in ast.unparse(node):
            chain = ast.unparse(node).count(".parent")
            if chain > depth and ".parents" not in ast.unparse(node):
                lines.append(node.lineno)
    return lines


def test_no_file_refers_to_the_shared_folder_or_above_the_root() -> None:
    offenders = []
    for path in _tracked_files():
        if not path.is_file() or not _checked(path):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
        if path.suffix == ".py":
            relative = path.relative_to(ROOT)
            climbs = _climbs_above_root(path.read_text(encoding="utf-8"), depth=len(relative.parts))
            offenders += [f"{relative}:{n}: climbs above the repository root" for n in climbs]
    assert offenders == [], "\n".join(offenders)


def test_the_check_catches_what_it_is_for() -> None:
    sibling = "shared"  # spelled apart, so this file holds no reference of its own
    assert OUTSIDE.search(f'CONFORMANCE = REPO.parent / "{sibling}" / "conformance"')
    assert OUTSIDE.search(f"see ../{sibling}/DESIGN.md")
    assert not OUTSIDE.search('CONFORMANCE = REPO / "tests" / "conformance"')
    # As if in tests/unit/x.py (3 parts): parents[2] is the root, parents[3] its parent.
    source = "from pathlib import Path\nA = Path(__file__).resolve().parents[3]\nB = Path(__file__).resolve().parents[2]\n"
    assert _climbs_above_root(source, depth=3) == [2]
    assert _climbs_above_root("from pathlib import Path\nC = Path(__file__).parent.parent.parent.parent\n", depth=3) == [2]


def test_conformance_data_says_where_it_came_from() -> None:
    sources = (ROOT / "tests" / "conformance" / "SOURCES.md").read_text(encoding="utf-8")
    for folder in sorted(p for p in (ROOT / "tests" / "conformance").iterdir() if p.is_dir()):
        assert f"## {folder.name}/" in sources, f"SOURCES.md has no section for {folder.name}/"
