"""Country resolution: names, demonyms, capitals and metonyms to ISO-3166 alpha-2 codes."""

from __future__ import annotations

import pytest

from georisk.core.extraction import countries, extract_article
from georisk.models import Article
from georisk.scopes import default_scope


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Beijing", "CN"),
        ("Tokyo", "JP"),
        ("Whitehall", "GB"),
        ("Downing Street", "GB"),
        ("Kasumigaseki", "JP"),
        ("Zhongnanhai", "CN"),
        ("Brussels", "EU"),
        ("Chinese", "CN"),
        ("Filipino", "PH"),
        ("Manila", "PH"),
        ("Taipei", "TW"),
        ("Hanoi", "VN"),
        ("Chinese Taipei", "TW"),
        ("British", "GB"),
        ("Britain", "GB"),
        ("U.S.", "US"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
        ("Viet Nam", "VN"),
        ("Canberra", "AU"),
        ("Democratic Republic of Congo", "CD"),
        ("Republic of Congo", "CG"),
        ("UAE", "AE"),
        ("Kuwait", "KW"),
        ("Houthis", "YE"),
    ],
)
def test_resolve(name: str, code: str) -> None:
    assert countries.resolve(name) == code


@pytest.mark.parametrize("name", ["Georgia", "Jordan", "Atlantis", "turkey", "Island"])
def test_ambiguous_or_unknown_names_do_not_resolve(name: str) -> None:
    assert countries.resolve(name) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing and Tokyo traded barbs while Whitehall stayed silent.", {"CN", "JP", "GB"}),
        ("Chinese vessels chased Filipino fishermen.", {"CN", "PH"}),
        ("The People's Republic of China and the Republic of Korea met.", {"CN", "KR"}),
        ("North Korean missiles worried South Korea.", {"KP", "KR"}),
        ("A cruise in the Indian Ocean, then Latin America.", set()),
        ("We ate turkey off fine china.", set()),
        ("Panama's president ordered the mine closed.", {"PA"}),
        ("Ships queued at the Panama Canal; the Panama Papers leaked.", set()),
        ("Nickel rose on the London Metal Exchange, in US dollars.", set()),
        ("Bake the loaf in a Dutch oven.", set()),
        ("Coast guards met near Thitu Island and Huangyan Island.", set()),
        ("Guinea revoked the concession; Papua New Guinea signed a pact.", {"GN", "PG"}),
        ("Tankers waited in the Gulf of Guinea off New Guinea.", set()),
    ],
)
def test_mentions(text: str, expected: set[str]) -> None:
    assert set(countries.mentions(text)) == expected


def test_mentions_counts_repeats() -> None:
    assert countries.mentions("Japan, Japan and Tokyo; then the UK.") == {"JP": 3, "GB": 1}


def test_extraction_countries_are_sorted_codes() -> None:
    article = Article(
        id="c",
        title="Manila protests to Beijing",
        text="The Philippines summoned China's envoy; Brussels voiced support.",
    )
    assert extract_article(article, default_scope()).countries == ("CN", "EU", "PH")


def _countries(title: str, text: str) -> tuple[str, ...]:
    return extract_article(Article(id="p", title=title, text=text), default_scope()).countries


def test_plural_and_noun_demonyms_resolve() -> None:
    assert set(countries.mentions("Americans, Israelis and a Spaniard")) == {"US", "IL", "ES"}


def test_manner_adjectives_are_not_states() -> None:
    assert countries.mentions("A bowl of Chinese-style noodles.") == {}


def test_seats_of_government_resolve() -> None:
    assert countries.resolve("Élysée") == "FR"
    assert countries.resolve("Bundestag") == "DE"
    assert countries.resolve("State Department") == "US"


def test_states_only_given_as_examples_are_passing() -> None:
    found = _countries(
        "Australia names Chinese hackers",
        "Canberra published an advisory with partners including Germany, South Korea and "
        "Japan. China denied it.",
    )
    assert found == ("AU", "CN")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Chile is the second-biggest lithium producer after Australia.", ("CL",)),
        (
            "Germany is the sixth country with such a pact, after the United States, Britain "
            "and France.",
            ("DE",),
        ),
        ("Chile courts buyers such as Japan.", ("CL",)),
    ],
)
def test_rank_comparisons_and_single_examples_are_passing(
    body: str, expected: tuple[str, ...]
) -> None:
    assert _countries("Supply deals", body) == expected


