"""When the reference answer may be seen: freely once the attempt is finished; before
that only on request, and then the reveal is recorded like a hint (in the session's
``hints_opened``, with its phase and time), so the review and the progress figures show
that the attempt was helped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdi_desktop.domain.clock import ClockState
from sdi_desktop.domain.hints import REFERENCE_ANSWER, HintRecord

if TYPE_CHECKING:
    from sdi_desktop.domain.session import InterviewSession


def has_reference(session: InterviewSession) -> bool:
    return session.problem is not None and session.problem.reference is not None


def attempt_done(session: InterviewSession) -> bool:
    return session.clock.state is ClockState.FINISHED


def revealed_early(session: InterviewSession) -> bool:
    return session.hint_opened(REFERENCE_ANSWER.key)


def needs_confirmation(session: InterviewSession) -> bool:
    """True when showing the reference now would be a reveal during the attempt."""
    return not attempt_done(session) and not revealed_early(session)


def record_reveal(session: InterviewSession) -> HintRecord:
    """Record an early reveal (once) and announce it like an opened hint."""
    for record in session.hints_opened:
        if record.key == REFERENCE_ANSWER.key:
            return record
    record = HintRecord(
        REFERENCE_ANSWER.key, session.current_phase_key, session.clock.total_elapsed()
    )
    session.hints_opened.append(record)
    session.hints_changed.emit(record)
    return record
