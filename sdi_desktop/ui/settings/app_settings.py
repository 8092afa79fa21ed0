"""User preferences, stored as an INI file in the data directory.

Keeping them beside the database (rather than in the platform's registry or
~/.config) means ``--data-dir`` isolates everything, tests included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from sdi_desktop.ui.theme import THEMES


class AppSettings:
    FILE_NAME = "settings.ini"

    def __init__(self, data_dir: Path) -> None:
        self._qs = QSettings(str(Path(data_dir) / self.FILE_NAME), QSettings.Format.IniFormat)

    @property
    def path(self) -> str:
        return self._qs.fileName()

    # -- preferences -----------------------------------------------------------
    @property
    def sound_cue(self) -> bool:
        return self._qs.value("cue/sound", True, type=bool)

    @sound_cue.setter
    def sound_cue(self, value: bool) -> None:
        self._qs.setValue("cue/sound", bool(value))

    @property
    def theme(self) -> str:
        value = self._qs.value("appearance/theme", "system", type=str)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("appearance/theme", value if value in THEMES else "system")

    @property
    def notes_follow_phase(self) -> bool:
        return self._qs.value("notes/follow_phase", True, type=bool)

    @notes_follow_phase.setter
    def notes_follow_phase(self, value: bool) -> None:
        self._qs.setValue("notes/follow_phase", bool(value))

    @property
    def follow_up_questions(self) -> bool:
        return self._qs.value("practice/follow_up_questions", True, type=bool)

    @follow_up_questions.setter
    def follow_up_questions(self, value: bool) -> None:
        self._qs.setValue("practice/follow_up_questions", bool(value))

    @property
    def guidance_visible(self) -> bool:
        """The guidance panel (View > Guidance Panel): shown unless the user hid it."""
        return self._qs.value("panels/guidance_visible", True, type=bool)

    @guidance_visible.setter
    def guidance_visible(self, value: bool) -> None:
        self._qs.setValue("panels/guidance_visible", bool(value))

    def bool_value(self, key: str, default: bool) -> bool:
        return self._qs.value(key, default, type=bool)

    def set_bool_value(self, key: str, value: bool) -> None:
        self._qs.setValue(key, bool(value))

    # -- window state ------------------------------------------------------------
    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
