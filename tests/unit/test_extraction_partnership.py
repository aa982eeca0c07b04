"""partnership rules on short texts written for these tests."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.models import Article
from georisk.scopes import IndicatorPhrase, ScopeConfig, default_scope


def level(title: str, text: str, scope: ScopeConfig | None = None) -> int:
    article = Article(id="t", title=title, text=text)
    return extract_article(article, scope or default_scope()).level("partnership")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Prime ministers sign defence accord",
            "The prime ministers of Japan and Australia signed a new security agreement in "
            "Canberra on Friday, deepening cooperation between the two countries.",
            3,
        ),
        (
            "UK and Japan sign treaty on fighter jet programme",
            "Britain and Japan signed a treaty setting up a joint organisation for the jet.",
            3,
        ),
        (
            "Trade ministers agree supply-chain framework",
            "The trade ministers of the UK and Japan signed a framework on semiconductor "
            "supply chains at their meeting in London.",
            2,
        ),
        (
            "What next for UK-Japan cooperation?",
            "This paper examines cooperation between the UK and Japan and recommends more "
            "dialogue between officials in both countries.",
            1,
        ),
    ],
)
def test_partnership_levels(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_scope_indicator_phrases_are_partnership_vocabulary() -> None:
    scope = default_scope().model_copy(
        update={"indicators": [IndicatorPhrase(phrase="Kestrel Compact", level=3)]}
    )
    title = "Leaders launch the Kestrel Compact"
    text = "The UK and Japan launched the Kestrel Compact at a summit of leaders in Tokyo."
    assert level(title, text, scope) == 3


def test_one_state_alone_is_no_partnership() -> None:
    text = "Japan signed a new domestic agreement with its power companies on Friday."
    assert level("Japan signs power agreement", text) == 0


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # An ally's formal pact with a state outside the scope, signed by leaders.
            "US and Ukraine sign minerals deal",
            "President Trump and President Zelensky signed an agreement on Wednesday creating "
            "a joint investment fund.",
            3,
        ),
        (
            "Australia and Vietnam upgrade ties",
            "Foreign ministers of Australia and Vietnam signed a partnership agreement in Hanoi.",
            2,
        ),
        (
            # Talk of cooperation with an outsider is no partnership of the scope.
            "Lithuania under pressure",
            "The European Union expressed solidarity with Lithuania and said it would "
            "coordinate a response. Officials discussed cooperation.",
            0,
        ),
        (
            # A state named later in the story is no counterpart to the pact.
            "UK and Germany sign defence agreement",
            "Defence ministers signed the agreement on Tuesday. They cited the threat posed by "
            "Russia. They hope a treaty signed by the heads of government follows.",
            2,
        ),
        (
            # A counterpart named by its adjective, as leaders' titles name them.
            "Albanese and Prabowo agree to deepen defence ties",
            "Australian Prime Minister Anthony Albanese and Indonesian President Prabowo "
            "agreed to deepen defence cooperation. The two leaders said officials would "
            "explore more exercises.",
            2,
        ),
        (
            # "Both sides" with one ally named: the other side is the threat actor.
            "Indian and Chinese troops clash in Ladakh",
            "Both sides said they were holding talks at the military and diplomatic level to "
            "de-escalate after Indian and Chinese troops clashed.",
            0,
        ),
        (
            # The threat actor is never the counterpart.
            "Japan and China sign fisheries agreement",
            "Japanese and Chinese ministers signed an agreement on fishing quotas.",
            0,
        ),
    ],
)
def test_an_allys_pact_with_an_outside_state(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Five Eyes agencies warn of Chinese state hackers",
            "The FBI and NSA published a joint advisory with agencies from Australia, Canada, "
            "New Zealand and the United Kingdom on Tuesday.",
        ),
        (
            "Police take down botnets",
            "Police in Germany dismantled the servers in an action coordinated by Europol.",
        ),
    ],
)
def test_allied_agencies_acting_together_are_low_level_cooperation(title: str, text: str) -> None:
    assert level(title, text) == 1


def test_issuing_a_joint_advisory_is_no_agreement() -> None:
    title = "Allies attribute intrusions to Chinese state hackers"
    text = (
        "The UK, Japan and the United States issued a joint advisory attributing intrusions to "
        "Volt Typhoon. Officials in Seoul said more details would follow."
    )
    assert level(title, text) == 1


def test_football_between_members_is_no_partnership() -> None:
    title = "England 2-1 Japan: late goal wins the friendly"
    text = (
        "England beat Japan in a friendly match as the striker scored in stoppage time. "
        "The coach praised the squad; Japan pressed but the referee waved away a penalty."
    )
    assert level(title, text) == 0


def test_leaders_agreeing_to_cooperate_is_a_measure() -> None:
    title = "G7 leaders agree to work together on battery supply chains"
    text = "Leaders of the G7 agreed to work together on standards and financing."
    assert level(title, text) == 2


def test_instrument_without_an_allied_party_is_not_cooperation() -> None:
    title = "Beijing restricts graphite exports"
    text = (
        "Japan and the US are the largest buyers. Separately, the Chinese ministry said in a "
        "declaration that the curbs take effect in May."
    )
    assert level(title, text) < 2


def test_a_deal_sought_is_not_a_deal_signed() -> None:
    title = "Prime minister looking to secure UK-US trade deal"
    text = "Prime Minister Starmer is looking to secure a trade deal with the United States."
    assert level(title, text) < 3


def test_talks_without_an_agreement_are_background() -> None:
    title = "UK and Japan hold talks on defence industry ties"
    text = (
        "Officials from the UK and Japan met in Tokyo to discuss closer cooperation on defence "
        "equipment. The talks focused on joint research. No agreement was signed, but both "
        "sides said they would continue discussions."
    )
    assert level(title, text) == 1


def test_an_accord_signed_by_ministers_is_a_ministerial_agreement() -> None:
    title = "Japan and Germany sign military supply-sharing agreement"
    text = (
        "Japan and Germany signed a supply agreement on Monday. The accord was signed in Tokyo "
        "by the foreign minister and the German ambassador."
    )
    assert level(title, text) == 2


def test_ministers_agreeing_to_cooperate_is_ministerial_cooperation() -> None:
    title = "UK and Japan ministers meet for 2+2 talks"
    text = (
        "The foreign and defence ministers of the United Kingdom and Japan met in Tokyo, "
        "agreeing to cooperate on defence equipment and cyber security."
    )
    assert level(title, text) == 2


def test_an_export_control_on_critical_minerals_is_no_partnership() -> None:
    title = "China to require export permits for graphite from December"
    text = (
        "China will require export permits for graphite, the commerce ministry said, the "
        "latest move to control supplies of critical minerals to the United States and Japan."
    )
    assert level(title, text) == 0


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Institutions, not states: a demonym modifies a garden.
            "Kew and Japanese botanic garden sign cherry conservation partnership",
            "The Royal Botanic Gardens, Kew, has signed a partnership agreement with a Japanese "
            "botanic garden to collaborate on wild cherries. British and Japanese scientists "
            "will exchange seeds.",
            0,
        ),
        (
            # A state as a place: zoos, not governments, agree.
            "Edinburgh Zoo and Japanese partner zoo launch breeding partnership",
            "Edinburgh Zoo has announced a new partnership with a zoo in Japan. Under the "
            "agreement, a panda will move from Japan to Scotland.",
            0,
        ),
        (
            # A capital qualifying a noun: a company, not a government.
            "Label and streaming platform announce strategic partnership",
            "A major Tokyo record label and a streaming service in the United States have "
            "announced a strategic partnership. The agreement was unveiled on Monday.",
            0,
        ),
        (
            # States named as the parties sign for their governments.
            "Britain and Japan sign defence agreement",
            "Britain and Japan signed an agreement on Tuesday allowing joint exercises.",
            2,
        ),
    ],
)
def test_a_partnership_is_between_states(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # The threat actor as a party: détente, background at most.
            "Biden and Xi agree to restore military communications",
            "The two leaders, US President Joe Biden and Chinese President Xi Jinping, agreed "
            "on Wednesday to cooperate on curbing fentanyl and to resume military talks.",
            1,
        ),
        (
            "UK and Japan sign defence pact to counter China",
            "Prime Ministers Rishi Sunak and Fumio Kishida signed the pact in London to counter "
            "China's growing assertiveness.",
            3,
        ),
    ],
)
def test_the_threat_actor_as_a_party(title: str, text: str, expected: int) -> None:
    got = level(title, text)
    assert got <= 1 if expected == 1 else got == expected


def test_leaders_unveiling_a_pathway_is_a_leaders_instrument() -> None:
    title = "AUKUS leaders unveil pathway for nuclear-powered submarines"
    text = (
        "President Joe Biden, Prime Minister Anthony Albanese and Prime Minister Rishi Sunak "
        "announced the pathway for Australia to acquire nuclear-powered submarines."
    )
    assert level(title, text) == 3


def test_a_business_partnership_is_none() -> None:
    title = "Record label and streaming platform announce strategic partnership"
    text = (
        # Adjectives name no state; "a US platform" (a noun used as one) is read as a name.
        "A Japanese record label and an American streaming platform announced a strategic "
        "partnership for anime soundtracks, the partners said."
    )
    assert level(title, text) == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            # A treaty recalled in the sentence after a ministerial agreement is background.
            "UK and Japan agree joint exercise after 2+2 talks",
            "Britain and Japan agreed on Thursday to hold a joint exercise after a 2+2 meeting "
            "of ministers. The relationship has deepened since the Reciprocal Access "
            "Agreement came into force.",
        ),
        (
            # Ministers opening accession talks negotiate; nobody accedes yet.
            "CPTPP ministers open accession talks with Indonesia",
            "Trade ministers of the CPTPP agreed to begin accession talks with Indonesia, "
            "joined by ministers from Britain and Japan.",
        ),
    ],
)
def test_ministerial_steps_near_a_treaty_word_are_ministerial(title: str, text: str) -> None:
    assert level(title, text) == 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A headline names the parties by their leaders; the opening sentence by state.
            "Albanese and Marape sign mutual defence treaty",
            "Australia and Papua New Guinea have signed a mutual defence treaty, committing "
            "each to come to the other's aid if attacked.",
            3,
        ),
        (
            # Leaders founding a cooperation found it as a formal one is signed.
            "Biden, Kishida and Yoon launch new era of trilateral cooperation",
            "The leaders of the United States, Japan and South Korea launched a new era of "
            "trilateral cooperation at Camp David.",
            3,
        ),
        (
            # A trade agreement is a treaty, whoever signs it.
            "UK and Japan sign first major post-Brexit trade deal",
            "Britain and Japan signed a trade deal in Tokyo on Friday, the trade ministers said.",
            3,
        ),
        (
            # An instrument in force is the frame, not what was concluded.
            "UK and Japan ministers agree to step up cooperation",
            "The ministers of Britain and Japan agreed to expand joint exercises under the "
            "Reciprocal Access Agreement.",
            2,
        ),
        (
            # A signing of a past year is recalled, not new.
            "Critical minerals should be the next pillar of UK-Japan ties",
            "When Britain and Japan signed the Hiroshima Accord in 2023, prime ministers put "
            "economic security first.",
            1,
        ),
        (
            # What was agreed may be future; the announcement is stated.
            "Biden, Kishida and Marcos hold first trilateral summit",
            "The three leaders met on Thursday. In a joint vision statement, the leaders of "
            "Japan and the Philippines announced that their coast guards would patrol jointly.",
            3,
        ),
        (
            # Institutions are the parties, whatever their countries.
            "Cardiff and Osaka universities sign research partnership",
            "Cardiff University and Osaka University have signed a partnership agreement. An "
            "annual symposium will alternate between Wales and Japan, and the Welsh government "
            "welcomed it.",
            0,
        ),
    ],
)
def test_parties_frames_and_dates(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A year after another verb dates that, not the signing.
            "AUKUS leaders unveil plan for nuclear-powered submarines",
            "The leaders of the United States, Britain and Australia unveiled a plan for the "
            "AUKUS security partnership formed in 2021.",
            3,
        ),
        (
            # Cooperation the threat actor halts with one state is no allied cooperation.
            "China sanctions Lithuanian deputy minister",
            "Beijing said it would halt cooperation with Lithuania's transport ministry and "
            "suspend cooperation with its regulator. The EU said it was monitoring.",
            0,
        ),
        (
            # "On both sides of the world" is no government acting.
            "Museum partnership brings Japanese and British pottery together",
            "The exhibition is the result of a partnership between a Cornish gallery and a "
            "craft museum in Tokyo. Their collaboration shaped pottery on both sides of the "
            "world.",
            0,
        ),
    ],
)
def test_dates_threat_cooperation_and_pair_words(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # The hedge is in what the leaders plan, not in the statement they issued.
            "Leaders of Japan, Australia and the Philippines hold first summit",
            "Prime Minister Ishiba, Prime Minister Albanese and President Marcos met in Manila "
            "for the first summit of the three countries. In a joint vision statement, the "
            "leaders said they would hold joint coast guard patrols.",
            3,
        ),
        (
            # Talks that recall a leaders' accord of a past year are talks.
            "UK and Japan officials discuss minerals stockpiles",
            "Britain and Japan are discussing closer cooperation on critical minerals. The "
            "talks form part of the Hiroshima Accord agreed by the two countries' leaders in "
            "2023 and will feed into the next meeting of the ministerial 2+2 dialogue.",
            1,
        ),
    ],
)
def test_instrument_hedges_and_recalled_accords(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A state-owned enterprise signing is business, however official its source.
            "State miner signs lithium exploration deal in Argentina",
            "State-owned Khanij Bidesh India Ltd has signed an agreement with a provincial "
            "mining company in Argentina, the Ministry of Mines said.",
            0,
        ),
        (
            # Leaders agreeing what they call a new chapter found a partnership.
            "Leaders of the US, Japan and South Korea hold summit",
            "President Biden, Prime Minister Kishida and President Yoon agreed on Friday to "
            "hold annual summits and expand security cooperation, in what the leaders called "
            "a new chapter in their partnership.",
            3,
        ),
    ],
)
def test_state_enterprises_and_new_chapters(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A first summit that announces joint work founds a format.
            "Leaders of the US, Japan and the Philippines meet",
            "President Biden, Prime Minister Kishida and President Marcos held their first "
            "trilateral summit on Thursday, announcing joint naval patrols.",
            3,
        ),
        (
            # "No agreement has been reached": the verb reports nothing.
            "Britain and Japan hold talks on stockpiles",
            "Britain and Japan have begun talks on stockpiles. The talks, between officials, "
            "are at an early stage and no agreement has been reached.",
            1,
        ),
        (
            # An intergovernmental council adopting a plan is no institution signing.
            "EU and Japan sign cable memorandum",
            "The European Union and Japan signed a memorandum on submarine cables at their "
            "Digital Partnership Council. The memorandum was signed by ministers. The council "
            "also adopted a work plan.",
            2,
        ),
    ],
)
def test_first_summits_unreached_agreements_and_councils(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Officials agreeing to explore cooperation hold talks (1); ministers agreeing (2).
            "UK and Japan officials hold cyber dialogue",
            "Senior officials from the UK and Japan met in Tokyo for the UK-Japan Cyber "
            "Dialogue and agreed to explore further cooperation between their cyber centres.",
            1,
        ),
        (
            "UK and Japan ministers hold cyber dialogue",
            "The UK and Japanese ministers met in Tokyo for the UK-Japan Cyber Dialogue and "
            "agreed to deepen cooperation between their cyber centres.",
            2,
        ),
        (
            # An accord named as the frame of the talks is in force, not concluded now.
            "UK and Japan officials hold economic security talks",
            "The talks between the Foreign Office and Japan's Ministry of Foreign Affairs were "
            "held under the framework of the Hiroshima Accord.",
            1,
        ),
        (
            # "Stop short of agreement", "did not reach agreement on a joint framework".
            "G7 trade ministers discuss minerals standards but stop short of agreement",
            "G7 trade ministers met in Ottawa for talks on common standards but did not reach "
            "agreement on a joint framework.",
            1,
        ),
    ],
)
def test_officials_frames_and_agreements_not_reached(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A ministry reports the talks: its officials' agreement is not a ministers' one.
            "UK and Japan officials hold cyber dialogue",
            "British and Japanese officials met in Tokyo for the UK-Japan Cyber Dialogue and "
            "agreed to hold a joint exercise next year, Japan's foreign ministry said.",
            1,
        ),
        (
            # "did not reach agreement on a joint framework" signs no framework.
            "G7 trade talks end without a deal",
            "G7 trade ministers held talks in Ottawa but did not reach agreement on a joint "
            "framework.",
            1,
        ),
        (
            # "GCAP partners" may be the companies building the jet: no government acts.
            "GCAP partners begin assembly of demonstrator fuselage",
            "The companies developing the Global Combat Air Programme fighter for Britain and "
            "Japan began assembling the first fuselage section.",
            0,
        ),
    ],
)
def test_offices_unsigned_frameworks_and_industrial_partners(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A joint advisory that names the threat actor is allies acting against it.
            "NCSC and partners expose Chinese state-sponsored campaign",
            "The joint advisory attributes the activity to China's Ministry of State Security. "
            "It is the first advisory to be co-sealed by Japan's cyber office.",
            1,
        ),
        (
            "Royal Navy frigate and Japanese destroyers hold first joint drill",
            "The British frigate and Japanese destroyers held a bilateral drill in the East "
            "China Sea.",
            1,
        ),
    ],
)
def test_advisories_against_the_threat_and_joint_drills(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


def test_a_trilateral_exercise_is_cooperation() -> None:
    title = "Japan, Philippines and US coast guards drill off Palawan"
    text = (
        "Coast guard ships from Japan, the Philippines and the United States held a trilateral "
        "exercise this week."
    )
    assert level(title, text) == 1


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A named council of states signs as states; a town's council does not.
            "UK and Gulf Cooperation Council sign free trade agreement in Riyadh",
            "Britain and the six Gulf states signed the agreement on Wednesday.",
            3,
        ),
        (
            "Leeds City Council signs friendship agreement with Osaka partners",
            "The council signed the agreement with a delegation from Japan.",
            0,
        ),
    ],
)
def test_councils_of_states_and_town_councils(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A grouping of states named in the lead stands for its members.
            "UK and Gulf Cooperation Council sign free trade agreement",
            "The trade secretary signed the agreement with the GCC secretary-general.",
            3,
        ),
        (
            # An instrument cancelled is none concluded.
            "Japan cancels minerals deal with Australian partner",
            "Tokyo and Canberra said the $1 billion agreement had been scrapped.",
            0,
        ),
    ],
)
def test_groupings_of_states_and_cancelled_instruments(
    title: str, text: str, expected: int
) -> None:
    assert level(title, text) == expected


def test_a_leaders_compact_is_a_formal_instrument() -> None:
    title = "Starmer and Japanese PM launch UK-Japan Economic Security Compact"
    text = "The two prime ministers signed the compact in Tokyo on Friday."
    assert level(title, text) == 3


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Advice and conjecture about cooperation are no talks held.
        (
            "Opinion: Tokyo must stop pretending a Taiwan crisis is someone else's problem",
            "Tokyo should coordinate more closely with Washington and London. Japan ought to"
            " deepen cooperation with Britain on maritime awareness.",
        ),
        (
            "Commentary: Japan's active cyber defence, one year in",
            "Much depends on whether cooperation with Britain and other allies deepens beyond"
            " information exchange, and whether Japan and the UK share more threat data.",
        ),
        # A report urging or recommending cooperation advises it.
        (
            "Taiwan reports surge in attacks on government networks",
            "The report by Taiwan's security agency urged closer cooperation with private "
            "operators and international partners. It recommended that Japan and the United "
            "States share threat data with Taipei.",
        ),
    ],
)
def test_advice_and_conjecture_about_cooperation_are_none(title: str, text: str) -> None:
    assert level(title, text) == 0


def test_cooperation_reported_beside_advice_still_counts() -> None:
    title = "UK and Japan deepen cyber cooperation"
    text = (
        "British and Japanese officials agreed to deepen cooperation on cyber threat sharing."
        " Analysts said both should go further."
    )
    assert level(title, text) >= 1


def test_a_joint_advisory_after_its_authors_and_the_threat_actor_is_cooperation() -> None:
    title = "Five Eyes agencies expose Chinese state-linked router botnet"
    text = (
        "Agencies from the United States, the United Kingdom, Canada, Australia and New Zealand"
        " attributed the botnet to a contractor working for China's Ministry of State Security."
        " In a joint advisory, the agencies said the network had been used since 2023."
    )
    assert level(title, text) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Several allies' police acting as one is cooperation, background (1).
        (
            "Police from Germany, France and the United Kingdom took down the servers on "
            "Tuesday. Four suspects were arrested.",
            1,
        ),
        (
            "Law enforcement agencies from Japan and Australia seized the platform's domains. "
            "Four suspects were arrested.",
            1,
        ),
        # One state's police acting alone is not.
        ("Police in Germany took down the servers on Tuesday. Four suspects were arrested.", 0),
    ],
)
def test_several_allies_police_acting_as_one_cooperate(text: str, expected: int) -> None:
    assert level("Phishing service taken down", text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # An ally's standing treaty recalled after an incident is no cooperation made now.
        (
            "Chinese coast guard rams Philippine supply boat",
            "Two crew were hurt. The US ambassador said Washington's commitments under the "
            "Mutual Defense Treaty extend to Philippine public vessels, and that Washington "
            "and Manila would coordinate closely.",
            0,
        ),
        (
            "Chinese coast guard ship collides with Japanese patrol vessel",
            "The US reaffirmed that the islands are covered by the US-Japan security treaty, "
            "and officials in Tokyo and Washington said they would coordinate closely.",
            0,
        ),
        # A new pact signed as leaders reaffirm their alliance is still signed.
        (
            "US and Japan sign defence pact",
            "President Biden and Prime Minister Kishida reaffirmed their alliance and signed "
            "a new defence pact in Tokyo.",
            3,
        ),
    ],
)
def test_a_standing_treaty_recalled_is_no_cooperation(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


def test_a_domestic_deal_is_no_pact() -> None:
    text = (
        "The government agreed to postpone its first licensing round, conceding to demands from "
        "a smaller party in exchange for support for the budget. Britain had urged caution."
    )
    assert level("Japan shelves seabed mining licences after budget deal", text) == 0


def test_an_instrument_of_age_is_in_force_not_signed() -> None:
    text = (
        "South Korea and India agreed on Friday to set up a ministerial dialogue, as their trade "
        "ministers met to push talks on upgrading a 15-year-old economic partnership agreement."
    )
    assert level("South Korea and India ministers agree to launch dialogue", text) == 2


def test_an_instrument_under_talks_is_not_signed() -> None:
    text = (
        "Negotiators from New Zealand and India concluded a fifth round of talks on a free "
        "trade agreement in Auckland on Monday. Prime Minister Luxon said progress was made."
    )
    assert level("New Zealand and India hold fresh round of trade talks", text) < 3


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # An office named a coordinator ("the national electricity coordinator") is no act of
        # coordination, whatever a minister says it "issued" ...
        (
            "Cyberattack on Chile's grid coordinator causes blackouts",
            "The energy minister said attackers had gained access to the coordinator's dispatch "
            "software and issued commands that disconnected transmission lines. The national "
            "CSIRT is working with foreign partners to identify those responsible.",
            0,
        ),
        # ... while partners who agree to coordinate still cooperate.
        (
            "UK and Japan agree to coordinate export controls",
            "The trade ministers of the UK and Japan agreed to coordinate export controls on "
            "advanced semiconductors.",
            2,
        ),
    ],
)
def test_a_coordinator_is_an_office_not_coordination(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # What a delegation or a government signs with firms is business, not a pact ...
        (
            "Czech senators visit Taiwan",
            "The delegation met Taiwan's leader and signed memorandums on drone manufacturing "
            "with Taiwanese companies.",
            0,
        ),
        (
            "Australia makes first purchases for minerals reserve",
            "Australia has signed its first offtake agreements for a national critical minerals "
            "reserve, committing to buy rare earth oxides and gallium from two domestic "
            "producers, the resources minister said. Material will be resold to allied buyers "
            "in the United States and Japan.",
            0,
        ),
        (
            "Texas rare earth plant begins output",
            "The plant will process carbonate from Brazil and Australia. The company said it "
            "had signed supply agreements with two US magnet plants in South Carolina.",
            0,
        ),
        # ... while what two states sign stays signed.
        (
            "UK and Japan sign minerals memorandum",
            "The UK and Japan signed a memorandum on critical minerals, the trade ministers said.",
            2,
        ),
    ],
)
def test_an_instrument_signed_with_firms_is_no_pact(title: str, text: str, expected: int) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The threat actor's own joint drills are no allied cooperation ...
        (
            "China's People's Liberation Army launched large-scale joint drills around Taiwan, "
            "days after a US destroyer sailed through the strait.",
            0,
        ),
        # ... nor are allies' drills it seeks to limit their own, they stay the allies'.
        (
            "Chinese drafts have sought limits on joint military exercises by the Philippines "
            "and the United States.",
            1,
        ),
    ],
)
def test_the_threat_actors_own_drills_are_no_cooperation(text: str, expected: int) -> None:
    assert level("Drills in the region", text) == expected


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        # What leaders agree on a call is talk (1) ...
        ("in a telephone call", 1),
        ("by video link", 1),
        # ... what they agree at a summit, a leaders' agreement to cooperate.
        ("at a summit in London", 2),
    ],
)
def test_leaders_agreeing_on_a_call_hold_talks(channel: str, expected: int) -> None:
    title = "UK and Japanese leaders agree to deepen defence ties"
    text = (
        f"The prime ministers of Britain and Japan agreed {channel} on Wednesday to deepen "
        "cooperation on defence and economic security."
    )
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # Coordination promised in answer to an act is not cooperation held ...
        ("said Tokyo would ask the G7 to coordinate a response", 0),
        # ... coordination agreed is.
        ("agreed with the G7 to coordinate a response", 1),
    ],
)
def test_coordination_promised_in_answer_is_none(clause: str, expected: int) -> None:
    title = "China bans rare earth exports to Japan"
    text = (
        "China banned exports of dysprosium to Japan on Monday. Japan's chief cabinet "
        f"secretary called it coercion and {clause} with the United States and Britain."
    )
    assert level(title, text) == expected


def test_a_labour_disputes_mediation_talks_are_no_diplomacy() -> None:
    text = (
        "Workers walked out at the copper mine part-owned by a Japanese trading house, halting "
        "output. The union and the company blamed each other, and the labour ministry called "
        "both sides to mediation talks on Wednesday."
    )
    assert level("Strike halts output at Chilean copper mine", text) == 0


def test_leaders_named_after_the_founding_launch_it() -> None:
    text = (
        "Britain and Japan launched a critical minerals partnership on Wednesday that will "
        "include a shared reserve of rare earths. The partnership was announced by the two "
        "prime ministers after a video summit."
    )
    assert level("UK and Japan launch critical minerals partnership", text) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The rules in place are no pact: "the current framework, inherited from EU law".
        (
            "Opening the debate on the cyber bill, the UK technology secretary said the current "
            "framework, inherited from EU law in 2018, had not kept pace with the threat.",
            0,
        ),
        # A framework the ministers sign now is one.
        (
            "The UK and Japanese trade ministers signed a framework on supply-chain security in "
            "Tokyo on Monday, the two governments said.",
            2,
        ),
    ],
)
def test_a_framework_in_place_is_not_a_framework_signed(text: str, expected: int) -> None:
    assert level("UK ministers debate supply chains", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Britain and the Philippines have begun negotiations on a status of visiting forces "
        "agreement that would let their troops train together, defence officials said.",
        "Britain and the Philippines held a second round of negotiations this week on a Status "
        "of Visiting Forces Agreement, defence officials said.",
    ],
)
def test_an_agreement_under_negotiation_is_talks(text: str) -> None:
    assert level("UK and Philippines hold talks on forces agreement", text) == 1


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # An opinion headlined on a pair of the scope's states, about their ties: background.
        ("Opinion: Britain and Japan should build a minerals club of two", 1),
        # The same text under an opinion headline naming one state is not.
        ("Opinion: Britain should build a minerals club", 0),
    ],
)
def test_an_opinion_headlined_on_two_allies_is_background(title: str, expected: int) -> None:
    text = (
        "Both economies sit at the end of long supply chains for minerals. Their governments "
        "already talk about economic security. They should pool offtake commitments. None of "
        "this needs a grand treaty."
    )
    assert level(title, text) == expected
