"""Hard negatives: texts that borrow risk vocabulary must stay at level 0 on every dimension."""

from __future__ import annotations

import pytest

from georisk.core.extraction import extract_article
from georisk.core.extraction.document import Document
from georisk.core.extraction.negatives import genres, strip_exclusions
from georisk.models import DIMENSIONS, Article
from georisk.scopes import default_scope

HARD_NEGATIVES = {
    "lunar new year": (
        "Celebrating Lunar New Year",
        "Chinese families mark the Lunar New Year with lion dances, firecrackers and red "
        "envelopes. The festival ends with lanterns under the full moon.",
    ),
    "cyber monday": (
        "Best Cyber Monday laptop deals",
        "Cyber Monday discounts reach 40% off. Shoppers hunting a bargain should compare "
        "each retailer; some deals need promo codes.",
    ),
    "mineral water": (
        "Is mineral water better than tap?",
        "Mineral water contains calcium and magnesium. Nutritionists say the price of "
        "bottled mineral water is rarely worth it.",
    ),
    "taiwan typhoon closures": (
        "Typhoon closes schools across Taiwan",
        "Taipei and other cities closed schools and offices as the typhoon made landfall; "
        "the weather bureau warned of heavy rain, gusts and floods.",
    ),
    "england v japan football": (
        "England 3-1 Japan: Lionesses win friendly",
        "England beat Japan in the friendly as the striker scored twice. Japan pressed high "
        "but the coach's squad held on until the final whistle.",
    ),
    "china cpi statistics": (
        "China's CPI rises 0.3% in March",
        "China's consumer price index rose 0.3% year-on-year, the statistics bureau said; "
        "producer prices fell and core inflation held steady.",
    ),
    "cyber job advert": (
        "Job description: cyber security engineer",
        "Responsibilities: respond to cyber incidents and ransomware alerts, patch "
        "vulnerabilities. Qualifications: three years of experience. Competitive salary; "
        "candidates should apply now.",
    ),
    "gallium party trick": (
        "The gallium spoon trick",
        "Hand a friend a gallium spoon and watch it melt in their tea. This fun trick uses "
        "gallium's melting point; a video shows the magic.",
    ),
    "rare earth magnet hobby": (
        "Rare earth magnets for your DIY workshop",
        "Hobbyists use neodymium rare earth magnets for craft projects. Keep them away from "
        "the fridge; the fun experiment shows how strong they are.",
    ),
    "tourism guide": (
        "Seven days in Taiwan: an itinerary",
        "Start at a night market in Taipei, take a day trip to the hot springs and visit the "
        "temples. This travel guide lists must-see scenic spots for tourists.",
    ),
    "jewellery guide": (
        "Tungsten or cobalt? Choosing a wedding band",
        "Tungsten carbide rings resist scratches but cannot be resized. Cobalt chrome has the "
        "look of platinum at a fraction of the price, and unlike tungsten it can be cut off "
        "in an emergency. It is hypoallergenic for the groom.",
    ),
    "town twinning": (
        "Welsh town and Japanese city mark 30 years of twinning",
        "The market town celebrated three decades of its twinning partnership with a city in "
        "northern Japan, as a delegation arrived to sign a friendship agreement.",
    ),
    "mayors' friendship agreement": (
        "School exchange marks 20 years of UK–Japan friendship",
        "Pupils from a Yorkshire school have returned from their twin town in Japan. The mayors "
        "of both towns signed a renewed friendship agreement pledging more youth exchanges.",
    ),
    "school cyber contest": (
        "Year 9 pupils crowned national cyber champions",
        "The winners of the schools competition solved puzzles about a fictional data breach, "
        "tracing an imaginary hacker through mock network logs to win the prize.",
    ),
    "hacking game review": (
        "Review: a hacking game set to a drum-and-bass soundtrack",
        "In this indie puzzler you breach corporate firewalls to the beat, and each successful "
        "cyberattack unlocks a level. The gameplay is generous until the boss fights.",
    ),
    "frequent-flyer guide": (
        "What the airline alliance shake-up means for UK and Japan frequent flyers",
        "Changes to the alliance's status rules affect lounge access for members who fly "
        "between London and Tokyo; codeshare flights still earn tier points.",
    ),
    "twin cities' anniversary": (
        "Edinburgh and Kyoto mark 30 years of twinning",
        "Edinburgh and Kyoto marked three decades as twin cities at an event in the Scottish "
        "Parliament's garden lobby. A delegation led by "
        "Kyoto's mayor described the partnership as a friendship. The two cities signed a new "
        "agreement pledging more exchanges between schools and universities and cooperation on "
        "managing tourism. Pupils sang a traditional Japanese song.",
    ),
    "arts season": (
        "UK-Japan Season of Culture opens in London",
        "A two-year programme of exhibitions, performances and collaborations brings together "
        "artists, choreographers and museums; a cultural partnership at the heart of the "
        "friendship between Britain and Japan.",
    ),
    "heritage writing": (
        "How cobalt blue travelled to Jingdezhen",
        "The potters of the kiln city began painting porcelain with cobalt oxide under a clear "
        "glaze during the Yuan dynasty; museum collectors prize the wares, and supply of the "
        "ore from Persia was restricted.",
    ),
    "film review": (
        "Review: Zero Day Protocol is a slick hacker thriller",
        "The film, starring a former actor turned director, follows a ransomware crew that "
        "threatens to shut down a city's power grid. The sequel is already in cinemas.",
    ),
    "advertorial": (
        "Is your small business covered if hackers strike? Cyber insurance explained",
        "Sponsored content. Could your business survive a ransomware attack? Premiums depend on "
        "your sector. Our policies start from 25 pounds a month; get a quote online or speak to "
        "our advisers.",
    ),
    "buyer's guide": (
        "Best password managers and VPNs for 2026: our picks",
        "Reusing passwords is the easiest way to get your accounts hacked. Our top pick alerts "
        "you if a password appears in a data breach; our tests found a generous free tier and a "
        "budget option.",
    ),
    "lithium medicine": (
        "Lithium prescribing: new guidance on monitoring",
        "Patients taking lithium for bipolar disorder need kidney and thyroid checks, says a "
        "working group of psychiatrists, because the gap between a safe and a toxic dose is "
        "narrow.",
    ),
    "tv review": (
        "TV review: 'The Harbour Line' is a slick spy thriller",
        "An MI5 officer hunts a Chinese handler; a hacked CCTV network and a ransomware "
        "countdown drive the drama, but the villain is thin and the twist strains belief. "
        "Three stars.",
    ),
    "go final": (
        "Chen's bold invasion falls short as Sasaki takes Asian Go Masters Cup",
        "Japan's Sasaki beat China's Chen by resignation after a daring invasion of the "
        "right-side territory. The white stones seemed encircled, and the endgame went to the "
        "younger player.",
    ),
    "civic hackathon": (
        "Students 'hack' flood warnings in a coding marathon",
        "Teams of civic hackers at the city hackathon built prototypes; the winning team and "
        "the runners-up will see their apps piloted. Nobody is breaking into anything.",
    ),
    "retail partnership": (
        "Department store signs strategic partnership with Kyoto stationery maker",
        "The British department store group has signed a strategic partnership with a Japanese "
        "stationery brand, bringing UK-Japan collections to its stores.",
    ),
    "streaming thriller": (
        "Review: 'Zero Day Summer' is a slick, silly ransomware thriller",
        "The new thriller streaming from Friday leans on every cliché of the genre: a "
        "ransomware gang seizes a fictional city's power grid and firewalls are breached in "
        "seconds.",
    ),
    "whisky partnership": (
        "Islay distillery and Osaka brewer sign partnership for cask-finished whisky",
        "Scotland and Japan share a deep respect for craft, and this is a partnership of two "
        "families, the distillery's managing director said.",
    ),
    "local history": (
        "Keswick pencil museum marks 460 years of Borrowdale graphite",
        "A new exhibition tells the local legend of the graphite mine and its smugglers; "
        "visitors can see early pencils and the mine's output of pure graphite.",
    ),
    "saleroom": (
        "Stoke bone china tea service and Qing vase lead country auction",
        "A blue-and-white Chinese vase led bidding at the auction rooms' summer sale, with "
        "tension mounting in the saleroom as two phone bidders battled over the lot.",
    ),
    "escape room": (
        "'Crack the server': cyber-themed escape room opens in York",
        'Teams race to stop a "cyber attack" timer in the new escape room, cracking'
        " passwords and solving puzzles. Group bookings are available for birthdays.",
    ),
    "pitch invasion": (
        "Shandong side docked points after pitch invasion",
        "The Chinese Football Association has deducted four points from a Super League side "
        "and ordered two home matches behind closed doors, after fans invaded the pitch and "
        "attacked an assistant referee during a league match. The club said it would not "
        "appeal.",
    ),
    "garden column": (
        "Why your pepper leaves are yellowing: a magnesium shortage",
        "Gardeners growing in compost-filled pots often see a magnesium shortage by August. "
        "Feed with Epsom salts and mulch the pots. Iron shortages show on young leaves "
        "instead; a pH kit from any garden centre will confirm it.",
    ),
    "go title match": (
        "Takano's invasion falls short as Chinese challenger takes Go title opener",
        "Japanese Go star Takano's bold invasion of the lower-right framework failed as China's "
        "Zhou took the first game of the title match. Playing black, Zhou tightened an "
        "encirclement around the white group. After a long ko fight, Takano resigned.",
    ),
    "sci-fi review": (
        "Review: the Cybermen march on London again",
        "This week's episode opens with a cyber attack of a very literal kind, as the show's "
        "villains convert commuters. The special effects are impressive and the scenes eerie.",
    ),
    "car model": (
        "Tashkent plant raises Cobalt output as demand for budget sedans grows",
        "The plant built 38,400 Chevrolet Cobalt sedans in the quarter. The Cobalt, a compact "
        "saloon, remains the best-selling car thanks to cheap spare parts.",
    ),
    "mountaineering": (
        "Japanese-British team reaches summit of unclimbed Himalayan peak",
        "A joint expedition of Japanese and British climbers reached the summit on Tuesday, in "
        "what the two countries' alpine clubs called a milestone in their partnership. The "
        "climbers left base camp at dawn and made the first ascent after crossing a glacier.",
    ),
    "shirt sponsor": (
        "Premier League club signs partnership with Japanese tyre maker",
        "The club agreed a five-year partnership with the Japanese firm, whose logo will appear on "
        "the team's shirts. The club's chief commercial officer said Japan was a growing fan "
        "market, and the company's president praised British football.",
    ),
    "airline alliance": (
        "British and Japanese airlines extend joint business partnership",
        "The two carriers agreed to extend their joint business on flights between the UK and "
        "Japan and will add a daily service to Osaka. Both belong to the oneworld alliance, and "
        "tourism between the two countries hit a record.",
    ),
    "game review": (
        "Review: a heist game that makes hacking fun",
        "The stealth thriller from a small studio lets you breach a megacorporation's network, "
        "dodge firewalls and inject worms. The best moments come from chaining exploits: hijack "
        "a turret and crash the power grid of a single floor. Few games make hacking this "
        "inventive.",
    ),
    "dragon boat": (
        "Chinese Taipei paddlers ram home late surge to beat Japan",
        "Chinese Taipei overhauled the Japanese crew in the final 50 metres of the 500m final, "
        "and the two boats clashed paddles near the line.",
    ),
    "species": (
        "Chinese water deer 'invasion' of the fens prompts call for cull",
        "Landowners say the Chinese water deer are spreading fast and want a cull before "
        "spring planting.",
    ),
    "science fiction season": (
        "Cyberpunk classics return as London festival celebrates Japanese animation",
        "A season of Japanese science-fiction opens this week, with restored prints of cult "
        "films in which hackers break into government networks and rogue programs seize "
        "control of cities. Tickets for most screenings have sold out.",
    ),
    "thriller review": (
        "Review: 'Zero Day Tide' is a slick but silly hacking thriller",
        "The series opens with a ransomware gang seizing control of a hospital. An analyst, "
        "played with weary charm by the film's star, tracks the hackers who breached the "
        "network. The hackers then attack a power grid. The villains hijack webcams. In the "
        "finale the ransomware attack on the city fails. Four stars.",
    ),
    "golf hackers": (
        "Short game drills every weekend hacker should practise",
        "Most of us weekend hackers lose more shots around the green than off the tee. These "
        "drills will save you strokes: chip to tees, then play one ball from the bunker.",
    ),
    "airline codeshare": (
        "Philippine Airlines and ANA expand codeshare partnership to 14 routes",
        "The airlines announced an expanded codeshare partnership between the Philippines and "
        'Japan. Members of both frequent-flyer programmes can earn and redeem miles. "Japan '
        'is one of our most important markets, and this strategic partnership helps," the '
        "airline said.",
    ),
    "civil partnership bill": (
        "Seimas committee backs civil partnership bill ahead of final vote",
        "The Lithuanian parliament's legal affairs committee endorsed a revised civil "
        "partnership bill. The bill would allow two adults to register a partnership agreement "
        'with a notary. Partners could end the agreement by mutual consent. "This is about '
        'families who need a signature on paper," one sponsor said. Opponents argued that '
        "the partnership agreement would undermine marriage.",
    ),
    "accountancy partners": (
        "Accountancy firm names 38 new partners, including first from Tokyo office",
        "A London-based accountancy firm has promoted 38 people to partner, including the "
        "first partner based in its Tokyo office, opened to serve Japanese companies investing "
        "in Britain. They include specialists in tax and audit, and a team that advises on "
        "deals between British and Japanese businesses. The senior partner said the firm's "
        'strategic focus on cross-border work had paid off: "Our partnership is our culture, '
        'and we welcome colleagues who have helped clients in both countries."',
    ),
    "civic twinning": (
        "Somerset town and Japanese city renew twinning partnership after 40 years",
        "Civic leaders from a Somerset market town and its Japanese twin city signed a renewed "
        "friendship agreement on Saturday, marking 40 years of a partnership. The new "
        'agreement commits both councils to expand pupil exchanges. "This UK-Japan link has '
        'been built by ordinary families," said the town mayor.',
    ),
    "civil partnership": (
        "Civil partnerships: how to register",
        "Couples in England and Wales can form a civil partnership. The partnership is "
        "formed when both partners sign the document in the presence of a registrar. You can "
        "convert it into a marriage, and the partnership agreement will be treated as having "
        "started on the original date. Give notice at the register office.",
    ),
    "cricket partnership": (
        "Openers put on record partnership as England take control",
        "The pair shared a record partnership of 287 as England took control of the Test "
        "against New Zealand. They batted through the afternoon, punishing a tiring attack; "
        "one hit three sixes before he was caught off the spinner. New Zealand finally broke "
        "the partnership at the close.",
    ),
    "retailer named a partnership": (
        "Hartley Partnership returns to profit as partners' bonus is reinstated",
        "The Hartley Partnership, the employee-owned group behind Hartley's department stores "
        "and a supermarket chain, will pay its staff, known as partners, a bonus. Profit "
        "before tax rose on strong grocery trading. The chairman said the partnership model "
        "had carried the business through store closures.",
    ),
    "artists' paints": (
        "Paint review: are cobalt and cadmium watercolours worth the price?",
        "Every watercolourist stares at a price list and wonders why one tube of cobalt blue "
        "costs three times as much as ultramarine. Genuine cobalt pigment is lightfast; "
        "cheaper hues are a blend. The swatch photos are below.",
    ),
    "cafe partnership": (
        "Coffee chain and bakery announce strategic partnership",
        "The coffee chain and a bakery announced a strategic partnership that brings pastries "
        "to 140 cafes in Australia. The partners will show the alliance at the Cafe Industry "
        "Summit in Sydney, where they launch a loyalty offer with a flat white.",
    ),
    "mountaineering expedition": (
        "Joint Japanese-British team reaches Everest summit",
        "A joint expedition of Japanese and British climbers reached the summit of Mount "
        "Everest after a weather window opened. The expedition is a partnership between a "
        "Tokyo university alpine club and a British charity, and the two sides agreed to "
        "share the permits.",
    ),
    "bone china": (
        "Potteries ride a China boom as Japanese buyers snap up bone china",
        "Orders for fine bone china from the potteries rose by a fifth, driven by buyers in "
        "Japan. Bone china is made from bone ash and kaolin and is fired at around 1,200C.",
    ),
    "china stone": (
        "Pottery reports record orders for its porcelain",
        "Orders from Japan rose by a fifth. The body is a mix of bone ash, kaolin and china "
        "stone, fired at high temperature to make it translucent.",
    ),
    "heritage tin mine": (
        "Cornish tin mine reopens to visitors after restoration of engine house",
        "A former tin mine has reopened to visitors after a restoration of its engine house, "
        "the heritage charity said. A new exhibition tells of the miners and of the strikes "
        "that followed the collapse of tin prices. The site is part of a World Heritage Site.",
    ),
    "cricket stand": (
        "Record sixth-wicket partnership rescues India against Australia",
        "A 211-run sixth-wicket partnership turned a collapse into a total. India had slumped "
        "against a fierce pace attack, absorbing short-pitched bowling, before the partnership "
        "was broken with the new ball. One of the centurions said they attacked back.",
    ),
    "cuisine": (
        "A guide to Japanese cuisine",
        "Japanese cuisine ranges from sushi and tempura to ramen. Each dish uses seasonal "
        "ingredients, and soy sauce adds flavour to noodles.",
    ),
    "darts barrels": (
        "Former world champion unveils lighter tungsten darts",
        "The former world champion will use 20-gram darts with 90% tungsten barrels at next "
        "month's Grand Slam, saying the slimmer shape helps him hit the treble 20. He tried the "
        "set in exhibitions and landed a nine-dart finish on the practice board.",
    ),
    "open-world game review": (
        "Game review: a neon heist where hacking is the fun part",
        "You play a hacker who breaks into a megacorporation's servers, and each firewall is a "
        "small puzzle. Later a cyberattack on the city's power grid plunges whole districts into "
        "darkness. The side quests are padded and the dialogue leans on cyberpunk cliches, but "
        "the open-world city is gorgeous.",
    ),
    "television review": (
        "TV review: the robots hack the capital in a festive special",
        "The metal invaders have hacked their way into the capital's power grid, and the script "
        "has fun with smart doorbells turned into spies. The guest cast are excellent, and the "
        "episode's final battle is loud. A Christmas special should be exactly this daft.",
    ),
    "schools hacking contest": (
        "Pupils 'hack' their way to a national cyber title",
        "A team of sixth-form students was crowned national champions in a schools cyber "
        "competition after breaking into a fictional firm's network. The contest's challenges "
        "included tracing a simulated ransomware attack, and the team captain said they loved "
        "working out how things break.",
    ),
    "ransomware drama review": (
        "Review: a new drama turns a hospital ransomware attack into a gripping thriller",
        "In the first episode every screen in the hospital goes black and hackers demand a "
        "ransom. The writer builds the story around an overstretched IT manager, played with "
        "nervous energy by a newcomer. A tense, well-acted series. Four stars.",
    ),
    "distribution partnership": (
        "Japanese spring water goes on sale in British shops",
        "A Japanese bottled water brand will be sold in 300 UK supermarkets after its producer "
        "struck a distribution partnership with a British drinks wholesaler. The company said "
        "the UK agreement was part of plans to double its overseas sales.",
    ),
    "fashion trend": (
        "Glitch fashion takes over Tokyo's boutiques",
        "Shirts printed with fake virus warnings and 'hacked' vintage jackets are the look of the"
        " season in Tokyo's boutiques. Stylists say the trend mocks how much of life is online, "
        "and knitwear with pixelated error messages sold out before fashion week.",
    ),
}


