"""The demo notebooks are committed without outputs and linked from the docs.

They are *executed* by nbmake in the same pytest run (``notebooks/`` is a test path and
``--nbmake`` is in the pytest options in pyproject.toml); their cells assert.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_quickstart_exists_and_is_linked() -> None:
    assert REPO / "notebooks" / "quickstart.ipynb" in NOTEBOOKS
    assert "notebooks/quickstart.ipynb" in (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    assert "notebooks/quickstart.ipynb" in (REPO / "README.md").read_text(encoding="utf-8")


def test_notebooks_have_no_outputs_and_assert() -> None:
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        for i, cell in enumerate(code):
            assert cell.get("outputs") == [], f"{path.name} cell {i} has outputs: clear them before committing"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"
        asserting = sum("assert " in "".join(c["source"]) for c in code)
        assert asserting >= len(code) - 2, f"{path.name}: cells should check what they show"
