"""GDELT event rows (tab-separated, no header) → `Event`. Pure: lines in, events out.

Three layouts are accepted, told apart by their column count:

| layout          | columns | event time                          | source URL |
|-----------------|---------|-------------------------------------|------------|
| 1.0 daily       | 58      | SQLDATE (YYYYMMDD, 00:00 UTC)       | last column |
| 1.0 backfile    | 57      | SQLDATE (YYYYMMDD, 00:00 UTC)       | none       |
| 2.0 export      | 61      | DATEADDED (YYYYMMDDHHMMSS, UTC)     | last column |

1.0 rows carry no time of day, and their DATEADDED is a day stamp of GDELT's processing (the
backfile's is its 2013 load date), so SQLDATE is the event time there. 2.0's DATEADDED is the
15-minute capture time, the closest thing to a publication time GDELT offers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from georisk.core.events.cameo import country_to_iso2
from georisk.models import Event

# Columns 0–34 sit at the same place in every layout (the 2.0 ADM2 columns come after them).
_ID, _SQLDATE, _ACTOR1_COUNTRY, _ACTOR2_COUNTRY = 0, 1, 7, 17
_EVENT_CODE, _QUAD_CLASS, _GOLDSTEIN, _NUM_MENTIONS, _NUM_SOURCES, _AVG_TONE = (
    26,
    29,
    30,
    31,
    32,
    34,
)


@dataclass(frozen=True, slots=True)
class GdeltLayout:
    """Where one GDELT layout keeps the fields that differ between layouts."""

    name: str
    columns: int
    time_column: int
    time_field: str
    time_width: int
    url_column: int | None


V1_DAILY = GdeltLayout("1.0 daily export", 58, _SQLDATE, "SQLDATE", 8, 57)
V1_BACKFILE = GdeltLayout("1.0 historical backfile", 57, _SQLDATE, "SQLDATE", 8, None)
V2_EXPORT = GdeltLayout("2.0 export", 61, 59, "DATEADDED", 14, 60)
LAYOUTS: dict[int, GdeltLayout] = {
    layout.columns: layout for layout in (V1_DAILY, V1_BACKFILE, V2_EXPORT)
}


class GdeltFormatError(ValueError):
    """A line that is not a GDELT event row; `line` is 1-based."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason

    def __reduce__(self) -> tuple[type[GdeltFormatError], tuple[int, str]]:
        return (GdeltFormatError, (self.line, self.reason))


def split_row(line: str) -> list[str]:
    """Fields of one row; only the line terminator is stripped (trailing fields may be empty)."""
    return line.rstrip("\r\n").split("\t")


def layout_of(fields: list[str], line_no: int) -> GdeltLayout:
    """The layout a row's column count identifies, or a GdeltFormatError."""
    layout = LAYOUTS.get(len(fields))
    if layout is None:
        expected = "57 (1.0 backfile), 58 (1.0 daily) or 61 (2.0 export)"
        raise GdeltFormatError(
            line_no, f"expected {expected} tab-separated columns, found {len(fields)}"
        )
    return layout


def parse_gdelt_line(line: str, line_no: int) -> Event:
    """One GDELT row → Event; raises GdeltFormatError naming the line and what is wrong."""
    fields = split_row(line)
    layout = layout_of(fields, line_no)
    raw_id = fields[_ID]
    if not raw_id.isdigit():
        raise GdeltFormatError(line_no, f"GLOBALEVENTID is not a number: {raw_id!r}")
    field = _FieldReader(fields, line_no)
    url = fields[layout.url_column] if layout.url_column is not None else ""
    try:
        return Event(
            id=f"gdelt-{raw_id}",
            source="gdelt",
            occurred_at=field.timestamp(layout.time_column, layout.time_field, layout.time_width),
            actor1_country=country_to_iso2(fields[_ACTOR1_COUNTRY]),
            actor2_country=country_to_iso2(fields[_ACTOR2_COUNTRY]),
            code=field.event_code(),
            quad_class=field.bounded_int(_QUAD_CLASS, "QuadClass", 1, 4),
            goldstein=field.bounded_float(_GOLDSTEIN, "GoldsteinScale", (-10.0, 10.0)),
            num_mentions=field.bounded_int(_NUM_MENTIONS, "NumMentions", 0, None),
            num_sources=field.bounded_int(_NUM_SOURCES, "NumSources", 0, None),
            tone=field.bounded_float(_AVG_TONE, "AvgTone", None),
            url=url.strip() or None,
        )
    except ValidationError as exc:  # a field the checks above do not cover; keep the reason
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise GdeltFormatError(line_no, f"invalid {where}: {first['msg']}") from exc


