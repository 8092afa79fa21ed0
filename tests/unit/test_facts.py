"""Automatic facts, on hand-made sessions."""

from __future__ import annotations

from sdi_desktop.domain.facts import deep_dive_blocks, describe, session_facts
from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import SessionRecord

BUDGETS = [b for b in standard().budgets]  # 5, 20, 15, 5 minutes


def record(spent=(0, 0, 0, 0), **fields) -> SessionRecord:
    fmt = standard()
    clock = {"format": fmt.to_dict(), "spent": list(spent), "current": 0, "state": "ready"}
    return SessionRecord(format=fmt, clock=clock, **fields)


def test_empty_session():
    facts = session_facts(record())
    assert [p.spent for p in facts.phases] == [0, 0, 0, 0]
    assert [p.budget for p in facts.phases] == BUDGETS
    assert facts.overtime == 0 and facts.phases_over == ()
    assert len(facts.unchecked) == sum(len(p.checklist) for p in PHASES)
    assert facts.empty_panes == (
        "Requirements",
        "Estimates",
        "API",
        "Data model",
        "Deep dive",
        "Wrap-up",
    )
    assert (facts.components, facts.connectors) == (0, 0)
    assert facts.hints_opened == ()
    assert facts.deep_dive_blocks == () and facts.thin_deep_dives == ()
    assert "Deep dive: no blocks" in describe(facts)[-1]


def test_a_session_without_a_clock_uses_the_default_budgets():
    facts = session_facts(SessionRecord())
    assert [p.budget for p in facts.phases] == [p.default_minutes * 60 for p in PHASES]


def test_every_phase_in_overtime():
    spent = [b + 60 * (i + 1) for i, b in enumerate(BUDGETS)]
    facts = session_facts(record(spent))
    assert [p.overtime for p in facts.phases] == [60, 120, 180, 240]
    assert facts.overtime == 600
    assert facts.phases_over == ("Scope", "High-level design", "Deep dive", "Wrap-up")
    assert facts.total_spent == sum(BUDGETS) + 600
    lines = describe(facts)
    assert lines[0] == "Scope: 06:00 of 05:00 (01:00 over)"
    assert lines[4] == "Total: 55:00 of 45:00, 10:00 over"


def test_time_under_budget_is_not_negative_overtime():
    facts = session_facts(record([100, 1300, 400, 0]))
    assert [p.overtime for p in facts.phases] == [0, 100, 0, 0]
    assert facts.phases_over == ("High-level design",)


def test_unchecked_items_panes_board_and_hints():
    scope = PHASES[0]
    r = record(
        checklist={"scope": list(range(len(scope.checklist))), "high_level": [0, 1]},
        notes={"requirements": "- read fast", "api": "  \n", "deep_dive": "text"},
        board=[
            {"type": "component", "id": "a"},
            {"type": "component", "id": "b"},
            {"type": "connector", "id": "k", "source": "a", "target": "b"},
            {"type": "text", "id": "t"},
            {"type": "zone", "id": "z"},
        ],
        hints_opened=[
            {"key": "suggested_scale", "phase": "scope", "elapsed": 30.0},
            {"key": "deep_dive_topics", "phase": "deep_dive", "elapsed": 900.0},
        ],
    )
    facts = session_facts(r)
    unchecked_phases = {phase for phase, _ in facts.unchecked}
    assert "Scope" not in unchecked_phases
    high = [item for phase, item in facts.unchecked if phase == "High-level design"]
    assert high == list(PHASES[1].checklist[2:])
    assert facts.empty_panes == ("Estimates", "API", "Data model", "Wrap-up")
    assert (facts.components, facts.connectors) == (2, 1)
    assert facts.hints_opened == ("Suggested scale", "Deep-dive topics")


DEEP_DIVE = """Some thoughts before the first heading.
- Option Z: not in a block

## Problem: hot keys

### Option A: replicate the hot keys
- costs memory

### Option B: split the key
- costs a fan-in on read

## Problem: write throughput

- Option 1: batch the writes
- option 2: a queue in front
1. Option 3: shard by user

## Problem: failover

### Decision
- a single leader with a warm standby

```python
# Option in a comment is not a heading
```
"""


def test_deep_dive_blocks_count_option_headings_and_items():
    blocks = deep_dive_blocks(DEEP_DIVE)
    assert [(b.title, b.options) for b in blocks] == [
        ("Problem: hot keys", 2),
        ("Problem: write throughput", 3),
        ("Problem: failover", 0),
    ]


def test_blocks_follow_the_shallowest_heading_level():
    text = (
        "### Caching\n#### Option A: cache-aside\n### Sharding\n"
        "- Option A: by user\n- Option B: by region\n"
    )
    assert [(b.title, b.options) for b in deep_dive_blocks(text)] == [
        ("Caching", 1),
        ("Sharding", 2),
    ]
    assert deep_dive_blocks("- Option A\n- Option B") == ()


def test_thin_deep_dives_are_those_with_fewer_than_two_options():
    facts = session_facts(record(notes={"deep_dive": DEEP_DIVE}))
    assert [b.title for b in facts.thin_deep_dives] == ["Problem: failover"]
    assert describe(facts)[-1] == (
        "Deep dive: 3 blocks, 1 with fewer than two options: Problem: failover"
    )


def test_deep_dive_blocks_say_whether_they_weigh_a_trade_off():
    from sdi_desktop.domain.facts import deep_dive_blocks

    text = (
        "## Hot keys\n\n- Option 1: replicate\n- Option 2: local cache\n\n### Trade-offs\n\n"
        "replicas cost memory\n\n## Ids\n\n### Option A\n\n### Trade-offs\n"
    )
    hot, ids = deep_dive_blocks(text)
    assert (hot.options, hot.trade_off) == (2, True)
    # an option heading with nothing under it is no option yet (issue 14 item 5)
    assert (ids.options, ids.trade_off) == (0, False)
