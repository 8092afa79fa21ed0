"""Sizes and colours of presentation mode: type that reads from the back of a room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from sdi_desktop.domain.clock import PhaseTime, format_duration
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.ui.theme import Colors

# White on black, yellow for the current phase, a bright orange for overtime.
HIGH_CONTRAST = Colors(
    dark=True,
    window=QColor("#000000"),
    base=QColor("#000000"),
    text=QColor("#ffffff"),
    muted=QColor("#d8d8d8"),
    accent=QColor("#ffd60a"),
    accent_soft=QColor("#3d5fa8"),
    segment=QColor("#1c1c1c"),
    done=QColor("#4d4d4d"),
    warning=QColor("#ff6b3d"),
    warning_soft=QColor("#7a2a12"),
)


@dataclass(frozen=True)
class TypeScale:
    """Point sizes for a window ``height`` pixels tall (1080: 17 / 60 / 14 pt)."""

    timeline_pt: float
    clock_pt: float
    detail_pt: float

    @classmethod
    def for_size(cls, width: int, height: int) -> TypeScale:
        """A 16:9 share of the window: a taller window of the same width gains nothing."""
        h = max(480, min(height, width * 9 // 16))
        return cls(timeline_pt=h / 64, clock_pt=h / 18, detail_pt=h / 76)

    def timeline_height(self, line_px: int) -> int:
        """Two lines (the phase, its time) with room around them."""
        return int(2 * line_px + 22)

    @staticmethod
    def timer_width(window_width: int, clock_px: int) -> int:
        """Under a fifth of the width, or the clock's own width if that is more."""
        return max(int(window_width * 0.18), clock_px + 24)


def segment_texts(reading: PhaseTime) -> tuple[str, list[str]]:
    """The phase's title, and the detail lines its segment shows now or may show soon."""
    title = f"{reading.index + 1}  {PHASES[reading.index].short_title}"
    budget = format_duration(reading.budget)
    details = [f"{budget} / {budget}"]
    if reading.overtime:
        details.append(f"{format_duration(reading.overtime, signed=True)} over")
    else:
        details.append(f"{format_duration(reading.elapsed)} / {budget}")
    return title, details


def timeline_fits(font: QFont, rects: list[QRectF], readings: list[PhaseTime]) -> bool:
    """Whether every segment's title (bold) and detail (0.9 size) fit unelided."""
    bold = QFont(font)
    bold.setBold(True)
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    title_metrics, detail_metrics = QFontMetricsF(bold), QFontMetricsF(small)
    for rect, reading in zip(rects, readings, strict=False):
        room = rect.width() - 16  # the timeline's inner margins
        title, details = segment_texts(reading)
        if title_metrics.horizontalAdvance(title) > room:
            return False
        if any(detail_metrics.horizontalAdvance(d) > room for d in details):
            return False
    return True
