"""The demo session's estimates (shown in the README's screenshots) recomputed."""

from __future__ import annotations

import math

import pytest

from sdi_desktop import paths
from sdi_desktop.demo.notes import DEMO_NOTES
from sdi_desktop.domain.estimation.problem_figures import state_for
from sdi_desktop.domain.problems import load_library

URL = load_library(paths.resource_root("problems"), None).get("url-shortener")


def _figures():
    state = state_for(URL)
    return {name: state.result(name).value.value for name in state.figures()}


def test_the_estimates_table_matches_the_calculator():
    notes = DEMO_NOTES["estimates"]
    got = _figures()
    assert "~1,200 per second" in notes and got["write_rate"] == pytest.approx(1157, rel=0.01)
    assert "~116,000 per second" in notes and got["read_rate"] == pytest.approx(115_741, 1e-3)
    assert "(230,000 at peak)" in notes and got["peak_read_rate"] == pytest.approx(231_481, 1e-3)
    assert "36.5 B links a year" in notes and got["links_per_year"] == 36.5e9
    assert "~18 TB a year" in notes and got["storage_per_year"] == pytest.approx(18.25e12)
    assert "(91 TB in 5 years)" in notes
    assert got["storage_per_day"] * 5 * 365 == pytest.approx(91.25e12)
    assert "~1 TB of RAM" in notes and got["cache_memory"] == pytest.approx(1e12)
    assert "3.5 trillion" in notes and got["codes_7_chars"] == pytest.approx(3.52e12, rel=1e-3)
    years = got["codes_7_chars"] / got["links_per_year"]
    assert "~100 years" in notes and 90 <= years <= 110


def test_code_bits_ratio_and_redirect_agree_with_the_problem():
    assert "7 characters hold 41.7 bits" in DEMO_NOTES["deep_dive"]
    assert round(7 * math.log2(62), 1) == 41.7
    assert "first 41 bits" in DEMO_NOTES["deep_dive"]  # what 7 characters can hold
    assert "100:1 read to write" in DEMO_NOTES["wrap_up"]
    assert URL.estimation.read_write_ratio == "100:1"
    # counting clicks (a requirement) rules out 301, the problem's own listed pitfall
    assert "Count clicks" in DEMO_NOTES["requirements"]
    assert "`302` to the long URL" in DEMO_NOTES["api"]
    assert "`301` to" not in DEMO_NOTES["api"]
