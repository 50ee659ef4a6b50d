"""Pickling, copying and JSON round trips of every public class."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import veracity


def every_value(a: veracity.Analysis) -> list[Any]:
    """One object of each public result class, taken from a seed analysis."""
    attributed = next(c for c in a.claims if c.attribution is not None)
    assert attributed.attribution is not None
    hedged = next(c for c in a.claims if c.hedges)
    values: list[Any] = [
        a,
        attributed,
        attributed.attribution,
        attributed.attribution.sources[0],
        hedged.hedges[0],
        attributed.explanation,
        attributed.explanation.contributions[0],
        a.sources[0],
        a.sentences[0],
        a.paragraphs[0],
    ]
    if a.quotes:
        values.append(a.quotes[0])
    return values


def test_every_class_is_covered(seed_analyses: dict[str, veracity.Analysis]) -> None:
    names = {type(v).__name__ for a in seed_analyses.values() for v in every_value(a)}
    assert names == {
        "Analysis", "Claim", "Attribution", "Source", "Hedge", "Explanation", "Contribution",
        "SourceSummary", "Sentence", "Paragraph", "Quote",
    }  # fmt: skip


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trip(seed_analyses: dict[str, veracity.Analysis], protocol: int) -> None:
    for a in seed_analyses.values():
        for v in every_value(a):
            back = pickle.loads(pickle.dumps(v, protocol=protocol))
            assert type(back) is type(v)
            assert back == v, type(v).__name__
            assert back.to_json() == v.to_json()
            assert repr(back) == repr(v)


def test_pickled_claim_keeps_everything(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["000"]
    c = a.find_claim("Three sources close to the Russian government")
    assert c is not None
    d = pickle.loads(pickle.dumps(c))
    assert d.score == c.score and d.score.hex() == c.score.hex()
    assert d.attribution is not None and c.attribution is not None
    assert d.attribution.content == c.attribution.content
    assert a.text[d.attribution.content_start : d.attribution.content_end] == d.attribution.content
    assert [s.name for s in d.attribution.sources] == [s.name for s in c.attribution.sources]
    assert str(d.explanation) == str(c.explanation)


def test_copy_and_deepcopy(seed_analyses: dict[str, veracity.Analysis]) -> None:
    for v in every_value(seed_analyses["001"]):
        assert copy.copy(v) == v
        assert copy.deepcopy(v) == v
        assert copy.deepcopy([v, {"k": v}])[1]["k"] == v


def test_json_and_dict(seed_analyses: dict[str, veracity.Analysis]) -> None:
    for v in every_value(seed_analyses["003"]):
        d = v.to_dict()
        assert isinstance(d, dict)
        assert d == json.loads(v.to_json())
        assert json.loads(v.to_json(indent=2)) == d
        assert type(v).from_json(v.to_json()) == v


def test_dict_shapes(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["000"]
    d = a.to_dict()
    # The command line's article object (veracity.article/1), complete, with the text.
    assert d["schema"] == "veracity.article/1"
    assert set(d) >= {"text", "paragraphs", "sentences", "quotes", "hedges", "attributions", "claims", "sources"}
    assert d["text"] == a.text
    # Offsets in the dict are code points too, and say so.
    assert d["offsets"] == "code_points"
    first = d["claims"][4]
    assert a.text[first["start"] : first["end"]] == first["text"]
    sentence = a.sentences[0].to_dict()
    assert sentence["text"] == a.sentences[0].text


def test_analyzer_pickle_keeps_the_configuration() -> None:
    an = veracity.Analyzer(
        "[weights.credibility]\nhedging = 0.45\n",
        hedges=[("in all likelihood", "speculation", 0.4)],
        remove_hedges=["allegedly"],
    )
    text = "The deal will in all likelihood collapse. He allegedly left."
    back = pickle.loads(pickle.dumps(an))
    assert isinstance(back, veracity.Analyzer)
    assert back == an
    assert back != veracity.Analyzer()
    assert back.config["weights"]["credibility"]["hedging"] == 0.45
    assert back.analyze(text) == an.analyze(text)
    cues = [h.cue for h in back.analyze(text).hedges]
    assert "in all likelihood" in cues
    assert "allegedly" not in cues
    assert copy.deepcopy(an) == an


def test_analyzer_to_toml_round_trip() -> None:
    default = veracity.Analyzer()
    assert veracity.Analyzer(default.to_toml()) == default
    assert pickle.loads(pickle.dumps(default)) == default


def test_every_public_class_pickles_and_deep_copies(seed_analyses: dict[str, veracity.Analysis]) -> None:
    """Every class that ``veracity`` exports, exceptions included, survives pickle and deepcopy."""
    a = seed_analyses["000"]
    corr = veracity.corroborate(list(seed_analyses.values()))
    samples: list[Any] = [
        *every_value(a),
        veracity.analyze('He said "yes" twice.').quotes[0],
        veracity.Analyzer(hedges=[("in all likelihood", "speculation", 0.4)]),
        veracity.discover_truth([("a", "x", "1"), ("b", "x", "1")]),
        corr,
        corr.groups[0],
        corr.groups[0].claims[0],
        corr.sources[0],
        a.table("claims"),
        a.claims[0].admiralty,
    ]
    corpus = veracity.Corpus(seed_analyses.values())
    profiles = corpus.profiles()
    samples += [corpus, profiles, profiles.outlets[0], profiles.sources[0]]
    fixtures = Path(__file__).resolve().parents[1] / "crates/veracity-cli/tests/fixtures/reliability"
    samples.append(veracity.fit(fixtures / "corpus.jsonl", fixtures / "labels.tsv"))
    errors: list[BaseException] = []
    for name in veracity.__all__:
        obj = getattr(veracity, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            errors.append(obj(f"{name} message"))
    # A CorpusReader is an open file being read: like a file object, it does not pickle.
    classes = {n for n in veracity.__all__ if isinstance(getattr(veracity, n), type)} - {"CorpusReader"}
    covered = {type(v).__name__ for v in samples} | {type(e).__name__ for e in errors}
    assert covered == classes, classes ^ covered
    for v in samples:
        assert pickle.loads(pickle.dumps(v)) == v, type(v).__name__
        assert copy.deepcopy(v) == v and copy.copy(v) == v
    for e in errors:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e) and str(back) == str(e)
        assert type(copy.deepcopy(e)) is type(e)


def test_corpus_reader_does_not_pickle() -> None:
    reader = veracity.read_corpus(next((Path(__file__).parent.parent / "seeds").glob("*.txt")))
    with pytest.raises(TypeError):
        pickle.dumps(reader)


def test_batch_errors_pickle_with_their_index() -> None:
    (err,) = veracity.analyze_batch([""], on_error="return")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is veracity.EmptyTextError and back.index == 0  # type: ignore[union-attr]
