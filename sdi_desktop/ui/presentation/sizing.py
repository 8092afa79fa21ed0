"""Sizes and colours of presentation mode: type that reads from the back of a room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

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
    def for_height(cls, height: int) -> TypeScale:
        h = max(480, height)
        return cls(timeline_pt=h / 64, clock_pt=h / 18, detail_pt=h / 76)

    def timeline_height(self, line_px: int) -> int:
        """Two lines (the phase, its time) with room around them."""
        return int(2 * line_px + 22)

    @staticmethod
    def timer_width(window_width: int, clock_px: int) -> int:
        """Under a fifth of the width, or the clock's own width if that is more."""
        return max(int(window_width * 0.18), clock_px + 24)
