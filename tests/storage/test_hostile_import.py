"""Hostile session files (issue 15, items 4 and 8): each is refused with one line naming
the field, or accepted and then lists, opens, exports and resumes without an error; a
refusal changes nothing in the database. The fuzz test here is bounded in time; the
benchmark ``benchmarks/fuzz_import.py`` runs it longer."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.board.file_format import from_data
from sdi_desktop.domain.clock import SessionClock
from sdi_desktop.domain.hints import HintRecord
from sdi_desktop.domain.session import Checklist
from sdi_desktop.storage.exchange import (
    SessionFormatError,
    session_from_json,
    session_to_json,
    session_to_markdown,
)
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record

EXPORT = json.loads(session_to_json(full_record()))


def _with(path: str, value) -> str:
    """The real export with the field at ``path`` (dots, [i]) replaced by ``value``."""
    data = json.loads(json.dumps(EXPORT))
    *parents, last = _split(path)
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return json.dumps(data, allow_nan=True)


def _split(path: str) -> list:
    parts: list = []
    for piece in path.replace("]", "").split("."):
        name, *indexes = piece.split("[")
        parts.append(name)
        parts.extend(int(i) for i in indexes)
    return parts


def _replace_raw(old: str, new: str) -> str:
    text = json.dumps(EXPORT)
    assert old in text
    return text.replace(old, new, 1)


def use_fully(record) -> None:
    """What opening, listing, exporting and resuming a stored session does with it."""
    if record.clock:
        clock = SessionClock.from_dict(record.clock)
        clock.total_elapsed()
    Checklist.from_dict(record.checklist)
    [HintRecord.from_dict(h) for h in record.hints_opened]
    from_data({"format": "sdi-board", "version": 2, "elements": record.board})
    session_to_markdown(record)
    session_to_json(record)
    _ = record.total_seconds, record.phase_seconds, record.budgets


HOSTILE = {
    "spent-1e999": _replace_raw('"spent": [400.5', '"spent": [1e999'),
    "spent-Infinity": _replace_raw('"spent": [400.5', '"spent": [Infinity'),
    "spent-NaN": _replace_raw('"spent": [400.5', '"spent": [NaN'),
    "spent-negative": _with("clock.spent[0]", -5),
    "spent-text": _with("clock.spent[0]", "ten"),
    "current-99": _with("clock.current", 99),
    "current-4": _with("clock.current", 4),
    "current-2**64": _with("clock.current", 2**64),
    "current-1e309": _replace_raw('"current": 3', '"current": 1e309'),
    "minutes-1e309": _replace_raw('"minutes": [7', '"minutes": [1e309'),
    "minutes-fraction": _with("interview_format.minutes[0]", 5.5),
    "hint-junk": _with("hints_opened[0]", {"key": "nope", "phase": "scope", "elapsed": 1}),
    "hint-not-object": _with("hints_opened[0]", 7),
    "date-9999": _with("started_at", "9999-12-31T23:59:59-05:00"),
    "date-year-1": _with("started_at", "0001-01-01T00:00:00+05:00"),
    "huge-int": _replace_raw('"current": 3', '"current": ' + "9" * 5000),
    "lone-surrogate": _replace_raw('"title": "URL', '"title": "\\ud800URL'),
    "deep-nesting-990": _replace_raw('"tags": [', '"tags": ' + "[" * 990 + "]" * 989 + ", ["),
    "deep-nesting-50": _replace_raw('"tags": [', '"tags": [' + "[" * 50 + "]" * 50 + ", "),
    "title-too-long": _with("title", "x" * 600),
    "note-too-long": _with("notes.api", "x" * 5_000_001),
    "label-too-long": _replace_raw('"label": "', '"label": "' + "y" * 10_001),
    "unknown-pane": _with("notes", {"gossip": "hi"}),
    "checklist-junk": _with("checklist", {"scope": ["a"]}),
    "checklist-unknown-phase": _with("checklist", {"lunch": [1]}),
    "tags-empty": _with("tags", [""]),
    "not-json": "{",
    "not-an-object": "[]",
    "truncated": json.dumps(EXPORT)[:-40],
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line_and_changes_nothing(tmp_path, name):
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.sessions.create(full_record(title="already here"))
    before = (data_dir / "sdi-desktop.db").read_bytes()
    with pytest.raises(SessionFormatError) as info:
        session_from_json(HOSTILE[name])
    message = str(info.value)
    assert "\n" not in message and 0 < len(message) < 400, message
    assert "Traceback" not in message
    with Store.open(data_dir) as store:
        assert [s.title for s in store.sessions.list()] == ["already here"]
    assert (data_dir / "sdi-desktop.db").read_bytes() == before


def test_the_real_export_itself_is_accepted_and_usable(tmp_path):
    record = session_from_json(json.dumps(EXPORT))
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(record)
        use_fully(store.sessions.get(session_id))


def test_a_50_mb_file_is_refused_at_once_by_its_size():
    with pytest.raises(SessionFormatError, match="at most 64 MB"):
        session_from_json(b" " * 65_000_000)


def _mutations():
    """Random edits of the real export: a value replaced by something hostile."""
    leaves = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, [*path, k])
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, [*path, i])
        leaves.append(path)

    walk(EXPORT, [])
    hostile = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )
    return st.tuples(st.sampled_from([p for p in leaves if p]), hostile)


def _mutate(path, value) -> str:
    data = json.loads(json.dumps(EXPORT))
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return json.dumps(data, allow_nan=True)


FUZZ_EXAMPLES = int(os.environ.get("SDI_FUZZ_EXAMPLES", "150"))


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_mutations())
def test_fuzz_every_mutation_is_refused_in_one_line_or_fully_usable(tmp_path_factory, mutation):
    text = _mutate(*mutation)
    try:
        record = session_from_json(text)
    except SessionFormatError as exc:
        assert "\n" not in str(exc)
        return
    data_dir = tmp_path_factory.mktemp("fuzz")
    with Store.open(data_dir) as store:
        session_id = store.sessions.create(record)
        [s.title for s in store.sessions.list()]
        use_fully(store.sessions.get(session_id))


def test_an_early_look_at_the_reference_is_a_hint_record_that_imports():
    record = {"key": "reference", "phase": "high_level", "elapsed": 300.0}
    text = _with("hints_opened[0]", record)
    assert session_from_json(text).hints_opened[0] == record
