"""The panel's model: last good values kept, messages per field, the stored form."""

from __future__ import annotations

import json

import pytest

from sdi_desktop.domain.estimation import EstimationState, EstimationStateError

URL = {"dau": "100 M", "writes_per_user": "1", "read_write_ratio": "100:1", "write_size": "500 B"}


def _state() -> EstimationState:
    return EstimationState.from_problem(dict(URL, retention="10 years"))


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("dau", "-100 M", "negative"),
        ("write_size", "500", "needs a unit"),
        ("retention", "5 KB", "wrong unit"),
        ("dau", "1e400", "too large"),
        ("write_size", "", "the results keep 500 B"),
    ],
)
def test_bad_input_has_a_message_and_keeps_the_last_good_results(field, text, words):
    state = _state()
    before = state.figures()
    message = state.set_input(field, text)
    assert words in message
    assert state.messages[field] == message
    assert state.figures() == before
    assert state.texts[field] == text  # what was typed is not lost


def test_fixing_the_field_clears_the_message_and_recomputes():
    state = _state()
    state.set_input("dau", "abc")
    assert state.set_input("dau", "200 M") == ""
    assert "dau" not in state.messages
    assert state.result("write_rate").text == "2,310 /s"


def test_an_optional_input_empties_when_another_does_its_work():
    state = _state()
    assert "the results keep 100 M" in state.set_input("dau", "")  # nothing replaces it
    assert state.result("write_rate").text == "1,160 /s"
    state.set_input("mau", "200 M")
    assert state.set_input("dau", "") == ""
    assert state.result("daily_users").text == "100 M"
    assert state.result("write_rate").text == "1,160 /s"
    assert state.set_input("read_size", "") == ""  # empty: the size of a write


def test_a_bad_row_keeps_its_last_good_formula():
    state = _state()
    index = state.add_row("feed_cache", "dau * 0.2 * 500 B")
    assert state.result("feed_cache").text == "10 GB"
    message = state.set_row(index, formula="dau * 0.2 + 500 B")
    assert "cannot add" in message
    assert state.result("feed_cache").text == "10 GB"
    assert state.row_texts[index][1] == "dau * 0.2 + 500 B"


def test_a_row_cannot_take_a_calculator_name_or_a_twin():
    state = _state()
    state.add_row("a", "1")
    assert "taken" in state.set_row(0, name="write_rate")
    state.add_row("b", "2")
    assert "already" in state.set_row(1, name="a")


def test_cycle_message_beside_each_row_on_it():
    state = _state()
    state.add_row("a", "b + 1")
    state.add_row("b", "a + 1")
    assert state.messages["row 1"].startswith("cycle")


def test_to_dict_from_dict_round_trip_through_json():
    state = _state()
    state.add_row("feed_cache", "dau * 0.2 * 500 B")
    state.set_input("write_size", "oops")
    data = json.loads(json.dumps(state.to_dict()))
    again = EstimationState.from_dict(data)
    assert again.to_dict() == state.to_dict()
    assert again.texts["write_size"] == "oops"
    assert again.result("storage_per_day").text == "50 GB"  # last good 500 B restored
    assert again.result("feed_cache").text == "10 GB"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "an object"),
        ({"version": 9}, "version 9"),
        ({"version": 1, "inputs": {"users": "1"}}, "unknown input 'users'"),
        ({"version": 1, "inputs": {"dau": 5}}, "short text"),
        ({"version": 1, "rows": [{"name": "a"}]}, "rows[0]"),
        ({"version": 1, "rows": "x"}, "list"),
    ],
)
def test_from_dict_rejects_a_malformed_state(data, words):
    with pytest.raises(EstimationStateError, match=words.replace("[", r"\[")):
        EstimationState.from_dict(data)


def test_results_as_a_markdown_table_with_formulas():
    from sdi_desktop.domain.estimation.markdown import results_markdown

    state = _state()
    state.add_row("feed_cache", "dau * 0.2 * 500 B")
    text = results_markdown(state.texts, state.results())
    lines = text.splitlines()
    assert lines[0] == "### Back of the envelope"
    assert "| Daily active users" in text and "| 100 M" in text
    peak = next(line for line in lines if line.startswith("| Peak factor (assumption)"))
    assert peak.split("|")[2].strip() == "2"
    write = next(line for line in lines if line.startswith("| Writes per second (average)"))
    assert "`dau × writes_per_user / day` = 100 M × 1 / 86,400 s" in write
    assert write.rstrip(" |").endswith("~1,160 /s")
    assert any(line.startswith("| feed_cache") and "~10 GB" in line for line in lines)
    table = lines[lines.index(next(x for x in lines if x.startswith("| Figure"))) :]
    assert len({len(line) for line in table if line}) == 1  # the columns line up


def test_state_markdown_for_exports():
    from sdi_desktop.domain.estimation.markdown import state_markdown

    state = _state()
    text = state_markdown(state.to_dict())
    assert "1,160 /s" in text and "Daily share" not in text  # daily users were given
    assert state_markdown(None) == "" and state_markdown({"version": 7}) == ""
