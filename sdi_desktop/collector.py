"""Pausing Python's cyclic garbage collector around work that makes many objects and
frees few: the start-up (imports, the window) and a board's scene being built.

Each pass of the collector walks every object its generation holds, so a build of tens
of thousands of objects triggers hundreds of passes over a growing heap, and frees next
to nothing. Paused, that work is deferred to one pass afterwards, not skipped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside; the collector is back as it was afterwards,
    whatever the block raised."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
