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


def _wide_board(board):
    """Two components 60,000 px apart: at full size far wider than MAX_SIDE allows."""
    from sdi_desktop.ui.board import export

    board.editor.load(
        [
            Component(id="a", kind="service", label="West", x=0, y=0),
            Component(id="b", kind="service", label="East", x=60_000, y=0),
        ]
    )
    rect = source_rect(board.scene)
    assert rect.width() > export.MAX_SIDE  # the board really is over the limit
    return rect


def test_a_png_over_the_size_limit_is_scaled_to_fit_and_says_so(board, tmp_path):
    from sdi_desktop.ui.board import export

    rect = _wide_board(board)
    note = export.size_note(board.scene)
    export_file(tmp_path / "wide.png", board.scene)
    image = QImage(str(tmp_path / "wide.png"))
    assert image.width() <= export.MAX_SIDE and image.height() <= export.MAX_SIDE
    assert image.width() * image.height() <= export.MAX_PIXELS
    assert image.width() > 0.9 * export.MAX_SIDE  # scaled to fit, not shrunk to nothing
    # the aspect ratio is kept
    aspect = rect.width() / rect.height()
    assert abs(image.width() / image.height() - aspect) < 0.02 * aspect
    assert "scaled down" in note and str(export.MAX_SIDE) in note and "\n" not in note
    # both components made it into the picture, one at each end
    paper = image.pixelColor(1, 1)

    def inked(columns) -> bool:
        rows = range(image.height())
        return any(image.pixelColor(x, y) != paper for x in columns for y in rows)

    tenth = image.width() // 10
    assert inked(range(tenth)) and inked(range(image.width() - tenth, image.width()))
    assert not inked(range(4 * tenth, 6 * tenth))


def test_the_pixel_limit_caps_a_large_square_board(board, monkeypatch):
    from sdi_desktop.ui.board import export

    monkeypatch.setattr(export, "MAX_PIXELS", 40_000)
    rect = source_rect(board.scene)  # the empty board: 368 x 248 px at 1x
    assert rect.width() * rect.height() > export.MAX_PIXELS
    image = render_image(board.scene)
    assert image.width() * image.height() <= export.MAX_PIXELS * 1.02
    assert export.size_note(board.scene)


def test_a_board_within_the_limits_keeps_its_size_and_has_no_note(demo):
    from sdi_desktop.ui.board import export

    assert export.size_note(demo.scene) == ""
    assert export.size_note(demo.scene, scale=2.0) == ""


def test_a_render_reports_progress_and_can_be_cancelled(demo, monkeypatch):
    from sdi_desktop.ui.board import export

    monkeypatch.setattr(export, "STRIP", 64)  # several strips on the demo board
    seen = []
    image = render_image(demo.scene, progress=lambda done, total: seen.append((done, total)))
    assert image is not None and len(seen) > 2
    assert seen[-1][0] == seen[-1][1] == image.height()
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert render_image(demo.scene, progress=lambda done, total: done < 64) is None
