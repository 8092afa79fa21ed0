"""The design review of a stored session (the command line, review mode, exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sdi_desktop.domain.checks import texts
from sdi_desktop.domain.checks.board_view import BoardView
from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.checks.inputs import CheckInput, DesignFigures, ProblemInfo
from sdi_desktop.domain.checks.registry import run_checks
from sdi_desktop.domain.checks.review_state import STORE_KEY, DesignReviewState

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem
    from sdi_desktop.domain.record import SessionRecord


class ReviewResult(NamedTuple):
    open: list[Finding]  # what the user has not marked intended
    intended: list[Finding]

    @property
    def has_problem(self) -> bool:
        return any(f.severity == "problem" for f in self.open)


def problem_info(problem: Problem | None) -> ProblemInfo | None:
    if problem is None:
        return None
    return ProblemInfo(problem.id, problem.title, tuple(problem.tags))


def _extra(record: SessionRecord, key: str) -> Any:
    """One feature's entry in the record's per-feature store (``None`` if it has none)."""
    extras: Any = getattr(record, "extras", None) or {}
    return extras.get(key) if isinstance(extras, dict) else None


def review_state_of(record: SessionRecord) -> DesignReviewState:
    """The review state kept in the record's per-feature store (empty if there is none)."""
    data = _extra(record, STORE_KEY)
    return DesignReviewState() if data is None else DesignReviewState.from_dict(data)


def check_board_and_notes(
    board: list[Any],
    notes: dict[str, str],
    problem: ProblemInfo | None = None,
    figures: DesignFigures | None = None,
    state: DesignReviewState | None = None,
    reached: str | None = None,
) -> ReviewResult:
    inp = CheckInput(BoardView.from_elements(board), notes, problem, figures)
    findings = run_checks(inp, reached=reached)
    return ReviewResult(*(state or DesignReviewState()).split(findings))


def estimate_figures(estimation: Any) -> DesignFigures | None:
    """The rates of an estimation panel's stored state (``extras["estimation"]``, or the
    live panel's ``state_dict()``); ``None`` without one, or when it cannot be read."""
    from sdi_desktop.domain.estimation.problem_figures import figures_from_dict

    return DesignFigures.from_estimate(figures_from_dict(estimation))


def check_record(
    record: SessionRecord,
    problem: ProblemInfo | None = None,
    figures: DesignFigures | None = None,
    state: DesignReviewState | None = None,
) -> ReviewResult:
    """Every rule over the record's board and notes, the intended ones set apart; the
    figures are the session's own estimate unless given."""
    if state is None:
        state = review_state_of(record)
    if figures is None:
        figures = estimate_figures(_extra(record, "estimation"))
    return check_board_and_notes(record.board, record.notes, problem, figures, state)


def store_review_state(extras: dict[str, Any], state: DesignReviewState) -> None:
    """Put the review state into a record's per-feature store (``SessionRecord.extras``)."""
    extras[STORE_KEY] = state.to_dict()


# -- one line each for the facts, the comparison and the Markdown export -----------------------
def facts_text(record: SessionRecord, problem: ProblemInfo | None = None) -> str:
    """'Design review: 1 problem, 2 warnings (1 marked intended)' for the facts."""
    result = check_record(record, problem)
    return texts.facts_line(result.open, len(result.intended))


def compare_text(
    before: SessionRecord,
    after: SessionRecord,
    problem: ProblemInfo | None = None,
) -> str:
    """'Design review: 3 problems then, 1 now; ...' for the comparison of two attempts."""
    return texts.compare_line(check_record(before, problem).open, check_record(after, problem).open)


def markdown_text(record: SessionRecord, problem: ProblemInfo | None = None) -> str:
    """The '## Design review' section of ``sessions export --format md``."""
    result = check_record(record, problem)
    return texts.markdown_section(result.open, result.intended)
