"""One chart of the progress dashboard: a titled pyqtgraph plot with PNG and SVG export,
in the app's light or dark colours.

Imports pyqtgraph (about a third of a second), so only the dashboard imports this
module, and only when it is opened.
"""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LIGHT = {"background": "#ffffff", "foreground": "#1d2330", "grid": 60}
DARK = {"background": "#1f232b", "foreground": "#dfe3ea", "grid": 90}

# Colour-blind friendly (Okabe-Ito), one per competency or phase.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def colour(index: int, alpha: int = 255) -> QColor:
    c = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
    c.setAlpha(alpha)
    return c


def tick_labels(low: float, high: float) -> list[str]:
    """The longest labels a numeric axis over ``low``..``high`` may show: its ends, with as
    many decimals as ticks a tenth of the range apart would need (as pyqtgraph writes them)."""
    span = high - low
    if not math.isfinite(span) or span <= 0:
        return []
    decimals = max(0, math.ceil(-math.log10(span / 10)))
    return [f"{value:.{decimals}f}" for value in (low, high)]


class Chart(QWidget):
    """A plot, its title, and buttons that export it."""

    exported = Signal(str)  # the path written

    def __init__(
        self, key: str, title: str, dark: bool, time_axis: bool = False, grid: bool = False
    ) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(f"chart_{key}")
        theme = DARK if dark else LIGHT
        self._foreground = theme["foreground"]
        pen = pg.mkPen(theme["foreground"])
        bottom = pg.DateAxisItem if time_axis else pg.AxisItem
        axes = {  # coloured as they are made: each later change re-lays their labels out
            "left": pg.AxisItem("left", pen=pen, textPen=pen),
            "bottom": bottom(orientation="bottom", pen=pen, textPen=pen),
        }
        # Room for the tick labels decided here, not while painting: pyqtgraph measures
        # them as it paints and, when they need more room, lays the plot out again and
        # paints it again (three paints per chart on opening, instead of one).
        self._metrics = QFontMetricsF(QApplication.font())
        axes["bottom"].setStyle(
            autoExpandTextSpace=False, tickTextHeight=math.ceil(self._metrics.height())
        )
        self.fit_left_axis(["8888"], axes["left"])
        # No context menus: pyqtgraph builds them eagerly, ~2 ms per chart.
        self.plot = pg.PlotWidget(background=theme["background"], axisItems=axes, enableMenu=False)
        self.plot.setObjectName(f"plot_{key}")
        item = self.plot.getPlotItem()
        # Read-only charts: the wheel and drags do not zoom or pan (it was easy to lose a
        # chart that way, with only a tiny "A" button to bring it back).
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        if grid:  # grid lines cost about 10 ms of painting per chart: only where they help
            item.showGrid(x=False, y=True, alpha=theme["grid"] / 255)
        self.title = QLabel(title)
        self.title.setObjectName(f"chartTitle_{key}")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.png_button = QPushButton("PNG…")
        self.svg_button = QPushButton("SVG…")
        for button, fmt in ((self.png_button, "png"), (self.svg_button, "svg")):
            button.setObjectName(f"export_{key}_{fmt}")
            button.setToolTip(f"Save this chart as {fmt.upper()}")
            button.setFlat(True)
            button.setAutoDefault(False)  # Enter in a date field must not open a save dialog
            button.clicked.connect(lambda _c=False, f=fmt: self._ask_and_export(f))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.png_button)
        head.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.plot, 1)

    def fit_left_axis(self, labels: list[str], axis: pg.AxisItem | None = None) -> bool:
        """Make the left axis as wide as the widest of ``labels``; True if it changed."""
        widest = max((self._metrics.horizontalAdvance(text) for text in labels), default=0)
        width = math.ceil(widest) + 2
        axis = axis or self.item.getAxis("left")
        if axis.style.get("tickTextWidth") == width and not axis.style["autoExpandTextSpace"]:
            return False
        axis.setStyle(autoExpandTextSpace=False, tickTextWidth=width)
        return True

    def fit_left_axis_to_range(self) -> bool:
        """Make the left axis as wide as the numbers of its current range need (at least
        four digits' room); True if it changed."""
        low, high = self.item.getViewBox().viewRange()[1]
        return self.fit_left_axis(["8888", *tick_labels(low, high)])

    @property
    def item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()

    def export(self, path: str | Path) -> Path:
        """Write the plot as PNG or SVG (by the file's suffix)."""
        path = Path(path)
        # A saved chart says what it shows.
        self.item.setTitle(self.title.text(), color=self._foreground, bold=True)
        self.item.layout.activate()
        try:
            if path.suffix.lower() == ".svg":
                SVGExporter(self.item).export(str(path))
            else:
                exporter = ImageExporter(self.item)
                exporter.parameters()["width"] = max(800, self.plot.width() * 2)
                exporter.export(str(path))
        finally:
            # A long title widened the plot past its view for the export: the label goes
            # back to empty (hidden, it would still hold that width) and the plot to the view.
            self.item.titleLabel.setText("")
            self.item.setTitle(None)
            self.item.setGeometry(self.plot.range)
            self.item.layout.activate()
        self.exported.emit(str(path))
        return path

    def _ask_and_export(self, fmt: str) -> None:
        name = f"{self.key}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Save chart as {fmt.upper()}", name, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export(path)
