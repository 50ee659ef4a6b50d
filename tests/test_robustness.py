"""Robustness from Python: hostile input, a 10,000-item mixed batch, panics that never cross the FFI."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import veracity

HOSTILE = [
    "He said\x00 the \x07vote\x1b[31m was \x08rigged.",
    "“Open never closed. \"Straight too. ‘Single. «Guillemet. ” » ’ \"",
    "<p>Officials <b>said</b> &amp; the <a href='x'>deal</a> may fail.</p>",
    "the deal may fail and " * 2000,
    "Ma\u0301duro said 👍🏽 the déal may fail. 🇻🇪 «Sí», dijo.",
    "\u202esaid\u200b officials\u200d may \ufefffail.",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_slices_back(text: str) -> None:
    a = veracity.analyze(text)
    for c in a.claims:
        assert text[c.start : c.end] == c.text
        assert 0.0 <= c.score <= 1.0
        for h in c.hedges:
            assert text[h.start : h.end] == h.text


def test_ten_thousand_mixed_items_keep_order() -> None:
    goods = ["Officials said the deal may fail.", "Prices rose 3 percent.", "“It is over,” she said."]
    items: list[str] = []
    for i in range(10_000):
        if i % 7 == 0:
            items.append("")
        elif i % 7 == 3:
            items.append("   \n")
        else:
            items.append(f"{goods[i % 3]} (item {i})")
    out = veracity.analyze_batch(items, on_error="return")
    assert len(out) == len(items)
    for i, r in enumerate(out):
        if i % 7 in (0, 3):
            assert isinstance(r, veracity.EmptyTextError), i
            assert r.index == i
        else:
            assert isinstance(r, veracity.Analysis), i
            assert r.text.endswith(f"(item {i})"), i
    # With on_error="raise", the first bad item (index 0) is named.
    with pytest.raises(veracity.EmptyTextError, match="batch item 0"):
        veracity.analyze_batch(items)


_PANIC_SCRIPT = r"""
import os, veracity
os.environ["VERACITY_TEST_PANIC_ON"] = "boom"
try:
    veracity.analyze("boom")
except veracity.VeracityError as e:
    assert "internal error" in str(e), e
else:
    raise SystemExit("no error raised")
out = veracity.analyze_batch(["fine text.", "boom", "also fine."], on_error="return")
assert isinstance(out[0], veracity.Analysis) and isinstance(out[2], veracity.Analysis), out
assert isinstance(out[1], veracity.VeracityError) and "batch item 1" in str(out[1]), out[1]
print("ok")
"""


def test_a_panic_in_rust_is_a_veracity_error() -> None:
    # In a child process: a crash would kill the interpreter, and the test must see that too.
    env = {k: v for k, v in os.environ.items() if k != "VERACITY_TEST_PANIC_ON"}
    env["RUST_BACKTRACE"] = "0"
    r = subprocess.run([sys.executable, "-c", _PANIC_SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_wrong_types_are_type_errors() -> None:
    for bad in (None, 3, 4.5, ["a"], {"text": "x"}):
        with pytest.raises(TypeError):
            veracity.analyze(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        veracity.analyze_batch("not a list")
    with pytest.raises(TypeError):
        veracity.analyze_batch([1, 2])
