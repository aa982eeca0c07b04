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
        ("British", "GB"),
        ("Britain", "GB"),
        ("U.S.", "US"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
        ("Viet Nam", "VN"),
        ("Canberra", "AU"),
    ],
)
def test_resolve(name: str, code: str) -> None:
    assert countries.resolve(name) == code


@pytest.mark.parametrize("name", ["Georgia", "Jordan", "Atlantis", "turkey"])
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
