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
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

import pycountry
from countryinfo import all_countries

from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import trie_pattern
from georisk.core.extraction.organisations import headline_organisations
from georisk.core.extraction.rules import LEAD_SENTENCES, lead_end

# Names a library cannot know or that need an owner it would not pick.
METONYMS: dict[str, str] = {
    "Whitehall": "GB",
    "Downing Street": "GB",
    "Westminster": "GB",
    "House of Commons": "GB",
    "House of Lords": "GB",
    "NHS": "GB",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Northern Ireland": "GB",
    "Scottish": "GB",
    "Welsh": "GB",
    "Britons": "GB",
    "Kasumigaseki": "JP",
    "Chinese Taipei": "TW",
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
    "Taiwan Affairs Office": "CN",
    # Seats and offices of government that news uses for the state itself.
    "Élysée": "FR",
    "Elysée": "FR",
    "Elysee": "FR",
    "Quai d'Orsay": "FR",
    "Bundestag": "DE",
    "Bundeswehr": "DE",
    "Kantei": "JP",
    "Blue House": "KR",
    "Malacañang": "PH",
    "Malacanang": "PH",
    "Duma": "RU",
    "Knesset": "IL",
    "Lok Sabha": "IN",
    "Verkhovna Rada": "UA",
    "State Department": "US",
    "Department of State": "US",
    "Commerce Department": "US",
    "Department of Commerce": "US",
    "Capitol Hill": "US",
    "Home Office": "GB",
    "FCDO": "GB",
}

# Everyday news spellings that neither library lists.
SPELLINGS: dict[str, str] = {
    "Democratic Republic of Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Republic of Congo": "CG",
    "Congo-Brazzaville": "CG",
    "UAE": "AE",
    "Saudi": "SA",
    "Timor-Leste": "TL",
    "Bosnia": "BA",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Icelandic": "IS",
    "Slovenian": "SI",
    "Houthi": "YE",
    "Houthis": "YE",
    "Delhi": "IN",
    "Kiev": "UA",
}

# Nouns for a country's people that differ from its adjective (the libraries list adjectives);
# regular plurals are derived from demonyms ending in these letters ("Americans", "Israelis").
PEOPLE: dict[str, str] = {
    "Spaniard": "ES",
    "Spaniards": "ES",
    "Frenchman": "FR",
    "Frenchmen": "FR",
    "Frenchwoman": "FR",
    "Englishman": "GB",
    "Englishmen": "GB",
    "Brits": "GB",
    "Scots": "GB",
    "Dutchman": "NL",
    "Dutchmen": "NL",
    "Swedes": "SE",
    "Danes": "DK",
    "Finns": "FI",
    "Turks": "TR",
}
PLURAL_ENDINGS = ("an", "i", "o")
CAPITALS: set[str] = set()  # filled by `name_table`
DEMONYMS: set[str] = set(PEOPLE) | {"Philippine", "Filipinos", "Scottish", "Welsh", "Britons"}

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
        "Island",  # Iceland's own name, and every "Thitu Island" and "Huangyan Island"
    }
)
# China's special administrative regions have ISO codes of their own, but the labelled data
# name the state: "bounties on Hong Kong activists" involves CN (HK was 3 right to 59 wrong).
SOVEREIGN = {"HK": "CN", "MO": "CN"}
# Names that keep their meaning only when spelled out (the canal, the papers and the other
# longer names that hold them are in `NOT_COUNTRIES`).
RESTORED = {
    "Panama": "PA",
    "Mexico": "MX",
    "Singapore": "SG",
    "Ireland": "IE",
    "Irish": "IE",
    "Kuwait": "KW",
    "Guinea": "GN",
    "Wales": "GB",
}

