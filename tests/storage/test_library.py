"""Listing, filtering, sorting and searching; duplicate, trash, restore, purge; history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage.queries import SessionQuery, fts_match
from tests.storage.conftest import full_record

DAY = timedelta(days=1)
T0 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def library(store):
    """Three sessions on different days, problems, tags and totals."""
    ids = {}
    for key, title, problem, tags, day, spent, notes in (
        ("cache", "Distributed cache", "cache", ["infra"], 0, 900, "LRU eviction, hashing"),
        ("chat", "Chat service", "chat", ["mock", "infra"], 1, 2700, "WebSocket fan-out"),
        ("chat2", "another chat", "chat", [], 2, 60, "Presence heartbeats"),
    ):
        record = SessionRecord(
            title=title,
            problem_id=problem,
            problem_title=f"Design a {problem}",
            tags=tags,
            started_at=T0 + day * DAY,
            clock={"spent": [spent, 0, 0, 0]},
            notes={"deep_dive": notes},
        )
        ids[key] = store.sessions.create(record)
    return ids


def _ids(store, **query):
    return [s.id for s in store.sessions.list(SessionQuery(**query))]


def test_list_summaries_carry_the_library_columns(store, record):
    session_id = store.sessions.create(record)
    (summary,) = store.sessions.list()
    assert summary.id == session_id
    assert (summary.title, summary.problem_id, summary.problem_title) == (
        record.title,
        record.problem_id,
        record.problem_title,
    )
    assert (summary.started_at, summary.ended_at, summary.status) == (
        record.started_at,
        record.ended_at,
        "finished",
    )
    assert summary.phase_seconds == record.phase_seconds
    assert summary.budgets == record.budgets
    assert summary.total_seconds == pytest.approx(record.total_seconds)
    assert summary.tags == ["mock", "caching"]


def test_sorts(store, library):
    assert _ids(store) == [library["chat2"], library["chat"], library["cache"]]  # newest first
    assert _ids(store, descending=False) == [library["cache"], library["chat"], library["chat2"]]
    assert _ids(store, sort="title", descending=False) == [
        library["chat2"],  # case-insensitive: "another" < "Chat" < "Distributed"
        library["chat"],
        library["cache"],
    ]
    assert _ids(store, sort="total") == [library["chat"], library["cache"], library["chat2"]]
    assert _ids(store, sort="problem", descending=False)[0] == library["cache"]
    assert _ids(store, limit=2) == [library["chat2"], library["chat"]]


def test_an_unknown_sort_is_refused(store):
    with pytest.raises(ValueError, match="unknown sort 'size'"):
        store.sessions.list(SessionQuery(sort="size"))


def test_filters(store, library):
    assert set(_ids(store, problem_id="chat")) == {library["chat"], library["chat2"]}
    assert set(_ids(store, tag="infra")) == {library["cache"], library["chat"]}
    assert _ids(store, since=T0 + DAY, until=T0 + 2 * DAY) == [library["chat"]]
    assert _ids(store, problem_id="chat", tag="mock") == [library["chat"]]
    assert _ids(store, problem_id="nope") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chat", {"chat", "chat2"}),  # title words
        ("hashing", {"cache"}),  # a word in the notes
        ("hash", {"cache"}),  # a prefix
        ("WEBSOCK", {"chat"}),  # case-insensitive
        ("chat presence", {"chat2"}),  # every word must match
        ("fan-out", {"chat"}),
        ("", {"cache", "chat", "chat2"}),
        ("   ", {"cache", "chat", "chat2"}),
    ],
)
def test_full_text_search(store, library, text, expected):
    assert set(_ids(store, text=text)) == {library[k] for k in expected}


@pytest.mark.parametrize(
    "text",
    ['"', 'chat"', "AND", "chat OR", "NEAR(", "-cache", "*", "title:chat", "(", "^chat", "''"],
)
def test_quotes_and_operators_in_user_input_do_not_crash(store, library, text):
    store.sessions.list(SessionQuery(text=text))


def test_fts_match_quotes_every_word():
    assert fts_match('say "hi" OR') == '"say"* """hi"""* "OR"*'
    assert fts_match("- * ()") is None


def test_search_follows_renames_and_saves(store, library):
    store.sessions.rename(library["cache"], "Key-value store")
    assert _ids(store, text="key-value") == [library["cache"]]
    assert _ids(store, text="distributed") == []
    record = store.sessions.get(library["chat"])
    record.notes = {"api": "GraphQL subscriptions"}
    store.sessions.save(record)
    assert _ids(store, text="graphql") == [library["chat"]]
    assert _ids(store, text="websocket") == []


def test_duplicate_is_a_fresh_session_of_the_same_problem(store, record):
    original = store.sessions.create(record)
    again_id = store.sessions.duplicate(original)
    again = store.sessions.get(again_id)
    assert again_id != original
    assert again.title == record.title + " (again)"
    assert (again.problem_id, again.problem_title, again.prompt, again.format) == (
        record.problem_id,
        record.problem_title,
        record.prompt,
        record.format,
    )
    assert again.notes == {} and again.board == [] and again.checklist == {}
    assert again.hints_opened == [] and again.snapshots == [] and again.tags == []
    assert again.status == "active" and again.ended_at is None
    assert again.phase_seconds == [0.0] * 4 and again.clock["state"] == "ready"
    assert again.started_at > record.started_at


def test_trash_restore_purge(store, library):
    store.sessions.trash(library["chat"])
    assert library["chat"] not in _ids(store)
    assert library["chat"] not in _ids(store, text="websocket")
    assert library["chat"] in _ids(store, include_trashed=True)
    trashed = store.sessions.trashed()
    assert [s.id for s in trashed] == [library["chat"]] and trashed[0].trashed
    store.sessions.restore(library["chat"])
    assert library["chat"] in _ids(store) and store.sessions.trashed() == []
    store.sessions.purge(library["chat"])
    assert library["chat"] not in _ids(store, include_trashed=True)
    with pytest.raises(KeyError):
        store.sessions.get(library["chat"])


def test_practice_history(store, library):
    store.sessions.create(SessionRecord(title="no problem"))
    history = store.sessions.practice_history()
    assert history == {"cache": (1, T0), "chat": (2, T0 + 2 * DAY)}
    store.sessions.trash(library["cache"])
    assert "cache" not in store.sessions.practice_history()


def test_rename_updates_updated_at(store, record):
    session_id = store.sessions.create(full_record())
    store.sessions.rename(session_id, "New title")
    loaded = store.sessions.get(session_id)
    assert loaded.title == "New title" and loaded.updated_at > record.updated_at