def test_crowded_enumeration_after_the_lead_is_passing() -> None:
    found = _countries(
        "Britain joins the trade bloc",
        "Britain signed the accession protocol. The UK minister travelled for it. It is the "
        "first new member. The bloc comprises Brunei, Chile, Malaysia, Peru and Vietnam.",
    )
    assert found == ("GB",)


def test_a_venue_and_a_capital_as_place_are_passing_after_the_lead() -> None:
    found = _countries(
        "Tokyo protests to Beijing",
        "Japan summoned China's envoy. Tensions rose. Talks stalled. The premier skips the "
        "summit next week in South Africa, said an analyst at a bank in London.",
    )
    assert found == ("CN", "JP")


def test_a_capital_based_person_is_a_place_but_a_state_based_gang_is_not() -> None:
    found = _countries(
        "Tokyo protests to Beijing",
        'Japan summoned China\'s envoy. Tensions rose. Talks stalled. "It will pass," said a '
        "Seoul-based analyst. A Russia-based gang was blamed for an unrelated attack.",
    )
    assert found == ("CN", "JP", "RU")


def test_the_scene_of_a_war_in_the_background_is_passing() -> None:
    found = _countries(
        "Japan and Britain upgrade ties",
        "The two leaders signed a pact and discussed the situation in Myanmar and the war in "
        "Ukraine.",
    )
    assert found == ("GB", "JP")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The region's worries listed are its backdrop ...
        (
            "The EU and Japan signed a security pact amid rising tensions in the region over "
            "China, Russia and North Korea.",
            ("EU", "JP"),
        ),
        (
            "Germany and Britain signed a defence pact, citing threats from Russia and North "
            "Korea.",
            ("DE", "GB"),
        ),
        # ... and so is the invaded state of a war recalled.
        (
            "Britain and Japan signed a pact, three years after Russia's invasion of Ukraine.",
            ("GB", "JP", "RU"),
        ),
        # A state that is a party stays: named as the actor, not in the list.
        (
            "The EU and Japan signed a pact. China's coast guard rammed a Japanese patrol boat "
            "on Monday.",
            ("CN", "EU", "JP"),
        ),
    ],
)
def test_a_regions_worries_and_an_invaded_state_are_backdrop(
    text: str, expected: tuple[str, ...]
) -> None:
    assert _countries("Allies sign security pact", text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The state others are measured against is no party ...
        (
            "Miner produces the first dysprosium outside of China",
            "The Malaysian plant is one of the few refineries outside China.",
            ("MY",),
        ),
        (
            "Manila and Canberra sign a visiting forces pact",
            "It is Manila's first such pact with a country other than the United States, and "
            "it widens its partners beyond Japan.",
            ("AU", "PH"),
        ),
        # ... unless the text says what it does, and a capital stays a place.
        (
            "Graphite mine opens in Mozambique",
            "It is a rare source outside China, which dominates global supply.",
            ("CN", "MZ"),
        ),
        (
            "Committee calls for cheaper bus fares",
            "Fares outside London rose 9% in the year.",
            ("GB",),
        ),
        # A person's origin is no state's part: "her Chinese parents", "Belgian-born".
        (
            "Review: a debut novel about a failing chemist",
            "The narrator disappoints her Chinese parents. Its Belgian-born translator is "
            "praised, and a French publisher bought the rights.",
            ("FR",),
        ),
        # The state a party backs, and the further topics of a meeting, are backdrop.
        (
            "Hacktivists knock UK council sites offline",
            "The group said it was retaliation for Britain's military support for Ukraine.",
            ("GB",),
        ),
        (
            "Japan and Britain hold 2+2 talks",
            "The ministers agreed to deepen cooperation. They also discussed support for "
            "Ukraine and North Korea's missile programme, and also condemned Russia's war.",
            ("GB", "JP"),
        ),
    ],
)
def test_a_contrast_an_origin_a_beneficiary_and_a_topic_are_not_parties(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The deficit is structural," said an analyst at a London brokerage.',
            ("CN", "JP"),
        ),
        ("A report by a Singapore-based think tank put the loss at $2bn.", ("CN", "JP")),
        # A firm that is a party stays: it signed, it is no commentator's employer.
        ("A Singapore bank signed a loan for the smelter.", ("CN", "JP", "SG")),
    ],
)
def test_a_commentators_firm_is_no_party(text: str, expected: tuple[str, ...]) -> None:
    assert _countries("China curbs cobalt exports to Japan", text) == expected


