"""The command line: options for the window and the subcommands that open none.

Parsing imports no Qt, so ``--version`` and the subcommands start quickly.
"""

from __future__ import annotations

import argparse

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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    shots = commands.add_parser(
        "screenshots",
        help="render the main views of a demo session as PNG files and exit",
        description="Render the main views of a demo session into DIR as PNG files "
        "(works offscreen, with no display).",
    )
    shots.add_argument("out_dir", metavar="DIR")
    _add_common(shots, sub=True)
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)
