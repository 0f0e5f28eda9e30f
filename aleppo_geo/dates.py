"""Resolving the time expressions of war reporting to calendar dates.

Reports date events relative to their publication ("on Sunday", "last Thursday",
"the day before") far more often than absolutely. This module finds those
expressions in a piece of text and resolves them against the publication date.
It is pure Python (no spaCy): :mod:`aleppo_geo.activity` decides which expression
governs which place mention.

Rules (they follow ``shared/gold/README.md``):

* a weekday is the most recent such day on or before publication; a weekday equal
  to the publication weekday is the publication day itself ("last Thursday" in a
  Thursday report is a week back);
* explicit dates without a year take the publication year (the previous year when
  that would put them more than a week after publication);
* "yesterday", "the day before", "a day earlier" are publication - 1; "today",
  "tonight" the publication day; "N days ago" publication - N;
* "since Monday" and "by Friday" resolve to the weekday; ranges from an explicit date
  ("since 19 September") give no day (precision ``unknown``);
* "last week", "this week", "the past week", "a week ago" -> precision ``week``, no day;
* "the following day", "two days later" -> no day here (kind ``later``): they count
  from the narrative's day, which :mod:`aleppo_geo.activity` knows;
* a weekday written beside an explicit date ("Saturday, September 24") is not a
  separate expression: the explicit date names the day;
  "this month", "in September" -> ``month``; "this summer" -> ``season``;
  "recently", "this year", "so far", "until now", "overnight" (spans two days), "over the
  past days", "in the past 24 hours" -> ``unknown``;
* with no publication date nothing relative resolves (explicit dates with a year
  still do).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PRECISIONS",
    "TimeExpression",
    "DateParseError",
    "find_time_expressions",
    "resolve_weekday",
    "resolve_month_day",
    "parse_publication_date",
    "WEEKDAYS",
]

#: Precision labels, most to least specific.
PRECISIONS = ("day", "week", "month", "season", "unknown")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "a": 1, "an": 1,
}


class DateParseError(ValueError):
    """A publication date that cannot be read as a calendar date."""


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text.

    ``start``/``end`` are character offsets into the text given to
    :func:`find_time_expressions`; ``date`` is the resolved day (None when the
    expression does not name a day or cannot be resolved); ``precision`` is one of
    :data:`PRECISIONS`; ``kind`` says what sort of expression it was (``explicit``,
    ``weekday``, ``relative_day``, ``range``, ``week``, ``month``, ``season``,
    ``vague``, ``future``, ``year``, ``duration``).
    """

    start: int
    end: int
    text: str
    date: _dt.date | None
    precision: str
    kind: str


