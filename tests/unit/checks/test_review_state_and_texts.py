from __future__ import annotations

import json

import pytest

from sdi_desktop.domain.checks import texts
from sdi_desktop.domain.checks.docs_page import PAGE, render
from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.checks.registry import RULES, run_checks
from sdi_desktop.domain.checks.review_state import DesignReviewState, ReviewStateError
from sdi_desktop.domain.checks.session_review import check_record
from sdi_desktop.domain.record import SessionRecord

from .boards import inp

P1 = Finding("client-to-database", "problem", "Browser talks straight to DB.", ("w", "d", "wd"))
P2 = Finding("queue-without-consumer", "problem", "Nothing consumes Q.", ("q",))
W1 = Finding("single-point-of-failure", "warning", "LB is alone.", ("lb",))
N1 = Finding("non-functional-unranked", "note", "Not ranked.", (), "requirements")


def test_docs_page_is_generated_from_the_cards():
    assert PAGE.read_text(encoding="utf-8") == render(), (
        "docs/design-checks.md is stale: run python -m sdi_desktop.domain.checks.docs_page --write"
    )
    for rule in RULES:
        assert f"`{rule.card.id}`" in render()


def test_rule_ids_are_unique_and_every_card_is_complete():
    ids = [r.card.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        card = rule.card
        assert all((card.title, card.detects, card.why, card.fix, card.false_positives))
        assert card.title in card.as_text() and card.false_positives in card.as_text()


def test_dismissal_is_by_rule_and_items_and_survives_the_stored_form():
    state = DesignReviewState()
    assert state.set_dismissed(W1, True) and not state.set_dismissed(W1, True)
    reworded = Finding(W1.rule, W1.severity, "other words", ("lb",))
    other_item = Finding(W1.rule, W1.severity, W1.message, ("api",))
    assert state.is_dismissed(reworded) and not state.is_dismissed(other_item)
    state.record_snapshot(1, [P1, W1, N1])
    again = DesignReviewState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert again == state
    assert again.snapshots[1] == [P1, N1]  # the intended one is not counted at the snapshot
    assert again.split([P1, W1]) == ([P1], [W1])
    assert state.set_dismissed(W1, False) and state.split([W1]) == ([W1], [])


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"version": 9},
        {"version": 1, "dismissed": [{"elements": []}]},
        {"version": 1, "snapshots": {"x": []}},
        {"version": 1, "snapshots": {"1": [{"rule": "r", "severity": "bad"}]}},
    ],
)
def test_malformed_review_data_is_one_clear_error(data):
    with pytest.raises(ReviewStateError, match="design review data"):
        DesignReviewState.from_dict(data)


def test_texts_for_facts_compare_and_markdown():
    assert texts.summary([]) == "no findings"
    assert texts.summary([P1, P2, W1]) == "2 problems, 1 warning"
    assert texts.facts_line([P1, N1], intended=1) == (
        "Design review: 1 problem, 1 note (1 marked intended)"
    )
    assert texts.compare_line([P1, P2, P2, W1], [P1, W1]) == (
        "Design review: 3 problems then, 1 now; 1 warning then, 1 now"
    )
    assert texts.compare_line([], []) == "Design review: no findings then or now"
    md = texts.markdown_section([W1, P1], intended=[N1])
    assert md.startswith("## Design review\n\n1 problem, 1 warning.\n")
    assert md.index("client-to-database") < md.index("single-point-of-failure")
    assert "How to fix it:" in md and "Marked intended:" in md and "Not ranked." in md


def test_check_record_reads_board_and_notes_and_leaves_out_the_intended():
    record = SessionRecord(
        board=[
            {"type": "component", "id": "w", "kind": "client"},
            {"type": "component", "id": "d", "kind": "sql_db"},
            {"type": "connector", "id": "wd", "source": "w", "target": "d"},
        ]
    )
    result = check_record(record)
    assert result.has_problem and any(f.rule == "client-to-database" for f in result.open)
    state = DesignReviewState()
    state.set_dismissed(next(f for f in result.open if f.rule == "client-to-database"), True)
    later = check_record(record, state=state)
    assert not later.has_problem and [f.rule for f in later.intended] == ["client-to-database"]


def _estimate(**inputs: str) -> dict:
    from sdi_desktop.domain.estimation.state import EstimationState

    state = EstimationState()
    for name, text in inputs.items():
        state.set_input(name, text)
    return state.to_dict()


