"""What the candidate's notes cover of the reference, by shared words (always a guess).

- each core feature: mentioned when at least half its words are in the requirements pane;
- each quality: mentioned when one of its words is ("latency" and "p99" speak of
  performance), and where it comes in the order of first mention, against the
  reference's priority;
- each deep-dive topic of the problem: covered when the deep-dive pane holds half the
  topic's words, or most of one option's name; whether the reference's pick is named;
- each follow-up question asked: addressed when the notes hold a good share of its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi_desktop.domain.reference.words import overlap, word_set, words

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem

FEATURE_SHARE, TOPIC_SHARE, OPTION_SHARE, QUESTION_SHARE = 0.5, 0.5, 0.6, 0.4

QUALITY_WORDS: dict[str, frozenset[str]] = {
    quality: frozenset(words(text))
    for quality, text in {
        "scale": "scale scalable scaling scales throughput qps rps million millions billion "
        "billions horizontal shard sharding partition load traffic growth grow peak heavy",
        "performance": "performance fast latency latencies p99 p95 p50 ms millisecond "
        "milliseconds slow quick responsive",
        "availability": "availability available uptime downtime failover outage redundancy "
        "nines highly",
        "consistency": "consistency consistent strongly eventual eventually linearizable "
        "serializable stale conflict conflicts",
        "accuracy": "accuracy accurate exact exactly correct correctness precise precision "
        "duplicate duplicates",
        "freshness": "freshness fresh stale staleness lag realtime delay seconds",
        "security": "security secure auth authentication authorization encrypt encryption "
        "abuse enumerate guessable malicious permission permissions privacy",
        "durability": "durability durable lose lost loss persist persisted replicated "
        "backup backups",
    }.items()
}


@dataclass(frozen=True)
class Mention:
    text: str  # the reference's item
    found: bool
    share: float  # the share of its words found


@dataclass(frozen=True)
class QualityMention:
    quality: str
    rank: int  # the reference's rank, 1 = most important
    found: bool
    order: int | None  # where it first comes in the notes among the qualities found (1 = first)


@dataclass(frozen=True)
class TopicCoverage:
    topic: str
    covered: bool
    pick: str | None  # the reference's pick for this topic, if it has one
    pick_named: bool


@dataclass(frozen=True)
class Coverage:
    features: list[Mention]
    qualities: list[QualityMention]
    topics: list[TopicCoverage]


def features_mentioned(features: list[str], text: str) -> list[Mention]:
    found = word_set(text)
    result = []
    for feature in features:
        share = overlap(word_set(feature), found)
        result.append(Mention(feature, share >= FEATURE_SHARE, share))
    return result


def qualities_mentioned(qualities: list[str], text: str) -> list[QualityMention]:
    sequence = words(text)
    first: dict[str, int] = {}
    for position, word in enumerate(sequence):
        for quality in qualities:
            if quality not in first and word in QUALITY_WORDS[quality]:
                first[quality] = position
    order = {q: i + 1 for i, q in enumerate(sorted(first, key=first.__getitem__))}
    return [
        QualityMention(q, rank, q in first, order.get(q)) for rank, q in enumerate(qualities, 1)
    ]


def topics_covered(problem: Problem, text: str) -> list[TopicCoverage]:
    found = word_set(text)
    picks = {p.topic: p.pick for p in problem.reference.deep_dives} if problem.reference else {}
    result = []
    for dive in problem.deep_dives:
        topic_share = overlap(word_set(dive.topic), found)
        option_share = max(overlap(word_set(o.name), found) for o in dive.options)
        pick = picks.get(dive.topic)
        named = pick is not None and overlap(word_set(pick), found) >= OPTION_SHARE
        covered = topic_share >= TOPIC_SHARE or option_share >= OPTION_SHARE
        result.append(TopicCoverage(dive.topic, covered, pick, named))
    return result


def notes_coverage(problem: Problem, notes: dict[str, str]) -> Coverage:
    """The requirements and deep-dive panes against the problem's reference."""
    ref = problem.reference
    requirements = notes.get("requirements", "")
    deep_dive = notes.get("deep_dive", "")
    features = features_mentioned(list(ref.core_features), requirements) if ref else []
    qualities = qualities_mentioned([q.quality for q in ref.qualities], requirements) if ref else []
    return Coverage(features, qualities, topics_covered(problem, deep_dive))


def question_addressed(question: str, notes: dict[str, str]) -> tuple[bool, float]:
    """Whether the notes (every pane) seem to answer a question, and the share of words."""
    share = overlap(word_set(question), word_set(" ".join(notes.values())))
    return share >= QUESTION_SHARE, share
