"""Word lists to compiled regular expressions.

Vocabulary is written as readable word lists (GPR style: `warn*` is a stem, spaces match any
run of blanks or hyphens). Each list becomes a prefix trie so one compiled alternation scans a
text once, branching on letters instead of trying every word at every position.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

_STEM = "\x00"  # trie marker: the word may continue with any word characters
_END = "\x01"  # trie marker: the word may end here

Trie = dict[str, "Trie"]


# Characters `_char_pattern` renders alike share one trie key, so "b-b" and "b b" are one
# word (matched by the first list that has it), not two branches matching the same text.
_SAME = str.maketrans({"-": " ", "’": "'"})


def _insert(trie: Trie, word: str) -> None:
    stem = word.endswith("*")
    node = trie
    for char in word.rstrip("*").translate(_SAME):
        node = node.setdefault(char, {})
    node.setdefault(_STEM if stem else _END, {})


def _char_pattern(char: str) -> str:
    if char in " -":
        return r"[\s\-‐‑–]+"
    if char in "'’":
        return "['’]"
    if char == ".":
        return r"\.?"
    return re.escape(char)


def _render(node: Trie) -> str:
    """A trie node as an alternation; markers become word-end or stem continuations."""
    branches: list[str] = []
    optional = False
    for key in sorted(node, key=lambda k: (k in (_STEM, _END), k)):
        if key == _STEM:
            branches.append(r"\w*")
        elif key == _END:
            optional = True
        else:
            branches.append(_char_pattern(key) + _render(node[key]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation (no anchors) matching any of `words`, longest first."""
    trie: Trie = {}
    for word in words:
        if word.strip():
            _insert(trie, word.strip())
    # A word followed by the "may end" marker must not stop short of a longer alternative:
    # regex alternation is ordered, so continuations are tried before the bare end.
    return _render(trie)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lower_ascii(text: str) -> str:
    """Lower-cased text with every offset still valid. `str.lower` is several times faster
    than `translate`, and only lengthens a text (never shortens: "İ" becomes two characters),
    so an unchanged length means every character kept its place."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def compile_words(words: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A whole-word pattern for a list of words and `stem*` entries.

    With `ignore_case` the words are lower-cased and the pattern must run on `lower_ascii`
    text: a case-sensitive scan of lowered text is about three times faster than IGNORECASE.
    """
    words = [lower_ascii(word) for word in words] if ignore_case else list(words)
    for word in words:
        _check(word, "words")
    return re.compile(r"(?<!\w)(?:" + trie_pattern(words) + r")(?!\w)")


class Found(NamedTuple):
    """One match of a grouped pattern: its list, where it starts and the text matched."""

    name: str
    start: int
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class GroupedPattern:
    r"""One compiled trie over many named word lists; `names[match.lastindex]` is the list.

    The pattern starts by consuming the non-word character before a word instead of looking
    behind for it: a pattern that opens with a character class lets the regex engine skip
    ahead to candidate positions in C (about 15% faster than `(?<!\w)`). `finditer` pads the
    text so a word at offset 0 has such a character too.
    """

    pattern: re.Pattern[str]
    names: tuple[str, ...]
    words: tuple[str, ...] = ()  # every entry as compiled, for `union`

    def finditer(self, text: str) -> Iterator[Found]:
        names, padded = self.names, "\n" + text
        for match in self.pattern.finditer(padded):
            start = match.start()  # of the padded text's boundary: the word's offset in `text`
            yield Found(names[match.lastindex or 0], start, padded[start + 1 : match.end()])


def _claimed(node: Trie, label: str, *, ending: bool) -> bool:
    """Whether another (earlier) list already matches at this node: its stem matches any
    continuation; its whole word matches when ours goes on past a word boundary."""
    return any(len(key) > 1 and key[1:] != label and (key[0] == _STEM or ending) for key in node)


def _insert_labelled(trie: Trie, word: str, label: str) -> None:
    """Insert `word` for list `label` unless an earlier list would match it first.

    Lists are tried in order, as an alternation of one trie per list would: a word that an
    earlier list's stem or shorter phrase already covers ("cybersecurity" after "cyber*")
    stays with that list.
    """
    stem = word.endswith("*")
    node = trie
    for char in word.rstrip("*").translate(_SAME):
        if _claimed(node, label, ending=not (char.isalnum() or char == "_")):
            return
        node = node.setdefault(char, {})
    marker = _STEM if stem else _END
    if _claimed(node, label, ending=False) or any(
        len(key) > 1 and key[0] == marker for key in node
    ):
        return
    node[marker + label] = {}


