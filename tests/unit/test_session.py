from sdi_desktop.domain.session import DEFAULT_TITLE, Checklist, InterviewSession
from tests.conftest import FakeTime


def test_checklist_ticks_and_events():
    checklist = Checklist()
    seen = []
    checklist.changed.connect(lambda *args: seen.append(args))
    checklist.set_checked("scope", 1, True)
    checklist.set_checked("scope", 1, True)  # unchanged: no event
    checklist.set_checked("scope", 3, True)
    checklist.set_checked("scope", 1, False)
    assert seen == [("scope", 1, True), ("scope", 3, True), ("scope", 1, False)]
    assert checklist.is_checked("scope", 3)
    assert checklist.done_count("scope") == 1
    assert ("scope", 3) not in checklist.unchecked()
    assert ("scope", 0) in checklist.unchecked()
    assert Checklist.from_dict(checklist.to_dict()).to_dict() == checklist.to_dict()


def test_blank_title_falls_back_to_default():
    assert InterviewSession("   ", now=FakeTime()).title == DEFAULT_TITLE
    assert InterviewSession("Design a chat", now=FakeTime()).format.total_minutes == 45
