"""The machine's own time zone, summer time included, as a ``tzinfo``.

``datetime.now().astimezone()`` gives a fixed offset: today's. Applied to a session
held in the other half of the year, it puts anything started within an hour of
midnight on the wrong day (and breaks or lengthens a streak). ``LOCAL`` asks the C
library for the offset at each moment instead, so it needs no time zone database
(none ships with Python on Windows) and follows whatever zone the machine is set to.

It keeps the rules of ``tzinfo`` (PEP 495): a wall time in the hour repeated when
summer time ends is told apart by ``fold``, and a wall time skipped when it begins
reads with the offset from before (``fold=0``) or after (``fold=1``) the change.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo

_EPOCH = datetime(1970, 1, 1)
_DAY = 86400


def offset_at(timestamp: float) -> int:
    """Seconds east of UTC on this machine at the POSIX ``timestamp``."""
    try:
        return time.localtime(timestamp).tm_gmtoff
    except (OSError, OverflowError, ValueError):  # before 1970 on Windows, or out of range
        return -time.timezone


def _seconds(naive: datetime) -> float:
    """A naive date and time as seconds since 1970, as if it were UTC."""
    return (naive - _EPOCH).total_seconds()


class LocalTime(tzinfo):
    """The local time zone with its rules over the years (see the module's text)."""

    def fromutc(self, dt: datetime) -> datetime:
        stamp = _seconds(dt.replace(tzinfo=None))
        offset = offset_at(stamp)
        wall = (dt + timedelta(seconds=offset)).replace(tzinfo=self)
        # The second time round in a repeated hour: an earlier moment showed this wall time.
        earlier = [o for o in self._offsets_near(stamp) if o > offset]
        if any(offset_at(stamp + offset - o) == o for o in earlier):
            wall = wall.replace(fold=1)
        return wall

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return timedelta(seconds=self._offset_of_wall(dt))

    def dst(self, dt: datetime | None) -> timedelta | None:
        """How far the offset is from the year's standard one (the smaller of January's and
        July's): what summer time adds, by that measure."""
        if dt is None:
            return None
        year = dt.year
        standard = min(
            offset_at(_seconds(datetime(year, 1, 1))), offset_at(_seconds(datetime(year, 7, 1)))
        )
        return timedelta(seconds=self._offset_of_wall(dt) - standard)

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return None
        wall = _seconds(dt.replace(tzinfo=None))
        try:
            return time.localtime(wall - self._offset_of_wall(dt)).tm_zone
        except (OSError, OverflowError, ValueError):
            return None

    @staticmethod
    def _offsets_near(stamp: float) -> set[int]:
        """The offsets in force within a day of ``stamp`` (one, or two around a change)."""
        return {offset_at(stamp - _DAY), offset_at(stamp), offset_at(stamp + _DAY)}

    def _offset_of_wall(self, dt: datetime) -> int:
        """The offset of the local wall time ``dt`` (naive fields; ``fold`` honoured)."""
        wall = _seconds(dt.replace(tzinfo=None))
        fits = sorted(o for o in self._offsets_near(wall) if offset_at(wall - o) == o)
        if fits:  # one moment, or two in a repeated hour: fold 0 is the first (larger offset)
            return fits[0] if dt.fold else fits[-1]
        # A wall time skipped by a change: the offset from before it (fold 0) or after.
        return offset_at(wall + _DAY) if dt.fold else offset_at(wall - _DAY)

    def __repr__(self) -> str:
        return "LocalTime()"


LOCAL = LocalTime()


def local_now() -> datetime:
    """Now, in the local time zone."""
    return datetime.now(LOCAL)
