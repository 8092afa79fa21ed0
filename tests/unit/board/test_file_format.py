import json
from pathlib import Path

import pytest

from sdi_desktop.domain.board import file_format
from sdi_desktop.domain.board.elements import Component, Connector, Stroke, TextNote, Zone
from sdi_desktop.domain.board.file_format import BoardFormatError
from sdi_desktop.domain.board.schema_v1 import json_schema

ROOT = Path(__file__).resolve().parents[3]


def sample():
    return [
        Zone(id="z", title="Write path", x=-20, y=-20, w=600, h=200),
        Component(id="a", kind="load_balancer", label="LB", x=0, y=0, note="L7"),
        Component(id="b", kind="cache", label="Redis", x=300, y=0),
        Connector(id="ab", source="a", target="b", label="get", style="async", arrows="both"),
        TextNote(id="t", text="hot keys?", x=10, y=120, size=16),
        Stroke(id="s", points=[(0, 0), (5, 7.5), (9, 9)], width=3, color="accent"),
    ]


def test_json_round_trip_keeps_everything_in_order():
    text = file_format.dumps(sample(), indent=2)
    assert json.loads(text)["version"] == 2  # the app writes the current version
    assert file_format.loads(text) == sample()


def test_unknown_component_kind_loads_as_a_box():
    data = file_format.to_data([Component(id="a", kind="cache")])
    data["elements"][0]["kind"] = "quantum_computer"
    assert file_format.from_data(data)[0].kind == "box"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(version=99), "version 99 is not supported"),
        (lambda d: d.update(format="other"), "'format' must be 'sdi-board'"),
        (lambda d: d["elements"][1].update(x="left"), "elements[1] (component a).x"),
        (lambda d: d["elements"][1].pop("w"), "elements[1] (component a).w: Field required"),
        (lambda d: d["elements"][3].update(target="ghost"), "(connector ab).target: 'ghost'"),
        (lambda d: d["elements"][2].update(id="a"), "id 'a' is used twice"),
        (lambda d: d["elements"][3].update(style="wavy"), "(connector ab).style"),
        (lambda d: d["elements"][0].update(w=-5), "(zone z).w: Input should be greater than 0"),
        (lambda d: d["elements"][5].update(points=[]), "(stroke s).points"),
        (lambda d: d["elements"][1].update(extra=1), "(component a).extra"),
        (lambda d: d["elements"].append({"type": "blob", "id": "q"}), "(blob q)"),
    ],
)
def test_bad_documents_are_rejected_with_a_message_naming_the_problem(mutate, message):
    data = file_format.to_data(sample())
    mutate(data)
    with pytest.raises(BoardFormatError) as exc:
        file_format.from_data(data)
    assert message in str(exc.value)


def test_not_json_and_not_an_object():
    with pytest.raises(BoardFormatError, match="not valid JSON"):
        file_format.loads("{nope")
    with pytest.raises(BoardFormatError, match="JSON object"):
        file_format.loads("[1, 2]")


def test_committed_schema_matches_the_models():
    committed = json.loads((ROOT / "schemas" / "board-v1.schema.json").read_text())
    assert committed == json_schema()
    assert set(committed["$defs"]) >= {"ComponentV1", "ConnectorV1", "ZoneV1"}


def test_a_version_1_board_keeps_loading_with_one_instance_per_component():
    v1 = {
        "format": "sdi-board",
        "version": 1,
        "elements": [
            {"type": "component", "id": "a", "kind": "service", "x": 0, "y": 0, "w": 132, "h": 76},
            {"type": "component", "id": "b", "kind": "sql_db", "x": 200, "y": 0, "w": 132, "h": 76},
            {"type": "connector", "id": "ab", "source": "a", "target": "b"},
        ],
    }
    a, b, ab = file_format.from_data(v1)
    assert (a.kind, a.instances, b.instances) == ("service", 1, 1)
    assert (ab.source, ab.target) == ("a", "b")
    # written again, it is a version 2 board with the same content
    again = json.loads(file_format.dumps([a, b, ab]))
    assert again["version"] == 2
    assert file_format.from_data(again) == [a, b, ab]


def test_version_1_has_no_instance_count_and_version_2_bounds_it():
    data = file_format.to_data([Component(id="a", kind="service", instances=3)])
    assert data["version"] == 2 and data["elements"][0]["instances"] == 3
    assert file_format.from_data(data)[0].instances == 3
    old = dict(data, version=1)
    with pytest.raises(BoardFormatError, match=r"\(component a\)\.instances"):
        file_format.from_data(old)
    for bad in (0, 100, 2.5, "3", True):
        data["elements"][0]["instances"] = bad
        with pytest.raises(BoardFormatError, match=r"\(component a\)\.instances"):
            file_format.from_data(data)


def test_committed_v2_schema_matches_the_models():
    from sdi_desktop.domain.board.schema_v2 import json_schema as json_schema_v2

    committed = json.loads((ROOT / "schemas" / "board-v2.schema.json").read_text())
    assert committed == json_schema_v2()
    assert committed["$defs"]["ComponentV2"]["properties"]["instances"]["maximum"] == 99
