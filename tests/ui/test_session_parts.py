"""A feature's data kept with the session through ``SessionController.register_part``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sdi_desktop.domain.record import SessionRecord
from tests.ui.test_persistence import saved

WINDOW_PARTS = ("estimation", "design_review", "follow_ups", "mock")


def ours(extras: dict) -> dict:
    """The extras but those the window's own features keep (estimation, review...)."""
    return {k: v for k, v in extras.items() if k not in WINDOW_PARTS}


class FakePart:
    """The smallest feature: one dict it edits and saves with the session."""

    def __init__(self, controller, key: str = "fake_feature", in_snapshots: bool = True) -> None:
        self.data: dict | None = None
        self.restored: list = []
        self.part = controller.register_part(
            key, snapshot=lambda: self.data, restore=self.load, in_snapshots=in_snapshots
        )

    def load(self, value) -> None:
        self.restored.append(value)
        self.data = value

    def edit(self, **values) -> bool:
        if not self.part.editable():
            return False
        self.data = {**(self.data or {}), **values}
        self.part.changed()
        return True


def test_an_edit_is_autosaved_and_a_reopened_session_restores_it(open_app, qtbot, tmp_path):
    window = open_app()
    fake = FakePart(window.session_controller)
    assert fake.restored == [None]  # a new session: nothing stored yet
    assert fake.edit(dau=100_000_000)
    qtbot.waitUntil(lambda: saved(window) is not None, timeout=3000)
    assert ours(saved(window).extras) == {"fake_feature": {"dau": 100_000_000}}
    session_id = window.session_controller.session_id
    window.close()

    again = open_app(tmp_path / "data")  # resumes the active session
    assert again.session_controller.session_id == session_id
    fake = FakePart(again.session_controller)
    assert fake.data == {"dau": 100_000_000}
    again.start_session("Next", again.session.format)
    assert fake.restored[-1] is None  # a new session starts without it


def test_review_mode_refuses_the_parts_edits_and_replay_shows_phase_values(open_app, qtbot):
    window = open_app()
    controller = window.session_controller
    fake = FakePart(controller)
    fake.edit(dau=10)
    window.session.clock.start()
    window.next_phase()  # the scope snapshot keeps {"dau": 10}
    fake.edit(dau=20)
    window.finish_session()
    qtbot.waitUntil(lambda: controller.reviews.rubric is not None)
    controller.reviews.rubric.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    stored = controller.store.sessions.get(controller.session_id)
    assert ours(stored.extras) == {"fake_feature": {"dau": 20}}
    # a snapshot at the end of scope, and one of the last phase when finishing
    assert [ours(s.extras) for s in stored.snapshots] == [
        {"fake_feature": {"dau": 10}},
        {"fake_feature": {"dau": 20}},
    ]

    assert not fake.edit(dau=30)  # read-only
    fake.data = {"dau": 99}
    fake.part.changed()  # even a part that does not ask is not saved
    controller.flush()
    assert ours(controller.store.sessions.get(controller.session_id).extras) == ours(stored.extras)

    controller.review.slider.setValue(0)  # the end of scope
    assert fake.restored[-1] == {"dau": 10}
    controller.review.slider.setValue(controller.review.slider.maximum())
    assert fake.restored[-1] == {"dau": 20}
    qtbot.mouseClick(controller.review.continue_button, Qt.MouseButton.LeftButton)
    assert fake.edit(dau=40)
    controller.flush()
    assert ours(controller.store.sessions.get(controller.session_id).extras) == {
        "fake_feature": {"dau": 40}
    }


def test_extras_no_part_claims_survive_a_save(open_app, qtbot):
    window = open_app()
    controller = window.session_controller
    newer = {"interviewer": {"remarks": ["good scoping"]}, "fake_feature": {"dau": 1}}
    session_id = controller.store.sessions.create(SessionRecord(title="From a newer app"))
    record = controller.store.sessions.get(session_id)
    record.extras = newer
    controller.store.sessions.save(record)
    assert controller.open_session(session_id)
    fake = FakePart(controller)
    assert fake.data == {"dau": 1}
    fake.edit(dau=2)
    window.notes.panes["api"].setPlainText("GET /x")
    controller.flush()
    assert ours(controller.store.sessions.get(session_id).extras) == {
        "interviewer": {"remarks": ["good scoping"]},
        "fake_feature": {"dau": 2},
    }
