"""Pins the public typing of veracity; checked by mypy from tests/test_typing.py (never run)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from typing_extensions import assert_type

import veracity

a = veracity.analyze("The minister allegedly said so.", published=datetime.date(2024, 1, 2), authors=["A B"])
assert_type(a, veracity.Analysis)
assert_type(a.text, str)
assert_type(a.title, str | None)
assert_type(a.published, datetime.date | None)
assert_type(a.authors, list[str] | None)
assert_type(a.provenance["title"], veracity._native._Provenance)

c = a.claims[0]
assert_type(c, veracity.Claim)
assert_type(c.score, float)
assert_type(c.start, int)
assert_type(a.text[c.start : c.end], str)
assert_type(c.attribution, veracity.Attribution | None)
if c.attribution is not None:
    assert_type(c.attribution.sources, list[veracity.Source])
    assert_type(c.attribution.sources[0].start, int | None)
    assert_type(c.attribution.content, str)
assert_type(c.hedges[0].category, veracity._native._HedgeCategory)
assert_type(c.explanation.get("hedging"), veracity.Contribution | None)
assert_type(c.to_dict(), dict[str, Any])
assert_type(veracity.Claim.from_json(c.to_json()), veracity.Claim)
assert_type(a.find_claim("x"), veracity.Claim | None)
assert_type(a.sources[0].reliability, float)
assert_type(a.sentences[0].text, str)
assert_type(a.quotes, list[veracity.Quote])

an = veracity.Analyzer("[weights.credibility]\nhedging = 0.4", hedges=[("in all likelihood", "speculation", 0.4)])
an2 = veracity.Analyzer(config_file=Path("extra.toml"), cues=[("squawked", "verb")])
assert_type(an.analyze("x"), veracity.Analysis)
assert_type(an.analyze_file(Path("a.txt")), veracity.Analysis)

results = veracity.analyze_batch(["a", b"b", {"text": "c", "id": "3"}], n_threads=2)
assert_type(results, list[veracity.Analysis])
mixed = an.analyze_batch(["a", ""], on_error="return")
assert_type(mixed, list[veracity.Analysis | veracity.VeracityError])

try:
    veracity.analyze("")
except veracity.EmptyTextError as e:
    assert_type(e, veracity.EmptyTextError)
except veracity.VeracityIOError as e:
    assert_type(e.filename, Any)


# Tables, frames, progress, corroboration, display (issue 8).
t = a.table("hedges")
assert_type(t, veracity.Table)
assert_type(t.to_pylist(), list[dict[str, Any]])
assert_type(t["cue"], list[Any])
assert_type(len(t), int)
assert_type(veracity.table(mixed, "articles"), veracity.Table)
assert_type(veracity.Table.concat([t, t]), veracity.Table)
assert_type(veracity.analyze_batch(["a"], progress=True, chunk_size=8), list[veracity.Analysis])
corr = veracity.corroborate(results, min_similarity=0.3, algorithm="sums")
assert_type(corr, veracity.Corroboration)
assert_type(corr.groups[0].claims[0].adjusted_score, float)
assert_type(corr.sources[0].trust, float)
assert_type(corr.table("sources"), veracity.Table)
assert_type(a.to_displacy("span"), dict[str, Any])
assert_type(c._repr_html_(), str)
assert_type(veracity.Analyzer(profile="conll2010", lexicons=False), veracity.Analyzer)
assert_type(veracity.PROFILES, tuple[str, ...])
frame: Any = veracity.analyze_frame(["He left."], kind="articles")

# Admiralty grades, source profiles across a corpus, corpus input (issue 7).
assert_type(c.kind, veracity._native._ClaimKind)
assert_type(c.kind_cue, str | None)
assert_type(c.clause, int)
assert_type(c.admiralty, veracity.Admiralty)
assert_type(c.admiralty.credibility, int)
assert_type(c.admiralty.reliability, veracity._native._ReliabilityGrade)
assert_type(a.sources[0].grade, veracity._native._ReliabilityGrade)
assert_type(corr.groups[0].claims[0].credibility_grade, int)
corpus = veracity.Corpus(mixed, corroboration=False, analyzer=an)
corpus.add(a)
corpus.extend(results)
corpus.merge(veracity.Corpus())
assert_type(corpus + corpus, veracity.Corpus)
assert_type(len(corpus), int)
profiles = corpus.profiles()
assert_type(profiles, veracity.Profiles)
assert_type(profiles.outlets[0].anonymous_rate, float)
assert_type(profiles.sources[0].outlets, list[str])
assert_type(profiles.outlet("x"), veracity.OutletProfile | None)
assert_type(profiles.table("sources"), veracity.Table)
assert_type(veracity.Corpus.from_json(corpus.to_json()), veracity.Corpus)
reader = veracity.read_corpus(Path("c.jsonl"), "jsonl")
assert_type(reader, veracity.CorpusReader)
assert_type(next(reader), dict[str, Any])
assert_type(veracity.analyze_batch(veracity.read_corpus("c.csv")), list[veracity.Analysis])
veracity.set_num_threads(2)
assert_type(veracity.get_num_threads(), int)

# Plots (veracity.plot): each returns the matplotlib Axes (profiles: the pair).
import veracity.plot as vp  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

assert_type(vp.waterfall(c), Axes)
assert_type(vp.waterfall(c.explanation, None, 5), Axes)
assert_type(vp.calibration({"calibration": []}), Axes)
assert_type(vp.claim_scores(results, score="checkworthiness"), Axes)
assert_type(vp.profiles(corpus), tuple[Axes, Axes])
assert_type(vp.outlets(profiles, top=3), Axes)
assert_type(vp.sources(profiles), Axes)
