"""Hard-negative defences: phrases that borrow risk vocabulary and genres that never carry it.

Two layers, as in the GPR audit: (1) exclusion phrases ("Cyber Monday", "mineral water",
"Lunar New Year") are consumed before any topic word can see them; (2) a genre test spots
texts whose whole register is sport, travel, food, festivals, shopping, job adverts,
hobbies or price statistics. A genre text keeps a level only when it also carries strong,
repeated act evidence, so a sports report that mentions a cyberattack still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from georisk.core.extraction.countries import PLACE_NAMED_SPECIES
from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import compile_groups
from georisk.core.extraction.rules import preceded

# Phrases that contain a dimension's vocabulary but are not about it (removed before matching).
EXCLUSION_PHRASES = (
    "Cyber Monday",
    "Cyber Week",
    "cyber sale*",
    "mineral water*",
    "mineral oil",
    "mineral make*",
    "Lunar New Year",
    "Chinese New Year",
    "Spring Festival",
    "Chinese zodiac",
    "Chinese food",
    "Chinese cuisine",
    "Chinese restaurant*",
    "Chinese medicine",
    "Chinese characters",
    "price war*",
    "trade war games",
    "war movie*",
    "war film*",
    "star wars",
    "world war*",
    "cold war",
    "rare earth magnet kit*",
    "fire drill*",
    "exercise class*",
    "physical exercise*",
    "exercise routine*",
    "liquid metal",
    "melting point",
    "great wall",
    "terracotta army",
    "dragon dance*",
    "lion dance*",
    "quad bike*",
    "attack submarine*",
    "attack helicopter*",
    "heart attack*",
    "injury time",
    # Porcelain called china: "fine bone china is fired at 1,200C" fires no shot.
    "bone china",
    "fine china",
    "china clay",
    "china stone",
    "china tea service*",
    "china dinner service*",
    # Car models named for a metal or a pact: "Chevrolet Cobalt sedans", "the Honda Accord".
    "Chevrolet Cobalt*",
    "Chevy Cobalt*",
    "Cobalt sedan*",
    "Honda Accord*",
    # Species named for a place: "Chinese water deer 'invasion' of the Broads".
    *PLACE_NAMED_SPECIES,
    # The Olympic name of Taiwan's teams, and sport's "ram home".
    "Chinese Taipei",
    "ram home",
    "rammed home",
    # Football crowds and burglaries: no army invades.
    "pitch invasion*",
    "invaded the pitch",
    "invading the pitch",
    "home invasion*",
    # Weather: "typhoon warning", "red warning for rainstorms" are no diplomatic warning.
    "typhoon warning*",
    "storm warning*",
    "weather warning*",
    "rainstorm warning*",
    "flood warning*",
    "tsunami warning*",
    "heat warning*",
    "red warning*",
    "orange warning*",
    "yellow warning*",
    # Idioms and names that hold a risk word.
    "a great deal",
    "a good deal",
    "life hack*",
    "hackathon*",
    "Hackney",
    "Cybertruck*",
    "Cyberpunk*",
    "Cybermen",
    # Golf's amateurs: "most of us weekend hackers".
    "weekend hacker*",
    # A couple's legal union: "register a civil partnership".
    "civil partnership*",
    "Cyberman",
    "cyberware",
    # Firms' trading deals: "struck a distribution partnership with a drinks wholesaler".
    "distribution partnership*",
    "distribution agreement*",
    "distribution deal*",
    "marketing partnership*",
    "licensing partnership*",
    "retail partnership*",
    # Deals that are no state's pact: budgets, coalitions, courts, wages, sport and media.
    "budget deal*",
    "coalition deal*",
    "plea deal*",
    "pay deal*",
    # Labour disputes: "called both sides to mediation talks" are no diplomacy.
    "mediation talks",
    "wage talks",
    "pay talks",
    "contract talks",
    "wage deal*",
    "transfer deal*",
    "sponsorship deal*",
    "record deal*",
    "book deal*",
    # A treaty on sharing classified information, not cyber security.
    "information security agreement*",
)

GENRES: dict[str, tuple[str, ...]] = {
    "sport": (
        "match*",
        "goal*",
        "scored",
        "striker",
        "midfielder",
        "league",
        "tournament",
        "friendly",
        "world cup",
        "wicket*",
        "innings",
        # Cricket: a batting "partnership" of 287 runs is no pact.
        "batted",
        "batting",
        "batsman",
        "batsmen",
        "bowler*",
        "bowled",
        "spinner*",
        "all-rounder*",
        "lbw",
        "sixes",
        "test match*",
        "bowling",
        "centurion*",
        "bouncer*",
        "short-pitched",
        "new ball",
        "overs",
        "grand prix",
        "lap*",
        "podium",
        "coach",
        "fixture*",
        "kick-off",
        "penalty",
        "halftime",
        "half-time",
        "stoppage time",
        "referee",
        "squad",
        "lionesses",
        "semi-final",
        "final whistle",
        "champion*",
        "olympic*",
        "medal*",
        "set piece",
        "unbeaten",
        # Darts: "95% tungsten" barrels are what a player throws at the treble 20.
        "darts",
        "treble 20",
        "nine-dart*",
        "oche",
        # Golf: "weekend hackers" chip round the green.
        "golf*",
        "fairway*",
        "putt*",
        "bunker*",
        "handicap*",
        "birdie*",
        "caddie*",
        "short game",
        "off the tee",
        "strokes",
        # Board games: a Go final's "invasion" of territory and "encircled" stones.
        "chess",
        "grandmaster*",
        "shogi",
        "baduk",
        "weiqi",
        "stones",
        "endgame",
        "resignation",
        # Go, the board game: "a long ko fight", "the Nihon Ki-in", "playing black".
        "go title",
        "go star",
        "go player*",
        "go master*",
        "ko fight*",
        "nihon ki-in",
        "title match",
        "playing black",
        "playing white",
        "the board",
        "player",
        "players",
        "cup",
    ),
    # School and public contests: a competition's "fictional data breach" is a puzzle.
    "contest": (
        "competition",
        "competitions",
        "contestant*",
        "finalist*",
        "puzzle*",
        "quiz*",
        "escape room*",
        "pupils",
        "prize*",
        "winners",
        "winning team",
        "runners-up",
        "hackathon*",
        "prototype*",
        # Schools' hacking contests: "crowned national champions" at capture the flag (not
        # "contest", which geopolitics uses: "a great-power contest").
        "capture the flag",
        "capture-the-flag",
        "crowned",
        "team captain",
        "sixth-form*",
        # What a games venue sells: "group bookings available for birthdays".
        "group booking*",
        "birthday*",
    ),
    "travel": (
        "itinerary",
        "travel guide",
        "tourist*",
        "sightseeing",
        "day trip",
        "night market*",
        "hot spring*",
        "temple*",
        "hostel*",
        "must-see",
        "must-visit",
        "backpack*",
        "scenic",
        # Frequent-flyer writing: an airline "alliance" and its "partner lounges".
        "frequent flyer*",
        "frequent flier*",
        "lounge*",
        "air miles",
        "tier points",
        "codeshare*",
        "frequent-flyer*",
        "frequent-flier*",
        "redeem*",
        "loyalty scheme*",
        "loyalty programme*",
        "loyalty program*",
        # Airlines' alliances: "a joint business on flights between", "the oneworld alliance".
        "joint business",
        "oneworld",
        "star alliance",
        "skyteam",
        "tourism",
        "daily service",
        "new route*",
    ),
    "food": (
        "recipe*",
        "ingredient*",
        "tablespoon*",
        "teaspoon*",
        "sushi",
        "ramen",
        "tempura",
        "noodle*",
        "dumpling*",
        "cuisine",
        "dish*",
        "bake",
        "oven",
        "flavour*",
        "flavor*",
        "soy sauce",
        # Cafés and bakeries: a coffee chain's "strategic partnership" with a baker.
        "bakery",
        "bakeries",
        "pastries",
        "cafe",
        "cafes",
        "café",
        "cafés",
        "flat white",
    ),
    "festival": (
        "festival*",
        "lantern*",
        "firecracker*",
        "red envelope*",
        "zodiac",
        "new moon",
        "full moon",
        "celebrat*",
        "lion dance*",
        "dragon dance*",
        "reunion dinner",
        "good luck",
    ),
    "shopping": (
        "cyber monday",
        "black friday",
        "discount*",
        "coupon*",
        "bargain*",
        "shopper*",
        "retailer*",
        "promo code*",
        # Buyer's guides: "our picks after three months of testing" password managers.
        "our picks",
        "our top",
        "our tests",
        "our testing",
        "free tier",
        "budget option*",
        "best value",
        "family plan*",
    ),
    # A retailer's trading results: "the Hartley Partnership", whose staff are "partners".
    "retail": (
        "department store*",
        "supermarket*",
        "grocery",
        "store closures",
        "like-for-like",
        "profit before tax",
        "trading update",
        "home furnishings",
        "high street",
    ),
    # Medicine: lithium the mood stabiliser is a drug, not a battery metal.
    "medicine": (
        "bipolar",
        "psychiatr*",
        "prescrib*",
        "dose",
        "doses",
        "dosage*",
        "thyroid",
        "kidney*",
        "mania",
        "antidepressant*",
        "mood stabili*",
        "side effect*",
        "blood test*",
    ),
    # Advertorials sell cover or services against the risks they describe.
    "advert": (
        "sponsored",
        "advertorial",
        "get a quote",
        "our policies",
        "our advisers",
        "our advisors",
        "our experts",
        "book a demo",
        "free trial",
        "sign up today",
        "your business",
    ),
    # Film, television, fiction and games: a hacker thriller's ransomware crew is a plot.
    "screen": (
        "film",
        "films",
        "movie*",
        "thriller*",
        "screenplay",
        "starring",
        "cinema*",
        "box office",
        "sequel*",
        "episode*",
        "actor*",
        "actress*",
        "novel",
        "novelist*",
        # Games: a hacking game's "successful cyberattack" unlocks a level.
        "video game*",
        "hacking game*",
        "gameplay",
        "gamer*",
        "puzzler",
        "indie",
        "soundtrack*",
        "boss fight*",
        "playthrough",
        "console*",
        "replay value",
        "minigame*",
        "final boss",
        "streaming",
        "genre",
        "cliché*",
        # Reviewers' words: a drama's twist and villain, its star rating.
        "drama",
        "twist",
        "villain*",
        "binge*",
        "protagonist*",
        "storyline*",
        "one star",
        "two stars",
        "three stars",
        "four stars",
        "five stars",
        "special effects",
        "games",
        "studio",
        "stealth",
        "scenes",
        "entertainment",
        # Science fiction seasons: "cult cyberpunk films", "screenings".
        "science fiction",
        "science-fiction",
        "sci-fi",
        "screening*",
        "studios",
        # Game updates: "patch notes", "balance changes", "bug fixes".
        "patch notes",
        "balance change*",
        "bug fix*",
        "hotfix*",
        "multiplayer",
        "in-game",
        # Game and television reviews: "a stylish cyberpunk heist with too many side quests",
        # "the guest cast", "the festive special" (not "script", which malware has).
        "cyberpunk*",
        "game review*",
        "side quest*",
        "open-world",
        "open world",
        "guest cast",
        "guest star*",
        "showrunner*",
        "screenwriter*",
        "christmas special",
        "festive special",
    ),
    # Fashion: "hacked" vintage shirts and "computer-virus" prints are a look, not a breach.
    "fashion": (
        "fashion*",
        "boutique*",
        "stylist*",
        "knitwear",
        "streetwear",
        "catwalk*",
        "couture",
        "vintage",
        "designer label*",
        "fashion week",
    ),
    # Art, antiques, heritage and arts seasons: porcelain "china", cobalt glazes, a museum
    # "partnership", a cultural season's "collaborations".
    "heritage": (
        "museum*",
        "exhibition*",
        "auction*",
        "antique*",
        "porcelain",
        "ceramic*",
        "pottery",
        "potter",
        "potters",
        "kiln*",
        "dynasty",
        "collector*",
        # The saleroom: "a Qing vase led bidding at the summer sale".
        "vase*",
        "saleroom*",
        "bidder*",
        "curator*",
        "artefact*",
        "artifact*",
        "glaze*",
        # Arts seasons: "a programme of exhibitions, performances and collaborations".
        "performances",
        "choreograph*",
        "arts",
        "artist*",
        # Local history: "marks 460 years of Borrowdale graphite... visitors can see".
        "visitors",
        "legend",
        # Industrial heritage: a restored tin mine's history of "strikes" is no disruption.
        "heritage site*",
        "world heritage",
        "heritage charit*",
        "restoration",
        "engine house*",
        # Artists' materials: "cobalt blue" and "cadmium red" watercolours are paints.
        "watercolour*",
        "watercolor*",
        "pigment*",
        "swatch*",
        "lightfast",
        "acrylics",
        "oil paint*",
        "paintbrush*",
    ),
    # Rings and bracelets name their metals (tungsten, cobalt, nickel) as materials to wear.
    "jewellery": (
        "jewellery",
        "jewelry",
        "jeweller*",
        "jeweler*",
        "wedding band*",
        "wedding ring*",
        "engagement ring*",
        "ring size*",
        "resiz*",
        "bracelet*",
        "necklace*",
        "earring*",
        "pendant*",
        "carat*",
        "hypoallergenic",
        "groom",
        "grooms",
        "bride",
        "brides",
    ),
    "jobs": (
        "job description*",
        "job title*",
        "job purpose",
        "duties",
        "responsibilities",
        "qualification*",
        "candidate*",
        "salary",
        "apply now",
        "years of experience",
        "hiring",
        "your next hire",
        "skills",
    ),
    # Course and training adverts list attack techniques as things to learn.
    "course": (
        "bootcamp*",
        "course",
        "courses",
        "enrol*",
        "tuition",
        "curriculum",
        "syllabus",
        "modules",
        "learners",
        "certificat*",
        "part-time",
        "scholarship*",
        "career change*",
        "no experience",
        "hands-on",
    ),
    "hobby": (
        "diy",
        "hobby*",
        "hobbyist*",
        "fridge",
        "craft*",
        "experiment*",
        "fun",
        "toy*",
        "for dummies",
        "fascinating",
        "trick*",
        "video",
        "spoon*",
        "magic*",
        "science of",
    ),
    "statistics": (
        "consumer price index",
        "cpi",
        "consumer price*",
        "producer price*",
        "ppi",
        "inflation",
        "deflation",
        "year-on-year",
        "year on year",
        "month-on-month",
        "statistics bureau",
        "bureau of statistics",
        "core inflation",
    ),
    # Sponsorship: a club's "commercial partnership" with a brand is a logo on a shirt.
    "sponsorship": (
        "sponsor*",
        "commercial partner*",
        "official partner*",
        "shirt*",
        "logo",
        "fan market*",
        "brand ambassador*",
        "commercial officer",
        "kit deal*",
    ),
    # Mountaineering: a "summit" reached by a "joint expedition" is a peak's.
    "mountaineering": (
        "mountaineer*",
        "climbers",
        "climbing",
        "base camp",
        "first ascent",
        "unclimbed",
        "sherpa*",
        "crampons",
        "glacier*",
        "rope team*",
        # A joint "expedition" to "the summit of Mount Everest" is no summit of leaders.
        "expedition",
        "expeditions",
        "everest",
        "summit ridge",
        "weather window",
        "alpine club*",
    ),
    # Motoring: a "Cobalt" saloon's sales, a car review's "Accord".
    "motoring": (
        "sedan*",
        "saloon*",
        "hatchback*",
        "best-selling car*",
        "spare parts",
        "test drive*",
        "boot space",
        "large boot",
        "trim level*",
        "horsepower",
        "fuel economy",
        "road test*",
    ),
    # Couples' legal unions: a civil partnership's "partners sign" the register.
    "marriage": (
        "civil partnership*",
        "marriage*",
        "married",
        "registrar*",
        "register office*",
        "spouse*",
        "wedding*",
        "divorce*",
        "couples",
        "notary",
        "notaries",
        "same-sex",
        "cohabit*",
    ),
    # Professional firms that are partnerships: "promoted 38 people to partner".
    "practice": (
        "accountancy",
        "accountant*",
        "audit",
        "auditor*",
        "law firm*",
        "solicitor*",
        "senior partner",
        "managing partner",
        "equity partner*",
    ),
    # Garden columns: a plant "short of magnesium" is no supply shortage.
    "garden": (
        "gardening",
        "gardener*",
        "garden centre*",
        "garden center*",
        "compost*",
        "growbag*",
        "seedling*",
        "mulch*",
        "allotment*",
        "houseplant*",
        "potting",
        "pruning",
        "flowerbed*",
    ),
    "weather": (
        "typhoon*",
        "rainfall",
        "landfall",
        "weather bureau",
        "central weather",
        "schools closed",
        "offices closed",
        "closures",
        "heavy rain*",
        "gust*",
        "flood*",
    ),
}

_EXCLUDE = "exclude"
_LIVE_FIRE = re.compile(r"live[\s\-‐‑–]+$")
_GENRE = compile_groups(GENRES)
# Exclusion phrases and genre markers in one pass: exclusion phrases first, so a phrase is
# consumed whole; genre markers inside it are read from the phrase itself.
REGISTER = compile_groups({_EXCLUDE: EXCLUSION_PHRASES, **GENRES})
# A genre is the register of a text when it has this many distinct marker words.
GENRE_MIN_HITS = 3


# Inflections of one marker are one word: "flooded" and "flooding" in a story about a flooded
# mine are not two signs of a weather report.
_INFLECTIONS = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    for ending in _INFLECTIONS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


@dataclass(frozen=True, slots=True)
class Register:
    """A lowered text with exclusion phrases blanked (offsets kept), and its genres."""

    cleaned: str
    excluded: tuple[str, ...]
    genres: frozenset[str]


def read_register(doc: Document) -> Register:
    """Exclusion phrases and genres of a lowered document, from one scan of `REGISTER`.

    Genres need `GENRE_MIN_HITS` distinct marker words: distinct words, not hits, so a trade
    story that says "deal" five times is not a sales flyer, while a match report that
    mentions goals, a striker and a referee is sport.
    """
    text, hits = doc.text, doc.scan(REGISTER)
    seen = {
        name: {_stem(h.text) for h in found} for name, found in hits.items() if name != _EXCLUDE
    }
    pieces: list[str] = []
    excluded: list[str] = []
    last = 0
    for phrase in hits.get(_EXCLUDE, ()):
        for inner, _, marker in _GENRE.finditer(phrase.text):
            seen.setdefault(inner, set()).add(_stem(marker))
        if preceded(text, phrase.start, _LIVE_FIRE, 6):
            continue  # "live-fire drills" are a military act, not a fire drill
        excluded.append(phrase.text)
        pieces.append(text[last : phrase.start])
        pieces.append(" " * len(phrase.text))
        last = phrase.start + len(phrase.text)
    cleaned = "".join(pieces) + text[last:] if pieces else text
    kinds = frozenset(name for name, words in seen.items() if len(words) >= GENRE_MIN_HITS)
    return Register(cleaned, tuple(excluded), kinds)


def strip_exclusions(text: str) -> tuple[str, tuple[str, ...]]:
    """The (lowered) text with exclusion phrases blanked (offsets kept) and the phrases
    found."""
    register = read_register(Document.of(None, text))
    return register.cleaned, register.excluded


def genres(doc: Document) -> frozenset[str]:
    """Genres with at least `GENRE_MIN_HITS` distinct marker words in the (lowered) text."""
    return read_register(doc).genres
