"""The alert state machine: hysteresis, dwell, cooldown, escalation, velocity, new highs."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from georisk.core.alerts import AlertConfig, AlertEngine, alert_id
from georisk.core.alerts.highs import RollingMax
from georisk.core.alerts.velocity import VelocityWindow
from georisk.models import Alert, Band, EvidenceItem, ScoreUpdate

T0 = datetime(2026, 3, 2, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
EVIDENCE = [EvidenceItem(doc_id="d1", title="Drills", level=3, contribution=2.5)]


def update(
    hours: float,
    score: float,
    band: Band = "low",
    *,
    index: float = 100.0,
    n_docs: int = 50,
    horizon: str = "fast",
    dimension: str = "china_tension",
) -> ScoreUpdate:
    return ScoreUpdate.model_validate(
        {
            "scope": "gb-jp",
            "dimension": dimension,
            "horizon": horizon,
            "index": index,
            "score": score,
            "band": band,
            "partnership_offset": 0.0,
            "adjusted_score": score,
            "n_docs": n_docs,
            "as_of": T0 + timedelta(hours=hours),
            "delta_24h": 0.0,
            "top_evidence": [item.model_dump() for item in EVIDENCE],
            "model_version": "test",
        }
    )


def feed(engine: AlertEngine, steps: list[tuple[float, float, Band]]) -> list[Alert]:
    alerts: list[Alert] = []
    for hours, score, band in steps:
        alerts += engine.observe_score(update(hours, score, band), NOW)
    return alerts


def transitions(alerts: list[Alert]) -> list[tuple[float, str, str]]:
    return [
        ((a.as_of - T0).total_seconds() / 3600, a.band_from, a.band_to)
        for a in alerts
        if a.kind == "band_change"
    ]


NO_BYPASS = AlertConfig(escalation_bypasses_cooldown=False)
NO_DWELL = AlertConfig(min_dwell=timedelta(0))


@pytest.mark.parametrize(
    ("config", "steps", "expected"),
    [
        pytest.param(
            AlertConfig(),
            [(h, 80.0 if h % 2 else 90.0, "low") for h in range(48)],
            [(0.0, "low", "elevated")],
            id="oscillating-80-90-alerts-once",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 83.9, "low"), (1, 84.0, "low")],
            [(1.0, "low", "elevated")],
            id="entry-at-threshold",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 85, "low"), (8, 74.5, "low")],
            [(0.0, "low", "elevated")],
            id="hysteresis-holds-above-exit",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 85, "low"), (1, 60, "low"), (5.9, 60, "low"), (6, 60, "low")],
            [(0.0, "low", "elevated"), (6.0, "elevated", "low")],
            id="dwell-then-leave",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 99, "low"), (7, 50, "low")],
            [(0.0, "low", "high"), (7.0, "high", "low")],
            id="high-straight-to-low",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 99, "low"), (7, 80, "low")],
            [(0.0, "low", "high"), (7.0, "high", "elevated")],
            id="high-to-elevated",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 99, "low"), (7, 88, "low")],
            [(0.0, "low", "high")],
            id="high-held-at-88",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 85, "low"), (0.25, 98, "low")],
            [(0.0, "low", "elevated"), (0.25, "elevated", "high")],
            id="escalation-bypasses-cooldown",
        ),
        pytest.param(
            NO_BYPASS,
            [(0, 85, "low"), (0.25, 98, "low"), (1, 98, "low")],
            [(0.0, "low", "elevated"), (1.0, "elevated", "high")],
            id="escalation-waits-without-bypass",
        ),
        pytest.param(
            NO_DWELL,
            [(0, 85, "low"), (0.5, 60, "low"), (1, 60, "low")],
            [(0.0, "low", "elevated"), (1.0, "elevated", "low")],
            id="downgrade-waits-out-cooldown",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 70, "critical"), (2, 99, "high"), (7, 99, "high")],
            [(0.0, "low", "critical"), (7.0, "critical", "high")],
            id="critical-is-the-scorers-call",
        ),
        pytest.param(
            AlertConfig(),
            [(0, 85, "low"), (3, 99, "low"), (8, 60, "low"), (9.5, 60, "low")],
            [(0.0, "low", "elevated"), (3.0, "elevated", "high"), (9.5, "high", "low")],
            id="dwell-counts-from-the-last-entry",
        ),
    ],
)
def test_band_transitions(
    config: AlertConfig,
    steps: list[tuple[float, float, Band]],
    expected: list[tuple[float, str, str]],
) -> None:
    alerts = feed(AlertEngine(config), steps)
    assert transitions(alerts) == expected


@given(st.lists(st.floats(min_value=80.0, max_value=90.0), min_size=1, max_size=200))
@settings(max_examples=200, deadline=None)
def test_noise_inside_the_hysteresis_band_never_flaps(scores: list[float]) -> None:
    alerts = feed(AlertEngine(), [(i * 0.5, score, "low") for i, score in enumerate(scores)])
    expected = [(0.0, "low", "elevated")] if any(s >= 84.0 for s in scores) else []
    assert [(frm, to) for _, frm, to in transitions(alerts)] == [(f, t) for _, f, t in expected]


@given(
    st.lists(
        st.tuples(st.floats(min_value=0.0, max_value=100.0), st.sampled_from(["low", "critical"])),
        min_size=1,
        max_size=150,
    )
)
@settings(max_examples=200, deadline=None)
def test_alert_stream_is_consistent_for_any_input(steps: list[tuple[float, Band]]) -> None:
    config = AlertConfig()
    alerts = feed(AlertEngine(config), [(i * 0.75, s, b) for i, (s, b) in enumerate(steps)])
    bands = [a for a in alerts if a.kind == "band_change"]
    # Each alert starts where the previous one ended, and never repeats a band.
    assert all(a.band_from != a.band_to for a in bands)
    assert all(prev.band_to == nxt.band_from for prev, nxt in itertools.pairwise(bands))
    order = ["low", "elevated", "high", "critical"]
    for prev, nxt in itertools.pairwise(bands):
        gap = nxt.as_of - prev.as_of
        if order.index(nxt.band_to) < order.index(nxt.band_from):
            assert gap >= config.min_dwell  # a downgrade only after the dwell time
        else:
            assert gap >= timedelta(0)


def test_only_the_configured_horizon_and_fresh_updates_count() -> None:
    engine = AlertEngine()
    assert engine.observe_score(update(0, 99, horizon="slow"), NOW) == []
    assert len(engine.observe_score(update(5, 99), NOW)) == 1
    assert engine.observe_score(update(20, 10), NOW) != []  # high -> low after dwell
    assert engine.observe_score(update(10, 99), NOW) == []  # stale: older than the last seen
    assert engine.band("gb-jp", "china_tension") == "low"


def test_alert_fields_and_ids_are_deterministic() -> None:
    steps: list[tuple[float, float, Band]] = [(0, 85, "low"), (2, 99, "low"), (12, 40, "low")]
    first = feed(AlertEngine(), steps)
    again = feed(AlertEngine(), steps)
    assert [a.id for a in first] == [a.id for a in again]
    assert len({a.id for a in first}) == 3
    alert = first[1]
    assert (alert.kind, alert.scope, alert.dimension) == ("band_change", "gb-jp", "china_tension")
    assert (alert.score, alert.as_of, alert.emitted_at) == (99.0, T0 + timedelta(hours=2), NOW)
    assert alert.evidence == EVIDENCE
    assert "reached high" in alert.reason
    assert "fell below 74" in first[2].reason
    tokyo = timezone(timedelta(hours=9))
    same_instant = alert.as_of.astimezone(tokyo)
    assert alert_id("gb-jp", "china_tension", "band_change", "high", same_instant) == alert.id


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="elevated < high"):
        AlertConfig(elevated=99.0, high=90.0)
    with pytest.raises(ValueError, match="velocity_slots"):
        AlertConfig(velocity_slots=0)


# --- velocity ---------------------------------------------------------------------------------

FAST = AlertConfig(velocity_baseline_windows=2)


def docs(
    engine: AlertEngine, start_h: float, end_h: float, n: int, sources: list[str], tag: str
) -> list[Alert]:
    """n documents spread evenly over [start_h, end_h), sources taken round-robin."""
    alerts: list[Alert] = []
    step = (end_h - start_h) / n
    for i in range(n):
        when = T0 + timedelta(hours=start_h + i * step)
        source = sources[i % len(sources)]
        alerts += engine.observe_document("gb-jp", "cyber", f"{tag}-{i}", source, when, NOW)
    return alerts


BASELINE = ["a", "b"]


@pytest.mark.parametrize(
    ("n", "sources", "fires"),
    [
        pytest.param(10, ["s1", "s2", "s3"], True, id="three-sources-double-rate"),
        pytest.param(50, ["s1"], False, id="single-source-flood"),
        pytest.param(50, ["s1", "s2"], False, id="two-sources-flood"),
        pytest.param(7, ["s1", "s2", "s3", "s4"], False, id="below-double"),
        pytest.param(8, ["s1", "s2", "s3"], True, id="exactly-double"),
    ],
)
def test_velocity_spike(n: int, sources: list[str], fires: bool) -> None:
    engine = AlertEngine(FAST)
    # Two quiet hours at 4 documents an hour warm the baseline up (mean 4).
    assert docs(engine, 0, 2, 8, BASELINE, "base") == []
    alerts = docs(engine, 2, 3, n, sources, "spike")
    assert len(alerts) == (1 if fires else 0)
    if fires:
        assert alerts[0].kind == "velocity"
        assert alerts[0].as_of == T0 + timedelta(hours=3)  # on the slot grid
        assert "against a mean of 4.0" in alerts[0].reason


def test_velocity_needs_a_warm_baseline_and_ignores_repeats() -> None:
    engine = AlertEngine(FAST)
    assert docs(engine, 0, 0.5, 20, ["s1", "s2", "s3"], "cold") == []  # no baseline yet
    engine = AlertEngine(FAST)
    docs(engine, 0, 2, 8, BASELINE, "base")
    repeats = [
        engine.observe_document("gb-jp", "cyber", "same", f"s{i}", T0 + timedelta(hours=2.1), NOW)
        for i in range(30)
    ]
    assert repeats == [[]] * 30


def test_sustained_velocity_respects_the_cooldown() -> None:
    engine = AlertEngine(FAST)
    docs(engine, 0, 2, 8, BASELINE, "base")
    alerts = docs(engine, 2, 2.9, 30, ["s1", "s2", "s3"], "spike")
    alerts += docs(engine, 2.9, 3.5, 60, ["s1", "s2", "s3"], "more")
    assert len(alerts) == 1
    alerts = docs(engine, 3.5, 4.5, 200, ["s1", "s2", "s3"], "later")
    assert len(alerts) == 1  # an hour on, the still-rising rate may alert again


def test_velocity_window_memory_is_bounded() -> None:
    window = VelocityWindow(timedelta(minutes=10), 6, 3, 3, dedupe_capacity=100)
    for i in range(20_000):
        window.add(f"d{i}", f"s{i % 50}", T0 + timedelta(seconds=30 * i))
    assert len(window) <= 6 * 4
    assert len(window._seen) == 100
    assert all(len(slot.sources) <= 3 for slot in window._slots.values())


# --- new high ---------------------------------------------------------------------------------


def daily(engine: AlertEngine, days: range, index: float, n_docs: int = 50) -> list[Alert]:
    alerts: list[Alert] = []
    for day in days:
        alerts += engine.observe_score(update(day * 24, 50, index=index, n_docs=n_docs), NOW)
    return alerts


@pytest.mark.parametrize(
    ("history_days", "index", "n_docs", "fires"),
    [
        pytest.param(40, 150.0, 50, True, id="new-high"),
        pytest.param(40, 150.0, 19, False, id="below-volume-floor"),
        pytest.param(40, 100.0, 50, False, id="equal-is-not-new"),
        pytest.param(20, 150.0, 50, False, id="history-too-short"),
    ],
)
def test_new_high(history_days: int, index: float, n_docs: int, fires: bool) -> None:
    engine = AlertEngine()
    assert daily(engine, range(history_days), 100.0) == []
    alerts = engine.observe_score(update(history_days * 24, 50, index=index, n_docs=n_docs), NOW)
    assert [a.kind for a in alerts] == (["new_high"] if fires else [])
    if fires:
        assert "above the 365-day maximum 100.0" in alerts[0].reason
        assert alerts[0].band_from == alerts[0].band_to == "low"


def test_new_high_thin_fluke_neither_fires_nor_masks_and_cooldown_holds() -> None:
    engine = AlertEngine()
    daily(engine, range(40), 100.0)
    assert daily(engine, range(40, 41), 900.0, n_docs=2) == []
    assert [a.kind for a in daily(engine, range(41, 42), 120.0)] == ["new_high"]
    later = engine.observe_score(update(41 * 24 + 5, 50, index=130.0), NOW)
    assert later == []  # within the 24 h cooldown


def test_new_high_history_rolls_off_after_a_year() -> None:
    engine = AlertEngine()
    daily(engine, range(40), 100.0)
    daily(engine, range(40, 41), 300.0)  # the record, alerted once
    assert daily(engine, range(41, 300), 100.0) == []
    assert daily(engine, range(300, 301), 200.0) == []  # 300 is still within 365 days
    daily(engine, range(301, 406), 100.0)
    assert [a.kind for a in daily(engine, range(406, 407), 250.0)] == ["new_high"]


def test_rolling_max_memory_is_bounded() -> None:
    highs = RollingMax(timedelta(days=1), 365)
    for hour in range(24 * 800):
        highs.add(T0 + timedelta(hours=hour), float(hour % 97))
    assert len(highs) <= 365
    highs.add(T0 + timedelta(days=420), 1000.0)  # too late for the window: dropped
    assert highs.prior_max(T0 + timedelta(days=799)) == 96.0
    highs.add(T0 + timedelta(days=500), 1000.0)  # late but in the window: merged
    assert len(highs) <= 365
    assert highs.prior_max(T0 + timedelta(days=799)) == 1000.0


def test_engine_keys_are_bounded() -> None:
    engine = AlertEngine(AlertConfig(max_keys=3))
    for scope in ("a", "b", "c", "d", "e"):
        engine.observe_score(update(0, 10).model_copy(update={"scope": scope}), NOW)
    assert len(engine) == 3


def test_velocity_alert_carries_the_current_band_score_and_evidence() -> None:
    engine = AlertEngine(FAST)
    engine.observe_score(update(0, 90, dimension="cyber"), NOW)
    docs(engine, 0, 2, 8, BASELINE, "base")
    [alert] = docs(engine, 2, 3, 10, ["s1", "s2", "s3"], "spike")
    assert (alert.band_from, alert.band_to, alert.score) == ("elevated", "elevated", 90.0)
    assert alert.evidence == EVIDENCE
    assert alert.id == alert_id("gb-jp", "cyber", "velocity", "elevated", alert.as_of)
