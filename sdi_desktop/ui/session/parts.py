"""Per-feature parts of a session: what a feature keeps in ``SessionRecord.extras``.

A feature registers one part with the session controller::

    part = controller.register_part("estimation", snapshot=panel.state, restore=panel.load)
    ...
    panel.edited.connect(part.changed)  # after each user edit: autosave picks it up

``snapshot()`` returns the feature's JSON-able data (None: nothing to keep) and is called
on the UI thread for every save, so it should be cheap. ``restore(value)`` puts data back:
the stored value when a session opens, None for a new session, and in review the value at
the end of a phase when the part was registered with ``in_snapshots=True``. Before a user
edit the feature asks ``part.editable()`` (False in review: show, do not change). Keys no
registered part claims stay as they were stored, and are saved back untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sdi_desktop.domain.edit_gate import EditGate
from sdi_desktop.domain.extras import MAX_KEY_LENGTH, check_extras


class SessionPart:
    """One feature's handle on the open session."""

    def __init__(
        self,
        key: str,
        snapshot: Callable[[], Any],
        restore: Callable[[Any | None], None],
        in_snapshots: bool,
        gate: EditGate,
        changed: Callable[[], None],
    ) -> None:
        self.key = key
        self.snapshot = snapshot
        self.restore = restore
        self.in_snapshots = in_snapshots
        self._gate = gate
        self._changed = changed

    def editable(self) -> bool:
        """May the feature change its data now? (False in review; says why once.)"""
        return self._gate.allows_edit()

    def changed(self) -> None:
        """The feature's data changed (a user edit): save it with the session soon."""
        if self._gate.editable:
            self._changed()


class SessionParts:
    """The registered parts, and the extras of the open session that none of them owns."""

    def __init__(self, gate: EditGate, changed: Callable[[], None]) -> None:
        self._gate = gate
        self._changed = changed
        self._parts: dict[str, SessionPart] = {}
        self.stored: dict[str, Any] = {}  # the open session's extras, as last loaded

    def register(
        self,
        key: str,
        snapshot: Callable[[], Any],
        restore: Callable[[Any | None], None],
        *,
        in_snapshots: bool = False,
    ) -> SessionPart:
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY_LENGTH:
            raise ValueError(f"a part's key must be 1-{MAX_KEY_LENGTH} characters: {key!r}")
        if key in self._parts:
            raise ValueError(f"a part is already registered as {key!r}")
        part = SessionPart(key, snapshot, restore, in_snapshots, self._gate, self._changed)
        self._parts[key] = part
        part.restore(self.stored.get(key))  # a part registered late gets the open session's
        return part

    def __contains__(self, key: str) -> bool:
        return key in self._parts

    def load(self, extras: dict[str, Any], snapshot: dict[str, Any] | None = None) -> None:
        """Put a session's extras into the parts (``snapshot``: a phase's, in replay)."""
        self.stored = dict(extras)
        for key, part in self._parts.items():
            source = snapshot if snapshot is not None and part.in_snapshots else extras
            part.restore(source.get(key))

    def capture(self, snapshot_only: bool = False) -> dict[str, Any]:
        """Every part's data over the stored extras (unknown keys kept as they were);
        ``snapshot_only``: just the parts that asked to be in phase snapshots."""
        extras = {} if snapshot_only else dict(self.stored)
        for key, part in self._parts.items():
            if snapshot_only and not part.in_snapshots:
                continue
            value = part.snapshot()
            if value is None:
                extras.pop(key, None)
            else:
                extras[key] = value
        return check_extras(extras)
