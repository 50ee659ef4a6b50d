"""veracity on Dask: analyse a corpus that does not fit one machine (the ``[dask]`` extra).

- :func:`analyze`: a Dask DataFrame column of texts in, a Dask DataFrame of claims (or articles,
  hedges, attributions, sources) out, through ``map_partitions`` with a declared ``meta``.
- :func:`corpus`: source profiles and corroboration across the whole corpus, by a tree reduction
  that merges per-partition :class:`veracity.Corpus` states (merging is associative and
  commutative, so the partitioning and the order of merges do not change the result).
- :func:`analyze_and_profile`: both from one pass over the texts.
- :func:`use_worker_threads`: one Rust thread pool per worker process, sized from the worker's
  threads, so N workers on one machine do not each start one thread per core. Every task of this
  module calls it first.

The ``article`` column holds each input row's **index label** (for a frame made with
``dd.from_pandas(df)`` over a default index: the row's position in the whole corpus), so results
are the same however the frame is partitioned, and equal row for row to
``veracity.analyze_frame`` on the whole pandas frame. Dask retries a partition whose worker dies;
each task is a pure function of its partition, so a retried partition is neither lost nor counted
twice.

Example::

    import dask.dataframe as dd, veracity.contrib.dask as vd
    from distributed import Client
    client = Client(n_workers=4, threads_per_worker=2)
    ddf = dd.read_parquet("articles/*.parquet")                       # columns: text, outlet, id
    claims = vd.analyze(ddf, "text", metadata={"outlet": "outlet", "id": "id"})
    claims.to_parquet("claims/")
    profiles = vd.corpus(ddf, "text", metadata={"outlet": "outlet"}).compute().profiles()
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

try:
    import dask
    import dask.dataframe as dd
    import pandas as pd
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "veracity.contrib.dask needs dask[dataframe,distributed] and pandas; "
        'install them with: pip install "dask[dataframe,distributed]>=2024.12" "pandas>=2" (the [dask] extra of veracity)'
    ) from e

import veracity
from veracity._frames import _missing_to_none

__all__ = ["analyze", "analyze_and_profile", "corpus", "meta", "use_worker_threads"]


def use_worker_threads() -> int:
    """Sizes veracity's thread pool in this process from the Dask worker running the caller.

    In a Dask worker with ``nthreads=t``, makes (once) one pool of ``t`` threads that every
    ``analyze_batch`` of the process then shares (``veracity.set_num_threads(t)``); outside a
    worker it changes nothing. Returns the pool size in use.
    """
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return veracity.get_num_threads()
    n = int(worker.state.nthreads)
    if veracity.get_num_threads() != n:
        veracity.set_num_threads(n)
    return n


def meta(kind: str = "claims", index_dtype: Any = "int64") -> pd.DataFrame:
    """The empty pandas frame (columns and dtypes) of the results of a ``kind``.

    It is what ``veracity.table([], kind).to_pandas()`` gives, with ``article`` typed like the
    input's index. :func:`analyze` declares it as the ``meta`` of its ``map_partitions``.
    """
    empty = veracity.table([], kind).to_pandas()
    empty["article"] = empty["article"].astype(index_dtype)
    return empty


def _check(kind: str, on_error: str) -> None:
    if kind not in veracity.TABLE_KINDS:
        raise veracity.OptionError(f"invalid value {kind!r} for table kind: expected one of {', '.join(veracity.TABLE_KINDS)}")
    if on_error not in ("raise", "return"):
        raise veracity.OptionError(f"invalid value {on_error!r} for on_error: expected one of raise, return")


def _as_frame(data: Any, column: str) -> Any:
    if isinstance(data, dd.Series):
        return data.to_frame(name=column)
    if isinstance(data, dd.DataFrame):
        if column not in data.columns:
            raise KeyError(f"column {column!r} not found; the frame has {', '.join(map(str, data.columns))}")
        return data
    raise TypeError(f"expected a dask DataFrame or Series, got {type(data).__name__}")


def _run(
    df: pd.DataFrame,
    column: str,
    analyzer: veracity.Analyzer | None,
    metadata: Mapping[str, str] | None,
    on_error: str,
    corpus: veracity.Corpus | None = None,
) -> list[Any]:
    use_worker_threads()
    texts = df[column].tolist()
    items: list[Any] = texts
    if metadata:
        cols = {k: [_missing_to_none(v) for v in df[c].tolist()] for k, c in metadata.items()}
        items = [{"text": t, **{k: v[i] for k, v in cols.items()}} for i, t in enumerate(texts)]
    run = analyzer.analyze_batch if analyzer is not None else veracity.analyze_batch
    return run(items, on_error=on_error, corpus=corpus)  # type: ignore[call-overload, no-any-return]


def _frame(df: pd.DataFrame, results: list[Any], kind: str) -> pd.DataFrame:
    out = veracity.table(results, kind).to_pandas()
    # Positions within the partition -> the input rows' index labels.
    out["article"] = pd.Series(df.index.to_numpy()[out["article"].to_numpy(dtype="int64")], dtype=df.index.dtype)
    return out


def veracity_partition(
    df: pd.DataFrame,
    *,
    column: str,
    kind: str,
    analyzer: veracity.Analyzer | None,
    metadata: Mapping[str, str] | None,
    on_error: str,
) -> pd.DataFrame:
    """One partition of :func:`analyze` (public so that its tasks are named ``veracity_partition``)."""
    return _frame(df, _run(df, column, analyzer, metadata, on_error), kind)


def veracity_corpus_partition(
    df: pd.DataFrame,
    column: str,
    analyzer: veracity.Analyzer | None,
    metadata: Mapping[str, str] | None,
    on_error: str,
    options: dict[str, Any],
) -> veracity.Corpus:
    """One partition of :func:`corpus`: its articles' ``Corpus`` state."""
    state = veracity.Corpus(analyzer=analyzer, **options)
    _run(df, column, analyzer, metadata, on_error, corpus=state)
    return state


