"""Hedging details on Python claims, with hand-written expectations."""

from __future__ import annotations

import veracity


def first(text: str) -> veracity.Claim:
    return veracity.analyze(text).claims[0]


def test_deciding_cue_and_grades() -> None:
    c = first("The company reportedly lost money.")
    assert c.deciding_cue is not None
    assert (c.deciding_cue.cue, c.deciding_cue.category) == ("reportedly", "reporting_hedge")
    # One reporting hedge (weight 0.45) leaves 0.55: "possible", factuality 0.75.
    assert abs(c.certainty - 0.55) < 1e-9
    assert c.certainty_level == "possible"
    assert c.factuality == 0.75
    assert first("Prices rose.").deciding_cue is None


def test_negated_assertion_flips_factuality() -> None:
    c = first("The talks did not fail.")
    assert c.negated and not c.is_hedged
    assert c.factuality == -3.0


def test_speaker_versus_author_certainty() -> None:
    c = first("“We may lose,” the coach said.")
    assert c.certainty < 1.0
    assert c.author_certainty == 1.0


def test_weasel_versus_attributed_hedge() -> None:
    weasel = first("Some say the bridge may be unsafe.")
    assert weasel.is_weasel and not weasel.is_attributed_hedge
    named = first("Jane Smith, the city engineer, said the bridge may be unsafe.")
    assert named.is_attributed_hedge and not named.is_weasel


def test_attributive_hedge_counts_half() -> None:
    # "alleged" inside a noun phrase hedges the phrase: 0.45 x 0.5 leaves 0.775 ("probable").
    c = first("Maduro exchanged alleged front man Alex Saab for ten American citizens.")
    (h,) = c.hedges
    assert (h.cue, h.attributive) == ("alleged", True)
    assert abs(c.certainty - 0.775) < 1e-9
    assert c.certainty_level == "probable"
    # As a verb it hedges the whole claim.
    c = first("Prosecutors alleged Smith took bribes.")
    assert not c.hedges[0].attributive
    assert abs(c.certainty - 0.55) < 1e-9
    # The hedges table and the config say so too.
    assert veracity.analyze("The timing of the alleged offer raises questions.").table("hedges")["attributive"] == [True]
    assert veracity.Analyzer().config["weights"]["certainty"]["attributive_hedge_factor"] == 0.5
    assert veracity.Analyzer(profile="conll2010").config["weights"]["certainty"]["attributive_hedge_factor"] == 1.0
