"""veracity.evaluate_checkworthiness and veracity.evaluate_commitment on the hand-written fixtures of
the command-line tests (crates/veracity-cli/tests/fixtures, expectations worked out there)."""

from __future__ import annotations

from pathlib import Path

import pytest

import veracity

FIXTURES = Path(__file__).resolve().parents[1] / "crates/veracity-cli/tests/fixtures"


def test_checkworthiness_on_both_formats() -> None:
    cw = FIXTURES / "checkworthiness"
    r = veracity.evaluate_checkworthiness(cw, cw / "claimbuster.json")
    assert r["task"] == "checkworthiness"
    # Two debates of 8 lines with one check-worthy line each, ranked first: MAP 1.
    assert (r["files"], r["lines"], r["positives"]) == (2, 8, 2)
    assert r["map"] == 1.0
    assert r["sentences"] == 4 and r["roc_auc"] == 1.0


def test_commitment_on_the_fixture() -> None:
    r = veracity.evaluate_commitment(FIXTURES / "commitment.jsonl")
    assert r["task"] == "commitment" and r["n"] == 3
    assert r["mae"] == pytest.approx(0.5)


def test_missing_data_is_an_error() -> None:
    with pytest.raises(veracity.VeracityError, match="failed"):
        veracity.evaluate_commitment(FIXTURES / "no-such-file.jsonl")
    with pytest.raises(veracity.VeracityError, match="give `clef`, `claimbuster` or both"):
        veracity.evaluate_checkworthiness()
