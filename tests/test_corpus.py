"""Source profiles across a corpus (veracity.Corpus), corpus input (read_corpus) and the
Admiralty grades that issue 7 added to the core. Expectations are written by hand."""

from __future__ import annotations

import copy
import datetime
import json
import math
import os
import pickle
import subprocess
from pathlib import Path

import pytest

import veracity

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEEDS_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]

# Four claims: one unattributed with a date, one anonymous and hedged, one named with numbers,
# one plain. So every rate over the outlet's claims is a quarter or a half.
FOUR = (
    "The bridge closed on Monday. Officials said the bridge may reopen. "
    "Maria Lopez said the repairs cost 3 million dollars. The mayor visited the site."
)
# A credibility model with an intercept and no weights.
NEUTRAL_MODEL = "[credibility]\nintercept = 0.3\n[credibility.weights]\nreplace = true\n"
# Two claims: one vague and hedged, one unattributed with a date.
TWO = "Analysts say the economy might shrink. Rain fell in Lima on Sunday."


def test_outlet_rates_of_a_four_claim_article() -> None:
    a = veracity.analyze(FOUR, outlet="Daily Planet")
    assert len(a.claims) == 4
    p = veracity.Corpus([a]).profiles()
    assert p.articles == 1
    (o,) = p.outlets
    assert (o.name, o.articles, o.claims) == ("Daily Planet", 1, 4)
    assert o.attribution_rate == 0.5
    assert o.named_rate == 0.25
    assert o.anonymous_rate == 0.25
    assert o.vague_rate == 0.0
    assert o.hedge_rate == 0.25
    assert o.specifics_rate == 0.5
    assert o.corroboration_rate == o.contradiction_rate == 0.0
    # One article: the outlet's mean signals are the article's, so its reliability is the
    # article's credibility (signal sums are kept to 1e-9), and the explanation has the same terms.
    assert math.isclose(o.reliability, a.credibility, abs_tol=1e-6)
    assert o.explanation.link == "logistic"
    assert [c.signal for c in o.explanation.contributions] == [c.signal for c in a.credibility_explanation.contributions]
    # Reliable enough for A, but A needs a corroborated track record, which one article lacks.
    assert o.reliability >= 0.8 and o.grade == "B"
    names = {(s.name, s.kind): s for s in p.sources}
    assert set(names) == {("Maria Lopez", "named_person"), ("Officials", "anonymous")}
    lopez = names[("Maria Lopez", "named_person")]
    assert (lopez.mentions, lopez.articles, lopez.claims, lopez.outlets) == (1, 1, 1, ["Daily Planet"])
    assert p.outlet("Daily Planet") == o and p.outlet("nope") is None
    assert p.source("maria lopez") == lopez


def test_two_outlets_and_the_unknown_outlet() -> None:
    rs = veracity.analyze_batch([
        {"text": FOUR, "outlet": "Daily Planet"},
        {"text": TWO, "outlet": "Weekly"},
        "He left the city.",
    ])
    p = veracity.Corpus(rs).profiles()
    assert [o.name for o in p.outlets] == ["(unknown outlet)", "Daily Planet", "Weekly"]
    assert veracity.UNKNOWN_OUTLET == "(unknown outlet)"
    weekly = p.outlet("Weekly")
    assert weekly is not None
    assert (weekly.claims, weekly.vague_rate, weekly.hedge_rate, weekly.attribution_rate) == (2, 0.5, 0.5, 0.5)
    t = p.table("outlets")
    assert t.kind == "outlet_profiles" and t["name"] == [o.name for o in p.outlets]
    assert t.columns[:5] == ["name", "articles", "claims", "reliability", "grade"]
    assert t["vague_rate"] == [0.0, 0.0, 0.5]
    s = p.table("sources").to_pandas()
    assert list(s["name"]) == [x.name for x in p.sources]
    assert set(s["grade"]) <= set("ABCDEF")
    with pytest.raises(veracity.OptionError, match="outlets, sources"):
        p.table("claims")  # type: ignore[arg-type]


