"""``sdi-desktop stats [--json]``: the progress figures of the dashboard, as text or JSON.

No Qt. Today and the time zone are the machine's local ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, tzinfo
from pathlib import Path
from typing import TextIO

from sdi_desktop import paths
from sdi_desktop.domain import local_time
from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.progress import ProgressFilter, ProgressReport, build_report
from sdi_desktop.domain.rubric import COMPETENCIES
from sdi_desktop.storage.errors import StorageError

PROG = "sdi-desktop"
RECENT_WEEKS = 8


def run(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    from sdi_desktop.cli.sessions import CommandError, _open_store

    flt = ProgressFilter(problem_id=args.problem, tag=args.tag)
    try:
        with _open_store(args.data_dir) as store:
            report = load_report(store, paths.data_dir(args.data_dir), flt)
    except (CommandError, StorageError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(report.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(format_report(report))
    return 0


def local_now() -> tuple[date, tzinfo]:
    """Today and the machine's time zone (summer time included)."""
    now = local_time.local_now()
    return now.date(), now.tzinfo


def problem_catalogue(data_dir: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(problem id -> title, problem id -> tags) of the library, built-in and the user's."""
    from sdi_desktop.domain.problems import load_library

    library = load_library(paths.resource_root("problems"), paths.user_problems_dir(data_dir))
    problems = library.problems
    return {p.id: p.title for p in problems}, {p.id: list(p.tags) for p in problems}


def load_report(store, data_dir: Path, flt: ProgressFilter) -> ProgressReport:
    titles, tags = problem_catalogue(data_dir)
    today, tz = local_now()
    entries = store.sessions.progress_entries(tags)
    known = sorted({t for ts in tags.values() for t in ts})
    return build_report(entries, flt, today, tz, titles, known, problem_tags=tags)


def format_report(report: ProgressReport) -> str:
    lines = [f"Sessions: {len(report.entries)}    Current streak: {report.streak} day(s)", ""]
    lines.append("Self-assessment (1-4): latest moving average, sessions assessed")
    for competency in COMPETENCIES:
        series = report.scores[competency.key]
        average = f"{series.moving[-1]:.1f}" if series.moving else "-"
        lines.append(f"  {competency.title:<28}{average:>5}  ({len(series.values)} assessed)")
    lines += ["", "Time per phase: average spent / budget"]
    for phase, (spent, budget) in zip(PHASES, report.phase_average, strict=True):
        lines.append(
            f"  {phase.short_title:<28}{format_duration(spent):>8} / {format_duration(budget)}"
        )
    overtime = report.overtime.values
    if overtime:
        lines.append(
            f"  Over budget per session: {sum(overtime) / len(overtime):.1f} min on average, "
            f"{report.overtime.moving[-1]:.1f} min over the last sessions"
        )
    lines += ["", f"Sessions per week (last {RECENT_WEEKS} weeks with data)"]
    for week, count in report.weeks[-RECENT_WEEKS:]:
        lines.append(f"  week of {week.isoformat()}  {count:>3}  {'#' * count}")
    lines += ["", "Attempts per problem"]
    for _pid, title, count in report.problems:
        lines.append(f"  {count:>4}  {title}")
    lines += ["", "Attempts per tag"]
    for tag, count in report.tags:
        lines.append(f"  {count:>4}  {tag}")
    return "\n".join(lines) + "\n"
