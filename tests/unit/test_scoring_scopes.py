"""A second scope from a YAML file is scored with no code change."""

from __future__ import annotations

from pathlib import Path

from georisk.core.scoring import ScoringEngine
from georisk.scopes import load_scopes
from tests.unit.test_scoring_helpers import at, doc

AU_JP = """
scopes:
  - name: au-jp
    title: Australia–Japan economic security
    members: [AU, JP]
    partners: [US, IN, KR]
    materials: [lithium, rare earths, nickel]
    agreements:
      - name: Reciprocal Access Agreement (AU–JP)
        in_force_from: 2023-08-13T00:00:00Z
        strength: 0.4
        source: test fixture
    controls:
      - name: rare earth licensing
        materials: [rare earths]
        measure: licensing
        effective_from: 2025-04-04T00:00:00Z
        source: test fixture
    offset_alpha: {china_tension: 0.05, cyber: 0.1, minerals: 0.2}
"""


def test_second_scope_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "scopes.yaml"
    path.write_text(AU_JP, encoding="utf-8")
    scopes = {scope.name: scope for scope in load_scopes(path)}
    assert {"gb-jp", "au-jp"} <= set(scopes)
    scope = scopes["au-jp"]
    engine = ScoringEngine(scope)
    for i in range(200):
        signals = [("minerals", 2)] if i % 5 == 0 else []
        engine.ingest(doc(f"d{i}", at(i), signals, scope=scope))
    updates = engine.scores()
    assert len(updates) == 10
    assert {u.scope for u in updates} == {"au-jp"}
    minerals = [u for u in updates if u.dimension == "minerals"]
    assert all(u.score >= 50.0 for u in minerals)  # one rare-earth control in force: floor 50
    # P_struct = 0.4 from the one agreement; offset cap α = 0.2 on minerals
    for u in minerals:
        assert u.partnership_offset >= 0.2
        assert u.score - u.adjusted_score <= 0.2 * u.score + 1e-9
