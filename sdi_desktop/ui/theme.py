"""Light and dark themes, and following the system's colour scheme.

The Fusion style with an explicit palette looks the same on every platform
(offscreen included), so screenshots match what users see.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class Colors(NamedTuple):
    """Colours the custom-painted widgets use, per theme."""

    dark: bool
    window: QColor
    base: QColor
    text: QColor
    muted: QColor
    accent: QColor
    accent_soft: QColor
    segment: QColor
    done: QColor
    warning: QColor
    warning_soft: QColor


LIGHT = Colors(
    dark=False,
    window=QColor("#f4f5f7"),
    base=QColor("#ffffff"),
    text=QColor("#1d2330"),
    muted=QColor("#5d6778"),
    accent=QColor("#2f6fde"),
    accent_soft=QColor("#b9d0f7"),
    segment=QColor("#e3e7ee"),
    done=QColor("#9fb3d1"),
    warning=QColor("#d2461f"),
    warning_soft=QColor("#f6c7b8"),
)

DARK = Colors(
    dark=True,
    window=QColor("#1f232a"),
    base=QColor("#272c35"),
    text=QColor("#e6e9ef"),
    muted=QColor("#9aa3b2"),
    accent=QColor("#5b9bff"),
    accent_soft=QColor("#2e4a78"),
    segment=QColor("#343a46"),
    done=QColor("#4a5a75"),
    warning=QColor("#ff7a4d"),
    warning_soft=QColor("#6b3326"),
)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> Colors:
    if mode == "dark":
        return DARK
    if mode == "light":
        return LIGHT
    return DARK if system_is_dark() else LIGHT


def _palette(c: Colors) -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.segment,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.base if c.dark else c.window,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: c.accent,
        QPalette.ColorRole.Mid: c.segment,
        QPalette.ColorRole.Midlight: c.segment,
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, c.muted)
    return p


FUSION_FLAG = "sdiFusionStyle"


def ensure_fusion(app: QApplication) -> None:
    """Use the Fusion style (once). An app created with ``-style fusion`` sets the flag
    itself, which spares start-up the Python wrapping of a second style object."""
    if not app.property(FUSION_FLAG):
        app.setStyle("Fusion")
        app.setProperty(FUSION_FLAG, True)


class ThemeManager:
    """Applies a theme to the application and re-applies it when the system changes."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._mode = "system"
        self.colors = LIGHT
        self._listeners: list = []
        ensure_fusion(app)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_change)

    @property
    def mode(self) -> str:
        return self._mode

    def on_change(self, callback) -> None:
        self._listeners.append(callback)

    def apply(self, mode: str) -> None:
        self._mode = mode if mode in THEMES else "system"
        self.colors = resolve(self._mode)
        self._app.setPalette(_palette(self.colors))
        for callback in list(self._listeners):
            callback(self.colors)

    def _on_system_change(self, _scheme) -> None:
        if self._mode == "system":
            self.apply("system")
