"""The ``>>>`` examples in docstrings (Rust doc comments included) and in docs/python.md run."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import veracity
import veracity._frames
import veracity._native
import veracity._table

DOCS = Path(__file__).resolve().parent.parent / "docs" / "python.md"


def docstring_owners() -> list[object]:
    owners: list[object] = [veracity, veracity._native, veracity._table, veracity._frames]
    native = [(veracity._native, n) for n in veracity._native.__all__]
    python = [(veracity._table, "Table"), (veracity._frames, "analyze_frame")]
    for module, name in native + python:
        obj = getattr(module, name)
        owners.append(obj)
        if isinstance(obj, type):
            owners.extend(v for k, v in vars(obj).items() if not k.startswith("__") and getattr(v, "__doc__", None))
    return owners


def test_docstring_examples() -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    examples = 0
    for owner in docstring_owners():
        name = getattr(owner, "__qualname__", getattr(owner, "__name__", repr(owner)))
        for test in finder.find(owner, name, globs={"veracity": veracity}):
            examples += len(test.examples)
            runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) failed (see output above)"
    assert examples >= 8


@pytest.mark.skipif(not DOCS.exists(), reason="docs/python.md missing")
def test_python_md_examples(seeds_dir: Path) -> None:
    result = doctest.testfile(
        str(DOCS),
        module_relative=False,
        globs={"veracity": veracity, "SEEDS": seeds_dir},
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0
    assert result.attempted >= 10
