"""analyze_batch(progress=..., n_threads=..., chunk_size=...): chunks, the bar, thread pools."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest

import veracity

pytest.importorskip("tqdm")  # in the test extra


class FakeBar:
    """Records what analyze_batch does with its tqdm bar."""

    made: list[FakeBar] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.updates: list[int] = []
        self.closed = False
        FakeBar.made.append(self)

    def update(self, n: int) -> None:
        self.updates.append(n)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_tqdm(monkeypatch: pytest.MonkeyPatch) -> type[FakeBar]:
    import tqdm.auto

    FakeBar.made = []
    monkeypatch.setattr(tqdm.auto, "tqdm", FakeBar)
    return FakeBar


def test_progress_bar_advances_by_chunks(fake_tqdm: type[FakeBar], seed_texts: list[str]) -> None:
    texts = seed_texts * 5  # 25 articles
    results = veracity.analyze_batch(texts, progress=True, chunk_size=4)
    assert results == veracity.analyze_batch(texts)
    (bar,) = fake_tqdm.made
    assert bar.kwargs["total"] == 25 and bar.kwargs["unit"] == "article"
    assert bar.updates == [4, 4, 4, 4, 4, 4, 1] and bar.closed


def test_progress_default_chunks(fake_tqdm: type[FakeBar]) -> None:
    texts = ["He may go."] * 1000
    an = veracity.Analyzer()
    assert len(an.analyze_batch(texts, progress=True, n_threads=2)) == 1000
    (bar,) = fake_tqdm.made
    assert sum(bar.updates) == 1000 and 50 <= len(bar.updates) <= 100


def test_progress_stops_at_the_first_failing_chunk(fake_tqdm: type[FakeBar]) -> None:
    texts = ["He left."] * 10 + [""] + ["He left."] * 10
    with pytest.raises(veracity.EmptyTextError) as e:
        veracity.analyze_batch(texts, progress=True, chunk_size=5)
    assert e.value.index == 10  # type: ignore[attr-defined]
    (bar,) = fake_tqdm.made
    assert bar.updates == [5, 5, 5] and bar.closed
    # "return" mode runs everything.
    rs = veracity.analyze_batch(texts, progress=True, chunk_size=5, on_error="return")
    assert isinstance(rs[10], veracity.EmptyTextError) and len(rs) == 21


def test_real_tqdm_writes_a_bar(capfd: pytest.CaptureFixture[str]) -> None:
    veracity.analyze_batch(["He left."] * 3, progress=True)
    err = capfd.readouterr().err
    assert "veracity" in err and "3/3" in err


def test_chunking_gives_the_same_results(seed_texts: list[str]) -> None:
    expected = veracity.analyze_batch(seed_texts)
    for size in (1, 2, 3, 100):
        assert veracity.analyze_batch(seed_texts, chunk_size=size) == expected
        assert veracity.analyze_batch(seed_texts, chunk_size=size, n_threads=1) == expected


@pytest.mark.parametrize("bad", [0, -3])
def test_bad_chunk_size_and_threads(bad: int) -> None:
    with pytest.raises(veracity.OptionError, match="chunk_size"):
        veracity.analyze_batch(["x"], chunk_size=bad)
    with pytest.raises(veracity.OptionError, match="n_threads"):
        veracity.analyze_batch(["x"], n_threads=bad)
    with pytest.raises(TypeError):
        veracity.analyze_batch(["x"], n_threads="2")  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        veracity.analyze_batch(["x"], progress="yes")  # type: ignore[call-overload]


def test_progress_without_tqdm_is_a_clear_import_error() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["tqdm"] = None  # as if tqdm were not installed
        sys.modules["tqdm.auto"] = None
        import veracity
        assert len(veracity.analyze_batch(["He left."])) == 1
        try:
            veracity.analyze_batch(["He left."], progress=True)
        except ImportError as e:
            print(e)
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert 'pip install "tqdm>=4.66" (the [progress] extra of veracity)' in r.stdout


def _threads_used(env_threads: str | None, n_threads: int | None) -> int:
    """Threads alive in a fresh interpreter after one batch (Linux: /proc/self/task)."""
    code = textwrap.dedent(
        f"""
        import os, veracity
        before = len(os.listdir("/proc/self/task"))
        veracity.analyze_batch(["He left. She may stay."] * 64, n_threads={n_threads!r})
        print(len(os.listdir("/proc/self/task")) - before)
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "RAYON_NUM_THREADS"}
    if env_threads is not None:
        env["RAYON_NUM_THREADS"] = env_threads
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    return int(r.stdout.strip())


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_rayon_num_threads_is_respected() -> None:
    # The global pool (n_threads=None) is sized by RAYON_NUM_THREADS and stays alive.
    assert _threads_used("3", None) == 3
    assert _threads_used("1", None) == 1
    # n_threads builds a pool for the call only: its threads are gone afterwards.
    assert _threads_used("3", 2) in (0, 1, 2)
