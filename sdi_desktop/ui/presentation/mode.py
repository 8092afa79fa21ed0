"""Presentation mode: board, phase timeline and timer full screen, large and high contrast.

``PresentationMode`` owns ``actionPresentationMode`` (F11) and the laser pointer and
spotlight actions in the View menu. Entering hides every piece of chrome (menus, tool bars,
side panels, the status bar, the board's palette and tool bar), enlarges the timeline and
the timer and shows the window full screen; Esc (or F11 again) puts back the window state,
the panel sizes, the zoom and the focus exactly as they were.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from sdi_desktop.ui.presentation.overlay import PointerOverlay
from sdi_desktop.ui.presentation.sizing import HIGH_CONTRAST, TypeScale, timeline_fits

HINT_MS = 4000  # how long the keys are shown on entering
HINT = "Esc leaves  ·  hold L: laser pointer  ·  S: spotlight"
HOLD_KEY = Qt.Key.Key_L  # hold for the laser pointer
SPOT_KEY = Qt.Key.Key_S  # spotlight on or off
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def view_menu(window) -> QMenu:
    """The window's View menu (``viewMenu``), made before Help if nobody made it yet."""
    bar = window.menuBar()
    menu = window.findChild(QMenu, "viewMenu")
    if menu is None:
        menu = QMenu("&View", window)
        menu.setObjectName("viewMenu")
        actions = bar.actions()
        help_action = next((a for a in actions if a.text().replace("&", "") == "Help"), None)
        bar.insertMenu(help_action, menu) if help_action else bar.addMenu(menu)
    return menu


