"""``sdi-desktop sessions list|export|import|check``: saved sessions from the command line.

No window ever opens. Qt is imported only to draw a board (png, svg, pdf, and the
image beside a Markdown export), on the offscreen platform unless one is set.
Every failure is one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from sdi_desktop import paths
from sdi_desktop.cli.arguments import EXPORT_FORMATS
from sdi_desktop.cli.board_exchange import DIAGRAM_FORMATS, import_board, write_board
from sdi_desktop.domain.clock import format_duration
from sdi_desktop.storage.errors import SessionNotFound, StorageError
from sdi_desktop.storage.exchange import (
    SessionFormatError,
    session_from_json,
    session_to_json,
    session_to_markdown,
)
from sdi_desktop.storage.store import Store

PROG = "sdi-desktop"
_qt_app = None  # the QApplication made to draw a board, if one was needed


class CommandError(Exception):
    """A failure to report in one line (exit status 1)."""


def run(args: argparse.Namespace) -> int:
    try:
        with _open_store(args.data_dir) as store:
            return ACTIONS[args.action](store, args)
    except (CommandError, StorageError, SessionNotFound, SessionFormatError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1


def _open_store(data_dir: str | None) -> Store:
    try:
        directory = paths.data_dir(data_dir)
    except paths.DataDirError as exc:
        raise CommandError(str(exc)) from None
    store = Store.open(directory)
    if store.recovered_from is not None:
        print(
            f"{PROG}: the database was damaged; it was moved to {store.recovered_from} "
            "and a fresh one started",
            file=sys.stderr,
        )
    return store


# -- list ------------------------------------------------------------------------------------
def _list(store: Store, args: argparse.Namespace) -> int:
    summaries = store.sessions.list()
    if args.json:
        print(json.dumps([_summary_data(s) for s in summaries], indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print("No saved sessions.")
        return 0
    rows = [("ID", "TITLE", "PROBLEM", "STARTED", "TOTAL")]
    for s in summaries:
        started = s.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        problem = s.problem_title or s.problem_id or "-"
        rows.append((str(s.id), s.title, problem, started, format_duration(s.total_seconds)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]))
    return 0


def _summary_data(s) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "problem_id": s.problem_id,
        "problem_title": s.problem_title,
        "started_at": s.started_at.isoformat(),
        "ended_at": None if s.ended_at is None else s.ended_at.isoformat(),
        "status": s.status,
        "total_seconds": s.total_seconds,
        "phase_seconds": s.phase_seconds,
        "budgets": list(s.budgets),
        "tags": s.tags,
    }


# -- export ------------------------------------------------------------------------------------
def _export(store: Store, args: argparse.Namespace) -> int:
    fmt = args.format.lower()
    if fmt not in EXPORT_FORMATS:
        raise CommandError(
            f"unknown export format {args.format!r} (choose {', '.join(EXPORT_FORMATS)})"
        )
    try:
        session_id = int(args.id)
    except ValueError:
        raise CommandError(f"no saved session has id {args.id!r}") from None
    record = store.sessions.get(session_id)
    out = Path(args.output)
    try:
        if fmt == "json":
            out.write_text(session_to_json(record) + "\n", encoding="utf-8")
        elif fmt in DIAGRAM_FORMATS:
            printed = write_board(record.board, fmt, args.output, record.title)
            if printed:
                print(printed)
            return 0
        elif fmt == "md":
            image = out.with_name(f"{out.stem}-board.png")
            assessment = store.sessions.get_assessment(session_id)
            appendix = _write_up_appendix(store, record, assessment, args)
            text = session_to_markdown(
                record, board_image=image.name, appendix=appendix, assessment=assessment
            )
            out.write_text(text, encoding="utf-8")
            _render_board(record.board, image, "png", record.title)
        else:
            _render_board(record.board, out, fmt, record.title)
    except OSError as exc:
        raise CommandError(f"cannot write {exc.filename or out}: {exc.strerror}") from None
    print(out)
    return 0


def _write_up_appendix(store: Store, record, assessment, args: argparse.Namespace) -> str:
    """What the features add to the Markdown write-up: the estimation panel's figures, the
    design review, the comparison with the reference answer and the mock with a peer.
    The problem library is read once for all of them."""
    from sdi_desktop.domain.checks.session_review import markdown_text, problem_info
    from sdi_desktop.domain.estimation.markdown import state_markdown
    from sdi_desktop.domain.mock.markdown import mock_markdown
    from sdi_desktop.domain.reference.summary import session_comparison_markdown

    problem = _problem(record, args.data_dir)
    estimates = state_markdown((record.extras or {}).get("estimation"))
    parts = [
        "## Estimation panel\n\n" + estimates.strip() if estimates else "",
        markdown_text(record, problem_info(problem)),
        session_comparison_markdown(problem, record),
        mock_markdown(record.extras, assessment, store.sessions.assessments_by_others(record.id)),
    ]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _render_board(board: list[dict[str, Any]], path: Path, fmt: str, title: str) -> None:
    """Draw the board into ``path`` with the whiteboard's own scene, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sdi_desktop.domain.board.file_format import BoardFormatError, from_plain
    from sdi_desktop.ui.board import export
    from sdi_desktop.ui.board.editor import BoardEditor

    global _qt_app
    # Kept for the life of the process: the scene must never outlive its application.
    _qt_app = QApplication.instance() or QApplication([PROG])
    editor = BoardEditor()
    try:
        editor.load(from_plain(board))
    except BoardFormatError as exc:
        raise CommandError(f"the board cannot be drawn: {exc}") from None
    try:
        if fmt == "png":
            note = export.size_note(editor.scene)
            if note:
                print(note, file=sys.stderr)
            export.export_png(path, editor.scene)
        elif fmt == "svg":
            export.export_svg(path, editor.scene, title=title)
        else:
            export.export_pdf(path, editor.scene, title=title)
    except export.ExportError as exc:
        raise CommandError(str(exc)) from None


# -- import ------------------------------------------------------------------------------------
def _import(store: Store, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    try:
        record = session_from_json(text)
    except SessionFormatError as exc:
        raise CommandError(f"{path}: {exc}") from None
    print(store.sessions.create(record))
    return 0


# -- check -------------------------------------------------------------------------------------
def _check(store: Store, args: argparse.Namespace) -> int:
    from sdi_desktop.domain.checks.review_state import DesignReviewState, ReviewStateError
    from sdi_desktop.domain.checks.session_review import check_record, problem_info
    from sdi_desktop.domain.checks.texts import findings_json, findings_text

    try:
        record = store.sessions.get(int(args.id))
    except ValueError:
        raise CommandError(f"no saved session has id {args.id!r}") from None
    problem = problem_info(_problem(record, args.data_dir))
    try:
        result = check_record(record, problem=problem)
    except ReviewStateError as exc:  # the findings still count; the "Intended" marks are lost
        print(
            f"{PROG}: session {record.id}: {exc}; ignoring what was marked intended",
            file=sys.stderr,
        )
        result = check_record(record, problem=problem, state=DesignReviewState())
    print(findings_json(result.open) if args.json else findings_text(record.title, *result))
    return 1 if result.has_problem else 0


def _problem(record, data_dir: str | None):
    """The session's problem from the library (its tags say whether it is read-heavy)."""
    if not record.problem_id:
        return None
    from sdi_desktop.cli.problems import _library

    return _library(paths.data_dir(data_dir)).get(record.problem_id)


ACTIONS = {
    "list": _list,
    "export": _export,
    "import": _import,
    "check": _check,
    "import-board": lambda store, args: import_board(store, args, CommandError),
}
