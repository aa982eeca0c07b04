"""Generate the georisk Grafana dashboard from code.

    .venv/bin/python deploy/grafana/generate.py           # write dashboards/georisk.json
    .venv/bin/python deploy/grafana/generate.py --check   # exit 1 if the committed JSON is stale

The JSON is committed so Grafana's file provisioning can load it without Python; tests regenerate
it and fail on drift. Every query uses the provisioned data source (uid `prometheus`) and only the
series registered in services/georisk/io/metrics.py (plus Prometheus' own `up`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TypeVar

from grafana_foundation_sdk.builders import bargauge, stat, statetimeline, timeseries
from grafana_foundation_sdk.builders import common as common_builders
from grafana_foundation_sdk.builders import dashboard as dashboard_builders
from grafana_foundation_sdk.builders import prometheus as prom_builders
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common
from grafana_foundation_sdk.models import dashboard as models

OUTPUT = Path(__file__).resolve().parent / "dashboards" / "georisk.json"
DASHBOARD_UID = "georisk"
DATASOURCE = models.DataSourceRef(type_val="prometheus", uid="prometheus")

# Band thresholds from DESIGN.md: elevated >= 84, high >= 97.7 (critical is rule-based, not a
# score threshold, so it has no line on a score axis).
ELEVATED = 84.0
HIGH = 97.7
# GeoRiskEventToScoreLatencyHigh fires above this p99 (deploy/prometheus/rules/georisk.yml).
LATENCY_ALERT_S = 5.0

# Label filters driven by the dashboard variables.
SCOPED = 'scope=~"$scope", horizon=~"$horizon"'
BY_SERIES = "{{dimension}} · {{horizon}}"

PanelT = TypeVar("PanelT", timeseries.Panel, stat.Panel, bargauge.Panel, statetimeline.Panel)


def query(expr: str, legend: str = "__auto", *, instant: bool = False) -> prom_builders.Dataquery:
    builder = prom_builders.Dataquery().expr(expr).legend_format(legend).datasource(DATASOURCE)
    return builder.instant() if instant else builder.range()


def with_queries(panel: PanelT, *queries: prom_builders.Dataquery) -> PanelT:
    """Attach queries with refIds A, B, … (the SDK leaves refId empty otherwise)."""
    for ref, builder in zip("ABCDEFGH", queries, strict=False):
        panel.with_target(builder.ref_id(ref))
    return panel


def thresholds(*steps: tuple[float | None, str]) -> dashboard_builders.ThresholdsConfig:
    return (
        dashboard_builders.ThresholdsConfig()
        .mode(models.ThresholdsMode.ABSOLUTE)
        .steps([models.Threshold(value=value, color=color) for value, color in steps])
    )


def band_thresholds() -> dashboard_builders.ThresholdsConfig:
    return thresholds((None, "green"), (ELEVATED, "orange"), (HIGH, "red"))


def band_mappings() -> list[models.ValueMapping]:
    names = [("low", "green"), ("elevated", "orange"), ("high", "red"), ("critical", "dark-red")]
    return [
        models.ValueMap(
            options={
                str(level): models.ValueMappingResult(text=text, color=color, index=level)
                for level, (text, color) in enumerate(names)
            }
        )
    ]


def legend_table() -> common_builders.VizLegendOptions:
    return (
        common_builders.VizLegendOptions()
        .display_mode(common.LegendDisplayMode.TABLE)
        .placement(common.LegendPlacement.RIGHT)
        .show_legend(True)
        .calcs(["lastNotNull", "max"])
    )


def score_panel(title: str, metric: str, description: str) -> timeseries.Panel:
    panel = (
        timeseries.Panel()
        .title(title)
        .description(description)
        .datasource(DATASOURCE)
        .span(24)
        .height(9)
        .min(0)
        .max(100)
        .decimals(1)
        .thresholds(band_thresholds())
        .thresholds_style(
            common_builders.GraphThresholdsStyleConfig().mode(
                common.GraphThresholdsStyleMode.LINE_AND_AREA
            )
        )
        .legend(legend_table())
    )
    expr = f'max by (dimension, horizon) ({metric}{{{SCOPED}, dimension!="composite"}})'
    return with_queries(panel, query(expr, BY_SERIES))


def risk_row(builder: dashboard_builders.Dashboard) -> None:
    builder.with_row(dashboard_builders.Row("Risk"))

    composite = (
        stat.Panel()
        .title("Composite score")
        .description(
            "Composite of the threat dimensions per horizon, before and after the partnership "
            "offset. Colour follows the bands: orange from 84 (elevated), red from 97.7 (high)."
        )
        .datasource(DATASOURCE)
        .span(8)
        .height(7)
        .min(0)
        .max(100)
        .decimals(1)
        .thresholds(band_thresholds())
        .graph_mode(common.BigValueGraphMode.AREA)
        .color_mode(common.BigValueColorMode.BACKGROUND)
    )
    builder.with_panel(
        with_queries(
            composite,
            query(
                f'max by (horizon) (georisk_score{{{SCOPED}, dimension="composite"}})',
                "score · {{horizon}}",
            ),
            query(
                f'max by (horizon) (georisk_adjusted_score{{{SCOPED}, dimension="composite"}})',
                "adjusted · {{horizon}}",
            ),
        )
    )

    bands = (
        stat.Panel()
        .title("Current band")
        .description(
            "Band per dimension and horizon as the worker holds it (with its hysteresis): "
            "low, elevated, high or critical. Critical comes from explicit multi-source rules."
        )
        .datasource(DATASOURCE)
        .span(16)
        .height(7)
        .min(0)
        .max(3)
        .mappings(band_mappings())
        .thresholds(thresholds((None, "green"), (1, "orange"), (2, "red"), (3, "dark-red")))
        .graph_mode(common.BigValueGraphMode.NONE)
        .color_mode(common.BigValueColorMode.BACKGROUND)
        .text_mode(common.BigValueTextMode.VALUE_AND_NAME)
    )
    builder.with_panel(
        with_queries(
            bands,
            query(f"max by (dimension, horizon) (georisk_band{{{SCOPED}}})", BY_SERIES),
        )
    )

    builder.with_panel(
        score_panel(
            "Score by dimension and horizon",
            "georisk_score",
            "Risk score 0-100 per threat dimension before the partnership offset; fast horizon "
            "(3-day half-life) reacts to news, slow (30-day) shows the trend. Shaded bands: "
            "elevated from 84, high from 97.7.",
        )
    )
    builder.with_panel(
        score_panel(
            "Adjusted score (after partnership offset)",
            "georisk_adjusted_score",
            "S' = S · (1 − α·P): the score after cooperation between the scope's members offsets "
            "part of the risk (α capped per dimension).",
        )
    )

    offset = (
        timeseries.Panel()
        .title("Partnership offset")
        .description("Partnership strength P (0-1) that discounts the threat scores.")
        .datasource(DATASOURCE)
        .span(8)
        .height(8)
        .unit("percentunit")
        .min(0)
        .max(1)
    )
    builder.with_panel(
        with_queries(
            offset,
            query(
                f"max by (horizon) (georisk_partnership_offset{{{SCOPED}}})",
                "P · {{horizon}}",
            ),
        )
    )

    attention = (
        timeseries.Panel()
        .title("Attention index (100 = baseline)")
        .description(
            "Share of all attention going to each dimension, normalised so 100 is its usual "
            "share and 200 twice it. The score ranks this index against its own history."
        )
        .datasource(DATASOURCE)
        .span(8)
        .height(8)
        .min(0)
    )
    builder.with_panel(
        with_queries(
            attention,
            query(
                f'max by (dimension, horizon) (georisk_index{{{SCOPED}, dimension!="composite"}})',
                BY_SERIES,
            ),
        )
    )

    # Signed 24 h change of the five series that moved most (either way).
    delta = f"delta(georisk_score{{{SCOPED}}}[24h])"
    movers = (
        bargauge.Panel()
        .title("Top movers (24 h)")
        .description(
            "The five scores that changed most over the last 24 hours, with the sign of the "
            "change (red: rising risk, green: falling)."
        )
        .datasource(DATASOURCE)
        .span(8)
        .height(8)
        .min(-50)
        .max(50)
        .decimals(1)
        .thresholds(thresholds((None, "green"), (0, "red")))
        .orientation(common.VizOrientation.HORIZONTAL)
        .display_mode(common.BarGaugeDisplayMode.BASIC)
    )
    builder.with_panel(
        with_queries(
            movers,
            query(
                f"{delta} and topk(5, abs({delta}))",
                "{{scope}} {{dimension}} · {{horizon}}",
                instant=True,
            ),
        )
    )


def pipeline_row(builder: dashboard_builders.Dashboard) -> None:
    builder.with_row(dashboard_builders.Row("Pipeline"))

    outcomes = (
        timeseries.Panel()
        .title("Message outcomes")
        .description(
            "Input messages per second by topic and outcome: scored, irrelevant (no signal), "
            "duplicate (reprint of a story already counted) or deadletter (bad input)."
        )
        .datasource(DATASOURCE)
        .span(12)
        .height(8)
        .unit("ops")
        .fill_opacity(30)
        .stacking(common_builders.StackingConfig().mode(common.StackingMode.NORMAL))
    )
    builder.with_panel(
        with_queries(
            outcomes,
            query(
                "sum by (topic, outcome) (rate(georisk_messages_total[$__rate_interval]))",
                "{{topic}} · {{outcome}}",
            ),
        )
    )

    deadletters = (
        timeseries.Panel()
        .title("Dead-letters by reason")
        .description(
            "Messages sent to georisk.deadletter.v1 per second, by reason (not JSON, wrong "
            "types, empty text, absurd timestamp, oversize, …)."
        )
        .datasource(DATASOURCE)
        .span(6)
        .height(8)
        .unit("ops")
        .draw_style(common.GraphDrawStyle.BARS)
        .fill_opacity(80)
    )
    builder.with_panel(
        with_queries(
            deadletters,
            query(
                "sum by (reason) (rate(georisk_deadletters_total[$__rate_interval]))",
                "{{reason}}",
            ),
        )
    )

    ratio = (
        stat.Panel()
        .title("Dead-letter ratio")
        .description(
            "Share of input dead-lettered over the last 5 minutes. "
            "GeoRiskDeadLetterRate fires above 5 % on a topic."
        )
        .datasource(DATASOURCE)
        .span(6)
        .height(8)
        .unit("percentunit")
        .decimals(2)
        .thresholds(thresholds((None, "green"), (0.01, "orange"), (0.05, "red")))
        .graph_mode(common.BigValueGraphMode.AREA)
    )
    builder.with_panel(
        with_queries(
            ratio,
            query(
                'sum(rate(georisk_messages_total{outcome="deadletter"}[5m]))'
                " / sum(rate(georisk_messages_total[5m]))",
                "dead-lettered",
            ),
        )
    )

    latency = (
        timeseries.Panel()
        .title("Event-to-score latency")
        .description(
            "Time from a message's arrival at the broker to its score being published, "
            "p50 and p99 across workers. The red line is the p99 alert threshold."
        )
        .datasource(DATASOURCE)
        .span(24)
        .height(8)
        .unit("s")
        .min(0)
        .thresholds(thresholds((None, "green"), (LATENCY_ALERT_S, "red")))
        .thresholds_style(
            common_builders.GraphThresholdsStyleConfig().mode(
                common.GraphThresholdsStyleMode.DASHED
            )
        )
    )
    buckets = "sum by (le) (rate(georisk_event_to_score_seconds_bucket[$__rate_interval]))"
    builder.with_panel(
        with_queries(
            latency,
            query(f"histogram_quantile(0.5, {buckets})", "p50"),
            query(f"histogram_quantile(0.99, {buckets})", "p99"),
        )
    )


def delivery_row(builder: dashboard_builders.Dashboard) -> None:
    builder.with_row(dashboard_builders.Row("Alerts and health"))

    alerts = (
        timeseries.Panel()
        .title("Alerts emitted (per hour)")
        .description(
            "Band-change alerts the worker published to georisk.alerts.v1, by dimension and the "
            "band entered, counted over the preceding hour."
        )
        .datasource(DATASOURCE)
        .span(12)
        .height(8)
        .decimals(0)
        .min(0)
        .draw_style(common.GraphDrawStyle.BARS)
        .fill_opacity(80)
    )
    builder.with_panel(
        with_queries(
            alerts,
            query(
                'sum by (dimension, band) (increase(georisk_alerts_total{scope=~"$scope"}[1h]))',
                "{{dimension}} → {{band}}",
            ),
        )
    )

    webhooks = (
        timeseries.Panel()
        .title("Webhook deliveries")
        .description(
            "Webhook attempts per second by outcome: delivered, retried (back-off after a 5xx, "
            "429 or timeout), failed (rejected with another 4xx) and deadletter (retries "
            "exhausted). Failed or deadletter fires GeoRiskWebhookDeliveryFailures."
        )
        .datasource(DATASOURCE)
        .span(12)
        .height(8)
        .unit("ops")
        .min(0)
    )
    builder.with_panel(
        with_queries(
            webhooks,
            query(
                "sum by (outcome) (rate(georisk_webhook_deliveries_total[$__rate_interval]))",
                "{{outcome}}",
            ),
        )
    )

    readiness = (
        statetimeline.Panel()
        .title("Worker readiness")
        .description(
            "Per worker: scraped (up) and ready (partitions assigned, broker reachable; "
            "/readyz answers 200). A worker is briefly not ready during every rebalance."
        )
        .datasource(DATASOURCE)
        .span(16)
        .height(8)
        .mappings(
            [
                models.ValueMap(
                    options={
                        "0": models.ValueMappingResult(text="no", color="red", index=0),
                        "1": models.ValueMappingResult(text="yes", color="green", index=1),
                    }
                )
            ]
        )
        .thresholds(thresholds((None, "red"), (1, "green")))
    )
    builder.with_panel(
        with_queries(
            readiness,
            query('up{job="georisk"}', "{{instance}} up"),
            query("georisk_ready", "{{instance}} ready"),
        )
    )

    workers = (
        stat.Panel()
        .title("Workers")
        .description("Workers scraped and workers ready now.")
        .datasource(DATASOURCE)
        .span(8)
        .height(8)
        .decimals(0)
        .thresholds(thresholds((None, "red"), (1, "green")))
        .graph_mode(common.BigValueGraphMode.NONE)
    )
    builder.with_panel(
        with_queries(
            workers,
            query('sum(up{job="georisk"})', "up", instant=True),
            query("sum(georisk_ready)", "ready", instant=True),
        )
    )


def variables(builder: dashboard_builders.Dashboard) -> None:
    builder.with_variable(
        dashboard_builders.QueryVariable("scope")
        .label("Scope")
        .description("Partnership scope (from the scope file).")
        .datasource(DATASOURCE)
        .query("label_values(georisk_score, scope)")
        .refresh(models.VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(models.VariableSort.ALPHABETICAL_ASC)
        .multi(True)
        .include_all(True)
    )
    builder.with_variable(
        dashboard_builders.QueryVariable("horizon")
        .label("Horizon")
        .description("fast: 3-day half-life; slow: 30-day half-life.")
        .datasource(DATASOURCE)
        .query('label_values(georisk_score{scope=~"$scope"}, horizon)')
        .refresh(models.VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(models.VariableSort.ALPHABETICAL_ASC)
        .multi(True)
        .include_all(True)
    )


def build() -> models.Dashboard:
    builder = (
        dashboard_builders.Dashboard("georisk — geopolitical risk")
        .uid(DASHBOARD_UID)
        .description(
            "Rolling geopolitical risk scores of each partnership scope, and the health of the "
            "scoring pipeline (messages, dead-letters, latency, alerts, webhooks, readiness)."
        )
        .tags(["georisk"])
        .timezone("utc")
        .time("now-7d", "now")
        .refresh("1m")
        .tooltip(models.DashboardCursorSync.CROSSHAIR)
    )
    variables(builder)
    risk_row(builder)
    pipeline_row(builder)
    delivery_row(builder)
    dashboard = builder.build()
    # The SDK leaves panel ids unset; Grafana needs them unique (links, repeats, embedding).
    for panel_id, panel in enumerate(dashboard.panels or [], start=1):
        panel.id_val = panel_id
    return dashboard


def render() -> str:
    return json.dumps(build(), cls=JSONEncoder, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed dashboard is out of date"
    )
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.stderr.write(f"{OUTPUT} is stale: run deploy/grafana/generate.py\n")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
