"""Per-feature data stored with a session (``SessionRecord.extras``): the rules it obeys.

Each feature that keeps something with the session (the estimation panel's inputs, the
design review's dismissed findings, a follow-up log, an interviewer's remarks...) owns
one key of ``extras``; its value is any JSON value. Keys this version does not know are
kept and written back unchanged, so a newer app's data survives an older one.

Limits, checked wherever extras come from outside (``sessions import``, a stored row):
a JSON object whose keys are 1-40 characters, at most ``MAX_EXTRAS_BYTES`` once encoded.
"""

from __future__ import annotations

import json
from typing import Any

MAX_KEY_LENGTH = 40
MAX_EXTRAS_BYTES = 1_000_000  # encoded as compact UTF-8 JSON


class ExtrasError(ValueError):
    """Extras that break the rules above; the message names the problem."""


def encode_extras(extras: dict[str, Any]) -> str:
    """Compact, key-sorted JSON (the stored form), after checking the rules."""
    check_extras(extras)
    return _dumps(extras)


def decode_extras(text: str | None) -> dict[str, Any]:
    """The stored form back; an empty or missing text is no extras."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtrasError(f"extras are not valid JSON ({exc.msg} at {exc.pos})") from exc
    check_extras(value)
    return value


def check_extras(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExtrasError(f"extras must be a JSON object, not {type(value).__name__}")
    for key in value:
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY_LENGTH:
            raise ExtrasError(f"extras key {key!r} must be 1-{MAX_KEY_LENGTH} characters")
    try:
        size = len(_dumps(value).encode("utf-8"))
    except (TypeError, ValueError) as exc:
        raise ExtrasError(f"extras must hold JSON values only ({exc})") from exc
    if size > MAX_EXTRAS_BYTES:
        raise ExtrasError(f"extras are {size:,} bytes; at most {MAX_EXTRAS_BYTES:,} are allowed")
    return value


def _dumps(value: Any) -> str:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
