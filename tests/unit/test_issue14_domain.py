"""Issue 14 (items 5 and 9) and issue 17 point 5 (scope guidance): the pure-Python parts."""

from __future__ import annotations

import pytest

from sdi_desktop.domain.clock import SessionClock, format_countdown, format_duration
from sdi_desktop.domain.facts import deep_dive_blocks
from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.phases import PHASES

QUALITIES = ("security", "consistency", "freshness", "availability", "accuracy")


def test_item9_overtime_shows_0_then_minus_1(fake_time):
    """The countdown passes 00:01, 00:00, -00:01: 00:00 shows for one whole second, and
    in overtime the clock and the segment's "+mm:ss over" read the same seconds."""
    clock = SessionClock(standard(), now=fake_time)
    clock.start()
    seen = []
    for _ in range(300 * 4 + 24):  # quarter-second steps to 6 s over
        fake_time.advance(0.25)
        now = clock.phase_time()
        text = format_countdown(now.remaining)
        if not seen or seen[-1] != text:
            seen.append(text)
        if now.overtime > 0:
            assert text == "-" + format_duration(now.overtime) or (
                text == "00:00" and now.overtime < 1
            )
    start = seen.index("00:02")
    assert seen[start : start + 6] == ["00:02", "00:01", "00:00", "-00:01", "-00:02", "-00:03"]
    assert seen.count("00:00") == 1


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.2, "00:01"), (0, "00:00"), (-0.3, "00:00"), (-1.0, "-00:01"), (-4.6, "-00:04")],
)
def test_item9_countdown_agrees_with_overtime(seconds, text):
    assert format_countdown(seconds) == text


TEMPLATE_BLOCK = "## Problem\n\n### Option A\n\n### Option B\n\n### Trade-offs\n\n### Decision\n"


def test_item5_empty_option_headings_are_not_options():
    blocks = deep_dive_blocks(TEMPLATE_BLOCK + "\n" + TEMPLATE_BLOCK)
    assert [b.options for b in blocks] == [0, 0]
    assert len(blocks) == 2


def test_item5_options_with_a_name_or_text_under_them_count():
    text = (
        "## Problem: hot keys\n\n### Option A: replicate the hot key\n\n"
        "### Option B\n\nShard the key with a suffix.\n\n### Option C\n\n"
        "## Problem: ids\n\n- Option 1: a counter\n- Option 2\n"
    )
    blocks = deep_dive_blocks(text)
    assert [(b.title, b.options) for b in blocks] == [("Problem: hot keys", 2), ("Problem: ids", 1)]


def test_issue17_scope_guidance_names_all_seven_qualities_and_asks_to_rank():
    scope = " ".join(PHASES[0].checklist + PHASES[0].tips).lower()
    for quality in (*QUALITIES, "performance", "scale"):
        assert quality in scope
    assert "rank" in scope


def test_issue17_templates_have_priorities_and_how_the_design_meets_them():
    from sdi_desktop.ui.notes.templates import TEMPLATES

    assert "## Priorities" in TEMPLATES["requirements"].markdown
    assert "## How the design meets the key requirements" in TEMPLATES["wrap_up"].markdown
