"""Exports open as what they claim to be and hold what the board holds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.board.elements import Component, Connector
from sdi_desktop.ui.board.export import MARGIN, export_file, render_image, source_rect
from sdi_desktop.ui.board.style import DARK_BOARD, LIGHT_BOARD


@pytest.fixture
def demo(board):
    board.editor.load(url_shortener_board())
    return board


def labels(board) -> list[str]:
    out = []
    for element in board.editor.document:
        if isinstance(element, Component | Connector) and element.label:
            out.append(element.label)
    return out


def test_png_has_the_boards_size_at_1x_and_2x(demo, tmp_path):
    rect = source_rect(demo.scene)
    for scale in (1.0, 2.0):
        path = tmp_path / f"board{scale}.png"
        export_file(path, demo.scene, scale=scale)
        image = QImage(str(path))
        assert not image.isNull()
        assert (image.width(), image.height()) == (
            round(rect.width() * scale),
            round(rect.height() * scale),
        )
    # the content sits inside the margin
    content = demo.scene.content_rect()
    assert abs(rect.width() - content.width() - 2 * MARGIN) < 1e-6


def test_png_background_white_or_transparent(demo, tmp_path):
    export_file(tmp_path / "white.png", demo.scene)
    export_file(tmp_path / "clear.png", demo.scene, transparent=True)
    white = QImage(str(tmp_path / "white.png")).pixelColor(2, 2)
    clear = QImage(str(tmp_path / "clear.png")).pixelColor(2, 2)
    assert white.name() == "#ffffff" and white.alpha() == 255
    assert clear.alpha() == 0


def test_svg_parses_and_holds_every_label(demo, tmp_path):
    path = tmp_path / "board.svg"
    export_file(path, demo.scene)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    # a label may wrap onto two lines (two text runs in the SVG)
    text = " ".join((el.text or "").strip() for el in root.iter() if el.tag.endswith("text"))
    text = " ".join(text.split())
    missing = [label for label in labels(demo) if label not in text]
    assert not missing, f"labels missing from the SVG: {missing}"


def test_pdf_is_one_page(demo, tmp_path):
    path = tmp_path / "board.pdf"
    export_file(path, demo.scene)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1


def test_selection_export_is_smaller_than_the_board(demo, tmp_path):
    ids = [c.id for c in demo.editor.document.components()[:2]]
    whole = render_image(demo.scene)
    part = render_image(demo.scene, ids)
    assert part.width() * part.height() < whole.width() * whole.height()


def test_dark_board_exports_light_unless_asked(demo, tmp_path):
    demo.set_dark(True)
    assert demo.scene.colors is DARK_BOARD
    light = render_image(demo.scene)
    kept = render_image(demo.scene, keep_theme=True)
    assert light.pixelColor(2, 2).lightness() > 240
    assert kept.pixelColor(2, 2).lightness() < 60
    assert demo.scene.colors is DARK_BOARD  # the board itself stayed dark
    demo.set_dark(False)
    assert demo.scene.colors is LIGHT_BOARD


def test_export_leaves_no_selection_marks_and_restores_selection(demo):
    first = demo.editor.document.components()[0].id
    demo.scene.select_ids([first])
    image = render_image(demo.scene)
    assert demo.scene.selected_ids() == [first]
    assert not image.isNull()


def test_copy_as_image_puts_an_image_on_the_clipboard(demo):
    demo.copy_as_image()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 100


def test_unknown_format_is_refused(demo, tmp_path):
    from sdi_desktop.ui.board.export import ExportError

    with pytest.raises(ExportError, match="unknown export format"):
        export_file(tmp_path / "board.bmp", demo.scene)
