"""Truth discovery from Python: tuples, frames (when pandas/polars are installed), errors."""

from __future__ import annotations

import errno
import importlib.util
import pickle

import pytest

import veracity
from veracity.truth import TRUTH_COLUMNS, discover, discover_frame

CLAIMS = [("A", "x", "1"), ("B", "x", "1"), ("C", "x", "2"), ("A", "y", "3"), ("C", "y", "4")]
ALGORITHMS = ["majority_vote", "sums", "average_log", "investment", "pooled_investment", "truth_finder", "crh"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_the_majority_of_x(algorithm: str) -> None:
    r = veracity.discover_truth(CLAIMS, algorithm=algorithm)
    assert r.algorithm == algorithm
    truths = {row[0]: row for row in r.truths}
    assert truths["x"][1] == "1"
    assert all(0.0 <= row[2] <= 1.0 and 0.0 <= row[3] <= 1.0 for row in r.truths)
    assert set(r.trust) == {"A", "B", "C"}
    assert all(0.0 <= t <= 1.0 for t in r.trust.values())
    assert r.iterations >= 1


def test_majority_vote_trust_is_share_of_won_claims() -> None:
    r = veracity.discover_truth(CLAIMS, algorithm="majority_vote")
    assert r.trust == {"A": 1.0, "B": 1.0, "C": 0.0}
    assert r.converged
    assert repr(r).startswith("TruthResult(algorithm='majority_vote', objects=2, sources=3")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_lookups_agree_with_the_full_lists(algorithm: str) -> None:
    r = veracity.discover_truth(CLAIMS, algorithm=algorithm)
    for row in r.truths:
        assert r.truth(row[0]) == row
    for source, trust in r.trust.items():
        assert r.trust_of(source) == trust
    # Absent names, including ones sorting before, between and after the present ones.
    for missing in ["", "w", "xx", "z"]:
        assert r.truth(missing) is None
    for missing in ["", "AA", "D"]:
        assert r.trust_of(missing) is None


def test_order_does_not_matter() -> None:
    a = veracity.discover_truth(CLAIMS, algorithm="truth_finder")
    b = veracity.discover_truth(list(reversed(CLAIMS)), algorithm="truth_finder")
    assert a.truths == b.truths and a.trust == b.trust


def test_normalizers_and_similarity() -> None:
    books = [
        ("s1", "isbn", "Aiken, Peter; Allen, M. David"),
        ("s2", "isbn", "Peter Aiken, M. David Allen"),
        ("s3", "isbn", "AIKEN, PETER"),
        ("s4", "isbn", "Not Available"),
    ]
    r = discover(books, normalizer="author_names", similarity="jaccard")
    assert r.truths[0][1] == "aiken; allen"
    numbers = [("a", "city", "1,200"), ("b", "city", "1200"), ("c", "city", "1,190")]
    r = veracity.discover_truth(numbers, normalizer="number", similarity="numeric")
    assert r.truths[0][1] == "1200"


def test_convergence_measure() -> None:
    # From the uniform 0.9, TruthFinder's first step changes the trust vector's length by more
    # than 0.01 but hardly its direction: the cosine rule (its default) stops there.
    cosine = veracity.discover_truth(CLAIMS, tolerance=0.01)
    assert (cosine.iterations, cosine.converged) == (1, True)
    assert veracity.discover_truth(CLAIMS, tolerance=0.01, convergence="cosine").iterations == 1
    max_change = veracity.discover_truth(CLAIMS, tolerance=0.01, convergence="max_change")
    assert max_change.iterations > 1 and max_change.converged
    assert cosine.truth("x")[1] == max_change.truth("x")[1] == "1"


@pytest.mark.parametrize(
    ("option", "value"),
    [("algorithm", "bogus"), ("similarity", "cosine"), ("normalizer", "x"), ("convergence", "l2")],
)
def test_bad_option_names_raise_option_error(option: str, value: str) -> None:
    with pytest.raises(veracity.OptionError, match=value):
        veracity.discover_truth(CLAIMS, **{option: value})


def test_wrong_tuple_shape_is_rejected() -> None:
    with pytest.raises((TypeError, ValueError)):
        veracity.discover_truth([("a", "b")])  # type: ignore[list-item]


def test_result_is_frozen_and_pickles() -> None:
    r = veracity.discover_truth(CLAIMS)
    with pytest.raises(AttributeError):
        r.iterations = 3  # type: ignore[misc]
    back = pickle.loads(pickle.dumps(r))
    assert back == r and back.truths == r.truths and back.trust == r.trust
    assert veracity.TruthResult.from_json(r.to_json()) == r


def test_json_form() -> None:
    # One [object, value, confidence, share, support] list per truth, one [source, trust] pair
    # per source, both in name order.
    r = veracity.discover_truth(CLAIMS, algorithm="majority_vote")
    d = r.to_dict()
    assert d["algorithm"] == "majority_vote" and d["iterations"] == 1 and d["converged"] is True
    assert [row[:2] for row in d["truths"]] == [["x", "1"], ["y", "3"]]
    assert [row[4] for row in d["truths"]] == [2, 1]
    assert d["trust"] == [["A", 1.0], ["B", 1.0], ["C", 0.0]]
    back = veracity.TruthResult.from_json(r.to_json())
    assert back.truth("y") == r.truth("y") and back.trust_of("C") == 0.0


def test_frames_need_pandas_or_polars() -> None:
    with pytest.raises(TypeError, match="pandas or polars"):
        discover_frame(CLAIMS)


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas not installed")
def test_pandas_frame() -> None:
    import pandas as pd

    df = pd.DataFrame(CLAIMS, columns=["site", "object", "value"])
    truths, trust = discover_frame(df, source="site", algorithm="sums")
    assert list(truths.columns) == list(TRUTH_COLUMNS)
    assert truths.set_index("object").loc["x", "value"] == "1"
    assert set(trust["source"]) == {"A", "B", "C"}


@pytest.mark.skipif(importlib.util.find_spec("polars") is None, reason="polars not installed")
def test_polars_frame() -> None:
    import polars as pl

    df = pl.DataFrame({"source": [c[0] for c in CLAIMS], "object": [c[1] for c in CLAIMS], "value": [c[2] for c in CLAIMS]})
    truths, trust = discover_frame(df, algorithm="crh")
    assert truths.columns == list(TRUTH_COLUMNS)
    assert truths.filter(pl.col("object") == "x")["value"][0] == "1"
    assert trust.height == 3


def _write(tmp_path, text: str, name: str = "claims.tsv"):  # type: ignore[no-untyped-def]
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_file_gives_the_result_of_the_tuples(tmp_path, algorithm: str) -> None:  # type: ignore[no-untyped-def]
    # Columns in another order, an extra field, a blank line and CRLF line ends.
    lines = [f"{o}\tignored\t{v}\t{s}" for s, o, v in CLAIMS]
    path = _write(tmp_path, "\r\n".join(lines[:2]) + "\r\n\r\n" + "\n".join(lines[2:]) + "\n")
    got = veracity.discover_truth_file(path, columns=(3, 0, 2), algorithm=algorithm)
    assert got == veracity.discover_truth(CLAIMS, algorithm=algorithm)
    assert dict((row[0], row[1]) for row in got.truths)["x"] == "1"


def test_file_default_columns_and_str_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "".join(f"{s}\t{o}\t{v}\n" for s, o, v in CLAIMS))
    r = veracity.discover_truth_file(str(path), algorithm="majority_vote")
    assert r.trust == {"A": 1.0, "B": 1.0, "C": 0.0}


