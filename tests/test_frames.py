"""Tables of analyses: veracity.Table, Analysis.table, veracity.table, analyze_frame."""

from __future__ import annotations

import copy
import datetime
import pickle

import pytest

import veracity

pd = pytest.importorskip("pandas")  # in the test extra: these run in ./dev.sh test
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

KINDS = ("articles", "claims", "hedges", "attributions", "sources")


def test_kinds_constant() -> None:
    assert veracity.TABLE_KINDS == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_converts_with_its_schema(seed_analyses: dict[str, veracity.Analysis], kind: str) -> None:
    analyses = list(seed_analyses.values())
    t = veracity.table(analyses, kind)
    assert t.kind == kind and t.columns[:2] == ["article", "article_id"]
    assert [n for n, _, _ in t.schema] == t.columns
    assert len(t) > 0
    assert set(t["article"]) == set(range(len(analyses))) or kind != "articles"
    df = t.to_pandas()
    assert list(df.columns) == t.columns and len(df) == len(t)
    pdf = t.to_polars()
    assert pdf.columns == t.columns and pdf.height == len(t)
    at = t.to_arrow()
    assert at.column_names == t.columns and at.num_rows == len(t)
    assert at.schema.metadata[b"veracity.kind"] == kind.encode()
    # The Arrow PyCapsule interface: each library reads the Table itself.
    assert pl.DataFrame(t).equals(pdf)
    assert pa.table(t).equals(at)
    assert pd.DataFrame.from_arrow(t).shape == df.shape
    assert t.to_pylist()[0] == {c: t[c][0] for c in t.columns}


@pytest.mark.parametrize("kind", KINDS)
def test_empty_tables_keep_their_schema(kind: str) -> None:
    t = veracity.table([], kind)
    assert len(t) == 0
    full = veracity.table([veracity.analyze("Officials said it may rain.")], kind)
    assert t.schema == full.schema
    assert t.to_polars().schema == full.to_polars().schema
    assert t.to_arrow().schema == full.to_arrow().schema
    assert list(t.to_pandas().dtypes) == list(full.to_pandas().dtypes)