def _render_labelled(node: Trie) -> str:
    """A labelled trie as one alternation: each leaf ends in an empty group naming its list."""
    branches: list[str] = []
    for key in sorted(node, key=lambda k: (len(k) > 1, k if len(k) == 1 else "")):
        if len(key) == 1:
            branches.append(_char_pattern(key) + _render_labelled(node[key]))
        elif key[0] == _STEM:
            branches.append(r"\w*()")
        else:
            branches.append(r"(?!\w)()")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def compile_groups(
    groups: Mapping[str, Iterable[str]], *, ignore_case: bool = True
) -> GroupedPattern:
    """One pass over a text for many named word lists, as one prefix trie.

    The lists share one trie whose leaves are empty capturing groups, so a text position
    branches on letters once instead of trying every list in turn (about twice as fast as
    an alternation of one trie per list). The list of a match is `names[match.lastindex]`
    (`GroupedPattern.finditer` yields it). Matches are those of an alternation of one trie
    per list in list order: a word in two lists belongs to the first. `ignore_case` works as
    in `compile_words`: run the pattern on `lower_ascii` text.
    """
    trie: Trie = {}
    entries: list[str] = []
    for name, words in groups.items():
        for word in words:
            word = lower_ascii(word.strip()) if ignore_case else word.strip()
            if word:
                _check(word, name)
                _insert_labelled(trie, word, name)
                entries.append(word)
    if not entries:
        raise ValueError("no word to match: an empty pattern would match every boundary")
    body = _render_labelled(trie)
    names = [""]  # group numbers start at 1
    _collect_labels(trie, names)
    return GroupedPattern(re.compile(r"\W" + body), tuple(names), tuple(entries))


OPENING = 3  # characters after a boundary that name the patterns that may match there
Matcher = tuple[int, Callable[[str, int], "re.Match[str] | None"], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Union:
    """Where any of several grouped patterns matches, and which of them may match there.

    `boundaries` finds the boundary character before every word that any of the patterns
    matches; it looks at the word without consuming it, so a word inside another pattern's
    match is found too. The patterns that may match at a boundary are
    `by_opening[text[b + 1 : b + 1 + OPENING]]` if that key is there, else
    `by_first[text[b + 1]]`, each as (index, match, names): most boundaries open words of
    only some of the patterns, and a match call costs more than a dictionary lookup.
    """

    boundaries: re.Pattern[str]
    by_opening: Mapping[str, tuple[Matcher, ...]]
    by_first: Mapping[str, tuple[Matcher, ...]]


def _opening(word: str) -> str | None:
    """The `OPENING` characters that every match of `word` starts with, or `None` when a
    match may start otherwise: a blank, an apostrophe or an optional dot among them (they
    render as classes, see `_char_pattern`), or a shorter word or stem."""
    head = word.translate(_SAME).rstrip("*")[:OPENING]
    if len(head) < OPENING or any(char in " '." for char in head[1:]):
        return None
    return head


@cache
def union(patterns: tuple[GroupedPattern, ...]) -> Union:
    """The `Union` of `patterns` (see `Document.scan_together`)."""
    keyed: dict[str, set[int]] = {}
    loose: dict[str, set[int]] = {}  # first character -> patterns with a word `_opening` won't key
    for index, grouped in enumerate(patterns):
        for word in grouped.words:
            opening = _opening(word)
            if opening is None:
                loose.setdefault(word[0], set()).add(index)
            else:
                keyed.setdefault(opening, set()).add(index)
    for opening, indices in keyed.items():
        indices |= loose.get(opening[0], set())  # such a word may open the same way

    def matchers(indices: set[int]) -> tuple[Matcher, ...]:
        return tuple((i, patterns[i].pattern.match, patterns[i].names) for i in sorted(indices))

    words = [word for grouped in patterns for word in grouped.words]
    return Union(
        boundaries=re.compile(r"\W(?=(?:" + trie_pattern(words) + r")(?!\w))"),
        by_opening={opening: matchers(indices) for opening, indices in keyed.items()},
        by_first={first: matchers(indices) for first, indices in loose.items()},
    )


def _check(word: str, name: str) -> None:
    """Refuse entries that could never match: words are whole words, not regex."""
    if not (word[0].isalnum() or word[0] == "_"):
        raise ValueError(f"{name}: {word!r} does not start a word, so it can never match")
    if any(char in word for char in "[](){}|\\"):
        raise ValueError(f"{name}: {word!r} holds regex syntax; list each spelling instead")
    if "*" in word.rstrip("*"):
        raise ValueError(
            f"{name}: {word!r} has a stem inside it, so it can never match; list each form"
        )


def _collect_labels(node: Trie, names: list[str]) -> None:
    """Leaf labels in the order `_render_labelled` emits their groups."""
    for key in sorted(node, key=lambda k: (len(k) > 1, k if len(k) == 1 else "")):
        if len(key) == 1:
            _collect_labels(node[key], names)
        else:
            names.append(key[1:])
