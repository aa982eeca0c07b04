"""Word lists to tries to regexes, and the sentence map of a document."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import (
    GroupedPattern,
    compile_groups,
    compile_words,
    lower_ascii,
    trie_pattern,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a warning of war", ["warning", "war"]),
        ("water-cannon and water cannon", ["water-cannon", "water cannon"]),
        ("warships", []),  # "war" is a whole word, not a stem
        ("the U.S. and the US", ["u.s.", "us"]),
    ],
)
def test_compile_words(text: str, found: list[str]) -> None:
    pattern = compile_words(["warn*", "war", "water cannon", "U.S."])
    assert [m.group() for m in pattern.finditer(lower_ascii(text))] == found


def test_groups_name_the_list_that_matched() -> None:
    pattern = compile_groups({"actor": ["China", "Beijing"], "act": ["ram*", "collision"]})
    hits = [(f.name, f.text) for f in pattern.finditer("beijing rammed; china collision")]
    assert hits == [
        ("actor", "beijing"),
        ("act", "rammed"),
        ("actor", "china"),
        ("act", "collision"),
    ]


words = st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=8), min_size=1, max_size=30)


@given(words)
def test_every_listed_word_matches_itself_whole(vocabulary: list[str]) -> None:
    pattern = compile_words(vocabulary)
    for word in vocabulary:
        match = pattern.search(f" {word} ")
        assert match is not None
        assert match.group() == word


def _alternation(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(f"(?P<{name}>{trie_pattern(words)})", name) for name, words in groups.items() if words]


# Vocabulary entries are words or phrases: letters at both ends, blanks or hyphens inside.
entries = st.from_regex(r"[abc](?:[abc -]{0,4}[abc])?", fullmatch=True)
stems = st.lists(st.one_of(entries, entries.map(lambda w: w + "*")), max_size=8)


@given(st.fixed_dictionaries({"a": stems, "b": stems, "c": stems}), st.text("abc -", max_size=40))
# Phrases that differ only in a separator are one word: the earlier list keeps it.
@example(groups={"c": ["b-b"], "b": ["b b"], "a": []}, text="b-b")
def test_one_trie_matches_like_an_ordered_alternation_of_lists(
    groups: dict[str, list[str]], text: str
) -> None:
    """Merging the lists into one trie keeps the semantics of trying each list in order."""
    import re

    parts = _alternation({k: [w for w in v if w.rstrip("*").strip()] for k, v in groups.items()})
    if not parts:
        return
    reference = re.compile(r"(?<!\w)(?:" + "|".join(p for p, _ in parts) + r")(?!\w)")
    merged = compile_groups(groups)
    expected = [(m.lastgroup, m.span()) for m in reference.finditer(text)]
    assert [(f.name, (f.start, f.start + len(f.text))) for f in merged.finditer(text)] == expected


def test_an_empty_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="no word"):
        compile_groups({"a": [], "b": [" "]})


@pytest.mark.parametrize("word", ["% off", "-led", "export licen[cs]*", "a|b", "push* for"])
def test_entries_that_could_never_match_are_refused(word: str) -> None:
    with pytest.raises(ValueError, match=r"never match|regex"):
        compile_groups({"list": [word]})


def test_lower_ascii_keeps_offsets() -> None:
    text = "İstanbul and BEIJING"
    assert len(lower_ascii(text)) == len(text)
    assert lower_ascii(text).endswith("beijing")


def _sentences(title: str, body: str) -> list[str]:
    doc = Document.of(title, body)
    return [doc.sentence(i) for i in range(doc.n_sentences)]


def test_document_sentences_start_with_the_title() -> None:
    body = "First claim. Second claim? Third.\nNew paragraph"
    assert _sentences("Headline here", body) == [
        "Headline here",
        "First claim.",
        "Second claim?",
        "Third.",
        "New paragraph",
    ]
    doc = Document.of("Headline here", body)
    assert doc.sentence_of(doc.text.index("Second")) == 2


def test_abbreviations_before_a_name_do_not_end_a_sentence() -> None:
    body = "The U.S. President met Mr. Xi. Then the U.K. Foreign Secretary spoke."
    assert _sentences("T", body) == [
        "T",
        "The U.S. President met Mr. Xi.",
        "Then the U.K. Foreign Secretary spoke.",
    ]


def test_lower_ascii_falls_back_when_lowering_lengthens_the_text() -> None:
    text = "İSTANBUL hosts TALKS"  # "İ" lowers to two characters
    lowered = lower_ascii(text)
    assert len(lowered) == len(text)
    assert lowered.endswith("hosts talks")


def test_word_lists_refuse_a_stem_inside_a_phrase() -> None:
    with pytest.raises(ValueError, match="never match"):
        compile_words(["want* to"])


def _scans(doc: Document, patterns: tuple[GroupedPattern, ...]) -> list[dict[str, list[Hit]]]:
    return [dict(doc.scan(pattern)) for pattern in patterns]


@given(
    st.lists(st.fixed_dictionaries({"a": stems, "b": stems}), min_size=1, max_size=4),
    st.text("abc -.'’\n", max_size=60),
)
# A word inside a match: the pattern that matched resumes after it, the other matches it.
@example(groups=[{"a": ["a b", "b"], "b": []}, {"a": ["b"], "b": ["a*"]}], text="a b b ab")
# A stem too short to key on opens where a longer word of another pattern does.
@example(groups=[{"a": ["ab*"], "b": []}, {"a": ["abc"], "b": []}], text="abc")
# A blank or apostrophe within the opening renders as a class: "a b" matches "a-b", "a'b" "a’b".
@example(groups=[{"a": ["a b"], "b": ["a'b"]}], text="a-b a’b")
def test_scanning_together_finds_what_each_scan_finds(
    groups: list[dict[str, list[str]]], text: str
) -> None:
    assume(all(word.rstrip("*").strip() for g in groups for word in g["a"] + g["b"]))
    assume(all(g["a"] + g["b"] for g in groups))
    patterns = tuple(compile_groups(g) for g in groups)
    alone = _scans(Document.of(None, text), patterns)
    doc = Document.of(None, text)
    doc.scan_together(patterns)
    assert _scans(doc, patterns) == alone
    assert not doc.scanned  # each result is handed out once; a second scan scans afresh
    assert _scans(doc, patterns) == alone


def test_scanning_together_agrees_on_the_dimension_word_lists() -> None:
    from georisk.core.extraction import _word_patterns
    from georisk.scopes import default_scope

    patterns = _word_patterns(default_scope())
    text = lower_ascii(
        "Chinese hackers breached the network; China's coast guard rammed a Philippine boat. "
        "Beijing curbed gallium and germanium exports as Britain and Japan signed a cyber "
        "partnership, and the ministers agreed to cooperate on critical minerals."
    )
    alone = _scans(Document.of(None, text), patterns)
    doc = Document.of(None, text)
    doc.scan_together(patterns)
    together = _scans(doc, patterns)
    assert together == alone
    assert all(together)  # every dimension's words are found in this text
