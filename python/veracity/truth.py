"""Truth discovery over pandas or polars frames (neither is a dependency of veracity).

>>> from veracity.truth import discover
>>> r = discover([("a", "x", "1"), ("b", "x", "1"), ("c", "x", "2")], algorithm="majority_vote")
>>> r.truths[0][:2]
('x', '1')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from veracity._native import TruthResult, discover_truth

__all__ = ["TRUTH_COLUMNS", "discover", "discover_frame"]

#: Columns of the truths frame returned by `discover_frame`.
TRUTH_COLUMNS = ("object", "value", "confidence", "share", "support")


def discover(observations: Iterable[tuple[str, str, str]], /, **options: Any) -> TruthResult:
    """Runs truth discovery on ``(source, object, value)`` tuples (see ``discover_truth``)."""
    return discover_truth(list(observations), **options)


def _rows(frame: Any, columns: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    module = type(frame).__module__.split(".")[0]
    if module == "polars":
        cols = [frame.get_column(c).cast(str).to_list() for c in columns]
    elif module == "pandas":
        cols = [frame[c].astype(str).tolist() for c in columns]
    else:
        raise TypeError(f"expected a pandas or polars DataFrame, got {type(frame).__name__}")
    return list(zip(*cols))


def discover_frame(
    frame: Any,
    /,
    *,
    source: str = "source",
    object: str = "object",  # noqa: A002 - the column's name
    value: str = "value",
    **options: Any,
) -> tuple[Any, Any]:
    """Runs truth discovery on a pandas or polars DataFrame with one claim per row.

    Args:
        frame: a ``pandas.DataFrame`` or ``polars.DataFrame``.
        source, object, value: the column names (values are read as strings).
        **options: passed to ``discover_truth`` (``algorithm``, ``similarity``, ``normalizer``, ...).

    Returns:
        ``(truths, trust)``: two frames of the same library, ``truths`` with the columns
        ``TRUTH_COLUMNS`` (one row per object), ``trust`` with ``source`` and ``trust``.
    """
    result = discover_truth(_rows(frame, (source, object, value)), **options)
    truths = {c: [row[i] for row in result.truths] for i, c in enumerate(TRUTH_COLUMNS)}
    trust = {"source": list(result.trust), "trust": list(result.trust.values())}
    if type(frame).__module__.split(".")[0] == "polars":
        import polars as pl

        return pl.DataFrame(truths), pl.DataFrame(trust)
    import pandas as pd

    return pd.DataFrame(truths), pd.DataFrame(trust)
