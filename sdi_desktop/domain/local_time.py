"""The machine's own time zone, summer time included, as a ``tzinfo``.

``datetime.now().astimezone()`` gives a fixed offset: today's. Applied to a session
held in the other half of the year, it puts anything started within an hour of
midnight on the wrong day (and breaks or lengthens a streak). ``LOCAL`` asks the C
library for the offset at each moment instead, so it needs no time zone database
(none ships with Python on Windows) and follows whatever zone the machine is set to.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo

_EPOCH = datetime(1970, 1, 1)


def offset_at(timestamp: float) -> int:
    """Seconds east of UTC on this machine at the POSIX ``timestamp``."""
    return time.localtime(timestamp).tm_gmtoff


class LocalTime(tzinfo):
    """The local time zone with its rules over the years (see the module's text)."""

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - _EPOCH).total_seconds()
        return (dt + timedelta(seconds=offset_at(stamp))).replace(tzinfo=self)

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return timedelta(seconds=offset_at(self._stamp(dt)))

    def dst(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return timedelta(hours=1) if time.localtime(self._stamp(dt)).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return None
        return time.localtime(self._stamp(dt)).tm_zone

    @staticmethod
    def _stamp(dt: datetime) -> float:
        """The moment a local wall time ``dt`` names (the earlier one in a repeated hour)."""
        fields = (dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, 0, 0, -1)
        return time.mktime(fields)

    def __repr__(self) -> str:
        return "LocalTime()"


LOCAL = LocalTime()


def local_now() -> datetime:
    """Now, in the local time zone."""
    return datetime.now(LOCAL)