# Species named after a place: "Japanese knotweed" in a garden, "Chinese mitten crabs" in a
# river, a "Chinese water deer 'invasion' of the Broads" name no state, and no topic either
# (`negatives.EXCLUSION_PHRASES` blanks them).
PLACE_NAMED_SPECIES = (
    "Chinese water deer",
    "Chinese mitten crab*",
    "Japanese knotweed",
    "Japanese beetle*",
    "Asian hornet*",
)

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
    "Panama Canal",
    "New South Wales",
    "Prince of Wales",
    "Princess of Wales",
    "New Guinea",  # the island; "Papua New Guinea" is longer still and keeps its code
    "Gulf of Guinea",
    "Guinea pig",
    "Guinea pigs",
    "Panama Papers",
    # Institutions and things named after a place: a price quote on the London Metal
    # Exchange, a sum in US dollars or a Dutch oven says nothing of a state's involvement.
    "London Metal Exchange",
    "US dollar",
    "US dollars",
    "U.S. dollar",
    "U.S. dollars",
    "Dutch oven",
    "Premier League",
    # Porcelain and clay named after the country: "Bone China Week" in Stoke.
    "Bone China",
    "Fine China",
    "China clay",
    "China Clay",
    # Species named after a place (as written and in title case): no state's involvement.
    *PLACE_NAMED_SPECIES,
    *(species.title() for species in PLACE_NAMED_SPECIES),
    # Companies whose name holds a demonym but says nothing of a state's involvement.
    "Anglo American",
    "American Express",
    "American Airlines",
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
            if _usable(capital):
                CAPITALS.add(str(capital))
        demonym = info.get("demonym")
        add(demonym, code, population)
        if _usable(demonym):
            DEMONYMS.update((str(demonym), f"{demonym}s"))
        if (
            isinstance(demonym, str)
            and demonym.endswith(PLURAL_ENDINGS)
            and demonym not in AMBIGUOUS
        ):
            add(demonym + "s", code, population)  # Americans, Israelis, Filipinos
    for record in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(record, attribute, None), record.alpha_2, 0)
    names = {name: SOVEREIGN.get(code, code) for name, (_, code) in table.items()}
    names.update(RESTORED)
    names.update(PEOPLE)
    names.update(SPELLINGS)
    names.update(METONYMS)
    return names


def _words() -> list[str]:
    return [*name_table(), *NOT_COUNTRIES]


@cache
def _body() -> str:
    # "Chinese-style noodles", "Japanese-inspired design": a manner or a cuisine, not a state;
    # "US$11,000 a tonne": a currency, not a party.
    return r"(?:" + trie_pattern(_words()) + r")(?!\w|\$|[\-‐‑](?:style|inspired|themed)\b)"


@cache
def _scanner() -> re.Pattern[str]:
    """Country names, each with the boundary character before it: consuming it instead of
    looking behind lets the regex engine skip to candidates (as in `lexicon`). The letters
    that can open a name are looked at first: most boundaries precede a lower-case word,
    which no name starts with, and the test spares the trie's first branching there."""
    openers = sorted({re.escape(word.strip()[0]) for word in _words() if word.strip()})
    return re.compile(r"[^\w.](?=[" + "".join(openers) + "])" + _body())


