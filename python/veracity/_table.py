"""``veracity.Table``: typed columns that become a pandas, polars or pyarrow frame.

The rows are built in Rust (``Analysis.table``, ``veracity.table``); this class only holds them
and converts them. pandas, polars and pyarrow are optional: each is imported when a conversion
asks for it, and the error names the extra to install.

>>> import veracity
>>> t = veracity.analyze("Officials said the bridge may reopen.").table("hedges")
>>> t.columns[:4], len(t)
(['article', 'article_id', 'claim', 'start'], 1)
>>> t.to_pylist()[0]["cue"]
'may'
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__ = ["Table"]

#: Column types: ``str``, ``int``, ``float``, ``bool``, ``list[str]``, ``list[int]``, ``date``.
DTYPES = ("str", "int", "float", "bool", "list[str]", "list[int]", "date")

_HTML_ROWS = 20


# What `pip install` needs for each optional package: the requirement of the extra in pyproject.toml.
_REQUIREMENTS = {"pandas": "pandas>=2", "polars": "polars>=1", "pyarrow": "pyarrow>=15"}


def _missing(package: str, extra: str, what: str) -> ImportError:
    # veracity is installed from a wheel built from the checkout (README), not from an index, so
    # the hint names the package itself; the extra is what `pip install WHEEL[extra]` would add.
    requirement = _REQUIREMENTS.get(package, package)
    return ImportError(
        f"{what} needs {package}; install it with: pip install \"{requirement}\" (the [{extra}] extra of veracity)"
    )


class Table:
    """A table of analysis results: named, typed columns of equal length.

    Made by ``Analysis.table(kind)``, ``veracity.table(analyses, kind)`` and
    ``Corroboration.table(kind)``. Convert with ``to_pandas()``, ``to_polars()`` or
    ``to_arrow()``; or hand it to any library that reads the Arrow PyCapsule interface
    (``pl.DataFrame(t)``, ``pa.table(t)``, ``pd.DataFrame.from_arrow(t)``, ``duckdb``), which
    needs pyarrow or polars to be installed. In Jupyter it renders as a compact HTML table.

    Attributes:
        kind: what a row is (``"claims"``, ``"hedges"``, ...).
        schema: ``(name, dtype, nullable)`` per column; dtype is one of ``str``, ``int``,
            ``float``, ``bool``, ``list[str]``, ``list[int]``, ``date``.

    Example:
        >>> import veracity
        >>> t = veracity.analyze("He allegedly left. Officials said it may rain.").table()
        >>> t.kind, len(t), t["hedges"]
        ('claims', 2, [['allegedly'], ['may']])
        >>> t.to_pandas()[["claim", "is_hedged", "source"]]   # doctest: +NORMALIZE_WHITESPACE
           claim  is_hedged     source
        0      0       True        NaN
        1      1       True  Officials
    """

    __slots__ = ("_columns", "kind", "schema")

    kind: str
    schema: list[tuple[str, str, bool]]
    _columns: dict[str, list[Any]]

    def __init__(
        self,
        columns: Mapping[str, Sequence[Any]],
        /,
        *,
        kind: str = "table",
        schema: Sequence[tuple[str, str, bool]] | None = None,
    ) -> None:
        """Builds a table from a mapping of column name to values (all the same length).

        ``schema`` gives each column's type; without it every column is typed ``str``
        (nullable), which suits only hand-made tables of strings.
        """
        cols = {str(k): list(v) for k, v in columns.items()}
        lengths = {len(v) for v in cols.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns have different lengths: {sorted(lengths)}")
        if schema is None:
            schema = [(k, "str", True) for k in cols]
        schema = [(str(n), str(t), bool(null)) for n, t, null in schema]
        if [n for n, _, _ in schema] != list(cols):
            raise ValueError("schema names must match the columns, in order")
        for n, t, _ in schema:
            if t not in DTYPES:
                raise ValueError(f"column {n!r}: unknown dtype {t!r}; expected one of {', '.join(DTYPES)}")
        self._columns = cols
        self.kind = kind
        self.schema = schema

    @classmethod
    def _from_columns(cls, kind: str, schema: list[tuple[str, str, bool]], columns: list[list[Any]]) -> Table:
        # Called by the Rust side, which guarantees the shape.
        t = cls.__new__(cls)
        t._columns = {name: col for (name, _, _), col in zip(schema, columns)}
        t.kind = kind
        t.schema = schema
        return t

    @classmethod
    def concat(cls, tables: Sequence[Table], /) -> Table:
        """Stacks tables with the same schema (e.g. ``Corroboration.table`` of two runs).

        Example:
            >>> import veracity
            >>> a = veracity.analyze("He may go.").table("hedges")
            >>> len(veracity.Table.concat([a, a]))
            2
        """
        if not tables:
            raise ValueError("concat needs at least one table")
        first = tables[0]
        for t in tables[1:]:
            if t.schema != first.schema:
                raise ValueError(f"cannot concat a {t.kind!r} table with a {first.kind!r} table (schemas differ)")
        cols = {n: [v for t in tables for v in t._columns[n]] for n in first._columns}
        return cls._from_columns(first.kind, list(first.schema), list(cols.values()))

    # --- access -------------------------------------------------------------------------------

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._columns)

    @property
    def num_rows(self) -> int:
        """The number of rows (also ``len(table)``)."""
        return len(next(iter(self._columns.values()), []))

    def __len__(self) -> int:
        return self.num_rows

    def __getitem__(self, column: str) -> list[Any]:
        """One column's values as a list (a copy)."""
        return list(self._columns[column])

    def __contains__(self, column: object) -> bool:
        return column in self._columns

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Iterates over the rows as dicts."""
        names = self.columns
        for row in zip(*self._columns.values()):
            yield dict(zip(names, row))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return self.kind == other.kind and self.schema == other.schema and self._columns == other._columns

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, list[Any]]:
        """The columns as a dict of lists (copies)."""
        return {k: list(v) for k, v in self._columns.items()}

    def to_pylist(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts."""
        return list(self)

    # --- pickling (slots, so spelled out) -----------------------------------------------------

    def __getstate__(self) -> tuple[str, list[tuple[str, str, bool]], dict[str, list[Any]]]:
        return (self.kind, self.schema, self._columns)

    def __setstate__(self, state: tuple[str, list[tuple[str, str, bool]], dict[str, list[Any]]]) -> None:
        self.kind, self.schema, self._columns = state

    # --- frames -------------------------------------------------------------------------------

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with the declared types (needs pyarrow: ``veracity[arrow]``)."""
        try:
            import pyarrow as pa
        except ImportError:
            raise _missing("pyarrow", "arrow", "Table.to_arrow()") from None
        types = {
            "str": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "bool": pa.bool_(),
            "list[str]": pa.list_(pa.string()),
            "list[int]": pa.list_(pa.int64()),
            "date": pa.date32(),
        }
        fields = [pa.field(n, types[t], nullable=null) for n, t, null in self.schema]
        arrays = [pa.array(self._columns[f.name], type=f.type) for f in fields]
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={"veracity.kind": self.kind}))

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` with the declared types (needs polars: ``veracity[polars]``)."""
        try:
            import polars as pl
        except ImportError:
            raise _missing("polars", "polars", "Table.to_polars()") from None
        types = {
            "str": pl.String,
            "int": pl.Int64,
            "float": pl.Float64,
            "bool": pl.Boolean,
            "list[str]": pl.List(pl.String),
            "list[int]": pl.List(pl.Int64),
            "date": pl.Date,
        }
        return pl.DataFrame([pl.Series(n, self._columns[n], dtype=types[t]) for n, t, _ in self.schema])

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` (needs pandas: ``veracity[pandas]``).

        Integer columns that may be missing use pandas' nullable ``Int64``; string columns use
        pandas' string dtype (pandas 3; missing values are NaN); list columns hold Python lists;
        dates are ``datetime.date`` objects.
        """
        try:
            import pandas as pd
        except ImportError:
            raise _missing("pandas", "pandas", "Table.to_pandas()") from None
        # pandas 3 has a real string dtype (missing values are NaN); pandas 2 keeps object columns.
        str_dtype = "str" if int(pd.__version__.split(".")[0]) >= 3 else object
        data: dict[str, Any] = {}
        for n, t, null in self.schema:
            values = self._columns[n]
            if t == "int":
                data[n] = pd.array(values, dtype="Int64" if null else "int64")
            elif t == "float":
                data[n] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
            elif t == "bool":
                data[n] = pd.array(values, dtype="bool")
            elif t == "str":
                data[n] = pd.Series(values, dtype=str_dtype)
            else:
                data[n] = pd.Series(values, dtype=object)
        return pd.DataFrame(data, columns=self.columns)

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """Arrow PyCapsule interface: ``pl.DataFrame(t)``, ``pa.table(t)``, ``duckdb`` read it.

        The stream is produced by pyarrow when installed, otherwise by polars.
        """
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            pass
        else:
            return self.to_arrow().__arrow_c_stream__(requested_schema)
        try:
            import polars  # noqa: F401
        except ImportError:
            raise ImportError(
                "exporting a veracity.Table through the Arrow PyCapsule interface needs pyarrow or polars; "
                'install one with: pip install "pyarrow>=15" (the [arrow] extra of veracity)'
            ) from None
        return self.to_polars().__arrow_c_stream__(requested_schema)

    # --- display ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        cols = ", ".join(self.columns[:6]) + (", ..." if len(self._columns) > 6 else "")
        return f"Table(kind={self.kind!r}, rows={self.num_rows}, columns=[{cols}])"

    def _repr_html_(self) -> str:
        """A compact HTML table (the first 20 rows) for Jupyter; every value is escaped."""

        def cell(v: Any) -> str:
            if v is None:
                return '<td class="null">–</td>'
            if isinstance(v, float):
                return f'<td class="num">{v:.3f}</td>'
            if isinstance(v, bool):
                return f"<td>{'✓' if v else ''}</td>"
            if isinstance(v, int):
                return f'<td class="num">{v}</td>'
            if isinstance(v, list):
                v = ", ".join(map(str, v))
            s = str(v)
            short = s if len(s) <= 90 else s[:87] + "..."
            return f'<td title="{html.escape(s)}">{html.escape(short)}</td>'

        head = "".join(
            f'<th title="{html.escape(t)}{"" if null else ", never null"}">{html.escape(n)}</th>'
            for n, t, null in self.schema
        )
        rows = []
        for i, row in enumerate(zip(*self._columns.values())):
            if i == _HTML_ROWS:
                break
            rows.append("<tr>" + "".join(cell(v) for v in row) + "</tr>")
        more = self.num_rows - len(rows)
        foot = f'<div class="veracity-more">… {more} more rows</div>' if more > 0 else ""
        return (
            "<style>.veracity-table{border-collapse:collapse;font-size:12px}"
            ".veracity-table th,.veracity-table td{border:1px solid #ddd;padding:2px 6px;text-align:left;"
            "vertical-align:top}.veracity-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
            ".veracity-table td.null{color:#999}</style>"
            f'<div class="veracity-caption"><b>{html.escape(self.kind)}</b>: {self.num_rows} rows × '
            f"{len(self._columns)} columns</div>"
            f'<table class="veracity-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{foot}'
        )