def test_a_saved_session_is_checked_with_the_estimate_stored_with_it():
    from sdi_desktop.domain.checks.inputs import DesignFigures

    board = [
        {"type": "component", "id": "w", "kind": "client"},
        {"type": "component", "id": "a", "kind": "service", "instances": 3},
        {"type": "component", "id": "d", "kind": "sql_db", "label": "Orders"},
        {"type": "connector", "id": "wa", "source": "w", "target": "a"},
        {"type": "connector", "id": "ad", "source": "a", "target": "d"},
    ]

    def rules(estimation) -> dict[str, Finding]:
        record = SessionRecord(board=board, extras={"estimation": estimation})
        return {f.rule: f for f in check_record(record).open}

    heavy = rules(_estimate(dau="1B", writes_per_user="1", reads_per_user="100"))
    assert heavy["write-rate-beyond-one-database"].elements == ("d",)
    assert "about 23,148 writes per second" in heavy["write-rate-beyond-one-database"].message
    assert "about 100 reads per write" in heavy["read-heavy-without-cache"].message
    light = rules(_estimate(dau="1M", writes_per_user="1", reads_per_user="2"))
    assert "write-rate-beyond-one-database" not in light
    assert "read-heavy-without-cache" not in light
    for nothing in (None, {}, {"version": 99}, "not a state"):  # never used, or unreadable
        assert "write-rate-beyond-one-database" not in rules(nothing)
    # the stored estimate's rates, as the checks read them
    figures = DesignFigures.from_estimate({"write_rate": 5.0, "peak_write_rate": 10.0})
    assert figures.avg_write_per_s == 5.0 and figures.write_per_s == 10.0
    assert DesignFigures.from_estimate({"storage_per_day": 1e9}) is None


def test_rules_of_later_phases_wait_until_the_phase_is_reached():
    early = {f.rule for f in run_checks(inp(), reached="scope")}
    assert "wrap-up-without-limits" not in early and "core-feature-count" in early
    assert "wrap-up-without-limits" in {f.rule for f in run_checks(inp(), reached="wrap_up")}


def test_one_line_texts_from_records_for_the_integration():
    from sdi_desktop.domain.checks.session_review import (
        compare_text,
        facts_text,
        markdown_text,
        review_state_of,
        store_review_state,
    )

    bad = SessionRecord(
        board=[
            {"type": "component", "id": "w", "kind": "client"},
            {"type": "component", "id": "d", "kind": "sql_db"},
            {"type": "connector", "id": "wd", "source": "w", "target": "d"},
        ]
    )
    good = SessionRecord(
        board=[
            {"type": "component", "id": "w", "kind": "client"},
            {"type": "component", "id": "s", "kind": "service", "instances": 3},
            {"type": "component", "id": "d", "kind": "sql_db", "instances": 2},
            {"type": "connector", "id": "ws", "source": "w", "target": "s"},
            {"type": "connector", "id": "sd", "source": "s", "target": "d"},
        ]
    )
    assert facts_text(bad).startswith("Design review: 1 problem, ")
    assert compare_text(bad, good).startswith("Design review: 1 problem then, 0 now")
    assert "`client-to-database`" in markdown_text(bad)
    assert "`client-to-database`" not in markdown_text(good)

    # the review state travels in the record's per-feature store
    state = DesignReviewState()
    state.set_dismissed(
        next(f for f in check_record(bad).open if f.rule == "client-to-database"), True
    )
    extras: dict = {}
    store_review_state(extras, state)
    bad.extras = json.loads(json.dumps(extras))  # what SessionRecord.extras will hold
    assert review_state_of(bad) == state
    assert facts_text(bad).endswith("(1 marked intended)")
    assert not check_record(bad).has_problem


def test_every_rule_has_its_tests():
    """Each rule function is exercised by name in the rule tests (fires, quiet, false positive)."""
    from pathlib import Path

    here = Path(__file__).parent
    text = (here / "test_board_rules.py").read_text() + (here / "test_process_rules.py").read_text()
    for rule in RULES:
        name = rule.check.__name__
        assert text.count(f"r.{name}") >= 3, f"{rule.card.id} ({name}) needs three cases"


def test_unreadable_stored_review_data_is_one_clear_error():
    record = SessionRecord()
    record.extras = {"design_review": {"version": 7}}
    with pytest.raises(ReviewStateError, match="version 7"):
        check_record(record)
    assert check_record(record, state=DesignReviewState()).open  # the checks still run
