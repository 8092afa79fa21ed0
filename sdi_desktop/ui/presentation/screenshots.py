"""Presentation mode rendered for ``docs/screenshots`` (run by ``sdi-desktop screenshots``)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

SIZES = ((1920, 1080), (1280, 720))


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def render_presentation(window, out: Path) -> list[Path]:
    """``presentation-WxH.png`` for each size; the first with a laser stroke drawn."""
    mode = window.presentation
    written = []
    for index, (width, height) in enumerate(SIZES):
        mode.enter()
        _settle()
        window.resize(width, height)
        _settle()
        overlay = mode.overlay
        mode.hint.hide()  # the keys' reminder fades after a few seconds: not in the pictures
        if index == 0:
            _circle_the_read_path(overlay)
        _settle()
        path = out / f"presentation-{width}x{height}.png"
        window.grab().save(str(path))
        written.append(path)
        mode.leave()
        _settle()
    return written


def _circle_the_read_path(overlay) -> None:
    """A presenter's loop round the read path, its tail already fading."""
    clock = {"now": 0.0}
    overlay.now = lambda: clock["now"]  # a still stroke while it is rendered
    viewport = overlay.parentWidget()
    w, h = viewport.width(), viewport.height()
    overlay.set_laser(True)
    steps = 48
    for step in range(steps):
        angle = math.radians(200 + 320 * step / (steps - 1))
        clock["now"] = 0.2 + 0.8 * step / (steps - 1)
        overlay.add_point(
            QPointF(w * (0.665 + 0.15 * math.cos(angle)), h * (0.60 + 0.17 * math.sin(angle)))
        )
