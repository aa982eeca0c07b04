"""cyber rules on short texts written for these tests."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.models import Article
from georisk.scopes import default_scope


def reading_of(title: str, text: str) -> tuple[int, str | None]:
    article = Article(id="t", title=title, text=text)
    reading = extract_article(article, default_scope()).readings["cyber"]
    return reading.level, reading.kind


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "State-sponsored hackers breach national telecoms networks",
            "Officials said Salt Typhoon, a state-sponsored group, infiltrated the networks of "
            "several telecoms operators. The intrusion exposed wiretap systems nationwide.",
            3,
        ),
        (
            # A generic state attribution of one breach says who, not how big: moderate.
            "Government blames Beijing-backed hackers for voter data breach",
            "Ministers said a state-affiliated group carried out a cyberattack on the national "
            "election regulator. The breach exposed the records of millions of voters.",
            2,
        ),
        (
            # With critical-infrastructure scale, the same attribution is severe.
            "Government blames Beijing-backed hackers for power grid attack",
            "Ministers said a state-affiliated group carried out a cyberattack on the power "
            "grid. The breach cut electricity to thousands of homes.",
            3,
        ),
        (
            # One supplier's ransomware reaching several hospitals is still one incident.
            "London hospitals declare critical incident after cyber attack on supplier",
            "A ransomware attack on a pathology supplier disrupted blood tests at several "
            "hospitals. The attack encrypted the supplier's systems.",
            2,
        ),
        (
            "Ransomware attack halts city hospital systems",
            "A ransomware attack encrypted patient records at a regional hospital on Sunday. "
            "Staff returned to paper as the gang demanded a ransom.",
            2,
        ),
        (
            # Malware planted in a grid's control systems is an act on critical infrastructure.
            "State hackers planted malware in power grid systems, government says",
            "The government said hackers working for a foreign spy agency had planted "
            "malicious software in the control systems of dozens of electrical substations.",
            3,
        ),
        (
            # A nation's digital identity is its logins to banks and public services.
            "Cyberattack knocks out national digital ID for a second day",
            "A cyberattack took the country's digital ID offline, locking citizens out of "
            "online banking and tax returns. Hackers flooded the login service with traffic.",
            3,
        ),
        (
            "Parliament passes cyber defence law",
            "Lawmakers enacted a law that allows authorities to take pre-emptive measures. "
            "The strategy aims to strengthen cyber resilience of operators.",
            1,
        ),
    ],
)
def test_cyber_levels(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


def test_incident_is_an_act() -> None:
    title = "Brewer hit by cyberattack"
    text = "A cyberattack forced the brewer to halt production at its plants."
    assert reading_of(title, text) == (2, "act")


def test_attack_without_cyber_topic_is_not_cyber() -> None:
    text = "Troops repelled an attack on the border post; two soldiers were wounded."
    assert reading_of("Border attack repelled", text)[0] == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Cyber Monday deals you can still get",
            "Cyber Monday brings discounts on laptops and TVs. Shoppers can find a bargain "
            "with promo codes at every big retailer; these deals end at midnight.",
        ),
        (
            "Job description: security operations analyst",
            "Duties and responsibilities: monitor cyber security alerts, analyse intrusion "
            "attempts and report incidents. Qualifications: two years of experience. Salary "
            "competitive; candidates should apply now.",
        ),
        (
            "Fleet of attack submarines ordered",
            "The navy ordered three attack submarines; the contract also covers cyber training.",
        ),
        (
            "Start your cyber security career: 12-week part-time bootcamp",
            "On this course you'll learn threat detection, incident response and ethical "
            "hacking in hands-on modules. No experience needed; enrol by March.",
        ),
    ],
)
def test_cyber_hard_negatives_stay_at_zero(title: str, text: str) -> None:
    assert reading_of(title, text)[0] == 0


def test_a_defence_victim_is_still_an_incident() -> None:
    title = "Hackers breach defence ministry payroll system"
    text = (
        "A cyberattack on the defence ministry's payroll contractor exposed the bank details "
        "of service personnel, officials said."
    )
    assert reading_of(title, text) == (2, "act")


def test_attacks_described_in_a_law_are_background() -> None:
    title = "Lawmakers pass bill on cyberattacks"
    text = "The bill lets the police disable servers used in cyberattacks on power plants."
    assert reading_of(title, text) == (1, "background")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Retailer denies any cyberattack after website outage",
            "The retailer denied any cyberattack on Tuesday after its website went offline for "
            "several hours, blaming a technical fault during a software update.",
        ),
        (
            "Airline says delays were not caused by a cyber attack",
            "The airline said the check-in failures were not caused by a cyber attack but by a "
            "faulty network switch. There was no evidence of a data breach.",
        ),
        (
            "Council rules out hack after payment glitch",
            "Officials ruled out a hack and said the payment system had not been compromised; "
            "the glitch followed a routine upgrade.",
        ),
    ],
)
def test_a_negated_incident_reports_nothing(title: str, text: str) -> None:
    assert reading_of(title, text)[0] == 0


def test_denying_responsibility_leaves_the_incident_standing() -> None:
    title = "Ministers blame Beijing for cyber attack on payroll system; Beijing denies it"
    text = (
        "A cyber attack on the armed forces payroll system exposed the records of service "
        "personnel. China denied involvement in the attack."
    )
    assert reading_of(title, text) == (2, "act")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # The breach is stated; only the theft that follows it is hedged.
            "Space agency network breached",
            "The agency said hackers had breached its network and may have stolen sensitive "
            "information about its partners.",
            2,
        ),
        ("Agency warns of risk", "Officials said hackers may have breached the network.", 1),
        ("Operators on alert", "Officials said a cyberattack could cripple the power grid.", 1),
    ],
)
def test_a_hedge_qualifies_the_phrase_it_precedes_or_follows(
    title: str, text: str, expected: int
) -> None:
    assert reading_of(title, text)[0] == expected


def test_one_port_operator_is_a_moderate_incident() -> None:
    title = "Japanese port operator hit by DDoS attack"
    text = (
        "The website of a port operator was knocked offline by a DDoS attack on Monday. "
        "A hacktivist group claimed responsibility for the attack."
    )
    assert reading_of(title, text) == (2, "act")


def test_a_national_emergency_is_a_nationwide_attack() -> None:
    title = "Government declares national emergency as ransomware cripples ministries"
    text = (
        "The Conti ransomware attack crippled the systems of several ministries. Tax and "
        "customs systems were taken offline by the attack for weeks."
    )
    assert reading_of(title, text) == (3, "act")


def test_a_warship_intrusion_is_no_cyber_incident() -> None:
    title = "Japan protests Chinese carrier intrusion"
    text = "Japan summoned China's envoy over the intrusion into its territorial waters."
    assert reading_of(title, text)[0] == 0


def test_agencies_warning_that_hackers_have_compromised_networks_state_the_act() -> None:
    title = "Five Eyes agencies warn Chinese state hackers are in critical infrastructure"
    text = (
        "Security agencies warned that a state-sponsored group known as Volt Typhoon has "
        "compromised the IT networks of critical infrastructure operators. The intrusions "
        "gave the group access to water and energy systems, the agencies said."
    )
    assert reading_of(title, text) == (3, "act")


def test_a_game_review_is_no_incident() -> None:
    title = "Cyberpunk 2077: Phantom Liberty review"
    text = "Players can breach enemy cyberware and turn security cameras against their owners."
    assert reading_of(title, text)[0] == 0


def test_a_quoted_denial_governs_the_phrase_after_it() -> None:
    title = "Airport closure: substation fire not suspicious, police say"
    text = 'The minister said there was "no suggestion" of a cyberattack behind the fire.'
    assert reading_of(title, text)[0] == 0


@pytest.mark.parametrize("actor", ["UNC3886", "Storm-0558"])
def test_vendor_names_for_threat_actors_are_campaigns(actor: str) -> None:
    title = f"Singapore names {actor} as group attacking its critical infrastructure"
    text = f"Officials said {actor} had breached systems at critical infrastructure operators."
    assert reading_of(title, text)[0] >= 2


def test_pre_positioning_in_networks_is_the_act() -> None:
    title = "Agencies say Volt Typhoon has pre-positioned in US networks"
    text = "Volt Typhoon hackers pre-positioned themselves in water and energy networks."
    assert reading_of(title, text)[0] >= 2


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # An attack that cuts power is an attack on the grid.
            "Cyberattack cuts power to 210,000 homes",
            "A cyberattack on a regional electricity distributor cut power to 210,000 homes "
            "on Sunday. Hackers broke into the control systems, officials said.",
            3,
        ),
        (
            # An attempted intrusion, however large the target, is no severe act.
            "Hackers tried to breach telecoms networks",
            "Hackers operating from abroad attempted to breach telecoms networks of several "
            "agencies. The intrusion attempts were detected and blocked, and the attack was "
            "traced to a threat actor.",
            2,
        ),
        (
            # "may have exposed" hedges the consequence, not the attack before it.
            "Insurer says ransomware attack may have exposed customers' data",
            "The insurer said data may have been stolen in a ransomware attack on its servers.",
            2,
        ),
    ],
)
def test_power_cuts_attempts_and_hedged_consequences(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A generic state attribution of a campaign is the rubric's major state campaign.
            "Japan police attribute five-year cyber espionage campaign to China-linked group",
            "Police said a China-linked hacking group has conducted a cyber espionage campaign "
            "against ministries since 2019. An advisory listed 210 incidents.",
            3,
        ),
        (
            "Allies accuse military intelligence unit of cyber sabotage campaign",
            "Agencies accused a Russian military intelligence unit of a campaign of cyber "
            "sabotage against critical infrastructure. The unit disrupted operations.",
            3,
        ),
        (
            # A nationwide mobile network knocked offline.
            "Largest mobile operator knocked offline by massive cyberattack",
            "The country's biggest mobile network operator was hit by a cyberattack that cut "
            "services across the country. Mobile data remained down.",
            3,
        ),
        (
            # A piece about a bill: the attacks it cites are why the bill exists.
            "Cyber Security and Resilience Bill introduced to Parliament",
            "It requires organisations to report significant incidents, including "
            "ransomware attacks, within 24 hours. Operators disrupted by a cyberattack must "
            "notify regulators.",
            1,
        ),
    ],
)
def test_campaigns_scale_and_policy_titles(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


def test_hackers_that_have_burrowed_into_networks_are_stated() -> None:
    title = "Agencies warn Chinese state hackers pre-positioned in critical infrastructure"
    text = (
        "Agencies warned on Wednesday that Volt Typhoon has burrowed into the networks of "
        "critical infrastructure operators, keeping access for five years."
    )
    assert reading_of(title, text)[0] == 3


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Insurance market commentary is cyber background.
            "Cyber insurance rates keep falling, brokers say",
            "Premiums for cyber insurance fell again last quarter, according to broker reports.",
            1,
        ),
        (
            # "State-backed" alone is no cyber topic.
            "UK and Japan sign memorandum on critical minerals",
            "The memorandum commits their state-backed agencies to share information on supply "
            "disruptions.",
            0,
        ),
    ],
)
def test_insurance_and_state_backed_agencies(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # What partners will do together names no incident.
            "Australia and Japan sign cyber cooperation memorandum",
            "Under the memorandum, the two agencies will exchange threat information and "
            "coordinate public attributions of malicious cyber activity.",
            1,
        ),
        (
            # A coordinated operation is an account of what happened, not a plan.
            "Police take down ransomware gang in coordinated operation",
            "Officers arrested four suspects in a coordinated international operation that "
            "seized servers used in ransomware attacks on hospitals.",
            2,
        ),
    ],
)
def test_joint_work_and_coordinated_operations(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # Technical words with other senses are no cyber topic alone.
            "Chile to take control of lithium projects",
            "Under a national lithium strategy, the state will hold a majority stake in all "
            "future projects to exploit the metal.",
            0,
        ),
        (
            # Several airports' check-in systems: critical infrastructure.
            "Ransomware attack on check-in software hits European airports",
            "A ransomware attack on a check-in software supplier caused delays at several of "
            "Europe's busiest airports on Saturday.",
            3,
        ),
        (
            # Flooding websites is moderate, however many.
            "Hacktivists hit ministries and airports with DDoS attacks",
            "A DDoS attack briefly knocked out the websites of several ministries, banks and "
            "airports on Monday.",
            2,
        ),
    ],
)
def test_technical_words_airports_and_flooded_websites(
    title: str, text: str, expected: int
) -> None:
    assert reading_of(title, text)[0] == expected


def test_an_opinion_piece_on_cyber_crime_is_background() -> None:
    title = "Opinion: banning ransom payments by councils is overdue"
    text = (
        "The plan to stop public bodies paying cyber criminals is right. Every payment funds "
        "the next attack."
    )
    assert reading_of(title, text)[0] == 1


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A botnet of hijacked devices run for a state group is severe.
            "Five Eyes agencies expose firm behind botnet of 260,000 devices",
            "The FBI and allied agencies accused a company of running a botnet of 260,000 "
            "hijacked routers on behalf of the state hacking group Flax Typhoon.",
            3,
        ),
        (
            # A hedge before "after" qualifies the consequence, not the attack.
            "Supermarkets short of chilled goods",
            "Dutch supermarket chains warned of gaps on their shelves after a ransomware attack "
            "crippled the systems of a logistics firm.",
            2,
        ),
        (
            # Hacked water plants are critical infrastructure.
            "Hackers breached control systems at water plants in four Polish municipalities",
            "The cyberattack changed dosing settings at the water plants before staff noticed.",
            3,
        ),
    ],
)
def test_botnets_consequences_and_water_plants(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A railway's signalling system is critical infrastructure.
            "Cyberattack halts trains across the Czech Republic",
            "Trains stood still for nine hours after a cyberattack disabled the central "
            "signalling system.",
            3,
        ),
        (
            # "Law enforcement agencies" are police, not a law: the takedown is an incident.
            "Police dismantle infostealer network",
            "Law enforcement agencies from Europe and Japan have taken down servers used by an "
            "infostealer malware service.",
            2,
        ),
        (
            # Hyphenated too, and beside "cyber": "cyber and law-enforcement agencies" are no
            # cyber law, so the campaign they attribute is the incident.
            "Agencies attribute campaign against water utilities to state hackers",
            "US cyber and law-enforcement agencies attributed a long-running intrusion campaign "
            "against water utilities and pipeline operators to a state-sponsored group.",
            3,
        ),
        (
            # New rules on reporting are policy: the attacks they cite are why they exist.
            "Firms must report ransom payments under new rules",
            "Businesses that pay a ransom after a ransomware attack must now report it within "
            "72 hours under the new rules.",
            1,
        ),
        (
            # A treaty on sharing classified information is no cyber story.
            "Japan and New Zealand sign information security agreement",
            "The leaders signed an information security agreement allowing the two countries "
            "to share classified defence information.",
            0,
        ),
    ],
)
def test_railways_police_rules_and_information_treaties(
    title: str, text: str, expected: int
) -> None:
    assert reading_of(title, text)[0] == expected


def test_an_exercise_rehearses_attacks_in_general() -> None:
    title = "UK and Japan plan joint cyber incident exercise"
    text = (
        "Officials agreed to hold a joint exercise next year to practise responding to a major "
        "cyberattack on critical infrastructure."
    )
    assert reading_of(title, text)[0] == 1


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Cyberattack knocks out card payments across New Zealand",
            "A cyberattack on a payments switch halted card transactions for six hours.",
        ),
        (
            "Boil-water notice for 640,000 homes after cyberattack on water company",
            "Hackers breached the control systems that dose chemicals at two treatment works.",
        ),
        (
            "Ransomware takes down national health claims platform",
            "A ransomware attack took down the national platform used to authorise treatments.",
        ),
    ],
)
def test_outages_across_a_state_and_control_systems_are_severe(title: str, text: str) -> None:
    assert reading_of(title, text)[0] == 3


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A cut data cable is cyber background, named in the title or twice.
            "Taiwan detains freighter after undersea cable to Matsu is cut",
            "The coast guard said the ship dragged its anchor across the cable.",
            1,
        ),
        (
            # A cable in a list of cooperation fields is passing.
            "Quad ministers meet in Washington",
            "They discussed health, climate, undersea cables and disaster relief.",
            0,
        ),
        (
            # The infrastructure the attack spared makes it no severe one.
            "Ransomware forces lithium refinery onto manual control",
            "A ransomware attack hit the company's IT network. Process control systems were "
            "isolated and not affected.",
            2,
        ),
    ],
)
def test_cables_and_spared_infrastructure(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            # A spy agency is no cyber topic without a word of cyber.
            "Researcher arrested on suspicion of passing drone data to Chinese intelligence",
            "Police said he leaked data to an officer of China's Ministry of State Security.",
            0,
        ),
        (
            "Water company switches to manual operations after ransomware hits control systems",
            "The ransomware attack encrypted the telemetry and control systems of its treatment "
            "works.",
            3,
        ),
    ],
)
def test_spy_agencies_and_headline_verbs(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Armed forces' drills around an attack are its setting, not a cyber exercise.
        (
            "Taiwan ministries hit by DDoS wave during Chinese drills",
            "Websites of two ministries were unreachable for three hours as China's military"
            " held exercises around the island.",
            2,
        ),
        # Guard: a cyber exercise still rehearses attacks in general.
        (
            "NCSC runs national cyber drill for water companies",
            "The exercise simulated a ransomware attack on a water utility.",
            1,
        ),
    ],
)
def test_military_drills_are_no_cyber_exercise(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


def test_an_agencys_warning_of_an_attributed_campaign_is_an_advisory() -> None:
    title = "UAE Cyber Security Council warns of phishing campaign by Iran-linked group"
    text = (
        "The council warned government entities about a spear-phishing campaign it attributed"
        " to an Iran-linked threat group."
    )
    assert reading_of(title, text) == (2, "act")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Once a data cable is named, "the cables" and "the Matsu cable" are it: background.
        (
            "Taiwan detains freighter after Matsu cable is cut",
            "The coast guard said an undersea cable linking the islands was severed on Sunday.",
            1,
        ),
        (
            "Finland seizes tanker after Baltic power cable fails",
            "Police said the ship damaged an undersea power cable. Investigators said the "
            "cables lay on the ship's route.",
            1,
        ),
        # A cable car or a kettle's cable is no data cable.
        ("Cable car line reopens in the Alps", "The cable was replaced over the summer.", 0),
    ],
)
def test_cables_named_once_are_read_through_the_text(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A perfect tense states the act, whatever hedge came before it ...
        (
            "Agencies published an advisory warning that a state-sponsored hacking group has "
            "compromised thousands of routers at telecom operators.",
            2,
        ),
        # ... while a warning of what hackers could do stays a warning.
        (
            "Agencies published an advisory warning that a hacking group could target routers.",
            1,
        ),
    ],
)
def test_a_perfect_tense_states_the_act(text: str, expected: int) -> None:
    assert reading_of("Allies issue router advisory", text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A club's ransomware attack named in the headline is an incident, sport or not ...
        (
            "Football club postpones ticket sales after ransomware attack",
            "The league club said a ransomware attack had encrypted its ticketing servers. The "
            "coach said the squad's first home match would go ahead.",
            2,
        ),
        # ... while one met in passing in a match report stays the match's setting.
        (
            "United beat City in the league",
            "The striker scored twice before half-time. The coach joked that the squad's "
            "defence had held up better than the club website, hit by a cyberattack last year.",
            0,
        ),
    ],
)
def test_a_sport_story_headlined_by_an_incident_reports_it(
    title: str, text: str, expected: int
) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Amendments, directives and codes of practice are policy, like laws and bills: the
        # incidents they cite are why they exist.
        (
            "Parliament passes amendment requiring 24-hour cyber incident reporting",
            "The amendment will require operators of critical infrastructure to report serious "
            "cyber incidents within 24 hours after a ransomware attack crippled a national "
            "railway.",
        ),
        (
            "Agency tightens code of practice for critical infrastructure",
            "The cybersecurity code of practice requires owners to report a cyberattack on "
            "their networks within two hours.",
        ),
        # A mandatory duty is a rule, and the sectors a bill covers are no attack's scale.
        (
            "Senate approves mandatory cyber incident reporting for utilities",
            "The Senate approved a bill requiring electricity, water, telecoms and gas "
            "companies to report serious cyber incidents to a national authority within 24 "
            "hours.",
        ),
    ],
)
def test_amendments_and_codes_of_practice_are_policy(title: str, text: str) -> None:
    assert reading_of(title, text)[0] == 1


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Under a title reporting sanctions or charges against the hackers, the spy agency
        # they served says who, not how big: an actor named (2) ...
        ("US sanctions three Chinese firms over hacking-for-hire operations", 2),
        # ... while an attribution of a years-long campaign to the agency is a state campaign.
        ("US blames Chinese state hackers for years-long campaign against defence firms", 3),
    ],
)
def test_a_spy_agency_under_a_sanctions_title_names_an_actor(title: str, expected: int) -> None:
    text = (
        "The Treasury said the companies had sold hacking services to China's Ministry of "
        "State Security and compromised email servers at US defence contractors. Officials "
        "said the hackers had stolen data from the contractors' networks."
    )
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("systems", "effect", "expected"),
    [
        # Ransomware on a utility's billing or customer systems hits its office, not its
        # plant: one organisation's incident (2) ...
        ("billing", "delaying bills to 600,000 households", 2),
        # ... on its treatment controls, critical infrastructure (3).
        ("treatment controls", "forcing staff to run plants by hand", 3),
    ],
)
def test_a_utilitys_billing_systems_are_no_critical_infrastructure(
    systems: str, effect: str, expected: int
) -> None:
    title = f"Ransomware attack disrupts {systems} at regional water utility"
    text = (
        f"A ransomware attack on the regional water utility has disrupted its {systems}, {effect}."
    )
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The headline's incident is the topic of the opening sentence's acts ...
        ("Cyberattack forces water utilities into manual operation", 3),
        # ... a headline without one leaves them a plant fault.
        ("Water utilities switch to manual operation", 0),
    ],
)
def test_the_headlines_incident_is_the_opening_sentences_topic(title: str, expected: int) -> None:
    text = (
        "Nineteen municipal water utilities switched to manual operation on Tuesday after "
        "attackers tampered with a platform used to control pumps and chemical dosing."
    )
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A named actor's intrusion into one ministry is an incident naming an actor (2) ...
        (
            "Prague blames China's APT31 for foreign ministry hack",
            "The government said APT31, a group linked to China's state security, had breached "
            "an unclassified email network at the foreign ministry.",
            2,
        ),
        # ... named as a campaign, or a years-long one, it is a major state campaign (3) ...
        (
            "Prague blames China's APT31 for years-long hacking campaign",
            "The government said APT31, a group linked to China's state security, had breached "
            "an unclassified email network at the foreign ministry.",
            3,
        ),
        # ... and so is a Typhoon, as the rubric names them ...
        (
            "Agencies blame Volt Typhoon for intrusion at a ministry",
            "The agencies said Volt Typhoon had breached an email network at the ministry.",
            3,
        ),
        # ... or an actor attributed by a coalition of states.
        (
            "Allies blame China-backed APT40 for theft of passwords",
            "Australia, the US, the UK, Canada and Japan said APT40 had breached an Australian "
            "agency and stolen hundreds of passwords.",
            3,
        ),
    ],
)
def test_a_named_actors_intrusion_is_major_only_as_a_campaign(
    title: str, text: str, expected: int
) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        # A warning that hackers are breaking into networks states the act (2) ...
        ("are breaking into", 2),
        # ... one that they could, a threat (1).
        ("could soon break into", 1),
    ],
)
def test_a_present_progressive_after_a_warning_states_the_act(verb: str, expected: int) -> None:
    title = "Agencies warn of hackers targeting routers"
    text = (
        f"The agencies warned that Iranian-linked hackers {verb} the networks of fuel "
        "station operators through a flaw in office routers."
    )
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A duty to report incidents is policy (1), even where it recalls a past attack.
        (
            "Regulator to require water firms to report cyber incidents within 24 hours",
            "Water companies will have to report significant cyber incidents within 24 hours "
            "under guidelines published on Monday. The rules follow a ransomware attack that "
            "disrupted a utility's billing in 2023.",
            1,
        ),
        # Banks reporting attacks they suffer report incidents.
        (
            "Banks report cyberattacks as payment apps go down",
            "Three banks said hackers attacked their payment systems on Friday, and customers "
            "could not log in for six hours.",
            2,
        ),
    ],
)
def test_a_duty_to_report_incidents_is_policy(title: str, text: str, expected: int) -> None:
    assert reading_of(title, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The intrusions" recall the hackers of the sentence before: an incident.
        (
            "Britain accused state-backed hackers of a three-year campaign against ministries. "
            "The intrusions compromised systems at the Cabinet Office.",
            2,
        ),
        # An act word without the article, after an unrelated sentence, recalls nothing.
        (
            "The minister spoke about hackers at a conference on Monday. Floods compromised "
            "roads across the county.",
            0,
        ),
    ],
)
def test_an_act_named_with_the_article_recalls_the_hacking_before_it(
    text: str, expected: int
) -> None:
    assert reading_of("Ministers and hackers", text)[0] == expected


def test_a_headline_naming_a_hack_makes_the_opening_act_that_hack() -> None:
    title = "Investigators study hack of parliament email server"
    text = "Officials said intruders had accessed the server for three weeks and stole messages."
    assert reading_of(title, text)[0] >= 2
    # A headline on the field, not an attack, does not.
    field = "Cyber skills week opens in Leeds"
    assert reading_of(field, "Organisers said thieves stole three laptops from the venue.")[0] == 0
