"""Issue 14, friction: elbow (orthogonal) connectors, stored as board format version 2.

Version 2 is version 1 plus a connector's optional ``routing``; a board with no elbow
is still written as version 1, and version 1 files keep loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdi_desktop.domain.board import file_format
from sdi_desktop.domain.board.elements import Component, Connector
from sdi_desktop.domain.board.file_format import BoardFormatError
from sdi_desktop.domain.board.schema_v2 import json_schema

ROOT = Path(__file__).resolve().parents[3]


def board(routing: str = "straight"):
    return [
        Component(id="a", kind="service", x=0, y=0),
        Component(id="b", kind="cache", x=300, y=200),
        Connector(id="c", source="a", target="b", routing=routing),
    ]


def test_friction_an_elbow_connector_is_written_as_version_2_and_read_back():
    text = file_format.dumps(board("orthogonal"))
    data = json.loads(text)
    assert data["version"] == 2
    assert data["elements"][2]["routing"] == "orthogonal"
    assert file_format.loads(text) == board("orthogonal")


def test_friction_a_straight_connector_stores_no_routing():
    data = json.loads(file_format.dumps(board()))
    assert data["version"] == 2 and "routing" not in data["elements"][2]


def test_friction_older_version_1_boards_still_load():
    v1 = {
        "format": "sdi-board",
        "version": 1,
        "elements": [
            {"type": "component", "id": "a", "kind": "service", "x": 0, "y": 0, "w": 132, "h": 76},
            {
                "type": "component",
                "id": "b",
                "kind": "cache",
                "x": 300,
                "y": 200,
                "w": 132,
                "h": 76,
            },
            {"type": "connector", "id": "c", "source": "a", "target": "b"},
        ],
    }
    elements = file_format.from_data(v1)
    assert elements[2].routing == "straight"


def test_friction_routing_is_refused_in_version_1_and_checked_in_version_2():
    data = file_format.to_data(board("orthogonal"))
    data["version"] = 1
    for item in data["elements"]:
        item.pop("instances", None)  # version 2's other field, to see routing refused
    with pytest.raises(BoardFormatError, match=r"elements\[2\] \(connector c\)\.routing"):
        file_format.from_data(data)
    data["version"] = 2
    data["elements"][2]["routing"] = "curvy"
    with pytest.raises(BoardFormatError, match=r"elements\[2\] \(connector c\)\.routing"):
        file_format.from_data(data)


def test_friction_committed_v2_schema_matches_the_models():
    committed = json.loads((ROOT / "schemas" / "board-v2.schema.json").read_text())
    assert committed == json_schema()
