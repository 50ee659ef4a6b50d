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


def test_eight_threads_at_once_match_serial_calls(seed_texts: list[str]) -> None:
    """Stress: 8 Python threads start together (a barrier) and hammer one Analyzer, the default
    functions, batches and tables; every answer equals the serial one."""
    import threading

    an = veracity.Analyzer(hedges=[("in all likelihood", "speculation", 0.4)])
    serial = [an.analyze(t) for t in seed_texts]
    serial_default = [veracity.analyze(t) for t in seed_texts]
    serial_table = veracity.table(serial, "claims")
    barrier = threading.Barrier(8)
    failures: list[str] = []

    def work(k: int) -> None:
        barrier.wait()
        for round_ in range(6):
            for i, t in enumerate(seed_texts):
                if an.analyze(t) != serial[i]:
                    failures.append(f"thread {k} round {round_}: analyze({i})")
                if veracity.analyze(t) != serial_default[i]:
                    failures.append(f"thread {k} round {round_}: veracity.analyze({i})")
            if an.analyze_batch(seed_texts, n_threads=2, chunk_size=2) != serial:
                failures.append(f"thread {k} round {round_}: batch")
            if veracity.table(serial, "claims") != serial_table:
                failures.append(f"thread {k} round {round_}: table")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    assert not any(th.is_alive() for th in threads)
    assert failures == []
