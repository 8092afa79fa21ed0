"""Session JSON export/import round-trips; bad files are refused naming the field;
the Markdown write-up holds the problem, the phase times, every pane and the board."""

from __future__ import annotations

import json

import pytest

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage.exchange import (
    SessionFormatError,
    session_from_json,
    session_to_json,
    session_to_markdown,
)
from tests.storage.conftest import full_record


def test_import_of_export_equals_the_session_bar_its_id(record):
    record.id = 12
    text = session_to_json(record)
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("sdi-session", 1)
    assert data["board"]["format"] == "sdi-board" and data["board"]["version"] == 2
    assert "id" not in data
    back = session_from_json(text)
    assert back.id is None
    back.id = 12
    assert back == record


def test_round_trip_through_the_store(store, record):
    session_id = store.sessions.create(record)
    exported = session_to_json(store.sessions.get(session_id))
    new_id = store.sessions.create(session_from_json(exported))
    assert new_id != session_id
    copy = store.sessions.get(new_id)
    copy.id = session_id
    assert copy == store.sessions.get(session_id)


def test_a_minimal_record_round_trips():
    record = SessionRecord()
    assert session_from_json(session_to_json(record)) == record


def _broken(change) -> str:
    data = json.loads(session_to_json(full_record()))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="sdi-board"), r"^format: must be 'sdi-session'"),
        (lambda d: d.update(version=9), r"^version: .*9.* not supported"),
        (lambda d: d.pop("title"), r"^title: Field required"),
        (lambda d: d.update(status="paused"), r"^status: "),
        (lambda d: d.update(started_at="yesterday"), r"^started_at: "),
        (lambda d: d["snapshots"][1].update(phase_index=7), r"^snapshots\[1\]\.phase_index: "),
        (lambda d: d.update(surprise=1), r"^surprise: Extra inputs are not permitted"),
        (lambda d: d["notes"].update(api=3), r"^notes\.api: "),
        (
            lambda d: d["board"]["elements"][0].pop("x"),
            r"^board: elements\[0\] \(zone zone-write\)\.x: Field required",
        ),
        (
            lambda d: d["snapshots"][0]["board"].update(version=99),
            r"^snapshots\[0\]\.board: board format version 99",
        ),
        (
            lambda d: d.update(interview_format={"name": "x", "minutes": [1]}),
            r"^interview_format: ",
        ),
        (lambda d: d["clock"].update(spent=[1]), r"^clock: not a valid clock"),
    ],
)
def test_malformed_files_name_the_field(change, message):
    with pytest.raises(SessionFormatError, match=message) as exc:
        session_from_json(_broken(change))
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("text", ["", "{", "[]", "null", b"\xff\xfe"])
def test_not_json_or_not_an_object(text):
    with pytest.raises(SessionFormatError):
        session_from_json(text)


def test_markdown_is_a_complete_write_up(record):
    record.clock = dict(record.clock, spent=[500.0, 1500.0, 1000.25, 0.0])  # scope over 07:00
    md = session_to_markdown(record, board_image="session-board.png")
    assert md.startswith("# URL shortener, second go\n")
    assert "Design a URL shortener" in md and "`url-shortener`" in md
    assert "2026-03-14 09:30 UTC" in md
    assert "60 min (7 / 27 / 20 / 6 min)" in md
    assert "> Design a service like bit.ly: **shorten** and redirect." in md
    assert "| Scope | 08:20 | 07:00 | **+01:20** |" in md
    assert "| High-level design | 25:00 | 27:00 |  |" in md
    assert "| **Total** | 50:00 | 1:00:00 |  |" in md
    headings = [line for line in md.splitlines() if line.startswith("### ")]
    assert headings == [
        "### Requirements",
        "### Estimates",
        "### API",
        "### Data model",
        "### Deep dive",
        "### Wrap-up",
    ]
    for body in record.notes.values():
        assert body in md
    assert "### Wrap-up\n\n(empty)" in md
    assert "## Whiteboard\n\n![Whiteboard](session-board.png)\n\n```mermaid\n" in md
    assert md.index("## Whiteboard") < md.index("## Self-assessment")  # last: the scores


def test_markdown_without_board_image_or_format():
    md = session_to_markdown(SessionRecord(title="Bare"))
    assert "![Whiteboard]" not in md
    assert "(no problem chosen)" in md
    assert "| Scope | 00:00 | 05:00 |  |" in md
