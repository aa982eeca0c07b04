"""Negation cues: which phrases they govern, and the fast path that skips the regex."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from georisk.core.extraction import rules

PHRASE = "cyberattack"


@pytest.mark.parametrize(
    ("before", "governed"),
    [
        ("the company denied any ", True),
        ("officials said there was no ", True),
        ("there was no evidence of a ", True),
        ("police ruled out a ", True),
        ("the outage was not caused by a ", True),
        ("it was a fault rather than a ", True),
        ("caused by a glitch and not by a ", True),
        ("there is no indication that this was a ", True),
        ("(no ", True),
        ("china denied involvement in the ", False),
        ("the company denied the ", False),  # "the" presupposes the attack happened
        ("a major ", False),
        ("not only did the firm suffer a data breach but also a ", False),
    ],
)
def test_cue_governs_the_phrase_right_after_it(before: str, governed: bool) -> None:
    text = before + PHRASE
    assert rules.negated(text, len(before)) is governed


WORDS = st.sampled_from(
    [
        "no",
        "not",
        "denied",
        "deny",
        "any",
        "a",
        "an",
        "the",
        "was",
        "were",
        "is",
        "this",
        "it",
        "indication",
        "by",
        "from",
        "had",
        "been",
        "never",
        "without",
        "ruled",
        "out",
        "rather",
        "than",
        "instead",
        "of",
        "unrelated",
        "to",
        "false",
        "claims",
        "of",
        "evidence",
        "sign",
        "that",
        "hackers",
        "attack",
        "firm",
        "said",
        "(",
        '"',
        ",",
        ".",
    ]
)


@given(st.lists(WORDS, max_size=14))
def test_fast_path_agrees_with_the_regex(words: list[str]) -> None:
    before = " ".join(words) + " "
    text = before + PHRASE
    start = len(before)
    plain = rules._NEGATION.search(text, max(0, start - rules._NEGATION_REACH), start)
    assert rules.negated(text, start) is (plain is not None)