def test_file_with_a_normalizer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The Book layout: source, isbn, title, author list.
    path = _write(
        tmp_path,
        "s1\tisbn\tT\tAiken, Peter; Allen, M. David\n"
        "s2\tisbn\tT\tPeter Aiken, M. David Allen\n"
        "s3\tisbn\tT\tAIKEN, PETER\n",
    )
    r = veracity.discover_truth_file(path, columns=(0, 1, 3), normalizer="author_names", algorithm="majority_vote")
    assert r.truths[0][:2] == ("isbn", "aiken; allen")


def test_file_short_line_names_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "a\tx\t1\n\nb\tx\n")
    with pytest.raises(veracity.InvalidRecordError, match=r"claims.tsv:3: expected at least 3 .* got 2"):
        veracity.discover_truth_file(path)


def test_file_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.tsv"
    with pytest.raises(veracity.VeracityIOError) as info:
        veracity.discover_truth_file(missing)
    assert isinstance(info.value, OSError) and info.value.errno == errno.ENOENT
    assert info.value.filename == str(missing)
    path = _write(tmp_path, "a\tx\t1\n")
    with pytest.raises(veracity.OptionError, match="columns"):
        veracity.discover_truth_file(path, columns=(0, 1, 16))
    with pytest.raises(veracity.OptionError, match="bogus"):
        veracity.discover_truth_file(path, algorithm="bogus")  # type: ignore[arg-type]


