"""Realistic demo sessions for screenshots, the dashboard tests and trying the charts.

    python -m sdi_desktop.demo.sessions --data-dir /tmp/sdi-demo --sessions 50
    sdi-desktop --data-dir /tmp/sdi-demo          # then look at Progress… (Ctrl+Shift+P)

``--data-dir`` is required: demo data never goes into the user's own database
unless they name its folder themselves. The sessions are spread over the weeks
before ``--end`` (default: now), one every one to three days with a few breaks,
on problems from the built-in library; each is finished, has notes, a board,
a snapshot at the end of every phase and a self-assessment whose scores improve
slowly, as practice should make them. The same ``--seed`` gives the same data.
No Qt.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sdi_desktop import paths
from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.formats import presets, standard
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import PANE_KEYS, SessionRecord, Snapshot
from sdi_desktop.domain.rubric import COMPETENCIES, Assessment

# How a session's notes can look; the deep dive weighs one to three options.
_NOTES = {
    "requirements": "## Functional\n\n1. {core}\n2. Read it back quickly\n3. Basic stats\n\n"
    "## Non-functional\n\n- p99 under 100 ms\n- highly available, eventually consistent\n",
    "estimates": "## Back of the envelope\n\n- {users} daily users\n- ~{rps} requests per "
    "second at peak\n- {data} of new data a year\n",
    "api": "## API\n\n- `POST /items` creates one\n- `GET /items/{{id}}` reads one\n",
    "data_model": "## Data model\n\n| Entity | Key | Store |\n| --- | --- | --- |\n"
    "| Item | id | key-value store |\n| Event | (id, day) | wide-column store |\n",
    "wrap_up": "## Summary\n\nStateless services behind a load balancer, a cache for hot "
    "reads and a replicated store.\n\n## Limits\n\n- counts lag by a minute\n",
}
_TOPICS = ("Hot keys", "Write throughput", "Cache invalidation", "Failover", "Fan-out")


def _deep_dive(rng: random.Random) -> str:
    parts = []
    for topic in rng.sample(_TOPICS, rng.randint(1, 3)):
        parts.append(f"## Problem: {topic.lower()}\n")
        for letter in "ABC"[: rng.choice((1, 2, 2, 3))]:
            parts.append(f"### Option {letter}\n\n- what it costs, what it buys\n")
        parts.append("### Decision\n\nThe cheaper option, revisited at ten times the load.\n")
    return "\n".join(parts)


def _board_at(board: list[dict], share: float) -> list[dict]:
    """The first ``share`` of the components, and the connectors between them."""
    components = [e for e in board if e["type"] == "component"]
    kept = {c["id"] for c in components[: max(1, round(len(components) * share))]}
    return [
        e
        for e in board
        if (e["type"] == "component" and e["id"] in kept)
        or (e["type"] == "connector" and e["source"] in kept and e["target"] in kept)
    ]


def _problems() -> list:
    from sdi_desktop.domain.problems import load_library

    library = load_library(paths.resource_root("problems"), None)
    return library.sorted_problems()


def demo_records(count: int, end: datetime, seed: int = 8) -> list[tuple[SessionRecord, dict]]:
    """``count`` finished sessions (oldest first), each with its assessment data."""
    rng = random.Random(seed)
    problems = _problems()
    favourites = problems[:: max(1, len(problems) // 8)][:8]  # people avoid some problems
    board = [e.to_dict() for e in url_shortener_board()]
    formats = [standard(), *presets()]
    moments, moment = [], end - timedelta(hours=rng.uniform(2, 20))
    for _ in range(count):
        moments.append(moment)
        gap = rng.choice((1, 1, 1, 2, 2, 3)) if rng.random() > 0.05 else rng.randint(5, 9)
        moment -= timedelta(days=gap, hours=rng.uniform(-3, 3))
    out = []
    for n, started in enumerate(reversed(moments)):
        progress = n / max(1, count - 1)  # 0 for the oldest, 1 for the newest
        problem = rng.choice(favourites)
        fmt = rng.choice(formats)
        overrun = 1.35 - 0.4 * progress
        spent = [b * rng.uniform(0.7, overrun) for b in fmt.budgets]
        ended = started + timedelta(seconds=sum(spent))
        notes = {
            key: text.format(
                core=problem.functional_requirements[0],
                users=rng.choice(("10 M", "50 M", "200 M")),
                rps=rng.choice(("5,000", "40,000", "120,000")),
                data=rng.choice(("2 TB", "30 TB", "1 PB")),
            )
            for key, text in _NOTES.items()
        }
        notes["deep_dive"] = _deep_dive(rng)
        if rng.random() < 0.3 - 0.25 * progress:
            notes[rng.choice(PANE_KEYS)] = ""  # early sessions leave a pane empty now and then
        shares = sorted(rng.uniform(0.2, 1.0) for _ in PHASES)
        snapshots, moment = [], started
        for index, share in enumerate(shares):
            moment += timedelta(seconds=spent[index])
            snapshots.append(Snapshot(index, moment, _board_at(board, share), dict(notes)))
        record = SessionRecord(
            title=problem.title if rng.random() < 0.7 else f"{problem.title}, timed",
            problem_id=problem.id,
            problem_title=problem.title,
            prompt=problem.prompt,
            format=fmt,
            clock={"format": fmt.to_dict(), "spent": spent, "current": 3, "state": "finished"},
            checklist={
                p.key: sorted(rng.sample(range(len(p.checklist)), rng.randint(1, len(p.checklist))))
                for p in PHASES
            },
            hints_opened=[{"key": "suggested_scale", "phase": "scope", "elapsed": 120.0}]
            if rng.random() < 0.4
            else [],
            notes=notes,
            board=snapshots[-1].board,
            tags=rng.sample(["mock", "timed", "with-friend", "weak-spot"], rng.randint(0, 2)),
            status="finished",
            started_at=started,
            ended_at=ended,
            updated_at=ended,
            snapshots=snapshots,
        )
        base = 1.6 + 1.8 * progress
        scores = {c.key: min(4, max(1, round(base + rng.uniform(-0.9, 0.9)))) for c in COMPETENCIES}
        points = [p for p in problem.reviewer_points if rng.random() < 0.3 + 0.5 * progress]
        note = rng.choice(("", "Ran long on the diagram.", "Good pace; weak wrap-up."))
        out.append((record, Assessment(scores, points, note).to_dict()))
    return out


def seed_demo(store, count: int, end: datetime | None = None, seed: int = 8) -> list[int]:
    """Add ``count`` demo sessions (with snapshots and assessments) to ``store``; ids."""
    ids = []
    for record, assessment in demo_records(count, end or datetime.now(UTC), seed):
        session_id = store.sessions.create(record)
        store.sessions.save_assessment(session_id, assessment)
        ids.append(session_id)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sdi_desktop.demo.sessions",
        description="Fill a data directory with realistic demo sessions (never your own "
        "data unless you name its folder).",
    )
    parser.add_argument("--data-dir", required=True, metavar="DIR")
    parser.add_argument("--sessions", type=int, default=50, metavar="N")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    from sdi_desktop.storage.store import Store

    directory = Path(args.data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    with Store.open(directory) as store:
        ids = seed_demo(store, args.sessions, seed=args.seed)
    print(f"added {len(ids)} demo sessions to {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
