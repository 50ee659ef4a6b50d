"""The exception hierarchy and how each failure is reported."""

from __future__ import annotations

import errno
import pickle
from pathlib import Path
from typing import Any

import pytest

import veracity

SUBCLASSES = [
    veracity.EmptyTextError,
    veracity.InvalidUtf8Error,
    veracity.ConfigError,
    veracity.MetadataError,
    veracity.OptionError,
    veracity.VeracityIOError,
]


def test_hierarchy() -> None:
    assert issubclass(veracity.VeracityError, ValueError)
    for cls in SUBCLASSES:
        assert issubclass(cls, veracity.VeracityError), cls
        assert issubclass(cls, ValueError), cls
        assert cls.__module__ == "veracity"
    assert issubclass(veracity.VeracityIOError, OSError)
    assert len(set(SUBCLASSES)) == len(SUBCLASSES)


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_text(text: str) -> None:
    with pytest.raises(veracity.EmptyTextError) as info:
        veracity.analyze(text)
    assert isinstance(info.value, veracity.VeracityError)
    assert isinstance(info.value, ValueError)
    assert "empty" in str(info.value)


def test_empty_text_through_an_analyzer() -> None:
    with pytest.raises(veracity.EmptyTextError):
        veracity.Analyzer().analyze("")


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a list"], {"text": "a dict"}, object()])
def test_wrong_text_type(bad: object) -> None:
    with pytest.raises(TypeError):
        veracity.analyze(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"title": 1},
        {"outlet": b"bytes"},
        {"authors": 7},
        {"authors": ["ok", 3]},
        {"published": 20240101},
        {"url": ["https://x.org"]},
        {"id": 5},
    ],
)
def test_wrong_metadata_types(kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        veracity.analyze("The minister said so.", **kwargs)


def test_wrong_types_elsewhere() -> None:
    with pytest.raises(TypeError):
        veracity.analyze_file(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        veracity.analyze_batch(5)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        veracity.analyze_batch("not a list of texts")
    with pytest.raises(TypeError):
        veracity.analyze_batch(["x"], n_threads="2")  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        veracity.Analyzer(config=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        veracity.Analyzer(hedges=[("phrase", "weasel")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        veracity.Analyzer(hedges="maybe")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        veracity.Analyzer(remove_hedges="may")
    with pytest.raises(TypeError):
        veracity.analyze("x", unknown=1)  # type: ignore[call-arg]


def test_invalid_utf8_names_the_offset() -> None:
    with pytest.raises(veracity.InvalidUtf8Error, match="byte offset 6"):
        veracity.analyze(b"caf\xc3\xa9 \xff more")


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [({"published": "2024-13-45"}, "published"), ({"published": "yesterday"}, "published"), ({"url": "not a url"}, "url")],
)
def test_metadata_errors(kwargs: dict[str, Any], needle: str) -> None:
    with pytest.raises(veracity.MetadataError, match=needle):
        veracity.analyze("The minister said so.", **kwargs)


def test_config_error_names_the_entry() -> None:
    with pytest.raises(veracity.ConfigError, match=r"weights\.credibility\.hedging"):
        veracity.Analyzer("[weights.credibility]\nhedging = 7.5\n")
    with pytest.raises(veracity.ConfigError, match="bogus_section"):
        veracity.Analyzer("[bogus_section]\nx = 1\n")
    with pytest.raises(veracity.ConfigError, match="<string>"):
        veracity.Analyzer("[weights\nhedging = ")
    with pytest.raises(veracity.ConfigError, match=r"user:in all likelihood"):
        veracity.Analyzer(hedges=[("in all likelihood", "speculation", 2.0)])


def test_config_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[weights.credibility]\nhedging = -1\n", encoding="utf-8")
    with pytest.raises(veracity.ConfigError, match=r"weights\.credibility\.hedging"):
        veracity.Analyzer(config_file=bad)
    missing = tmp_path / "missing.toml"
    with pytest.raises(veracity.VeracityIOError) as info:
        veracity.Analyzer(config_file=missing)
    assert info.value.errno == errno.ENOENT
    assert info.value.filename == str(missing)


def test_unknown_category_lists_choices() -> None:
    with pytest.raises(veracity.OptionError) as info:
        veracity.Analyzer(hedges=[("in all likelihood", "guesswork", 0.4)])
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert "guesswork" in message
    for category in veracity.HEDGE_CATEGORIES:
        assert category in message
    with pytest.raises(veracity.OptionError, match="verb_recipient"):
        veracity.Analyzer(cues=[("squawked", "shout")])


def test_batch_option_errors() -> None:
    with pytest.raises(veracity.OptionError, match="raise, return"):
        veracity.analyze_batch(["x"], on_error="ignore")  # type: ignore[call-overload]
    for n in (0, -3):
        with pytest.raises(veracity.OptionError, match="n_threads"):
            veracity.analyze_batch(["x"], n_threads=n)


def test_io_error_is_also_an_oserror(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(OSError) as info:
        veracity.analyze_file(missing)
    e = info.value
    assert isinstance(e, veracity.VeracityIOError)
    assert isinstance(e, veracity.VeracityError)
    assert e.errno == errno.ENOENT
    assert e.filename == str(missing)
    with pytest.raises(veracity.VeracityIOError) as info2:
        veracity.analyze_file(tmp_path)  # a directory
    assert info2.value.errno in (errno.EISDIR, errno.EIO)


def test_file_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(veracity.EmptyTextError, match="empty"):
        veracity.analyze_file(empty)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 said so.".encode("latin-1"))
    with pytest.raises(veracity.InvalidUtf8Error, match="byte offset 3"):
        veracity.analyze_file(latin1)


def test_from_json_rejects_garbage() -> None:
    with pytest.raises(veracity.VeracityError, match="Claim"):
        veracity.Claim.from_json("{}")
    with pytest.raises(veracity.VeracityError):
        veracity.Analysis.from_json("not json")
    good = veracity.analyze("Officials said so.").to_json()
    with pytest.raises(veracity.VeracityError, match="out of range"):
        veracity.Analysis.from_json(good.replace('"end":18', '"end":1800'))
    with pytest.raises(TypeError):
        veracity.Claim.from_json(b"{}")  # type: ignore[arg-type]


def test_exceptions_pickle() -> None:
    with pytest.raises(veracity.EmptyTextError) as info:
        veracity.analyze("")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is veracity.EmptyTextError
    assert str(again) == str(info.value)
