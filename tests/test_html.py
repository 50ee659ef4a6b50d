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
    """Checks that every element is closed in order and collects the text and the tooltips."""

    VOID = {"br", "hr", "img", "meta"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.titles: list[tuple[str, str, str]] = []  # (tag, class, title)
        self.in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.errors.append("a live <script> element")
        if tag not in self.VOID:
            self.stack.append(tag)
        if a.get("class") == "text":
            self.in_text = len(self.stack)
        if a.get("title") is not None:
            self.titles.append((tag, a.get("class") or "", a["title"] or ""))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if self.in_text == len(self.stack):
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text and self.stack[-1] != "style":
            self.text.append(data)


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
