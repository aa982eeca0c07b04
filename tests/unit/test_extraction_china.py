"""china_tension rules on short texts written for these tests."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.models import Article
from georisk.scopes import default_scope


def level(title: str, text: str) -> int:
    article = Article(id="t", title=title, text=text)
    return extract_article(article, default_scope()).level("china_tension")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "PLA stages live-fire drills encircling Taiwan",
            "China's Eastern Theater Command began live-fire exercises around the island on "
            "Monday, deploying warships and warplanes in what it called a stern warning.",
            3,
        ),
        (
            "Chinese coast guard vessel rams Philippine patrol ship",
            "A China Coast Guard cutter rammed a Philippine vessel near Scarborough Shoal, "
            "Manila said, calling the collision deliberate.",
            3,
        ),
        (
            "Manila protests water cannon attack",
            "The Philippines lodged a diplomatic protest after a Chinese vessel fired a water "
            "cannon at a resupply boat, injuring four sailors.",
            2,
        ),
        (
            "Beijing sanctions US defence firms",
            "China announced sanctions and asset freezes on six American defence companies "
            "over arms sales to Taiwan.",
            2,
        ),
        (
            "London police arrest man suspected of spying for China",
            "Officers arrested a researcher accused of espionage on behalf of Beijing under "
            "the National Security Act.",
            2,
        ),
        (
            "Taiwan tracks 25 Chinese aircraft",
            "The defence ministry detected 25 Chinese military aircraft and six navy ships "
            "around Taiwan, some crossing the median line.",
            2,
        ),
        (
            "Analysts weigh rivalry in the Pacific",
            "Many economists see the competition between Washington and Beijing shaping "
            "investment, as China's rivalry with the US deepens.",
            1,
        ),
    ],
)
def test_china_levels(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_hedged_drills_are_a_threat_not_a_severe_act() -> None:
    title = "Taipei expects Chinese drills after speech"
    text = (
        "Officials said China may hold encirclement drills around Taiwan after the speech, "
        "as it did last year. China's military warned against separatist acts."
    )
    article = Article(id="t", title=title, text=text)
    reading = extract_article(article, default_scope()).readings["china_tension"]
    assert reading.level == 2


def test_export_licensing_alone_is_a_minerals_story_not_china_tension() -> None:
    title = "Beijing adds licences for antimony exports"
    text = (
        "China will require export licences for antimony, a metal used in military "
        "applications and dual-use goods, the commerce ministry said."
    )
    assert level(title, text) == 0


def test_severe_words_without_china_are_not_china_tension() -> None:
    text = "Two cargo ships collided in the Baltic Sea on Tuesday; nobody was hurt."
    assert level("Ships collide in fog", text) == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Lunar New Year in the city",
            "Chinese New Year brings lion dances, firecrackers and red envelopes. Families "
            "celebrate the Spring Festival with dumplings and lanterns for good luck.",
        ),
        (
            "China consumer prices edge up",
            "China's consumer price index rose 0.2% year-on-year in May while producer prices "
            "fell, the statistics bureau said. Core inflation was steady.",
        ),
        (
            "Typhoon shuts Taiwan offices",
            "Taiwan closed schools and offices as a typhoon made landfall, with heavy rain "
            "and strong gusts expected; the weather bureau warned of floods.",
        ),
    ],
)
def test_china_hard_negatives_stay_at_zero(title: str, text: str) -> None:
    assert level(title, text) == 0


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A drill rehearsing a blockade is itself the severe act.
            "China conducts large-scale drills around Taiwan, simulating blockade",
            "China's military launched large-scale exercises surrounding Taiwan on Monday, "
            "deploying warships to simulate a blockade of the island's ports.",
            3,
        ),
        (
            "Chinese coast guard ships enter Japanese waters near Senkakus",
            "Four China Coast Guard ships entered Japan's territorial waters around the "
            "Senkaku Islands on Thursday. Tokyo lodged a protest.",
            2,
        ),
        (
            # Territorial waters named in a claim are background, not an incursion.
            "Beijing's maritime claims",
            "China claims most of the sea as its territorial waters, a position that fuels "
            "long-running disputes with its neighbours.",
            1,
        ),
        (
            "Analysts see tensions around Taiwan persisting",
            "Tensions around Taiwan will persist, analysts said, as Beijing and Washington "
            "compete for influence in the region.",
            1,
        ),
        (
            "China denies any collision with Philippine boat",
            "China's foreign ministry denied any collision near the shoal and said the report "
            "was a fabrication, as the territorial dispute simmers.",
            1,
        ),
    ],
)
def test_encirclement_incursions_and_denials(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Typhoon Doksuri makes landfall in China's Fujian province",
            "The typhoon brought torrential rain to China's southeast; Beijing issued a red "
            "alert for rainstorms as flights were cancelled.",
        ),
        (
            "Dragon boat races draw crowds",
            "Teams from China and Japan competed in the championship, with paddlers beating "
            "drums to keep time.",
        ),
        ("China beat Japan 2-1 in Asian Cup", "China beat Japan 2-1 in Doha on Tuesday night."),
    ],
)
def test_weather_and_sport_words_are_not_china_acts(title: str, text: str) -> None:
    assert level(title, text) == 0


def test_an_allied_exercise_amid_tensions_is_not_a_china_act() -> None:
    title = "Philippines and Japan hold joint coast guard exercise"
    text = (
        "Coast guard vessels from the Philippines and Japan held a joint exercise off Bataan, "
        "practising search and rescue amid tensions with China."
    )
    assert level(title, text) == 1


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Chinese warships hold live-fire drills in the Tasman Sea",
            "A Chinese naval task group held live-fire drills off Australia's coast, forcing "
            "airlines to divert flights.",
            2,
        ),
        (
            "PLA holds live-fire drills in the Taiwan Strait",
            "China's navy held live-fire drills in the Taiwan Strait on Monday.",
            3,
        ),
        (
            # China benefits from the supply; the rebels are the ones seizing.
            "Myanmar rebels seize rare earth mining hub, clouding supply to China",
            "Rebel forces seized control of the mining hub, which ships ore to China.",
            0,
        ),
        (
            "Coast guard seizes Philippine supplies",
            "The Chinese coast guard seized supplies bound for the outpost near the shoal.",
            2,
        ),
        (
            "Taiwan detains ship after cable is cut",
            "Taiwan's coastguard detained a cargo ship with Chinese crew members on Tuesday.",
            2,
        ),
    ],
)
def test_live_fire_needs_a_theatre_and_acts_need_china_involved(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Beijing downgrades ties with Vilnius",
            "China downgraded diplomatic relations with Lithuania over the Taiwanese office.",
            2,
        ),
        (
            "Beijing warns senator",
            "China said the senator would pay a heavy price for his visit to Taipei.",
            2,
        ),
        (
            # China is the object of "squeezes", not of the seizure.
            "Rebel seizure of Kachin mining hub squeezes China's rare earth supply",
            "Analysts expect higher prices for heavy rare earths.",
            0,
        ),
    ],
)
def test_diplomatic_measures_and_context_objects(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_a_deadly_border_clash_is_severe() -> None:
    title = "Indian Army says 20 soldiers killed in clash with Chinese troops"
    text = "Twenty Indian soldiers were killed in a violent border clash with Chinese troops."
    assert level(title, text) == 3


def test_tariffs_imposed_on_china_are_a_measure() -> None:
    title = "EU imposes definitive tariffs on Chinese electric vehicles"
    text = "The EU imposed definitive tariffs of up to 35% on Chinese electric vehicles."
    assert level(title, text) == 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Indian and Chinese troops clash at Arunachal border",
            "Soldiers on both sides were injured after Indian and Chinese troops clashed.",
            3,
        ),
        (
            "China bans gallium exports to the United States",
            "China banned exports of gallium to the United States with immediate effect.",
            2,
        ),
        (
            # A general licensing regime names no target.
            "China tightens graphite licensing",
            "China will require export licences for graphite products from December.",
            0,
        ),
    ],
)
def test_clashes_and_targeted_export_bans(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "China's foreign ministry accused the three countries of fuelling an arms race.",
        "The statement criticised China's aggressive behaviour at sea.",
        "Researchers catalogue Beijing's grey zone pressure on Taiwan.",
        "A spokesperson said Beijing opposed countries ganging up to form blocs.",
        "The pact is seen as an effort to counter China's growing military power.",
        "The ministers expressed serious concern about the situation in the South China Sea.",
    ],
)
def test_china_as_context_in_an_alliance_story_is_friction(text: str) -> None:
    assert level("Leaders meet at summit", text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Ferry services across the Taiwan Strait resumed after forecasters warned of waves.",
        "Fishing fleets in the South China Sea face competition from warming waters.",
    ],
)
def test_everyday_words_in_disputed_waters_are_not_friction(text: str) -> None:
    assert level("Sea news", text) == 0


def test_warning_shots_fired_are_a_severe_act() -> None:
    text = (
        "A Chinese coast guard vessel fired warning shots near a Taiwanese patrol boat off Kinmen."
    )
    assert level("Chinese coast guard fires warning shots near Kinmen", text) == 3


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Drills announced or to come are a threat, until they start.
            "China announces live-fire drills off Fujian near Taiwan",
            "China's maritime authority said the military will hold live-fire exercises in the "
            "Taiwan Strait from Friday, closing waters to shipping.",
            2,
        ),
        (
            "China says it has begun live-fire drills in the Taiwan Strait",
            "China announced on Monday that it had begun live-fire drills in the Taiwan Strait.",
            3,
        ),
        (
            # A match report: China's attacks are the game's.
            "China edge Japan to retain world team table tennis title",
            "China's women beat Japan 3-2 in the final. Japan came out with an aggressive game "
            "plan built on early attacks, and China's head coach said Japan attacked from the "
            "first ball. The championships also served as Olympic qualification for the match.",
            0,
        ),
    ],
)
def test_announced_drills_and_sport(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # China as the object of a supply threat is a market story.
            "Rebel capture of rare earth hub threatens supplies to China",
            "Rebels seized the mining towns, which threatens supplies to Chinese refiners.",
            0,
        ),
        ("Beijing threatens Manila", "China's foreign ministry threatened the Philippines.", 1),
        (
            "Chinese national charged with foreign interference",
            "Police charged a Chinese national with foreign interference on Tuesday.",
            2,
        ),
        (
            "Gallium buyers scramble after Beijing bars shipments to US",
            "China bars shipments of gallium to the United States from Monday.",
            2,
        ),
        (
            # A poll is opinion research: background however grave its subject.
            "Survey: Taiwanese split on invasion risk",
            "A poll found voters divided over whether China's military would launch an invasion.",
            1,
        ),
    ],
)
def test_subjects_interference_bars_and_polls(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "China fires missiles into waters off Taiwan",
            "The PLA fired ballistic missiles into waters around Taiwan on Thursday.",
            3,
        ),
        (
            "China demands Lithuania withdraw ambassador over Taiwan office",
            "Beijing demanded that Vilnius withdraw its ambassador, warning it would bear all "
            "the consequences.",
            2,
        ),
        (
            "China recalls its envoy from Prague",
            "Beijing said on Monday it was recalling its ambassador to the Czech Republic over "
            "a visit to Taiwan by the senate speaker.",
            2,
        ),
    ],
)
def test_missiles_fired_and_envoys_withdrawn(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Another state's invasion, named next to China's conduct, is not China's act.
            "UK and Japan sign defence pact",
            "Kishida said the pact answered Russia's invasion of Ukraine and China's growing "
            "military activities near Japan.",
            1,
        ),
        (
            # A contest dated by a past year is history.
            "Britain studies Japan's rare earth stockpile",
            "Japan built up reserves of rare metals after its 2010 dispute with China over "
            "supplies, officials said.",
            0,
        ),
    ],
)
def test_acts_of_other_states_and_dated_disputes(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Flares released near an allied aircraft: an unsafe intercept.
            "Chinese fighter released flares near Australian patrol aircraft",
            "Canberra called the manoeuvre over the South China Sea unsafe.",
            2,
        ),
        (
            # An attribution may name China in the sentence after the hacking.
            "Police warn of hacking group targeting think tanks",
            "A hacking group has been targeting think tanks with phishing emails since 2019. "
            "Police said the group was connected to China's state security apparatus.",
            1,
        ),
    ],
)
def test_flares_and_attributions_next_door(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # China as where goods go is no agent of a seizure.
            "Rebels capture rare earth mining hub",
            "Supplies of heavy rare earths to China have been disrupted after an armed group "
            "seized control of a mining area in northern Myanmar.",
            0,
        ),
        (
            "South Korean and Chinese coast guards in standoff at Yellow Sea platform",
            "Chinese coast guard ships blocked its path before both sides withdrew.",
            2,
        ),
        (
            # An intrusion into a zone is an incident.
            "Chinese coast guard ships stay in Senkaku waters for record 92 hours",
            "Two China Coast Guard vessels remained inside Japan's territorial waters for 92 "
            "hours, the longest such intrusion, the Japan Coast Guard said.",
            2,
        ),
    ],
)
def test_destinations_standoffs_and_intrusions(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Arrests are China's when it makes or suffers them, not when its buyers are named.
            "Namibia bans export of unprocessed lithium",
            "The decision follows reports of traders selling raw ore to buyers linked to Chinese "
            "companies, and the arrest of several people for illegal exports.",
            0,
        ),
        (
            "Canada orders three Chinese firms to divest from lithium miners",
            "Ottawa ordered three Chinese companies to divest their stakes, citing national "
            "security.",
            2,
        ),
        (
            # A dateline names where the story was filed, not who seized the mine.
            "Fighting halts rare earth mining in Kachin State",
            "YANGON/BEIJING — Mining has largely stopped after an armed group seized the main "
            "production hub, traders said.",
            0,
        ),
    ],
)
def test_arrests_divestments_and_datelines(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Allies voicing concern about China's conduct characterise it: context (1).
            "Australia and Japan ministers agree to expand defence cooperation",
            "The ministers expressed strong opposition to any unilateral attempts to change the "
            "status quo by force or coercion, and concern about China's military build-up.",
            1,
        ),
        (
            "Leaders pledge to deepen maritime cooperation",
            "The leaders voiced serious concerns about China's dangerous and coercive use of "
            "coast guard vessels.",
            1,
        ),
        (
            # An incident named as the cause of the concern stays an incident.
            "Manila voices concern after Chinese water cannon attack",
            "Manila expressed serious concern after a Chinese coast guard ship fired water "
            "cannon at a Philippine supply boat.",
            2,
        ),
        (
            # Beijing opposing and then acting: its own measures are no allied statement.
            "China sanctions US defence firms",
            "China strongly opposed the arms sale and imposed sanctions on five US firms.",
            2,
        ),
        (
            # Allies answering Beijing's controls: China as the context of their deal.
            "EU and Japan launch raw materials partnership",
            "The leaders launched the partnership in a move widely seen as aimed at China's "
            "recent export controls on rare earths.",
            1,
        ),
        (
            # Another state's ban that would cut supply to China's producers is no China act.
            "Philippine Congress passes law banning raw nickel ore exports",
            "The measure would cut off one of the main supply sources for battery-material "
            "producers in China, which buys almost all of the ore.",
            0,
        ),
        (
            "China cuts off rare earth supplies to Japanese carmaker",
            "Beijing cut off rare earth shipments to the carmaker after its chairman visited "
            "Taiwan.",
            2,
        ),
        (
            # Entering an exclusive economic zone and harassing a survey ship is an incident.
            "Indonesian patrol shadows Chinese coast guard ship",
            "A China Coast Guard vessel entered Indonesia's exclusive economic zone and "
            "interfered with a survey ship. The foreign ministry sent a diplomatic note to "
            "Beijing.",
            2,
        ),
        (
            "Japan scrambles jets as Chinese drone flies near Yonaguni",
            "Fighters were scrambled after a Chinese military drone flew between Yonaguni and "
            "Taiwan.",
            2,
        ),
    ],
)
def test_voiced_concern_answered_controls_and_zones(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Live fire off China's own coast is an incident; around the island it is severe.
            "China declares live-fire zone off Fujian coast",
            "China's maritime authorities declared a live-fire exercise zone off the coast of "
            "Fujian opposite Taiwan for Wednesday.",
            2,
        ),
        (
            "Chinese coast guard boards Philippine fisheries vessel, injuring crew",
            "Chinese coast guard personnel boarded the vessel near Sabina Shoal, injuring two "
            "fishermen.",
            3,
        ),
        (
            # A boarding that hurts no one is an incident.
            "Chinese coast guard boards Philippine fisheries vessel",
            "Chinese coast guard personnel boarded the vessel near Sabina Shoal. No one was "
            "injured.",
            2,
        ),
        (
            # China as the contrast of a supply story is no party to the attack.
            "Ransomware attack halts output at Australian rare earths refinery",
            "The attack disrupted one of the few sources of separated rare earths outside China.",
            0,
        ),
        (
            # Another state's dated export ban is no China measure.
            "Philippines bans raw nickel ore exports",
            "The measure follows Indonesia's 2020 export ban, which drew mostly Chinese "
            "investment into smelters.",
            0,
        ),
        (
            # An unnamed China behind an allied pact: context (1).
            "UK and Japan sign economic security partnership",
            "The leaders' statement did not name China, but Takaichi referred to trade "
            "restrictions used as pressure.",
            1,
        ),
    ],
)
def test_mainland_fire_violent_boardings_and_contrasts(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # An embargo aimed at a named country is coercion (2).
            "China halts all rare earth exports to Japan",
            "Beijing will stop issuing export licences for rare earths destined for Japan, the "
            "first full embargo on the minerals to Japan.",
            2,
        ),
        (
            "Taiwan stocks slip as cross-strait rhetoric weighs on sentiment",
            "Investors trimmed risk after the president's speech.",
            1,
        ),
        (
            "OPINION: Beijing's pressure campaign on Tokyo is running out of tools",
            "Travel advisories and a pause in seafood imports have lost their bite.",
            1,
        ),
        (
            "Royal Navy and Japanese destroyers hold anti-submarine drill",
            "A Chinese navy destroyer shadowed the group but kept its distance.",
            1,
        ),
    ],
)
def test_embargoes_rhetoric_pressure_and_shadowing(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("China bans rare earth exports to Japan", "The ban takes effect at once.", 2),
        ("China halts banana imports from 12 Mindanao packers", "Officials cited pests.", 2),
        (
            # A ban recalled as the occasion is no new measure.
            "China adds indium to export licensing list",
            "The step comes weeks after Beijing's ban on rare earth exports to Japan.",
            0,
        ),
        (
            # Another state's ban that names China's buyers is no China measure.
            "Bolivia suspends lithium exports pending new law",
            "Chinese buyers said Bolivia's move to suspend lithium exports froze their plans.",
            0,
        ),
        (
            "Former contractor charged with assisting Chinese intelligence",
            "Police said the charges followed a long investigation.",
            2,
        ),
    ],
)
def test_trade_stops_worded_apart_and_prosecutions(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Allies' concern about acts reported elsewhere is context, quotes and all.
            "G7 ministers agree minerals coordination group",
            'The ministers expressed "serious concern" about China’s recent large-scale '
            "military drills around Taiwan.",
            1,
        ),
        (
            # Allies' drills in a sentence naming China are no China drill.
            "HMS Spey joins Japanese destroyer for drills; Chinese frigate shadows",
            "The two ships practised anti-submarine warfare.",
            1,
        ),
        (
            "Beijing slaps provisional duties on Japanese polycarbonate",
            "Importers must pay deposits from next week.",
            2,
        ),
        (
            # A measure removed is no new one: the tariffs are the row's context (1).
            "China lifts tariffs on Australian wine",
            "Beijing said it would remove punitive duties of up to 218% from Friday.",
            1,
        ),
        (
            # Passing secrets to China's spy agency is an incident; no hacking is named.
            "Researcher arrested on suspicion of passing drone data to Chinese intelligence",
            "Police said he leaked data to an officer of China's Ministry of State Security.",
            2,
        ),
    ],
)
def test_recalled_acts_allied_drills_duties_and_spy_agencies(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Beijing's names for disputed places are a provocation (2).
            "India rejects China's renaming of places in Arunachal Pradesh",
            "New Delhi said the state was an integral part of India.",
            2,
        ),
        (
            # Protesters closing a road are no naval blockade.
            "Road blockade halts shipments from Chinese-owned copper mine in Peru",
            "Local communities blocked the road to demand jobs.",
            0,
        ),
        (
            # A bare "the blockade" after a civil one is named refers back to it.
            "Community blockade halts copper shipments from Chinese-owned mine in Peru",
            "Shipments have stopped for 12 days. The Chinese-owned firm said it would cut"
            " output if the blockade continued.",
            0,
        ),
        (
            # Guard: a sea word makes a later blockade naval whatever came before.
            "Road blockade ends at Chinese-owned mine in Peru",
            "Separately, China's navy staged a blockade of Taiwan's ports on Monday.",
            3,
        ),
    ],
)
def test_renamed_places_and_road_blockades(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # An act supposed in a condition is neither made nor threatened.
            "Think-tank: Japan's seabed rare earths face long odds",
            "Costs may only be justified if Chinese supply is cut off for an extended period.",
            0,
        ),
        (
            # Passing documents to China's intelligence officer is spying for it (2).
            "Former subcontractor arrested in Japan on suspicion of leaking radar data",
            "Police said he passed documents to a man believed to be a Chinese intelligence"
            " officer.",
            2,
        ),
        (
            # Guard: a condition after the act does not suppose it.
            "Chinese coast guard fires water cannon at Philippine fishing boat",
            "Manila said the crew were unhurt and that it would protest if it happened again.",
            2,
        ),
    ],
)
def test_acts_supposed_and_intelligence_officers(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # China's firms and investors are commerce: others' warnings near them are no friction.
        (
            "Indonesia cuts nickel ore mining quotas, prices jump",
            "Smelter operators, many of them backed by Chinese stainless steel and battery firms,"
            " warned that plants could run short of ore.",
            0,
        ),
        # ... and so are its refiners, plants and supply.
        (
            "Congo suspends cobalt exports for four months",
            "Analysts warned that the halt could squeeze Chinese refiners within weeks.",
            0,
        ),
        (
            "Rebels close road to rare earth mines",
            "Traders warned that Chinese separation plants would run through their stocks.",
            0,
        ),
        (
            "Guinea suspends bauxite export licences of three miners",
            "The miners, including a Chinese-backed consortium, were accused of failing to "
            "build a refinery.",
            0,
        ),
        # Guard: the state's own warning is friction.
        (
            "Indonesia cuts nickel ore mining quotas",
            "Chinese officials warned that the cut would hurt trade ties.",
            1,
        ),
    ],
)
def test_chinese_firms_are_commerce_not_the_state(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The rivals' chip curbs set the measure in US–China friction: background (1).
        (
            "The move came days after Washington tightened restrictions on exports of advanced "
            "chips to China.",
            1,
        ),
        ("Analysts tied the timing to new US chip curbs on China.", 1),
        # Without them, a new licensing rule is a minerals measure only.
        ("Exporters will need a licence from December 1, the ministry said.", 0),
    ],
)
def test_chip_curbs_on_china_are_friction(text: str, expected: int) -> None:
    title = "China to require export permits for some graphite products"
    lead = "China's commerce ministry announced the rule on Friday. "
    assert level(title, lead + text) == expected


_PACT = "Japan and the Philippines sign reciprocal access agreement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # China's stock answers to others' pacts and its navies' presence are its background.
        ("China's foreign ministry said cooperation should not target third parties.", 1),
        ("Beijing said the region did not need outside forces.", 1),
        ("China said the pact set the region on a wrong and dangerous path.", 1),
        ("Manila says the deal is not about containing China.", 1),
        ("The deal comes amid growing Chinese naval activity near the islands.", 1),
        ("Two Chinese frigates were seen to shadow the flotilla.", 1),
        ("Crews report frequent encounters with Chinese vessels.", 1),
        # China named without friction stays out.
        ("Both countries also trade heavily with China.", 0),
    ],
)
def test_chinas_answers_to_pacts_are_background(text: str, expected: int) -> None:
    assert level(_PACT, "The defence ministers signed the pact in Manila. " + text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Rivalry as the setting of markets, polls and analysis is background (1).
        (
            "Chip stocks carry a discount",
            "Brokers tried to price the Taiwan risk premium on Chinese pressure.",
            1,
        ),
        ("Analysis: patient pressure at sea", "Beijing's salami slicing goes on.", 1),
        ("Poll on neighbours", "Most Japanese hold an unfavourable view of China.", 1),
        ("Pacific policing", "Canberra is wary of China's security presence in the islands.", 1),
        ("Port call", "India objected to the visit of a Chinese survey ship.", 1),
        (
            "Leaders launch partnership",
            "Neither leader named China, but officials cited its export curbs.",
            1,
        ),
        # China named in a neutral sentence stays out.
        ("Port call", "A Chinese survey ship will call at Colombo next week.", 0),
    ],
)
def test_rivalry_as_the_setting_is_background(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A habit of incidents is the story's setting, background (1) ...
        (
            "The frigates will patrol waters where Philippine boats have faced repeated "
            "confrontations with Chinese coast guard ships.",
            1,
        ),
        # ... while the incident itself is one (2).
        ("A Chinese coast guard ship fired a water cannon at a Philippine boat on Sunday.", 2),
    ],
)
def test_habitual_incidents_are_the_setting(text: str, expected: int) -> None:
    assert level("Japan and the Philippines agree frigate transfer", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A transit of an international strait is watched: friction (1).
        ("A Chinese aircraft carrier and four escorts sailed through the Miyako Strait.", 1),
        # Warships entering territorial waters, or drills, are incidents.
        ("Chinese warships entered Japan's territorial waters near the islands.", 2),
    ],
)
def test_a_strait_transit_is_watched_not_an_incident(text: str, expected: int) -> None:
    assert level("Japan's Joint Staff reports Chinese naval movements", text) == expected


def test_a_bounty_on_named_foreigners_is_an_incident() -> None:
    text = "Police in Xiamen offered rewards for information on the 12 officers."
    assert level("Chinese police offer bounty for 12 Taiwanese officers", text) == 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Another state's ban that hits China's buyers is that state's measure, not China's.
        (
            "Mozambique bans exports of unprocessed graphite",
            "Mozambique has banned exports of graphite ore, a move that threatens supplies to "
            "anode makers in China.",
            0,
        ),
        # China's own ban aimed at a state, or at Europe's firms, stays China's.
        (
            "China bans samarium exports to European defence companies",
            "The commerce ministry said the ban took effect immediately.",
            2,
        ),
        (
            "China bans gallium exports to the United States",
            "China has banned exports of gallium to the United States with immediate effect.",
            2,
        ),
    ],
)
def test_a_ban_is_its_subjects(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_where_goods_go_is_no_party_to_a_severe_act() -> None:
    text = (
        "Villagers have blocked the only road to the port for a week. Ships chartered to carry "
        "ore to China waited offshore as the blockade went on."
    )
    assert level("Protesters block nickel ore shipments at Surigao mine", text) == 0


def test_a_named_naval_exercise_is_a_drill() -> None:
    text = "A Chinese navy task group conducted gunnery exercises off the Queensland coast."
    assert level("Chinese navy task group conducts exercises in Coral Sea", text) == 2


def test_armed_forces_keep_their_acts_in_a_sport_text() -> None:
    text = (
        "The league postponed two matches and the final as PLA warships encircled Taiwan in "
        "live-fire drills. The coach said players were worried. The referee and squad stayed "
        "home as the PLA navy kept up its blockade drills around the island."
    )
    assert level("Baseball final postponed as PLA drills encircle Taiwan", text) == 3


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Firms put on China's export control list are sanctioned: an incident ...
        (
            "China adds 12 Japanese firms to export control list",
            "China's Ministry of Commerce placed 12 Japanese companies on its export control "
            "list, banning them from receiving dual-use items.",
            2,
        ),
        # ... a metal put there is a control, no incident.
        (
            "Tungsten prices hit a record",
            "Prices have risen since China added tungsten to its export control list in February.",
            0,
        ),
    ],
)
def test_firms_on_an_export_control_list_are_sanctioned(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


_BREACH = (
    "Investigators said the intruders had read email for months. The coast guard said "
    "patrol schedules were among the files taken. Officials reset every account. The "
    "agency has since added two-factor sign-in. "
)


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        # A formal protest answering the attribution is the rubric's diplomatic protest.
        ("The foreign ministry summoned the Chinese ambassador.", 2),
        ("The foreign ministry lodged a formal protest with the Chinese embassy.", 2),
        # China's denial is no protest.
        ("China's embassy rejected the accusations as groundless.", 1),
    ],
)
def test_a_formal_protest_after_an_attribution_is_an_incident(closing: str, expected: int) -> None:
    title = "Manila blames Chinese state hackers for breach of coast guard email"
    assert level(title, _BREACH + closing) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Workers injured in an accident at a Chinese-owned plant are no incident of China's ...
        (
            "An explosion at a Chinese-owned nickel smelter in Sulawesi injured seven workers "
            "and halted four production lines.",
            0,
        ),
        # ... crew injured by China's coast guard are.
        (
            "The Chinese coast guard fired water cannon at a supply boat, injuring four crew.",
            2,
        ),
    ],
)
def test_injuries_in_an_accident_are_no_incident(text: str, expected: int) -> None:
    assert level("Smelter and sea", text) == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Trade preferences withdrawn from a rival's goods: a coercive measure, like duties.
        (
            "Beijing suspends tariff concessions on Taiwanese machine tools",
            "China's finance ministry said it would end reduced duties on 34 Taiwanese products.",
        ),
        # Tourism withheld as leverage.
        (
            "China suspends group tours to Japan as row deepens",
            "Travel agencies were told to stop selling packages to Japan from Monday.",
        ),
        (
            "China curbs group tours to South Korea after missile defence deployment",
            "Travel agencies were told to stop selling packages to South Korea from Monday.",
        ),
    ],
)
def test_withdrawn_trade_preferences_and_tours_are_measures(title: str, text: str) -> None:
    assert level(title, text) == 2


def test_china_as_the_contrast_is_no_party_to_friction() -> None:
    # "battery makers outside China": China names where the supply is not, no rivalry.
    title = "Tanzania bans export of raw graphite"
    text = (
        "Tanzania banned exports of raw graphite with immediate effect. Analysts warned the "
        "ban could delay projects intended to supply battery makers outside China."
    )
    assert level(title, text) == 0


def test_licences_withheld_from_a_states_firms_are_a_targeted_measure() -> None:
    title = "China halts graphite licences for two Korean battery makers"
    text = (
        "China's commerce ministry has stopped approving export licences for graphite anode "
        "material bound for two South Korean battery manufacturers."
    )
    assert level(title, text) == 2


@pytest.mark.parametrize("verb", ["stop buying", "stop using"])
def test_firms_told_to_stop_a_rivals_products_is_a_measure(verb: str) -> None:
    title = "Beijing orders state firms to drop US security software"
    text = (
        f"China has told state-owned enterprises to {verb} endpoint security software from a "
        "US company and to replace it with domestic products within six months."
    )
    assert level(title, text) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A market's figure of speech: nothing that sails or flies collides.
        (
            "Smelters are paying miners to take concentrate, as a shortage of ore collides with "
            "a wave of new smelting capacity in China.",
            0,
        ),
        # A collision of craft stays severe.
        (
            "A Chinese coast guard ship collided with a Philippine supply boat near the shoal on "
            "Sunday, damaging its hull.",
            3,
        ),
    ],
)
def test_a_collision_needs_craft(text: str, expected: int) -> None:
    assert level("Copper smelters squeezed as charges sink", text) == expected


_COLUMN = (
    "Relations between Tokyo and China have cooled into something sturdier than a row. "
    "Officials in Beijing see little reason to offer concessions while business lobbies wait. "
    "The likelier course is years of managed hostility, with China testing each new "
    "government in turn."
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # An opinion piece headlined on China and about China throughout: analysis (1), even
        # without the lists' words of rivalry.
        ("Opinion: Tokyo's long chill with Beijing is here to stay", _COLUMN, 1),
        # The same text under a news headline that does not name China stays unread.
        ("Tokyo business lobbies wait for talks", _COLUMN, 0),
        # A market column about Chinese buyers is a market's, not China's conduct.
        (
            "Lithium weekly: Chinese converters restock as prices firm",
            "Chinese converters bought more spodumene this week. Chinese buyers also lifted "
            "bids for carbonate, and Chinese smelters ran at higher rates.",
            0,
        ),
        # "PLA" the plastic is not the People's Liberation Army.
        (
            "PLA or PETG: which filament should you buy?",
            "PLA is easy to print. PLA melts at low temperatures. Printers made in China ship "
            "with a spool of PLA.",
            0,
        ),
    ],
)
def test_an_analysis_headlined_on_china_is_background(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A stop and its trade five words apart, and "prohibited exports": a targeted ban.
        (
            "China halts medium and heavy rare earth exports to Japan",
            "The commerce ministry said the measure applied to all end users in Japan.",
            2,
        ),
        (
            "Beijing moves against Tokyo",
            "China on Thursday prohibited exports of gallium and germanium to Japan.",
            2,
        ),
        # Suspending an expansion of export controls stops the controls, not the trade.
        (
            "China to suspend new export controls for a year",
            "China agreed to suspend a planned expansion of export controls on rare earths "
            "for a year after talks with the United States.",
            0,
        ),
    ],
)
def test_targeted_export_stops_and_suspended_controls(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_a_ban_on_exports_to_china_by_others_is_no_china_act() -> None:
    title = "Rebels ban rare earth exports to China from areas they control"
    text = (
        "The armed group, which controls most of Myanmar's mining belt, has banned the export of "
        "rare earth ore to China from territory it holds, it said on Sunday."
    )
    assert level(title, text) == 0
