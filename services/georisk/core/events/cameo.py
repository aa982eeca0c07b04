"""CAMEO lookups: event-code labels, QuadClass of a code, CAMEO actor country → ISO-3166 alpha-2.

Labels are short forms of the CAMEO 1.1b3 codebook names (root and three-digit base codes), used
only to make evidence strings readable. A four-digit code reads as its three-digit base.
"""

from __future__ import annotations

import pycountry

ROOT_LABELS: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "diplomatic cooperation",
    "06": "material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "unconventional mass violence",
}

BASE_LABELS: dict[str, str] = {
    "036": "intent to meet or negotiate",
    "040": "consult",
    "041": "discuss by telephone",
    "042": "make a visit",
    "043": "host a visit",
    "046": "negotiate",
    "051": "praise or endorse",
    "057": "sign formal agreement",
    "061": "cooperate economically",
    "062": "cooperate militarily",
    "063": "judicial cooperation",
    "064": "share intelligence",
    "071": "economic aid",
    "072": "military aid",
    "111": "criticize or denounce",
    "112": "accuse",
    "113": "rally opposition",
    "114": "complain officially",
    "115": "bring lawsuit",
    "116": "find guilty",
    "121": "reject material cooperation",
    "125": "reject proposal to negotiate",
    "128": "defy norms, law",
    "130": "threaten",
    "131": "threaten non-force",
    "132": "threaten administrative sanctions",
    "137": "threaten repression",
    "138": "threaten military force",
    "139": "give ultimatum",
    "150": "demonstrate military power",
    "151": "increase police alert",
    "152": "increase military alert",
    "153": "mobilize police",
    "154": "mobilize armed forces",
    "155": "mobilize cyber forces",
    "160": "reduce relations",
    "161": "break diplomatic relations",
    "162": "stop material aid",
    "163": "embargo, boycott or sanctions",
    "164": "halt negotiations",
    "166": "expel or withdraw",
    "171": "seize or damage property",
    "172": "administrative sanctions",
    "173": "arrest or detain",
    "174": "expel or deport individuals",
    "175": "violent repression",
    "176": "cyber attack",
    "181": "abduct or take hostage",
    "182": "physical assault",
    "183": "bombing",
    "185": "attempted assassination",
    "186": "assassinate",
    "190": "conventional military force",
    "191": "blockade",
    "192": "occupy territory",
    "193": "small arms fighting",
    "194": "artillery and tanks",
    "195": "aerial weapons",
    "196": "violate ceasefire",
    "200": "mass violence",
    "201": "mass expulsion",
    "202": "mass killings",
    "203": "ethnic cleansing",
    "204": "weapons of mass destruction",
}

# CAMEO codes that differ from current ISO 3166-1 alpha-3 (codes ISO itself used before a change).
_CAMEO_ALIASES: dict[str, str] = {"ROM": "RO", "ZAR": "CD", "TMP": "TL"}
_ISO3_TO_ISO2: dict[str, str] = {
    **{country.alpha_3: country.alpha_2 for country in pycountry.countries},
    **_CAMEO_ALIASES,
}


def root_of(code: str) -> str:
    """The two-digit CAMEO root of an event code ("1384" → "13")."""
    return code[:2]


def label_of(code: str) -> str:
    """Readable label: the code's base label if known, else its root's."""
    return BASE_LABELS.get(code[:3]) or ROOT_LABELS.get(root_of(code), "unknown event type")


def quad_class_of(code: str) -> int | None:
    """GDELT's QuadClass of a CAMEO code: 1 verbal/2 material cooperation, 3 verbal/4 material
    conflict (roots 01–05, 06–09, 10–14, 15–20)."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return None


def country_to_iso2(cameo_country: str) -> str | None:
    """ISO-3166 alpha-2 of a CAMEO actor country; None for regions (EUR, AFR...) and unknowns."""
    return _ISO3_TO_ISO2.get(cameo_country.strip().upper()) if cameo_country else None
