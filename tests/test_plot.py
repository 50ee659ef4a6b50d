"""veracity.plot, drawn headless (Agg): what each picture shows, checked against hand-made data."""

from __future__ import annotations

import importlib
import json
import math
import random
import sys
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import veracity  # noqa: E402
import veracity.plot as vp  # noqa: E402

FOUR = (
    "The bridge closed on Monday. Officials said the bridge may reopen. "
    "Maria Lopez said the repairs cost 3 million dollars. The mayor visited the site."
)
ONE = "Officials said the bridge may reopen."


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def labels(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def bars(ax: Any) -> list[tuple[float, float]]:
    """(left, width) of each horizontal bar, top row first."""
    return [(p.get_x(), p.get_width()) for p in sorted(ax.patches, key=lambda p: p.get_y())]


def same_bars(got: list[tuple[float, float]], want: list[tuple[float, float]]) -> bool:
    return len(got) == len(want) and all(g == pytest.approx(w) for g, w in zip(got, want))


def explanation(base: float, terms: list[tuple[str, float]], raw: float, value: float) -> veracity.Explanation:
    contributions = [
        {"signal": s, "value": 1.0, "weight": c, "contribution": c, "detail": ""} for s, c in terms
    ]
    return veracity.Explanation.from_json(
        json.dumps({"base": base, "contributions": contributions, "raw": raw, "value": value})
    )


def test_import_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    monkeypatch.delitem(sys.modules, "veracity.plot")
    with pytest.raises(ImportError, match=r"pip install 'veracity\[plot\]'"):
        importlib.import_module("veracity.plot")


# ---------------------------------------------------------------------------------------------
# waterfall


def test_waterfall_additive_running_sum() -> None:
    e = explanation(0.5, [("hedging", -0.2), ("source", 0.1), ("weasel", 0.0)], raw=0.4, value=0.4)
    ax = vp.waterfall(e)
    assert labels(ax) == ["base", "hedging", "source", "weasel", "score"]
    assert same_bars(bars(ax), [(0.0, 0.5), (0.5, -0.2), (0.3, 0.1), (0.4, 0.0), (0.0, 0.4)])
    assert ax.get_xlabel() == "score"
    colours = [p.get_facecolor() for p in sorted(ax.patches, key=lambda p: p.get_y())]
    assert colours[1] != colours[2]  # down and up differ
    assert not any("clamped" in t.get_text() for t in ax.texts)


def test_waterfall_marks_the_clamp() -> None:
    ax = vp.waterfall(explanation(0.9, [("corroboration", 0.3)], raw=1.2, value=1.0))
    assert bars(ax)[-1] == pytest.approx((0.0, 1.0))  # the score is clamped to 1 ...
    assert any("clamped from 1.200" in t.get_text() for t in ax.texts)  # ... and says from what
    assert ax.get_xlim()[1] > 1.2  # the raw total stays in view


def test_waterfall_of_a_claim_uses_its_explanation() -> None:
    claim = veracity.analyze(ONE).claims[0]
    ax = vp.waterfall(claim)
    e = claim.explanation
    assert labels(ax) == ["base", *[c.signal for c in e.contributions], "score"]
    got = bars(ax)
    assert got[0] == pytest.approx((0.0, e.base))
    assert got[-1] == pytest.approx((0.0, claim.score))
    assert math.fsum(w for _, w in got[1:-1]) == pytest.approx(e.raw - e.base)
    # A source's reliability explanation works the same way.
    source = veracity.analyze(ONE).sources[-1]
    assert bars(vp.waterfall(source))[-1] == pytest.approx((0.0, source.reliability))


def test_waterfall_logistic_on_log_odds() -> None:
    # A stand-in for a fitted logistic model's explanation: intercept and log-odds terms.
    terms = [SimpleNamespace(signal=s, value=1.0, weight=c, contribution=c, detail="") for s, c in [("a", 2.0), ("b", -0.5)]]
    e = SimpleNamespace(base=-1.0, contributions=terms, raw=0.5, value=1 / (1 + math.exp(-0.5)), link="logistic")
    ax = vp.waterfall(e)
    assert labels(ax) == ["intercept", "a", "b", "log-odds"]
    assert same_bars(bars(ax), [(0.0, -1.0), (-1.0, 2.0), (1.0, -0.5), (0.0, 0.5)])
    assert ax.get_xlabel() == "log-odds"
    assert any("p = 0.622" in t.get_text() for t in ax.texts)  # 1 / (1 + e^-0.5) = 0.6225
    top = [c for c in ax.child_axes if c.get_xlabel() == "probability"]
    assert len(top) == 1
    # An explanation without `link` is additive (the identity link), as today's are.
    del e.link
    e.value = 0.5
    assert vp.waterfall(e).get_xlabel() == "score"


def test_waterfall_top_folds_the_rest() -> None:
    e = explanation(0.5, [("a", 0.01), ("b", -0.3), ("c", 0.02), ("d", 0.2), ("e", -0.03)], raw=0.4, value=0.4)
    ax = vp.waterfall(e, top=2)
    assert labels(ax) == ["base", "b", "d", "other (3 signals)", "score"]
    assert same_bars(bars(ax), [(0.0, 0.5), (0.5, -0.3), (0.2, 0.2), (0.4, 0.0), (0.0, 0.4)])
    assert labels(vp.waterfall(e, top=5)) == ["base", "a", "b", "c", "d", "e", "score"]  # nothing to fold


@pytest.mark.parametrize("seed", range(25))
def test_waterfall_invariants_on_random_explanations(seed: int) -> None:
    # Property: every bar starts where the previous one ended, the total is raw (logistic) or
    # raw clamped to [0, 1] (additive), and folding with `top` never changes the running total.
    rng = random.Random(seed)
    k = rng.randint(0, 12)
    terms = [(f"s{i}", rng.choice([0.0, rng.uniform(-1.5, 1.5)])) for i in range(k)]
    base = rng.uniform(-1.0, 1.0)
    raw = base + math.fsum(c for _, c in terms)
    logistic = rng.random() < 0.5
    value = 1 / (1 + math.exp(-raw)) if logistic else min(1.0, max(0.0, raw))
    contributions = [SimpleNamespace(signal=s, value=1.0, weight=c, contribution=c, detail="") for s, c in terms]
    e = SimpleNamespace(base=base, contributions=contributions, raw=raw, value=value)
    if logistic:
        e.link = "logistic"
    for top in (None, 1, 3):
        got = bars(vp.waterfall(e, top=top))
        assert len(got) == 2 + (k if top is None or k <= top else top + 1)
        assert got[0] == pytest.approx((0.0, base))
        running = base
        for left, width in got[1:-1]:
            assert left == pytest.approx(running, abs=1e-9)
            running += width
        assert running == pytest.approx(raw, abs=1e-9)
        assert got[-1] == pytest.approx((0.0, raw if logistic else value), abs=1e-9)
        plt.close("all")


@pytest.mark.parametrize(
    ("arg", "kwargs", "error", "match"),
    [
        (42, {}, TypeError, "expected an Explanation"),
        ("text", {}, TypeError, "got str"),
        (None, {"top": 0}, veracity.OptionError, "top must be a positive integer"),
        (None, {"top": True}, veracity.OptionError, "top must be a positive integer"),
        (None, {"top": 1.5}, veracity.OptionError, "top must be a positive integer"),
    ],
)
def test_waterfall_rejects(arg: Any, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    e = explanation(0.5, [("a", 0.1)], raw=0.6, value=0.6) if arg is None else arg
    with pytest.raises(error, match=match):
        vp.waterfall(e, **kwargs)


def test_waterfall_rejects_inconsistent_explanations() -> None:
    with pytest.raises(veracity.VeracityError, match="does not add up"):
        vp.waterfall(explanation(0.5, [("a", 0.1)], raw=0.9, value=0.9))
    odd = SimpleNamespace(base=0.0, contributions=[], raw=0.0, value=0.5, link="probit")
    with pytest.raises(veracity.VeracityError, match="unknown link 'probit'"):
        vp.waterfall(odd)


# ---------------------------------------------------------------------------------------------
# calibration

REPORT: dict[str, Any] = {
    "n": 60,
    "auc": 0.75,
    "brier": 0.18,
    "calibration": [
        {"lower": 0.0, "upper": 0.25, "n": 10, "mean_predicted": 0.15, "observed": 0.1},
        {"lower": 0.25, "upper": 0.5, "n": 0, "mean_predicted": None, "observed": None},
        {"lower": 0.5, "upper": 0.75, "n": 30, "mean_predicted": 0.6, "observed": 0.7},
        {"lower": 0.75, "upper": 1.0, "n": 20, "mean_predicted": 0.85, "observed": 0.8},
    ],
}


def test_calibration_from_a_report_dict() -> None:
    ax = vp.calibration(REPORT)
    diagonal, curve = ax.lines[0], ax.lines[1]
    assert list(diagonal.get_xdata()) == [0.0, 1.0] and list(diagonal.get_ydata()) == [0.0, 1.0]
    # The empty bin is skipped; the others are at (mean predicted, observed).
    assert list(curve.get_xdata()) == [0.15, 0.6, 0.85]
    assert list(curve.get_ydata()) == [0.1, 0.7, 0.8]
    # Point areas grow with n: 20 + 180 * n / (largest n = 30).
    assert list(ax.collections[0].get_sizes()) == pytest.approx([80.0, 200.0, 140.0])
    # Each bin's range drawn at its observed rate.
    ranges = [seg.tolist() for c in ax.collections[1:] for seg in c.get_segments()]
    assert ranges == [[[0.0, 0.1], [0.25, 0.1]], [[0.5, 0.7], [0.75, 0.7]], [[0.75, 0.8], [1.0, 0.8]]]
    assert ax.get_title() == "Calibration (n=60, AUC 0.750, Brier 0.180)"
    assert [t.get_text() for t in ax.texts] == ["n=10", "n=30", "n=20"]


def test_calibration_from_a_model_and_without_figures() -> None:
    model = SimpleNamespace(weights={"hedge_rate": -1.0}, intercept=0.2, report=REPORT)
    assert list(vp.calibration(model).lines[1].get_ydata()) == [0.1, 0.7, 0.8]
    bare = {"calibration": [{"lower": 0.0, "upper": 1.0, "n": 5, "mean_predicted": 0.5, "observed": 0.4}]}
    assert vp.calibration(bare).get_title() == "Calibration"


@pytest.mark.parametrize(
    ("report", "error", "match"),
    [
        ([1, 2], TypeError, "expected a fitted model"),
        (SimpleNamespace(report="x"), TypeError, "expected a fitted model"),
        ({"n": 3}, veracity.VeracityError, "no 'calibration' list"),
        ({"calibration": "bins"}, veracity.VeracityError, "no 'calibration' list"),
        ({"calibration": [3]}, veracity.VeracityError, "bin 0 is a int"),
        ({"calibration": [{"lower": 0, "upper": 1, "n": 2, "mean_predicted": 0.5}]}, veracity.VeracityError, "bin 0 has no 'observed'"),
        ({"calibration": [{"lower": 0, "upper": 1, "n": 2, "mean_predicted": float("nan"), "observed": 1}]}, veracity.VeracityError, "mean_predicted is nan"),
        ({"calibration": [{"lower": 0, "upper": 1, "n": -1, "mean_predicted": 0.5, "observed": 1}]}, veracity.VeracityError, "not a count"),
        ({"calibration": [{"lower": 0, "upper": 1, "n": 0}]}, veracity.VeracityError, "no bin with n > 0"),
        ({"calibration": []}, veracity.VeracityError, "no bin with n > 0"),
    ],
)
def test_calibration_rejects(report: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        vp.calibration(report)


# ---------------------------------------------------------------------------------------------
# claim scores per outlet


def batch() -> list[veracity.Analysis | veracity.VeracityError]:
    return veracity.analyze_batch(
        [
            {"text": FOUR, "outlet": "Daily Planet"},
            {"text": ONE, "outlet": "Courier"},
            "",  # fails: skipped, as veracity.table skips it
            {"text": "He left."},  # no outlet
        ],
        on_error="return",
    )


def test_claim_scores_per_outlet() -> None:
    rs = batch()
    ax = vp.claim_scores(rs)
    unknown = veracity.UNKNOWN_OUTLET
    assert sorted([unknown, "Courier", "Daily Planet"]) == [unknown, "Courier", "Daily Planet"]
    assert labels(ax) == [f"{unknown} (1)", "Courier (1)", "Daily Planet (4)"]
    points = [list(c.get_offsets()[:, 0]) for c in ax.collections]
    assert points == [[c.score for c in rs[3].claims], [c.score for c in rs[1].claims], [c.score for c in rs[0].claims]]
    assert ax.get_xlabel() == "claim credibility"
    ax = vp.claim_scores(rs[0], score="checkworthiness")
    assert labels(ax) == ["Daily Planet (4)"]
    assert list(ax.collections[0].get_offsets()[:, 0]) == [c.checkworthiness for c in rs[0].claims]
    assert ax.get_xlabel() == "claim check-worthiness"


def test_claim_scores_rejects() -> None:
    with pytest.raises(veracity.OptionError, match="expected one of score, checkworthiness, certainty"):
        vp.claim_scores(batch(), score="grade")
    with pytest.raises(veracity.VeracityError, match="no claim to plot"):
        vp.claim_scores([veracity.analyze("By John Smith")])
    with pytest.raises(veracity.VeracityError, match="no claim to plot"):
        vp.claim_scores([])
    with pytest.raises(TypeError, match="item 1: expected a veracity.Analysis, got str"):
        vp.claim_scores([veracity.analyze(ONE), "text"])


# ---------------------------------------------------------------------------------------------
# profiles


def corpus() -> veracity.Corpus:
    return veracity.Corpus(
        [veracity.analyze(FOUR, outlet="Daily Planet"), veracity.analyze(ONE, outlet="Courier")], corroboration=False
    )


def test_outlet_heat_map() -> None:
    c = corpus()
    ax = vp.outlets(c)
    assert labels(ax) == ["Daily Planet (4)", "Courier (1)"]  # most claims first
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "attribution", "named", "anonymous", "vague", "hedge", "weasel", "specifics", "corroboration", "contradiction", "reliability",
    ]  # fmt: skip
    grid = ax.images[0].get_array()
    # Hand-counted: Daily Planet's 4 claims: 2 attributed (Officials, Maria Lopez), 1 named,
    # 1 anonymous, 1 hedged ("may"); Courier's one claim is attributed, anonymous and hedged.
    assert [list(row[:5]) for row in grid] == [[0.5, 0.25, 0.25, 0.0, 0.25], [1.0, 0.0, 1.0, 0.0, 1.0]]
    p = c.profiles()
    assert list(grid[:, -1]) == [p.outlet("Daily Planet").reliability, p.outlet("Courier").reliability]
    cell = f"{p.outlet('Courier').reliability:.2f} {p.outlet('Courier').grade}"
    assert cell in [t.get_text() for t in ax.texts]
    assert labels(vp.outlets(p, top=1)) == ["Daily Planet (4)"]


def test_source_bars() -> None:
    p = corpus().profiles()
    ax = vp.sources(p)
    # "Officials" is cited twice (both outlets), Maria Lopez once.
    assert labels(ax) == ["Officials", "Maria Lopez"]
    assert [w for _, w in bars(ax)] == [p.source("Officials").reliability, p.source("Maria Lopez").reliability]
    texts = [t.get_text() for t in ax.texts]
    assert texts == [f"{p.source('Officials').grade} · 2× in 2", f"{p.source('Maria Lopez').grade} · 1× in 1"]
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["anonymous", "named_person"]
    assert labels(vp.sources(p, top=1)) == ["Officials"]


def test_profiles_side_by_side() -> None:
    left, right = vp.profiles(corpus())
    assert left.figure is right.figure
    assert left.get_position().x1 <= right.get_position().x0  # outlets left, sources right
    assert labels(left) == ["Daily Planet (4)", "Courier (1)"] and labels(right) == ["Officials", "Maria Lopez"]
    fig, axes = plt.subplots(1, 2)
    got = vp.profiles(corpus().profiles(), list(axes))
    assert got == (axes[0], axes[1])


def test_profiles_reject() -> None:
    with pytest.raises(TypeError, match="expected a veracity.Profiles or a veracity.Corpus, got list"):
        vp.profiles([veracity.analyze(ONE)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="two Axes"):
        vp.profiles(corpus(), [plt.gca()])
    with pytest.raises(veracity.VeracityError, match="no outlet to plot"):
        vp.outlets(veracity.Corpus())
    with pytest.raises(veracity.VeracityError, match="no source to plot"):
        vp.sources(veracity.Corpus([veracity.analyze("The mayor visited the site.")]))
    with pytest.raises(veracity.OptionError, match="top must be"):
        vp.sources(corpus(), top=-1)
