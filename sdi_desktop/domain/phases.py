"""The four phases of a system design interview, with what to do in each.

The wording is the app's own, written from the interview process the project
teaches (scope, high-level design, deep dive, wrap-up).
"""

from __future__ import annotations

from typing import NamedTuple


class Phase(NamedTuple):
    """One step of the interview: what it is for and what to get done in it."""

    key: str
    title: str
    short_title: str
    default_minutes: int
    purpose: str
    checklist: tuple[str, ...]
    tips: tuple[str, ...]


SCOPE = Phase(
    key="scope",
    title="Understand the problem and set the scope",
    short_title="Scope",
    default_minutes=5,
    purpose=(
        "Turn a vague prompt into a problem you can solve in the time left. Ask before you "
        "draw: agree on what the system must do, which qualities matter most and how big "
        "it has to be."
    ),
    checklist=(
        "Ask the interviewer clarifying questions instead of assuming",
        "Agree on 3-4 core functional requirements (and what is out of scope)",
        "Go through the non-functional qualities (security, consistency, freshness, "
        "availability, accuracy, performance, scale) and rank the ones that matter here",
        "Get a feel for scale with back-of-the-envelope numbers (users, requests/s, data)",
        "State the priorities you will design for",
    ),
    tips=(
        "Brainstorm quietly for a moment, then organise what you heard.",
        "Performance and scale usually dominate, but check: some problems hinge on "
        "consistency, freshness, accuracy or security instead.",
        "Rank the qualities out loud ('consistency before latency here'): the ranking "
        "decides the trade-offs of the deep dive.",
        "If the interviewer leaves the numbers to you, propose round figures and move on.",
    ),
)

HIGH_LEVEL = Phase(
    key="high_level",
    title="Propose a high-level design and get buy-in",
    short_title="High-level design",
    default_minutes=20,
    purpose=(
        "Sketch an end-to-end architecture that meets the agreed requirements, and check "
        "with the interviewer that it is heading the right way before adding detail."
    ),
    checklist=(
        "Draw an initial diagram that covers the request path end to end",
        "Define the APIs the core features need (and only those)",
        "Outline the data model and where each kind of data lives",
        "If the backend keeps state (e.g. two-way connections), explain how it scales",
        "Review the design: consistent, complete, meets the requirements and priorities",
        "Ask the interviewer for buy-in before going deeper",
    ),
    tips=(
        "Work like carving marble: rough shape first, detail later.",
        "Stay with the functional requirements you agreed; skip APIs for features that "
        "do not matter here.",
        "Think aloud so the interviewer can steer you early.",
    ),
)

DEEP_DIVE = Phase(
    key="deep_dive",
    title="Design deep dive",
    short_title="Deep dive",
    default_minutes=15,
    purpose=(
        "Find where the design could break and go into detail on the decisions that "
        "secure the qualities that matter (scale, latency, availability, consistency...)."
    ),
    checklist=(
        "Pick the top 2-3 non-functional concerns or bottlenecks",
        "For each one, state the problem precisely",
        "For each one, offer at least two solutions",
        "For each one, compare the trade-offs and choose",
        "Revisit technology choices (database kind, caches, queues, extra nodes) "
        "where they affect these concerns",
    ),
    tips=(
        "Problem, options, trade-offs, decision: say each one out loud.",
        "Extra components or algorithms are fine if you can justify what they cost.",
        "Let the interviewer's interest guide which area you go deep on.",
    ),
)

WRAP_UP = Phase(
    key="wrap_up",
    title="Wrap-up",
    short_title="Wrap-up",
    default_minutes=5,
    purpose=(
        "Leave the interviewer with a clear picture: what you built, why it fits this "
        "problem and where its limits are."
    ),
    checklist=(
        "Summarise the design in a few sentences",
        "Point out what makes this problem special (functional and non-functional)",
        "Explain how the design addresses those specific challenges",
        "Name the limits of the design and what was traded away",
    ),
    tips=(
        "Be honest about weaknesses: naming them shows judgement.",
        "Mention what you would do next with more time (monitoring, scaling further, "
        "failure handling).",
    ),
)

PHASES: tuple[Phase, ...] = (SCOPE, HIGH_LEVEL, DEEP_DIVE, WRAP_UP)


def phase_index(key: str) -> int:
    """The position of the phase with this key; ``KeyError`` if there is none."""
    for index, phase in enumerate(PHASES):
        if phase.key == key:
            return index
    raise KeyError(key)