# Second wordings of the families, written after the rules and read once: each
# passed unchanged (they guard the families' reach beyond the first wording).
HARD_NEGATIVE_VARIANTS = {
    "lunar new year, another wording (a)": (
        "Year of the Horse: how Manchester's Chinatown will mark the festival",
        "Thousands are expected in Manchester's Chinatown this weekend as the Chinese community"
        " welcomes the Year of the Horse. Organisers said the parade would feature a 40-metre "
        "dragon, drummers and a firework display, while restaurants on Faulkner Street have "
        "extended their opening hours. Families will exchange red envelopes and share dumplings"
        " at reunion dinners.",
    ),
    "lunar new year, another wording (b)": (
        "Spring Festival travel rush begins in China",
        "Hundreds of millions of people are expected to travel across China over the coming "
        "weeks for the Spring Festival holiday, the world's largest annual migration. Railway "
        "operators added extra trains and airlines raised capacity as workers head home to "
        "celebrate the lunar new year with their families.",
    ),
    "cyber monday, another wording (a)": (
        "Cyber Monday: the best laptop deals still live",
        "Cyber Monday is here and retailers are slashing prices on laptops, tablets and "
        "headphones. We've rounded up the best discounts, including 30% off a popular ultrabook"
        " and a bargain on noise-cancelling earbuds. Prices were correct at the time of "
        "publishing; stock is limited.",
    ),
    "cyber monday, another wording (b)": (
        "Shoppers spend record sums over Black Friday weekend",
        "Online spending over the Black Friday and Cyber Monday weekend hit a record, according"
        " to figures from a payments firm, as shoppers hunted for bargains on electronics and "
        "toys. Retailers said discounts started earlier than ever this year.",
    ),
    "mineral water, another wording (a)": (
        "Sparkling mineral water sales bubble up in Japan",
        "Japanese consumers are buying more carbonated mineral water, with sales up 12% last "
        "year, a beverage industry group said. Brands sourced from springs near Mount Fuji led "
        "the growth, and convenience stores gave the bottles more shelf space over the summer.",
    ),
    "mineral water, another wording (b)": (
        "Is mineral water better for you than tap?",
        "Nutritionists say bottled mineral water can contain calcium and magnesium, but for "
        "most people tap water is just as healthy and far cheaper. The bigger benefit, they "
        "say, is simply drinking enough water through the day.",
    ),
    "typhoon closures, another wording (a)": (
        "Typhoon Gaemi: Taiwan shuts offices and schools",
        "Taiwan closed offices and schools across much of the island on Wednesday as Typhoon "
        "Gaemi approached with winds of up to 190 km/h. The Central Weather Administration "
        "warned of torrential rain in the mountains, and more than 200 domestic flights were "
        "cancelled. Ferries to the outlying islands were suspended.",
    ),
    "typhoon closures, another wording (b)": (
        "Taipei stock exchange closed as storm hits",
        "Trading was suspended on the Taiwan Stock Exchange for a second day as a powerful "
        "typhoon brought heavy rain and flooding to the north of the island. Authorities "
        "evacuated thousands of people from low-lying areas and landslides cut off roads in "
        "Hualien.",
    ),
    "england v japan, another wording (a)": (
        "England edge Japan in Rugby World Cup thriller",
        "England beat Japan 34-12 in Nice on Sunday night, with two late tries sealing the win "
        "after a tense first hour. Japan's defence held firm until the 60th minute, but "
        "England's replacements took control and the bonus point keeps them top of the pool.",
    ),
    "england v japan, another wording (b)": (
        "Lionesses to face Japan in Tokyo friendly",
        "England's women will play Japan in a friendly at the National Stadium in Tokyo in "
        "November, the Football Association confirmed. The head coach said the match would be a"
        " valuable test against one of the best passing sides in the world before next summer's"
        " tournament.",
    ),
    "china cpi, another wording (a)": (
        "China's consumer prices rise 0.5% in October",
        "China's consumer price index rose 0.5% year on year in October, the National Bureau of"
        " Statistics said on Saturday, up from 0.3% in September as food prices climbed. The "
        "producer price index fell 2.1%, extending its run of declines. Core inflation, which "
        "strips out food and energy, was 1.2%.",
    ),
    "china cpi, another wording (b)": (
        "Deflation worries linger as China's factory-gate prices slide",
        "Producer prices in China fell for a 25th month, data showed, while consumer inflation "
        "stayed close to zero. Economists said weak domestic demand and a property slump "
        "continued to weigh on prices, and expect more stimulus from Beijing next year.",
    ),
    "cyber job advert, another wording (a)": (
        "Senior Cyber Security Analyst — London (hybrid)",
        "We are looking for a Senior Cyber Security Analyst to join our security operations "
        "centre. Responsibilities include monitoring alerts, investigating incidents and "
        "improving our detection rules. The ideal candidate has five years of experience, a "
        "CISSP certification and knowledge of SIEM tools. Salary: £65,000 plus benefits. Apply "
        "now.",
    ),
    "cyber job advert, another wording (b)": (
        "Graduate scheme: cyber and threat intelligence",
        "Our graduate programme offers rotations in penetration testing, threat intelligence "
        "and incident response. Candidates should have a degree in computer science or a "
        "related field. The programme starts in September; applications close on 31 January.",
    ),
    "gallium trick, another wording (a)": (
        "Melt gallium in your hand: five kitchen science tricks",
        "Gallium is a soft metal that melts at just under 30 degrees, so a small piece will "
        "turn liquid in the palm of your hand. Science teachers love the trick of bending a "
        "gallium spoon in hot tea. Our other experiments include elephant toothpaste and a "
        "homemade lava lamp.",
    ),
    "gallium trick, another wording (b)": (
        "Why does this metal melt in your hand?",
        "Videos of a shiny spoon dissolving in a cup of coffee keep going viral. The secret is "
        "gallium, a metal with a melting point of 29.8C. It is harmless to handle, though it "
        "will stain your skin grey, and it is used in LEDs and phone chips.",
    ),
}


