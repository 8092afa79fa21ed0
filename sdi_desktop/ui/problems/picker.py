"""The problem picker: search, filter by tag and difficulty, surprise me, or a custom prompt."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop import paths
from sdi_desktop.domain.problems import (
    DIFFICULTIES,
    PracticeHistory,
    PracticeRecord,
    Problem,
    ProblemLibrary,
    load_library,
    pick_surprise,
)

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Problem", "Difficulty", "Tags", "Practised", "Last")


def load_app_library(data_dir: Path) -> ProblemLibrary:
    """The built-in problems plus the user's own from ``<data dir>/problems``."""
    return load_library(paths.resource_root("problems"), paths.user_problems_dir(data_dir))


class ProblemPicker(QWidget):
    """Lists the library; emits ``problemChanged`` with the chosen problem (or None)."""

    problemChanged = Signal(object)
    customToggled = Signal(bool)

    def __init__(
        self,
        library: ProblemLibrary,
        history: PracticeHistory | None = None,
        data_dir: Path | None = None,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problemPicker")
        self.setAccessibleName("Problem picker")
        self.library = library
        self.history: PracticeHistory = history or {}
        self.data_dir = data_dir
        self._rng = rng or random.Random()

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("problemSearch")
        self.search_edit.setPlaceholderText("Search problems (e.g. cache, chat, payments)")
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("problemTagFilter")
        self.tag_combo.setAccessibleName("Filter by tag")
        self.difficulty_combo = QComboBox()
        self.difficulty_combo.setObjectName("problemDifficultyFilter")
        self.difficulty_combo.setAccessibleName("Filter by difficulty")
        self.difficulty_combo.addItem("Any difficulty", "")
        for difficulty in DIFFICULTIES:
            self.difficulty_combo.addItem(difficulty.capitalize(), difficulty)
        self.surprise_button = QPushButton("Surprise me")
        self.surprise_button.setObjectName("problemSurprise")
        self.surprise_button.setToolTip(
            "Pick a problem you have not practised yet (or practised longest ago), "
            "among those the filters show"
        )

        self.tree = QTreeWidget()
        self.tree.setObjectName("problemList")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # tags take what is left
        self.count_label = QLabel()
        self.count_label.setObjectName("problemCount")
        self.preview = QLabel()
        self.preview.setObjectName("problemPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumHeight(48)

        self.custom_toggle = QCheckBox("Use my own prompt instead of a library problem")
        self.custom_toggle.setObjectName("customPromptToggle")
        self.custom_edit = QPlainTextEdit()
        self.custom_edit.setObjectName("customPrompt")
        self.custom_edit.setPlaceholderText("Type the prompt as an interviewer would say it")
        self.custom_edit.setMaximumHeight(90)
        self.custom_edit.hide()

        self.new_button = QPushButton("New problem…")
        self.new_button.setObjectName("problemNew")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setObjectName("problemEdit")
        self.edit_button.setToolTip(
            "Edit one of your problems, or start a problem of your own from a built-in one"
        )
        self.errors_label = QLabel()
        self.errors_label.setObjectName("problemErrorsHeading")
        self.errors_label.setWordWrap(True)
        self.errors_list = QListWidget()
        self.errors_list.setObjectName("problemErrors")
        self.errors_list.setAccessibleName("Problem files that were skipped")
        self.errors_list.setMaximumHeight(70)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.tag_combo)
        filters.addWidget(self.difficulty_combo)
        filters.addWidget(self.surprise_button)
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        below.addWidget(self.new_button)
        below.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(below)
        layout.addWidget(self.preview)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors_list)
        custom_row = QHBoxLayout()  # natural width: clicks beside the text do nothing
        custom_row.addWidget(self.custom_toggle)
        custom_row.addStretch(1)
        layout.addLayout(custom_row)
        layout.addWidget(self.custom_edit)
        has_editor = data_dir is not None
        self.new_button.setVisible(has_editor)
        self.edit_button.setVisible(has_editor)

        self.search_edit.textChanged.connect(self.refresh)
        self.tag_combo.currentIndexChanged.connect(self.refresh)
        self.difficulty_combo.currentIndexChanged.connect(self.refresh)
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.surprise_button.clicked.connect(self.surprise)
        self.custom_toggle.toggled.connect(self._on_custom_toggled)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(lambda: self.open_editor(self.selected_problem()))
        self.errors_list.itemActivated.connect(self._fix_file)
        self.set_library(library)
        self._on_selection()

    # -- content ---------------------------------------------------------------------
    def set_library(self, library: ProblemLibrary, select: str | None = None) -> None:
        self.library = library
        current = self.tag_combo.currentData() or ""
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("Any tag", "")
        for tag in library.tags():
            self.tag_combo.addItem(tag, tag)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(current)))
        self.tag_combo.blockSignals(False)
        self._show_errors()
        self.refresh()
        if select:
            self.select_problem(select)

    def _show_errors(self) -> None:
        errors = self.library.errors
        self.errors_label.setVisible(bool(errors))
        self.errors_list.setVisible(bool(errors))
        self.errors_list.clear()
        if not errors:
            return
        fixable = False
        for index, error in enumerate(errors):
            item = QListWidgetItem(str(error))
            origin = self.library.skipped_origin(index)
            if origin is not None and origin.user and self.data_dir is not None:
                item.setData(ID_ROLE, str(origin.path))
                item.setToolTip("Double-click (or press Enter) to fix this file in the editor")
                fixable = True
            self.errors_list.addItem(item)
        hint = " Double-click one of yours to fix it." if fixable else ""
        self.errors_label.setText(
            f"<b>Skipped {len(errors)} problem file(s) that could not be read.</b>{hint}"
        )

    def _fix_file(self, item: QListWidgetItem) -> str | None:
        path = item.data(ID_ROLE)
        return self.open_editor(None, Path(path)) if path else None

    def refresh(self) -> None:
        """Re-apply the search text and filters, keeping the selection if still shown."""
        selected = self.selected_id()
        found = self.library.search(
            self.search_edit.text(), self.tag_combo.currentData() or "", self.difficulty()
        )
        self.tree.blockSignals(True)
        self.tree.clear()
        for problem in found:
            record = self.history.get(problem.id, PracticeRecord())
            last = record.last.strftime("%Y-%m-%d") if record.last else "never"
            mine = "  (yours)" if self.library.is_user(problem.id) else ""
            item = QTreeWidgetItem(
                [
                    problem.title + mine,
                    problem.difficulty.capitalize(),
                    ", ".join(problem.tags),
                    str(record.count),
                    last,
                ]
            )
            item.setData(0, ID_ROLE, problem.id)
            item.setToolTip(0, problem.prompt)
            self.tree.addTopLevelItem(item)
            if problem.id == selected:
                item.setSelected(True)
        self.tree.blockSignals(False)
        total = len(self.library)
        self.count_label.setText(
            f"{len(found)} of {total} problems" if len(found) != total else f"{total} problems"
        )
        if selected and self.selected_id() != selected:
            self._on_selection()

    def difficulty(self) -> str:
        return self.difficulty_combo.currentData() or ""

    def visible_ids(self) -> list[str]:
        return [
            self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())
        ]

    # -- selection -------------------------------------------------------------------
    def selected_id(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, ID_ROLE) if items else None

    def selected_problem(self) -> Problem | None:
        """The chosen library problem; None when nothing is chosen or in custom mode."""
        if self.is_custom():
            return None
        problem_id = self.selected_id()
        return self.library.get(problem_id) if problem_id else None

    def select_problem(self, problem_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == problem_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def surprise(self) -> Problem | None:
        shown = [self.library.get(i) for i in self.visible_ids()]
        problem = pick_surprise(shown, self.history, self._rng)
        if problem is not None:
            self.custom_toggle.setChecked(False)
            self.select_problem(problem.id)
        return problem

    def _on_selection(self) -> None:
        problem = self.selected_problem()
        self.edit_button.setEnabled(problem is not None)
        if problem is None:
            self.preview.setText("Choose a problem to see its prompt.")
        else:
            self.preview.setText(
                f"<b>{_escape(problem.title)}</b> · {problem.difficulty} · "
                f"{_escape(', '.join(problem.tags))}<br>{_escape(problem.prompt)}"
            )
        self.problemChanged.emit(problem)

    # -- custom prompt ---------------------------------------------------------------
    def is_custom(self) -> bool:
        return self.custom_toggle.isChecked()

    def custom_prompt(self) -> str:
        return self.custom_edit.toPlainText().strip() if self.is_custom() else ""

    def _on_custom_toggled(self, custom: bool) -> None:
        self.custom_edit.setVisible(custom)
        for widget in (self.tree, self.search_edit, self.tag_combo, self.difficulty_combo):
            widget.setEnabled(not custom)
        if custom:
            self.custom_edit.setFocus()
        self.customToggled.emit(custom)
        self._on_selection()

    # -- user problems ---------------------------------------------------------------
    def open_editor(self, problem: Problem | None, path: Path | None = None) -> str | None:
        """Open the editor on ``problem``, on a skipped file at ``path``, or on a new one.

        After a save the library is reloaded and the saved problem selected.
        """
        from sdi_desktop.ui.problems.editor import ProblemEditor

        if self.data_dir is None:
            return None
        user_dir = paths.user_problems_dir(self.data_dir)
        editor = ProblemEditor(self.library, user_dir, problem, self, path)
        if editor.exec() != ProblemEditor.DialogCode.Accepted:
            return None
        self.search_edit.clear()
        self.tag_combo.setCurrentIndex(0)
        self.difficulty_combo.setCurrentIndex(0)
        self.set_library(load_app_library(self.data_dir), select=editor.saved_id)
        return editor.saved_id


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
