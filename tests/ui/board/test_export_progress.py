"""Exporting a big board from the window: a progress dialog, Cancel, and the size note."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.board.elements import Component
from sdi_desktop.ui.board import export, export_progress
from sdi_desktop.ui.board.export_progress import export_with_progress


@pytest.fixture
def big(board, monkeypatch):
    """The demo board, treated as a big one, rendered in many strips."""
    board.editor.load(url_shortener_board())
    monkeypatch.setattr(export_progress, "BIG_BOARD", 1)
    monkeypatch.setattr(export, "STRIP", 32)
    return board


def _watch(monkeypatch, board, cancel_after: int | None = None) -> list[tuple[bool, int]]:
    """Record (dialog visible, value) at each strip; press Cancel after some strips."""
    seen: list[tuple[bool, int]] = []
    render = export.render_image

    def watched(*args, progress=None, **kwargs):
        def step(done, total):
            dialogs = board.findChildren(QProgressDialog)
            seen.append((bool(dialogs) and dialogs[0].isVisible(), dialogs[0].value()))
            if cancel_after is not None and len(seen) > cancel_after:
                dialogs[0].cancel()
            return progress(done, total)

        return render(*args, progress=step, **kwargs)

    monkeypatch.setattr(export, "render_image", watched)
    return seen


def test_a_big_board_exports_with_a_moving_progress_dialog(big, tmp_path, monkeypatch):
    seen = _watch(monkeypatch, big)
    path = tmp_path / "board.png"
    note = export_with_progress(big, path, big.scene, "png", None, {"scale": 1.0})
    assert note == ""
    assert len(seen) > 3 and all(visible for visible, _ in seen)
    values = [value for _, value in seen]
    assert values == sorted(values) and values[-1] > values[0]
    assert not QImage(str(path)).isNull()
    assert not [d for d in big.findChildren(QProgressDialog) if d.isVisible()]


def test_cancel_stops_the_export_and_writes_nothing(big, tmp_path, monkeypatch):
    _watch(monkeypatch, big, cancel_after=1)
    path = tmp_path / "board.png"
    assert export_with_progress(big, path, big.scene, "png", None, {"scale": 1.0}) is None
    assert not path.exists()


def test_an_oversized_board_says_it_was_scaled_down(board, tmp_path):
    board.editor.load(
        [
            Component(id="a", kind="service", label="West", x=0, y=0),
            Component(id="b", kind="service", label="East", x=60_000, y=0),
        ]
    )
    path = tmp_path / "wide.png"
    note = export_with_progress(board, path, board.scene, "png", None, {"scale": 1.0})
    assert "scaled down" in note
    assert QImage(str(path)).width() <= export.MAX_SIDE
