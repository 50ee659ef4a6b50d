"""``veracity.analyze_frame``: analyse a DataFrame column, get a frame of results back.

pandas, polars and pyarrow are optional; the input's own library is used for the output, and
nothing is imported that the caller has not already imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from veracity._native import Analyzer, analyze_batch, table
from veracity._table import Table

__all__ = ["analyze_frame"]


def _library(data: Any) -> str:
    return type(data).__module__.split(".")[0]


def _column(data: Any, column: str | None) -> list[Any]:
    """The values of ``column`` (or of the series itself) as a Python list."""
    lib = _library(data)
    name = type(data).__name__
    if lib == "pandas" and name == "DataFrame":
        return list(data[_need(column, data.columns)].tolist())
    if lib == "polars" and name == "DataFrame":
        return list(data.get_column(_need(column, data.columns)).to_list())
    if lib == "pyarrow" and name == "Table":
        return list(data.column(_need(column, data.column_names)).to_pylist())
    if lib in ("pandas", "polars") and name == "Series":
        return list(data.to_list())
    if lib == "pyarrow" and name in ("Array", "ChunkedArray") or hasattr(data, "to_pylist"):
        return list(data.to_pylist())
    if isinstance(data, (str, bytes)):
        raise TypeError("analyze_frame expects a DataFrame, a Series or an iterable of texts, not a single str")
    try:
        return list(data)
    except TypeError:
        raise TypeError(
            f"analyze_frame expects a pandas/polars DataFrame or Series, a pyarrow Table, or an iterable of texts, "
            f"got {name}"
        ) from None


def _need(column: str | None, columns: Iterable[Any]) -> str:
    cols = [str(c) for c in columns]
    if column is None:
        raise TypeError("analyze_frame on a DataFrame needs column=... (the column holding the texts)")
    if column not in cols:
        raise KeyError(f"column {column!r} not found; the frame has {', '.join(cols)}")
    return column


def _missing_to_none(v: Any) -> Any:
    # pandas marks missing strings with NaN (a float) or pd.NA; metadata wants None.
    if v is None or (isinstance(v, float) and v != v) or type(v).__name__ in ("NAType", "NaTType"):
        return None
    return v


def analyze_frame(
    data: Any,
    /,
    column: str | None = "text",
    *,
    kind: str = "claims",
    analyzer: Analyzer | None = None,
    metadata: Mapping[str, str] | None = None,
    n_threads: int | None = None,
    on_error: str = "raise",
    progress: bool = False,
    chunk_size: int | None = None,
) -> Any:
    """Analyses the texts of a DataFrame column (in parallel, in Rust) and returns a frame.

    Args:
        data: a pandas or polars ``DataFrame`` (with ``column``), a pandas or polars ``Series``,
            a pyarrow ``Table``, or any iterable of texts.
        column: the column holding the texts (ignored for a Series or an iterable).
        kind: which rows to return: ``"articles"`` (one per input row), ``"claims"`` (default),
            ``"hedges"``, ``"attributions"`` or ``"sources"`` (see ``veracity.table``).
        analyzer: the ``Analyzer`` to use (default: the built-in configuration).
        metadata: article metadata taken from other columns, as ``{keyword: column}`` with
            keywords ``title``, ``outlet``, ``authors``, ``published``, ``url``, ``id``
            (missing values are None). ``id`` becomes the ``article_id`` column.
        n_threads, on_error, progress, chunk_size: as for ``analyze_batch``. With
            ``on_error="return"`` rows that fail are left out of the result.

    Returns:
        A frame of the input's library (pandas, polars or pyarrow); a ``veracity.Table`` for
        other iterables. Its ``article`` column is the input row's position (0-based), so
        ``df.iloc[result.article]`` finds the row of each result.

    Example:
        >>> import pandas as pd, veracity
        >>> df = pd.DataFrame({"text": ["Officials said the bridge may reopen.", "He left."]})
        >>> veracity.analyze_frame(df, "text", kind="articles")[["article", "claims", "hedge_rate"]]
           article  claims  hedge_rate
        0        0       1         1.0
        1        1       1         0.0
    """
    texts = _column(data, column)
    items: list[Any] = texts
    if metadata:
        lib, name = _library(data), type(data).__name__
        if name not in ("DataFrame", "Table") or lib not in ("pandas", "polars", "pyarrow"):
            raise TypeError("metadata=... needs a pandas/polars DataFrame or a pyarrow Table")
        meta_cols = {k: [_missing_to_none(v) for v in _column(data, c)] for k, c in metadata.items()}
        items = [{"text": t, **{k: vs[i] for k, vs in meta_cols.items()}} for i, t in enumerate(texts)]
    run = analyzer.analyze_batch if analyzer is not None else analyze_batch
    results = run(items, n_threads=n_threads, on_error=on_error, progress=progress, chunk_size=chunk_size)  # type: ignore[call-overload]
    out: Table = table(results, kind)
    lib = _library(data)
    if lib == "pandas":
        return out.to_pandas()
    if lib == "polars":
        return out.to_polars()
    if lib == "pyarrow":
        return out.to_arrow()
    return out
