"""Event dates: absolute and relative expressions resolved against the publication date, ACLED precision."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsprobe.model import EventDate, SpanRef

DAY, WEEK, MONTH = 1, 2, 3
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "several": 3}


@dataclass(frozen=True)
class DateCue:
    """A date expression found in the text, before resolution."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


# Ordered by specificity: a full date beats a weekday, which beats "earlier".
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
    ("day_month", rf"\b(?P<prefix>around\s+|on or around\s+)?(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?{_MONTH}{_YEAR}\b(?P<note>\s*\((?:week|month) of\))?"),
    ("month_day", rf"\b(?P<prefix>around\s+)?{_MONTH}\s+(?P<day>[0-3]?\d){_ORD}\b{_YEAR}"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a|several)\s+(?P<unit>days?|weeks?)\s+(?:ago|earlier|before)\b"),
    ("yesterday", r"\b(?:yesterday|last night)\b"),
    ("today", r"\b(?:today|this morning|this afternoon|this evening|tonight|overnight|at night|at dawn)\b"),
    ("weekday", r"\b(?:on\s+|last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("last_week", r"\b(?:last|past|previous)\s+week(?:end)?\b"),
    ("this_week", r"\b(?:this|earlier this)\s+week\b"),
    ("last_month", r"\b(?:last|past|previous)\s+month\b"),
    ("in_month", rf"\b(?:in|during|since)\s+(?:early\s+|mid-?\s*|late\s+)?{_MONTH}{_YEAR}\b"),
    ("earlier", r"\b(?:earlier|recently|previously|the other day)\b"),
))


def find_date_cues(text: str) -> list[DateCue]:
    """Every date expression in `text`, most specific kinds first, overlaps dropped."""
    cues: list[DateCue] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if not any(c.start < match.end() and match.start() < c.end for c in cues):
                cues.append(DateCue(match.start(), match.end(), kind, match.groupdict()))
    return cues


def parse_published(published: str | None) -> dt.date | None:
    """The publication date of an ISO 8601 string, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTH_ABBR[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _year_for(month: int, day: int, year: str | None, base: dt.date | None) -> int | None:
    """The stated year, else the latest year that puts the date on or before publication."""
    if year:
        return int(year)
    if base is None:
        return None
    return base.year if (month, day) <= (base.month, base.day) else base.year - 1


def _absolute(cue: DateCue, base: dt.date | None) -> tuple[dt.date | None, int]:
    """A calendar date and its precision (ACLED's "around …", "(week of)", "(month of)")."""
    g = cue.groups
    month = int(g["mon"] or 1) if cue.kind == "iso" else _month_number(g["month"] or "")
    day = int(g["day"] or 1)
    year = _year_for(month, day, g.get("year"), base)
    precision = MONTH if "month of" in (g.get("note") or "") else WEEK if (g.get("prefix") or g.get("note")) else DAY
    try:
        return (dt.date(year, month, day) if year else None), precision
    except ValueError:
        return None, precision


def _weekday(cue: DateCue, base: dt.date) -> tuple[dt.date, int]:
    """The latest such weekday on or before publication."""
    back = (base.weekday() - _WEEKDAYS.index((cue.groups["weekday"] or "").lower())) % 7
    return base - dt.timedelta(days=back), DAY


def _ago(cue: DateCue, base: dt.date) -> tuple[dt.date, int]:
    n = cue.groups["n"] or "1"
    count = int(n) if n.isdigit() else _NUMBERS[n.lower()]
    weeks = (cue.groups["unit"] or "").startswith("week")
    return base - dt.timedelta(days=count * (7 if weeks else 1)), WEEK if weeks else DAY


def _in_month(cue: DateCue, base: dt.date | None) -> tuple[dt.date | None, int]:
    month = _month_number(cue.groups["month"] or "")
    year = _year_for(month, 1, cue.groups.get("year"), base)
    return (dt.date(year, month, 1) if year else None), MONTH


def _last_month(base: dt.date) -> tuple[dt.date, int]:
    first = base.replace(day=1) - dt.timedelta(days=1)
    return first.replace(day=1), MONTH


_RELATIVE: dict[str, Callable[[DateCue, dt.date], tuple[dt.date, int]]] = {
    "weekday": _weekday,
    "ago": _ago,
    "yesterday": lambda cue, base: (base - dt.timedelta(days=1), DAY),
    "today": lambda cue, base: (base, DAY),
    "last_week": lambda cue, base: (base - dt.timedelta(days=7), WEEK),
    "this_week": lambda cue, base: (base, WEEK),
    "last_month": lambda cue, base: _last_month(base),
    "earlier": lambda cue, base: (base, WEEK),
}


def resolve_cue(cue: DateCue, base: dt.date | None) -> tuple[dt.date | None, int | None, str | None]:
    """Date, precision and a note for one cue; relative cues need the publication date."""
    if cue.kind in ("day_month", "month_day", "iso"):
        date, precision = _absolute(cue, base)
        if date is None:
            return None, precision, "day and month stated, year unknown (no publication date)"
        return date, precision, None if cue.groups.get("year") else "year taken from the publication date"
    if cue.kind == "in_month":
        date, precision = _in_month(cue, base)
        return date, precision, None if date else "month stated, year unknown (no publication date)"
    if base is None:
        return None, None, "relative date, but the publication date is unknown"
    date, precision = _RELATIVE[cue.kind](cue, base)
    return date, precision, f"relative to the publication date {base.isoformat()}"


def resolve_date(text: str, spans: list[tuple[int, int]], published: str | None) -> EventDate:
    """The event's date from the first, most specific date expression in its evidence spans.

    Args:
        text: the article text.
        spans: the event's sentences as `[start, end)` offsets, in salience order.
        published: the article's publication date (ISO 8601) or None.

    Returns:
        An `EventDate`; `date` is null, with a note saying why, when nothing resolves.
    """
    base = parse_published(published)
    order = [kind for kind, _ in _PATTERNS]
    cues = [DateCue(c.start + s, c.end + s, c.kind, c.groups)
            for s, e in spans for c in find_date_cues(text[s:e])]
    if not cues:
        if base is None:
            return EventDate(note="no date stated and the publication date is unknown")
        return EventDate(date=base.isoformat(), time_precision=WEEK,
                         note="no date stated; coded to the publication date, week precision")
    cue = min(cues, key=lambda c: order.index(c.kind))
    try:
        date, precision, note = resolve_cue(cue, base)
    except (OverflowError, ValueError):  # "yesterday" of 0001-01-01, "1000000 days ago": off the calendar
        date, precision, note = None, None, "the stated date falls outside the calendar"
    return EventDate(date=date.isoformat() if date else None, time_precision=precision if date else None,
                     evidence=SpanRef.of(text, cue.start, cue.end), note=note)
