"""The problem picker and the editor, driven with real keys and clicks."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from sdi_desktop import paths
from sdi_desktop.domain.problems import PracticeRecord
from sdi_desktop.ui.problem_editor import ProblemEditor
from sdi_desktop.ui.problem_picker import ProblemPicker, load_app_library

EXAMPLE_BODY = (paths.resource_root("problems") / "pastebin.toml").read_text(encoding="utf-8")


@pytest.fixture
def make_picker(qtbot, tmp_path):
    def factory(history=None, rng=None) -> ProblemPicker:
        picker = ProblemPicker(load_app_library(tmp_path), history, tmp_path, rng)
        qtbot.addWidget(picker)
        picker.resize(800, 600)
        picker.show()
        qtbot.waitExposed(picker)
        return picker

    return factory


def click_row(qtbot, picker: ProblemPicker, problem_id: str) -> None:
    row = picker.visible_ids().index(problem_id)
    item = picker.tree.topLevelItem(row)
    picker.tree.scrollToItem(item)
    rect = picker.tree.visualItemRect(item)
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_search_narrows_the_list_as_you_type(make_picker, qtbot):
    picker = make_picker()
    everything = picker.visible_ids()
    assert len(everything) >= 30
    picker.search_edit.setFocus()
    qtbot.keyClicks(picker.search_edit, "wallet")
    assert picker.visible_ids() == ["digital-wallet"]
    assert picker.count_label.text() == f"1 of {len(everything)} problems"
    for _ in "wallet":
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Backspace)
    assert picker.visible_ids() == everything
    qtbot.keyClicks(picker.search_edit, "no such problem at all")
    assert picker.visible_ids() == []


def test_filter_by_tag_and_difficulty(make_picker, qtbot):
    picker = make_picker()
    tag = picker.tag_combo
    tag.setFocus()
    tag.setCurrentIndex(tag.findData("payments"))
    shown = picker.visible_ids()
    assert {"payment-system", "digital-wallet"} <= set(shown)
    assert "url-shortener" not in shown
    assert all("payments" in picker.library.get(i).tags for i in shown)
    difficulty = picker.difficulty_combo
    difficulty.setCurrentIndex(difficulty.findData("easy"))
    assert picker.visible_ids() == []
    tag.setCurrentIndex(0)
    easy = picker.visible_ids()
    assert "url-shortener" in easy
    assert all(picker.library.get(i).difficulty == "easy" for i in easy)


def test_clicking_a_row_selects_the_problem_and_previews_it(make_picker, qtbot):
    picker = make_picker()
    with qtbot.waitSignal(picker.problemChanged) as signal:
        click_row(qtbot, picker, "chat-system")
    assert signal.args[0].id == "chat-system"
    assert picker.selected_problem().id == "chat-system"
    assert "chat app" in picker.preview.text()


def test_surprise_me_picks_the_one_never_practised(make_picker, qtbot):
    library = load_app_library(paths.data_dir())
    history = {p.id: PracticeRecord(2, datetime(2026, 3, 1)) for p in library.problems}
    del history["web-crawler"]
    picker = make_picker(history, random.Random(3))
    qtbot.mouseClick(picker.surprise_button, Qt.MouseButton.LeftButton)
    assert picker.selected_problem().id == "web-crawler"
    row = picker.visible_ids().index("url-shortener")
    item = picker.tree.topLevelItem(row)
    assert (item.text(3), item.text(4)) == ("2", "2026-03-01")


def test_custom_prompt_replaces_the_library_problem(make_picker, qtbot):
    picker = make_picker()
    click_row(qtbot, picker, "leaderboard")
    qtbot.mouseClick(picker.custom_toggle, Qt.MouseButton.LeftButton)
    assert picker.custom_edit.isVisible() and not picker.tree.isEnabled()
    qtbot.keyClicks(picker.custom_edit, "Design a parking garage")
    assert picker.selected_problem() is None
    assert picker.custom_prompt() == "Design a parking garage"


def test_broken_user_files_are_listed_skipped_and_can_be_fixed(tmp_path, qtbot, make_picker):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    user = paths.user_problems_dir(tmp_path)
    user.mkdir()
    broken = user / "half-done.toml"
    broken.write_text('id = "half-done"\ntitle = "Half"\n', encoding="utf-8")
    picker = make_picker()
    assert picker.errors_list.isVisible()
    assert picker.errors_list.count() == 1
    line = picker.errors_list.item(0).text()
    assert line.startswith(f"{broken}: field 'difficulty': missing")
    assert "half-done" not in picker.visible_ids()
    assert len(picker.visible_ids()) >= 30

    def fix():
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, ProblemEditor)
        assert not editor.save_button.isEnabled()
        assert "half-done.toml: field 'difficulty'" in editor.status.text()
        body = EXAMPLE_BODY.replace('id = "pastebin"', 'id = "half-done"')
        editor.editor.setPlainText(body)
        qtbot.waitUntil(editor.save_button.isEnabled)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, fix)
    picker.errors_list.setCurrentRow(0)
    qtbot.keyClick(picker.errors_list, Qt.Key.Key_Return)
    assert not picker.errors_list.isVisible()
    assert picker.selected_problem().id == "half-done"
    assert "pastebin" in broken.read_text(encoding="utf-8")  # saved over the broken file


def test_editor_copies_a_builtin_problem_validating_as_you_type(tmp_path, qtbot):
    library = load_app_library(tmp_path)
    user = paths.user_problems_dir(tmp_path)
    editor = ProblemEditor(library, user, library.get("url-shortener"))
    qtbot.addWidget(editor)
    editor.show()
    assert editor.save_button.isEnabled()
    assert 'id = "my-url-shortener"' in editor.editor.toPlainText()

    editor.editor.setFocus()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "bogus = 1")
    qtbot.waitUntil(lambda: not editor.save_button.isEnabled())
    # the new line sits under the last header ([reference.board]), and the message says so
    assert "field 'reference.board.bogus': unknown field" in editor.status.text()
    for _ in "_bogus = 1":  # the line and its line break
        qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(editor.save_button.isEnabled)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = user / "my-url-shortener.toml"
    assert saved.is_file()
    assert editor.saved_id == "my-url-shortener"
    reloaded = load_app_library(tmp_path)
    assert reloaded.errors == [] and reloaded.is_user("my-url-shortener")


def test_editor_refuses_an_id_already_taken(tmp_path, qtbot):
    library = load_app_library(tmp_path)
    editor = ProblemEditor(library, paths.user_problems_dir(tmp_path), library.get("pastebin"))
    qtbot.addWidget(editor)
    text = editor.editor.toPlainText().replace('id = "my-pastebin"', 'id = "url-shortener"')
    editor.editor.setPlainText(text)
    assert not editor.validate()
    assert not editor.save_button.isEnabled()
    assert "field 'id': 'url-shortener' is already used by problems/url-shortener.toml" in (
        editor.status.text()
    )


def test_new_problem_starts_invalid_and_names_the_first_field(tmp_path, qtbot):
    editor = ProblemEditor(load_app_library(tmp_path), paths.user_problems_dir(tmp_path))
    qtbot.addWidget(editor)
    assert not editor.save_button.isEnabled()
    assert "new problem: field 'id': must not be empty" in editor.status.text()


def test_picker_new_and_edit_buttons_save_into_the_data_dir(make_picker, qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    picker = make_picker()
    click_row(qtbot, picker, "pastebin")

    def save_copy():
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, ProblemEditor)
        text = editor.editor.toPlainText().replace(
            'title = "Design a text-sharing service (pastebin)"', 'title = "My own pastebin"'
        )
        editor.editor.setPlainText(text)
        qtbot.waitUntil(editor.save_button.isEnabled)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, save_copy)
    qtbot.mouseClick(picker.edit_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "problems" / "my-pastebin.toml").is_file()
    assert picker.selected_problem().title == "My own pastebin"
    assert picker.library.is_user("my-pastebin")
    row = picker.visible_ids().index("my-pastebin")
    assert picker.tree.topLevelItem(row).text(0).endswith("(yours)")
