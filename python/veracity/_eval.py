"""Evaluation commands from Python: the same code as ``veracity eval ...``, results as dicts."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from typing import Any

from veracity._native import VeracityError, run_cli

__all__ = ["evaluate_checkworthiness", "evaluate_commitment", "evaluate_quotes"]


def _run_json(args: Sequence[str]) -> dict[str, Any]:
    """Runs ``veracity ARGS --format json -o FILE`` in process and returns the JSON object."""
    fd, path = tempfile.mkstemp(suffix=".json", prefix="veracity-eval-")
    os.close(fd)
    try:
        code = run_cli([*args, "--format", "json", "-o", path])
        with open(path, encoding="utf-8") as f:
            text = f.read()
    finally:
        os.unlink(path)
    if code != 0 or not text.strip():
        raise VeracityError(f"`veracity {' '.join(args)}` failed (exit status {code}); its message is on stderr")
    result: dict[str, Any] = json.loads(text)
    return result


def _config_args(config_file: str | os.PathLike[str] | None, profile: str | None) -> list[str]:
    args: list[str] = []
    if config_file is not None:
        args += ["--config", os.fspath(config_file)]
    if profile is not None:
        args += ["--profile", profile]
    return args


def evaluate_checkworthiness(
    clef: str | os.PathLike[str] | None = None,
    claimbuster: str | os.PathLike[str] | None = None,
    *,
    config_file: str | os.PathLike[str] | None = None,
    profile: str | None = None,
) -> dict[str, Any]:
    """Check-worthiness ranking on CheckThat! TSV files and/or ClaimBuster JSON, as
    ``veracity eval checkworthiness --format json`` (``docs/evaluation.md``).

    Args:
        clef: a CheckThat! 2019 TSV file or a folder of them (MAP, R-precision, P@k).
        claimbuster: a ClaimBuster JSON file (ROC AUC, average precision).
        config_file: a configuration file (for example a refitted model).
        profile: a built-in profile.

    Returns:
        The command's JSON object (``{"task": "checkworthiness", "map": ..., ...}``).

    Raises:
        VeracityError: neither data set given, or the command failed (missing data, bad file);
            the command's message is printed on stderr.
    """
    if clef is None and claimbuster is None:
        raise VeracityError("give `clef`, `claimbuster` or both")
    args = ["eval", "checkworthiness"]
    if clef is not None:
        args += ["--clef", os.fspath(clef)]
    if claimbuster is not None:
        args += ["--claimbuster", os.fspath(claimbuster)]
    return _run_json(args + _config_args(config_file, profile))


def evaluate_commitment(
    path: str | os.PathLike[str],
    *,
    config_file: str | os.PathLike[str] | None = None,
    profile: str | None = None,
) -> dict[str, Any]:
    """Speaker commitment on CommitmentBank JSON lines (Pearson r and mean absolute error), as
    ``veracity eval commitment --format json`` (``docs/evaluation.md``).

    Raises:
        VeracityError: the command failed (missing data, bad file); its message is on stderr.
    """
    args = ["eval", "commitment", "--commitmentbank", os.fspath(path)]
    return _run_json(args + _config_args(config_file, profile))


def evaluate_quotes(
    quotes: str | os.PathLike[str] | None = None,
    *,
    polnear: str | os.PathLike[str] | None = None,
    predicted: str = "speech",
    cue_types: Sequence[str] | None = None,
    min_overlap: float = 0.5,
    config_file: str | os.PathLike[str] | None = None,
    profile: str | None = None,
) -> dict[str, Any]:
    """Quotes and their speakers (found, precision, F1, speaker accuracy), as
    ``veracity eval quotes --format json`` (``docs/evaluation.md``, "Quotes").

    Args:
        quotes: a JSON-lines file of articles with gold quotes (``text``, ``quotes``: ``start``,
            ``end`` in code points, ``speaker``).
        polnear: a PolNeAR split directory instead: its speech attributions are the gold quotes.
        predicted: ``"speech"`` (attributions whose ``cue_type`` is ``"speech"`` or
            ``"writing"``) or ``"all"``.
        cue_types: the cue types whose attributions are predicted quotes (names from
            ``CUE_TYPES``), instead of ``predicted``.
        min_overlap: a predicted and a gold quote match when each covers at least this share of
            the other's words.
        config_file: a configuration file.
        profile: a built-in profile.

    Returns:
        The command's JSON object (``{"task": "quotes", "found": ..., "precision": ..., ...}``).

    Raises:
        VeracityError: not exactly one of ``quotes`` and ``polnear``, or the command failed
            (missing data, a malformed line, bad options); its message is on stderr.
    """
    if (quotes is None) == (polnear is None):
        raise VeracityError("give exactly one of `quotes` and `polnear`")
    args = ["eval", "quotes"]
    if quotes is not None:
        args += ["--quotes", os.fspath(quotes)]
    if polnear is not None:
        args += ["--polnear", os.fspath(polnear)]
    if cue_types is not None:
        args += ["--cue-types", ",".join(cue_types)]
    else:
        args += ["--predicted", predicted]
    args += ["--min-overlap", repr(float(min_overlap))]
    return _run_json(args + _config_args(config_file, profile))
