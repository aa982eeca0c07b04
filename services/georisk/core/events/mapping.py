"""A structured event → one `Extraction` for one scope. Pure: no I/O.

Each payload an event carries has its own rule (CAMEO code, cyber incident, export control);
every dimension starts at level 0 and the strongest finding per dimension wins.
"""

from __future__ import annotations

from georisk.core.documents import DimensionReading, Extraction
from georisk.core.events.cameo_rules import cameo_findings
from georisk.core.events.control_rules import control_findings, tracked_matches
from georisk.core.events.incident_rules import incident_findings
from georisk.core.events.readings import NO_SIGNAL, stronger
from georisk.models import DIMENSIONS, Dimension, Event, ExportControl
from georisk.scopes import ScopeConfig

RULES = (cameo_findings, incident_findings, control_findings)


def extract_event(event: Event, scope: ScopeConfig) -> Extraction:
    """Read one event on all four dimensions for `scope`."""
    readings: dict[Dimension, DimensionReading] = dict.fromkeys(DIMENSIONS, NO_SIGNAL)
    for rule in RULES:
        for dimension, reading in rule(event, scope):
            readings[dimension] = stronger(readings[dimension], reading)
    control, notes = _control_state(event, scope)
    return Extraction(
        readings=readings, countries=event_countries(event), control=control, notes=notes
    )


def event_countries(event: Event) -> tuple[str, ...]:
    """Sorted unique ISO2 of everyone the event names: actors, attribution, issuer, targets."""
    found = {event.actor1_country, event.actor2_country}
    if event.incident is not None:
        found.add(event.incident.attributed_to)
    if event.control is not None:
        found.add(event.control.issuer)
        found.update(event.control.targets or ())
    return tuple(sorted(code for code in found if code))


def _control_state(
    event: Event, scope: ScopeConfig
) -> tuple[ExportControl | None, tuple[str, ...]]:
    """The control to hold as a state: only one on a material the scope tracks."""
    control = event.control
    if control is None:
        return None, ()
    if tracked_matches(control.material, tuple(scope.materials)):
        return control, ()
    return None, (f"export control on untracked material {control.material!r} ignored",)