def veracity_both_partition(
    df: pd.DataFrame,
    column: str,
    kind: str,
    analyzer: veracity.Analyzer | None,
    metadata: Mapping[str, str] | None,
    on_error: str,
    options: dict[str, Any],
) -> tuple[pd.DataFrame, veracity.Corpus]:
    """One partition of :func:`analyze_and_profile`: its rows and its ``Corpus`` state."""
    state = veracity.Corpus(analyzer=analyzer, **options)
    results = _run(df, column, analyzer, metadata, on_error, corpus=state)
    return _frame(df, results, kind), state


def veracity_merge(*parts: veracity.Corpus) -> veracity.Corpus:
    """One node of the reduction: the corpora merged (a new corpus; the inputs are not changed)."""
    out = parts[0].copy()
    for p in parts[1:]:
        out.merge(p)
    return out


def _reduce(parts: list[Any], split_every: int, empty: veracity.Corpus) -> Any:
    if split_every < 2:
        raise veracity.OptionError(f"split_every must be an integer >= 2, got {split_every}")
    if not parts:
        return dask.delayed(empty)
    while len(parts) > 1:
        parts = [
            dask.delayed(veracity_merge, pure=True)(*parts[i : i + split_every])
            for i in range(0, len(parts), split_every)
        ]
    return parts[0]


