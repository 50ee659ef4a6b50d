"""The wheel's command line: the ``veracity`` console script, ``python -m veracity`` and
``veracity.run_cli``, all running the Rust command (``veracity_cli::run``); and the install hints."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import veracity
import veracity._table

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "crates" / "veracity-cli" / "tests" / "fixtures" / "corpus" / "pair.jsonl"


def script() -> Path:
    """The console script installed next to this interpreter."""
    return Path(sys.executable).parent / "veracity"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.mark.parametrize("launcher", ["script", "module"])
def test_the_command_runs_from_any_directory(launcher: str, tmp_path: Path) -> None:
    cmd = [str(script())] if launcher == "script" else [sys.executable, "-m", "veracity"]
    if launcher == "script" and not script().exists():
        pytest.fail(f"the console script is not installed at {script()}")
    r = run([*cmd, "--version"], tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"veracity {veracity.__version__}", r
    # A two-record corpus is two articles, written as JSON lines.
    r = run([*cmd, "analyze", str(CORPUS), "--format", "jsonl"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["p1", "p2"]
    # Exit statuses: a usage error is 2, a missing input 1.
    assert run([*cmd, "analyze", str(CORPUS), "--format", "nonsense"], tmp_path).returncode == 2
    r = run([*cmd, "analyze", str(tmp_path / "missing.txt")], tmp_path)
    assert r.returncode == 1 and "missing.txt" in r.stderr


def test_run_cli_in_process(tmp_path: Path) -> None:
    out = tmp_path / "groups.json"
    assert veracity.run_cli(["corroborate", str(CORPUS), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(a).name for a in doc["articles"]] == ["pair.jsonl:1", "pair.jsonl:2"]
    assert len(doc["groups"]) == 1 and doc["groups"][0]["value"] == "affirmed 18"
    assert veracity.run_cli(["analyze", "--no-such-flag"]) == 2
    assert veracity.run_cli(["corroborate", str(REPO / "seeds" / "000_963e1f8edc67a8f6.txt")]) == 1


def test_missing_package_hints_name_what_pip_can_install() -> None:
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for package, extra in [("pandas", "pandas"), ("polars", "polars"), ("pyarrow", "arrow")]:
        message = str(veracity._table._missing(package, extra, "Table.to_x()"))
        requirement = next(r for r in extras[extra] if r.startswith(package))
        assert f'pip install "{requirement}"' in message, message
        assert f"[{extra}] extra" in message and "veracity[" not in message, message
