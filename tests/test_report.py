"""One report shape: what ``veracity analyze --format json|jsonl`` writes reads back through
``Analysis.from_json``, and ``Analysis.to_json()`` has the command line's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import veracity


def cli_json(tmp_path: Path, args: list[str]) -> str:
    out = tmp_path / "out.json"
    assert veracity.run_cli(["analyze", *args, "--no-progress", "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def same_results(a: veracity.Analysis, b: veracity.Analysis) -> None:
    """Equal as far as the command line's report goes (it rounds floats to six decimals)."""
    assert a.text == b.text and a.id == b.id and a.title == b.title and a.outlet == b.outlet
    assert len(a.claims) == len(b.claims)
    for x, y in zip(a.claims, b.claims, strict=True):
        assert (x.start, x.end, x.text, x.kind, x.grade) == (y.start, y.end, y.text, y.kind, y.grade)
        assert b.text[y.start : y.end] == y.text
        assert [h.cue for h in x.hedges] == [h.cue for h in y.hedges]
        assert x.score == pytest.approx(y.score, abs=1e-6)
        assert x.checkworthiness == pytest.approx(y.checkworthiness, abs=1e-6)
    assert [(t.cue, t.cue_start, t.content) for t in a.attributions] == [
        (t.cue, t.cue_start, t.content) for t in b.attributions
    ]
    assert [s.name for s in a.sources] == [s.name for s in b.sources]
    assert a.credibility == pytest.approx(b.credibility, abs=1e-6)


@pytest.mark.parametrize("offsets", ["bytes", "code-points"])
def test_cli_json_of_every_seed_reads_back(
    tmp_path: Path, seed_paths: list[Path], seed_analyses: dict[str, veracity.Analysis], offsets: str
) -> None:
    for path in seed_paths:
        data = cli_json(tmp_path, [str(path), "--format", "json", "--include-text", "--offsets", offsets])
        assert json.loads(data)["articles"][0]["offsets"] == offsets.replace("-", "_")
        back = veracity.Analysis.from_json(data)
        same_results(seed_analyses[path.name[:3]], back)


def test_cli_jsonl_reads_back_line_by_line(
    tmp_path: Path, seeds_dir: Path, seed_analyses: dict[str, veracity.Analysis]
) -> None:
    lines = cli_json(tmp_path, [str(seeds_dir), "--format", "jsonl"]).splitlines()
    assert len(lines) == len(seed_analyses)
    for line in lines:
        obj = json.loads(line)
        assert obj["schema"] == "veracity.article/1" and obj["offsets"] == "bytes"
        a = seed_analyses[obj["id"][:3]]
        # Written without --include-text: the text is given separately.
        with pytest.raises(veracity.VeracityError, match="no text"):
            veracity.Analysis.from_json(line)
        same_results(a, veracity.Analysis.from_json(line, text=a.text))
    # A whole jsonl file is several articles: one at a time.
    with pytest.raises(veracity.VeracityError, match="one article"):
        veracity.Analysis.from_json("\n".join(lines))


def test_to_json_has_the_cli_shape(tmp_path: Path, seed_paths: list[Path], seed_analyses: dict[str, veracity.Analysis]) -> None:
    path = seed_paths[0]
    a = seed_analyses[path.name[:3]]
    cli = json.loads(cli_json(tmp_path, [str(path), "--format", "json", "--offsets", "code-points", "--include-text"]))
    ours = json.loads(a.to_json(complete=False))
    cli_article = cli["articles"][0]
    # Same fields, same values, except the path the command line was given.
    cli_article.pop("path")
    ours.pop("path")
    assert ours == cli_article
    full = a.to_dict()
    assert set(full) >= set(cli_article) | {"hedges", "paragraphs", "sentences", "quotes", "signals"}
    assert full["offsets"] == "code_points"
    assert json.loads(a.to_json(offsets="bytes"))["offsets"] == "bytes"
    assert veracity.Analysis.from_json(a.to_json(offsets="bytes")) == a
    with pytest.raises(veracity.OptionError):
        a.to_json(offsets="chars")
