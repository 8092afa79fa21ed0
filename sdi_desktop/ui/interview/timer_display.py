"""The large clock: time left in the current phase, counting into overtime."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sdi_desktop.domain.clock import ClockState, SessionClock, format_countdown, format_duration
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.ui.theme import LIGHT, Colors

STATE_WORDS = {
    ClockState.READY: "Ready: Space or Start begins",
    ClockState.RUNNING: "Running",
    ClockState.PAUSED: "Paused",
    ClockState.FINISHED: "Finished",
}


class TimerDisplay(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerDisplay")
        self.setAccessibleName("Phase timer")
        self._colors: Colors = LIGHT
        self._overtime = False
        self._clock_label = QLabel("05:00")
        self._clock_label.setObjectName("timerClock")
        font = QFont(self.font())
        font.setPointSize(30)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self._clock_label.setFont(font)
        self._clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._detail_label = QLabel()
        self._detail_label.setObjectName("timerDetail")
        self._detail_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 4, 0)
        layout.setSpacing(0)
        layout.addWidget(self._clock_label)
        layout.addWidget(self._detail_label)

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self._restyle()

    def text(self) -> str:
        """The phase clock as shown, e.g. ``04:12`` or ``-01:05``."""
        return self._clock_label.text()

    def detail_text(self) -> str:
        return self._detail_label.text()

    @property
    def is_overtime(self) -> bool:
        return self._overtime

    def show_clock(self, clock: SessionClock) -> None:
        now = clock.phase_time()
        self._clock_label.setText(format_countdown(now.remaining))
        phase = PHASES[clock.current]
        self._detail_label.setText(
            f"{phase.short_title} · {STATE_WORDS[clock.state]} · total "
            f"{format_duration(clock.total_elapsed())} of {format_duration(clock.total_budget())}"
        )
        overtime = now.overtime > 0
        if overtime != self._overtime:
            self._overtime = overtime
            self._restyle()
        self.setAccessibleDescription(
            f"{format_duration(now.remaining)} left in {phase.title}"
            if not overtime
            else f"{format_duration(now.overtime)} over budget in {phase.title}"
        )

    def _restyle(self) -> None:
        color = self._colors.warning if self._overtime else self._colors.text
        _set_text_color(self._clock_label, color)
        _set_text_color(self._detail_label, self._colors.muted)


def _set_text_color(label: QLabel, color: QColor) -> None:
    """The label's text colour through its palette (a style sheet would give each label a
    style of its own to parse and polish)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)
