"""Problem files: every shipped one is valid; broken ones give one clear line and are skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.problems import (
    DIFFICULTIES,
    ProblemFileError,
    load_library,
    parse_problem_text,
    read_problem_file,
)

BUILTIN = paths.resource_root("problems")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (BUILTIN / "pastebin.toml").read_text(encoding="utf-8")
CLASSICS = [
    "url-shortener",
    "rate-limiter",
    "key-value-store",
    "unique-id-generator",
    "web-crawler",
    "notification-system",
    "news-feed",
    "chat-system",
    "search-autocomplete",
    "video-streaming",
    "file-sync",
    "proximity-service",
    "ride-hailing",
    "maps-navigation",
    "message-queue",
    "metrics-monitoring",
    "ad-click-aggregation",
    "hotel-reservation",
    "payment-system",
    "digital-wallet",
    "stock-exchange",
    "leaderboard",
    "object-storage",
    "email-service",
    "ticketing",
    "collaborative-editor",
    "distributed-cache",
    "job-scheduler",
    "content-delivery-network",
    "social-graph",
]


def variant(problem_id: str, text: str = EXAMPLE) -> str:
    """The example problem under another id."""
    return re.sub(r'^id = ".*"$', f'id = "{problem_id}"', text, count=1, flags=re.M)


def test_the_library_has_the_classics_across_difficulties():
    library = load_library(BUILTIN, None)
    assert library.errors == []
    assert len(library) >= 30
    for problem_id in CLASSICS:
        assert problem_id in library, problem_id
    assert {p.difficulty for p in library.problems} == set(DIFFICULTIES)
    for problem in library.problems:
        assert library.origin(problem.id).path.stem == problem.id
        assert 3 <= len(problem.deep_dives) <= 5
        assert all(len(d.options) >= 2 for d in problem.deep_dives)


def test_format_document_shows_a_shipped_problem_in_full():
    doc = (ROOT / "docs" / "problem-format.md").read_text(encoding="utf-8")
    assert EXAMPLE in doc
    assert parse_problem_text(EXAMPLE, "example").id == "pastebin"


@pytest.fixture
def user_dir(tmp_path) -> Path:
    folder = tmp_path / "problems"
    folder.mkdir()
    (folder / "my-good-one.toml").write_text(variant("my-good-one"), encoding="utf-8")
    return folder


def _only_error(user_dir: Path):
    library = load_library(BUILTIN, user_dir)
    assert len(library.errors) == 1, library.errors
    # the rest of the library still loads: every built-in and the good user file
    assert len(library) == len(load_library(BUILTIN, None)) + 1
    assert library.is_user("my-good-one")
    origin = library.skipped_origin(0)
    assert origin.user and origin.path.parent == user_dir and origin.path.is_file()
    return library.errors[0]


def test_missing_field(user_dir):
    text = variant("no-prompt")
    start = text.index('prompt = """')
    end = text.index('"""', start + len('prompt = """')) + 3
    text = text[:start] + text[end:]
    (user_dir / "no-prompt.toml").write_text(text, encoding="utf-8")
    error = _only_error(user_dir)
    assert error.field == "prompt"
    assert str(error) == (
        f"{user_dir / 'no-prompt.toml'}: field 'prompt': missing (this field is required)"
    )


def test_wrong_type(user_dir):
    text = variant("bad-tags").replace('tags = ["web", "storage", "read-heavy"]', 'tags = "web"')
    (user_dir / "bad-tags.toml").write_text(text, encoding="utf-8")
    error = _only_error(user_dir)
    assert (error.field, error.message) == ("tags", "should be a list, not text")
    assert "bad-tags.toml: field 'tags'" in str(error)


def test_wrong_type_deep_inside(user_dir):
    text = variant("bad-option").replace(
        'trade_offs = "Cheap and durable at any size; an extra hop per read unless cached."',
        "trade_offs = 3",
    )
    (user_dir / "bad-option.toml").write_text(text, encoding="utf-8")
    error = _only_error(user_dir)
    assert error.field == "deep_dives[0].options[0].trade_offs"
    assert error.message == "should be text, not a number"


