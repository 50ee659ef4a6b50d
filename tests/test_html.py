"""Notebook display: the highlighted view, claims, sources, explanations, displaCy dicts."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import veracity

HOSTILE = (
    "<script>alert('x')</script>\n\n"
    'Three sources close to the <b>Russian</b> government told Bloomberg News that the convoy "may" have left & gone. '
    "Rubio said the minister allegedly requested asylum."
)


class Nesting(HTMLParser):
    """Checks that every element is closed in order and collects the text (without the claim
    badges), the badges of the text, the tooltips, and the rows of the ranked claim table."""

    VOID = {"br", "hr", "img", "meta"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.badges: list[tuple[str, str]] = []  # (class, visible text) of the badges in the text
        self.titles: list[tuple[str, str, str]] = []  # (tag, class, title)
        self.rows: list[list[str]] = []  # the ranked table, header row first
        self.in_text = 0
        self.in_badge = 0
        self.in_ranked = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.errors.append("a live <script> element")
        if tag not in self.VOID:
            self.stack.append(tag)
        cls = a.get("class") or ""
        if cls == "text":
            self.in_text = len(self.stack)
        if cls.split()[:1] == ["badge"] and self.in_text and not self.in_badge:
            self.in_badge = len(self.stack)
            self.badges.append((cls, ""))
        if tag == "table" and cls == "ranked":
            self.in_ranked = len(self.stack)
        if self.in_ranked and tag == "tr":
            self.rows.append([])
        if self.in_ranked and tag in ("td", "th"):
            self.rows[-1].append("")
        if a.get("title") is not None:
            self.titles.append((tag, cls, a["title"] or ""))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        depth = len(self.stack)
        self.in_text, self.in_badge, self.in_ranked = (
            0 if x == depth else x for x in (self.in_text, self.in_badge, self.in_ranked)
        )
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_badge:
            cls, seen = self.badges[-1]
            self.badges[-1] = (cls, seen + data)
        elif self.in_text and self.stack[-1] != "style":
            self.text.append(data)
        if self.in_ranked and self.rows and self.rows[-1] and self.stack[-1] != "caption":
            self.rows[-1][-1] += data


def parse(html: str) -> Nesting:
    p = Nesting()
    p.feed(html)
    p.close()
    assert p.errors == [] and p.stack == [], (p.errors, p.stack)
    return p


def test_highlighted_view_escapes_marks_and_legend() -> None:
    a = veracity.analyze(HOSTILE)
    h = a._repr_html_()
    # Escaped text: no live markup from the article, and the text reads back exactly.
    assert "<script>" not in h and "<b>Russian" not in h
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in h and "&lt;b&gt;Russian&lt;/b&gt;" in h
    assert "&amp; gone" in h and "&quot;" in h
    p = parse(h)
    assert "".join(p.text) == a.text
    # The marks, in their colours (classes), with tooltips.
    classes = {c for _, c, _ in p.titles}
    assert {"hedge", "source", "source unnamed", "cue", "content", "claim"} <= classes
    assert '<mark class="hedge" title="hedge: reporting_hedge (weight 0.45)">allegedly</mark>' in h
    titles = {t for _, _, t in p.titles}
    assert any(t.startswith("source: Bloomberg News (news_outlet) · reliability ") for t in titles)
    assert any(t.startswith("source: Three sources close to the <b>Russian</b> government (anonymous)") for t in titles)
    assert any(t.startswith("content attributed to Bloomberg News (news_outlet) → ") and "anonymous" in t for t in titles)
    assert any(t.startswith("claim 1: credibility ") and "check-worthiness" in t for t in titles)
    # The legend names every colour.
    legend = h[h.index('class="legend"') : h.index('class="text"')]
    for label in ("hedge cue", "named source", "anonymous / vague source", "attribution cue", "attributed content"):
        assert label in legend
    assert "3 claims" in h  # the first line is taken as the headline (escaped in the header too)


# The columns of the ranked claim table, as documented in docs/python.md.
RANKED_COLUMNS = ["rank", "claim", "grade", "credibility", "check-worthiness", "certainty", "kind", "source", "text"]


def test_every_claim_shows_its_badge_without_hovering() -> None:
    a = veracity.analyze("Officials said the bridge may reopen. The minister should resign.")
    p = parse(a._repr_html_())
    # Visible text, not a tooltip: "[#index · grade · credibility] ", the brackets hidden by the
    # stylesheet and shown where a viewer strips it; the colour class is the credibility digit.
    s0, s1 = (f"{c.score:.2f}" for c in a.claims)
    assert p.badges == [("badge c4", f"[#0 · E4 · {s0}] "), ("badge c6", f"[#1 · C6 · {s1}] ")]
    assert "".join(p.text) == a.text  # the badges are not part of the article text


def test_badges_of_the_seeds_open_every_claim(seed_analyses: dict[str, veracity.Analysis]) -> None:
    for prefix, a in seed_analyses.items():
        p = parse(a._repr_html_())
        want = [(f"badge c{c.admiralty.credibility}", f"[#{c.index} · {c.grade} · {c.score:.2f}] ") for c in a.claims]
        assert p.badges == want, prefix
        # Each badge sits right after its claim's opening tag, so it marks where the claim starts.
        h = a._repr_html_()
        for c in a.claims:
            assert f'<span class="badge c{c.admiralty.credibility}"><span class="plain">[</span>#{c.index} ·' in h


def test_ranked_table_follows_ranked_claims(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = veracity.analyze(HOSTILE)
    p = parse(a._repr_html_())
    header, *rows = p.rows
    assert header == RANKED_COLUMNS
    ranked = a.ranked_claims()
    assert [int(r[1]) for r in rows] == [c.index for c in ranked]
    # Highest check-worthiness first; equal ones in text order.
    assert [c.index for c in ranked] == sorted(range(3), key=lambda i: (-a.claims[i].checkworthiness, i))
    for rank, (row, c) in enumerate(zip(rows, ranked), start=1):
        assert row == [
            str(rank),
            str(c.index),
            c.grade,
            f"{c.score:.2f}",
            f"{c.checkworthiness:.2f}",
            c.certainty_level,
            c.kind,
            " → ".join(s.name for s in c.attribution.sources) if c.attribution else "",
            c.text,
        ]
    # The claim texts and source names are escaped in the table too.
    assert "<b>Russian" not in a._repr_html_()
    bloomberg = next(r for r in rows if r[-1].startswith("Three sources"))
    assert bloomberg[7] == "Bloomberg News → Three sources close to the <b>Russian</b> government"
    for prefix, s in seed_analyses.items():
        header, *rows = parse(s._repr_html_()).rows
        assert [int(r[1]) for r in rows] == [c.index for c in s.ranked_claims()], prefix
        worth = [float(r[4]) for r in rows]
        assert worth == sorted(worth, reverse=True), prefix


def test_no_claims_renders_no_badge_and_an_empty_table() -> None:
    a = veracity.analyze("By John Smith")  # a byline only: metadata, no claim
    assert a.claims == []
    p = parse(a._repr_html_())
    assert p.badges == [] and p.rows == [RANKED_COLUMNS]
    assert "0 claims" in a._repr_html_()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_views_nest_and_read_back(seed_analyses: dict[str, veracity.Analysis], prefix: str) -> None:
    a = seed_analyses[prefix]
    p = parse(a._repr_html_())
    assert "".join(p.text) == a.text
    assert sum(1 for tag, c, _ in p.titles if c.startswith("hedge")) >= 1


def test_hostile_tooltips_are_escaped() -> None:
    a = veracity.analyze('"<i>Hi</i>" said <Bob & "Al">, who may know.')
    h = a._repr_html_()
    assert "<i>" not in h
    parse(h)


def test_claim_source_and_explanation_html() -> None:
    a = veracity.analyze(HOSTILE)
    c = a.claims[1]
    h = c._repr_html_()
    parse(h)
    assert "&lt;b&gt;Russian&lt;/b&gt;" in h and '<mark class="hedge"' in h
    assert "credibility" in h and "check-worthiness" in h and "Bloomberg News" in h
    assert f"<tr><th>grade</th><td>{c.grade}</td></tr>" in h
    s = a.sources[-1]
    sh = s._repr_html_()
    parse(sh)
    assert "reliability" in sh and s.kind in sh
    eh = c.explanation._repr_html_()
    parse(eh)
    assert all(x.signal in eh for x in c.explanation.contributions)
    t = a.table("claims")._repr_html_()
    parse(t)
    assert "&lt;b&gt;Russian" in t


def test_to_displacy_ent_and_span() -> None:
    a = veracity.analyze("Señora Núñez said the café may close — allegedly. Sources said it might not.")
    d = a.to_displacy()
    assert d["text"] == a.text and d["title"] is None
    ents = [(a.text[e["start"] : e["end"]], e["label"]) for e in d["ents"]]
    assert ("Señora Núñez", "SOURCE") in ents and ("said", "CUE") in ents
    assert ("may", "HEDGE") in ents and ("allegedly", "HEDGE") in ents
    starts = [e["start"] for e in d["ents"]]
    assert starts == sorted(starts)
    assert all(x["end"] <= y["start"] for x, y in zip(d["ents"], d["ents"][1:]))  # no overlaps
    s = a.to_displacy("span")
    assert s["tokens"][:3] == ["Señora", "Núñez", "said"]
    labels = {sp["label"] for sp in s["spans"]}
    assert {"HEDGE", "SOURCE", "CUE", "CONTENT"} <= labels
    for sp in s["spans"]:
        assert 0 <= sp["start_token"] < sp["end_token"] <= len(s["tokens"])
    with pytest.raises(veracity.OptionError, match="ent, span"):
        a.to_displacy("dep")  # type: ignore[arg-type]