def test_claims_rows_match_the_objects(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["000"]
    t = a.table("claims")
    assert t == veracity.table(a) == veracity.table([a])
    assert len(t) == len(a.claims)
    for row, c in zip(t, a.claims):
        assert row["text"] == c.text == a.text[row["start"] : row["end"]]
        assert row["score"] == c.score and row["checkworthiness"] == c.checkworthiness
        assert row["hedges"] == [h.cue for h in c.hedges]
        assert row["is_hedged"] == c.is_hedged and row["factuality"] == c.factuality
        at = c.attribution
        assert row["attributed"] == (at is not None)
        if at is not None:
            assert row["sources"] == [s.name for s in at.sources]
            assert row["source"] == at.sources[0].name
            assert at.original_source is not None and row["original_source"] == at.original_source.name
            assert row["anonymous"] == at.anonymous and row["cue"] == at.cue
        else:
            assert row["source"] is None and row["sources"] == []


def test_hedges_attributions_sources_rows(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["001"]
    hedges = a.table("hedges")
    assert hedges["cue"] == [h.cue for h in a.hedges]
    for row in hedges:
        assert a.text[row["start"] : row["end"]] == row["cue"]
        if row["claim"] is not None:
            c = a.claims[row["claim"]]
            assert c.start <= row["start"] and row["end"] <= c.end
    atts = a.table("attributions")
    for row, at in zip(atts, a.attributions):
        assert row["content"] == at.content == a.text[row["content_start"] : row["content_end"]]
        assert row["source_kinds"] == [s.kind for s in at.sources]
    sources = a.table("sources")
    assert sources["name"] == [s.name for s in a.sources]
    assert sources["reliability"] == [s.reliability for s in a.sources]
    assert sources["claims"] == [s.claims for s in a.sources]


def test_articles_summary() -> None:
    texts = [
        "Officials said the bridge may reopen. Rubio said the mayor left. It is closed.",
        "The minister allegedly requested asylum.",
    ]
    rs = veracity.analyze_batch([{"text": texts[0], "id": "a", "published": "2024-12-10"}, texts[1]])
    t = veracity.table(rs, "articles").to_pylist()
    assert t[0]["article_id"] == "a" and t[0]["published"] == datetime.date(2024, 12, 10)
    assert t[0]["claims"] == 3 and t[0]["hedged_claims"] == 1
    assert t[0]["hedge_rate"] == pytest.approx(1 / 3)
    assert t[0]["attributed_claims"] == 2 and t[0]["anonymous_claims"] == 1  # "Officials" is vague
    assert t[0]["anonymous_share"] == 0.5
    claims = rs[0].claims
    assert t[0]["mean_score"] == pytest.approx(sum(c.score for c in claims) / 3)
    # No attributed claim: the share is undefined (None / null / NaN), not 0.
    assert t[1]["attributed_claims"] == 0 and t[1]["anonymous_share"] is None
    assert veracity.table(rs, "articles").to_pandas()["anonymous_share"].isna().tolist() == [False, True]


def test_errors_are_skipped_but_keep_positions() -> None:
    rs = veracity.analyze_batch(["He allegedly left.", "", 42, "Officials said it may rain."], on_error="return")
    t = veracity.table(rs, "hedges")
    assert t["article"] == [0, 3] and t["cue"] == ["allegedly", "may"]


def test_bad_kind_and_types() -> None:
    a = veracity.analyze("He left.")
    with pytest.raises(veracity.OptionError, match="table kind.*claims"):
        a.table("rows")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        veracity.table("not analyses")
    with pytest.raises(TypeError):
        veracity.table(42)  # type: ignore[arg-type]


def test_table_is_a_plain_value() -> None:
    t = veracity.analyze("Officials said it may rain. He allegedly left.").table()
    assert pickle.loads(pickle.dumps(t)) == t
    assert copy.deepcopy(t) == t and copy.copy(t) == t
    both = veracity.Table.concat([t, t])
    assert len(both) == 2 * len(t) and both.schema == t.schema
    with pytest.raises(ValueError, match="schemas differ"):
        veracity.Table.concat([t, veracity.table([], "hedges")])
    hand = veracity.Table({"a": ["x", None]})
    assert hand.schema == [("a", "str", True)] and hand.to_polars()["a"].to_list() == ["x", None]
    with pytest.raises(ValueError, match="different lengths"):
        veracity.Table({"a": [1], "b": [1, 2]})
    assert "rows=2" in repr(t)


def test_table_html_escapes_and_truncates() -> None:
    text = " ".join(f"Officials said <b>item {i}</b> & more may come." for i in range(30))
    t = veracity.analyze(text).table()
    h = t._repr_html_()
    assert "<b>item" not in h and "&lt;b&gt;item 0&lt;/b&gt; &amp; more" in h
    assert h.count("<tr>") == 21  # header + 20 rows
    assert "more rows" in h


def test_analyze_frame_pandas_polars_and_iterables() -> None:
    texts = ["Officials said the bridge may reopen.", "He allegedly left.", "It is closed."]
    df = pd.DataFrame({"body": texts, "doc": ["x", "y", "z"], "paper": ["P", None, float("nan")]})
    out = veracity.analyze_frame(df, "body", kind="articles", metadata={"id": "doc", "outlet": "paper"})
    assert isinstance(out, pd.DataFrame)
    assert out["article_id"].tolist() == ["x", "y", "z"]
    assert out["outlet"].tolist()[0] == "P" and out["outlet"].isna().tolist()[1:] == [True, True]
    assert out["hedge_rate"].tolist() == [1.0, 1.0, 0.0]
    claims = veracity.analyze_frame(df["body"])
    assert isinstance(claims, pd.DataFrame) and claims["article"].tolist() == [0, 1, 2]
    pout = veracity.analyze_frame(pl.DataFrame({"text": texts}), kind="hedges")
    assert isinstance(pout, pl.DataFrame) and pout["cue"].to_list() == ["may", "allegedly"]
    assert isinstance(veracity.analyze_frame(pl.Series(texts)), pl.DataFrame)
    aout = veracity.analyze_frame(pa.table({"text": texts}), kind="claims")
    assert isinstance(aout, pa.Table) and aout.num_rows == 3
    plain = veracity.analyze_frame(iter(texts), kind="sources", n_threads=2, chunk_size=1)
    assert isinstance(plain, veracity.Table)
    an = veracity.Analyzer(remove_hedges=["allegedly"])
    assert veracity.analyze_frame(texts, kind="hedges", analyzer=an)["cue"] == ["may"]


def test_analyze_frame_errors() -> None:
    df = pd.DataFrame({"text": ["He left.", "", None]})
    # Items are read before any is analysed: the missing text (NaN) is a TypeError at once.
    with pytest.raises(TypeError, match="batch item 2"):
        veracity.analyze_frame(df)
    with pytest.raises(veracity.EmptyTextError, match="batch item 1"):
        veracity.analyze_frame(df.iloc[:2])
    out = veracity.analyze_frame(df, on_error="return", kind="articles")
    assert out["article"].tolist() == [0]
    with pytest.raises(KeyError, match="'body' not found"):
        veracity.analyze_frame(df, "body")
    with pytest.raises(TypeError, match="needs column"):
        veracity.analyze_frame(df, None)
    with pytest.raises(TypeError, match="single str"):
        veracity.analyze_frame("He left.")
    with pytest.raises(TypeError, match="metadata"):
        veracity.analyze_frame(["He left."], metadata={"id": "x"})
