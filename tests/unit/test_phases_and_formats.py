import pytest

from sdi_desktop.domain import formats
from sdi_desktop.domain.formats import FormatError, InterviewFormat
from sdi_desktop.domain.phases import PHASES, phase_index


def test_four_phases_in_interview_order_with_default_budgets():
    assert [p.key for p in PHASES] == ["scope", "high_level", "deep_dive", "wrap_up"]
    assert [p.default_minutes for p in PHASES] == [5, 20, 15, 5]
    assert phase_index("deep_dive") == 2
    with pytest.raises(KeyError):
        phase_index("nope")


def test_every_phase_has_purpose_checklist_and_tips():
    for phase in PHASES:
        assert phase.purpose and phase.title and phase.short_title
        assert len(phase.checklist) >= 4
        assert phase.tips


def test_checklists_carry_the_process_key_points():
    scope = " ".join(PHASES[0].checklist).lower()
    assert "3-4 core functional" in scope
    assert "non-functional" in scope
    assert "back-of-the-envelope" in scope
    assert "priorities" in scope
    deep = " ".join(PHASES[2].checklist).lower()
    assert "top 2-3" in deep
    assert "at least two solutions" in deep
    assert "trade-offs" in deep
    wrap = " ".join(PHASES[3].checklist).lower()
    assert "summarise" in wrap and "limits" in wrap


def test_standard_format_is_45_minutes_5_20_15_5():
    fmt = formats.standard()
    assert fmt.minutes == (5, 20, 15, 5)
    assert fmt.total_minutes == 45
    assert fmt.budgets == (300.0, 1200.0, 900.0, 300.0)


@pytest.mark.parametrize("total", [35, 45, 60, 4, 30, 90, 120])
def test_scaled_formats_add_up_exactly(total):
    fmt = formats.scaled(total)
    assert fmt.total_minutes == total
    assert all(m >= 1 for m in fmt.minutes)


def test_35_and_60_minute_formats_keep_the_proportions():
    assert formats.scaled(35).minutes == (4, 15, 12, 4)
    sixty = formats.scaled(60).minutes
    assert sum(sixty) == 60
    # high-level design stays the longest phase, deep dive the second
    assert sixty[1] > sixty[2] > sixty[0] >= sixty[3]
    assert formats.scaled(60).minutes[1] in (26, 27)


def test_presets_are_35_45_60():
    assert [f.total_minutes for f in formats.presets()] == [35, 45, 60]


def test_custom_format_and_its_validation():
    fmt = formats.custom([10, 25, 20, 5])
    assert fmt.is_custom and fmt.total_minutes == 60
    with pytest.raises(FormatError, match="4 phase budgets"):
        formats.custom([10, 20])
    with pytest.raises(FormatError, match="Deep dive"):
        formats.custom([10, 20, 0, 5])
    with pytest.raises(FormatError):
        formats.scaled(3)


def test_format_round_trips_through_plain_data():
    fmt = formats.custom([7, 21, 14, 3])
    assert InterviewFormat.from_dict(fmt.to_dict()) == fmt
    with pytest.raises(FormatError):
        InterviewFormat.from_dict({"name": "x"})
