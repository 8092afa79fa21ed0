"""The command line: options for the window and the subcommands that open none.

Parsing imports no Qt, so ``--version`` and the subcommands start quickly.
"""

from __future__ import annotations

import argparse  # the module is cheap; building a parser is what costs

from sdi_desktop import APP_NAME, __version__

DESCRIPTION = f"{APP_NAME}: practise system design interviews offline."


def _add_common(parser: argparse.ArgumentParser, sub: bool = False) -> None:
    # On a subcommand the default is suppressed so that `--data-dir X COMMAND`
    # (given before the subcommand) is not reset to None by the subparser.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if sub else None,
        help="keep the database and all user files in DIR "
        "(default: $SDI_DESKTOP_DATA_DIR, else the platform's user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sdi-desktop", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_common(parser)
    parser.add_argument(
        "--open", metavar="ID", type=int, help="open the app on the saved session ID"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    shots = commands.add_parser(
        "screenshots",
        help="render the main views of a demo session as PNG files and exit",
        description="Render the main views of a demo session into DIR as PNG files "
        "(works offscreen, with no display).",
    )
    shots.add_argument("out_dir", metavar="DIR")
    _add_common(shots, sub=True)

    problems = commands.add_parser(
        "problems",
        help="list the problem library or check problem files",
        description="The problem library: the built-in problems and your own "
        "(files in DIR/problems/ of the data directory).",
    )
    _add_common(problems, sub=True)
    actions = problems.add_subparsers(dest="problems_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="print every problem, built-in and yours")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _add_common(listing, sub=True)
    check = actions.add_parser(
        "check",
        help="validate a problem file or a folder of them",
        description="Validate one problem file or every *.toml file in a folder. Exits "
        "non-zero at the first invalid file, naming the file and the field at fault.",
    )
    check.add_argument("path", metavar="PATH")
    _add_common(check, sub=True)
    estimate = actions.add_parser(
        "estimate",
        help="print the back-of-the-envelope figures of a problem, each with its formula",
        description="Print what the estimation panel computes from a problem's scale "
        "figures ([estimation] in its file): rates, storage, bandwidth, cache, servers, "
        "each with its formula and the numbers put in.",
    )
    estimate.add_argument("id", metavar="ID", help="the problem id (see 'problems list')")
    estimate.add_argument("--json", action="store_true", help="print a JSON array")
    _add_common(estimate, sub=True)
    from sdi_desktop.cli.problems import add_show_parser

    add_show_parser(actions, _add_common)
    _add_sessions(commands)
    stats = commands.add_parser(
        "stats",
        help="print the progress figures (scores, phase times, streak)",
        description="Print the figures of the progress dashboard: self-assessment scores, "
        "time per phase against budget, overtime, sessions per week, the current streak "
        "and attempts per problem and tag. Opens no window.",
    )
    stats.add_argument("--json", action="store_true", help="print a JSON object")
    stats.add_argument("--problem", metavar="ID", help="only the sessions of this problem")
    stats.add_argument("--tag", metavar="TAG", help="only the sessions with this tag")
    _add_common(stats, sub=True)
    return parser


EXPORT_FORMATS = ("md", "json", "png", "svg", "pdf", "mermaid", "excalidraw", "drawio")


def _add_sessions(commands) -> None:
    sessions = commands.add_parser(
        "sessions",
        help="list, export, import or check saved sessions (opens no window)",
        description="List, export, import or check saved sessions. Opens no window.",
    )
    _add_common(sessions, sub=True)
    actions = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", help="print the saved sessions", description="Print the saved sessions."
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _add_common(listing, sub=True)

    export = actions.add_parser(
        "export",
        help="write one saved session to a file",
        description="Write one saved session: md (a complete write-up, with the board "
        "as <name>-board.png beside it and as a Mermaid block), json (the whole session, "
        "for import), png, svg or pdf (the whiteboard), mermaid, excalidraw or drawio "
        "(the whiteboard as a diagram for those tools; '-o -' prints it).",
    )
    export.add_argument("id", metavar="ID", help="the session id (see 'sessions list')")
    export.add_argument(
        "--format", required=True, metavar="FORMAT", help=" | ".join(EXPORT_FORMATS)
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    _add_common(export, sub=True)

    check = actions.add_parser(
        "check",
        help="print the design-review findings of a saved session",
        description="Run the design review over a saved session's whiteboard and notes and "
        "print the findings. Exits 0 when none is a problem, 1 otherwise (see "
        "docs/design-checks.md).",
    )
    check.add_argument("id", metavar="ID", help="the session id (see 'sessions list')")
    check.add_argument("--json", action="store_true", help="print a JSON array of findings")
    _add_common(check, sub=True)

    imp = actions.add_parser(
        "import",
        help="add a session from a file written by 'export --format json'",
        description="Add a session from a file written by 'sessions export --format json' "
        "and print its new id. A malformed file changes nothing.",
    )
    imp.add_argument("file", metavar="FILE")
    _add_common(imp, sub=True)

    board = actions.add_parser(
        "import-board",
        help="make a new session from an Excalidraw or draw.io diagram",
        description="Make a new session whose whiteboard is the diagram in FILE (.excalidraw, "
        ".drawio, draw.io .xml, .drawio.svg, an image exported with its diagram, a Mermaid "
        "flowchart or a Markdown file holding one); print its id and a one-line report. "
        "A file that cannot be read changes nothing.",
    )
    board.add_argument("file", metavar="FILE")
    board.add_argument(
        "--page", type=int, metavar="N", help="the page of a draw.io file to read (from 1)"
    )
    _add_common(board, sub=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    fast = _parse_window_options(argv)
    return fast if fast is not None else build_parser().parse_args(argv)


# Options that only open the window; each takes one value.
_WINDOW_OPTIONS = {"--data-dir": "data_dir", "--open": "open"}


def _parse_window_options(argv: list[str]) -> argparse.Namespace | None:
    """The common case (no argument, or only window options) without building the
    argparse parser, which costs ~15 ms of start-up. Anything else (a subcommand,
    --help, a typo) returns None and goes through argparse, errors and all."""
    values: dict[str, str | None] = dict.fromkeys(_WINDOW_OPTIONS.values())
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name not in _WINDOW_OPTIONS:
            return None
        if not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None
            value = argv[i + 1]
            i += 1
        if not value:
            return None
        if name == "--open":
            if not value.isdigit():
                return None  # argparse explains
            values["open"] = int(value)
        else:
            values[_WINDOW_OPTIONS[name]] = value
        i += 1
    return argparse.Namespace(command=None, **values)
