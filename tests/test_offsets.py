"""Offsets are code-point offsets: ``text[x.start:x.end] == x.text`` for every result type."""

from __future__ import annotations

import pytest

import veracity


def check_offsets(a: veracity.Analysis) -> int:
    """Asserts the slicing property everywhere; returns how many spans were checked."""
    t = a.text
    n = 0

    def same(start: int | None, end: int | None, expected: str) -> None:
        nonlocal n
        assert start is not None and end is not None
        assert 0 <= start <= end <= len(t)
        assert t[start:end] == expected, (start, end, expected)
        n += 1

    for p in a.paragraphs:
        same(p.start, p.end, p.text)
        assert p.span == (p.start, p.end)
    for s in a.sentences:
        same(s.start, s.end, s.text)
    for q in a.quotes:
        same(q.start, q.end, q.text)
        same(q.content_start, q.content_end, q.content)
        assert q.start <= q.content_start <= q.content_end <= q.end
    for h in a.hedges:
        same(h.start, h.end, h.text)
        assert h.text == h.cue
    attributions = list(a.attributions) + [c.attribution for c in a.claims if c.attribution is not None]
    for at in attributions:
        same(at.cue_start, at.cue_end, at.cue)
        same(at.content_start, at.content_end, at.content)
        for src in at.sources:
            if src.span is not None:
                same(src.start, src.end, src.text)
            else:
                assert src.start is None and src.end is None
    for c in a.claims:
        same(c.start, c.end, c.text)
        for h in c.hedges:
            same(h.start, h.end, h.text)
            assert c.start <= h.start and h.end <= c.end
    return n


def test_seed_offsets_are_code_points(seed_analyses: dict[str, veracity.Analysis]) -> None:
    non_ascii = 0
    for a in seed_analyses.values():
        assert check_offsets(a) > 0
        non_ascii += len(a.text.encode("utf-8")) != len(a.text)
    # The seeds hold é, á, curly quotes and em dashes: byte offsets would break slicing.
    assert non_ascii == len(seed_analyses)


def test_offsets_survive_pickling_and_json(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["002"]
    b = veracity.Analysis.from_json(a.to_json())
    check_offsets(b)
    for c in a.claims:
        d = veracity.Claim.from_json(c.to_json())
        assert (d.start, d.end, d.text) == (c.start, c.end, c.text)
        if c.attribution is not None:
            assert d.attribution is not None and d.attribution.content == c.attribution.content


@pytest.mark.parametrize(
    "text",
    [
        "😀😀 Officials said “the café may close” — allegedly. Señora Núñez told Reuters it might reopen.",
        "Ünïcödé ÆØÅ: the minister reportedly said that about 20 people may have left.\n\n"
        "“It is clear,” said María José Pérez, “that the talks could collapse.”",
        "e\u0301 combining marks: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 sources said the deal was likely — 中文 ‘quoted’ text.",
    ],
)
def test_astral_and_combining_characters(text: str) -> None:
    a = veracity.analyze(text)
    assert a.text == text
    assert check_offsets(a) > 0
    assert a.hedges, "each sample holds at least one hedge cue"


def test_bytes_input_gives_the_same_offsets() -> None:
    text = "Román said the café “may” close — reportedly soon."
    a = veracity.analyze(text)
    b = veracity.analyze(text.encode("utf-8"))
    assert a == b
    assert [(h.start, h.end) for h in a.hedges] == [(h.start, h.end) for h in b.hedges]


def test_random_unicode_never_breaks_offsets() -> None:
    """Seeded random texts mixing cue words, punctuation and multi-byte characters: every item
    gives an Analysis (or EmptyTextError for blank ones) whose offsets slice correctly."""
    import random

    rng = random.Random(20261123)
    words = [
        "said", "told", "according to", "may", "allegedly", "reportedly", "some experts say", "the minister",
        "Reuters", "“", "”", "‘", "’", '"', "—", ".", ",", "?", "\n", "\n\n", "é", "ñ", "😀", "中文", "e\u0301",
        "By Ann Lee", "© 2024 Example News", "about 20", "could", "officials",
    ]  # fmt: skip
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    results = veracity.analyze_batch(texts, on_error="return")
    assert len(results) == len(texts)
    for text, r in zip(texts, results, strict=True):
        if isinstance(r, veracity.Analysis):
            assert r.text == text
            check_offsets(r)
        else:
            assert isinstance(r, veracity.EmptyTextError), r
            assert not text.strip()
