"""Hand-written expectations on the seed articles (read from the texts, not copied from output)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import veracity

Seed = Callable[[str], veracity.Analysis]


def claim(a: veracity.Analysis, needle: str) -> veracity.Claim:
    c = a.find_claim(needle)
    assert c is not None, f"no claim containing {needle!r}"
    assert needle in c.text
    return c


def test_bloomberg_chain_is_outlet_then_anonymous(seed: Seed) -> None:
    c = claim(seed("000"), "Three sources close to the Russian government told Bloomberg News")
    attribution = c.attribution
    assert attribution is not None
    assert [s.name for s in attribution.sources] == ["Bloomberg News", "Three sources close to the Russian government"]
    assert [s.kind for s in attribution.sources] == ["news_outlet", "anonymous"]
    assert attribution.anonymous is True
    assert attribution.cue == "told"
    original = attribution.original_source
    assert original is not None and original.name == "Three sources close to the Russian government"
    assert original.is_unnamed


def test_allegedly_is_a_reporting_hedge(seed: Seed) -> None:
    c = claim(seed("002"), "he allegedly requested")
    hedges = [(h.cue, h.category) for h in c.hedges]
    assert ("allegedly", "reporting_hedge") in hedges
    assert c.is_hedged
    assert c.certainty < 1.0


def test_rubio_confirmed(seed: Seed) -> None:
    c = claim(seed("004"), "Rubio confirmed their arrival")
    assert c.attribution is not None
    names = [s.name for s in c.attribution.sources]
    assert names[-1] in ("Marco Rubio", "Rubio")
    assert c.attribution.sources[-1].kind == "named_person"


def test_plain_statement_has_no_hedge_and_no_attribution(seed: Seed) -> None:
    c = claim(seed("000"), "Gallo is part of a Border Patrol squad")
    assert c.hedges == []
    assert c.attribution is None
    assert not c.is_hedged
    assert c.certainty == 1.0
    assert c.certainty_level == "certain"
    assert c.kind == "statement"


def test_headline_and_extracted_metadata(seed: Seed) -> None:
    a = seed("000")
    assert a.id == "000_963e1f8edc67a8f6"
    assert a.path is not None and a.path.endswith("000_963e1f8edc67a8f6.txt")
    # First line of the file, and the "© 2024 Latin Times." footer.
    assert a.title == "Nicolas Maduro"
    assert a.outlet == "Latin Times"
    assert a.provenance["title"] == "extracted"
    assert a.provenance["outlet"] == "extracted"
    assert a.published is None
    first = a.claims[0]
    assert first.headline and first.text == "Nicolas Maduro"
    # The copyright footer is page furniture, not a claim.
    assert not any("All rights reserved" in c.text for c in a.claims)
    assert any(p.kind == "boilerplate" for p in a.paragraphs)


def test_scores_are_in_unit_interval(seed_analyses: dict[str, veracity.Analysis]) -> None:
    for a in seed_analyses.values():
        assert a.claims
        for c in a.claims:
            for value in (c.score, c.checkworthiness, c.certainty, c.explanation.value):
                assert 0.0 <= value <= 1.0, (c, value)
            assert c.explanation.value == c.score
            assert c.checkworthiness_explanation.value == c.checkworthiness
            raw = c.explanation.base + sum(x.contribution for x in c.explanation.contributions)
            assert abs(raw - c.explanation.raw) < 1e-9
        for s in a.sources:
            assert 0.0 <= s.reliability <= 1.0
        assert a.sources[0].kind == "author"


def test_claims_are_indexed_in_text_order(seed_analyses: dict[str, veracity.Analysis]) -> None:
    for a in seed_analyses.values():
        assert [c.index for c in a.claims] == list(range(len(a.claims)))
        starts = [c.start for c in a.claims]
        assert starts == sorted(starts)
        sentences = a.sentences
        for c in a.claims:
            # A claim is its sentence, or one of the clauses a sentence splits into.
            s = sentences[c.sentence]
            assert s.start <= c.start and c.end <= s.end
            assert c.text in s.text
        ranked = a.ranked_claims()
        assert sorted(c.index for c in ranked) == [c.index for c in a.claims]
        cw = [c.checkworthiness for c in ranked]
        assert cw == sorted(cw, reverse=True)


def test_given_metadata_wins(seed_paths: list[Path]) -> None:
    a = veracity.analyze_file(
        seed_paths[0], title="Given title", outlet="Example Times", published=datetime.date(2024, 12, 10), id="x1"
    )
    assert (a.title, a.outlet, a.id) == ("Given title", "Example Times", "x1")
    assert a.published == datetime.date(2024, 12, 10)
    assert a.provenance == {"title": "given", "outlet": "given", "published": "given"}
