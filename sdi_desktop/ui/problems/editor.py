"""Create or edit one of the user's problems as TOML, validated as you type.

Saving is refused while the text is invalid; files are written with QSaveFile,
so a crash mid-write never leaves half a problem behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.problems import (
    Problem,
    ProblemError,
    ProblemFileError,
    ProblemLibrary,
    parse_problem_text,
)

VALIDATE_DELAY_MS = 250

NEW_PROBLEM = '''# A problem of your own. Fill in every field: the line under the editor names the
# next one to fix, and Save is enabled once the problem is complete.
# The format is described in docs/problem-format.md.
id = ""
title = ""
difficulty = "medium"
tags = []
prompt = """
"""
clarifying_questions = []
functional_requirements = []
non_functional_requirements = []
components = []
follow_up_questions = []
pitfalls = []
reviewer_points = []

[suggested_scale]
users = ""
requests = ""
data = ""
''' + (
    """
[[deep_dives]]
topic = ""
concern = ""

  [[deep_dives.options]]
  name = ""
  trade_offs = ""

  [[deep_dives.options]]
  name = ""
  trade_offs = ""
"""
    * 3
)


class ProblemEditor(QDialog):
    """Edits a user problem in place, copies a built-in one, or starts a new one."""

    def __init__(
        self,
        library: ProblemLibrary,
        user_dir: Path,
        problem: Problem | None = None,
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        """Edit ``problem``, or fix the skipped file at ``path``, or (neither) start anew."""
        super().__init__(parent)
        self.setObjectName("problemEditor")
        self.library = library
        self.user_dir = Path(user_dir)
        self.saved_id: str | None = None
        self._problem: Problem | None = None
        self._original_id: str | None = None
        self._original_path: Path | None = None
        text, title = self._initial_text(problem, path)
        self.setWindowTitle(title)
        self.resize(760, 640)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("problemSource")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlainText(text)
        self.status = QLabel()
        self.status.setObjectName("problemEditorStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("problemSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate)
        self.editor.textChanged.connect(self._timer.start)
        self.validate()

    def _initial_text(self, problem: Problem | None, path: Path | None) -> tuple[str, str]:
        if path is not None:
            # A file that failed to load: show what can be read of it, and save over it.
            self._original_path = path
            text = path.read_bytes().decode("utf-8", errors="replace").replace("\x00", "")
            return text, f"Fix problem file: {path.name}"
        if problem is None:
            return NEW_PROBLEM, "New problem"
        origin = self.library.origin(problem.id)
        text = origin.path.read_text(encoding="utf-8") if origin else ""
        if origin and origin.user:
            self._original_id = problem.id
            self._original_path = origin.path
            return text, f"Edit problem: {problem.title}"
        # A built-in problem is copied under a new id; the built-in file stays as it is.
        copy_id = f"my-{problem.id}"
        text = text.replace(f'id = "{problem.id}"', f'id = "{copy_id}"', 1)
        return text, f"New problem from: {problem.title}"

    def _file_name(self) -> str:
        return self._original_path.name if self._original_path else "new problem"

    def target_path(self, problem: Problem) -> Path:
        """Where Save writes: the file being edited, else ``<id>.toml`` in the user folder."""
        return self._original_path or self.user_dir / f"{problem.id}.toml"

    def validate(self) -> bool:
        """Check the text now; show the verdict and enable Save only when it is valid."""
        self._timer.stop()
        self._problem = None
        error: ProblemError | None = None
        more = 0
        try:
            problem = parse_problem_text(self.editor.toPlainText(), self._file_name())
        except ProblemFileError as exc:
            error, more = exc.error, exc.more
        else:
            error = self._conflict(problem)
            if error is None:
                self._problem = problem
        if error is not None:
            extra = f" (and {more} more)" if more else ""
            self.status.setText(f"⚠ {error}{extra}")
            self.status.setStyleSheet("color: #c62828;")
        else:
            self.status.setText(f"✓ Valid. Save writes {self.target_path(self._problem)}")
            self.status.setStyleSheet("color: #2e7d32;")
        self.save_button.setEnabled(self._problem is not None)
        return self._problem is not None

    def _conflict(self, problem: Problem) -> ProblemError | None:
        """A clash of the id with another problem or another file, if any."""
        name = self._file_name()
        origin = self.library.origin(problem.id)
        if origin is not None and problem.id != self._original_id:
            return ProblemError(
                name, "id", f"'{problem.id}' is already used by {origin.name}; choose another id"
            )
        target = self.target_path(problem)
        if self._original_path is None and target.exists():
            return ProblemError(
                name, "id", f"a file {target.name} already exists in {target.parent}"
            )
        return None

    def problem(self) -> Problem | None:
        return self._problem

    def save(self) -> bool:
        if not self.validate():
            return False
        problem = self._problem
        target = self.target_path(problem)
        target.parent.mkdir(parents=True, exist_ok=True)
        out = QSaveFile(str(target))
        data = self.editor.toPlainText().encode("utf-8")
        if not (out.open(QIODevice.OpenModeFlag.WriteOnly) and out.write(data) == len(data)):
            out.cancelWriting()
        if not out.commit():
            self.status.setText(f"⚠ Could not save {target}: {out.errorString()}")
            self.status.setStyleSheet("color: #c62828;")
            return False
        self.saved_id = problem.id
        self.accept()
        return True
