#!/usr/bin/env python3
"""Compare veracity's truth discovery with the `truthdiscovery` PyPI package (1.0.4, GPL).

Run by hand, never in the test suite. The package is installed in a throw-away virtual
environment outside the repository and is never a dependency of veracity:

    apt-get update && apt-get install -y libcairo2-dev pkg-config
    python3 -m venv /tmp/tdvenv
    /tmp/tdvenv/bin/pip install --no-deps --only-binary :all: truthdiscovery==1.0.4
    /tmp/tdvenv/bin/pip install numpy scipy bidict pyyaml imageio pycairo
    cargo build --release -p veracity-cli
    /tmp/tdvenv/bin/python benchmarks/truth_vs_truthdiscovery.py \
        --books ../shared/eval/truth/books [--synthetic-claims 1000000]

It prints, per algorithm, both accuracies on the Book dev gold and the time ratios:

1. "same input": the package runs on veracity's normalised observations
   (`veracity eval truth --write-normalized`), so only the algorithms differ;
2. "package normaliser": the package on its own careful Python normaliser (split author
   lists, strip roles, accents and case, sets of last names), as in the issue's anchors;
3. end to end on Book: the package from the file (reading `book.txt` into
   `(source, isbn, authors)` tuples, the fastest plain-Python way, + Python normalisation +
   Dataset + run + scoring) and, for reference, the same from the claims already read into
   Python, against (a) the `veracity eval truth` process (read + normalise + index + run +
   scoring, process start included) and (b) `veracity.discover_truth_file` called from this
   interpreter (read in Rust + normalise + index + run, scored in Python like the package, one
   lookup per gold ISBN; needs the built extension in python/veracity/), wall time; the ratios
   are against the package from the file, as veracity's times include reading it;
4. core on a synthetic set (1,000 sources, 100,000 objects, 10 claims each = 1M claims):
   the package's `algorithm.run(dataset)` (best of `--repeat`) against veracity's core, the
   divan median of `cargo bench -p veracity --bench truth -- synthetic_run` (same shape of
   data, its own generator), run by this script right after the package so both see the same
   machine load. `--python-core` also times `veracity.discover_truth` from Python (tuples in,
   index, run; needs the built extension).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np  # noqa: F401 - the package needs it; fail early if missing
from truthdiscovery import (
    CRH,
    AverageLog,
    Dataset,
    Investment,
    MajorityVoting,
    PooledInvestment,
    Sums,
    TruthFinder,
)

ROOT = Path(__file__).resolve().parent.parent
VERACITY = ROOT / "target" / "release" / "veracity"

# Our name -> (package algorithm factory, uses Jaccard implication)
ALGORITHMS = {
    "majority_vote": (MajorityVoting, False),
    "sums": (Sums, False),
    "average_log": (AverageLog, False),
    "investment": (Investment, False),
    "pooled_investment": (PooledInvestment, False),
    "truth_finder": (TruthFinder, False),
    "crh": (CRH, False),
    "truth_finder+jaccard": (TruthFinder, True),
}

ROLE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
SEPARATORS = re.compile(r";|/|&| and |\|", re.IGNORECASE)


def fold(s: str) -> str:
    s = s.replace("&amp;", "&")
    s = re.sub(r"&([a-zA-Z])(acute|grave|uml|circ|tilde|cedil);", r"\1", s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def package_normaliser(authors: str) -> str | None:
    """A careful author-list normaliser in Python: the set of last names."""
    s = fold(authors).strip()
    if not s or s.lower() in {"not available", "n/a", "unknown"}:
        return None
    s = ROLE.sub(";", s)
    s = re.sub(r"edited by", ";", s, flags=re.IGNORECASE)
    names = set()
    for chunk in SEPARATORS.split(s):
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        if not parts:
            continue
        if len(parts) >= 2 and len(parts[0].split()) == 1:
            # "Last, First[, Last, First]"
            for last in parts[0::2]:
                names.add(last.split()[-1])
        else:
            for p in parts:
                words = [w for w in p.split() if len(w.strip(".")) > 1]
                if words:
                    names.add(words[-1])
    keys = sorted({re.sub(r"[^a-z0-9]", "", n.lower()) for n in names} - {""})
    return "; ".join(keys) if keys else None


def jaccard_implication(_var, a: str, b: str) -> float:
    x, y = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    sim = len(x & y) / len(x | y) if x | y else 1.0
    return sim - 0.5


def one_value_per_source(triples):
    """veracity's rule, applied before handing claims to the package so both see the same claims:
    one value per (source, object), the one it repeats most, ties to the smallest value."""
    counts = Counter(triples)
    best = {}
    for (s, o, v), n in counts.items():
        key = (-n, v)
        if (s, o) not in best or key < best[(s, o)]:
            best[(s, o)] = key
    return [(s, o, v) for (s, o), (_, v) in sorted(best.items())]


def read_claims(path: Path) -> list[tuple[str, str, str]]:
    """Book's `(source, isbn, authors)` claims: lines split on tabs, UTF-8 with invalid bytes
    replaced (as veracity reads it). Text mode with a comprehension was the fastest of the
    plain-Python readers tried (16 ms; bytes split and decoded per line: 20 ms)."""
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        return [(f[0], f[1], f[3]) for line in fh if len(f := line.rstrip("\r\n").split("\t")) >= 4]


def load_gold(path: Path) -> dict[str, str]:
    gold = {}
    for line in path.read_text().splitlines():
        isbn, authors = line.split("\t", 1)
        lasts = set()
        for a in authors.split(";"):
            words = a.split(",")[0].split()
            if words:
                lasts.add(re.sub(r"[^a-z0-9]", "", words[-1].lower()))
        gold[isbn.strip()] = "; ".join(sorted(lasts - {""}))
    return gold


def run_package(triples, name: str, gold: dict[str, str]) -> tuple[float, float, float]:
    """(accuracy, dataset seconds, run seconds)."""
    factory, jaccard = ALGORITHMS[name]
    t = time.perf_counter()
    data = Dataset(triples, allow_multiple=True, implication_function=jaccard_implication if jaccard else None)
    built = time.perf_counter() - t
    t = time.perf_counter()
    result = factory().run(data)
    ran = time.perf_counter() - t
    correct = n = 0
    for isbn, want in gold.items():
        if isbn not in result.belief:
            continue
        n += 1
        best = sorted(result.get_most_believed_values(isbn))
        correct += bool(best) and best[0] == want
    return correct / max(n, 1), built, ran


def veracity_eval(books: Path, algorithm: str, out: Path | None = None) -> tuple[dict, float]:
    cmd = [str(VERACITY), "eval", "truth", "--observations", str(books / "book.txt"),
           "--gold", str(books / "book_golden_dev.txt"), "--dataset", "books",
           "--algorithm", algorithm, "--format", "json"]
    if out:
        cmd += ["--write-normalized", str(out)]
    t = time.perf_counter()
    p = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(p.stdout), time.perf_counter() - t


def best_of(n: int, f):
    times, value = [], None
    for _ in range(n):
        t = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t)
    return min(times), value


def synthetic(n_sources: int, n_objects: int, per_object: int, seed: int = 7):
    rng = random.Random(seed)
    reliability = [rng.uniform(0.3, 0.95) for _ in range(n_sources)]
    triples = []
    for o in range(n_objects):
        for s in rng.sample(range(n_sources), per_object):
            value = "t" if rng.random() < reliability[s] else f"f{rng.randrange(3)}"
            triples.append((f"s{s}", f"o{o}", value))
    return triples


def divan_core() -> dict[str, float]:
    """veracity's core on 1M synthetic claims: the divan medians of `synthetic_run`, in seconds."""
    p = subprocess.run(["cargo", "bench", "-q", "-p", "veracity", "--bench", "truth", "--", "synthetic_run"],
                       cwd=ROOT, check=True, capture_output=True, text=True)
    units = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    out = {}
    for line in p.stdout.splitlines():
        # "   ├─ sums               24.1 ms       │ 30.2 ms       │ 26.5 ms       │ ..."
        m = re.match(r"\W*([a-z_]+)\s+(.*)", line)
        if not m or "│" not in line:
            continue
        cells = [c.strip() for c in m.group(2).split("│")]
        parts = cells[2].split() if len(cells) >= 3 else []
        if len(parts) == 2 and parts[1] in units:
            out[m.group(1)] = float(parts[0]) * units[parts[1]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--books", type=Path, default=ROOT.parent / "shared/eval/truth/books")
    ap.add_argument("--synthetic-claims", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--python-core", action="store_true", help="also time veracity.discover_truth from Python")
    args = ap.parse_args()
    if not VERACITY.exists():
        sys.exit("build the CLI first: cargo build --release -p veracity-cli")
    gold = load_gold(args.books / "book_golden_dev.txt")
    raw = read_claims(args.books / "book.txt")

    normalized = Path("/tmp/veracity_books_normalized.tsv")
    report, _ = veracity_eval(args.books, "all", normalized)
    ours = {r["algorithm"]: r for r in report["results"]}
    same = one_value_per_source([tuple(line.split("\t")) for line in normalized.read_text().splitlines()])

    def package_pipeline(claims):
        return [(s, o, v) for s, o, a in claims if (v := package_normaliser(a)) is not None]

    # In process: veracity.discover_truth_file from this interpreter (the editable build's
    # extension, python/veracity/_native.abi3.so), reading the file in Rust and scored here like
    # the package's results.
    sys.path.insert(0, str(ROOT / "python"))
    try:
        import veracity
    except ImportError as e:  # the extension is not built
        veracity = None
        print(f"(no in-process column: {e}; build it with ./dev.sh test or pip install -e .)")

    def veracity_in_process(name: str) -> float:
        base, _, sim = name.partition("+")
        r = veracity.discover_truth_file(args.books / "book.txt", columns=(0, 1, 3), normalizer="author_names",
                                         algorithm=base, similarity=sim or "exact")
        # Scored like the package's result: one lookup per gold ISBN.
        rows = [row for isbn in gold if (row := r.truth(isbn)) is not None]
        return sum(row[1] == gold[row[0]] for row in rows) / max(len(rows), 1)

    print(f"Book dev gold: {len(gold)} ISBNs; {len(raw)} claims\n")
    print("pkg file s / pkg mem s: the package end to end from the file / from the claims in memory;")
    print("ratios against the package from the file (in brackets: from the claims in memory)\n")
    print(f"{'algorithm':<22} {'veracity':>9} {'pkg same input':>15} {'pkg own norm':>13} "
          f"{'pkg file s':>11} {'pkg mem s':>10} {'process s':>10} {'ratio':>12} {'in proc s':>10} {'ratio':>12}")
    for name in ALGORITHMS:
        acc_same, _, _ = run_package(same, name, gold)
        # End to end, package: read the file + normalise + Dataset + run + scoring.
        def package_e2e():
            return run_package(package_pipeline(read_claims(args.books / "book.txt")), name, gold)
        pkg_time, (acc_own, _, _) = best_of(args.repeat, package_e2e)
        mem_time, _ = best_of(args.repeat, lambda: run_package(package_pipeline(raw), name, gold))
        our_time, _ = best_of(args.repeat, lambda: veracity_eval(args.books, name))
        ratio = lambda ours_s: f"{pkg_time / ours_s:.0f}x ({mem_time / ours_s:.0f}x)"  # noqa: E731
        line = (f"{name:<22} {ours[name]['accuracy']:>9.2f} {acc_same:>15.2f} {acc_own:>13.2f} "
                f"{pkg_time:>11.3f} {mem_time:>10.3f} {our_time:>10.4f} {ratio(our_time):>12}")
        if veracity is not None:
            in_time, acc_in = best_of(args.repeat, lambda: veracity_in_process(name))
            assert abs(acc_in - ours[name]["accuracy"]) < 1e-9, (name, acc_in, ours[name]["accuracy"])
            line += f" {in_time:>10.4f} {ratio(in_time):>12}"
        print(line)

    if args.synthetic_claims:
        per_object = 10
        n_objects = args.synthetic_claims // per_object
        triples = synthetic(1000, n_objects, per_object)
        print(f"\nSynthetic: {len(triples)} claims, 1000 sources, {n_objects} objects")
        data = Dataset(triples)
        # The package's CRH builds a dense claims x claims matrix (785 GiB here), so it is skipped.
        names = ["majority_vote", "sums", "average_log", "investment", "pooled_investment", "truth_finder"]
        package = {}
        for name in names:
            factory, _ = ALGORITHMS[name]
            pkg_time, result = best_of(args.repeat, lambda: factory().run(data))
            acc = sum(sorted(result.get_most_believed_values(f"o{o}"))[0] == "t" for o in range(n_objects)) / n_objects
            package[name] = (pkg_time, acc)
        ours = divan_core()
        print(f"{'algorithm':<22} {'pkg core s':>11} {'ours s':>9} {'ratio':>7} {'acc pkg':>8}")
        for name in names:
            pkg_time, acc = package[name]
            mine = ours.get(name)
            ratio = f"{pkg_time / mine:>6.0f}x" if mine else "      -"
            print(f"{name:<22} {pkg_time:>11.3f} {mine or float('nan'):>9.4f} {ratio} {acc:>8.3f}")
        if "crh" in ours:
            print(f"{'crh':<22} {'(fails)':>11} {ours['crh']:>9.4f}")
        if args.python_core and veracity is not None:
            print(f"\n{'algorithm':<22} {'discover_truth s':>17} {'acc ours':>9}")
            for name in names:
                our_time, r = best_of(args.repeat, lambda: veracity.discover_truth(triples, algorithm=name))
                acc_ours = sum(row[1] == "t" for row in r.truths) / n_objects
                print(f"{name:<22} {our_time:>17.3f} {acc_ours:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