def iter_gdelt_events(lines: Iterable[str]) -> Iterator[Event | GdeltFormatError]:
    """Each non-blank line as an Event, or the GdeltFormatError it raised, in input order.

    Errors are yielded, not raised, so a caller can dead-letter them and go on.
    """
    for line_no, line in enumerate(lines, start=1):
        if line_no == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield parse_gdelt_line(line, line_no)
        except GdeltFormatError as error:
            yield error


def read_gdelt_events(lines: Iterable[str]) -> Iterator[Event]:
    """Strict variant of `iter_gdelt_events`: raises the first GdeltFormatError."""
    for item in iter_gdelt_events(lines):
        if isinstance(item, GdeltFormatError):
            raise item
        yield item


class _FieldReader:
    """Typed access to a row's fields; empty numeric fields read as None."""

    __slots__ = ("fields", "line_no")

    def __init__(self, fields: list[str], line_no: int) -> None:
        self.fields = fields
        self.line_no = line_no

    def _fail(self, reason: str) -> GdeltFormatError:
        return GdeltFormatError(self.line_no, reason)

    def timestamp(self, column: int, name: str, width: int) -> datetime:
        """YYYYMMDD (width 8) or YYYYMMDDHHMMSS (width 14), in UTC."""
        raw = self.fields[column].strip()
        shape = "YYYYMMDD" if width == 8 else "YYYYMMDDHHMMSS"
        if len(raw) != width or not raw.isdigit():
            raise self._fail(f"{name} is not a {shape} date: {raw!r}")
        digits = raw.ljust(14, "0")  # a 1.0 day stamp means 00:00:00 UTC
        try:
            return datetime(
                int(digits[0:4]),
                int(digits[4:6]),
                int(digits[6:8]),
                int(digits[8:10]),
                int(digits[10:12]),
                int(digits[12:14]),
                tzinfo=UTC,
            )
        except ValueError as exc:
            raise self._fail(f"{name} is not a valid date: {raw!r} ({exc})") from None

    def event_code(self) -> str | None:
        raw = self.fields[_EVENT_CODE].strip()
        if not raw:
            return None
        if not raw.isdigit() or not 2 <= len(raw) <= 4:
            raise self._fail(f"EventCode is not a CAMEO code: {raw!r}")
        return raw

    def bounded_int(self, column: int, name: str, low: int, high: int | None) -> int | None:
        raw = self.fields[column].strip()
        if not raw:
            return None
        try:
            value = int(raw)
        except ValueError:
            raise self._fail(f"{name} is not an integer: {raw!r}") from None
        if value < low or (high is not None and value > high):
            bounds = f"{low}..{high}" if high is not None else f">= {low}"
            raise self._fail(f"{name} {value} is out of range ({bounds})")
        return value

    def bounded_float(
        self, column: int, name: str, bounds: tuple[float, float] | None
    ) -> float | None:
        raw = self.fields[column].strip()
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise self._fail(f"{name} is not a number: {raw!r}") from None
        if not math.isfinite(value):
            raise self._fail(f"{name} is not finite: {raw!r}")
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            raise self._fail(f"{name} {value:g} is out of range ({bounds[0]:g}..{bounds[1]:g})")
        return value
