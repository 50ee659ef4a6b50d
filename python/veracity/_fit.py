"""``veracity.fit``: fit the article credibility model on labelled articles."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Union

from veracity._native import (
    Analysis,
    Analyzer,
    DataError,
    ScoringModel,
    _evaluate_reliability,
    _fit,
    analyze_batch,
    read_corpus,
)

_Label = Union[bool, int, str, None]
_TRUE = {"reliable", "1", "true"}
_FALSE = {"unreliable", "0", "false"}


def _label(value: _Label) -> bool | None:
    """``True``/``False`` for a usable label, ``None`` for one to leave out (``"none"``, ``None``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
        return None
    if value is None:
        return None
    raise DataError(f"a label must be a bool, 0/1 or 'reliable'/'unreliable', not {value!r}")


def _read_labels(path: str | os.PathLike[str]) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        if not rows.fieldnames or "id" not in rows.fieldnames or "label" not in rows.fieldnames:
            raise DataError(f"labels {os.fspath(path)!r} need a tab-separated header with `id` and `label` columns")
        return {row["id"]: row["label"] for row in rows}


def _analyses(corpus_or_analyses: Any, analyzer: Analyzer | None) -> list[Analysis]:
    if isinstance(corpus_or_analyses, (str, os.PathLike)):
        records = list(read_corpus(corpus_or_analyses))
        if analyzer is not None:
            return analyzer.analyze_batch(records)
        return analyze_batch(records)
    items = list(corpus_or_analyses)
    bad = [i for i, a in enumerate(items) if not isinstance(a, Analysis)]
    if bad:
        raise DataError(
            f"expected Analysis objects; item {bad[0]} is {type(items[bad[0]]).__name__} "
            f"({len(bad)} item(s) are not analyses: drop failed batch items first)"
        )
    return items


def _labelled(
    corpus_or_analyses: Any,
    labels: Any,
    groups: Any,
    corpora: Sequence[str] | None,
    analyzer: Analyzer | None,
) -> tuple[list[Analysis], list[bool], list[str], list[str] | None]:
    """The analyses with a usable label, their labels, groups and corpora."""
    analyses = _analyses(corpus_or_analyses, analyzer)
    if isinstance(labels, (str, os.PathLike)):
        labels = _read_labels(labels)
    if isinstance(labels, Mapping):
        raw = [labels.get(a.id) if a.id is not None else None for a in analyses]
    else:
        raw = list(labels)
        if len(raw) != len(analyses):
            raise DataError(f"{len(raw)} labels for {len(analyses)} analyses")
    if groups is None:
        group_values: list[str | None] = [a.outlet for a in analyses]
    elif isinstance(groups, Mapping):
        group_values = [groups.get(a.id) if a.id is not None else None for a in analyses]
    else:
        group_values = list(groups)
        if len(group_values) != len(analyses):
            raise DataError(f"{len(group_values)} groups for {len(analyses)} analyses")
    corpus_values = list(corpora) if corpora is not None else None
    if corpus_values is not None and len(corpus_values) != len(analyses):
        raise DataError(f"{len(corpus_values)} corpora for {len(analyses)} analyses")
    kept: list[Analysis] = []
    kept_labels: list[bool] = []
    kept_groups: list[str] = []
    kept_corpora: list[str] = []
    no_group = 0
    for i, (a, value, group) in enumerate(zip(analyses, raw, group_values)):
        label = _label(value)
        if label is None:
            continue
        if group is None:
            no_group += 1
            continue
        kept.append(a)
        kept_labels.append(label)
        kept_groups.append(str(group))
        if corpus_values is not None:
            kept_corpora.append(str(corpus_values[i]))
    if no_group:
        raise DataError(f"{no_group} labelled article(s) have no group (no outlet): pass `groups`")
    if not kept:
        raise DataError("no article has a usable label")
    return kept, kept_labels, kept_groups, kept_corpora if corpus_values is not None else None


def fit(
    corpus_or_analyses: str | os.PathLike[str] | Iterable[Analysis],
    labels: Mapping[str, _Label] | Sequence[_Label] | str | os.PathLike[str],
    groups: Mapping[str, str] | Sequence[str] | None = None,
    *,
    l2: float = 100.0,
    folds: int = 5,
    balance: str = "outlet",
    signals: Sequence[str] | None = None,
    corpora: Sequence[str] | None = None,
    unstable_margin: float | None = 0.03,
    analyzer: Analyzer | None = None,
) -> ScoringModel:
    """Fits the article credibility model and cross-validates it with whole outlets held out.

    Args:
        corpus_or_analyses: a corpus file (JSON lines or CSV with ``id`` and ``outlet`` fields),
            analysed with ``analyzer`` (default: the built-in one), or analyses.
        labels: per article, reliable (``True``, ``1``, ``"reliable"``) or not (``False``, ``0``,
            ``"unreliable"``): a mapping from article id, a sequence in the analyses' order, or a
            tab-separated file with ``id`` and ``label`` columns. Other values (``"none"``,
            ``None``) and articles without a label are left out.
        groups: the cross-validation group of each article (no group is in both the training and
            the scored part of a fold): a mapping from article id or a sequence in order. Default:
            each article's outlet.
        l2: L2 penalty on the standardised weights.
        folds: cross-validation folds (fewer when there are fewer groups).
        balance: ``"outlet"`` (every outlet and each class weigh the same), ``"class"`` or
            ``"none"``.
        signals: the signals to use (default: all of ``veracity.SIGNALS``).
        corpora: the corpus of each article, in order (for per-corpus figures).
        unstable_margin: with two corpora or more, a signal whose single-signal AUC is above
            ``0.5 + m`` on one corpus and below ``0.5 - m`` on another is left out; ``None``
            keeps every signal.
        analyzer: the analyser for a corpus file.

    Returns:
        A ``ScoringModel`` with ``weights``, ``intercept``, ``report`` and ``to_toml()``.

    Raises:
        DataError: no labelled article, one class only, fewer than two groups, lengths that do
            not match, an unknown signal.
    """
    kept, kept_labels, kept_groups, kept_corpora = _labelled(corpus_or_analyses, labels, groups, corpora, analyzer)
    return _fit(
        kept,
        kept_labels,
        kept_groups,
        kept_corpora,
        l2=l2,
        folds=folds,
        balance=balance,
        signals=list(signals) if signals is not None else None,
        unstable_margin=unstable_margin,
    )


def evaluate_reliability(
    corpus_or_analyses: str | os.PathLike[str] | Iterable[Analysis],
    labels: Mapping[str, _Label] | Sequence[_Label] | str | os.PathLike[str],
    groups: Mapping[str, str] | Sequence[str] | None = None,
    *,
    level: str = "article",
    corpora: Sequence[str] | None = None,
    analyzer: Analyzer | None = None,
) -> dict[str, Any]:
    """Measures article credibility (as configured) against labels, as `veracity eval reliability`.

    Takes the same ``corpus_or_analyses``, ``labels``, ``groups``, ``corpora`` and ``analyzer`` as
    ``fit``. ``level="article"`` scores each article's credibility against its label,
    ``level="outlet"`` each outlet's score (the model at its articles' mean signals) against the
    majority of its articles' labels.

    Returns:
        ``{"task": "reliability", "level", "n", "auc", "brier", "outlet_pairs": {"right",
        "total", "share"}}``; outlet pairs are counted within each corpus.

    Raises:
        DataError: no labelled article, lengths that do not match.
        OptionError: another level.
    """
    kept, kept_labels, kept_groups, kept_corpora = _labelled(corpus_or_analyses, labels, groups, corpora, analyzer)
    return _evaluate_reliability(kept, kept_labels, kept_groups, kept_corpora, level=level)
