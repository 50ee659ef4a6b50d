"""Pictures of veracity results with matplotlib (``pip install 'veracity[plot]'``).

- :func:`profiles`: outlet and source profiles of a corpus side by side (:func:`outlets`,
  :func:`sources`).
- :func:`calibration`: the reliability diagram of a fitted scoring model (predicted against
  observed rate per bin).
- :func:`claim_scores`: the distribution of claim scores per outlet.
- :func:`waterfall`: one score (a claim's, an article's, a source's) as the running sum of its
  signal contributions, on the score scale or on the log-odds scale of a logistic model.

Every function draws into ``ax`` (a new figure when ``None``) and returns the matplotlib
``Axes`` (:func:`profiles` returns the pair). Nothing is shown or saved: call ``plt.show()`` or
``ax.figure.savefig(...)``; in Jupyter the figure appears below the cell.

Example::

    import veracity, veracity.plot as vp
    batch = veracity.analyze_batch(items)               # items with an "outlet" key
    vp.profiles(veracity.Corpus(batch))
    vp.claim_scores(batch)
    vp.waterfall(batch[0].ranked_claims()[0])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

try:
    import matplotlib
    import matplotlib.patches
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("veracity.plot needs matplotlib; install it with: pip install 'veracity[plot]'") from e

import veracity

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["calibration", "claim_scores", "outlets", "profiles", "sources", "waterfall"]

#: The outlet-profile rates shown by :func:`outlets`, in column order, then ``reliability``.
OUTLET_COLUMNS = (
    "attribution_rate",
    "named_rate",
    "anonymous_rate",
    "vague_rate",
    "hedge_rate",
    "weasel_rate",
    "specifics_rate",
    "corroboration_rate",
    "contradiction_rate",
    "reliability",
)

#: The claim values :func:`claim_scores` can show.
CLAIM_SCORES = ("score", "checkworthiness", "certainty")

# Colours: positive and negative contributions, the base and total bars, one colour per source kind.
_UP, _DOWN, _BASE, _TOTAL = "#2f9e44", "#c92a2a", "#868e96", "#1c7ed6"
_KIND_COLOURS = {k: matplotlib.colormaps["tab10"](i % 10) for i, k in enumerate(veracity.SOURCE_KINDS)}
# boxplot(orientation=...) replaced vert=... in matplotlib 3.10.
_ORIENTATION = tuple(int(x) for x in matplotlib.__version__.split(".")[:2]) >= (3, 10)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _profiles(data: Any) -> veracity.Profiles:
    if isinstance(data, veracity.Profiles):
        return data
    if isinstance(data, veracity.Corpus):
        return data.profiles()
    raise TypeError(f"expected a veracity.Profiles or a veracity.Corpus, got {type(data).__name__}")


def _top(top: int | None) -> int | None:
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise veracity.OptionError(f"top must be a positive integer or None, got {top!r}")
    return top


# ---------------------------------------------------------------------------------------------
# Profiles


def outlets(profiles: veracity.Profiles | veracity.Corpus, /, ax: Axes | None = None, *, top: int | None = None) -> Axes:
    """Outlet profiles as a heat map: one row per outlet, one column per rate, and reliability.

    Each cell holds the value (every rate is a share of the outlet's claims; see
    ``docs/scoring.md``, "Source profiles"); the reliability column adds the Admiralty letter.
    Rows are the outlets with the most claims first (ties by name).

    Args:
        profiles: a ``veracity.Profiles`` or a ``veracity.Corpus`` (its ``profiles()``).
        ax: the Axes to draw into (default: a new figure).
        top: show only the ``top`` outlets with the most claims.

    Returns:
        The Axes. Its image holds the values (``ax.images[0].get_array()``), rows in the
        order of the y tick labels, columns in :data:`OUTLET_COLUMNS` order.

    Raises:
        VeracityError: the corpus has no outlet.
    """
    rows = sorted(_profiles(profiles).outlets, key=lambda o: (-o.claims, o.name))[: _top(top)]
    if not rows:
        raise veracity.VeracityError("no outlet to plot: the corpus is empty")
    values = [[float(getattr(o, c)) for c in OUTLET_COLUMNS] for o in rows]
    ax = _axes(ax, (9.0, 0.9 + 0.45 * len(rows)))
    ax.imshow(values, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    for i, o in enumerate(rows):
        for j, v in enumerate(values[i]):
            label = f"{v:.2f} {o.grade}" if OUTLET_COLUMNS[j] == "reliability" else f"{v:.2f}"
            ax.text(j, i, label, ha="center", va="center", fontsize=8, color="white" if v > 0.6 else "black")
    ax.set_xticks(range(len(OUTLET_COLUMNS)), [c.removesuffix("_rate") for c in OUTLET_COLUMNS])
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_yticks(range(len(rows)), [f"{o.name} ({o.claims})" for o in rows])
    ax.set_title("Outlets: share of claims, and reliability")
    return ax


def sources(profiles: veracity.Profiles | veracity.Corpus, /, ax: Axes | None = None, *, top: int | None = 15) -> Axes:
    """Source profiles as bars: each source's reliability across the corpus, coloured by kind.

    Rows are the most cited sources first (mentions, then claims, then name); each bar is
    labelled with the Admiralty letter and the number of mentions and articles.

    Args:
        profiles: a ``veracity.Profiles`` or a ``veracity.Corpus``.
        ax: the Axes to draw into (default: a new figure).
        top: show the ``top`` most cited sources (default 15; ``None`` for all).

    Returns:
        The Axes; one bar per source (``ax.patches``), top row first.

    Raises:
        VeracityError: the corpus cites no source.
    """
    rows = sorted(_profiles(profiles).sources, key=lambda s: (-s.mentions, -s.claims, s.name))[: _top(top)]
    if not rows:
        raise veracity.VeracityError("no source to plot: no claim of the corpus is attributed")
    ax = _axes(ax, (7.0, 0.9 + 0.35 * len(rows)))
    y = list(range(len(rows)))
    ax.barh(y, [s.reliability for s in rows], color=[_KIND_COLOURS.get(s.kind, _BASE) for s in rows])
    for i, s in enumerate(rows):
        ax.text(s.reliability + 0.01, i, f"{s.grade} · {s.mentions}× in {s.articles}", va="center", fontsize=8)
    ax.set_yticks(y, [s.name if len(s.name) <= 40 else s.name[:39] + "…" for s in rows])
    ax.invert_yaxis()
    ax.set_xlim(0.0, 1.3)
    ax.set_xlabel("reliability")
    kinds = list(dict.fromkeys(s.kind for s in rows))
    handles = [matplotlib.patches.Patch(color=_KIND_COLOURS.get(k, _BASE), label=k) for k in kinds]
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="kind")
    ax.set_title("Sources: reliability (grade · mentions in articles)")
    return ax


def profiles(
    profiles: veracity.Profiles | veracity.Corpus,
    /,
    axes: Sequence[Axes] | None = None,
    *,
    top_outlets: int | None = None,
    top_sources: int | None = 15,
) -> tuple[Axes, Axes]:
    """Outlet and source profiles side by side: :func:`outlets` left, :func:`sources` right.

    Args:
        profiles: a ``veracity.Profiles`` or a ``veracity.Corpus``.
        axes: two Axes to draw into (default: a new figure with two panels).
        top_outlets, top_sources: as ``top`` of :func:`outlets` and :func:`sources`.

    Returns:
        The two Axes ``(outlets, sources)``.
    """
    p = _profiles(profiles)
    if axes is None:
        import matplotlib.pyplot as plt

        n = max(min(len(p.outlets), top_outlets or len(p.outlets)), min(len(p.sources), top_sources or len(p.sources)))
        _, pair = plt.subplots(1, 2, figsize=(15.0, 1.2 + 0.4 * n), layout="constrained", width_ratios=(1.3, 1.0))
        left, right = pair[0], pair[1]
    else:
        if len(axes) != 2:
            raise TypeError(f"axes must hold two Axes (outlets, sources), got {len(axes)}")
        left, right = axes[0], axes[1]
    return outlets(p, left, top=top_outlets), sources(p, right, top=top_sources)


# ---------------------------------------------------------------------------------------------
# Calibration


def _report(model_or_report: Any) -> Mapping[str, Any]:
    report = getattr(model_or_report, "report", model_or_report)
    if not isinstance(report, Mapping):
        raise TypeError(
            f"expected a fitted model (with a .report dict) or its report dict, got {type(model_or_report).__name__}"
        )
    return report


def _number(bin_: Mapping[str, Any], key: str, i: int) -> float:
    if key not in bin_:
        raise veracity.VeracityError(f"calibration bin {i} has no {key!r}")
    v = bin_[key]
    if v is None or isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise veracity.VeracityError(f"calibration bin {i}: {key} is {v!r}, not a finite number")
    return float(v)


def calibration(model_or_report: Any, /, ax: Axes | None = None) -> Axes:
    """The reliability (calibration) diagram of a fitted scoring model.

    For each bin of predicted probability: the observed rate against the mean prediction (a
    point whose area grows with the bin's size, labelled with ``n``), and the bin's range as a
    horizontal segment at the observed rate. The diagonal is perfect calibration. The title
    gives ``n``, AUC and Brier score when the report has them.

    Args:
        model_or_report: a fitted model with a ``.report`` dict, or that dict:
            ``{"n", "auc", "brier", "calibration": [{"lower", "upper", "n", "mean_predicted",
            "observed"}, ...]}``. Bins with ``n == 0`` are skipped.
        ax: the Axes to draw into (default: a new figure).

    Returns:
        The Axes: ``ax.lines[0]`` the diagonal, ``ax.lines[1]`` the curve through the bins.

    Raises:
        TypeError: neither a model nor a mapping.
        VeracityError: no ``calibration`` list, a bin without one of its numbers, or no
            non-empty bin.
    """
    report = _report(model_or_report)
    bins = report.get("calibration")
    if not isinstance(bins, Sequence) or isinstance(bins, (str, bytes)):
        raise veracity.VeracityError("the report has no 'calibration' list of bins")
    points: list[tuple[float, float, float, float, int]] = []
    for i, b in enumerate(bins):
        if not isinstance(b, Mapping):
            raise veracity.VeracityError(f"calibration bin {i} is a {type(b).__name__}, not a mapping")
        n = _number(b, "n", i)
        if n < 0 or n != int(n):
            raise veracity.VeracityError(f"calibration bin {i}: n is {b['n']!r}, not a count")
        if n == 0:
            continue
        lower, upper = _number(b, "lower", i), _number(b, "upper", i)
        points.append((lower, upper, _number(b, "mean_predicted", i), _number(b, "observed", i), int(n)))
    if not points:
        raise veracity.VeracityError("the calibration report has no bin with n > 0")
    ax = _axes(ax, (5.0, 5.0))
    ax.plot([0.0, 1.0], [0.0, 1.0], linestyle="--", color=_BASE, linewidth=1, label="perfect calibration")
    ax.plot([p[2] for p in points], [p[3] for p in points], color=_TOTAL, marker="o", markersize=0, label="model")
    biggest = max(p[4] for p in points)
    ax.scatter(
        [p[2] for p in points], [p[3] for p in points], s=[20 + 180 * p[4] / biggest for p in points], color=_TOTAL
    )
    for lower, upper, pred, obs, n in points:
        ax.hlines(obs, lower, upper, color=_TOTAL, alpha=0.35, linewidth=3)
        ax.annotate(f"n={n}", (pred, obs), textcoords="offset points", xytext=(6, -10), fontsize=7)
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.set_aspect("equal")
    ax.set_xlabel("predicted probability (mean of the bin)")
    ax.set_ylabel("observed rate")
    figures = []
    for key, label in (("n", "n="), ("auc", "AUC "), ("brier", "Brier ")):
        v = report.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            figures.append(f"{label}{v:.0f}" if key == "n" else f"{label}{v:.3f}")
    ax.set_title("Calibration" + (f" ({', '.join(figures)})" if figures else ""))
    ax.legend(loc="upper left", fontsize=8)
    return ax


# ---------------------------------------------------------------------------------------------
# Claim scores per outlet


def claim_scores(
    analyses: veracity.Analysis | Iterable[veracity.Analysis | BaseException],
    /,
    ax: Axes | None = None,
    *,
    score: str = "score",
) -> Axes:
    """The distribution of claim scores per outlet: a box plot with every claim as a point.

    Outlets are the articles' ``outlet`` (``veracity.UNKNOWN_OUTLET`` when missing, as in
    ``Corpus.profiles()``), in name order, each labelled with its number of claims. Exceptions
    of an ``on_error="return"`` batch are skipped, as ``veracity.table`` and ``Corpus.extend``
    skip them.

    Args:
        analyses: an ``Analysis`` or an iterable of them.
        ax: the Axes to draw into (default: a new figure).
        score: the claim value: ``"score"`` (credibility, default), ``"checkworthiness"`` or
            ``"certainty"`` (``veracity.plot.CLAIM_SCORES``).

    Returns:
        The Axes; one box per outlet, top to bottom in the order of the y tick labels.

    Raises:
        OptionError: an unknown ``score``.
        TypeError: an item that is neither an ``Analysis`` nor an exception.
        VeracityError: no claim at all.
    """
    if score not in CLAIM_SCORES:
        raise veracity.OptionError(f"invalid value {score!r} for score: expected one of {', '.join(CLAIM_SCORES)}")
    items = [analyses] if isinstance(analyses, veracity.Analysis) else list(analyses)
    by_outlet: dict[str, list[float]] = {}
    for i, a in enumerate(items):
        if isinstance(a, BaseException):
            continue
        if not isinstance(a, veracity.Analysis):
            raise TypeError(f"item {i}: expected a veracity.Analysis, got {type(a).__name__}")
        values = by_outlet.setdefault(a.outlet or veracity.UNKNOWN_OUTLET, [])
        values.extend(float(getattr(c, score)) for c in a.claims)
    names = sorted(n for n, v in by_outlet.items() if v)
    if not names:
        raise veracity.VeracityError("no claim to plot")
    data = [by_outlet[n] for n in names]
    ax = _axes(ax, (7.0, 1.0 + 0.6 * len(names)))
    positions = list(range(1, len(names) + 1))
    horizontal: dict[str, Any] = {"orientation": "horizontal"} if _ORIENTATION else {"vert": False}
    ax.boxplot(data, positions=positions, widths=0.6, showfliers=False, **horizontal)
    for pos, values in zip(positions, data):
        # Evenly spread offsets instead of random jitter: the same picture on every run.
        k = len(values)
        offsets = [0.0] if k == 1 else [-0.2 + 0.4 * j / (k - 1) for j in range(k)]
        ax.scatter(values, [pos + o for o in offsets], s=10, alpha=0.5, color=_TOTAL, zorder=3)
    ax.set_yticks(positions, [f"{n} ({len(v)})" for n, v in zip(names, data)])
    ax.invert_yaxis()
    ax.set_xlim(-0.02, 1.02)
    label = {"score": "credibility", "checkworthiness": "check-worthiness", "certainty": "certainty"}[score]
    ax.set_xlabel(f"claim {label}")
    ax.set_title(f"Claim {label} by outlet (claims)")
    return ax


# ---------------------------------------------------------------------------------------------
# Waterfall


def _explanation(obj: Any) -> Any:
    if hasattr(obj, "contributions") and hasattr(obj, "base"):
        return obj
    for attr in ("explanation", "credibility_explanation"):
        e = getattr(obj, attr, None)
        if e is not None and hasattr(e, "contributions"):
            return e
    raise TypeError(
        f"expected an Explanation or an object with an .explanation (a Claim, a source or outlet profile), "
        f"got {type(obj).__name__}"
    )


def waterfall(explanation_or_claim: Any, /, ax: Axes | None = None, top: int | None = None) -> Axes:
    """One score as a waterfall of its signal contributions.

    The first bar is the base, each signal then moves the running total by its contribution
    (green up, red down), and the last bar is the total. For an additive explanation (the
    default, ``link == "identity"``) the axis is the score and the total is ``raw``, clamped to
    ``value`` in [0, 1] (the clamp is marked). For a logistic model (``link == "logistic"``) the
    axis is log-odds, the base is the intercept, and the total is annotated with the probability
    ``value = 1 / (1 + exp(-raw))``, which the top axis also shows.

    Args:
        explanation_or_claim: an ``Explanation``, or an object with one: a ``Claim`` (its
            credibility explanation), a ``SourceSummary`` or profile (its reliability), an
            article with ``credibility_explanation``.
        ax: the Axes to draw into (default: a new figure).
        top: keep the ``top`` signals with the largest absolute contributions (in their order)
            and sum the others into one ``other (k signals)`` bar, so the total is unchanged.

    Returns:
        The Axes; ``ax.patches`` are the bars, top to bottom: base, signals, total.

    Raises:
        TypeError: no explanation found.
        OptionError: ``top`` is not a positive integer.
        VeracityError: an unknown ``link``, or contributions that do not add up to ``raw``.
    """
    e = _explanation(explanation_or_claim)
    link = getattr(e, "link", "identity") or "identity"
    if link not in ("identity", "logistic"):
        raise veracity.VeracityError(f"unknown link {link!r}: expected identity or logistic")
    base, raw, value = float(e.base), float(e.raw), float(e.value)
    terms = [(str(c.signal), float(c.contribution)) for c in e.contributions]
    total = base + math.fsum(c for _, c in terms)
    if not math.isclose(total, raw, rel_tol=1e-9, abs_tol=1e-9):
        raise veracity.VeracityError(f"the explanation does not add up: base + contributions = {total!r}, raw = {raw!r}")
    top = _top(top)
    if top is not None and len(terms) > top:
        keep = set(sorted(range(len(terms)), key=lambda i: -abs(terms[i][1]))[:top])
        rest = [t for i, t in enumerate(terms) if i not in keep]
        terms = [t for i, t in enumerate(terms) if i in keep]
        terms.append((f"other ({len(rest)} signals)", math.fsum(c for _, c in rest)))

    logistic = link == "logistic"
    ax = _axes(ax, (7.0, 1.2 + 0.4 * (len(terms) + 2)))
    labels = ["intercept" if logistic else "base"]
    ax.barh(0, base, color=_BASE)
    ax.text(max(0.0, base), 0, f" {_signed(base)}", va="center", fontsize=8)
    running = base
    for i, (signal, c) in enumerate(terms, start=1):
        # A connector from the previous running total, then the bar that moves it.
        ax.plot([running, running], [i - 1.4, i - 0.4] if i > 1 else [-0.4, 0.6], color=_BASE, linewidth=0.6)
        ax.barh(i, c, left=running, color=_UP if c >= 0 else _DOWN)
        ax.text(max(running, running + c), i, f" {_signed(c)}", va="center", fontsize=8)
        running += c
        labels.append(signal)
    last = len(terms) + 1
    if logistic:
        labels.append("log-odds")
        ax.barh(last, raw, color=_TOTAL)
        note = f" {_signed(raw)}  → p = {value:.3f}"
        ax.set_xlabel("log-odds")
        ax.secondary_xaxis("top", functions=(_sigmoid, _logit)).set_xlabel("probability")
    else:
        labels.append("score")
        ax.barh(last, value, color=_TOTAL)
        note = f" {value:.3f}"
        if not math.isclose(raw, value):
            note += f"  (clamped from {raw:.3f})"
            ax.plot([raw, raw], [last - 0.4, last + 0.4], color=_DOWN, linestyle=":")
        ax.set_xlabel("score")
    ax.text(max(0.0, value if not logistic else raw), last, note, va="center", fontsize=8, fontweight="bold")
    ax.axvline(0.0, color="black", linewidth=0.6)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    lo = min(0.0, base, raw, *_running(base, terms))
    hi = max(0.0, base, raw, value, *_running(base, terms))
    pad = 0.25 * (hi - lo or 1.0)
    ax.set_xlim(lo - 0.05 * pad, hi + pad)
    ax.set_title("Contributions to the score" + (" (logistic model)" if logistic else ""))
    return ax


def _signed(x: float) -> str:
    # -0.0 (a zero value times a negative weight) reads as 0.
    return f"{x + 0.0:+.3f}" if round(x, 3) != 0 else "0.000"


def _running(base: float, terms: list[tuple[str, float]]) -> list[float]:
    out, s = [], base
    for _, c in terms:
        s += c
        out.append(s)
    return out


def _sigmoid(x: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def _logit(p: Any) -> Any:
    import numpy as np

    q = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    return np.log(q / (1.0 - q))
