"""The shipped reference boards read cleanly: no boxes on top of each other, zones that
frame whole components, nothing left unconnected; and the deep dives the content review
asked for exist and are answered."""

from __future__ import annotations

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.board.elements import Component, Connector, Zone
from sdi_desktop.domain.problems import read_problem_file
from sdi_desktop.domain.problems.reference import reference_board

BUILTIN = paths.resource_root("problems")
WITH_REFERENCE = sorted(
    path.stem
    for path in BUILTIN.glob("*.toml")
    if "\n[reference]\n" in path.read_text(encoding="utf-8")
)


def _board(problem_id: str) -> list:
    return reference_board(read_problem_file(BUILTIN / f"{problem_id}.toml"))


def _overlap(a, b) -> float:
    """The area two rectangles share (0 when they only touch or are apart)."""
    width = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    height = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return max(0.0, width) * max(0.0, height)


def test_the_shipped_problems_include_references():
    assert "chat-system" in WITH_REFERENCE and "metrics-monitoring" in WITH_REFERENCE


@pytest.mark.parametrize("problem_id", WITH_REFERENCE)
def test_no_two_components_of_a_reference_board_overlap(problem_id):
    components = [e for e in _board(problem_id) if isinstance(e, Component)]
    clashes = [
        (a.id, b.id)
        for i, a in enumerate(components)
        for b in components[i + 1 :]
        if _overlap(a, b) > 0
    ]
    assert clashes == []


@pytest.mark.parametrize("problem_id", WITH_REFERENCE)
def test_a_zone_frames_whole_components_only(problem_id):
    elements = _board(problem_id)
    components = [e for e in elements if isinstance(e, Component)]
    cut = [
        (zone.title, c.id)
        for zone in (e for e in elements if isinstance(e, Zone))
        for c in components
        if 0 < _overlap(zone, c) < c.w * c.h
    ]
    assert cut == []


@pytest.mark.parametrize("problem_id", WITH_REFERENCE)
def test_every_component_of_a_reference_board_is_connected(problem_id):
    elements = _board(problem_id)
    ends = {end for e in elements if isinstance(e, Connector) for end in (e.source, e.target)}
    loose = [
        e.id
        for e in elements
        if isinstance(e, Component) and e.id not in ends and e.kind != "monitoring"
    ]
    assert loose == []


@pytest.mark.parametrize(
    ("problem_id", "topic"),
    [
        ("chat-system", "Presence and group fan-out"),
        ("collaborative-editor", "Permissions and cursor presence"),
    ],
)
def test_the_deep_dives_asked_for_by_the_review_exist_and_are_answered(problem_id, topic):
    problem = read_problem_file(BUILTIN / f"{problem_id}.toml")
    dive = next(d for d in problem.deep_dives if d.topic == topic)
    assert 2 <= len(dive.options) <= 5
    picks = {p.topic: p.pick for p in problem.reference.deep_dives}
    assert picks[topic] in {o.name for o in dive.options}
