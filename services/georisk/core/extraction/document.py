"""An article prepared for rule matching: its sentences and where each word list matches.

Proximity is judged by sentence: a topic word and a threat/act word "co-occur" when they
fall in the same sentence (GPR pairs words within two words or in the same article; the
sentence is the unit that keeps the actor, the verb and the object of one claim together).
The title is sentence 0 and counts as the lead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from georisk.core.extraction.lexicon import OPENING, GroupedPattern, union

# A sentence ends after . ! ? or … (closing quotes or brackets may follow) and blanks before a
# capital or digit, or at a line break. The pattern starts with a character class so the
# regex engine skips to candidate characters instead of testing every position.
_SENTENCE_END = re.compile(
    r"[.!?…\n]"
    # Not after an abbreviation that is usually followed by a name: "U.S. President", "Mr. Xi".
    r"(?<!U\.S\.)(?<!U\.K\.)(?<![\s(]Mr\.)(?<![\s(]Ms\.)(?<![\s(]Dr\.)(?<![\s(]Mrs\.)"
    r"(?<![\s(]Gen\.)(?<![\s(]Sen\.)(?<![\s(]Rep\.)(?<![\s(]Gov\.)(?<![\s(]Lt\.)(?<![\s(]St\.)"
    r"(?:(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\n*)"
)


class Hit(NamedTuple):
    """One match of one word list (a tuple: a scan makes dozens per article, and a tuple is
    built several times faster than a frozen dataclass)."""

    group: str
    text: str
    sentence: int
    start: int = 0


@dataclass(slots=True)
class Document:
    """Title and body as one text with sentence boundaries."""

    text: str
    starts: list[int]
    title_end: int
    # Results of `scan_together`, each handed out once by `scan`.
    scanned: dict[GroupedPattern, dict[str, list[Hit]]] = field(default_factory=dict)

    @classmethod
    def of(cls, title: str | None, body: str) -> Document:
        head = (title or "").strip()
        text = f"{head}\n{body}" if head else body
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        return cls(text=text, starts=starts, title_end=len(head))

    @property
    def n_sentences(self) -> int:
        return len(self.starts)

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def end(self, index: int) -> int:
        """Where sentence `index` ends (the next one's start, or the end of the text)."""
        return self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)

    def sentence(self, index: int) -> str:
        return self.text[self.starts[index] : self.end(index)].strip()

    def scan(self, pattern: GroupedPattern) -> dict[str, list[Hit]]:
        """Every match of a grouped pattern, by list name (see `lexicon.compile_groups`)."""
        if pattern in self.scanned:
            return self.scanned.pop(pattern)  # the caller may change what it is given
        found: dict[str, list[Hit]] = defaultdict(list)
        names, starts, padded = pattern.names, self.starts, "\n" + self.text
        # Inlined `GroupedPattern.finditer`: this loop runs for every hit of every article.
        for match in pattern.pattern.finditer(padded):
            group, start = names[match.lastindex or 0], match.start()
            sentence = bisect_right(starts, start) - 1
            found[group].append(Hit(group, padded[start + 1 : match.end()], sentence, start))
        return found

    def scan_together(self, patterns: tuple[GroupedPattern, ...]) -> None:
        """What `scan` would find for each pattern, found in one pass over the text.

        Separate scans each test every word boundary of the text; here one pattern finds
        the boundaries where any of the patterns matches (a few dozen in an article), and
        each pattern whose words may open there (`Union`) is matched there, unless its own
        previous match reaches past it, as its own scan would resume. The results wait in
        `scanned` for `scan` to hand out.
        """
        padded, starts = "\n" + self.text, self.starts
        found: list[dict[str, list[Hit]]] = [defaultdict(list) for _ in patterns]
        resume = [0] * len(patterns)
        joined = union(patterns)
        by_opening, by_first = joined.by_opening, joined.by_first
        for candidate in joined.boundaries.finditer(padded):
            start = candidate.start()
            opening = padded[start + 1 : start + 1 + OPENING]
            for i, match, names in by_opening.get(opening) or by_first.get(opening[:1], ()):
                if start < resume[i] or (m := match(padded, start)) is None:
                    continue
                resume[i] = end = m.end()
                group = names[m.lastindex or 0]
                sentence = bisect_right(starts, start) - 1
                found[i][group].append(Hit(group, padded[start + 1 : end], sentence, start))
        self.scanned.update(zip(patterns, found, strict=True))


def sentences(hits: list[Hit]) -> set[int]:
    return {hit.sentence for hit in hits}
