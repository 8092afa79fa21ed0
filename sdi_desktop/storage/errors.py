"""What storage raises; each message is one line a user can act on."""

from __future__ import annotations


class StorageError(RuntimeError):
    """The database cannot be used (unwritable directory, newer schema, full disk...)."""


class SessionNotFound(KeyError):
    """No saved session has this id."""

    def __init__(self, session_id: int) -> None:
        super().__init__(session_id)
        self.session_id = session_id

    def __str__(self) -> str:
        return f"no saved session has id {self.session_id}"
