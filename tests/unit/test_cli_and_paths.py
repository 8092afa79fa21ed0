import subprocess
import sys

import pytest

from sdi_desktop import __version__, paths
from sdi_desktop.cli.arguments import parse_args


def test_version_prints_and_exits_zero():
    out = subprocess.run(
        [sys.executable, "-m", "sdi_desktop", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.strip() == f"SDI Desktop {__version__}"


def test_data_dir_option_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "cli") == tmp_path / "cli"
    assert (tmp_path / "cli").is_dir()
    assert paths.data_dir(None) == tmp_path / "from-env"


def test_platformdirs_is_the_fallback(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "pd"))
    assert paths.data_dir() == tmp_path / "pd"


def test_data_dir_is_accepted_before_and_after_a_subcommand():
    assert parse_args(["--data-dir", "/x", "screenshots", "out"]).data_dir == "/x"
    assert parse_args(["screenshots", "out", "--data-dir", "/y"]).data_dir == "/y"
    assert parse_args([]).data_dir is None


def test_unknown_option_exits_with_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--nope"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --nope" in capsys.readouterr().err


def test_resources_are_found_from_the_checkout():
    assert paths.resource_root("resources").is_dir()
    assert paths.resource_root("problems").is_dir()
    with pytest.raises(FileNotFoundError):
        paths.resource_root("no-such-folder")


@pytest.mark.parametrize(
    "argv",
    [[], ["--data-dir", "/d"], ["--data-dir=/d"], ["--data-dir", "/d", "--data-dir", "/e"]],
)
def test_the_fast_path_agrees_with_argparse(argv):
    from sdi_desktop.cli.arguments import _parse_window_options, build_parser

    assert _parse_window_options(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv", [["--data-dir"], ["--data-dir", "--x"], ["screenshots", "o"], ["-h"]]
)
def test_anything_else_goes_through_argparse(argv):
    from sdi_desktop.cli.arguments import _parse_window_options

    assert _parse_window_options(argv) is None