def test_file_not_utf8_is_read_lossily(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin1.tsv"
    path.write_bytes(b"a\tx\tM\xfcller\nb\tx\tM\xfcller\nc\tx\tother\n")
    r = veracity.discover_truth_file(path, algorithm="majority_vote")
    assert r.truths[0][1] == "M\ufffdller"


def test_file_with_columns_past_the_eighth(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Columns 8 and up take the general reader: same result as the tuples.
    pad = "\t".join(["-"] * 8)
    path = _write(tmp_path, "".join(f"{pad}\t{s}\t{o}\t{v}\n" for s, o, v in CLAIMS))
    got = veracity.discover_truth_file(path, columns=(8, 9, 10), algorithm="sums")
    assert got == veracity.discover_truth(CLAIMS, algorithm="sums")
    short = _write(tmp_path, f"{pad}\tA\tx\t1\n{pad}\tB\n", name="short.tsv")
    with pytest.raises(veracity.InvalidRecordError, match=r"short.tsv:2: expected at least 11 .* got 9"):
        veracity.discover_truth_file(short, columns=(8, 9, 10))


def test_large_file_read_in_halves_gives_the_result_of_the_tuples(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Above 64 KiB the file is read, checked and parsed in two halves (on two threads when the
    # pool has them): the result is the one of the same claims given as tuples.
    authors = ["Knuth, Donald E.", "Donald E. Knuth", "Aiken, Peter; Allen, M. David", "Peter Aiken, M. David Allen",
               "AIKEN, PETER", "Not Available", "Lientz, Bennet P.; Rea, Kathryn P.", "Lientz Bennet,Rea Kathryn"]
    rows = [(f"store{(i * 7) % 41}", f"isbn{i // 9:04d}", f"A title long enough {i}", authors[(i * 5) % len(authors)])
            for i in range(4000)]
    text = "".join("\t".join(r) + "\n" for r in rows)
    assert len(text.encode()) > 1 << 16
    path = _write(tmp_path, text, name="books.tsv")
    tuples = [(s, o, v) for s, o, _, v in rows]
    for algorithm in ("majority_vote", "truth_finder"):
        got = veracity.discover_truth_file(path, columns=(0, 1, 3), normalizer="author_names", algorithm=algorithm)
        assert got == veracity.discover_truth(tuples, normalizer="author_names", algorithm=algorithm)
    # A short line in the second half is named by its line in the file.
    lines = text.splitlines(keepends=True)
    lines.insert(3500, "store1\tisbn\n")
    short = _write(tmp_path, "".join(lines), name="short-books.tsv")
    with pytest.raises(veracity.InvalidRecordError, match=r"short-books.tsv:3501: expected at least 4 .* got 2"):
        veracity.discover_truth_file(short, columns=(0, 1, 3), normalizer="author_names")
