"""veracity: explainable scoring of news text.

Finds the claims an article makes, who they are attributed to (and through whom), how hedged
they are and how reliable each source is, with an explanation for every score. The work is done
by a Rust core (``veracity._native``); this package re-exports it.

All offsets (``start``/``end`` attributes) are code-point offsets into ``Analysis.text``, so
``analysis.text[claim.start:claim.end] == claim.text``.

>>> import veracity
>>> a = veracity.analyze("Three sources close to the Russian government told Bloomberg News "
...                      "that the convoy had left. The minister allegedly requested asylum.")
>>> [s.name for s in a.claims[0].attribution.sources]
['Bloomberg News', 'Three sources close to the Russian government']
>>> [h.cue for h in a.claims[1].hedges]
['allegedly']
"""

from veracity._native import (
    CORPUS_FORMATS,
    CUE_KINDS,
    HEDGE_CATEGORIES,
    PROFILES,
    SOURCE_KINDS,
    TABLE_KINDS,
    UNKNOWN_OUTLET,
    Admiralty,
    Analysis,
    Analyzer,
    Attribution,
    Claim,
    ClaimGroup,
    ConfigError,
    Contribution,
    CorroboratedClaim,
    CorroboratedSource,
    DataError,
    Corpus,
    CorpusReader,
    Corroboration,
    EmptyTextError,
    Explanation,
    Hedge,
    InvalidRecordError,
    InvalidUtf8Error,
    MetadataError,
    OptionError,
    OutletProfile,
    Paragraph,
    Profiles,
    Quote,
    Sentence,
    Source,
    SourceProfile,
    SourceSummary,
    ScoringModel,
    SIGNALS,
    TruthResult,
    VeracityError,
    VeracityIOError,
    __version__,
    analyze,
    analyze_batch,
    analyze_file,
    corroborate,
    discover_truth,
    discover_truth_file,
    get_num_threads,
    read_corpus,
    run_cli,
    set_num_threads,
    table,
)
from veracity._eval import evaluate_checkworthiness, evaluate_commitment
from veracity._fit import evaluate_reliability, fit
from veracity._frames import analyze_frame
from veracity._table import Table

__all__ = [
    "DataError",
    "SIGNALS",
    "ScoringModel",
    "evaluate_checkworthiness",
    "evaluate_commitment",
    "evaluate_reliability",
    "fit",
    "CORPUS_FORMATS",
    "CUE_KINDS",
    "HEDGE_CATEGORIES",
    "PROFILES",
    "SOURCE_KINDS",
    "TABLE_KINDS",
    "UNKNOWN_OUTLET",
    "Admiralty",
    "Analysis",
    "Analyzer",
    "Attribution",
    "Claim",
    "ClaimGroup",
    "ConfigError",
    "Contribution",
    "CorroboratedClaim",
    "CorroboratedSource",
    "Corpus",
    "CorpusReader",
    "Corroboration",
    "EmptyTextError",
    "Explanation",
    "Hedge",
    "InvalidRecordError",
    "InvalidUtf8Error",
    "MetadataError",
    "OptionError",
    "OutletProfile",
    "Paragraph",
    "Profiles",
    "Quote",
    "Sentence",
    "Source",
    "SourceProfile",
    "SourceSummary",
    "Table",
    "TruthResult",
    "VeracityError",
    "VeracityIOError",
    "__version__",
    "analyze",
    "analyze_batch",
    "analyze_file",
    "analyze_frame",
    "corroborate",
    "discover_truth",
    "discover_truth_file",
    "get_num_threads",
    "read_corpus",
    "run_cli",
    "set_num_threads",
    "table",
]
