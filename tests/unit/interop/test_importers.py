"""Importing the fixtures of each Excalidraw schema generation and draw.io variant
(tests/data/interop, made by tests/data/interop/make_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi_desktop.domain.board.elements import Component, Connector, Stroke, TextNote, Zone
from sdi_desktop.domain.interop.importer import import_file

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"


def parts(name: str, page: int | None = None):
    result = import_file(DATA / name, page)
    elements = result.elements
    comps = [e for e in elements if isinstance(e, Component)]
    by_id = {c.id: c.label for c in comps}
    links = [
        (by_id[c.source], by_id[c.target], c.label, c.style, c.arrows)
        for c in elements
        if isinstance(c, Connector)
    ]
    return result, [(c.kind, c.label) for c in comps], links, elements


def test_2021_free_text_over_shapes_labels_them_and_text_nodes_become_components():
    result, comps, links, elements = parts("excalidraw-2021-free-text.excalidraw")
    assert comps == [
        ("load_balancer", "LB (nginx)"),
        ("sql_db", "Postgres"),
        ("client", "Users"),  # a bare text that an arrow is bound to
    ]
    assert ("LB (nginx)", "Postgres", "", "sync", "end") in links
    assert ("Users", "LB (nginx)", "", "sync", "end") in links
    # the arrow with one free end is kept as a drawing; the lone text stays a note
    assert sum(isinstance(e, Stroke) for e in elements) == 1
    assert [e.text for e in elements if isinstance(e, TextNote)] == ["remember: 10k rps"]
    assert result.report.guessed == 3


def test_2023_bound_text_labels_shapes_and_arrows_and_images_are_counted():
    result, comps, links, _ = parts("excalidraw-2023-bound-text.excalidraw")
    assert comps == [("service", "Order service"), ("queue", "RabbitMQ")]
    assert links == [("Order service", "RabbitMQ", "order placed", "async", "end")]
    assert result.report.images == 1
    assert "left out: 1 image" in result.report.summary()  # the deleted one is not counted


def test_2024_frames_and_grouped_outlines_become_zones():
    result, comps, links, elements = parts("excalidraw-2024-frames.excalidraw")
    zones = sorted(e.title for e in elements if isinstance(e, Zone))
    assert zones == ["Read path", "Workers"]
    assert ("api_gateway", "API gateway") in comps and ("cache", "Redis") in comps
    assert ("box", "thumbnailer") in comps  # nothing to guess from: a plain box
    assert links == [("API gateway", "Redis", "", "sync", "both")]
    assert sum(isinstance(e, Stroke) for e in elements) == 2  # freedraw and the loose line
    assert result.report.left_out["embeddable"] == 1


def test_2025_elbow_arrows_with_fixed_points_connect():
    _, comps, links, _ = parts("excalidraw-2025-elbow.excalidraw")
    assert comps == [("stream", "Kafka"), ("worker", "Stream consumer")]
    assert links == [("Kafka", "Stream consumer", "", "sync", "end")]


def test_a_grouped_icon_is_one_component_and_arrows_to_its_parts_reach_it():
    _, comps, links, elements = parts("excalidraw-library-icon.excalidraw")
    assert comps == [("sql_db", "Orders DB"), ("service", "Order service")]
    assert links == [("Order service", "Orders DB", "", "sync", "end")]
    assert not any(isinstance(e, Stroke) for e in elements)  # its line went into the icon


def test_clipboard_json_and_the_skeleton_form():
    _, comps, links, _ = parts("excalidraw-clipboard.json")
    assert comps == [("object_store", "S3 bucket"), ("cdn", "CDN")]
    assert links == [("CDN", "S3 bucket", "origin fetch", "sync", "end")]


@pytest.mark.parametrize(
    "name", ["excalidraw-embedded.excalidraw.svg", "excalidraw-embedded.excalidraw.png"]
)
def test_excalidraw_images_with_the_scene_embedded(name):
    _, comps, links, _ = parts(name)
    assert comps == [("service", "Order service"), ("queue", "RabbitMQ")]
    assert links == [("Order service", "RabbitMQ", "order placed", "async", "end")]


def test_a_drawio_png_with_its_diagram_inside():
    _, comps, _, _ = parts("drawio-embedded.drawio.png")
    assert comps == DRAWIO_ARCHITECTURE


def test_obsidian_notes_are_read_from_their_json_block():
    _, comps, _, _ = parts("obsidian.excalidraw.md")
    assert comps == [("web_server", "Web server")]


def test_a_binding_to_a_missing_element_is_one_warning_for_that_element():
    result, comps, links, elements = parts("excalidraw-dangling.excalidraw")
    assert comps == [("auth", "Auth")] and links == []
    warnings = result.report.warnings
    assert len(warnings) == 2
    assert any("'missing-shape'" in w and "kept as a drawing" in w for w in warnings)
    assert any("'missing-box'" in w and "text note" in w for w in warnings)
    assert [e.text for e in elements if isinstance(e, TextNote)] == ["lost label"]


DRAWIO_ARCHITECTURE = [
    ("client", "Users"),
    ("load_balancer", "Load\nbalancer"),
    ("service", "App tier"),
    ("sql_db", "orders"),
    ("queue", "Jobs"),
    ("box", "Resizer"),
]


@pytest.mark.parametrize(
    "name",
    [
        "drawio-plain.drawio",
        "drawio-compressed.drawio",
        "drawio-bare-model.xml",
        "drawio-embedded.drawio.svg",
        "drawio-pages.drawio",
    ],
)
def test_drawio_variants_read_the_same_diagram(name):
    result, comps, links, elements = parts(name)
    assert comps == DRAWIO_ARCHITECTURE
    assert sorted(links) == sorted(
        [
            ("Users", "Load\nbalancer", "", "sync", "end"),
            ("Load\nbalancer", "App tier", "HTTPS", "sync", "both"),
            ("App tier", "orders", "writes", "async", "end"),  # label from a child cell
            ("Jobs", "Resizer", "", "sync", "end"),  # drawn backwards: start arrow only
        ]
    )
    zones = sorted(e.title for e in elements if isinstance(e, Zone))
    assert zones == ["VPC", "Zone"]  # the swimlane and the group of two
    report = result.report
    assert report.images == 1
    assert len(report.warnings) == 1 and "'nobody'" in report.warnings[0]
    assert sum(isinstance(e, Stroke) for e in elements) == 2  # one-ended and dangling edges
    # children of the container are placed absolutely: App tier sits inside the VPC zone
    vpc = next(e for e in elements if isinstance(e, Zone) and e.title == "VPC")
    app = next(e for e in elements if isinstance(e, Component) and e.label == "App tier")
    assert vpc.x < app.x < vpc.x + vpc.w and vpc.y < app.y < vpc.y + vpc.h


def test_drawio_cards_take_the_label_and_kind_of_the_icon_drawn_on_them():
    _, comps, links, _ = parts("drawio-cards.drawio")
    assert comps == [("sql_db", "Cloud\nSQL"), ("client", "Players")]
    # an edge to the icon on a card joins the card
    assert links == [("Players", "Cloud\nSQL", "", "sync", "both")]


def test_drawio_page_choice():
    result, comps, _, _ = parts("drawio-pages.drawio", page=1)
    assert comps == [("search", "Search")]
    assert result.report.pages == ["Architecture", "Search", "Empty"]
    assert "page 2 of 3" in result.report.summary()
    empty, comps, _, _ = parts("drawio-pages.drawio", page=2)
    assert comps == [] and empty.report.components == 0


def test_drawio_wrappers_placeholders_and_kept_kinds():
    result, comps, links, _ = parts("drawio-userobject.drawio")
    assert comps == [("box", "Checkout (gold)"), ("cache", "Sessions")]
    assert links == [("Checkout (gold)", "Sessions", "", "sync", "end")]
    assert result.report.kept_from_file == 1 and result.report.guessed == 0


def test_the_guessing_table_in_the_docs_is_the_one_the_code_uses():
    from sdi_desktop.domain.interop.kind_guess import vocabulary_markdown

    doc = (Path(__file__).resolve().parents[3] / "docs" / "interop.md").read_text()
    assert vocabulary_markdown() in doc


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("nginx LB", "web_server"),  # a product name beats a plain word after it
        ("LB (nginx)", "load_balancer"),
        ("Mongo DB", "nosql_db"),
        ("DynamoDB", "nosql_db"),
        ("Users DB", "sql_db"),
        ("Stream consumer", "worker"),
        ("Orders DB", "sql_db"),
        ("CDN (301 cache)", "cdn"),
        ("Orders (Postgres)", "sql_db"),
        ("Auth service", "auth"),
        ("Kafka", "stream"),
        ("S3", "object_store"),
        ("redis", "cache"),
        ("Workers", "worker"),
        ("Quarterly report", None),
    ],
)
def test_label_words_guess_kinds(label, kind):
    from sdi_desktop.domain.interop.kind_guess import guess_from_words

    found = guess_from_words(label)
    assert (found.kind if found else None) == kind


@pytest.mark.parametrize(
    ("shape", "kind"),
    [
        ("cylinder3", "sql_db"),
        ("mxgraph.aws4.rds", "sql_db"),
        ("mxgraph.aws4.simple_queue_service", "queue"),
        ("mxgraph.aws4.elastic_load_balancing", "load_balancer"),
        ("mxgraph.azure.cache_redis", "cache"),
        ("mxgraph.gcp2.bigquery", "warehouse"),
        ("img/lib/azure2/databases/Azure_Cosmos_DB.svg", "nosql_db"),
        ("mxgraph.flowchart.document", None),  # a plain shape says nothing
        ("ellipse", None),
    ],
)
def test_shape_names_guess_kinds(shape, kind):
    from sdi_desktop.domain.interop.kind_guess import guess_from_shape

    found = guess_from_shape(shape)
    assert (found.kind if found else None) == kind


def test_an_arrow_from_a_shape_back_to_itself_stays_a_drawing():
    import json

    from sdi_desktop.domain.interop.importer import import_bytes

    shape = {"type": "rectangle", "id": "a", "x": 0, "y": 0, "width": 100, "height": 50}
    loop = {"type": "arrow", "id": "l", "x": 100, "y": 25, "points": [[0, 0], [40, -60], [0, -25]],
            "startBinding": {"elementId": "a"}, "endBinding": {"elementId": "a"}}  # fmt: skip
    result = import_bytes(json.dumps({"type": "excalidraw", "elements": [shape, loop]}), "l.json")
    assert (result.report.components, result.report.connectors, result.report.strokes) == (1, 0, 1)
