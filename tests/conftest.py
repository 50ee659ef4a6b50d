"""Shared fixtures: the seed articles of the repository (``seeds/*.txt``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

# Plots are drawn headless (tests/test_plot.py, the docs' examples); set before matplotlib loads.
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

import veracity

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = REPO / "seeds"
    assert d.is_dir(), f"seed directory not found: {d}"
    return d


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert paths, "no seeds/*.txt"
    return paths


@pytest.fixture(scope="session")
def seed_analyses(seed_paths: list[Path]) -> dict[str, veracity.Analysis]:
    """Every seed, analysed once with the default analyzer, keyed by its 3-digit prefix."""
    return {p.name[:3]: veracity.analyze_file(p) for p in seed_paths}


@pytest.fixture(scope="session")
def seed(seed_analyses: dict[str, veracity.Analysis]) -> Callable[[str], veracity.Analysis]:
    """``seed("000")`` is the analysis of ``seeds/000_*.txt``."""

    def get(prefix: str) -> veracity.Analysis:
        return seed_analyses[prefix]

    return get


@pytest.fixture(scope="session")
def seed_texts(seed_paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths]