def test_northern_ireland_is_part_of_the_united_kingdom() -> None:
    assert countries.resolve("Northern Ireland") == "GB"


def test_a_small_grouping_in_the_lead_stands_for_its_members() -> None:
    assert _countries("Japan may join AUKUS projects", "Ministers met.") == ("AU", "GB", "JP", "US")


def test_the_longer_congo_name_wins() -> None:
    text = "Cobalt prices surged after the Democratic Republic of Congo suspended exports."
    article = Article(id="t", title="Cobalt exports suspended", text=text)
    assert extract_article(article, default_scope()).countries == ("CD",)


def test_named_states_leave_out_adjectives() -> None:
    from georisk.core.extraction.document import Document

    doc = Document.of("Britain signs pact with a Japanese garden", "Tokyo welcomed it.")
    found = countries.located(doc)
    assert countries.named_states(doc, found, len(doc.text)) == frozenset({"GB", "JP"})
    assert countries.named_states(doc, found, doc.title_end) == frozenset({"GB"})


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Hospital halts emergency care after ransomware attack",
            "OSAKA — Osaka General Medical Center suspended admissions after an attack.",
            ("JP",),
        ),
        ("Somerset close in on victory", "Somerset beat Surrey at Taunton by 94 runs.", ("GB",)),
        ("Museum opens", "Most visitors came from the north; most stayed an hour.", ()),
        # A named state leaves the regions out of it.
        ("Texas floods", "Texas and Mexico agreed to share river data.", ("MX",)),
    ],
)
def test_a_text_naming_no_state_is_placed_by_its_regions(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    extraction = extract_article(Article(id="t", title=title, text=text), default_scope())
    assert extraction.countries == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Taiwan detains freighter after cable incident",
            "Coast guard vessels intercepted the Togo-flagged freighter, whose crew were Chinese, "
            "and a Panama-registered tanker nearby.",
            ("CN", "TW"),
        ),
        (
            "Dubai Metro extension opens",
            "Commuters on the Tripoli Street interchange in the United Arab Emirates welcomed "
            "the new line.",
            ("AE",),
        ),
        ("Stoke's potters fire up for Bone China Week", "Kilns across the city were lit.", ()),
    ],
)
def test_flags_streets_and_porcelain_name_no_party(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Best tungsten darts under £50", "Our picks for a first set, from £29.", ("GB",)),
        ("Council budget approved", "The county will spend $12 million on roads.", ("US",)),
        ("Price check", "Tickets cost £20 or $25 online.", ()),
        ("Price check", "Tickets cost A$40 online.", ()),
    ],
)
def test_a_text_naming_no_state_nor_region_is_placed_by_its_currency(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        ("https://www.thegrocer.co.uk/features/1.article", "Tills went down on Friday.", ("GB",)),
        ("https://lmi.technationcanada.ca/en-ca/jobs", "Analysts monitor networks.", ("CA",)),
        ("https://www.example.com.au/news", "Prices from $20 a night.", ("AU",)),
        # Generic and vanity domains say nothing of a place; the currency decides.
        ("https://gizmodo.com/review", "The headset costs $299.", ("US",)),
        ("https://startup.io/blog", "We shipped a new release.", ()),
        ("https://radio.fm/show", "Tonight's playlist.", ()),
        (None, "Tills went down on Friday.", ()),
        ("not a url", "Tills went down on Friday.", ()),
        # A text that names a state is placed by its text, whatever its site.
        ("https://news.example.jp/a", "Britain's ports reopened.", ("GB",)),
    ],
)
def test_a_text_naming_no_state_nor_region_is_placed_by_its_site_domain(
    url: str | None, text: str, expected: tuple[str, ...]
) -> None:
    article = Article(id="t", title="Update", text=text, url=url)
    assert extract_article(article, default_scope()).countries == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # China's special administrative regions are China.
        (
            "UK summons Chinese envoy over Hong Kong bounties",
            "Hong Kong police offered rewards for activists living in Britain.",
            ("CN", "GB"),
        ),
        ("Macau casino revenue rises", "Visitors from the mainland returned.", ("CN",)),
        # Wales is Britain, but not New South Wales nor the Prince of Wales.
        ("Ireland edge Wales in Cardiff", "Ireland won 24-21.", ("GB", "IE")),
        ("Floods hit New South Wales towns", "Sydney braced for more rain.", ("AU",)),
        ("HMS Prince of Wales docks in Tokyo", "The carrier arrived on Monday.", ("JP",)),
        # Britain's institutions name it.
        ("Cyber bill clears House of Commons", "MPs backed the bill.", ("GB",)),
        ("NHS guidance on blood tests", "Patients should book a test.", ("GB",)),
        # Earlier deals with others are comparisons, not parties.
        (
            "Japan and New Zealand sign security pact",
            "Wellington and Tokyo signed the pact on Monday. It is Japan's fourth such"
            " agreement, after those with Australia, Britain and the Philippines.",
            ("JP", "NZ"),
        ),
        (
            "Britain and Japan sign defence pact",
            "Ministers signed in London. Japan signed a similar pact with Australia last year.",
            ("GB", "JP"),
        ),
        # A price in US dollars names no party.
        ("Lithium carbonate steadies in Chile", "Prices averaged US$11,000 a tonne.", ("CL",)),
    ],
)
def test_regions_institutions_comparisons_and_currencies(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


_LEAD = (
    "Japanese chipmakers reported record orders on Monday. Shares rose in Tokyo. "
    "Analysts expect more gains. Exports to Asia grew. "
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The EU named once after the lead is a commentator, in passing ...
        ("Chip orders hit record", _LEAD + "The EU said it was monitoring.", ("JP",)),
        # ... but not when the lead names it, or the text comes back to it.
        ("EU and Japan chip orders hit record", _LEAD, ("EU", "JP")),
        (
            "Chip orders hit record",
            _LEAD + "The EU said it was monitoring. The EU plans a review.",
            ("EU", "JP"),
        ),
    ],
)
def test_the_eu_named_once_after_the_lead_is_in_passing(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Homeowners in Leeds are urged to check for Japanese knotweed before selling.",
        "Chinese mitten crabs have spread further up the Ouse, the Environment Agency said.",
    ],
)
def test_species_named_after_a_place_name_no_state(text: str) -> None:
    article = Article(id="s", title="Garden and river news from Yorkshire", text=text)
    assert "JP" not in extract_article(article, default_scope()).countries
    assert "CN" not in extract_article(article, default_scope()).countries


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "China tells operators to stop buying Micron products",
            "Chinese regulators said the chips posed security risks to critical networks.",
            ("CN", "US"),
        ),
        (
            "Lynas produces first heavy rare earths outside of China",
            "The miner said its Malaysian plant had produced dysprosium oxide.",
            ("AU", "MY"),
        ),
        (
            "M&S halts online orders after cyber incident",
            "The retailer said stores stayed open.",
            ("GB",),
        ),
        # A firm named in the body is as often a comparison as the subject.
        (
            "BYD Seal review: the Chinese saloon",
            "The Seal is its best attempt yet to tempt buyers out of a Tesla.",
            ("CN",),
        ),
        ("Premier League 2023/24 results thread", "Chelsea drew 2-2 at Brentford.", ("GB",)),
        ("J.League hands club transfer ban", "The club was fined 20 million yen.", ("JP",)),
        # A league named after a state is that state's.
        ("Indian Premier League: Chennai beat Rajasthan", "He hit 104 in Pune, India.", ("IN",)),
        # A name that is also a place or a word is no firm.
        ("Severn Vale Water confirms data theft", "Hackers took names and addresses.", ()),
    ],
)
def test_a_firm_or_league_the_headline_names_stands_for_its_home_state(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Philippine Congress passes ore export ban", "Lawmakers in Manila voted 201-3.", ("PH",)),
        ("Spain's Congress approves cyber law", "The bill passed after two years.", ("ES",)),
        ("US Congress passes chip bill", "The Senate vote was 68-28.", ("US",)),
    ],
)
def test_congress_names_no_state_by_itself(
    title: str, text: str, expected: tuple[str, ...]
) -> None:
    assert _countries(title, text) == expected
