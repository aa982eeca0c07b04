"""Firms and sports bodies that stand for their home state when a headline names them.

"China tells infrastructure operators to stop buying Micron products" involves the United
States though the text never names it; the labelled data list the home state of a firm a
headline is about, and a reader would too. The table holds firms that news in the product's
domains names by themselves: chipmakers and platforms of export-control and sanction stories,
producers of the watched materials, defence makers and well-known victims of cyber incidents;
and the leagues and tournaments of sports pieces ("Premier League 2023/24 results thread").
Names that are also everyday words or places ("Apple", "Intel", "Vale") are left out: a
title-case headline capitalises every word. Only the headline counts; a firm named in the
body is as often a comparison ("buyers out of a Tesla") or an example as the subject.
"""

from __future__ import annotations

import re

from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import trie_pattern
from georisk.core.extraction.rules import preceded

FIRMS: dict[str, str] = {
    # Chips, devices and platforms.
    "Huawei": "CN",
    "ZTE": "CN",
    "SMIC": "CN",
    "Hikvision": "CN",
    "DJI": "CN",
    "TikTok": "CN",
    "ByteDance": "CN",
    "Alibaba": "CN",
    "Tencent": "CN",
    "Xiaomi": "CN",
    "TSMC": "TW",
    "Foxconn": "TW",
    "MediaTek": "TW",
    "Samsung": "KR",
    "SK Hynix": "KR",
    "Micron": "US",
    "Nvidia": "US",
    "Microsoft": "US",
    "ASML": "NL",
    "Rapidus": "JP",
    "Kaspersky": "RU",
    # Vehicles and batteries.
    "Tesla": "US",
    "BYD": "CN",
    "CATL": "CN",
    "Toyota": "JP",
    "Jaguar Land Rover": "GB",
    # Producers of the watched materials.
    "Lynas": "AU",
    "Iluka": "AU",
    "Pilbara Minerals": "AU",
    "BHP": "AU",
    "MP Materials": "US",
    "Albemarle": "US",
    "Tianqi": "CN",
    "Ganfeng": "CN",
    "Zijin": "CN",
    "CMOC": "CN",
    "Tsingshan": "CN",
    "Glencore": "CH",
    "Umicore": "BE",
    "Nornickel": "RU",
    "SQM": "CL",
    "Codelco": "CL",
    # Defence and aerospace.
    "BAE Systems": "GB",
    "Rolls-Royce": "GB",
    "Boeing": "US",
    "Lockheed Martin": "US",
    # Victims of cyber incidents that news names alone.
    "Marks & Spencer": "GB",
    "M&S": "GB",
    "Royal Mail": "GB",
    "Colonial Pipeline": "US",
    "SolarWinds": "US",
}

# Leagues and tournaments of sports pieces. A league is often named after its place
# ("Indian Premier League", "Bangladesh Premier League"), so one qualified by a capitalised
# word before it is not taken for the home state's.
LEAGUES: dict[str, str] = {
    "Premier League": "GB",
    "Wimbledon": "GB",
    "Bundesliga": "DE",
    "La Liga": "ES",
    "Serie A": "IT",
    "J.League": "JP",
    "NBA": "US",
    "NFL": "US",
    "Roland Garros": "FR",
    "Tour de France": "FR",
}
HOME_STATES = {**FIRMS, **LEAGUES}

# "&" is part of a name ("M&S"), so it is a word character at both ends here.
_NAMED = re.compile(r"(?<![\w&])(?:" + trie_pattern(HOME_STATES) + r")(?![\w&])")
# "Indian Premier League": a capitalised word right before the name.
_QUALIFIER = re.compile(r"[A-Z][\w'’.\-]*\s+$")


def headline_organisations(doc: Document) -> set[str]:
    """The home states of the firms and leagues the headline names ("Micron" → US)."""
    states = set()
    for m in _NAMED.finditer(doc.text, 0, doc.title_end):
        name = m.group()
        if name not in LEAGUES or not preceded(doc.text, m.start(), _QUALIFIER, 30):
            states.add(HOME_STATES[name])
    return states
