"""The 31 reference designs pass the app's own design review: what a strong answer looks
like raises no finding, not even a warning (issue 18 allowed warnings; the references now
draw their redundancy, with instance counts, instead of leaving it to the words).

Only the board rules are run: a reference's notes are its own tables, not the panes'
Markdown."""

from __future__ import annotations

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.checks.session_review import check_board_and_notes, problem_info
from sdi_desktop.domain.problems import load_library
from sdi_desktop.domain.problems.reference import reference_board

LIBRARY = load_library(paths.resource_root("problems"), None)
WITH_REFERENCE = [p for p in LIBRARY.sorted_problems() if p.reference is not None]


def test_every_built_in_problem_has_a_reference():
    assert len(WITH_REFERENCE) == len(LIBRARY.sorted_problems()) == 31


@pytest.mark.parametrize("problem", WITH_REFERENCE, ids=lambda p: p.id)
def test_the_reference_board_raises_no_finding(problem):
    board = reference_board(problem)
    result = check_board_and_notes(board, {}, problem_info(problem), reached="high_level")
    findings = [f for f in result.open if not f.pane]
    assert findings == [], [f"{f.rule}: {f.message}" for f in findings]
