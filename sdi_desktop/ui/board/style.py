"""Colours and icons of the whiteboard, for the light and the dark theme."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from sdi_desktop.paths import resource
from sdi_desktop.ui.theme import DARK, LIGHT

ICON_INK = "#2B3A55"  # the outline colour every component icon is drawn with
DARK_ICON_INK = "#d7dce5"

CATEGORY_COLORS = {
    "edge": "#2F80ED",
    "traffic": "#9B51E0",
    "compute": "#27AE60",
    "data": "#F2994A",
    "messaging": "#EB5757",
    "other": "#56657F",
}


class BoardColors(NamedTuple):
    dark: bool
    paper: QColor
    grid: QColor
    ink: QColor
    muted: QColor
    accent: QColor
    component_fill: QColor
    zone_fill: QColor
    zone_border: QColor


def _tint(color: QColor, alpha: int) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


LIGHT_BOARD = BoardColors(
    dark=False,
    paper=QColor("#ffffff"),
    grid=QColor("#c5cbd6"),
    ink=QColor("#2B3A55"),
    muted=QColor("#6b778c"),
    accent=LIGHT.accent,  # the app's accent (ui/theme.py): one colour, defined there
    component_fill=QColor("#ffffff"),
    zone_fill=_tint(LIGHT.accent, 18),
    zone_border=QColor("#8ea6cf"),
)

DARK_BOARD = BoardColors(
    dark=True,
    paper=QColor("#22262e"),
    grid=QColor("#485062"),
    ink=QColor("#d7dce5"),
    muted=DARK.muted,
    accent=DARK.accent,
    component_fill=QColor("#2b303a"),
    zone_fill=_tint(DARK.accent, 22),
    zone_border=QColor("#5d7297"),
)

ICON_SIZE = 32  # scene units
_ICON_RENDER = 64  # pixels rendered, so icons stay sharp up to 200 % zoom
ICON_SCALE = ICON_SIZE / _ICON_RENDER  # of an icon_pixmap() at its default size

_svg_cache: dict[str, bytes] = {}
_pixmap_cache: dict[tuple[str, bool, int], QPixmap] = {}


def _svg_text(kind_key: str) -> bytes:
    if kind_key not in _svg_cache:
        path = resource("icons", "components", f"{kind_key}.svg")
        if not path.is_file():
            path = resource("icons", "components", "box.svg")
        _svg_cache[kind_key] = path.read_bytes()
    return _svg_cache[kind_key]


def icon_pixmap(kind_key: str, dark: bool, size: int = _ICON_RENDER) -> QPixmap:
    """The component's icon as a pixmap (cached), with the ink recoloured for dark boards."""
    key = (kind_key, dark, size)
    pixmap = _pixmap_cache.get(key)
    if pixmap is None:
        from PySide6.QtSvg import QSvgRenderer

        data = _svg_text(kind_key)
        if dark:
            data = data.replace(ICON_INK.encode(), DARK_ICON_INK.encode())
        renderer = QSvgRenderer(QByteArray(data))
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        _pixmap_cache[key] = pixmap
    return pixmap
