"""analyze_batch: one result per input, in input order, errors raised or returned in their slot."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import veracity


def make_texts(n: int) -> list[str]:
    # Every text is distinct, so result i can be matched to input i by its text.
    return [f"Report {i}: the minister said {i} people may have left the capital on Monday." for i in range(n)]


def test_thousand_texts_in_order() -> None:
    texts = make_texts(1000)
    results = veracity.analyze_batch(texts)
    assert len(results) == 1000
    for i, (text, a) in enumerate(zip(texts, results, strict=True)):
        assert isinstance(a, veracity.Analysis)
        assert a.text == text, i
        assert a.claims[0].text == text


def test_thousand_texts_with_an_analyzer_and_threads() -> None:
    texts = make_texts(1000)
    an = veracity.Analyzer()
    for n_threads in (1, 3):
        results = an.analyze_batch(texts, n_threads=n_threads)
        assert [a.text for a in results] == texts


def test_batch_equals_single_calls(seed_texts: list[str]) -> None:
    batch = veracity.analyze_batch(seed_texts)
    assert batch == [veracity.analyze(t) for t in seed_texts]


def test_accepts_any_iterable_and_empty() -> None:
    assert veracity.analyze_batch([]) == []
    gen = (t for t in make_texts(5))
    assert [a.text for a in veracity.analyze_batch(gen)] == make_texts(5)
    assert [a.text for a in veracity.analyze_batch(tuple(make_texts(3)))] == make_texts(3)


def test_dict_items_carry_metadata() -> None:
    items: list[veracity._native._BatchItem] = [
        {"text": "Officials said the bridge may reopen.", "id": "a", "outlet": "Example Times"},
        "A plain string item said nothing.",
        {"text": b"Bytes work too, officials said.", "published": "2024-02-03", "authors": ["Ann Lee", "Bo Chu"]},
        {"text": "Dated.", "published": datetime.date(2020, 1, 2), "title": "T", "url": "https://example.com/a"},
    ]
    a, b, c, d = veracity.analyze_batch(items)
    assert (a.id, a.outlet, a.provenance.get("outlet")) == ("a", "Example Times", "given")
    assert b.text == "A plain string item said nothing."
    assert c.published == datetime.date(2024, 2, 3)
    assert c.authors == ["Ann Lee", "Bo Chu"]
    assert (d.title, d.url, d.published) == ("T", "https://example.com/a", datetime.date(2020, 1, 2))


def test_raise_names_the_index() -> None:
    texts: list[str | bytes] = list(make_texts(10))
    texts[7] = "   "
    texts[9] = b"\xff"
    with pytest.raises(veracity.EmptyTextError, match="batch item 7") as info:
        veracity.analyze_batch(texts)
    assert info.value.index == 7  # type: ignore[attr-defined]
    texts[4] = b"\xc3"
    with pytest.raises(veracity.InvalidUtf8Error, match="batch item 4") as info2:
        veracity.analyze_batch(texts, n_threads=2)
    assert info2.value.index == 4  # type: ignore[attr-defined]


def test_raise_on_bad_item_type() -> None:
    with pytest.raises(TypeError, match="batch item 2"):
        veracity.analyze_batch(["a b c.", "d e f.", 3.0])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="unexpected key"):
        veracity.analyze_batch([{"text": "x", "body": "y"}])
    with pytest.raises(TypeError, match="missing required key 'text'"):
        veracity.analyze_batch([{"title": "x"}])


def test_return_keeps_every_slot() -> None:
    items: list[Any] = [
        "The minister said so.",
        "",
        42,
        {"text": "Dated.", "published": "not a date"},
        b"\xff\xfe bad bytes",
        "Officials reportedly agreed.",
    ]
    results = veracity.analyze_batch(items, on_error="return")
    assert len(results) == len(items)
    assert isinstance(results[0], veracity.Analysis) and results[0].text == items[0]
    assert isinstance(results[1], veracity.EmptyTextError)
    assert isinstance(results[2], TypeError)
    assert isinstance(results[3], veracity.MetadataError)
    assert isinstance(results[4], veracity.InvalidUtf8Error)
    assert isinstance(results[5], veracity.Analysis) and results[5].text == items[5]
    for i in (1, 2, 3, 4):
        assert f"batch item {i}" in str(results[i])
        assert results[i].index == i  # type: ignore[union-attr]


def test_thousand_with_errors_returned() -> None:
    texts = make_texts(1000)
    for i in range(0, 1000, 97):
        texts[i] = ""
    results = veracity.analyze_batch(texts, on_error="return", n_threads=2)
    assert len(results) == 1000
    for i, r in enumerate(results):
        if i % 97 == 0:
            assert isinstance(r, veracity.EmptyTextError)
        else:
            assert isinstance(r, veracity.Analysis) and r.text == texts[i]
