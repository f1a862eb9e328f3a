"""Event dates: the date a sentence gives its act, resolved against the document's date.

Pure functions over spaCy objects, in the manner of textacy: spaCy's DATE (and TIME)
entities are the candidate expressions; :func:`parse_expression` reads one into an
:class:`Expression` (absolute: year, month, day, any of which may be missing; or relative:
an offset in days, weeks, months or years, a weekday, a weekend) without knowing any
document; :func:`resolve` turns an expression into an ISO date and its precision against
the document's date (:func:`document_anchor`); :func:`act_date` picks which expression of
a sentence dates which act.

Reading uses python-dateutil: ``dateutil.parser`` for absolute dates ("3 March",
"Oct. 3, 2014", "June 2014") and ``relativedelta`` for the calendar arithmetic of relative
ones, whose words ("yesterday", "last week", "two days ago", weekday names) come from the
small tables below. Parsed expressions are cached by their text: a corpus repeats the same
few hundred expressions ("Monday", "last week"), so each is read once per process.

>>> anchor = document_anchor("2024-03-06")          # a Wednesday
>>> resolve(parse_expression("Monday"), anchor)       # the Monday before
('2024-03-04', 'day')
>>> resolve(parse_expression("in June 2014"), anchor)
('2014-06', 'month')
>>> resolve(parse_expression("last week"), None) is None   # relative, no document date
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday
from dateutil.relativedelta import weekdays as _WEEKDAY_OBJECTS
from spacy.tokens import Doc, Span, Token

PRECISIONS = ("day", "month", "year")
DATE_LABELS = frozenset({"DATE", "TIME"})  # TIME: "Monday night", "last night", "this morning"

#: A yearless date more than this many days after the document is last year's (or, for a
#: future act, more than this many days before it is next year's): stories mention acts
#: due in the coming days, and a document's date may be a day or two off the story's own.
SLACK_DAYS = 7

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip

# Words that make an expression a span, a frequency, an age or a narrative-relative time
# ("the following day"), none of which dates an act against the document.
_NOT_A_DATE = re.compile(
    r"\b(?:old|aged?|since|until|till|through|throughout|every|each|daily|weekly|monthly|"
    r"annual(?:ly)?|yearly|per|recent|following|next day|previous|prior|decades?|"
    r"centur(?:y|ies)|long|within)\b"
    r"|\b(?:earlier|later|before|after)$"  # "a day earlier": counted from the story's events
    r"|\d{4}s\b|'\d\ds\b|-(?:day|week|month|year|hour)\b"
    r"|\b\d{4}\s*[-/]\s*\d{2,4}\b(?![-\d])"  # "1991-1995", "2014-15", not "2014-03-05"
)
#: Words before a date that say nothing about which day it is ("in mid-July", "on the
#: night of 3 March", "late last month"); longest first, so "the early hours of" is taken
#: whole rather than as "the".
_LEAD_WORDS = (
    "on", "in", "at", "of", "over", "during", "from", "by", "around", "about", "the",
    "as of", "as early as", "sometime", "some time", "earlier", "early",
    "late", "mid", "the end of", "the start of", "the beginning of", "the middle of",
    "the summer of", "the winter of", "the spring of", "the autumn of", "the fall of",
    "summer", "winter", "spring", "autumn", "fall", "the night of", "the morning of",
    "the evening of", "the early hours of", "the afternoon of",
)  # fmt: skip
_LEAD = re.compile(
    r"^(?:(?:" + "|".join(sorted(_LEAD_WORDS, key=len, reverse=True)) + r")[\s-]+)+"
)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")"

#: The relative expressions, tried in order on the cleaned text (lower case, no leading
#: preposition or article). Each gives (unit, offset) or a weekday rule; see _relative().
_RELATIVE = [
    (re.compile(r"^(?:today|tonight|this (?:morning|afternoon|evening)|overnight)$"),
     ("day", 0)),
    (re.compile(r"^(?:yesterday" + _PART_OF_DAY + r"|last night)$"), ("day", -1)),
    (re.compile(r"^tomorrow" + _PART_OF_DAY + r"$"), ("day", 1)),
    (re.compile(r"^" + _NUMBER + r" (?P<unit>day|week|month|year)s? ago$"), ("ago", 0)),
    (re.compile(r"^(?P<q>last|past|this|next|coming) (?P<unit>week|month|year)$"), ("q", 0)),
    (re.compile(r"^(?:(?P<q>last|past|this|next|coming) )?weekend$"), ("weekend", 0)),
    (re.compile(r"^(?:(?P<q>last|past|this|next|coming) )?" + _WEEKDAY + _PART_OF_DAY + r"$"),
     ("weekday", 0)),
]
_QUALIFIER = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_NAMES = frozenset({
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december",
})  # fmt: skip
_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?\b")
_WEEKDAY_PAIR = re.compile(r"^" + _WEEKDAY + r"(?: and | or |-)" + r"(?:" +
                           "|".join(WEEKDAY_NAMES) + r")$")
# dateutil fills what the text leaves out from ``default``; parsing with two defaults that
# differ in every field tells which fields the text gave.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))


@dataclass(frozen=True)
class Expression:
    """A date expression as read, before any document date is known.

    ``kind`` ``absolute``: ``year``/``month``/``day`` as given (None where the text gives
    none: "3 March" has no year). ``kind`` ``relative``: ``unit`` (``day``, ``week``,
    ``month``, ``year``, ``weekday``, ``weekend``) and ``offset`` in that unit (-1 "last",
    0 "this", 1 "next"); for ``weekday``, ``weekday`` is 0 (Monday) to 6 and ``strict``
    says "last Monday" (never the document's own day) rather than "Monday".
    """

    kind: str
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None
    offset: int = 0
    weekday: int | None = None
    strict: bool = False

    @property
    def relative(self) -> bool:
        return self.kind == "relative"


@dataclass(frozen=True)
class Anchor:
    """The document's date as a calendar day and how much of it is known.

    A month-precision document date ("2024-03") still resolves "last month"; it cannot
    resolve "yesterday".
    """

    day: date
    precision: str

    def iso(self) -> str:
        return iso(self.day, self.precision)


@dataclass(frozen=True)
class EventDate:
    """What dates one act: ISO ``date``, ``precision`` and ``source`` (``sentence`` when
    the sentence dates the act, ``document`` when the document's date stands in), and the
    expression ``text`` that gave it. All None when nothing dates the act."""

    date: str | None = None
    precision: str | None = None
    source: str | None = None
    text: str | None = None


NO_DATE = EventDate()


def iso(day: date, precision: str) -> str:
    """``day`` written at ``precision``: ``2024-03-05``, ``2024-03`` or ``2024``.

    >>> iso(date(2024, 3, 5), "month")
    '2024-03'
    """
    full = day.isoformat()
    return {"day": full, "month": full[:7], "year": full[:4]}[precision]


_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])")


def document_anchor(value: str | date | datetime | None) -> Anchor | None:
    """The document's date as an :class:`Anchor`, or None when there is none usable.

    An ISO string may be a date, a month, a year or a datetime with an offset; a datetime
    counts on its own calendar day (the one in its offset), the day its writer lived.

    >>> document_anchor("2024-03-07T23:30:00-05:00")
    Anchor(day=datetime.date(2024, 3, 7), precision='day')
    >>> document_anchor("2024-03"), document_anchor("not a date")
    (Anchor(day=datetime.date(2024, 3, 1), precision='month'), None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return Anchor(value.date(), "day")
    if isinstance(value, date):
        return Anchor(value, "day")
    m = _ISO_DATE.match(str(value))
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        return Anchor(date(year, month or 1, day or 1),
                      "day" if day else "month" if month else "year")
    except ValueError:
        return None


def _clean(text: str) -> str:
    """Lower case, no possessive, dots or commas at the ends, no leading preposition,
    article or vague modifier ("in mid-July" -> "july", "late last month" -> "last month")."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"'s\b|\bs'$", "", t).strip(" ,.;:")
    t = re.sub(r"^(?:(?:over|during|in|on) )?(?:the )?this past ", "last ", t)
    t = _LEAD.sub("", t)
    # "earlier this month", "late last year": the vague part says nothing more.
    t = re.sub(r"^(?:earlier|early|later|late)\s+(?=this|last|next)", "", t)
    return t.strip(" ,.")


@lru_cache(maxsize=8192)
def parse_expression(text: str) -> Expression | None:
    """Read a date expression, or None when it dates nothing (a duration, an age, a
    frequency, a decade, a time relative to the story's own events).

    >>> e = parse_expression("on Oct. 3, 2014")
    >>> e.kind, e.year, e.month, e.day
    ('absolute', 2014, 10, 3)
    >>> parse_expression("two days ago").unit, parse_expression("two days ago").offset
    ('day', -2)
    >>> [parse_expression(t) for t in ("for three years", "45-year-old", "the 1990s")]
    [None, None, None]
    """
    raw = " ".join(text.lower().split())
    if _NOT_A_DATE.search(raw):
        return None
    cleaned = _clean(text)
    if not cleaned:
        return None
    return _relative(cleaned, text) or _absolute(cleaned, text)


def _relative(t: str, text: str) -> Expression | None:
    pair = _WEEKDAY_PAIR.match(t)
    if pair:
        # "Sunday and Monday": the act began on the first.
        t = pair.group("wd")
    for pattern, (rule, value) in _RELATIVE:
        m = pattern.match(t)
        if not m:
            continue
        if rule == "day":
            return Expression("relative", text, unit="day", offset=value)
        groups = m.groupdict()
        q = _QUALIFIER.get(groups.get("q") or "", None)
        if rule == "ago":
            n = groups["n"]
            count = int(n) if n.isdigit() else NUMBER_WORDS[n]
            return Expression("relative", text, unit=groups["unit"], offset=-count)
        if rule == "q":
            return Expression("relative", text, unit=groups["unit"], offset=q)
        if rule == "weekend":
            return Expression("relative", text, unit="weekend", offset=q or 0,
                              strict=q is not None and q < 0)
        if rule == "weekday":
            return Expression("relative", text, unit="weekday",
                              weekday=WEEKDAY_NAMES.index(groups["wd"]),
                              offset=q or 0, strict=q is not None and q != 0)
    return None


def _absolute(t: str, text: str) -> Expression | None:
    years = _YEAR.findall(t)
    has_month = any(w.strip(".,") in _MONTH_NAMES for w in t.split())
    if len(years) > 1 or not (years or has_month):
        # Two years is a span ("1991-1995"); without a month name or a year a bare
        # number is an age or a count, which dateutil would happily read as a year.
        return None
    # "October 25-26", "November 16 - 17": the act began on the first day.
    t = _DAY_RANGE.sub(r"\1", t)
    strict = t.startswith("last ")  # "last March" in a March story is a year ago
    t = re.sub(r"^(?:last|this)\s+", "", t)
    named = [i for i, name in enumerate(WEEKDAY_NAMES) if re.search(rf"\b{name}\b", t)]
    try:
        first, second = (dateutil_parser.parse(t, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    year = first.year if first.year == second.year else None
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if year is not None and str(year) not in years:
        return None  # dateutil made a year of something else ("March 70")
    if month is None or (day is None and not has_month):
        # A year alone ("in 2014"): month and day both defaulted.
        if years and month is None and day is None:
            return Expression("absolute", text, year=int(years[0]))
        return None
    if day is not None and not re.search(rf"\b0?{day}(?:st|nd|rd|th)?\b", t):
        return None  # a day dateutil took from a weekday or thin air
    # "Monday, Dec. 26" names its weekday: that picks the year when the text gives none.
    return Expression("absolute", text, year=year, month=month, day=day,
                      weekday=named[0] if len(named) == 1 and day else None, strict=strict)


def resolve(
    expr: Expression | None, anchor: Anchor | None, forward: bool = False
) -> tuple[str, str] | None:
    """``(ISO date, precision)`` of ``expr`` against the document date ``anchor``, or None.

    Relative expressions need an anchor fine enough for them ("yesterday" needs a day);
    absolute ones without a year take the anchor's year. ``forward`` reads the expression
    as the future (a future act): "on Monday" is then the next Monday, and a yearless date
    well before the document is next year's.

    >>> a = document_anchor("2024-01-05")
    >>> resolve(parse_expression("Dec. 28"), a)       # well after Jan 5: last December
    ('2023-12-28', 'day')
    >>> resolve(parse_expression("Monday"), a, forward=True)
    ('2024-01-08', 'day')
    """
    if expr is None:
        return None
    if expr.relative:
        return _resolve_relative(expr, anchor, forward)
    if expr.year is not None:
        return iso(date(expr.year, expr.month or 1, expr.day or 1),
                   _precision(expr)), _precision(expr)
    if anchor is None:
        return None
    precision = _precision(expr)
    when = _yearless(expr, anchor, forward)
    if when is None:
        return None
    return iso(when, precision), precision


def _yearless(expr: Expression, anchor: Anchor, forward: bool) -> date | None:
    """The year of a date given without one: the document's, moved back a year when that
    would put a past act well after the document (forward for a future act), or the
    neighbouring year whose calendar has the weekday the text names."""
    try:
        when = date(anchor.day.year, expr.month or 1, expr.day or 1)
    except ValueError:  # 29 February in a common year
        return None
    if anchor.precision != "day":
        return when
    precision = _precision(expr)
    if expr.strict and not forward:
        start = anchor.day.replace(day=1) if precision == "month" else anchor.day
        if when >= start:
            return _shift_year(when, -1)
        return when
    default = when
    if not forward and when > anchor.day + timedelta(days=SLACK_DAYS):
        default = _shift_year(when, -1)
    elif forward and _end(when, precision) < anchor.day - timedelta(days=SLACK_DAYS):
        default = _shift_year(when, 1)
    if expr.weekday is not None and default is not None and default.weekday() != expr.weekday:
        for shift in (-1, 0, 1):
            other = _shift_year(when, shift)
            if other is not None and other.weekday() == expr.weekday:
                return other
    return default


def _precision(expr: Expression) -> str:
    return "day" if expr.day else "month" if expr.month else "year"


def _shift_year(when: date, years: int) -> date | None:
    try:
        return when.replace(year=when.year + years)
    except ValueError:
        return None


def _end(when: date, precision: str) -> date:
    return when + relativedelta(months=1, days=-1) if precision == "month" else when


def _resolve_relative(
    expr: Expression, anchor: Anchor | None, forward: bool
) -> tuple[str, str] | None:
    unit = expr.unit
    needs = "year" if unit == "year" else "month" if unit == "month" else "day"
    if anchor is None or PRECISIONS.index(anchor.precision) > PRECISIONS.index(needs):
        return None
    base = anchor.day
    if unit == "day":
        return iso(base + timedelta(days=expr.offset), "day"), "day"
    if unit == "week":
        # A week is coarser than a day and finer than a month: dated by the month of the
        # day as many weeks from the document's day ("last week" on 2 March is February).
        return iso(base + timedelta(weeks=expr.offset), "month"), "month"
    if unit == "month":
        return iso(base + relativedelta(months=expr.offset), "month"), "month"
    if unit == "year":
        return iso(base + relativedelta(years=expr.offset), "year"), "year"
    if unit == "weekend":
        return iso(_weekday_from(base, 5, expr.offset > 0 or forward, expr.strict), "day"), "day"
    ahead = expr.offset > 0 or (forward and expr.offset == 0)
    return iso(_weekday_from(base, expr.weekday, ahead, expr.strict), "day"), "day"


def _weekday_from(base: date, day: int, ahead: bool, strict: bool) -> date:
    """The weekday ``day`` on or before ``base`` (after, if ``ahead``); ``strict`` skips
    ``base`` itself. Unqualified, a weekday equal to the document's is the document's own
    day: wire style names the weekday ("said on Wednesday") for today too."""
    wd: Weekday = _WEEKDAY_OBJECTS[day]
    if ahead:
        return base + relativedelta(days=1 if strict else 0, weekday=wd(+1))
    return base + relativedelta(days=-1 if strict else 0, weekday=wd(-1))


# --- which expression dates which act ------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date expression of a sentence and where it hangs in the parse.

    ``path`` holds the token indices from the expression's root up to and including the
    first verb above it (``verb``, None if it reaches the root without one): the act it
    dates is that verb's, or a noun on the way ("Monday's attack").
    """

    text: str
    start: int
    expr: Expression
    path: frozenset[int]
    verb: int | None
    in_relative_clause: bool


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _clause_verb(tok: Token) -> Token:
    """The first verb at or above ``tok`` (``tok`` itself when none)."""
    for t in (tok, *tok.ancestors):
        if _is_verb(t):
            return t
    return tok


def date_mention(ent: Span) -> DateMention | None:
    """``ent`` (a DATE or TIME entity) as a :class:`DateMention`, or None when it dates
    nothing."""
    expr = parse_expression(ent.text)
    if expr is None:
        return None
    path = []
    verb = None
    for t in (ent.root, *ent.root.ancestors):
        path.append(t.i)
        if t is not ent.root and _is_verb(t):
            verb = t
            break
    return DateMention(
        text=ent.text, start=ent.start, expr=expr, path=frozenset(path),
        verb=verb.i if verb is not None else None,
        in_relative_clause=verb is not None and verb.dep_ in ("relcl", "acl"),
    )


def sentence_dates(sent: Span) -> list[DateMention]:
    """The date expressions of ``sent`` that date something, from its DATE/TIME entities."""
    found = (date_mention(e) for e in sent.ents if e.label_ in DATE_LABELS)
    return [m for m in found if m is not None]


def find_trigger(sent: Span, trigger: str) -> Token | None:
    """The token of ``sent`` that the record's ``trigger`` text starts with.

    The trigger is its tokens' texts joined by spaces, possibly not adjacent ("held ...
    talks"); among several tokens with the first word, the one whose subtree holds the
    other words wins, else the first.
    """
    words = trigger.split()
    if not words:
        return None
    # one walk of the sentence (each step builds a Token): exact matches, else any case
    low = words[0].lower()
    alike = [t for t in sent if t.lower_ == low]
    first = [t for t in alike if t.text == words[0]] or alike
    if len(first) <= 1 or len(words) == 1:
        return first[0] if first else None
    rest = set(words[1:])
    for tok in first:
        if rest <= {t.text for t in tok.subtree}:
            return tok
    return first[0]


def act_date(
    trigger: Token | None,
    mentions: list[DateMention],
    anchor: Anchor | None,
    forward: bool = False,
) -> EventDate:
    """The date of the act ``trigger`` names, given its sentence's date ``mentions``.

    1. An expression attached to the trigger's clause (its head chain reaches the trigger
       or the trigger's verb before any other verb) dates the act; the finest wins.
    2. Else the sentence's only absolute date, unless it sits in a relative clause
       ("X, which was founded in 1990, attacked Y").
    3. Else the document's date (``source`` ``document``); none: nothing.
    An expression that needs the document's date and has none gives nothing, never today;
    one that needs a finer document date than there is gives the document's date.
    """
    chosen = None
    if trigger is not None:
        verb = _clause_verb(trigger)
        attached = [m for m in mentions
                    if trigger.i in m.path or (m.verb is not None and m.verb == verb.i)]
        if attached:
            chosen = min(attached, key=lambda m: (_fineness(m.expr), abs(m.start - trigger.i)))
    if chosen is None:
        absolute = {m.expr: m for m in mentions if not m.expr.relative
                    and not m.in_relative_clause}
        if len(absolute) == 1:
            chosen = next(iter(absolute.values()))
    if chosen is not None:
        resolved = resolve(chosen.expr, anchor, forward)
        if resolved is not None:
            return EventDate(resolved[0], resolved[1], "sentence", chosen.text)
        # Relative words with no document date: nothing (never today). With a document
        # date too coarse for them ("yesterday" in a story dated only "2024-03"), that
        # date still places the act, at its own precision.
    if anchor is None:
        return NO_DATE
    return EventDate(anchor.iso(), anchor.precision, "document")


def _fineness(expr: Expression) -> int:
    if expr.relative:
        return 2 if expr.unit == "year" else 1 if expr.unit in ("month", "week") else 0
    return PRECISIONS.index(_precision(expr))


class DocumentDater:
    """Dates the acts of one parsed document; each date entity is read once.

    Most sentences name no date, so a record whose sentence holds no date entity gets the
    document's date without the sentence being looked at (the dating cost of a build is
    mostly that test).

    >>> dater = DocumentDater(nlp("Kerry met Lavrov on Monday."), "2024-03-06")  # doctest: +SKIP
    >>> dater.date_of(0, 27, "met")                                           # doctest: +SKIP
    EventDate(date='2024-03-04', precision='day', source='sentence', text='Monday')
    """

    def __init__(self, doc: Doc, document_date: str | date | datetime | None) -> None:
        self.doc = doc
        self.anchor = document_anchor(document_date)
        self._ents: list[tuple[int, int, Span]] | None = None
        self._mentions: dict[int, DateMention | None] = {}

    def date_of(
        self, start_char: int, end_char: int, trigger: str, forward: bool = False
    ) -> EventDate:
        """The date of the act stated by the sentence at ``start_char``-``end_char`` (offsets
        in the parsed text) whose trigger text is ``trigger``."""
        if self._ents is None:
            self._ents = [(e.start_char, e.end_char, e) for e in self.doc.ents
                          if e.label_ in DATE_LABELS]
        inside = [e for s, t, e in self._ents if s >= start_char and t <= end_char]
        mentions = [m for m in map(self._mention, inside) if m is not None]
        if not mentions:  # the common case: nothing in the sentence to look up
            return act_date(None, mentions, self.anchor, forward)
        sent = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        found = find_trigger(sent, trigger) if sent is not None else None
        return act_date(found, mentions, self.anchor, forward)

    def _mention(self, ent: Span) -> DateMention | None:
        if ent.start not in self._mentions:
            self._mentions[ent.start] = date_mention(ent)
        return self._mentions[ent.start]