def analyze(
    data: Any,
    column: str = "text",
    *,
    kind: str = "claims",
    analyzer: veracity.Analyzer | None = None,
    metadata: Mapping[str, str] | None = None,
    on_error: str = "raise",
) -> Any:
    """Analyses a Dask DataFrame column of texts; returns a lazy Dask DataFrame of results.

    Args:
        data: a ``dask.dataframe.DataFrame`` holding ``column``, or a Dask Series of texts.
        column: the column of texts.
        kind: the rows: ``"claims"`` (default), ``"articles"``, ``"hedges"``, ``"attributions"``
            or ``"sources"``; the columns are those of ``veracity.table`` (see :func:`meta`).
        analyzer: the ``Analyzer`` (pickled to the workers as its configuration); default: built-in.
        metadata: article metadata from other columns, ``{keyword: column}`` as in
            ``veracity.analyze_frame`` (``title``, ``outlet``, ``authors``, ``published``, ``url``, ``id``).
        on_error: ``"raise"`` (a bad row fails its partition) or ``"return"`` (its rows are left out).

    Returns:
        A Dask DataFrame (``map_partitions`` with a declared ``meta``); ``article`` is the input
        row's index label.
    """
    _check(kind, on_error)
    frame = _as_frame(data, column)
    return frame.map_partitions(
        veracity_partition,
        column=column,
        kind=kind,
        analyzer=analyzer,
        metadata=dict(metadata) if metadata else None,
        on_error=on_error,
        meta=meta(kind, frame.index.dtype),
        align_dataframes=False,
    )


def corpus(
    data: Any,
    column: str = "text",
    *,
    analyzer: veracity.Analyzer | None = None,
    metadata: Mapping[str, str] | None = None,
    corroboration: bool = True,
    min_similarity: float = 0.25,
    on_error: str = "raise",
    split_every: int = 8,
) -> Any:
    """The ``veracity.Corpus`` of a whole Dask DataFrame, lazily: ``.compute()`` returns it.

    Each partition is analysed on a worker and reduced to its ``Corpus`` state (counts and claim
    fingerprints, never the analyses); the states are merged in a tree (``split_every`` at a
    time). Call ``.profiles()`` on the result for the outlet and source profiles of the whole
    corpus, with corroboration across every partition.

    Args:
        data, column, analyzer, metadata, on_error: as for :func:`analyze` (``analyzer`` also
            gives the profile weights).
        corroboration, min_similarity: as for ``veracity.Corpus``.
        split_every: corpora merged per task of the reduction.

    Returns:
        A ``dask.delayed`` object whose ``compute()`` is a ``veracity.Corpus``.
    """
    _check("articles", on_error)
    frame = _as_frame(data, column)
    options = {"corroboration": corroboration, "min_similarity": min_similarity}
    empty = veracity.Corpus(analyzer=analyzer, **options)  # also checks the options now
    md = dict(metadata) if metadata else None
    parts = [
        dask.delayed(veracity_corpus_partition, pure=True)(p, column, analyzer, md, on_error, options)
        for p in frame.to_delayed()
    ]
    return _reduce(parts, split_every, empty)


def analyze_and_profile(
    data: Any,
    column: str = "text",
    *,
    kind: str = "claims",
    analyzer: veracity.Analyzer | None = None,
    metadata: Mapping[str, str] | None = None,
    corroboration: bool = True,
    min_similarity: float = 0.25,
    on_error: str = "raise",
    split_every: int = 8,
) -> tuple[Any, Any]:
    """:func:`analyze` and :func:`corpus` from one pass over the texts.

    Returns ``(frame, corpus)``: a lazy Dask DataFrame of ``kind`` rows and a ``dask.delayed``
    ``Corpus``. Compute them together (``dask.compute(frame, corpus)``) so that each partition
    is analysed once.
    """
    _check(kind, on_error)
    frame = _as_frame(data, column)
    options = {"corroboration": corroboration, "min_similarity": min_similarity}
    empty = veracity.Corpus(analyzer=analyzer, **options)
    md = dict(metadata) if metadata else None
    both = [
        dask.delayed(veracity_both_partition, pure=True, nout=2)(p, column, kind, analyzer, md, on_error, options)
        for p in frame.to_delayed()
    ]
    # Keep the dtypes of `meta` (those of `veracity.Table.to_pandas`, as `analyze` gives them):
    # from_delayed would otherwise turn string columns into pyarrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        rows = dd.from_delayed([b[0] for b in both], meta=meta(kind, frame.index.dtype), verify_meta=False)
    return rows, _reduce([b[1] for b in both], split_every, empty)
