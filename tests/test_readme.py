"""The README's Python quick start runs as written (from the repository root)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytest.importorskip("pandas")  # the snippet uses pandas and tqdm (both in the test extra)
pytest.importorskip("tqdm")


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_readme_python_quick_start(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) == 1, "the README has one Python quick start"
    monkeypatch.chdir(REPO)
    exec(compile(blocks[0], "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "Corroboration(groups=" in out and "hedge_rate" in out
    # It prints what it says it prints. The ranking: three claims, most check-worthy first.
    ranked = [line for line in out.splitlines() if line.startswith("check-worthiness ")]
    assert len(ranked) == 3, out
    values = [float(line.split()[1]) for line in ranked]
    assert values == sorted(values, reverse=True) and all(0.0 <= v <= 1.0 for v in values), ranked
    assert all(re.fullmatch(r"[A-F][1-6]", line.split()[3]) for line in ranked), ranked
    # The articles table: one row per seed, named by its file's stem (never NaN).
    stems = sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))
    assert len(stems) == 5
    for stem in stems:
        assert stem in out, stem
    assert "NaN" not in out and "None" not in out.split("Corroboration(")[0]


def test_readme_install_commands_are_the_checked_ones() -> None:
    """The install commands the README gives are the ones .ci/install-check.sh runs."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    script = (REPO / ".ci" / "install-check.sh").read_text(encoding="utf-8")
    for command in ('pip install "maturin>=1.9.4,<2"', "maturin build --release", "cargo install --path crates/veracity-cli"):
        assert command in readme, command
        assert command in script, command
    # The two development commands stay as they are.
    assert "./dev.sh run            # score the seed articles in seeds/ and print the report" in readme
    assert "./dev.sh test           # every test: cargo tests of the workspace, then pytest on the fresh build" in readme