def test_corroboration_across_outlets_and_switching_it_off() -> None:
    items = [
        {"text": "Officials said 18 prisoners were released in Caracas on Sunday.", "outlet": "A"},
        {"text": "Foro Penal said 18 prisoners were released in Caracas on Sunday.", "outlet": "B"},
    ]
    rs = veracity.analyze_batch(items)
    c = veracity.Corpus(rs)
    assert c.fingerprints == 2 and c.corroboration
    assert [o.corroboration_rate for o in c.profiles().outlets] == [1.0, 1.0]
    off = veracity.Corpus(rs, corroboration=False)
    assert off.fingerprints == 0 and not off.corroboration
    assert [o.corroboration_rate for o in off.profiles().outlets] == [0.0, 0.0]
    # The same text twice never corroborates itself (one article key).
    same = veracity.Corpus([rs[0], rs[0]])
    assert len(same) == 2 and same.profiles().outlets[0].corroboration_rate == 0.0


def test_merge_of_partitions_equals_the_whole() -> None:
    rs = [veracity.analyze_file(p) for p in SEEDS] + veracity.analyze_batch(
        [{"text": FOUR, "outlet": "Daily Planet"}, {"text": TWO, "outlet": "Weekly"}]
    )
    whole = veracity.Corpus(rs)
    parts = [veracity.Corpus(rs[i : i + 2]) for i in range(0, len(rs), 2)]
    # In place, left to right.
    acc = veracity.Corpus()
    for part in parts:
        acc.merge(part)
    assert acc.profiles() == whole.profiles()
    # Reversed, with +, as a tree: `+` leaves both operands alone.
    before = parts[0].to_json()
    tree = (parts[3] + parts[2]) + (parts[1] + parts[0])
    assert parts[0].to_json() == before
    assert tree.profiles() == whole.profiles()
    assert len(tree) == len(whole) == len(rs)
    # extend and add give the same state as the constructor.
    one = veracity.Corpus()
    one.add(rs[0])
    one.extend(rs[1:])
    assert one == whole
    # Merging a corpus into itself doubles it (no deadlock).
    d = whole.copy()
    d.merge(d)
    assert len(d) == 2 * len(whole)


def test_analyze_batch_fills_a_corpus_directly() -> None:
    items = [{"text": FOUR, "outlet": "Daily Planet"}, "", {"text": TWO, "outlet": "Weekly"}, *SEEDS_TEXTS]
    fast = veracity.Corpus()
    rs = veracity.analyze_batch(items, on_error="return", corpus=fast, chunk_size=2)
    assert fast == veracity.Corpus(rs) and len(fast) == len(items) - 1
    an = veracity.Analyzer(NEUTRAL_MODEL)
    mine = veracity.Corpus(analyzer=an)
    an.analyze_batch([FOUR], corpus=mine, n_threads=2)
    assert mine.profiles().outlets[0].explanation.base == 0.3


def test_corpus_pickles_copies_and_round_trips_json() -> None:
    c = veracity.Corpus([veracity.analyze(FOUR, outlet="Daily Planet")], min_similarity=0.4)
    for other in (pickle.loads(pickle.dumps(c)), veracity.Corpus.from_json(c.to_json()), copy.deepcopy(c), copy.copy(c)):
        assert other == c and other is not c
        assert other.profiles() == c.profiles() and other.min_similarity == 0.4
    clone = c.copy()
    clone.add(veracity.analyze(TWO))
    assert len(clone) == 2 and len(c) == 1
    assert json.loads(c.to_json(indent=2))["articles"] == 1
    assert repr(c) == "Corpus(articles=1, fingerprints=4, corroboration=True)"
    p = c.profiles()
    assert pickle.loads(pickle.dumps(p)) == p and veracity.Profiles.from_json(p.to_json()) == p
    assert pickle.loads(pickle.dumps(p.outlets[0])) == p.outlets[0]
    with pytest.raises(veracity.VeracityError, match="invalid Corpus JSON"):
        veracity.Corpus.from_json("{}")