class PresentationMode(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.overlay = PointerOverlay(window.whiteboard.viewport())
        self._saved: dict | None = None
        self._restore_view: tuple | None = None
        self._held = False
        self._auto_fit = False  # presentation fits the board until the presenter zooms
        self._fitting = False
        self._scale: TypeScale | None = None
        window.timeline.installEventFilter(self)  # refit its type when it resizes
        window.whiteboard.zoomChanged.connect(self._zoomed_by_hand)
        self.action = self._make(
            "actionPresentationMode", "&Presentation Mode", ["F11", "Ctrl+Shift+F5"], self.toggle
        )
        self.laser_action = self._make(
            "actionLaserPointer", "&Laser Pointer", ["Ctrl+Alt+L"], self._laser_picked
        )
        self.spotlight_action = self._make(
            "actionSpotlight", "&Spotlight", ["Ctrl+Shift+O"], self.overlay.set_spotlight
        )
        self.hint = QLabel(HINT, window.whiteboard)
        self.hint.setObjectName("presentationHint")
        self.hint.setStyleSheet(
            "QLabel { background: #111111; color: white; padding: 8px 16px;"
            " border: 1px solid #777777; border-radius: 8px; }"
        )
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint.hide()
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_MS)
        self._hint_timer.timeout.connect(self.hint.hide)
        menu = view_menu(window)
        menu.addAction(self.action)
        menu.addAction(self.laser_action)
        menu.addAction(self.spotlight_action)
        window.installEventFilter(self)
        window.whiteboard.viewport().installEventFilter(self)  # to put the zoom back

    def _make(self, name: str, text: str, keys: list[str], slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setShortcuts([QKeySequence(k) for k in keys])
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} ({shown})")
        action.toggled.connect(slot)
        self.window.addAction(action)  # its keys work with the menu bar hidden too
        return action

    # -- state -----------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        return self._saved is not None

    def toggle(self, on: bool | None = None) -> None:
        on = not self.is_active if on is None else on
        self.enter() if on else self.leave()

    def enter(self) -> None:
        if self.is_active:
            return
        w = self.window
        view = w.whiteboard
        self._restore_view = None
        self._saved = {
            "state": w.windowState(),
            "geometry": w.geometry(),
            "splitter": w.splitter.saveState(),
            "side": w.side_splitter.saveState(),
            "focus": QApplication.focusWidget(),
            "transform": view.transform(),
            "centre": view.view_center(),
            "hidden": [x for x in self._chrome() if not x.isHidden()],
            "top": self._top_bar_state(),
            "fonts": {x: QFont(x.font()) for x in self._typed()},
        }
        for widget in self._saved["hidden"]:
            widget.hide()
        top = w.timeline.parentWidget()
        top.setAutoFillBackground(True)
        palette = QPalette(top.palette())
        palette.setColor(QPalette.ColorRole.Window, HIGH_CONTRAST.window)
        top.setPalette(palette)
        w.timeline.set_colors(HIGH_CONTRAST)
        w.timer_display.set_colors(HIGH_CONTRAST)
        self.action.setChecked(True)
        QApplication.instance().installEventFilter(self)
        self._auto_fit = True
        w.showFullScreen()
        self._apply_type()
        self.hint.show()
        self.hint.raise_()
        self._hint_timer.start()
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        if not self.is_active:
            return
        saved, self._saved = self._saved, None
        w = self.window
        QApplication.instance().removeEventFilter(self)
        self._set_held(False)
        self._hint_timer.stop()
        self.hint.hide()
        self.overlay.clear()
        self.laser_action.setChecked(False)
        self.spotlight_action.setChecked(False)
        self.action.setChecked(False)
        state = saved["state"]
        if state & Qt.WindowState.WindowFullScreen:
            pass  # it was full screen before: stay so
        elif state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        else:
            w.showNormal()
            w.setGeometry(saved["geometry"])
        top = w.timeline.parentWidget()
        top.setAutoFillBackground(saved["top"][0])
        top.setPalette(saved["top"][1])
        for widget, font in saved["fonts"].items():
            if shiboken6.isValid(widget):
                widget.setFont(font)
        w.timeline.setMinimumHeight(saved["top"][2])
        w.timer_display.setMaximumWidth(saved["top"][3])
        self._typed()[2].setWordWrap(saved["top"][4])
        colors = w.themes.colors
        w.timeline.set_colors(colors)
        w.timer_display.set_colors(colors)
        for widget in saved["hidden"]:
            if shiboken6.isValid(widget):
                widget.show()
        w.splitter.restoreState(saved["splitter"])
        w.side_splitter.restoreState(saved["side"])
        self._restore_view = (saved["transform"], saved["centre"])
        self._put_view_back()
        QTimer.singleShot(1000, self._stop_restoring_view)  # after the window manager's resizes
        focus = saved["focus"]
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _put_view_back(self) -> None:
        if self._restore_view is None:
            return
        transform, centre = self._restore_view
        view = self.window.whiteboard
        view.set_zoom(transform.m11())  # through the view: its detail level and zoom label
        view.centerOn(centre)

    def _stop_restoring_view(self) -> None:
        self._restore_view = None

    # -- what is hidden and what grows -------------------------------------------------------
    def _chrome(self) -> list[QWidget]:
        """Everything but the board, the timeline and the timer."""
        w = self.window
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        chrome: list[QWidget] = [w.menuBar(), w.statusBar()]
        chrome += w.findChildren(QToolBar, options=direct)
        chrome += w.findChildren(QDockWidget, options=direct)
        keep = {w.board, w.timeline, w.timer_display}
        for i in range(w.splitter.count()):
            if w.splitter.widget(i) is not w.board:
                chrome.append(w.splitter.widget(i))
        top = w.timeline.parentWidget()
        chrome += [x for x in top.findChildren(QWidget, options=direct) if x not in keep]
        central = w.centralWidget()
        chrome += [
            x
            for x in central.findChildren(QWidget, options=direct)
            if x not in (top, w.splitter) and not x.isWindow()
        ]
        board = w.board
        chrome += [board.toolbar, board.palette]
        return [x for x in chrome if x is not None]

    def _typed(self) -> list[QWidget]:
        timer = self.window.timer_display
        return [
            self.window.timeline,
            timer.findChild(QLabel, "timerClock"),
            timer.findChild(QLabel, "timerDetail"),
        ]

    def _top_bar_state(self) -> tuple:
        top = self.window.timeline.parentWidget()
        return (
            top.autoFillBackground(),
            QPalette(top.palette()),
            self.window.timeline.minimumHeight(),
            self.window.timer_display.maximumWidth(),
            self._typed()[2].wordWrap(),
        )

    def _apply_type(self) -> None:
        """Type sized for the window: large enough for the back of a room."""
        if not self.is_active:
            return
        scale = TypeScale.for_size(self.window.width(), self.window.height())
        self._scale = scale
        _timeline, clock, detail = self._typed()
        for widget, points in ((clock, scale.clock_pt), (detail, scale.detail_pt)):
            font = QFont(self._saved["fonts"][widget])
            font.setPointSizeF(points)
            font.setBold(widget is clock or font.bold())
            widget.setFont(font)
        detail.setWordWrap(True)  # the long line wraps under the clock instead of widening it
        clock_px = clock.fontMetrics().horizontalAdvance("-00:00")
        self.window.timer_display.setMaximumWidth(
            TypeScale.timer_width(self.window.width(), clock_px)
        )
        self._fit_timeline()
        if self._auto_fit:
            self._fit_board()
        self._place_hint()

    def _place_hint(self) -> None:
        if self._scale is None:
            return
        view, hint = self.window.whiteboard, self.hint
        font = QFont(hint.font())
        font.setPointSizeF(self._scale.detail_pt)
        hint.setFont(font)
        hint.adjustSize()
        hint.move((view.width() - hint.width()) // 2, view.height() - hint.height() - 24)

    def _fit_timeline(self) -> None:
        """The timeline's type as large as the scale says, smaller if a title would not fit
        its segment (the fonts differ between systems)."""
        if not self.is_active or self._scale is None:
            return
        timeline = self.window.timeline
        readings = self.window.session.clock.readings()
        font = QFont(self._saved["fonts"][timeline])
        points = self._scale.timeline_pt
        floor = max(font.pointSizeF(), points * 0.6)
        rects = timeline.segment_rects()
        font.setPointSizeF(points)
        while points > floor and not timeline_fits(font, rects, readings):
            points -= 0.5
            font.setPointSizeF(points)
        if font != timeline.font():
            timeline.setFont(font)
        height = self._scale.timeline_height(timeline.fontMetrics().height())
        if timeline.minimumHeight() != height:
            timeline.setMinimumHeight(height)

    def _fit_board(self) -> None:
        """Show the whole board; stops once the presenter zooms or pans by hand."""
        self._fitting = True
        try:
            self.window.whiteboard.zoom_to_fit()
        finally:
            self._fitting = False

    def _zoomed_by_hand(self, _zoom: float) -> None:
        if not self._fitting:
            self._auto_fit = False

    # -- events ---------------------------------------------------------------------------------
    def _laser_picked(self, on: bool) -> None:
        self.overlay.set_laser(on or self._held)

    def _set_held(self, held: bool) -> None:
        self._held = held
        self.overlay.set_laser(held or self.laser_action.isChecked())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Close and self.is_active:
                self.leave()  # the window saves its layout next: the real one
            elif kind == QEvent.Type.Resize and self.is_active:
                self._apply_type()
            return False
        if watched is self.window.timeline:
            if kind == QEvent.Type.Resize and self.is_active:
                self._fit_timeline()
            return False
        if kind == QEvent.Type.Resize and watched is self.window.whiteboard.viewport():
            if self.is_active:
                self._place_hint()  # the window manager may size the window in steps
            elif self._restore_view is not None:
                self._put_view_back()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or not self.is_active:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if isinstance(QApplication.focusWidget(), _TEXT_INPUTS):
            return False  # typing a label: every key is the text's
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        if kind == QEvent.Type.KeyPress and key == Qt.Key.Key_Escape:
            self.leave()
            return True
        if key == HOLD_KEY and plain:
            if not event.isAutoRepeat():
                self._set_held(kind == QEvent.Type.KeyPress)
            return True
        if key == SPOT_KEY and plain:
            if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                self.spotlight_action.toggle()
            return True
        return False