def test_duplicate_id_names_the_file_already_using_it(user_dir):
    (user_dir / "copy.toml").write_text(variant("url-shortener"), encoding="utf-8")
    error = _only_error(user_dir)
    assert error.field == "id"
    assert error.file.endswith("copy.toml")
    assert "already used by problems/url-shortener.toml" in error.message
    library = load_library(BUILTIN, user_dir)
    assert not library.is_user("url-shortener")  # the built-in one stays


def test_file_that_is_not_text(user_dir):
    (user_dir / "picture.toml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    error = _only_error(user_dir)
    assert error.field == ""
    assert str(error) == f"{user_dir / 'picture.toml'}: is not UTF-8 text (byte 0x89 at offset 0)"


def test_text_with_nul_bytes_is_not_text(user_dir):
    (user_dir / "nul.toml").write_bytes(b'id = "x"\x00\x00')
    assert "is not a text file" in str(_only_error(user_dir))


def test_text_that_is_not_toml(user_dir):
    (user_dir / "prose.toml").write_text("Design a thing, please.\n", encoding="utf-8")
    error = _only_error(user_dir)
    assert "prose.toml: not valid TOML" in str(error)
    assert "line 1" in str(error)


def test_misspelt_key_is_named_with_a_suggestion():
    error = _error_of(variant("typo").replace("pitfalls =", "pitfals ="))
    assert error.field == "pitfals"
    assert error.message == "unknown field (did you mean 'pitfalls'?)"


def test_top_level_key_below_a_table_header_is_explained():
    error = _error_of(_move_to_scale(variant("misplaced"), "pitfalls"))
    assert error.field == "suggested_scale.pitfalls"
    assert "belongs at the top level" in error.message


def _error_of(text: str):
    with pytest.raises(ProblemFileError) as exc:
        parse_problem_text(text, "x.toml")
    return exc.value.error


def _move_to_scale(text: str, key: str) -> str:
    """Cut the top-level list ``key`` and paste it below the [suggested_scale] header."""
    match = re.search(rf"^{key} = \[\n.*?^\]\n", text, flags=re.M | re.S)
    assert match
    block = match.group(0)
    text = text.replace(block, "")
    return text.replace("[suggested_scale]\n", f"[suggested_scale]\n{block}")


def test_too_few_deep_dives_and_bad_difficulty():
    text = variant("few")
    first = text.index("[[deep_dives]]")
    second = text.index("[[deep_dives]]", first + 1)
    assert _error_of(text[:second]).field == "deep_dives"
    assert "at least 3" in _error_of(text[:second]).message
    error = _error_of(text.replace('difficulty = "easy"', 'difficulty = "trivial"'))
    assert error.field == "difficulty"
    assert "'easy', 'medium' or 'hard'" in error.message


def test_unknown_format_version_is_a_clear_error():
    error = _error_of("format = 7\n" + variant("future"))
    assert error.field == "format"
    assert "format 7 is not known" in error.message


def test_read_problem_file_names_the_file(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ProblemFileError) as exc:
        read_problem_file(path)
    assert exc.value.line().startswith(f"{path}: field 'id': missing")
    assert "more)" in exc.value.line()


def test_search_by_text_tag_and_difficulty():
    library = load_library(BUILTIN, None)
    assert [p.id for p in library.search("url short")] == ["url-shortener"]
    assert [p.id for p in library.search("SHORTENER")] == ["url-shortener"]
    payments = library.search(tag="payments")
    assert {p.id for p in payments} >= {"payment-system", "digital-wallet"}
    assert all("payments" in p.tags for p in payments)
    hard = library.search(difficulty="hard")
    assert hard and all(p.difficulty == "hard" for p in hard)
    assert library.search("wallet", difficulty="easy") == []
    ordered = [p.difficulty for p in library.search()]
    assert ordered == sorted(ordered, key=DIFFICULTIES.index)
    assert "read-heavy" in library.tags()
