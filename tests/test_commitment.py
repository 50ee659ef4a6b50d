"""Analysis.commitment_at: the speaker's commitment to an embedded clause, and the check-worthiness
model's explanation on Claim."""

from __future__ import annotations

import pytest

import veracity

CASES = [
    # (text, event word, class, environment, sign of factuality_at)
    ("I don't think that the plan works.", "works", "neg_raising", "negation", -1),
    ("Did you know that wasps lay their eggs in ladybirds?", "lay", "factive", "question", 1),
    ("If she knew that he lied, she said nothing.", "lied", "factive", "conditional", 1),
    ("One might say it was peeled down.", "peeled", "saying", "modal", 1),
    ("I could hardly believe I was back.", "back", "neg_raising", "hardly", 1),
]


@pytest.mark.parametrize(("text", "word", "cls", "env", "sign"), CASES)
def test_environments(text: str, word: str, cls: str, env: str, sign: int) -> None:
    a = veracity.analyze(text)
    pos = a.text.index(word)
    c = a.commitment_at(pos)
    assert c is not None
    assert (c["class"], c["environment"]) == (cls, env)
    f = a.factuality_at(pos)
    assert f is not None and f * sign > 0
    assert f == pytest.approx(c["value"])


def test_questions_over_belief_commit_to_nothing() -> None:
    a = veracity.analyze("Do they really believe that the tax cut paid for itself?")
    f = a.factuality_at(a.text.index("paid"))
    assert f is not None and abs(f) <= 0.5


def test_no_predicate_no_commitment() -> None:
    a = veracity.analyze("The minister resigned on Monday.")
    assert a.commitment_at(a.text.index("resigned")) is None
    assert a.commitment_at(len(a.text) + 5) is None


def test_checkworthiness_is_a_logistic_probability_with_every_term() -> None:
    a = veracity.analyze("The bill cut taxes by $1,000 for 4 million families in 2017.")
    c = a.claims[0]
    e = c.checkworthiness_explanation
    assert e.link == "logistic"
    assert 0.0 <= c.checkworthiness <= 1.0 and e.value == c.checkworthiness
    signals = {t.signal for t in e.contributions}
    assert {"number", "statistic", "record", "question", "procedure"} <= signals
    q = veracity.analyze("Thank you, Senator. What do you think?")
    assert max(x.checkworthiness for x in q.claims) < c.checkworthiness