def test_hard_negative_tables_name_each_case_once() -> None:
    assert not HARD_NEGATIVES.keys() & HARD_NEGATIVE_VARIANTS.keys()


@pytest.mark.parametrize("kind", sorted(HARD_NEGATIVES.keys() | HARD_NEGATIVE_VARIANTS.keys()))
def test_hard_negative_stays_at_zero_on_every_dimension(kind: str) -> None:
    title, text = {**HARD_NEGATIVES, **HARD_NEGATIVE_VARIANTS}[kind]
    extraction = extract_article(Article(id=kind, title=title, text=text), default_scope())
    assert {dim: extraction.level(dim) for dim in DIMENSIONS} == dict.fromkeys(DIMENSIONS, 0)


def test_exclusion_phrases_are_blanked_without_moving_offsets() -> None:
    text = "cyber monday sales and mineral water"
    cleaned, found = strip_exclusions(text)
    assert len(cleaned) == len(text)
    assert found == ("cyber monday", "mineral water")
    assert "cyber" not in cleaned
    assert cleaned.strip().startswith("sales")


def test_register_blanks_exclusions_and_still_counts_genre_markers_inside_them() -> None:
    from georisk.core.extraction.negatives import read_register

    text = "cyber monday deals: a discount on every checkout, free shipping and coupons"
    register = read_register(Document.of(None, text))
    assert register.cleaned.startswith(" " * len("cyber monday"))
    assert len(register.cleaned) == len(text)
    assert register.excluded == ("cyber monday",)
    assert "shopping" in register.genres


