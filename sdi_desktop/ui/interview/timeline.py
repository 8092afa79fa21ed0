"""The phase timeline: one segment per phase, sized by its budget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from sdi_desktop.domain.clock import PhaseTime, format_duration
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.ui.theme import LIGHT, Colors

if TYPE_CHECKING:  # annotations only: the window's first paint need not wait on them
    from PySide6.QtCore import QVariantAnimation
    from PySide6.QtGui import QMouseEvent, QPaintEvent

GAP = 6.0
RADIUS = 6.0


class PhaseTimeline(QWidget):
    """Shows every phase's budget, progress and overtime; click a segment to jump to it."""

    phaseClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseTimeline")
        self.setAccessibleName("Phase timeline")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._readings: list[PhaseTime] = [
            PhaseTime(i, p.default_minutes * 60.0, 0.0) for i, p in enumerate(PHASES)
        ]
        self._current = 0
        self._colors: Colors = LIGHT
        self._flash = 0.0
        self._flash_anim: QVariantAnimation | None = None  # made at the first overtime
        self._markers: list[tuple[int, float, str]] = []  # (phase, seconds into it, text)

    # -- data --------------------------------------------------------------------
    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.update()

    def set_readings(self, readings: list[PhaseTime], current: int) -> None:
        self._readings = list(readings)
        self._current = current
        now = self._readings[current]
        state = (
            "over budget by " + format_duration(now.overtime)
            if now.overtime
            else (format_duration(now.remaining) + " left")
        )
        self.setAccessibleDescription(
            f"Phase {current + 1} of {len(PHASES)}: {PHASES[current].title}, {state}"
        )
        self.update()

    def set_markers(self, markers: list[tuple[int, float, str]]) -> None:
        """Timed marks on the segments (a mock's remarks, in review): (phase, seconds
        into the phase, text shown as the marker's tooltip)."""
        self._markers = list(markers)
        self.update()

    def marker_points(self) -> list[tuple[QPointF, str]]:
        rects = self.segment_rects()
        points = []
        for phase, seconds, text in self._markers:
            if not 0 <= phase < len(rects):
                continue
            reading, rect = self._readings[phase], rects[phase]
            span = max(reading.budget, reading.elapsed, 1.0)
            x = rect.left() + rect.width() * min(1.0, max(0.0, seconds / span))
            points.append((QPointF(x, rect.bottom()), text))
        return points

    @property
    def current(self) -> int:
        return self._current

    def flash(self) -> None:
        """Pulse the current segment in the warning colour (the overtime cue)."""
        if self._flash_anim is None:
            from PySide6.QtCore import QVariantAnimation

            self._flash_anim = QVariantAnimation(self)  # linear between the key values
            self._flash_anim.setDuration(1200)
            self._flash_anim.setStartValue(0.0)
            for step, value in ((0.15, 1.0), (0.35, 0.2), (0.55, 1.0), (0.75, 0.2)):
                self._flash_anim.setKeyValueAt(step, value)
            self._flash_anim.setEndValue(0.0)
            self._flash_anim.valueChanged.connect(self._set_flash)
        self._flash_anim.stop()
        self._flash_anim.start()

    def stop_flash(self) -> None:
        if self._flash_anim is not None:
            self._flash_anim.stop()
        self._set_flash(0.0)

    @property
    def is_flashing(self) -> bool:
        anim = self._flash_anim
        return anim is not None and anim.state() == anim.State.Running

    def _set_flash(self, value: float) -> None:
        self._flash = float(value)
        self.update()

    # -- geometry ------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(720, 58)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 58)

    def segment_rects(self) -> list[QRectF]:
        total = sum(r.budget for r in self._readings) or 1.0
        width = self.width() - 2.0 - GAP * (len(self._readings) - 1)
        x = 1.0
        rects = []
        for reading in self._readings:
            w = max(24.0, width * reading.budget / total)
            rects.append(QRectF(x, 1.0, w, self.height() - 2.0))
            x += w + GAP
        return rects

    def segment_at(self, pos: QPointF) -> int | None:
        for index, rect in enumerate(self.segment_rects()):
            if rect.contains(pos):
                return index
        return None

    # -- events --------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.segment_at(event.position())
            if index is not None:
                self.phaseClicked.emit(index)
                event.accept()
                return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key())
        if step is not None and not event.modifiers():
            target = self._current + step
            if 0 <= target < len(self._readings):
                self.phaseClicked.emit(target)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        near = [t for p, t in self.marker_points() if abs(p.x() - pos.x()) <= 5]
        if near:
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(near), self)
            super().mouseMoveEvent(event)
            return
        index = self.segment_at(pos)
        if index is not None:
            r = self._readings[index]
            tip = (
                f"<b>{index + 1}. {PHASES[index].title}</b><br>"
                f"Budget {format_duration(r.budget)}, spent {format_duration(r.elapsed)}"
                + (f", <b>{format_duration(r.overtime)} over</b>" if r.overtime else "")
                + "<br>Click to go to this phase"
            )
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self._colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = QFont(self.font())
        title_font.setBold(True)
        small_font = QFont(self.font())
        small_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        for index, rect in enumerate(self.segment_rects()):
            reading = self._readings[index]
            is_current = index == self._current
            path = QPainterPath()
            path.addRoundedRect(rect, RADIUS, RADIUS)
            painter.fillPath(path, c.segment)
            # progress fill
            if reading.elapsed > 0:
                fill = QRectF(rect)
                fill.setWidth(rect.width() * reading.progress)
                color = c.accent_soft if is_current else c.done
                if reading.overtime:
                    color = c.warning_soft
                painter.save()
                painter.setClipPath(path)
                painter.fillRect(fill, color)
                painter.restore()
            if is_current and self._flash > 0:
                flash = QColor(c.warning)
                flash.setAlphaF(0.75 * self._flash)
                painter.fillPath(path, flash)
            # outline
            if is_current:
                pen = QPen(c.warning if reading.overtime else c.accent, 2.5)
            else:
                pen = QPen(c.warning if reading.overtime else c.segment.darker(115), 1.0)
            painter.setPen(pen)
            painter.drawPath(path)
            # text
            inner = rect.adjusted(8, 4, -8, -4)
            painter.setPen(c.text)
            painter.setFont(title_font)
            phase = PHASES[index]
            title = f"{index + 1}  {phase.short_title}"
            fm = painter.fontMetrics()
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width())),
            )
            painter.setFont(small_font)
            if reading.overtime:
                painter.setPen(c.warning)
                detail = f"{format_duration(reading.overtime, signed=True)} over"
            else:
                painter.setPen(c.muted if not is_current else c.text)
                detail = f"{format_duration(reading.elapsed)} / {format_duration(reading.budget)}"
            fm = painter.fontMetrics()
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                fm.elidedText(detail, Qt.TextElideMode.ElideRight, int(inner.width())),
            )
        painter.setPen(QPen(c.accent.darker(130), 1.0))
        painter.setBrush(c.accent)
        for point, _text in self.marker_points():  # a small upward triangle per mark
            x, y = point.x(), point.y()
            painter.drawPolygon([QPointF(x, y - 9), QPointF(x - 5, y), QPointF(x + 5, y)])
        painter.end()
