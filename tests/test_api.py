"""The Python surface: functions, metadata, properties, reprs, Analyzer options."""

from __future__ import annotations

import datetime
import pickle
import re
from pathlib import Path

import pytest

import veracity
import veracity._native

SAMPLE = (
    "Three sources close to the Russian government told Bloomberg News that the convoy had left. "
    "The minister allegedly requested asylum."
)


def test_version_and_exports() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", veracity.__version__)
    assert veracity.__version__ == veracity._native.__version__
    for name in veracity.__all__:
        assert hasattr(veracity, name), name
    # Everything native is re-exported (but `_fit` and `_evaluate_reliability`, which `fit` and
    # `evaluate_reliability` wrap); the rest is pure
    # Python (frames, tables and the fitting front end).
    assert set(veracity.__all__) - set(veracity._native.__all__) == {
        "Table",
        "analyze_frame",
        "fit",
        "evaluate_reliability",
        "evaluate_checkworthiness",
        "evaluate_commitment",
        "evaluate_quotes",
    }
    assert set(veracity._native.__all__) - set(veracity.__all__) == {"_fit", "_evaluate_reliability"}
    assert "reporting_hedge" in veracity.HEDGE_CATEGORIES and len(veracity.HEDGE_CATEGORIES) == 8
    assert "news_outlet" in veracity.SOURCE_KINDS and "anonymous" in veracity.SOURCE_KINDS
    assert veracity.CUE_KINDS == ("verb", "verb_recipient", "preposition")
    assert veracity.CUE_TYPES == ("speech", "writing", "belief", "stance", "perception", "reported")


def test_module_of_every_class() -> None:
    for name in ("Analysis", "Analyzer", "Claim", "Hedge", "Attribution", "Source", "SourceSummary",
                 "Explanation", "Contribution", "Sentence", "Paragraph", "Quote"):  # fmt: skip
        cls = getattr(veracity, name)
        assert cls.__module__ == "veracity._native", name
        assert cls.__doc__, name


def test_sample() -> None:
    a = veracity.analyze(SAMPLE)
    first, second = a.claims
    assert first.attribution is not None
    assert [s.name for s in first.attribution.sources] == ["Bloomberg News", "Three sources close to the Russian government"]
    assert [h.cue for h in second.hedges] == ["allegedly"]
    assert second.hedges[0].category == "reporting_hedge"
    assert 0.0 <= second.score <= 1.0


def test_metadata_keywords() -> None:
    a = veracity.analyze(
        SAMPLE,
        title="Convoy",
        outlet="Example Times",
        authors="Jane Roe",
        published="2024-12-08T10:00:00Z",
        url="https://example.com/convoy",
        id="convoy-1",
    )
    assert (a.title, a.outlet, a.authors, a.url, a.id) == (
        "Convoy", "Example Times", ["Jane Roe"], "https://example.com/convoy", "convoy-1",
    )  # fmt: skip
    assert a.published == datetime.date(2024, 12, 8)
    assert type(a.published) is datetime.date
    assert a.provenance == dict.fromkeys(["title", "outlet", "authors", "published", "url"], "given")
    assert a.path is None
    # The outlet speaks for unattributed claims.
    assert a.sources[0].kind == "author" and a.sources[0].name == "Example Times"


@pytest.mark.parametrize(
    "published",
    [datetime.date(2023, 5, 6), datetime.datetime(2023, 5, 6, 23, 59), "2023-05-06", "2023-05-06T01:02:03+02:00"],
)
def test_published_forms(published: object) -> None:
    a = veracity.analyze("The minister said so.", published=published)  # type: ignore[arg-type]
    assert a.published == datetime.date(2023, 5, 6)


def test_authors_iterable() -> None:
    a = veracity.analyze("The minister said so.", authors=("Ann Lee", "Bo Chu"))
    assert a.authors == ["Ann Lee", "Bo Chu"]
    assert veracity.analyze("The minister said so.").authors is None


def test_analyze_file(seed_paths: list[Path]) -> None:
    a = veracity.analyze_file(seed_paths[1])
    assert a.text == seed_paths[1].read_text(encoding="utf-8")
    assert a.id == seed_paths[1].stem
    b = veracity.analyze_file(str(seed_paths[1]))
    assert a == b


def test_properties_are_read_only() -> None:
    a = veracity.analyze(SAMPLE)
    c = a.claims[0]
    with pytest.raises(AttributeError):
        c.score = 1.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        veracity.Claim()  # no public constructor: results come from analyses or from_json


def test_reprs() -> None:
    a = veracity.analyze(SAMPLE, id="s1")
    c = a.claims[1]
    assert repr(c) == (
        f"Claim(index=1, text='The minister allegedly requested asylum.', score={c.score:.3f}, grade='{c.grade}')"
    )
    i = SAMPLE.index("allegedly")
    assert repr(c.hedges[0]) == f"Hedge(cue='allegedly', category='reporting_hedge', start={i}, end={i + 9})"
    att = a.claims[0].attribution
    assert att is not None
    assert repr(att).startswith("Attribution(cue='told', sources=['Bloomberg News', ")
    assert repr(att.sources[0]) == "Source(name='Bloomberg News', kind='news_outlet')"
    assert repr(a).startswith("Analysis(id='s1', title=")
    assert repr(veracity.Analyzer()).startswith("Analyzer(hedge_phrases=")
    long = a.claims[0]
    assert "..." in repr(long) and len(repr(long)) < 130
    for obj in (a.sentences[0], a.paragraphs[0], a.sources[0], c.explanation, c.explanation.contributions[0]):
        assert repr(obj).startswith(type(obj).__name__ + "(")