def parse_publication_date(value: Any) -> _dt.date | None:
    """A ``datetime.date`` from a date, datetime, pandas Timestamp or ISO string.

    None, NaN/NaT and empty strings give None; anything else unreadable raises
    :class:`DateParseError`.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:  # pandas NaT / float NaN
        if value != value:
            return None
    except Exception:  # pragma: no cover - exotic objects
        pass
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return _dt.date.fromisoformat(text[:10])
        except ValueError as exc:
            raise DateParseError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD)") from exc
    raise DateParseError(f"publication date {value!r} of type {type(value).__name__} is not a date")


def resolve_weekday(weekday: int | str, published: _dt.date) -> _dt.date:
    """The most recent ``weekday`` on or before ``published`` (same day counts).

    ``weekday`` is 0-6 (Monday = 0) or an English day name ("Sunday", "sun").
    """
    if isinstance(weekday, str):
        key = weekday.strip().lower()
        matches = [i for i, name in enumerate(WEEKDAYS) if name.startswith(key[:3])]
        if not matches or len(key) < 3:
            raise ValueError(f"not a weekday name: {weekday!r}")
        weekday = matches[0]
    if not 0 <= int(weekday) <= 6:
        raise ValueError(f"weekday must be 0..6, got {weekday!r}")
    back = (published.weekday() - int(weekday)) % 7
    return published - _dt.timedelta(days=back)


def resolve_month_day(month: int, day: int, published: _dt.date | None, year: int | None = None) -> _dt.date | None:
    """An explicit day-and-month, with the year taken from ``published`` if not given.

    A date that would fall more than a week after publication is taken to be in the
    previous year (a January report about "December 28"). Impossible dates give None.
    """
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            return None
        if candidate > published + _dt.timedelta(days=7):
            try:
                candidate = _dt.date(year - 1, month, day)
            except ValueError:
                return None
        return candidate
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


_MONTH_RE = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY_RE = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "since 19 September" / "since September 19": a range, no single day
    ("range", re.compile(
        r"\b(?i:since|from)\s+(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE.format(g="m1")
        + r"|" + _MONTH_RE.format(g="m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?\b")),
    ("explicit", re.compile(
        r"\b" + _MONTH_RE.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?")),
    ("explicit", re.compile(
        r"\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE.format(g="m2")
        + r"(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?")),
    ("weekday", re.compile(
        r"\b(?:(?P<pre>last|this|on|by|since|early|late|until|next)\s+)?" + _WEEKDAY_RE
        + r"(?P<poss>['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b", re.IGNORECASE)),
    ("relative_day", re.compile(
        r"\b(?P<rel>yesterday|today|tonight|this morning|this afternoon|this evening|last night"
        r"|the (?:day|night) before|the previous (?:day|night)|a day earlier|earlier today"
        r"|(?P<n>\d|one|two|three|four|five|six|seven) days? (?:ago|earlier))\b", re.IGNORECASE)),
    # "the following day", "two days later": counted from the narrative's day, which
    # only the caller knows (aleppo_geo.activity); no day here.
    ("later", re.compile(
        r"\b(?:the (?:following|next) (?:day|night|morning)|(?P<n2>a|an|one|two|three|four|five|six|seven|\d)"
        r" days? later)\b", re.IGNORECASE)),
    ("future", re.compile(r"\b(?:tomorrow|next (?:week|month|year))\b", re.IGNORECASE)),
    ("week", re.compile(
        r"\b(?:(?:last|this|past|the past|earlier this|in the past|over the past|previous) week(?:end)?"
        r"|a week ago)\b", re.IGNORECASE)),
    ("month", re.compile(
        r"\b(?:(?:this|last|past|earlier this) month|(?:in|during|early|late|mid-?|since|until|till|by|through"
        r"|throughout|from|last|of)\s+(?:January|February|March|April"
        r"|June|July|August|September|October|November|December))\b", re.IGNORECASE)),
    # "the fall of Hanano" is not a season: "fall" only after this/last/past.
    ("season", re.compile(r"\b(?:(?:this|last|past) (?:summer|winter|spring|autumn|fall)"
                          r"|(?:in|during) the (?:summer|winter|spring|autumn))\b", re.IGNORECASE)),
    # A year alone ("in 2012", "since 2013") or a span ("within two weeks") names no
    # day: the clause is dated, just not to a day, so it borrows none either.
    ("year", re.compile(r"\b(?:in|during|since|by|until|through|early|late|mid-?|(?:spring|summer|autumn|winter|"
                        r"fall) of)\s+(?:19|20)\d{2}\b(?!\s*(?:GMT|UTC))", re.IGNORECASE)),
    # ("within hours" or "minutes" stays on the same day: not a span of days.)
    ("duration", re.compile(r"\bwithin (?:(?:a|an|one|two|three|four|five|six|\d+|a few|several|the next)\s+)?"
                            r"(?:days?|weeks?|months?)\b", re.IGNORECASE)),
    # Durations up to now ("so far", "until now") date no single day.
    ("vague", re.compile(r"\b(?:recently|lately|this year|last year|in recent (?:days|weeks)|earlier this year"
                         r"|so far|thus far|until now|to date|up to now|overnight"
                         r"|(?:during|over|in|for) the (?:past|last|previous) (?:(?:few|several|two|three|four|five|\d+)"
                         r" )?(?:days|weeks|months|hours))\b",
                         re.IGNORECASE)),
]

_MONTH_WORDS = set(_MONTHS)


def _month_number(token: str | None) -> int | None:
    if not token:
        return None
    return _MONTHS.get(token.lower().rstrip("."))


def find_time_expressions(text: str, published: _dt.date | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, resolved against ``published``.

    Overlapping matches keep the earliest, longest one. Weekdays and relative days
    stay unresolved (date None, precision ``unknown``) when ``published`` is None.
    """
    published = parse_publication_date(published)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            candidates.append((m.start(), -(m.end() - m.start()), kind, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for start, _neg, kind, m in candidates:
        end = m.end()
        if not free(start, end):
            continue
        expr = _resolve(kind, m, published)
        if expr is None:
            continue
        taken.append((start, end))
        found.append(expr)
    found.sort(key=lambda e: e.start)
    # "Saturday, September 24" / "Saturday 24 September 2016": the explicit date names
    # the day; the weekday beside it is not a second, relative one.
    out = []
    for i, expr in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if expr.kind == "weekday" and nxt is not None and nxt.kind == "explicit" \
                and re.fullmatch(r"[\s,]*(?:the\s+)?", text[expr.end:nxt.start]):
            continue
        out.append(expr)
    return out


def _resolve(kind: str, m: re.Match[str], published: _dt.date | None) -> TimeExpression | None:
    text = m.group(0)
    start, end = m.start(), m.end()

    def make(date: _dt.date | None, precision: str, k: str = kind) -> TimeExpression:
        return TimeExpression(start, end, text, date, precision if date is not None or precision != "day" else "unknown", k)

    if kind == "range":
        return make(None, "unknown", "range")
    if kind == "explicit":
        groups = m.groupdict()
        month = _month_number(groups.get("m1") or groups.get("m2"))
        day = int(groups.get("d1") or groups.get("d2"))
        # "May 3" is fine, but a bare "may" followed by a number word is rare; guard the
        # modal verb "may" (lower case) all the same.
        month_word = groups.get("m1") or groups.get("m2") or ""
        if month_word == "may" or month is None:
            return None
        year = int(groups["y"]) if groups.get("y") else None
        return make(resolve_month_day(month, day, published, year), "day")
    if kind == "weekday":
        pre = (m.group("pre") or "").lower()
        wd = m.group("wd")
        if not wd[0].isupper():  # weekday names are capitalised in edited copy
            return None
        if pre in {"next", "until"}:
            return make(None, "unknown", "future")
        if published is None:
            return make(None, "unknown", "weekday")
        day = resolve_weekday(wd, published)
        if pre == "last" and day == published:
            # "last Thursday" in a Thursday report is a week back, not today.
            day -= _dt.timedelta(days=7)
        return make(day, "day", "weekday")
    if kind == "relative_day":
        rel = m.group("rel").lower()
        if published is None:
            return make(None, "unknown")
        if m.group("n"):
            n = m.group("n").lower()
            days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            return make(published - _dt.timedelta(days=days), "day")
        if rel in {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}:
            return make(published, "day")
        return make(published - _dt.timedelta(days=1), "day")
    if kind == "future":
        return make(None, "unknown", "future")
    if kind == "later":
        return make(None, "unknown", "later")
    if kind == "week":
        return make(None, "week")
    if kind == "month":
        return make(None, "month")
    if kind == "season":
        return make(None, "season")
    if kind in {"year", "duration"}:
        return make(None, "unknown", kind)
    return make(None, "unknown", "vague")