def test_corpus_options_and_errors() -> None:
    an = veracity.Analyzer(NEUTRAL_MODEL)
    a = veracity.analyze(FOUR, outlet="Daily Planet")
    low = veracity.Corpus([a], analyzer=an).profiles().outlets[0]
    # The analyzer's credibility model: intercept 0.3 and no weight, so sigmoid(0.3).
    assert math.isclose(low.reliability, 1 / (1 + math.exp(-0.3))) and low.explanation.base == 0.3
    with pytest.raises(veracity.OptionError):
        veracity.Corpus(min_similarity=2.0)
    c = veracity.Corpus()
    with pytest.raises(TypeError, match="expects an Analysis"):
        c.add("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one Analysis"):
        c.extend(a)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1 must be an Analysis"):
        c.extend([a, 3])  # type: ignore[list-item]
    # Exceptions of an on_error="return" batch are skipped.
    c.extend(veracity.analyze_batch([FOUR, ""], on_error="return"))
    assert len(c) == 1
    assert len(veracity.Corpus().profiles().table("outlets").columns) == 14
    assert veracity.Corpus().profiles().table("sources").columns[-1] == "contradiction_rate"


def test_profiles_html_is_compact_and_escaped() -> None:
    p = veracity.Corpus([veracity.analyze(FOUR, outlet="<b>Planet</b>")]).profiles()
    h = p._repr_html_()
    assert "&lt;b&gt;Planet&lt;/b&gt;" in h and "<b>Planet</b>" not in h
    assert "Maria Lopez" in h and "1 articles" in h


