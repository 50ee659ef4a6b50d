"""veracity.fit and the article credibility on hand-made data."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import veracity

FIXTURES = Path(__file__).resolve().parents[1] / "crates/veracity-cli/tests/fixtures/reliability"

CALM = "The council approved the budget on Tuesday, Mayor Ana Ruiz said in a statement."
SHOUT = "SHOCKING!!! Wake up, the mainstream media lies to you! Share this NOW!!!"


def test_credibility_is_explained_term_by_term() -> None:
    a = veracity.analyze(SHOUT)
    e = a.credibility_explanation
    assert e.link == "logistic"
    assert math.isclose(e.raw, e.base + sum(c.contribution for c in e.contributions))
    assert math.isclose(a.credibility, 1 / (1 + math.exp(-e.raw)))
    assert set(a.signals) == set(veracity.SIGNALS)
    # Seven exclamation marks over three sentences: ln(1 + 7/3).
    assert math.isclose(a.signals["exclamations"], math.log(1 + 7 / 3))
    # The shipped model reads shouting and conspiratorial framing as less credible than a sourced report.
    assert veracity.analyze(CALM).credibility > a.credibility


def test_the_articles_table_has_the_credibility() -> None:
    batch = veracity.analyze_batch([CALM, SHOUT])
    t = veracity.table(batch, "articles").to_dict()
    assert t["credibility"] == [batch[0].credibility, batch[1].credibility]


def _labelled() -> tuple[list[veracity.Analysis], dict[str, str]]:
    analyses = veracity.analyze_batch(list(veracity.read_corpus(FIXTURES / "corpus.jsonl")))
    labels = {a.id: lab for a, lab in [(a, None) for a in analyses]}
    for line in (FIXTURES / "labels.tsv").read_text().splitlines()[1:]:
        aid, _, label = line.split("\t")
        labels[aid] = label
    return analyses, labels


def test_fit_on_a_corpus_file_and_on_analyses_agree() -> None:
    model = veracity.fit(FIXTURES / "corpus.jsonl", FIXTURES / "labels.tsv")
    r = model.report
    # 8 labelled articles (one is rated "none", one has no label), 4 outlets, one per fold.
    assert (r["n"], r["reliable"], r["groups"], r["folds"]) == (8, 4, 4, 4)
    assert r["outlet_pairs"]["total"] == 4
    assert r["auc"] == 1.0
    assert len(r["predictions"]) == 8
    assert len(r["calibration"]) == 10 and sum(b["n"] for b in r["calibration"]) == 8
    assert model.weights["exclamations"] < 0 < model.weights["weekdays"]
    analyses, labels = _labelled()
    again = veracity.fit(analyses, labels)
    assert again.to_toml() == model.to_toml()
    assert "ScoringModel(" in repr(model)


def test_a_fitted_model_loads_as_configuration(tmp_path: Path) -> None:
    model = veracity.fit(FIXTURES / "corpus.jsonl", FIXTURES / "labels.tsv")
    path = tmp_path / "model.toml"
    path.write_text(model.to_toml(["fitted on the test corpus"]), encoding="utf-8")
    assert path.read_text().startswith("# fitted on the test corpus\n")
    for analyzer in (veracity.Analyzer(config=model.to_toml()), veracity.Analyzer(config_file=path)):
        a = analyzer.analyze(SHOUT)
        raw = model.intercept + sum(w * a.signals[name] for name, w in model.weights.items())
        assert math.isclose(a.credibility_explanation.raw, raw, rel_tol=1e-9, abs_tol=1e-9)


def test_labels_as_a_sequence_and_explicit_groups() -> None:
    analyses, labels = _labelled()
    seq = [labels.get(a.id) for a in analyses]
    groups = [a.outlet or "none" for a in analyses]
    model = veracity.fit(analyses, seq, groups)
    assert model.report["n"] == 8


@pytest.mark.parametrize(
    ("labels", "groups", "match"),
    [
        ({}, None, "no article has a usable label"),
        ([True], None, "1 labels for 10 analyses"),
        (None, ["a"], "1 groups for 10 analyses"),
    ],
)
def test_unusable_data_raises_data_error(labels: object, groups: object, match: str) -> None:
    analyses, all_labels = _labelled()
    with pytest.raises(veracity.DataError, match=match):
        veracity.fit(analyses, all_labels if labels is None else labels, groups)  # type: ignore[arg-type]


def test_one_outlet_or_one_class_is_a_data_error() -> None:
    analyses, labels = _labelled()
    with pytest.raises(veracity.DataError, match="2 outlets or more"):
        veracity.fit(analyses, labels, ["same"] * len(analyses))
    with pytest.raises(veracity.DataError, match="both classes"):
        veracity.fit(analyses, {k: "reliable" for k in labels})
    with pytest.raises(veracity.DataError, match="expected Analysis objects"):
        veracity.fit(["not an analysis"], [True])  # type: ignore[list-item]
    with pytest.raises(veracity.OptionError, match="none, class, outlet"):
        veracity.fit(analyses, labels, balance="sometimes")
    assert issubclass(veracity.DataError, veracity.VeracityError)


def test_profiles_report_outlets_that_copy_each_other() -> None:
    story = (
        "Foro Penal said 18 political prisoners were released in Caracas on Sunday.\n\n"
        "The Venezuelan supreme court ordered the closure of three radio stations in Maracaibo on Monday.\n\n"
        "Opposition leader Maria Corina Machado addressed 40,000 supporters in Valencia on Saturday."
    )
    a = veracity.analyze(story, outlet="Wire Post")
    b = veracity.analyze(story, outlet="Echo Daily")
    deps = veracity.Corpus([a, b]).profiles().dependence
    assert deps == [
        {"outlets": ("Echo Daily", "Wire Post"), "claims": (3, 3), "near_copies": 3, "dependence": 1.0, "dependent": True}
    ]
    # The copy confirms nothing; counted as independent it would confirm two claims of three.
    assert all(o.corroboration_rate == 0.0 for o in veracity.Corpus([a, b]).profiles().outlets)
    echo = veracity.Corpus([a, b], dependence=False).profiles()
    assert all(math.isclose(o.corroboration_rate, 2 / 3) for o in echo.outlets)


def test_evaluate_reliability_by_level() -> None:
    analyses, labels = _labelled()
    # With a model that only reads exclamation marks, the shouting outlets score lower.
    az = veracity.Analyzer(config="[credibility]\nintercept = 0.0\n[credibility.weights]\nreplace = true\nexclamations = -1.0\n")
    scored = az.analyze_batch(list(veracity.read_corpus(FIXTURES / "corpus.jsonl")))
    art = veracity.evaluate_reliability(scored, labels)
    assert (art["task"], art["level"], art["n"]) == ("reliability", "article", 8)
    assert art["outlet_pairs"] == {"right": 4.0, "total": 4, "share": 1.0}
    out = veracity.evaluate_reliability(scored, labels, level="outlet")
    assert (out["n"], out["auc"]) == (4, 1.0)
    with pytest.raises(veracity.OptionError, match="article, outlet"):
        veracity.evaluate_reliability(analyses, labels, level="planet")
