"""Document dates: read the date a document carries and normalise it to ISO 8601.

A document's date comes, best first, from its own metadata (a JSON Lines record's ``date``
field, an HTML page's publication metadata), then from a wire dateline in its text
(``WASHINGTON, March 5 (Reuters) -``), then from a date the caller gives for inputs that
carry none (``read_documents(..., date=...)``, the CLI's ``--date``). The result is
``Document.date`` in ISO 8601 (``2024-03-05``, or ``2024-03-07T10:00:00+00:00`` when a
time *with its offset* is known) and ``Document.date_raw``, the value as it was given.

Rules (each one keeps a wrong date out, because sentence dates such as "on Monday" are
resolved against this one):

- A value must name a day: "March 2024" or "2024" is not a document date. A weekday alone
  ("Monday") or a bare number is not a date either. Nothing is ever filled in from today.
- A time without an offset (``2024-03-05 10:00``) keeps only its date: the instant is
  unknown, the calendar day as written is not.
- Numbers: 8 digits are ``YYYYMMDD``; 9-10 digits epoch seconds, 12-13 digits epoch
  milliseconds (both UTC); any other number is not a date.
- Numeric day/month order (``03/05/2024``) is read month first, as in US usage, unless the
  first number is over 12; prefer ISO dates in corpora.
- A dateline without a year ("WASHINGTON, March 5 (Reuters) -") takes its year only from
  a reliable date: the date given by the caller, choosing the year that puts the dateline
  nearest to it (so "Dec. 31" near 2025-01-02 is 2024-12-31). Without one the document
  stays undated, with the dateline's "March 5" in ``date_raw``.

Parsing uses the standard library for the fixed formats (``email.utils`` for RFC 2822)
and python-dateutil for ISO 8601 variants and written-out dates in any common order: it is
the maintained, widely used parser for these forms (pandas and matplotlib depend on it),
and parsing twice with two different defaults shows which fields a value did not give,
so nothing is silently completed.

>>> read_date("5 March 2024").iso, read_date("Tue, 05 Mar 2024 10:00:00 GMT").iso
('2024-03-05', '2024-03-05T10:00:00+00:00')
>>> read_date("March 2024").problem
"date 'March 2024' has no day: document kept undated"
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

# Two defaults that differ in every field: a field the text did not give takes the default,
# so it differs between the two parses.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2})?$")
_MAX_RAW = 200  # longer values are not dates; they are cut in messages


@dataclass(frozen=True)
class DocDate:
    """A document date as read: ``iso`` (None when unreadable), ``raw`` as given, and
    ``problem``, the one-line reason when a given value could not be used."""

    iso: str | None
    raw: str | None
    problem: str | None = None
    line: int | None = None


class DateError(ValueError):
    """A value that is not a usable document date; the message says why."""


def parse_date(value: str | int | float) -> str:
    """``value`` as ISO 8601: ``YYYY-MM-DD``, or a datetime with its offset.

    Raises :class:`DateError` when ``value`` does not name a day.

    >>> parse_date("March 5, 2024"), parse_date("2024-03-07T10:00:00Z")
    ('2024-03-05', '2024-03-07T10:00:00+00:00')
    >>> parse_date(1709632800), parse_date("2024-03-05 10:00")
    ('2024-03-05T10:00:00+00:00', '2024-03-05')
    """
    text = str(value).strip()
    if not text or len(text) > _MAX_RAW:
        raise DateError(f"unreadable date {_shown(text)}")
    if _NUMBER.match(text):
        return _from_number(text)
    if _ISO.match(text):
        return _iso_text(text)
    if _RFC2822.match(text):
        try:
            return _normal(parsedate_to_datetime(text), has_time=True)
        except (TypeError, ValueError, IndexError):
            pass  # not quite RFC 2822: dateutil below reads the looser forms
    return _written(text)


def read_date(value: str | int | float | None, line: int | None = None) -> DocDate:
    """:func:`parse_date` that never raises: the ISO date, or the reason in ``problem``.

    >>> read_date("not a date").problem
    "unreadable date 'not a date': document kept undated"
    >>> read_date(None)
    DocDate(iso=None, raw=None, problem=None, line=None)
    """
    if value is None:
        return DocDate(None, None)
    raw = str(value)
    try:
        return DocDate(parse_date(raw), raw, None, line)
    except DateError as e:
        return DocDate(None, raw, f"{e}: document kept undated", line)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _from_number(text: str) -> str:
    digits = len(text.split(".")[0])
    if digits == 4 and "." not in text:
        raise DateError(f"date {_shown(text)} has no day")  # a year alone
    if digits == 8 and "." not in text:
        try:
            return datetime.strptime(text, "%Y%m%d").date().isoformat()
        except ValueError:
            raise DateError(f"unreadable date {_shown(text)}") from None
    if digits in (9, 10, 12, 13):
        seconds = float(text) / (1000 if digits >= 12 else 1)
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
        return _normal(moment, has_time=True)
    raise DateError(f"number {_shown(text)} is not a date (epoch seconds have 9-10 digits)")


def _iso_text(text: str) -> str:
    from dateutil.parser import isoparse

    try:
        moment = isoparse(text)
    except (ValueError, OverflowError):
        raise DateError(f"unreadable date {_shown(text)}") from None
    return _normal(moment, has_time=len(text) > 10)


def _written(text: str) -> str:
    """Dates in words or loose numeric forms, via dateutil; every field must be given."""
    from dateutil.parser import ParserError, parse

    try:
        with warnings.catch_warnings():
            # An unknown zone name ("EST") leaves the time without offset; we then keep the
            # date only, so dateutil's warning would say nothing the result does not.
            warnings.simplefilter("ignore")
            a = parse(text, default=_DEFAULT_A)
            b = parse(text, default=_DEFAULT_B)
    except (ParserError, ValueError, OverflowError, TypeError):
        raise DateError(f"unreadable date {_shown(text)}") from None
    if a.year != b.year or a.month != b.month:
        raise DateError(f"date {_shown(text)} has no year or month")
    if a.day != b.day:
        raise DateError(f"date {_shown(text)} has no day")
    return _normal(a, has_time=a.hour == b.hour)


def _normal(moment: datetime, has_time: bool) -> str:
    """ISO text: the datetime with its offset when both are known, else the date."""
    if moment.year < 1000:
        raise DateError(f"year {moment.year} is not a plausible document date")
    if has_time and moment.tzinfo is not None and moment.utcoffset() is not None:
        return moment.replace(microsecond=0).isoformat()
    return moment.date().isoformat()


# --- HTML metadata ---------------------------------------------------------------------------

# Where a page states its publication date, best first. Meta tags are matched on their
# property/name/itemprop value, lower-cased.
_META_RANKS = {
    "article:published_time": 0,
    "og:article:published_time": 1,
    "og:published_time": 1,
    "datepublished": 3,  # itemprop (schema.org microdata)
    "date": 4,
    "dc.date": 4,
    "dc.date.issued": 4,
    "dcterms.date": 4,
    "dcterms.issued": 4,
    "dcterms.created": 4,
    "pubdate": 4,
    "publishdate": 4,
    "publish-date": 4,
    "publish_date": 4,
    "article.published": 4,
    "sailthru.date": 4,
    "parsely-pub-date": 4,
    "citation_publication_date": 4,
}
JSONLD_RANK = 2
_TIME_MARKED_RANK = 5  # <time datetime pubdate> or itemprop="datePublished"
_TIME_RANK = 6  # the first <time datetime> on the page: a last resort


def html_date_candidate(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[int, str] | None:
    """``(rank, value)`` if this start tag states a publication date, else None.

    >>> html_date_candidate("meta", [("property", "article:published_time"),
    ...                              ("content", "2024-03-05T09:30:00Z")])
    (0, '2024-03-05T09:30:00Z')
    >>> html_date_candidate("time", [("datetime", "2024-03-05")])
    (6, '2024-03-05')
    """
    a = {k.lower(): (v or "") for k, v in attrs}
    if tag == "meta":
        for key in ("property", "name", "itemprop"):
            rank = _META_RANKS.get(a.get(key, "").strip().lower())
            if rank is not None and a.get("content", "").strip():
                return rank, a["content"].strip()
        return None
    if tag == "time" and a.get("datetime", "").strip():
        marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
        return (_TIME_MARKED_RANK if marked else _TIME_RANK), a["datetime"].strip()
    return None


def jsonld_dates(text: str) -> list[str]:
    """Every ``datePublished`` in a JSON-LD block (nested objects and ``@graph`` too).

    >>> jsonld_dates('{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-03-05"}]}')
    ['2024-03-05']
    >>> jsonld_dates("not json")
    []
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []  # a broken block is the page's bug; other metadata may still date it
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                found.append(str(value))
            stack.extend(reversed([v for v in item.values() if isinstance(v, (dict, list))]))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def best_html_date(candidates: list[tuple[int, int, str]]) -> DocDate:
    """The page's date from ``(rank, line, value)`` candidates: the best-ranked one that
    reads as a date; if none does, the best one's raw value with the problem."""
    ordered = sorted(candidates, key=lambda c: (c[0], c[1]))
    for _rank, line, value in ordered:
        found = read_date(value, line)
        if found.iso is not None:
            return found
    if not ordered:
        return DocDate(None, None)
    return read_date(ordered[0][2], ordered[0][1])


