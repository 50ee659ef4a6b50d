"""One Analyzer shared by many threads gives the same results as sequential calls."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import veracity


def test_shared_analyzer_in_threads(seed_texts: list[str]) -> None:
    an = veracity.Analyzer(hedges=[("in all likelihood", "speculation", 0.4)])
    inputs = seed_texts * 8
    expected = [an.analyze(t).to_json() for t in seed_texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: an.analyze(t).to_json(), inputs))
    assert got == expected * 8


def test_batches_from_threads(seed_texts: list[str]) -> None:
    an = veracity.Analyzer()
    expected = an.analyze_batch(seed_texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(an.analyze_batch, seed_texts, n_threads=2) for _ in range(6)]
        for f in futures:
            assert f.result() == expected


def test_shared_results_read_from_threads(seed_analyses: dict[str, veracity.Analysis]) -> None:
    a = seed_analyses["000"]

    def read(_: int) -> list[tuple[int, int, str]]:
        return [(c.start, c.end, c.text) for c in a.claims]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(read, range(32)))
    assert all(r == results[0] for r in results)
