"""The checks find the same things in a pane's quick outline as in its stored Markdown."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi_desktop.demo.notes import DEMO_NOTES
from sdi_desktop.domain.checks.board_view import BoardView
from sdi_desktop.domain.checks.inputs import CheckInput
from sdi_desktop.domain.checks.process_rules import PROCESS_RULES
from sdi_desktop.domain.checks.registry import run_checks
from sdi_desktop.ui.design_review.notes_outline import outline_markdown
from sdi_desktop.ui.notes.rich_text_edit import RichTextEdit

VARIANTS = {
    "demo": DEMO_NOTES,
    "thin": {
        "requirements": "## Functional\n\n- post\n  - with caption\n- follow\n\n"
        "## Non-functional\n\n1. **Low latency**: p99 under 200 ms\n2. available\n",
        "estimates": "lots of users",
        "api": "| Method | Path |\n| --- | --- |\n| `POST` | `/api/v1/payments` |\n",
        "deep_dive": "## Hot keys\n\n### Option A: replicate\n\n"
        "```python\n# Option B: not a heading\n```\n",
        "wrap_up": "## Summary\n\nA feed.\n\n## Limits\n",
    },
    "empty": {},
}


@pytest.mark.parametrize("name", VARIANTS)
def test_the_outline_and_the_stored_markdown_give_the_same_findings(qtbot, name):
    stored, outlined = {}, {}
    for key, text in VARIANTS[name].items():
        edit = RichTextEdit()
        qtbot.addWidget(edit)
        edit.set_markdown(text)
        stored[key] = edit.to_markdown()
        outlined[key] = outline_markdown(edit.document())

    def findings(notes):
        return run_checks(CheckInput(BoardView(), notes), rules=PROCESS_RULES)

    assert findings(outlined) == findings(stored)
    if name == "thin":
        assert {f.rule for f in findings(outlined)} >= {
            "core-feature-count",
            "estimate-without-number",
            "api-beyond-requirements",
            "deep-dive-thin",
            "deep-dive-misses-top-quality",
            "wrap-up-without-limits",
        }


LINES = [
    "## Functional", "## Non-functional", "## Out of scope", "### Option A: hash",
    "## Limits", "- Option 1: counters", "1. Low latency: p99 under 50 ms",
    "2. highly available", "- post a photo", "   - with a caption", "plain words over",
    "| `GET` | `/api/v1/feed` |", "POST /api/v1/ads", "trade-offs: costs memory",
    "```", "# not a heading in code", "- [ ] to confirm", "", "100 M users",
]  # fmt: skip


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(st.sampled_from(["requirements", "api", "deep_dive", "wrap_up"]),
                       st.lists(st.sampled_from(LINES), max_size=12).map("\n".join)))  # fmt: skip
def test_the_outline_agrees_with_the_stored_markdown_on_random_notes(qtbot, notes):
    edit = RichTextEdit()
    qtbot.addWidget(edit)
    stored, outlined = {}, {}
    for key, text in notes.items():
        edit.set_markdown(text)
        stored[key] = edit.to_markdown()
        outlined[key] = outline_markdown(edit.document())

    def rules(values):
        return [
            (f.rule, f.pane) for f in run_checks(CheckInput(BoardView(), values), PROCESS_RULES)
        ]

    assert rules(outlined) == rules(stored)