def test_live_fire_drills_are_not_a_fire_drill() -> None:
    cleaned, found = strip_exclusions("the pla held live-fire drills; staff ran a fire drill")
    assert "live-fire drills" in cleaned
    assert found == ("fire drill",)


def test_inflections_of_one_marker_are_one_genre_word() -> None:
    """A flooded mine is a supply story: "flooding" and "flooded" are one weather word."""
    from georisk.core.extraction.negatives import read_register

    register = read_register(
        Document.of(None, "flooding halts a cobalt mine after heavy rains flooded its pit")
    )
    assert "weather" not in register.genres
    assert "weather" in genres(Document.of(None, "heavy rains, gusts and flooding closed schools"))


def test_a_retailer_hit_by_ransomware_keeps_its_incident() -> None:
    text = (
        "Ransomware encrypted systems at the supermarket group, halting online grocery orders "
        "and card payments in its department stores for a fifth day. The company said the "
        "hackers stole customer data, and the attack was reported to the National Cyber "
        "Security Centre. A trading update was postponed."
    )
    article = Article(id="r", title="Supermarket group hit by ransomware attack", text=text)
    assert extract_article(article, default_scope()).level("cyber") >= 2


def test_a_fashion_chain_hit_by_ransomware_keeps_its_incident() -> None:
    text = (
        "Ransomware encrypted the servers of the fashion chain, taking its online boutique "
        "offline and halting card payments in 300 stores. The company said hackers stole "
        "customer data, and stylists' appointments were cancelled for a second day."
    )
    article = Article(
        id="f", title="Fashion chain's stores disrupted by ransomware attack", text=text
    )
    assert extract_article(article, default_scope()).level("cyber") >= 2