def test_claim_details() -> None:
    a = veracity.analyze(SAMPLE)
    c = a.claims[1]
    assert c.kind == "statement"
    assert c.certainty_level in ("certain", "probable", "possible", "underspecified")
    assert c.span == (c.start, c.end)
    assert set(c.features) == {"numbers", "dates", "entities", "comparatives", "causal"}
    e = c.explanation
    hedging = e.get("hedging")
    assert hedging is not None and hedging.contribution < 0 and "allegedly" in hedging.detail
    assert e.get("no such signal") is None
    assert "= score" in str(e)
    assert a.find_claim("no such text anywhere") is None


def test_sources_and_summaries() -> None:
    a = veracity.analyze(SAMPLE)
    by_name = {s.name: s for s in a.sources}
    assert by_name["Bloomberg News"].kind == "news_outlet"
    anonymous = by_name["Three sources close to the Russian government"]
    assert anonymous.kind == "anonymous"
    assert anonymous.claims == [0]
    assert anonymous.mentions == ["Three sources close to the Russian government"]
    assert 0.0 <= anonymous.reliability <= 1.0
    assert anonymous.explanation.value == anonymous.reliability


def test_custom_hedges_and_cues() -> None:
    text = "The deal will per the tea leaves collapse. Analysts squawked that prices rose."
    plain = veracity.analyze(text)
    assert "per the tea leaves" not in [h.cue for h in plain.hedges]
    an = veracity.Analyzer(
        hedges=[("per the tea leaves", "speculation", 0.4)],
        cues=[("squawked", "verb")],
    )
    a = an.analyze(text)
    h = a.claims[0].hedges[0]
    assert (h.cue, h.category, h.weight) == ("per the tea leaves", "speculation", 0.4)
    assert a.claims[1].attribution is not None
    assert a.claims[1].attribution.cue == "squawked"
    assert a.claims[0].certainty < plain.claims[0].certainty == 1.0
    assert a.claims[0].score < plain.claims[0].score


def test_remove_hedges_and_cues() -> None:
    text = "He allegedly left, officials said."
    an = veracity.Analyzer(remove_hedges=["allegedly"], remove_cues=["said"])
    a = an.analyze(text)
    assert a.hedges == []
    assert a.attributions == []
    assert veracity.analyze(text).hedges


def test_config_sources(tmp_path: Path) -> None:
    f = tmp_path / "extra.toml"
    f.write_text(
        '[hedge_groups.extra]\ncategory = "weasel"\nweight = 0.6\nphrases = ["grapevine has it"]\n',
        encoding="utf-8",
    )
    an = veracity.Analyzer("[weights.credibility]\nhedging = 0.5\n", config_file=f)
    cfg = an.config
    assert cfg["weights"]["credibility"]["hedging"] == 0.5
    assert cfg["hedge_groups"]["extra"]["phrases"] == ["grapevine has it"]
    a = an.analyze("Grapevine has it that the mayor quit.")
    assert [h.category for h in a.hedges] == ["weasel"]
    assert "[hedge_groups.extra]" in an.to_toml()


def test_repr_html_escapes() -> None:
    a = veracity.analyze("<b>Officials</b> said the café may close & reopen.")
    html = a._repr_html_()
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "&amp; reopen" in html
    assert '<mark class="hedge"' in html and ">may</mark>" in html
    assert "café" in html


def test_profiles_and_lexicons() -> None:
    assert veracity.PROFILES == ("conll2010",)
    text = "Some experts believe the plan is widely regarded as a success."
    default = veracity.Analyzer()
    conll = veracity.Analyzer(profile="conll2010")
    assert conll != default
    assert veracity.Analyzer(profile=["conll2010"]) == conll
    assert pickle.loads(pickle.dumps(conll)) == conll
    assert conll.analyze(text).to_json() != default.analyze(text).to_json() or conll.config != default.config
    bare = veracity.Analyzer(lexicons=False)
    assert bare.analyze("He allegedly said it may rain.").hedges == []
    assert bare.analyze("He allegedly said it may rain.").attributions == []
    assert pickle.loads(pickle.dumps(bare)) == bare
    own = veracity.Analyzer(lexicons=False, hedges=[("may", "epistemic_modal", 0.5)])
    assert [h.cue for h in own.analyze("He allegedly said it may rain.").hedges] == ["may"]
    with pytest.raises(veracity.OptionError, match="conll2010"):
        veracity.Analyzer(profile="wikipedia")
    with pytest.raises(TypeError):
        veracity.Analyzer(profile=3)  # type: ignore[arg-type]


def test_unsourced_attributions() -> None:
    analyzer = veracity.Analyzer()
    text = "Café owners’ objections seemed to carry little weight. The mayor said the plan was fine."
    a = analyzer.analyze(text)
    unsourced = analyzer.unsourced_attributions(a)
    assert [(u.cue, u.content) for u in unsourced] == [("seemed", "to carry little weight")]
    u = unsourced[0]
    assert u.sources == []
    # Code-point offsets, like every other span.
    assert text[u.cue_start : u.cue_end] == "seemed"
    # The sourced attributions are unchanged and separate.
    assert [x.cue for x in a.attributions] == ["said"]
    with pytest.raises(TypeError):
        analyzer.unsourced_attributions("not an analysis")  # type: ignore[arg-type]
