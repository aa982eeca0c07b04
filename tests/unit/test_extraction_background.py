"""Level-1 background and register: China as context, analysis pieces, supply-chain talk."""

from __future__ import annotations

import pytest

from georisk.core.extraction import analysis_title, extract_article
from georisk.models import Article, Dimension
from georisk.scopes import default_scope


def level(dimension: Dimension, title: str, text: str) -> int:
    article = Article(id="t", title=title, text=text)
    return extract_article(article, default_scope()).level(dimension)


@pytest.mark.parametrize(
    ("dimension", "title", "text", "expected"),
    [
        (
            # "China" inside "the South China Seas" is a place, not an actor, so the coercion
            # is no incident of China's (2); allies opposing it in disputed waters are the
            # contest there (1).
            "china_tension",
            "Allies oppose coercion at sea",
            "The ministers opposed coercion in the East and South China Seas.",
            1,
        ),
        (
            # An asset named before the actor is not China's asset.
            "china_tension",
            "UK and Japan deepen fighter jet collaboration",
            "They will collaborate on a fighter jet, as both voiced concern over China's "
            "growing assertiveness.",
            1,
        ),
        (
            "china_tension",
            "Chinese warplanes near Taiwan",
            "Taiwan said 32 Chinese military aircraft crossed into its air defence zone.",
            2,
        ),
        (
            "china_tension",
            "Tokyo adopts security strategy",
            "Beijing said it had lodged stern representations with Tokyo over the document.",
            2,
        ),
        (
            "china_tension",
            "Leaders meet in Manila",
            "The two leaders expressed serious concern about China's actions at sea.",
            1,
        ),
        (
            # Espionage in a cyber sentence is attribution; an arrest for spying is a measure.
            "china_tension",
            "NCSC warns of Chinese cyber espionage",
            "The agency warned firms of a heightened risk of Chinese cyber espionage.",
            1,
        ),
        (
            "china_tension",
            "Researcher arrested for spying for China",
            "Police arrested a researcher suspected of spying for China.",
            2,
        ),
        (
            "partnership",
            "Quad leaders launch maritime initiative",
            "Leaders of the Quad launched a maritime surveillance initiative at their summit.",
            3,
        ),
        (
            "minerals",
            "Explainer: what are critical minerals?",
            "They include lithium and rare earths. Governments worry about supply chains.",
            1,
        ),
        (
            # Supply and prices in a plumbing guide are no supply chain.
            "minerals",
            "Copper pipes: fixing leaks",
            "Shut off the water supply before cutting. Prices for fittings start low.",
            0,
        ),
    ],
)
def test_background_readings(dimension: Dimension, title: str, text: str, expected: int) -> None:
    assert level(dimension, title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Opinion: Britain's tilt to the Indo-Pacific is paying off", True),
        ("Analysis: why the strait is a flashpoint", True),
        ("Ransomware explained: how attacks work", True),
        ("Are attackers already embedded in critical infrastructure?", True),
        ("Five geopolitical risks investors should watch in 2025", True),
        ("Should New Zealand join AUKUS Pillar II? The debate heats up", True),
        ("Five years on, Indonesia's nickel gamble has remade the market", True),
        ("10 things to know about the rare earth curbs", True),
        ("Why London and Tokyo keep getting closer", True),
        ("Kinmen and the grey zone: how Beijing tests Taipei below the threshold", True),
        ("Beijing's pressure on Kinmen: what the boardings tell us", True),
        ("How a Chinese blockade of Taiwan might unfold", True),
        ("Battery metals weekly: lithium holds steady as market digests surplus", True),
        ("Eight months on, the Quad's minerals initiative is long on mapping", True),
        ("Taiwan says government networks faced 2.9 million intrusion attempts a day", True),
        ("Taiwan logs 3.1 million daily intrusion attempts", True),
        ("NZSIS threat report names China as most active interference actor", True),
        ("PLA stages live-fire drills a day after surrounding Taiwan", False),
        ("Policy note: the licence, not the ban, is Beijing's real rare-earth lever", True),
        ("Council confirms switch to three-weekly bin collections", False),
        ("Britain and Japan should build a critical minerals partnership. Here's how", True),
        ("EU-Japan summit preview: security and trade top the agenda", True),
        ("What to expect from the UK-Japan summit", True),
        ("Ransom payments are rising: here's why", True),
        ("How Japan's coast guard tracked the Chinese survey ship", False),
        ("China bans gallium exports to the US", False),
        ("Three Chinese coast guard ships enter Japanese waters", False),
        ("Explosion at plant kills two", False),
        ("Cobalt market: rally fades as buyers await clarity on Congo quotas", True),
        ("Broker view: lithium rebound looks fragile", True),
        ("Report: ransomware groups shift focus to Gulf logistics firms", True),
        ("Copper prices hit record as Chilean mines report output falls", False),
        ("Japan's defence ministry reports record scrambles: officials", False),
        ("Think-tank: Japan's deep-sea mining ambitions face long odds", True),
        ("Think tank: Gulf funds are Africa's new mining financiers", True),
        ("Column: lithium's slow recovery tests miners' patience", True),
        ("Think tank warns of grey-zone pressure on Pratas", True),
        ("Coast guard warns of grey-zone pressure on Pratas", False),
        ("Ransomware in 2025: fewer payments, more victims", True),
        ("Ransomware in Japan, H1 2025: manufacturing stays in the crosshairs", True),
        ("Edge devices are the new front door: initial access trends for Q3", True),
        ("Cyber insurance rates soften again despite run of attacks", True),
        ("Cyber reinsurance rates soften at January renewals", True),
        ("Insurer hit by ransomware, claims systems offline", False),
        ("Marine insurers lift Taiwan Strait war-risk rates as PLA begins live-fire drills", False),
        ("Ransomware attack on hospital in 2025 exposed records", False),
        ("Tsukishima Corp raises profit forecast on trading gains", True),
        ("Cathode maker warns of thinner margins as lithium costs swing", True),
        ("Shipping group cites phishing losses in results", True),
        ("Lithium miner halts output after flooding", False),
        ("Think tank urges Japan and Nordic states to deepen security cooperation", True),
        ("UK-Japan defence ties risk promising more than they deliver, report warns", True),
        ("Japan's defence white paper calls China its greatest strategic challenge", True),
        ("China urges citizens to avoid travel to Japan", False),
        # Lawmakers debating, hearing evidence, recommending: policy debate.
        ("MPs press ministers to place China on foreign influence scheme's enhanced tier", True),
        ("Senate committee hears mixed views on critical minerals strategic reserve", True),
        ("Norway committee recommends further delay to seabed minerals licensing", True),
        ("UK risks falling behind in race for critical minerals, industry tells MPs", True),
        ("Senate bill seeks to ban raw mineral exports", True),
        # A law passed, and lawmakers sanctioned or condemning, are events.
        ("Philippine Senate passes bill phasing out raw nickel ore exports", False),
        ("China sanctions three Japanese lawmakers after Taipei visit", False),
        ("MPs lash Beijing over cyber attack targeting military personnel", False),
        # Blogs, columns and features.
        ("Blog: Whitehall's China audit is still waiting for a strategy", True),
        ("Shipping column: war-risk cover creeps up for carriers calling at Taiwan", True),
        ("Grey-zone pressure on Pratas: a slow squeeze rather than a siege", True),
        ("How Beijing's grey-zone pressure is reshaping life on Taiwan's islands", True),
        ("Fund managers weigh Taiwan risk as chip stocks hit new highs", True),
        ("Coast guard: a Chinese ship rammed our patrol boat", False),
        ("How Beijing's coast guard rammed a Philippine boat", False),
    ],
)
def test_analysis_titles(title: str, expected: bool) -> None:
    assert analysis_title(title) is expected