@pytest.mark.skipif(not (ROOT / "target" / "debug" / "veracity").exists(), reason="CLI not built (cargo test builds it)")
def test_profiles_match_the_cli() -> None:
    """Parity with Rust: `veracity profile --format json` on the seeds (the CLI rounds to 6 places)."""
    out = subprocess.run(
        [str(ROOT / "target" / "debug" / "veracity"), "profile", "seeds", "--format", "json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    cli = json.loads(out)

    def rounded(x: object) -> object:
        if isinstance(x, float):
            return round(x, 6)
        if isinstance(x, dict):
            return {k: rounded(v) for k, v in sorted(x.items())}
        if isinstance(x, list):
            return [rounded(v) for v in x]
        return x

    mine = veracity.Corpus([veracity.analyze_file(p) for p in SEEDS]).profiles().to_dict()
    assert cli["articles"] == mine["articles"] == 5
    assert rounded(cli["outlets"]) == rounded(mine["outlets"])
    assert rounded(cli["sources"]) == rounded(mine["sources"])


# --- Admiralty grades and the other fields of issue 7 ----------------------------------------


def test_claim_kinds_cues_clauses_and_admiralty() -> None:
    a = veracity.analyze("Officials said the bridge may reopen. The minister should resign. Prices will rise next year.")
    stmt, opinion, prediction = a.claims
    assert (stmt.kind, stmt.kind_cue) == ("statement", None)
    assert (opinion.kind, opinion.kind_cue) == ("opinion", "should")
    assert (prediction.kind, prediction.kind_cue) == ("prediction", "will")
    assert [c.clause for c in a.claims] == [0, 0, 0]
    adm = stmt.admiralty
    assert str(adm) == adm.grade == stmt.grade == "E4"
    assert (adm.reliability, adm.credibility) == ("E", 4)
    assert adm.reliability_description == "unreliable" and adm.credibility_description == "doubtful"
    assert "possible" in adm.credibility_reason and adm.reliability_reason
    assert opinion.admiralty.credibility == prediction.admiralty.credibility == 6
    assert pickle.loads(pickle.dumps(adm)) == adm and hash(adm) == hash(copy.deepcopy(adm))
    assert repr(adm) == "Admiralty('E4')"
    assert veracity.Claim.from_json(stmt.to_json()) == stmt
    t = a.table("claims")
    assert t["kind_cue"] == [None, "should", "will"] and t["clause"] == [0, 0, 0]
    assert t["grade"] == [c.grade for c in a.claims]
    assert t["reliability_grade"] == ["E", opinion.admiralty.reliability, prediction.admiralty.reliability]
    assert t["credibility_grade"] == [4, 6, 6]


def test_split_sentences_have_clause_numbers() -> None:
    a = veracity.analyze("The army seized the airport on Monday, but the rebels still hold the northern provinces.")
    assert [(c.sentence, c.clause) for c in a.claims] == [(0, 0), (0, 1)]


def test_source_summary_grade() -> None:
    a = veracity.analyze(FOUR)
    grades = {s.name: s.grade for s in a.sources}
    assert grades["Officials"] == "E" and grades["Maria Lopez"] == "B"
    assert "A" not in grades.values()  # one article is no track record
    assert a.table("sources")["grade"] == [s.grade for s in a.sources]


def test_corroborated_claim_grades() -> None:
    rs = veracity.analyze_batch([
        "Officials said 18 political prisoners were released in Caracas on Sunday.",
        "Venezuela released 18 political prisoners in Caracas on Sunday, Foro Penal said.",
        "Only 3 political prisoners were released in Caracas on Sunday, a rights group said.",
    ])
    g = veracity.corroborate(rs).groups[0]
    got = [(x.article, x.agreeing_sources, x.contradicting_sources, x.credibility_grade) for x in g.claims]
    assert got == [(0, 1, 1, 1), (1, 1, 1, 1), (2, 0, 2, 5)]
    t = veracity.corroborate(rs).table("claims")
    assert t["credibility_grade"] == [1, 1, 5] and t["contradicting_sources"] == [1, 1, 2]


# --- corpus input -------------------------------------------------------------------------------


def test_read_corpus_jsonl_feeds_analyze_batch(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": FOUR, "outlet": "Daily Planet", "published": "2024-05-01", "extra": 1}) + "\n"
        "\n"
        + json.dumps({"text": TWO, "authors": "Ann Lee; Bo Kim"}) + "\n"
        "not json\n"
        + json.dumps({"text": "He left.", "url": "https://example.com/x"}) + "\n",
        encoding="utf-8",
    )
    r = veracity.read_corpus(f)
    first = next(r)
    assert first == {"id": "a", "text": FOUR, "outlet": "Daily Planet", "published": datetime.date(2024, 5, 1)}
    assert r.line == 1
    second = next(r)
    assert second["id"] == f"{f}:3" and second["authors"] == ["Ann Lee", "Bo Kim"]
    with pytest.raises(veracity.InvalidRecordError, match=r"c\.jsonl:4") as e:
        next(r)
    assert isinstance(e.value, veracity.VeracityError) and isinstance(e.value, ValueError)
    assert next(r)["url"] == "https://example.com/x"  # reading goes on after a bad record
    assert list(r) == []
    items = list(veracity.read_corpus(f, on_error="return"))
    assert [type(x).__name__ for x in items] == ["dict", "dict", "InvalidRecordError", "dict"]
    rs = veracity.analyze_batch([x for x in items if isinstance(x, dict)])
    assert [a.id for a in rs][0] == "a" and rs[0].outlet == "Daily Planet"
    assert veracity.Corpus(rs).profiles().outlet("Daily Planet") is not None


def test_read_corpus_csv_text_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text('id,text,outlet\nx,"He left, she stayed.",Weekly\n', encoding="utf-8")
    assert list(veracity.read_corpus(f)) == [{"id": "x", "text": "He left, she stayed.", "outlet": "Weekly"}]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hi\n", encoding="utf-8")
    with pytest.raises(veracity.InvalidRecordError, match="no `text` column"):
        veracity.read_corpus(bad)
    assert list(veracity.read_corpus(bad, "text")) == [{"id": "bad", "text": "id,body\n1,hi\n"}]
    one = list(veracity.read_corpus(SEEDS[0]))
    assert one[0]["id"] == SEEDS[0].stem and one[0]["text"] == SEEDS[0].read_text(encoding="utf-8")
    with pytest.raises(veracity.OptionError, match="text, jsonl, csv"):
        veracity.read_corpus(f, "xml")  # type: ignore[arg-type]
    with pytest.raises(veracity.VeracityIOError):
        veracity.read_corpus(tmp_path / "missing.jsonl")
    assert veracity.CORPUS_FORMATS == ("text", "jsonl", "csv")


def test_set_num_threads() -> None:
    before = veracity.get_num_threads()
    try:
        veracity.set_num_threads(1)
        assert veracity.get_num_threads() == 1
        assert len(veracity.analyze_batch([FOUR, TWO])) == 2
        veracity.set_num_threads(1)  # same size: the pool is kept
        with pytest.raises(veracity.OptionError):
            veracity.set_num_threads(0)
    finally:
        veracity.set_num_threads(None)
    assert veracity.get_num_threads() == before == (int(os.environ.get("RAYON_NUM_THREADS", 0)) or os.cpu_count())

