"""The stub matches the compiled module (stubtest) and pins the public types (mypy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

pytest.importorskip("mypy", reason="mypy is in the test extra")


def run(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp / "mypy_cache"), "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy")


def test_stubtest(cache: Path) -> None:
    # No allowlist: the stub must match the runtime exactly.
    r = run(["mypy.stubtest", "veracity._native"], cache)
    assert r.returncode == 0, r.stdout + r.stderr


def test_typing_check_passes_mypy(cache: Path) -> None:
    r = run(["mypy", "--strict", "--no-incremental", str(HERE / "typing_check.py")], cache)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_catches_misuse(cache: Path) -> None:
    bad = cache / "bad_usage.py"
    bad.write_text(
        "import veracity\n"
        "a = veracity.analyze('x')\n"
        "a.claims[0].score.upper()\n"
        "veracity.analyze(b'x', published=20240101)\n",
        encoding="utf-8",
    )
    r = run(["mypy", "--strict", str(bad)], cache)
    assert r.returncode == 1
    assert '"float" has no attribute "upper"' in r.stdout
    assert 'incompatible type "int"' in r.stdout