def test_an_opinion_piece_is_background_whatever_it_recounts() -> None:
    title = "Opinion: Britain's tilt to the Indo-Pacific is paying off"
    text = "Britain has joined CPTPP and signed a defence access agreement with Japan."
    assert level("partnership", title, text) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story sourced to a yearly report is its statistics: background ...
        (
            "Ransomware attacks on hospitals rose 14% last year, the national cyber agency said "
            "in its annual cyber landscape report. Hackers encrypted records at 40 hospitals.",
            1,
        ),
        (
            "The national cyber agency handled a record 241 nationally significant incidents, "
            "including ransomware attacks that crippled hospitals, according to its annual "
            "review published on Tuesday.",
            1,
        ),
        # ... while an agency reporting an attack, with no yearly report, reports the act.
        (
            "A ransomware attack encrypted a hospital's patient records system on Monday, the "
            "national cyber agency said in a statement. Surgeries were cancelled.",
            2,
        ),
    ],
)
def test_a_story_sourced_to_a_yearly_report_is_background(text: str, expected: int) -> None:
    assert level("cyber", "Cyber agency reports rise in ransomware cases", text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A pact's story lists cyber among its fields: background ...
        ("Japan and India leaders sign economic security accord covering chips", 1),
        # ... unless its headline names a cyber incident.
        ("Japan and India leaders sign economic security accord after port hack", 2),
    ],
)
def test_cyber_as_a_pacts_field_is_background(title: str, expected: int) -> None:
    text = (
        "The Japanese and Indian prime ministers signed an Economic Security Partnership Accord "
        "in New Delhi on Friday. The accord commits the two governments to share threat "
        "information after cyberattacks disrupted power grids and ports in both countries."
    )
    assert level("cyber", title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A story of China's act recounts the pacts it answers: background ...
        ("China protests Taiwan leader's visit to Paraguay", 1),
        # ... a story of the pact is the pact's.
        ("Taiwan and Paraguay leaders sign agricultural agreements", 3),
    ],
)
def test_pacts_in_a_story_of_chinas_act_are_background(title: str, expected: int) -> None:
    text = (
        "The Taiwanese leader met Paraguay's president in Asuncion and signed agreements on "
        "agricultural technology and a new credit line for small businesses."
    )
    assert level("partnership", title, text) == expected


def test_the_lowered_headline_pattern_is_the_same_pattern() -> None:
    """`analysis_title` reads ASCII headlines lowered, with the lowered source: that is only
    the same pattern while the source holds no upper-case escape (`\\S`, `\\W`, `\\B`, `\\D`)."""
    import re

    from georisk.core.extraction import _ANALYSIS_SOURCE

    assert not re.search(r"\\[A-Z]", _ANALYSIS_SOURCE)
    assert analysis_title("Ransomware in H1 2025: fewer payments")
    assert analysis_title("RANSOMWARE IN H1 2025: FEWER PAYMENTS")
    assert analysis_title("Ransomware in H1 2025 — fewer payments, the İstanbul view:")
    assert not analysis_title("China's coast guard rams a Philippine boat")
