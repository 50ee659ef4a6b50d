"""veracity.contrib.dask on a real two-process LocalCluster (issue 10)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import veracity  # noqa: E402
import veracity.contrib.dask as vd  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
OUTLETS = ["Latin Wire", "Daily Planet", "Weekly", "Courier", "Herald"]
META = {"outlet": "outlet", "id": "id"}


def corpus_frame(repeat: int) -> Any:
    n = len(TEXTS) * repeat
    return pd.DataFrame({"text": TEXTS * repeat, "outlet": OUTLETS * repeat, "id": [f"r{i}" for i in range(n)]})


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_distributed_equals_single_process_row_for_row(client: Any) -> None:
    pdf = corpus_frame(200)  # the seeds repeated 200 times: 1,000 articles
    # The single-process result (what veracity.analyze_frame does, plus the corpus, in one pass).
    expected_corpus = veracity.Corpus()
    results = veracity.analyze_batch(pdf.to_dict("records"), corpus=expected_corpus)
    expected_rows = veracity.table(results, "claims").to_pandas()

    ddf = dd.from_pandas(pdf, npartitions=8)
    rows, corpus = vd.analyze_and_profile(ddf, "text", kind="claims", metadata=META, split_every=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # dask: "mixed collections" (frame + delayed)
        got_rows, got_corpus = dask.compute(rows, corpus)

    pd.testing.assert_frame_equal(got_rows.reset_index(drop=True), expected_rows)
    assert len(got_corpus) == 1000
    assert got_corpus.profiles() == expected_corpus.profiles()
    # The partitions ran in both worker processes, each with a 1-thread Rust pool.
    assert client.run(veracity.get_num_threads) == {w: 1 for w in client.scheduler_info()["workers"]}


def test_map_partitions_meta_and_series(client: Any) -> None:
    pdf = corpus_frame(2)
    ddf = dd.from_pandas(pdf, npartitions=3)
    out = vd.analyze(ddf["text"], kind="articles")
    assert list(out.columns) == list(vd.meta("articles").columns)
    assert dict(out.dtypes) == dict(vd.meta("articles").dtypes)
    got = out.compute()
    assert list(got["article"]) == list(range(10)) and list(got["claims"]) == [len(a.claims) for a in veracity.analyze_batch(TEXTS * 2)]
    c = vd.corpus(ddf, metadata={"outlet": "outlet"}, corroboration=False).compute()
    assert len(c) == 10 and c.fingerprints == 0
    assert sorted(o.name for o in c.profiles().outlets) == sorted(OUTLETS)
    with pytest.raises(veracity.OptionError):
        vd.analyze(ddf, kind="paragraphs")
    with pytest.raises(KeyError):
        vd.analyze(ddf, "body")


class KillOnce(distributed.WorkerPlugin):  # type: ignore[misc]
    """Kills its worker process (os._exit) when the worker starts its second veracity task; only
    once in the whole cluster (a marker file), so the restarted worker and the retry live."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.started = 0

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or "veracity_partition" not in str(key):
            return
        self.started += 1
        if self.started < 2:
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.close(fd)
        os._exit(1)


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client: Any, tmp_path: Path) -> None:
    pdf = corpus_frame(40)  # 200 articles in 10 partitions
    expected = veracity.analyze_frame(pdf, "text", kind="articles", metadata=META)
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker)), name="kill-once")
    try:
        got = vd.analyze(dd.from_pandas(pdf, npartitions=10), kind="articles", metadata=META).compute()
    finally:
        client.unregister_worker_plugin("kill-once")
    assert marker.exists(), "no worker was killed"
    assert sorted(got["article"]) == list(range(200))  # nothing lost, nothing twice
    pd.testing.assert_frame_equal(got.sort_values("article").reset_index(drop=True), expected)