def _names(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every country-name match in `text`."""
    padded = "\n" + text
    for match in _scanner().finditer(padded):
        start = match.start()  # the boundary in `padded`: the name's offset in `text`
        yield start, padded[start + 1 : match.end()]


def _normalise(match: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", match).replace("’", "'")


# "a zoo in Japan", "from Japan to Scotland": the state as a place, not as an actor; "a
# major Tokyo record label": a name qualifying a noun after an indefinite article.
_PLACE = re.compile(
    r"(?<!\w)(?:(?:in|at|from|to|into|outside|across|throughout)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|rural|coastal)\w*\s+)?"
    r"|an?\s+(?:[a-z]+\s+)?)$",
    re.IGNORECASE,
)


class Mention(NamedTuple):
    """One country mention: its code, where it starts, whether it names the state (a name,
    capital or metonym: "Britain and Japan signed") rather than only an adjective ("a
    Japanese botanic garden"), and the text matched, so the checks on what follows it need
    not match it again."""

    code: str
    offset: int
    named: bool
    name: str

    @property
    def end(self) -> int:
        return self.offset + len(self.name)


def _resolved(match: str) -> tuple[str, str] | None:
    """The code of a matched name and the table entry it was found under."""
    table = name_table()
    code = table.get(match)  # most mentions are spelled as listed
    if code is not None:
        return code, match
    name = _normalise(match)
    code = table.get(name)
    if code is None and name.endswith("."):
        name = name[:-1]  # "U.S." at the end of a sentence keeps one dot
        code = table.get(name)
    return (code, name) if code is not None else None


def _code(match: str) -> str | None:
    resolved = _resolved(match)
    return resolved[0] if resolved else None


def mentions(text: str) -> Counter[str]:
    """How often each country is named in `text`."""
    return Counter(code for _, name in _names(text) if (code := _code(name)))


def located(doc: Document) -> list[Mention]:
    """Every country mention of a document, in text order."""
    found = []
    for start, name in _names(doc.text):
        resolved = _resolved(name)  # fills DEMONYMS through `name_table`
        if resolved is not None:
            code, form = resolved
            found.append(Mention(code, start, form not in DEMONYMS, name))
    return found


def named_states(doc: Document, found: Iterable[Mention], end: int) -> frozenset[str]:
    """States named as actors before offset `end`: by a name, capital or metonym, not by an
    adjective, as a place or as a qualifier ("a zoo in Japan", "a Tokyo record label"). Read
    only when a rule asks, so the place check stays off the per-mention path."""
    text = doc.text
    return frozenset(
        m.code
        for m in found
        if m.named and m.offset < end and not _PLACE.search(text, max(0, m.offset - 24), m.offset)
    )


def resolve(name: str) -> str | None:
    """The code of one name, capital, demonym or metonym (`None` if unknown)."""
    return name_table().get(_normalise(name.strip()))


# Markers of an exemplification list: "allies such as the Netherlands and Japan", "partners
# including Germany, South Korea and Japan". States named only in such a list are examples.
# Each marker is matched with the boundary character before it, on a text padded with one
# (so the engine skips to candidate characters instead of looking behind at every one), and
# with the blanks after it but the last: that is the boundary of a marker right after it,
# and the padding makes the match's end the offset after the blanks in the text itself.
_EXAMPLE_MARKER = re.compile(
    r"\W(?:such as|including|among them"
    # Rank comparisons: "the second-biggest producer after Australia", "the sixth country
    # with such an arrangement, after the United States, Britain and France".
    r"|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?!\w)[^.;:]{0,60}?"
    r"(?<!\w)after"
    # Comparisons with earlier deals: "Japan signed a similar pact with Australia last year",
    # "its fourth such agreement, after those with Australia, Britain and the Philippines".
    r"|(?:similar|such\s+an?)\s+(?:[\w\-]+\s+){0,3}?(?:only\s+)?with"
    r"|(?:those|ones)\s+with|only\s+one\s+other\s+country,"
    # The region's worries listed: "amid rising tensions in the region over China, Russia and
    # North Korea", "threats from Russia and North Korea".
    r"|tensions\s+(?:in\s+the\s+region\s+)?over|threats?\s+(?:posed\s+)?(?:from|by))\s*(?=\s)"
)
# A list of short capitalised items joined by commas, "and" or "or"; it ends at a clause
# break (a comma before a lower-case word, a semicolon, a bracket, the sentence end).
_LIST_ITEM = r"(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+(?!and\b|or\b)[\w'’.\-]+){0,3}"
_ITEM_LIST = re.compile(
    _LIST_ITEM + r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _LIST_ITEM + r")+"
)
_ONE_ITEM = re.compile(_LIST_ITEM)
# A body sentence outside the lead that names this many states is an enumeration (bloc
# members, a roll-call of context): states named only in such sentences are in passing.
CROWDED = 4
# A state named as the venue of a meeting ("the G20 summit later this week in South Africa")
# is where something happens, not who is involved: in passing when outside the lead.
_VENUE = re.compile(
    r"(?<!\w)(?:summit|meeting|talks|conference|forum|gathering)s?(?!\w)[^.;:]{0,40}?"
    r"(?<!\w)(?:in|at)\s+(?:the\s+)?$"
)
# Groupings whose name spells out a small, fixed membership: named in the lead, they stand
# for their members. Larger blocs (G7, NATO, CPTPP) are not expanded: their members are
# principal only when the text names them.
MEMBERS: dict[str, tuple[str, ...]] = {
    "AUKUS": ("AU", "GB", "US"),
    "Gulf Cooperation Council": ("AE", "BH", "KW", "OM", "QA", "SA"),
}
_MEMBERS = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, MEMBERS)) + r")(?!\w)")


def members_named(text: str, end: int) -> frozenset[str]:
    """The member states of the small groupings named before offset `end` ("the Gulf
    Cooperation Council" stands for its six states)."""
    if not any(name in text for name in MEMBERS):
        return frozenset()
    return frozenset(code for m in _MEMBERS.finditer(text, 0, end) for code in MEMBERS[m.group()])


# The words every `_EXAMPLE_MARKER` opens with.
_MARKER_OPENINGS = (
    *("such", "including", "among", "similar", "those", "ones", "only", "tensions", "threat"),
    *("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
)


def _markers(padded: str, start: int) -> Iterator[re.Match[str]]:
    """What `_EXAMPLE_MARKER.finditer(padded, start)` finds, trying the pattern only before
    its opening words (found by substring search, which is several times cheaper than the
    pattern's own scan of every boundary) and resuming after each match, as it would."""
    candidates = set()
    for word in _MARKER_OPENINGS:
        at = padded.find(word, start + 1)
        while at != -1:
            candidates.add(at - 1)  # the boundary the pattern consumes
            at = padded.find(word, at + 1)
    resume = start
    for at in sorted(candidates):
        if at >= resume and (marker := _EXAMPLE_MARKER.match(padded, at)):
            resume = marker.end()
            yield marker


def _example_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Character spans of exemplification lists in `text` from `start` on."""
    spans = []
    for marker in _markers("\n" + text, start):
        after = marker.end()
        listed = _ITEM_LIST.match(text, after) or _ONE_ITEM.match(text, after)
        if listed:
            spans.append((after, listed.end()))
    return spans


# "discussed the situation in Myanmar", "the war in Ukraine": a state as the scene of a
# conflict that is the backdrop of the story, not a party to it.
_BACKDROP = re.compile(
    r"(?<!\w)(?:(?:situation|war|conflict|crisis|fighting)\s+in|invasion\s+of"
    # "retaliation for Britain's support for Ukraine": the state a party backs, recalled.
    r"|support\s+(?:for|to))\s+(?:the\s+)?$"
)
# "The ministers also discussed North Korea's missile programme", "also condemned Russia's
# war": the further topics of a meeting, not its parties.
_TOPIC = re.compile(
    r"(?<!\w)also\s+(?:discussed|condemned|raised|addressed|touched\s+on|covered|reviewed)\s+"
    r"[^.;:!?]*$"
)
# "the few refineries outside China", "its first such pact with a country other than the
# United States", "partners beyond Washington": the state a story measures others against,
# not a party to it (unless the text goes on to say what it does: "outside China, which
# dominates supply"). A capital is a place here ("bus fares outside London").
_CONTRAST_WORDS = ("outside", "other than", "beyond", "except", "excluding", "apart from")
_CONTRAST = re.compile(
    r"(?<!\w)(?:outside(?:\s+of)?|other\s+than|beyond|except|excluding|apart\s+from)\s+"
    r"(?:mainland\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_WHICH = re.compile(r",?\s+which(?!\w)")
# "said an analyst at a London brokerage", "a report by a Singapore-based think tank": the
# home of a commentator's firm, not a party to the story.
_SOURCE_BEFORE = re.compile(r"(?<!\w)(?:at|with|for|from|by)\s+an?\s+(?:[a-z\-]+\s+)?$")
_SOURCE_AFTER = re.compile(
    r"(?:[\-‐‑]based)?\s+(?:[a-z\-]+\s+){0,2}?(?:brokerage|bank|consultancy|firm|research "
    r"house|think\s+tank|university|lender|insurer|fund|asset\s+manager|house)(?!\w)"
)
# "her Chinese parents", "its Belgian-born director": a person's origin, not a state's part.
_ORIGIN = re.compile(
    r"[\-‐‑](?:born|descent)(?!\w)|\s+(?:parents|descent|heritage|ancestry|roots)(?!\w)"
)
_BASED = re.compile(r"[\-‐‑]based(?!\w)")
# "in South Africa", "at the Élysée", "from London": a state or capital given as a place.
_LOCATIVE = re.compile(r"(?<!\w)(?:in|at|from)\s+(?:the\s+)?$")


# "a Togo-flagged freighter", "a Panama-registered ship": a flag of registry, not a party;
# "the Tripoli Street interchange": a street named after a place.
# Matched right after each mention (a cheap anchored test), with no substring gate first.
_FLAG = re.compile(
    r"[\s\-‐‑]+(?:flagged|registered)(?!\w)|\s+(?:Street|Road|Avenue|Square|Station|Lane)\b"
)


def _flag_of(text: str, m: Mention) -> bool:
    return _FLAG.match(text, m.end) is not None


def _contrast(text: str, m: Mention) -> bool:
    """ "one of the few refineries outside China": the state as the measure of others."""
    if _CONTRAST.search(text, max(0, m.offset - 24), m.offset) is None:
        return False
    return _normalise(m.name) not in CAPITALS and _WHICH.match(text, m.end) is None


def _source(text: str, m: Mention) -> bool:
    """ "an analyst at a London brokerage": the home of a commentator's firm."""
    if _SOURCE_BEFORE.search(text, max(0, m.offset - 30), m.offset) is None:
        return False
    return _SOURCE_AFTER.match(text, m.end) is not None


def _origin(text: str, m: Mention) -> bool:
    """ "her Chinese parents", "a Belgian-born director": a demonym giving a person's origin."""
    return not m.named and _ORIGIN.match(text, m.end) is not None


def _capital_as_place(text: str, m: Mention) -> bool:
    """ "an analyst at a bank in London", "a Seoul-based trader": a capital as a place, not
    as its government."""
    # "in the capital" is no capital name, so the locative is read only before a name.
    locative = _LOCATIVE.search(text, max(0, m.offset - 6), m.offset) is not None
    if not locative and "based" not in text[m.offset : m.offset + 40]:
        return False
    if _normalise(m.name) not in CAPITALS:
        return False
    return locative or _BASED.match(text, m.end) is not None


# Subdivision names that are everyday words or first names before they are places ("Most",
# "North", "Nelson"): the fallback below would read them as a state's region.
GENERIC_PLACES = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Centre",
        "Capital",
        "Coast",
        "Most",
        "Mara",
        "Bury",
        "Nelson",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
    }
)


@cache
def _first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in _subdivisions())


@cache
def _subdivisions() -> dict[str, str]:
    """Names of ISO 3166-2 subdivisions (states, prefectures, counties, provinces) from
    `pycountry` that belong to one country only and name no country themselves."""
    codes: dict[str, str] = {}
    shared: set[str] = set()
    for division in pycountry.subdivisions:
        name = division.name.split(",")[0].split("(")[0].strip()
        if len(name) < 4 or not name[0].isupper() or name in GENERIC_PLACES:
            continue
        if codes.get(name, division.country_code) != division.country_code:
            shared.add(name)
        codes[name] = division.country_code
    table = name_table()
    return {n: c for n, c in codes.items() if n not in shared and n not in table}


# Runs of capitalised words, with the particles of place names ("Rio de Janeiro",
# "Stoke-on-Trent" is one word): the candidates looked up as subdivision names.
# The capital comes before the look behind it, so the engine skips ahead to capitals.
_PROPER_RUN = re.compile(
    r"[A-Z](?<![\w\-][A-Z])[\w\-]*(?:\s+(?:(?:de|do|da|del|of|upon|on)\s+)?[A-Z][\w\-]*)*"
)
_MAX_NAME_WORDS = 4


def _regions(text: str) -> Iterator[str]:
    """The codes of subdivision names in `text`, longest name first within each run."""
    codes, firsts = _subdivisions(), _first_words()
    for run in _PROPER_RUN.finditer(text):
        words = run.group().split()
        i = 0
        while i < len(words):
            if words[i] not in firsts:
                i += 1
                continue
            for j in range(min(len(words), i + _MAX_NAME_WORDS), i, -1):
                code = codes.get(" ".join(words[i:j]))
                if code is not None:
                    yield code
                    i = j
                    break
            else:
                i += 1


def located_by_region(doc: Document) -> tuple[str, ...]:
    """For a text that names no state: the state whose regions it names most ("Osaka General
    Medical Center", "a Somerset village"), if one leads; none on a tie."""
    ranked = Counter(_regions(doc.text)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ()
    return (ranked[0][0],)


# A price with a bare pound or dollar sign ("under £50", "$12.99"), not A$, C$, NZ$ or HK$.
_CURRENCY = re.compile(r"(?<![A-Za-z])([£$])\s?\d")
_CURRENCY_STATE = {"£": "GB", "$": "US"}


def located_by_currency(doc: Document) -> tuple[str, ...]:
    """For a text that names no state nor its regions: the state whose currency it prices in
    ("darts under £50"), when only one is used."""
    signs = {m.group(1) for m in _CURRENCY.finditer(doc.text)}
    return (_CURRENCY_STATE[signs.pop()],) if len(signs) == 1 else ()


# Country-code domains sold for generic use (.io, .tv, .ai...): they say nothing of a place.
_VANITY_DOMAINS = frozenset(
    {"ac", "ai", "am", "cc", "cd", "co", "fm", "gg", "io", "la", "ly", "me", "ms", "nu"}
    | {"so", "st", "to", "tk", "tv", "vc", "ws"}
)
_DOMAIN_STATE = {"uk": "GB", "eu": "EU"}


def located_by_domain(url: str | None) -> tuple[str, ...]:
    """For a text that names no state nor its regions: the state of its site's country-code
    domain ("thegrocer.co.uk" → GB, "technationcanada.ca" → CA); none for .com or .io."""
    host = urlsplit(url).hostname if url else None
    suffix = host.rsplit(".", 1)[-1] if host else ""
    if len(suffix) != 2 or suffix in _VANITY_DOMAINS:
        return ()
    if suffix in _DOMAIN_STATE:
        return (_DOMAIN_STATE[suffix],)
    country = pycountry.countries.get(alpha_2=suffix.upper())
    return (country.alpha_2,) if country else ()


# The EU comments on much it is no party to ("the European Commission said it was
# monitoring"): named once, after the lead, it is in passing.
_COMMENTATORS = ("EU",)


def _named_once(code: str, located: list[tuple[str, int, int]]) -> bool:
    return sum(1 for other, _, _ in located if other == code) == 1


def principal(doc: Document, found: list[Mention], url: str | None = None) -> tuple[str, ...]:
    """The states principally involved, from every mention (code, offset) of `doc`.

    A state named in the title or the lead is principal, and so is one named anywhere
    else, unless all its mentions are in passing: in an exemplification list ("allies such
    as X and Y"), in a crowded enumeration after the lead (a bloc's member list), as the
    backdrop or a further topic ("support for Ukraine", "also discussed North Korea"), or, for
    a commentator such as the EU, a single mention after the lead. Wherever it stands, the
    title included, a mention names no party when it is a flag of registry, the state others
    are measured against ("outside China"), the home of a commentator's firm ("an analyst at
    a London brokerage") or a person's origin ("her Chinese parents"). A small
    grouping named in the lead (AUKUS) stands for its members, and a firm or league the
    headline names for its home state ("stop buying Micron products" involves the US). A
    text naming no state nor such an organisation is placed by its regions
    (`located_by_region`), or else by its site's country-code domain, or else by the
    currency it prices in.
    """
    organisations = headline_organisations(doc)
    if not found:
        if organisations:
            return tuple(sorted(organisations))
        return located_by_region(doc) or located_by_domain(url) or located_by_currency(doc)
    lead = lead_end(doc)
    text = doc.text
    spans = _example_spans(text, doc.title_end)
    located = [(m.code, m.offset, doc.sentence_of(m.offset)) for m in found]
    per_sentence: dict[int, set[str]] = {}
    for code, _, sentence in located:
        per_sentence.setdefault(sentence, set()).add(code)
    contrasts = any(word in text for word in _CONTRAST_WORDS)
    topics = "also " in text
    chosen: set[str] = set()
    for mention, (code, offset, sentence) in zip(found, located, strict=True):
        if code in chosen:
            continue
        if _flag_of(text, mention):
            continue
        if contrasts and _contrast(text, mention):
            continue
        if _source(text, mention) or _origin(text, mention):
            continue
        if offset < doc.title_end:
            chosen.add(code)
            continue
        if any(a <= offset < b for a, b in spans):
            continue
        if _BACKDROP.search(text, max(0, offset - 20), offset):
            continue
        if topics and _TOPIC.search(text, max(0, offset - 80), offset):
            continue
        placed = _LOCATIVE.search(text, max(0, offset - 10), offset) is not None
        if placed and _VENUE.search(text, max(doc.title_end, offset - 80), offset):
            continue
        if sentence >= LEAD_SENTENCES and (
            len(per_sentence[sentence]) >= CROWDED
            or _capital_as_place(text, mention)
            or (code in _COMMENTATORS and _named_once(code, located))
        ):
            continue
        chosen.add(code)
    chosen.update(members_named(text, lead))
    chosen.update(organisations)
    return tuple(sorted(chosen))


def codes(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({code for name in names if (code := resolve(name))}))
