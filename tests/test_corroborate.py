"""veracity.corroborate: claims about the same thing across articles (parity with the core)."""

from __future__ import annotations

import pickle

import pytest

import veracity

TEXTS = [
    "Officials said 18 political prisoners were released in Caracas on Sunday.",
    "Venezuela released 18 political prisoners in Caracas on Sunday, Foro Penal said.",
    "Only 3 political prisoners were released in Caracas on Sunday, a rights group said.",
]


def test_repeated_claim_is_corroborated_and_contradiction_is_not() -> None:
    c = veracity.corroborate(veracity.analyze_batch(TEXTS))
    (g,) = c.groups
    assert g.articles == [0, 1, 2] and g.value == "affirmed 18"
    eighteen = [x for x in g.claims if x.value == "affirmed 18"]
    assert len(eighteen) == 2
    assert all(x.agrees and x.corroborating_articles == 1 and x.adjusted_score >= x.score for x in eighteen)
    (three,) = [x for x in g.claims if x.value == "affirmed 3"]
    assert not three.agrees and three.adjusted_score < three.score
    assert c.iterations >= 1 and isinstance(c.converged, bool)
    assert {s.name for s in c.sources} >= {"Foro Penal"}


STORY = (
    "Foro Penal said 18 political prisoners were released in Caracas on Sunday.\n\n"
    "The Venezuelan supreme court ordered the closure of three radio stations in Maracaibo on Monday.\n\n"
    "Opposition leader Maria Corina Machado addressed 40,000 supporters in Valencia on Saturday."
)


def test_outlets_that_copy_each_other_count_once() -> None:
    rs = [
        veracity.analyze(STORY, outlet="Wire Post"),
        veracity.analyze(STORY, outlet="Echo Daily"),
        veracity.analyze(
            "On Monday the Venezuelan supreme court ordered three radio stations in Maracaibo to close.",
            outlet="Caracas Chronicle",
        ),
    ]

    def court(**options: bool) -> list[tuple[int, int]]:
        c = veracity.corroborate(rs, **options)
        claims = [x for g in c.groups for x in g.claims if "radio stations" in x.text]
        return sorted((x.article, x.agreeing_sources) for x in claims)

    # The copy and its original are one voice: each is confirmed by the Chronicle only, and the
    # Chronicle by the two of them as one.
    assert court() == [(0, 1), (1, 1), (2, 1)]
    assert court(dependence=False) == [(0, 2), (1, 2), (2, 2)]


def test_positions_skip_failed_items() -> None:
    rs = veracity.analyze_batch([TEXTS[0], "", 7, TEXTS[1]], on_error="return")
    (g,) = veracity.corroborate(rs).groups
    assert g.articles == [0, 3]
    assert {x.article for x in g.claims} == {0, 3}
    with pytest.raises(TypeError, match="item 1 must be an Analysis"):
        veracity.corroborate([rs[0], "text"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        veracity.corroborate("abc")  # type: ignore[arg-type]


def test_options() -> None:
    rs = veracity.analyze_batch(TEXTS)
    assert veracity.corroborate(rs, min_similarity=1.0).groups == []
    mv = veracity.corroborate(rs, algorithm="majority_vote", credibility_weight=0.0)
    assert all(x.adjusted_score == x.score for g in mv.groups for x in g.claims)
    with pytest.raises(veracity.OptionError, match="algorithm"):
        veracity.corroborate(rs, algorithm="oracle")  # type: ignore[arg-type]
    with pytest.raises(veracity.OptionError, match=r"min_similarity.*\[0, 1\]"):
        veracity.corroborate(rs, min_similarity=2.0)
    with pytest.raises(TypeError):
        veracity.corroborate(rs, min_similarity="high")  # type: ignore[arg-type]


def test_across_the_seeds(seed_analyses: dict[str, veracity.Analysis]) -> None:
    analyses = list(seed_analyses.values())
    c = veracity.corroborate(analyses)
    assert c.groups, "the seeds share stories (Maduro, Ortega)"
    for g in c.groups:
        assert len(g.articles) >= 2
        for x in g.claims:
            assert analyses[x.article].claims[x.claim].text == x.text
    t = c.table("claims")
    assert len(t) == sum(len(g.claims) for g in c.groups)
    assert len(c.table("sources")) == len(c.sources)
    assert c.table("sources").to_polars()["trust"].to_list() == [s.trust for s in c.sources]
    with pytest.raises(veracity.OptionError):
        c.table("groups")  # type: ignore[arg-type]
    h = c._repr_html_()
    assert "<details" in h and "truth discovery" in h


def test_results_pickle_and_round_trip() -> None:
    c = veracity.corroborate(veracity.analyze_batch(TEXTS))
    values = [c, c.groups[0], c.groups[0].claims[0], c.sources[0]]
    for v in values:
        assert pickle.loads(pickle.dumps(v)) == v
        assert type(v).from_json(v.to_json()) == v
        assert repr(v).startswith(type(v).__name__ + "(")
