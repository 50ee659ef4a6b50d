"""Analysis.factuality_at: event factuality on the FactBank/MEANTIME scale, with the analyser's
own certainty weights (kept through pickling)."""

from __future__ import annotations

import pickle

import veracity

TEXT = "The minister may resign. He did not attend the meeting. Prices rose."


def test_factuality_at_code_point_offsets() -> None:
    a = veracity.analyze(TEXT)
    at = lambda word: a.factuality_at(a.text.index(word))  # noqa: E731
    assert at("resign") == 0.75  # "may": possible
    assert at("attend") == -3.0  # negated, certain
    assert at("rose") == 3.0  # stated as fact
    assert a.factuality_at(len(a.text) + 10) is None


def test_offsets_are_code_points_not_bytes() -> None:
    a = veracity.analyze("Café owners may protest. «Prices rose», he said.")
    assert a.factuality_at(a.text.index("protest")) == 0.75


def test_custom_weights_survive_pickling() -> None:
    # Thresholds so low that "may" leaves the claim certain.
    az = veracity.Analyzer(config="[weights.certainty]\npossible = 0.1\nprobable = 0.2\ncertain = 0.3\n")
    a = az.analyze("The minister may resign.")
    assert a.factuality_at(a.text.index("resign")) == 3.0
    b = pickle.loads(pickle.dumps(a))
    assert b.factuality_at(b.text.index("resign")) == 3.0
