"""Preferences: the overtime sound cue and the colour theme (applied live)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.ui.settings.app_settings import AppSettings
from sdi_desktop.ui.theme import THEME_LABELS, THEMES, ThemeManager


class SettingsDialog(QDialog):
    def __init__(
        self, settings: AppSettings, themes: ThemeManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        self._themes = themes

        self.sound_box = QCheckBox("Beep when a phase runs out of time")
        self.sound_box.setObjectName("settingSoundCue")
        self.sound_box.setChecked(settings.sound_cue)
        self.sound_box.toggled.connect(self._on_sound)

        self.follow_ups_box = QCheckBox(
            "Ask the problem's follow-up questions (deep dive, wrap-up)"
        )
        self.follow_ups_box.setObjectName("settingFollowUps")
        self.follow_ups_box.setChecked(settings.follow_up_questions)
        self.follow_ups_box.toggled.connect(lambda on: setattr(settings, "follow_up_questions", on))

        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("settingTheme")
        for key in THEMES:
            self.theme_combo.addItem(THEME_LABELS[key], key)
        self.theme_combo.setCurrentIndex(THEMES.index(settings.theme))
        self.theme_combo.currentIndexChanged.connect(self._on_theme)

        form = QFormLayout()
        form.addRow("Overtime cue", self.sound_box)
        form.addRow("Theme", self.theme_combo)
        form.addRow("Interviewer", self.follow_ups_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_sound(self, value: bool) -> None:
        self._settings.sound_cue = value

    def _on_theme(self, index: int) -> None:
        key = self.theme_combo.itemData(index)
        self._settings.theme = key
        self._themes.apply(key)