# --- datelines -------------------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# PLACE[, Region], DATE [(Agency)|/Wire/] dash. The place is upper case (the wire style) or
# the dateline names its agency, so a sentence opening "Paris, March 5 -" is not taken.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'.\-]*(?:[ \t][A-Za-z'.\-]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z'.\-]*(?:[ \t][A-Z][A-Za-z'.\-]*){0,2}){0,2}"
    r",[ \t]*(?P<date>" + _MONTH + r"[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?"
    r"|\d{1,2}[ \t]+" + _MONTH + r"(?:,?[ \t]+\d{4})?)"
    r"[ \t]*(?P<agency>\([A-Za-z][A-Za-z .&'-]{0,40}\)|/[^/\n]{1,40}/)?"
    r"[ \t]*(?:-{1,2}|\u2014|\u2013)",
    re.MULTILINE,
)
_DATELINE_WINDOW = 2000  # characters of a text searched: a dateline opens the story


@dataclass(frozen=True)
class Dateline:
    """A wire dateline's date: ``raw`` as written, ``has_year``, and its 1-based ``line``."""

    raw: str
    has_year: bool
    line: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the start of ``text``, if there is one.

    >>> find_dateline("Talks resume\\nKABUL, Afghanistan, Oct. 3, 2014 (AP) \\u2014 The ...")
    Dateline(raw='Oct. 3, 2014', has_year=True, line=2)
    >>> find_dateline("WASHINGTON, March 5 (Reuters) - Kerry met Lavrov.")
    Dateline(raw='March 5', has_year=False, line=1)
    >>> find_dateline("Paris, March 5 - and then it rained.") is None
    True
    """
    head = text[:_DATELINE_WINDOW]
    for m in _DATELINE.finditer(head):
        if not (m.group("place").isupper() or m.group("agency")):
            continue
        raw = m.group("date")
        return Dateline(raw, bool(re.search(r"\d{4}$", raw)), head.count("\n", 0, m.start()) + 1)
    return None


def dateline_date(dateline: Dateline, reference: str | None) -> DocDate:
    """The ISO date of a dateline; a dateline without a year takes the year that puts it
    nearest to ``reference`` (a reliable ISO date), or stays undated without one.

    >>> dateline_date(Dateline("Dec. 31", False, 1), "2025-01-02").iso
    '2024-12-31'
    >>> dateline_date(Dateline("March 5", False, 1), None)
    DocDate(iso=None, raw='March 5', problem=None, line=1)
    """
    if dateline.has_year:
        return read_date(dateline.raw, dateline.line)
    if reference is None:
        return DocDate(None, dateline.raw, None, dateline.line)
    ref = Date.fromisoformat(reference[:10])
    try:
        # Read in a leap year, so "Feb. 29" is a month and day before a year is chosen.
        month_day = _written(f"{dateline.raw} 2000")
    except DateError as e:
        return DocDate(None, dateline.raw, f"{e}: document kept undated", dateline.line)
    first = Date.fromisoformat(month_day)
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(first.replace(year=year))
        except ValueError:  # Feb. 29 in a year without one
            continue
    if not options:
        return DocDate(None, dateline.raw, None, dateline.line)
    nearest = min(options, key=lambda d: abs(d - ref))
    return DocDate(nearest.isoformat(), dateline.raw, None, dateline.line)
