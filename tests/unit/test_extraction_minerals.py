"""minerals rules on short texts written for these tests."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.models import Article
from georisk.scopes import ScopeConfig, default_scope


def level(title: str, text: str, scope: ScopeConfig | None = None) -> int:
    article = Article(id="t", title=title, text=text)
    return extract_article(article, scope or default_scope()).level("minerals")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Country bans exports of raw lithium ore",
            "The government imposed an outright ban on exports of unprocessed lithium with "
            "immediate effect, a notice said.",
            3,
        ),
        (
            "Beijing adds licensing for graphite exports",
            "China will require export licences for some graphite products from December, "
            "the commerce ministry said, citing national security.",
            2,
        ),
        (
            "Nickel price surges as trading is halted",
            "Nickel prices jumped 40% before the exchange halted trading and set daily price "
            "limits.",
            2,
        ),
        (
            "Miner says cobalt market will tighten",
            "A cobalt producer expects demand to grow. Its chief executive said supply "
            "investment in cobalt remains too low for the market.",
            1,
        ),
    ],
)
def test_minerals_levels(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_hedged_ban_is_not_an_outright_ban() -> None:
    title = "Government considers a ban on rare earth exports"
    text = "Officials could ban rare earth exports to the neighbour, according to reports."
    assert level(title, text) == 2


def test_scope_materials_extend_the_vocabulary() -> None:
    scope = default_scope().model_copy(update={"materials": ["helium"]})
    text = "Helium export controls were tightened and helium licences now take months."
    assert level("Helium export controls tightened", text, scope) == 2
    assert level("Helium export controls tightened", text) == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Sparkling mineral water taste test",
            "We tried ten brands of mineral water. Prices vary and one brand was banned from "
            "our fridge for its flavour.",
        ),
        (
            "Watch a gallium spoon melt in your hand",
            "This fun video shows a spoon made of gallium melting in hot tea. The trick works "
            "because of gallium's low melting point; a fascinating experiment for kids.",
        ),
        (
            "How do rare earth magnets work?",
            "Hobbyists love neodymium magnets for DIY projects. The science of rare earth "
            "magnets is fascinating: their crystals align, a fun experiment shows.",
        ),
    ],
)
def test_minerals_hard_negatives_stay_at_zero(title: str, text: str) -> None:
    assert level(title, text) == 0


def test_a_repeated_word_does_not_make_a_genre() -> None:
    title = "Magnet maker signs rare earth offtake deal with defence department"
    text = (
        "The deal sets a price floor for neodymium oxide. Under the deal the department buys "
        "all output for ten years; analysts called the deal a turning point."
    )
    assert level(title, text) == 2


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "UK and Japan sign economic security partnership",
            "Ministers signed a memorandum and pledged cooperation on semiconductors, "
            "artificial intelligence and critical minerals.",
        ),
        (
            "Opinion: the West must rethink its critical minerals strategy",
            "Critical minerals such as lithium and rare earths underpin the energy transition. "
            "Here is what policymakers should do.",
        ),
    ],
)
def test_minerals_as_a_field_of_cooperation_or_policy_are_background(title: str, text: str) -> None:
    assert level(title, text) == 1


def test_consequences_hedged_after_a_ban_leave_the_ban_stated() -> None:
    title = "Beijing moves against US chip sector"
    text = (
        "China banned exports of gallium to the United States on Tuesday, a move analysts said "
        "could drive up prices for chipmakers."
    )
    assert level(title, text) == 3


def test_an_export_suspension_is_a_ban_for_its_duration() -> None:
    title = "Congo suspends cobalt exports for four months"
    text = "The world's largest producer suspended exports of cobalt on Saturday to curb a glut."
    assert level(title, text) == 3


def test_agreeing_to_invest_in_supply_is_a_development() -> None:
    title = "Australia and India agree to jointly invest in lithium projects"
    text = "The two governments will fund lithium and cobalt mines to diversify supply."
    assert level(title, text) == 2


def test_a_ban_announced_for_later_is_a_threat() -> None:
    title = "Malaysia to ban exports of raw rare earths"
    text = "The government will ban the export of raw rare earths to build a processing industry."
    assert level(title, text) == 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Indonesia to ban bauxite exports from June",
            "The mines ministry will halt all exports of bauxite from June 10, officials said.",
            3,
        ),
        # Acts named as joint work are fields.
        (
            "Canada and Japan hold first economic security talks",
            "Trade ministers agreed to coordinate more closely on export controls and supply "
            "chains for critical minerals and semiconductors.",
            1,
        ),
        (
            "Australia and Korea launch economic security dialogue",
            "The two governments will share early warning of supply disruptions affecting "
            "lithium and graphite, officials said.",
            1,
        ),
        (
            "Mexico cancels lithium concessions held by Chinese producer",
            "The mining authority cancelled nine lithium concessions in Sonora state.",
            2,
        ),
        (
            "UK and Japan launch economic security partnership",
            "The leaders set up a working group on critical minerals.",
            1,
        ),
        (
            # A ban that ends is no new ban; the quotas that replace it are a control.
            "Zambia replaces cobalt export ban with quota system",
            "The government will allow exports of cobalt again under annual quotas.",
            2,
        ),
        (
            # The head noun of a long phrase: technology, not the mineral.
            "China bans export of rare earth extraction and magnet-making technology",
            "The commerce ministry added the techniques to its catalogue of prohibited exports.",
            2,
        ),
        (
            # An initiative on the minerals themselves is a concrete measure.
            "Quad foreign ministers launch critical minerals initiative",
            "The four ministers agreed to map supply chains.",
            2,
        ),
    ],
)
def test_dates_joint_work_concessions_lifted_bans_and_know_how(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


def test_a_generic_noun_near_a_material_is_no_development() -> None:
    title = "Fire crews warn residents not to bin lithium batteries"
    text = (
        "A lithium battery thrown in household waste started a fire at a recycling centre. "
        "The facility was closed for two days."
    )
    assert level(title, text) == 0


@pytest.mark.parametrize("material", ["bauxite", "vanadium", "tantalum", "niobium"])
def test_critical_raw_materials_are_tracked(material: str) -> None:
    title = f"Guinea halts {material} exports"
    text = f"Guinea suspended exports of {material} after revoking a mining licence."
    assert level(title, text) >= 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Congo suspends cobalt exports for four months", "The suspension starts on Saturday.", 3),
        (
            "Guinea revokes bauxite licence, halting exports from one mine",
            "The mining ministry revoked the licence of the bauxite venture.",
            2,
        ),
        (
            "China bans export of rare earth processing technology",
            "China banned the export of technology used to extract and separate rare earths.",
            2,
        ),
    ],
)
def test_what_a_ban_stops(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Panama orders closure of copper mine after court ruling",
        "Rebel capture of rare earth mining hub rattles supply",
    ],
)
def test_a_mine_closed_or_taken_over_is_a_disruption(title: str) -> None:
    text = "The mine accounts for a large share of global rare earths and copper output."
    assert level(title, text) == 2


def test_an_instrument_about_the_minerals_is_a_concrete_measure() -> None:
    title = "UK and Japan sign critical minerals partnership"
    text = "Ministers signed a critical minerals cooperation memorandum on supply-chain resilience."
    assert level(title, text) == 2


_WATCHED = "Officials said lithium and nickel output would be watched."


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A deal not reached develops no supply.
        (
            "G7 officials discuss critical minerals standards but stop short of agreement",
            "Officials met in Ottawa to discuss supply chains for critical minerals.",
            1,
        ),
        (
            "G7 officials reach agreement on critical minerals standards",
            "Officials met in Ottawa to discuss supply chains for critical minerals.",
            2,
        ),
        # A dialogue on coordinating controls is a field.
        (
            "UK and Japan sign semiconductor memorandum",
            "The memorandum sets up a dialogue on coordinating export controls on gallium.",
            1,
        ),
        # A measure suspended is no new measure.
        ("China suspends its ban on gallium exports to the US", "Traders welcomed the move.", 0),
        (
            "Beijing pauses the rare earth export controls it announced in October",
            "Traders welcomed the move.",
            0,
        ),
        # A ban before lawmakers is debate; a government weighing one threatens; a law bans.
        ("Philippine senators debate phased ban on raw nickel ore exports", _WATCHED, 1),
        ("China is considering a ban on rare earth exports", _WATCHED, 2),
        ("Philippine Congress passes law banning raw nickel ore exports", _WATCHED, 3),
        ("Cyclone floods pit at Pilbara lithium mine", _WATCHED, 2),
        # The instrument named before its materials is a concrete measure too.
        ("Japan and Kazakhstan sign memorandum on critical minerals", _WATCHED, 2),
    ],
)
def test_deals_dialogues_suspensions_bills_and_floods(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A chamber's vote moves a bill past debate: the ban is pending, a threat (2).
        (
            "Philippine Senate passes bill phasing out raw nickel ore exports",
            "The Senate approved on third reading a bill that would ban exports of nickel ore.",
            2,
        ),
        # A broad pact lists minerals as one field among others: one strand, background.
        (
            "UK and Japan sign economic security compact",
            "The compact commits both governments to joint stockpiling and co-investment in"
            " critical minerals, a semiconductor research programme and cyber cooperation.",
            1,
        ),
        (
            "Japan and India launch economic security initiative",
            "The leaders agreed joint work on semiconductors, critical minerals and clean"
            " energy supply chains.",
            1,
        ),
        # Guards: a pact on the minerals themselves, or a title that names them, stays 2.
        (
            "UK and Japan sign critical minerals memorandum",
            "The memorandum covers joint stockpiling and cooperation on rare earths.",
            2,
        ),
        (
            "Tokyo and Canberra agree to co-invest in lithium refining",
            "The two governments will invest A$1bn in two refineries in Western Australia.",
            2,
        ),
    ],
)
def test_bills_voted_and_minerals_as_one_strand_of_a_pact(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


def test_market_commentary_on_the_titles_material_is_background() -> None:
    # Prices, supply and demand over three sentences that do not repeat the material's name.
    title = "Broker view: cobalt rebound looks fragile"
    text = (
        "Cobalt has recovered from its trough. Prices rose as supply was curtailed. Demand"
        " growth stayed steady. Analysts expect new output to cap gains."
    )
    assert level(title, text) == 1


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Tin in the phrases of its trade is a critical mineral...
        (
            "Indonesian tin exports slump as smelters await export quotas",
            "Shipments dropped 62 percent as smelters halted operations.",
            2,
        ),
        # ...and a baking tin is not.
        ("Easy lemon drizzle loaf", "Line a loaf tin and bake for 45 minutes.", 0),
    ],
)
def test_tin_is_named_by_its_trade(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A disruption named as a risk, or hedged, is no event: the piece is background.
        (
            "Government names 12 materials critical to the economy",
            "The list counts lithium and cobalt among minerals at high risk of supply disruption.",
            1,
        ),
        (
            "Ministers review industrial strategy",
            "Carmakers remain exposed to graphite shortages, the review says.",
            1,
        ),
        (
            "Ministers review industrial strategy",
            "Analysts say cobalt shortages could follow within five years.",
            1,
        ),
        # A disruption stated is one.
        ("Ministers review industrial strategy", "Cobalt shortages halted two car plants.", 2),
        ("Flooding disrupts output at Chilean lithium mine", "Trucks could not reach the pit.", 2),
    ],
)
def test_a_disruption_at_risk_is_background(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Elements as nutrients: a herd short of cobalt needs feed, not a new mine.
        (
            "Dairy unions step up supply of mineral mix to fight cattle deficiency",
            "The cooperative will distribute subsidised mineral mix to 40,000 farmers this "
            "year, after a survey found deficiencies of zinc, copper and cobalt in cattle. "
            "Shortages of the mix had cut milk yields in the district, officials said.",
            0,
        ),
        # Once a farm text names them as nutrients, every sentence's cobalt is a nutrient.
        (
            "Farmers told to tackle copper and cobalt shortfall in herds",
            "Officers urged farmers to add mineral supplements to feed. Cows lacking cobalt "
            "cannot make vitamin B12, while a copper shortage leaves bones brittle.",
            0,
        ),
        # The same elements as commodities.
        ("Copper and cobalt supply disrupted as Congo mine floods", "Output halted.", 2),
    ],
)
def test_elements_as_nutrients_are_no_minerals(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A title on the market's drift or outlook heads market commentary (1) ...
        ("Antimony prices ease for third week as buyers draw down stocks", 1),
        ("Copper market heads for deficit as mine growth stalls, analysts say", 1),
        # ... unless it reports a measure or a stoppage too ...
        ("Antimony prices ease as Beijing suspends export licences", 2),
        ("Copper heads for deficit as strike shuts Chilean mine", 2),
        # ... not one the market only weighs, and "prices firm" is the market too.
        ("Cobalt prices firm as traders weigh Congo quota system", 1),
        ("Copper prices edge higher on speculation over Chilean export quotas", 1),
        ("Copper prices drift lower as traders question durability of Chilean quotas", 1),
        ("Copper analysts split over Chile's mid-year quota review", 1),
    ],
)
def test_a_market_title_heads_commentary(title: str, expected: int) -> None:
    text = (
        "A strike halted output at a Chilean copper mine last month, traders said. Stocks fell "
        "in Rotterdam warehouses. Prices have slipped for weeks."
    )
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Strike halts two platinum shafts in South Africa", 2),
        ("Flooding halts platinum mining at Rustenburg", 2),
        # A platinum album or jubilee is no metal.
        ("Band's album goes platinum as tour halts for a week", 0),
    ],
)
def test_platinum_is_named_by_its_trade(title: str, expected: int) -> None:
    assert level(title, "Output stopped on Monday, the company said.") == expected


def test_weather_that_floods_a_mine_is_a_disruption() -> None:
    text = (
        "Production was suspended after heavy rain flooded the workings. Record rainfall and "
        "gusts closed roads, and flood waters cut power. Schools closed across the region."
    )
    assert level("Floods halt production at Portuguese tungsten mine", text) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A ban already in force frames the story; it is no new ban (3).
        (
            "Winners must process any ore inside Zimbabwe, in line with the ban on raw lithium "
            "exports.",
            2,
        ),
        ("Zimbabwe has banned exports of raw lithium ore with immediate effect.", 3),
    ],
)
def test_a_standing_ban_is_no_new_ban(text: str, expected: int) -> None:
    assert level("Zimbabwe awards lithium exploration licences", text) == expected


def test_a_mine_on_care_and_maintenance_is_a_disruption() -> None:
    text = "The owners will place the spodumene mine on care and maintenance from April."
    assert level("Lithium operation to enter care and maintenance, 280 jobs go", text) == 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Named buyers put on an export control list, banned from receiving rare earths: a
        # sanction-like licensing control (2) ...
        (
            "China adds 12 Japanese firms to export control list",
            "China's Ministry of Commerce placed 12 Japanese companies on its export control "
            "list, banning them from receiving dual-use items including rare earths and gallium.",
            2,
        ),
        # ... while a material's exports banned to a class of users is an outright ban (3).
        (
            "China bans samarium exports to US defence users",
            "China banned exports of samarium and samarium magnets to US defence users with "
            "immediate effect.",
            3,
        ),
    ],
)
def test_a_ban_on_listed_buyers_is_a_licensing_control(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A halt of a state's exports to another state is decreed: an outright ban (3) ...
        ("China halts rare earth exports to Japan as row escalates", 3),
        # ... a halt aimed at a state's firms is a targeted control (2) ...
        ("China halts rare earth magnet exports to Japanese defence contractors", 2),
        # ... and a halt at a mine is a disruption (2).
        ("Floods halt rare earth exports from Myanmar mine", 2),
    ],
)
def test_a_halt_of_exports_to_a_state_is_a_ban(title: str, expected: int) -> None:
    text = "The commerce ministry said it had stopped approving licences for rare earth metals."
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A water's dissolved salts: magnesium beside calcium and bicarbonate is no metal.
        (
            "Spring water firm to invest in a second bottling line",
            "The bottler will invest £5 million in a new line and a warehouse. Its water carries "
            "a balance of calcium, magnesium and bicarbonate from the rock it filters through.",
            0,
        ),
        # Sodium-ion cells are batteries: the lithium beside them stays a battery metal.
        (
            "Battery maker halts lithium cell line as ore supply stalls",
            "The company halted its lithium cell line after ore shipments stopped, and will "
            "shift output to sodium-ion batteries while lithium supply is disrupted.",
            2,
        ),
    ],
)
def test_dissolved_salts_are_not_minerals_but_sodium_ion_cells_are_batteries(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


def test_a_ban_recalled_as_another_storys_backdrop_is_a_passing_mention() -> None:
    text = (
        "A Chinese coast guard ship collided with a Japanese patrol boat near the islands on "
        "Sunday. Tokyo lodged a strong protest. The Chinese side blamed the Japanese crew. "
        "The collision comes amid the worst downturn in relations in a decade, with Beijing "
        "having halted rare earth exports to Japan."
    )
    assert level("Japanese and Chinese coast guard ships collide", text) == 0
    # The same halt as the story itself is a ban.
    halt = "Beijing halted rare earth exports to Japan on Monday, the commerce ministry said."
    assert level("China halts rare earth exports to Japan", halt) >= 2
