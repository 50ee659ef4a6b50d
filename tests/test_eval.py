"""veracity.evaluate_checkworthiness, evaluate_commitment and evaluate_quotes on the hand-written fixtures of
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


def test_quotes_on_the_fixture() -> None:
    path = FIXTURES / "quotes" / "quotes.jsonl"
    # Three gold quotes, all found with their speakers; "Tom Lee believes ..." is an attribution
    # but not speech, so it is a fourth prediction only with predicted="all".
    r = veracity.evaluate_quotes(path)
    assert (r["task"], r["gold"], r["predicted"], r["matched"], r["speaker_right"]) == ("quotes", 3, 3, 3, 3)
    r = veracity.evaluate_quotes(path, predicted="all")
    assert r["predicted"] == 4 and r["precision"] == pytest.approx(0.75)
    with pytest.raises(veracity.VeracityError, match="exactly one"):
        veracity.evaluate_quotes()
    with pytest.raises(veracity.VeracityError, match="failed"):
        veracity.evaluate_quotes(FIXTURES / "quotes" / "bad_offsets.jsonl")


def test_missing_data_is_an_error() -> None:
    with pytest.raises(veracity.VeracityError, match="failed"):
        veracity.evaluate_commitment(FIXTURES / "no-such-file.jsonl")
    with pytest.raises(veracity.VeracityError, match="give `clef`, `claimbuster` or both"):
        veracity.evaluate_checkworthiness()
