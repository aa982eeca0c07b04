"""Words that share a stem with a risk word but mean something else stay out of the readings."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.models import Article, Dimension
from georisk.scopes import default_scope


def level(dimension: Dimension, title: str, text: str) -> int:
    article = Article(id="t", title=title, text=text)
    return extract_article(article, default_scope()).level(dimension)


@pytest.mark.parametrize(
    ("dimension", "title", "text", "at_most"),
    [
        # "bank" is no ban, "net zero" no halt in exports.
        ("minerals", "Bank raises lithium forecast", "A bank raised its lithium price outlook.", 1),
        ("minerals", "Why lithium matters", "Lithium is central to the race to net zero.", 1),
        # "significant" is no signing, an "issue" no issued statement.
        (
            "partnership",
            "UK and Japan mark a significant year",
            "The UK and Japan said their agreement remained significant.",
            1,
        ),
        # "accession" is no unauthorised access.
        (
            "cyber",
            "UK completes CPTPP accession",
            "Britain's accession brings a chapter on cyber security cooperation.",
            1,
        ),
        # "in a row", "bars", a company "board": no friction, no measure.
        (
            "china_tension",
            "Chinese stocks fall",
            "Chinese stocks fell for a third day in a row.",
            0,
        ),
        (
            "china_tension",
            "Night out in Beijing",
            "Beijing's best bars and restaurants are in Sanlitun.",
            0,
        ),
        (
            "china_tension",
            "Chinese carmaker's board approves merger",
            "The Chinese carmaker said its board approved the merger on Monday.",
            0,
        ),
        (
            "china_tension",
            "Chinese firms determine prices",
            "Chinese producers determine world prices for solar panels.",
            0,
        ),
    ],
)
def test_other_senses_of_risk_words(
    dimension: Dimension, title: str, text: str, at_most: int
) -> None:
    assert level(dimension, title, text) <= at_most


@pytest.mark.parametrize(
    ("dimension", "title", "text"),
    [
        (
            "china_tension",
            "Typhoon lashes southern China",
            "The typhoon lashed China's Guangdong province as Beijing issued a red warning for "
            "rainstorms.",
        ),
        (
            "china_tension",
            "Chinese striker wins it late",
            "A Chinese striker scored in injury time to win the match.",
        ),
        (
            "cyber",
            "Lawmakers reach compromise on budget",
            "Lawmakers reached a compromise to end the standoff that halted the budget.",
        ),
        (
            "partnership",
            "UK and Japan have much in common",
            "The UK and Japan share a great deal of common ground, officials said.",
        ),
    ],
)
def test_weather_sport_and_idioms_read_as_nothing(
    dimension: Dimension, title: str, text: str
) -> None:
    assert level(dimension, title, text) == 0


def test_market_dominance_is_no_china_tension() -> None:
    title = "Allies sign critical minerals framework"
    text = "The allies seek to counter China's dominance of rare earths with new mines."
    assert level("china_tension", title, text) == 0


def test_a_bare_apt_is_a_tungsten_price_not_a_hacking_group() -> None:
    article = Article(
        id="t",
        title="Tungsten prices hit record as Chinese quotas bite",
        text=(
            "European prices for ammonium paratungstate (APT) rose to a record as Chinese "
            "quotas coincided with a mine shutdown that disrupted supply."
        ),
    )
    extraction = extract_article(article, default_scope())
    assert extraction.level("cyber") == 0
    assert extraction.level("china_tension") == 0
