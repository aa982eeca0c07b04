"""Evidence: the sentences that decided each reading, most decisive first, cut to 200 chars."""

from __future__ import annotations

from georisk.core.documents import DimensionReading
from georisk.core.extraction import extract_article
from georisk.models import Article, Dimension
from georisk.scopes import default_scope


def readings(title: str, text: str) -> dict[Dimension, DimensionReading]:
    return extract_article(Article(id="e", title=title, text=text), default_scope()).readings


def test_evidence_is_the_deciding_sentence_not_bare_keywords() -> None:
    reading = readings(
        "Tensions rise in the Taiwan Strait",
        "Analysts expect a busy month. The PLA launched live-fire drills around Taiwan on "
        "Monday. Beijing also protested a US arms sale.",
    )["china_tension"]
    assert reading.level == 3
    assert reading.evidence[0] == "The PLA launched live-fire drills around Taiwan on Monday."
    assert "Beijing also protested a US arms sale." in reading.evidence


def test_evidence_keeps_at_most_three_items_of_at_most_200_characters() -> None:
    filler = "in a statement issued late on Tuesday by officials of the ministry " * 4
    text = " ".join(
        f"Chinese vessels harassed a Philippine boat {filler}near shoal number {n}."
        for n in range(5)
    )
    reading = readings("Manila protests harassment at sea", text)["china_tension"]
    assert reading.level >= 2
    assert 1 <= len(reading.evidence) <= 3
    assert all(len(item) <= 200 for item in reading.evidence)
    # A long sentence is cut around its decisive phrase and the cut is marked.
    assert any("harassed" in item and item.endswith("…") for item in reading.evidence)


def test_every_dimension_quotes_its_sentences() -> None:
    found = readings(
        "China bans gallium exports to the US",
        "China banned exports of gallium and germanium to the United States on Tuesday. "
        "A ransomware attack crippled a Japanese port operator's systems. "
        "Japan and Australia signed a defence agreement in Canberra.",
    )
    assert found["minerals"].evidence[0].startswith("China bans gallium exports")
    assert any("ransomware attack" in item for item in found["cyber"].evidence)
    assert any("signed a defence agreement" in item for item in found["partnership"].evidence)


def test_quiet_dimensions_have_no_evidence() -> None:
    assert readings("Sourdough tips", "Feed the starter daily.")["cyber"].evidence == ()
