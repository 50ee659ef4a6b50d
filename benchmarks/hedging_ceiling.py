"""How far other models over the same explainable features get on CoNLL-2010 (Wikipedia weasels).

Run by hand (never in CI): the check behind "the gap to the target is not a matter of weights"
in ``docs/evaluation.md`` (Hedging, "Ceiling checks"). It analyses every sentence of the train
file with the ``conll2010`` profile, takes the hedge cues of each claim (phrase, category,
weight, negated), the words around each cue, a few sentence features and the attribution kinds,
and fits on the ``train`` split only (the Rust split: FNV-1a 64 of the stripped text, 0 mod 5 is
``dev``):

- the profile's own noisy-OR (EM, MAP with a Beta prior of 2 pseudo-sentences on each phrase's
  weight, phrases seen in fewer than 5 sentences keep theirs) with each vague quantifier's key
  split by its context: the next word's shape, the previous word's class, or the class of the
  noun that follows (a person: "some scholars"; an opinion verb: "some argue"; "of"; a number);
- logistic regression on the cue, category, context, sentence and attribution features;
- gradient-boosted trees on the cue, category, sentence and attribution features and the
  profile's own certainty.

Thresholds are chosen on train (5-fold cross-validated probabilities for the learned models),
then applied to dev once. scikit-learn and numpy are not dependencies of veracity: use a
throw-away venv with the wheel installed::

    python3 -m venv /tmp/ceilvenv
    /tmp/ceilvenv/bin/pip install numpy scikit-learn maturin
    /tmp/ceilvenv/bin/maturin build --release -o /tmp/wheels     # from the repository root
    /tmp/ceilvenv/bin/pip install /tmp/wheels/veracity-*.whl
    /tmp/ceilvenv/bin/python benchmarks/hedging_ceiling.py [../shared/eval/hedging/conll2010_wiki_train.csv]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Any

import veracity

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "hedging" / "conll2010_wiki_train.csv"
QUANTIFIERS = {"some", "many", "several", "most", "certain", "various", "numerous", "a number of"}
PERSONS = set(
    "people persons individuals scholars historians critics fans researchers scientists experts observers "
    "analysts commentators writers authors users readers viewers members residents citizens believers "
    "followers supporters opponents proponents advocates skeptics sceptics theologians philosophers "
    "economists academics musicians artists editors journalists reviewers politicians officials leaders "
    "teachers students parents doctors sources others men women children".split()
)
OPINION_VERBS = set(
    "say says said argue argued argues believe believes believed consider considers considered claim claims "
    "claimed suggest suggests suggested feel feels felt think thinks thought note noted contend contended "
    "regard regarded view viewed assert asserted maintain maintained speculate speculated describe described "
    "criticize criticized criticise criticised question questioned dispute disputed doubt doubted".split()
)
PTB = [("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"), ("-RCB-", "}"), ("``", '"'), ("''", '"')]


def fnv1a(text: str) -> int:
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+(?:'[a-z]+)?|\d+|[^\sA-Za-z\d]", text)


def load(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        sys.exit(f"{path} not found: the evaluation data is not bundled (see docs/evaluation.md)")
    analyzer = veracity.Analyzer(profile="conll2010")
    rows = []
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for text, label in reader:
            stripped = text.strip()
            plain = stripped
            for a, b in PTB:
                plain = plain.replace(a, b)
            try:
                analysis = analyzer.analyze(plain)
            except veracity.EmptyTextError:
                # As `veracity eval hedging` does: no claim, so predicted certain.
                rows.append({"text": plain, "y": int(label), "dev": fnv1a(stripped) % 5 == 0, "claims": [], "attributions": []})
                continue
            rows.append(
                {
                    "text": plain,
                    "y": int(label),
                    "dev": fnv1a(stripped) % 5 == 0,
                    "claims": [
                        {
                            "certainty": c.certainty,
                            "hedges": [
                                (h.cue.lower(), str(h.category), h.weight, h.negated, h.start, h.end) for h in c.hedges
                            ],
                        }
                        for c in analysis.claims
                    ],
                    "attributions": [str(s.kind) for a in analysis.attributions for s in a.sources],
                }
            )
    return rows


def prf(y: Any, p: Any) -> tuple[float, float, float]:
    tp = int(((p == 1) & (y == 1)).sum())
    fp = int(((p == 1) & (y == 0)).sum())
    fn = int(((p == 0) & (y == 1)).sum())
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def shape(word: str | None) -> str:
    if word is None:
        return "END"
    if word[0].isdigit():
        return "NUM"
    if word[0].isupper():
        return "CAP"
    if word.lower() == "of":
        return "of"
    return "S" if word.endswith("s") else "w"


def noun_class(text: str, end: int) -> str:
    after = [w.lower() for w in words(text[end:])[:3]]
    if not after:
        return "END"
    if after[0] == "of":
        return "of"
    if after[0][0].isdigit():
        return "NUM"
    for w in after:
        if w in OPINION_VERBS:
            return "VERB"
        if w in PERSONS:
            return "PERSON"
        if w in {",", ".", ";"}:
            break
    return "OTHER"


def context_key(row: dict[str, Any], cue: tuple[Any, ...], split: str) -> str:
    phrase, category, _, _, start, end = cue
    text = row["text"]
    if split == "next" and phrase in QUANTIFIERS:
        after = words(text[end:])[:1]
        return f"{phrase}|{shape(after[0] if after else None)}"
    if split == "previous" and category in {"reporting_hedge", "weasel", "evidential_verb"} and phrase not in QUANTIFIERS:
        before = words(text[:start])[-1:]
        prev = before[0].lower() if before else "<S>"
        kind = "IT" if prev in {"it", "there"} else "BE" if prev in {"is", "are", "was", "were", "been", "be"} else "o"
        return f"{phrase}|{kind}"
    if split == "noun class" and phrase in QUANTIFIERS:
        return f"{phrase}|{noun_class(text, end)}"
    return phrase


def noisy_or(rows: list[dict[str, Any]], split: str) -> tuple[float, ...]:
    import numpy as np

    def claim_keys(row: dict[str, Any]) -> list[list[tuple[str, float]]]:
        return [
            [(context_key(row, h, split), h[2]) for h in c["hedges"] if not h[3] and h[1] != "booster"]
            for c in row["claims"]
        ]

    train = [r for r in rows if not r["dev"]]
    prior_w: dict[str, float] = {}
    support: dict[str, int] = {}
    sets = []
    for r in train:
        keys = {k for c in claim_keys(r) for k, w in c if prior_w.setdefault(k, w) is not None}
        for k in keys:
            support[k] = support.get(k, 0) + 1
        sets.append(keys)
    weight, leak = dict(prior_w), 0.1
    for _ in range(200):
        resp = dict.fromkeys(weight, 0.0)
        leak_resp = 0.0
        for r, keys in zip(train, sets):
            if not r["y"]:
                continue
            keep = (1 - leak) * float(np.prod([1 - weight[k] for k in keys])) if keys else 1 - leak
            p = max(1 - keep, 1e-9)
            leak_resp += leak / p
            for k in keys:
                resp[k] += weight[k] / p
        for k in weight:
            if support[k] >= 5:
                weight[k] = min(max((resp[k] + 2 * prior_w[k]) / (support[k] + 2), 0.0), 0.99)
        leak = min(max(leak_resp / len(train), 1e-6), 0.99)

    def score(r: dict[str, Any]) -> float:
        keep = 1.0
        for c in claim_keys(r):
            keep = min(keep, float(np.prod([1 - weight.get(k, w) for k, w in c])) if c else 1.0)
        return 1 - keep

    y_train = np.array([r["y"] for r in train])
    s_train = np.array([score(r) for r in train])
    dev = [r for r in rows if r["dev"]]
    s_dev = np.array([score(r) for r in dev])
    return thresholds(y_train, s_train, np.array([r["y"] for r in dev]), s_dev, np.arange(0.01, 0.5, 0.005))


def thresholds(y_train: Any, s_train: Any, y_dev: Any, s_dev: Any, grid: Any) -> tuple[float, ...]:
    """Train F1 at the train-F1-optimal threshold and dev P, R, F1 there; then dev P and F1 at the
    threshold with the best train F1 among those with train precision >= 0.65 (NaN when none)."""
    scored = [(prf(y_train, (s_train > t).astype(int)), t) for t in grid]
    (_, _, f1), best = max(scored, key=lambda x: x[0][2])
    at_best = prf(y_dev, (s_dev > best).astype(int))
    precise = [(m[2], t) for m, t in scored if m[0] >= 0.65]
    if not precise:
        return (f1, *at_best, float("nan"), float("nan"))
    p65, _, f65 = prf(y_dev, (s_dev > max(precise)[1]).astype(int))
    return (f1, *at_best, p65, f65)


def features(row: dict[str, Any], use: set[str]) -> dict[str, float]:
    f: dict[str, float] = {}
    text = row["text"]
    for c in row["claims"]:
        for cue in c["hedges"]:
            phrase, category, _, negated, start, end = cue
            key = ("NEG:" if negated else "") + phrase
            f["cue=" + key] = 1
            f["cat=" + category] = f.get("cat=" + category, 0) + 1
            if "context" in use:
                after = words(text[end:])[:1]
                f[f"next={key}|{shape(after[0] if after else None)}"] = 1
                f[f"class={key}|{noun_class(text, end)}"] = 1
    if "profile" in use:
        f["profile"] = 1 - min([c["certainty"] for c in row["claims"]] or [1.0])
    n = len(words(text))
    f[f"length{min(n // 10, 6)}"] = 1
    if re.search(r"\b1[5-9]\d\d\b|\b20[0-2]\d\b", text):
        f["year"] = 1
    if re.search(r"\d", text):
        f["digit"] = 1
    for kind in row["attributions"]:
        f["source=" + kind] = 1
    return f


def learned(rows: list[dict[str, Any]], model: Any, use: set[str], dense: bool) -> tuple[float, ...]:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    train = [r for r in rows if not r["dev"]]
    dev = [r for r in rows if r["dev"]]
    vec = DictVectorizer(sparse=not dense)
    x_train = vec.fit_transform([features(r, use) for r in train])
    x_dev = vec.transform([features(r, use) for r in dev])
    y_train = np.array([r["y"] for r in train])
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    p = cross_val_predict(model, x_train, y_train, cv=folds, method="predict_proba")[:, 1]
    model.fit(x_train, y_train)
    p_dev = model.predict_proba(x_dev)[:, 1]
    return thresholds(y_train, p, np.array([r["y"] for r in dev]), p_dev, np.arange(0.15, 0.8, 0.01))


def main() -> None:
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        sys.exit("needs numpy and scikit-learn in a throw-away venv (see the docstring)")
    rows = load(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"{len(rows)} sentences, {sum(r['dev'] for r in rows)} in dev")
    print(f"{'model':58s} {'train F1':>8s} {'dev P':>6s} {'dev R':>6s} {'dev F1':>6s} {'P>=.65: dev P':>13s} {'dev F1':>6s}")
    results = [(f"noisy-OR, keys split by {s}", noisy_or(rows, s)) for s in ("nothing", "next", "previous", "noun class")]
    lr = LogisticRegression(C=1.0, max_iter=3000)
    results.append(("logistic regression: cues, categories, sentence, sources", learned(rows, lr, set(), False)))
    results.append(("logistic regression: + context of each cue", learned(rows, lr, {"context"}, False)))
    gb = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=200, max_leaf_nodes=15, random_state=0)
    results.append(("gradient boosting: cues, ..., sources, profile certainty", learned(rows, gb, {"profile"}, True)))
    for name, (f1, p, r, dev_f1, p65, f65) in results:
        print(f"{name:58s} {f1:8.3f} {p:6.3f} {r:6.3f} {dev_f1:6.3f} {p65:13.3f} {f65:6.3f}")


if __name__ == "__main__":
    main()
