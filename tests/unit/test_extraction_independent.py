"""Regression guard on the independent labelled sets in tests/fixtures/eval (see its README).

Sets A to DP have been read while tuning (A to G for `rules-12`, G to N for `rules-13`, O to X
for `rules-14`, Y to AL for `rules-15`, AM to AP for `rules-16`, AQ to BL for `rules-17`, BM
to CJ for `rules-18`, CK to DD for `rules-19`, DE to DP for `rules-20`), each scored once
before its errors were read (DE to DH on the final `rules-19`, DI to DL at f82d067, DM to DP
at d359995); DQ to DX were scored once on the final `rules-20` (their country errors were read
for `rules-21`) and DY to EF once on the final `rules-21`, never tuned on. These
floors (the figures reached, less a small margin) guard against regressions. They are not
estimates of accuracy on unseen text: the README of the fixtures gives those.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from georisk.cli.evaluate import score_labelled
from georisk.core.evaluation import Report, evaluate
from georisk.scopes import default_scope

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"

# set: (relevant-F1, significant-F1, kappa) floors; country F1 is guarded on the dev set.
FLOORS = {
    "A": (0.94, 0.93, 0.95),
    "B": (0.92, 0.94, 0.95),
    "C": (0.94, 0.93, 0.95),
    "D": (0.96, 0.94, 0.95),
    "E": (0.92, 0.90, 0.94),
    "F": (0.93, 0.93, 0.94),
    "G": (0.93, 0.95, 0.96),
    "H": (0.95, 0.90, 0.95),
    "I": (0.91, 0.94, 0.95),
    "J": (0.87, 0.91, 0.92),
    "K": (0.92, 0.94, 0.93),
    "L": (0.93, 0.94, 0.95),
    "M": (0.93, 0.94, 0.93),
    "N": (0.93, 0.93, 0.95),
    "O": (0.89, 0.94, 0.93),
    "P": (0.94, 0.95, 0.96),
    "Q": (0.93, 0.93, 0.94),
    "R": (0.95, 0.94, 0.96),
    "S": (0.94, 0.94, 0.95),
    "T": (0.95, 0.94, 0.95),
    "U": (0.95, 0.91, 0.94),
    "V": (0.91, 0.96, 0.94),
    "W": (0.92, 0.90, 0.92),
    "X": (0.92, 0.90, 0.93),
    "Y": (0.91, 0.86, 0.92),
    "Z": (0.90, 0.88, 0.91),
    "AA": (0.93, 0.90, 0.93),
    "AB": (0.93, 0.84, 0.92),
    "AC": (0.94, 0.90, 0.94),
    "AD": (0.95, 0.93, 0.94),
    "AE": (0.93, 0.85, 0.91),
    "AF": (0.90, 0.88, 0.92),
    "AG": (0.92, 0.90, 0.93),
    "AH": (0.93, 0.87, 0.92),
    "AI": (0.92, 0.92, 0.94),
    "AJ": (0.91, 0.94, 0.94),
    "AK": (0.91, 0.90, 0.92),
    "AL": (0.92, 0.92, 0.93),
    "AM": (0.92, 0.87, 0.91),
    "AN": (0.91, 0.89, 0.93),
    "AO": (0.92, 0.91, 0.91),
    "AP": (0.92, 0.94, 0.94),
    "AQ": (0.94, 0.90, 0.94),
    "AR": (0.91, 0.88, 0.90),
    "AS": (0.90, 0.92, 0.93),
    "AT": (0.94, 0.93, 0.95),
    "AU": (0.90, 0.89, 0.91),
    "AV": (0.97, 0.95, 0.96),
    "AW": (0.93, 0.92, 0.94),
    "AX": (0.90, 0.87, 0.90),
    "AY": (0.89, 0.93, 0.93),
    "AZ": (0.97, 0.90, 0.95),
    "BA": (0.95, 0.94, 0.95),
    "BB": (0.88, 0.88, 0.91),
    "BC": (0.94, 0.91, 0.94),
    "BD": (0.91, 0.94, 0.94),
    "BE": (0.93, 0.91, 0.95),
    "BF": (0.94, 0.88, 0.92),
    "BG": (0.94, 0.89, 0.93),
    "BH": (0.92, 0.93, 0.94),
    "BI": (0.92, 0.93, 0.94),
    "BJ": (0.92, 0.93, 0.93),
    "BK": (0.91, 0.89, 0.90),
    "BL": (0.92, 0.92, 0.92),
    "BM": (0.90, 0.93, 0.93),
    "BN": (0.91, 0.88, 0.90),
    "BO": (0.92, 0.92, 0.93),
    "BP": (0.90, 0.86, 0.91),
    "BQ": (0.94, 0.93, 0.95),
    "BR": (0.95, 0.93, 0.95),
    "BS": (0.92, 0.91, 0.94),
    "BT": (0.94, 0.97, 0.96),
    "BU": (0.92, 0.96, 0.95),
    "BV": (0.96, 0.98, 0.97),
    "BW": (0.95, 0.91, 0.95),
    "BX": (0.95, 0.90, 0.93),
    "BY": (0.95, 0.95, 0.96),
    "BZ": (0.97, 0.96, 0.97),
    "CA": (0.94, 0.92, 0.94),
    "CB": (0.94, 0.91, 0.95),
    "CC": (0.93, 0.94, 0.95),
    "CD": (0.94, 0.91, 0.94),
    "CE": (0.94, 0.96, 0.95),
    "CF": (0.90, 0.94, 0.94),
    "CG": (0.93, 0.94, 0.94),
    "CH": (0.92, 0.95, 0.95),
    "CI": (0.93, 0.94, 0.95),
    "CJ": (0.94, 0.92, 0.95),
    "CK": (0.91, 0.94, 0.94),
    "CL": (0.95, 0.90, 0.94),
    "CM": (0.94, 0.89, 0.94),
    "CN": (0.94, 0.93, 0.95),
    "CO": (0.95, 0.91, 0.94),
    "CP": (0.95, 0.94, 0.96),
    "CQ": (0.92, 0.92, 0.94),
    "CR": (0.94, 0.93, 0.94),
    "CS": (0.93, 0.94, 0.95),
    "CT": (0.97, 0.92, 0.95),
    "CU": (0.95, 0.90, 0.95),
    "CV": (0.94, 0.92, 0.94),
    "CW": (0.97, 0.97, 0.97),
    "CX": (0.92, 0.90, 0.92),
    "CY": (0.95, 0.92, 0.95),
    "CZ": (0.94, 0.92, 0.94),
    "DA": (0.95, 0.93, 0.94),
    "DB": (0.91, 0.88, 0.92),
    "DC": (0.94, 0.92, 0.94),
    "DD": (0.95, 0.92, 0.94),
    "DE": (0.93, 0.94, 0.94),
    "DF": (0.93, 0.93, 0.95),
    "DG": (0.93, 0.86, 0.91),
    "DH": (0.90, 0.93, 0.92),
    "DI": (0.94, 0.92, 0.95),
    "DJ": (0.95, 0.90, 0.94),
    "DK": (0.92, 0.94, 0.95),
    "DL": (0.93, 0.92, 0.95),
    "DM": (0.96, 0.92, 0.95),
    "DN": (0.95, 0.91, 0.94),
    "DO": (0.95, 0.94, 0.96),
    "DP": (0.89, 0.94, 0.94),
    "DQ": (0.96, 0.93, 0.94),
    "DR": (0.94, 0.91, 0.94),
    "DS": (0.92, 0.92, 0.92),
    "DT": (0.96, 0.94, 0.96),
    "DU": (0.91, 0.90, 0.93),
    "DV": (0.95, 0.93, 0.95),
    "DW": (0.95, 0.95, 0.96),
    "DX": (0.92, 0.92, 0.93),
    "DY": (0.94, 0.94, 0.95),
    "DZ": (0.96, 0.95, 0.95),
    "EA": (0.92, 0.87, 0.92),
    "EB": (0.95, 0.94, 0.95),
    "EC": (0.95, 0.88, 0.93),
    "ED": (0.92, 0.93, 0.94),
    "EE": (0.91, 0.94, 0.94),
    "EF": (0.96, 0.95, 0.96),
}
# Hard negatives flagged at most: I keeps one, a consumer-safety story on lithium-ion power
# banks whose "restrictions" read as a supply measure; Y one; AW one, a video game's patch
# notes ("defensive pacts", "trade embargoes") read as partnership background. BH's retailer
# named "the Hartley Partnership" and CR's cricket report ("a record fourth-wicket
# partnership") read 0 since rules-19's retail and cricket markers; DB's two, a pottery's
# "china stone fired at high temperature" and a restored tin mine's history of "strikes",
# since their fixes (after DA to DD's one reading); CM's Doctor Who review, DF's darts
# player's tungsten barrels, DG's "System Breach" fashion pop-up and DH's cyberpunk game
# since rules-20's screen, fashion and darts markers; DK's schools hacking contest and DL's
# mineral water bottler (read once at f82d067) since rules-20's contest markers and salts; DP's
# ransomware drama review and spring water distribution deal (read once at d359995) since the
# review-headline rule and the trading-deal phrases. DY keeps one, a video game's patch notes
# ("adds new ransomware quickhack") read as cyber 2, and EA one, a school's twenty years of
# partnership with a Japanese sister school read as partnership 1 (both read once on the final
# rules-21 and left as read).
MAX_HARD_FP = {
    "I": 1 / 7,
    "Y": 1 / 7,
    "AW": 1 / 7,
    "DY": 1 / 7,
    "EA": 1 / 7,
}


@cache
def report(name: str) -> Report:
    lines = (EVAL / f"independent_{name}.jsonl").read_bytes().splitlines()
    items, predictions = score_labelled(lines, default_scope())
    return evaluate(items, predictions)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_macro_figures_stay_above_their_floors(name: str) -> None:
    r = report(name)
    reached = (r.macro_relevant_f1, r.macro_significant_f1, r.macro_kappa)
    assert all(got >= floor for got, floor in zip(reached, FLOORS[name], strict=True)), reached


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_hard_negatives_stay_quiet(name: str) -> None:
    assert report(name).macro_hard_negative_fp_rate <= MAX_HARD_FP.get(name, 0.0)
