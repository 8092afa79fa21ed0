"""Problem-file errors as one line each: the file, the field at fault and what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple


class ProblemError(NamedTuple):
    """Why one file was skipped. ``field`` is empty when the file as a whole is at fault."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: field '{self.field}'" if self.field else self.file
        return f"{where}: {self.message}"


class ProblemFileError(Exception):
    """Raised by the parser; carries the first error and how many more there were."""

    def __init__(self, error: ProblemError, more: int = 0) -> None:
        self.error = error
        self.more = more
        super().__init__(self.line())

    def line(self) -> str:
        extra = f" (and {self.more} more)" if self.more else ""
        return f"{self.error}{extra}"


def display_name(path: Path, root: Path | None = None) -> str:
    """The file's name as messages show it: relative to ``root`` when inside it."""
    if root is not None:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            pass
    return str(path)


def field_path(loc: tuple[Any, ...]) -> str:
    """``('deep_dives', 2, 'options')`` -> ``deep_dives[2].options``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_TYPE_NAMES = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a table",
}


def _type_name(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def describe(error: dict[str, Any]) -> str:
    """A short, plain explanation of one pydantic error."""
    kind = error["type"]
    got = _type_name(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "missing (this field is required)"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against docs/problem-format.md)"
    if kind == "string_type":
        return f"should be text, not {got}"
    if kind == "list_type":
        return f"should be a list, not {got}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"should be a table, not {got}"
    if kind == "literal_error":
        return f"should be one of {ctx.get('expected', 'the allowed values')}"
    if kind == "too_short":
        if error.get("input") == [] or isinstance(error.get("input"), list):
            return f"needs at least {ctx.get('min_length')} item(s)"
        return "must not be empty"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        return "should be lower-case words joined by hyphens, like 'url-shortener'"
    return str(error.get("msg", kind))
