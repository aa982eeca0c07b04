"""Countries named in a text, as ISO-3166 alpha-2 codes (plus `EU`).

Names, alternative spellings, capitals and demonyms come from `countryinfo` (offline data
shipped in the wheel) and official names from `pycountry`. A short table adds what no
library can know: metonyms (Whitehall, Kasumigaseki, Zhongnanhai, Brussels for the EU),
common abbreviations and the constituent nations of the UK. Matching is case-sensitive:
country names are proper nouns, and case keeps "turkey" and "china" (porcelain) out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import pycountry
from countryinfo import all_countries

from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import trie_pattern

# Names a library cannot know or that need an owner it would not pick.
METONYMS: dict[str, str] = {
    "Whitehall": "GB",
    "Downing Street": "GB",
    "Westminster": "GB",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Scottish": "GB",
    "Welsh": "GB",
    "Britons": "GB",
    "Kasumigaseki": "JP",
    "Nagatacho": "JP",
    "Zhongnanhai": "CN",
    "PRC": "CN",
    "Mainland China": "CN",
    "Brussels": "EU",
    "EU": "EU",
    "E.U.": "EU",
    "European Union": "EU",
    "European Commission": "EU",
    "European Council": "EU",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "America": "US",
    "Washington": "US",
    "White House": "US",
    "Pentagon": "US",
    "Kremlin": "RU",
    "Korea": "KR",
    "ROK": "KR",
    "DPRK": "KP",
    "Filipinos": "PH",
    "Philippine": "PH",  # the adjective; libraries list only the demonym "Filipino"
    # National institutions that stand for their state in news text.
    "FBI": "US",
    "CISA": "US",
    "Department of Defense": "US",
    "Congress": "US",
    "GCHQ": "GB",
    "MI5": "GB",
    "MI6": "GB",
    "National Crime Agency": "GB",
    "NCSC": "GB",
    "Ministry of Defence": "GB",
    "Royal Navy": "GB",
    "Self-Defense Forces": "JP",
    "JSDF": "JP",
    "METI": "JP",
    "Diet": "JP",
    "MOFCOM": "CN",
    "Xinhua": "CN",
    "PLA": "CN",
    "People's Liberation Army": "CN",
}

# Names that are mostly something else in news text (a US state, a first name, a place in
# another country, a sea) and so are not evidence of a country on their own.
AMBIGUOUS = frozenset(
    {
        "Georgia",
        "Georgian",
        "Jordan",
        "Chad",
        "Victoria",
        "Kingston",
        "Hamilton",
        "Georgetown",
        "Santiago",
        "San José",
        "Male",
        "Nassau",
        "Republic of China",
        "Indian",
        "Guinea",
        "Congo",
        "Dominica",
        "Niger",
        "Jersey",
        "Man",
        "Panama",
        "Mexico",
        "Kuwait",
        "Singapore",
        "Luxembourg",
        "Monaco",
        "Djibouti",
        "Guatemala",
        "Vatican",
        "Wales",
        "Salvador",
        "Roman",
        "Ireland",
        "Irish",
        "Lebanon",
        "Columbia",
        "Sucre",
        "Palestine",
    }
)
# Names that keep their meaning only when spelled out: "Panama" is often the canal.
RESTORED = {"Mexico": "MX", "Singapore": "SG", "Ireland": "IE", "Irish": "IE"}

# "Indian Ocean", "American Samoa"... : a longer proper name that contains a country word
# but names something else; listing it makes the trie consume it as a non-country.
NOT_COUNTRIES = (
    "Indian Ocean",
    "Native American",
    "Latin America",
    "Latin American",
    "North America",
    "North American",
    "South America",
    "South American",
    "Central America",
    "Central American",
    "New England",
    "New Mexico",
    "Washington Post",
    "Premier League",
)


def _usable(name: object) -> bool:
    if not isinstance(name, str) or not name or "," in name or "(" in name:
        return False
    return len(name) > 3 or (name.isalpha() and not name.isupper())


@cache
def name_table() -> dict[str, str]:
    """Every usable name, capital and demonym → alpha-2 code (largest country wins ties)."""
    table: dict[str, tuple[int, str]] = {}

    def add(name: object, code: str, population: int) -> None:
        if _usable(name) and name not in AMBIGUOUS:
            key = str(name)
            if key not in table or table[key][0] < population:
                table[key] = (population, code)

    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or pycountry.countries.get(alpha_2=code) is None:
            continue
        population = int(info.get("population") or 0)
        add(info.get("name"), code, population)
        for alternative in info.get("altSpellings") or ():
            add(alternative, code, population)
        capitals = info.get("capital")
        for capital in capitals if isinstance(capitals, list) else [capitals]:
            add(capital, code, population)
        add(info.get("demonym"), code, population)
    for record in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(record, attribute, None), record.alpha_2, 0)
    names = {name: code for name, (_, code) in table.items()}
    names.update(RESTORED)
    names.update(METONYMS)
    return names


@cache
def _pattern() -> re.Pattern[str]:
    words = [*name_table(), *NOT_COUNTRIES]
    return re.compile(r"(?<![\w.])(?:" + trie_pattern(words) + r")(?!\w)")


def _normalise(match: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", match).replace("’", "'")


def _code(match: str) -> str | None:
    table = name_table()
    name = _normalise(match)
    code = table.get(name)
    if code is None and name.endswith("."):
        code = table.get(name[:-1])  # "U.S." at the end of a sentence keeps one dot
    return code


def mentions(text: str) -> Counter[str]:
    """How often each country is named in `text`."""
    return Counter(code for m in _pattern().finditer(text) if (code := _code(m.group())))


def located(doc: Document) -> list[tuple[str, int]]:
    """Every country mention of a document as (code, offset), in text order."""
    return [(code, m.start()) for m in _pattern().finditer(doc.text) if (code := _code(m.group()))]


def resolve(name: str) -> str | None:
    """The code of one name, capital, demonym or metonym (`None` if unknown)."""
    return name_table().get(_normalise(name.strip()))


def principal(title: Counter[str], body: Counter[str], *, min_mentions: int = 1) -> tuple[str, ...]:
    """Countries named in the title, or at least `min_mentions` times in the text.

    Labelled data lists every state an article names as involved, even once, so one
    mention suffices by default; the parameter exists for callers wanting only the core.
    """
    chosen = set(title) | {code for code, n in body.items() if n + title[code] >= min_mentions}
    return tuple(sorted(chosen))


def codes(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({code for name in names if (code := resolve(name))}))
