"""Event dates: expressions read and resolved against the document date, the act each
date belongs to, and the dates on the records the real Extractor gives."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from actorgraph.extract.documents import Document
from actorgraph.extract.eventdates import (
    DocumentDater,
    EventDate,
    document_anchor,
    parse_expression,
    resolve,
)
from actorgraph.extract.pipeline import ExtractConfig, Extractor

WEDNESDAY = "2024-03-06"  # the story's date in most tests: a Wednesday


def when(text: str, doc_date: str | None = WEDNESDAY, forward: bool = False):
    return resolve(parse_expression(text), document_anchor(doc_date), forward)


# --- reading and resolving expressions (no parse needed) -----------------------------------


@pytest.mark.parametrize("text, expected", [
    # absolute, with and without a year
    ("on Oct. 3, 2014", ("2014-10-03", "day")),
    ("3 March 2022", ("2022-03-03", "day")),
    ("the 24th of February 2022", ("2022-02-24", "day")),
    ("3 March", ("2024-03-03", "day")),
    ("March 3", ("2024-03-03", "day")),
    ("in June 2014", ("2014-06", "month")),
    ("in mid-July", ("2023-07", "month")),  # July 2024 would be well after the story
    ("2014", ("2014", "year")),
    ("late 2002", ("2002", "year")),
    ("October 25-26", ("2023-10-25", "day")),  # a range dates the act by its first day
    # relative
    ("yesterday", ("2024-03-05", "day")),
    ("today", ("2024-03-06", "day")),
    ("last night", ("2024-03-05", "day")),
    ("on Monday", ("2024-03-04", "day")),  # the Monday before the Wednesday story
    ("Monday night", ("2024-03-04", "day")),
    ("Wednesday", ("2024-03-06", "day")),  # the story's own weekday: the story's day
    ("last Wednesday", ("2024-02-28", "day")),  # ... unless "last" says a week back
    ("Thursday", ("2024-02-29", "day")),
    ("two days ago", ("2024-03-04", "day")),
    ("10 days ago", ("2024-02-25", "day")),
    ("last week", ("2024-02", "month")),  # a week is dated by the month it falls in
    ("last month", ("2024-02", "month")),
    ("late last month", ("2024-02", "month")),
    ("earlier this month", ("2024-03", "month")),
    ("last year", ("2023", "year")),
    ("two years ago", ("2022", "year")),
    ("last March", ("2023-03", "month")),  # said in March: the March before
    ("over the weekend", ("2024-03-02", "day")),
    ("this past week", ("2024-02", "month")),
    ("this week", ("2024-03", "month")),
    ("six months ago", ("2023-09", "month")),
    ("in June", ("2023-06", "month")),  # June 2024 would be well after the story
    ("late July", ("2023-07", "month")),
    ("in the early hours of Monday", ("2024-03-04", "day")),
    ("Sunday and Monday", ("2024-03-03", "day")),
    ("overnight", ("2024-03-06", "day")),
])
def test_expressions_resolve_against_a_wednesday_story(text, expected):
    assert when(text) == expected


@pytest.mark.parametrize("text", [
    "for three years", "three years", "45-year-old", "the 1990s", "1991-1995", "daily",
    "the past three years", "a day earlier", "the following day", "recent weeks", "70",
    "since 2011", "winter", "every day", "10 days",
])
def test_durations_ages_and_frequencies_date_nothing(text):
    assert parse_expression(text) is None


def test_a_yearless_date_goes_back_a_year_only_when_well_after_the_story():
    assert when("Dec. 28", "2024-01-05") == ("2023-12-28", "day")
    assert when("Jan. 9", "2024-01-05") == ("2024-01-09", "day")  # days ahead: kept
    # A named weekday picks the year whose calendar agrees: 26 Dec 2016 was a Monday.
    assert when("Monday, Dec. 26", "2016-12-07") == ("2016-12-26", "day")


def test_a_future_act_reads_forward():
    assert when("Monday", forward=True) == ("2024-03-11", "day")
    assert when("Jan. 9", "2024-12-20", forward=True) == ("2025-01-09", "day")


def test_relative_expressions_without_a_document_date_are_null_never_today():
    for text in ("yesterday", "on Monday", "last week", "two days ago", "3 March"):
        assert when(text, None) is None, text
    # An absolute date with its year needs no document.
    assert when("in June 2014", None) == ("2014-06", "month")


def test_a_coarse_document_date_resolves_only_coarse_expressions():
    assert when("last month", "2024-03") == ("2024-02", "month")
    assert when("yesterday", "2024-03") is None
    assert when("last year", "2024") == ("2023", "year")


def test_document_anchor_reads_iso_dates_and_datetimes_with_offsets():
    assert document_anchor("2024-03-07T23:30:00-05:00").day == date(2024, 3, 7)
    tz = timezone(timedelta(hours=9))
    assert document_anchor(datetime(2024, 3, 8, 1, 0, tzinfo=tz)).day == date(2024, 3, 8)
    assert document_anchor("2024-03").precision == "month"
    assert document_anchor("5 March 2024") is None  # not ISO: the documents stage's job
    assert document_anchor(None) is None


# --- which date belongs to which act (real parses) -----------------------------------------


def date_of(extractor, text: str, trigger: str, doc_date: str | None = WEDNESDAY,
            forward: bool = False) -> EventDate:
    doc = extractor.nlp(text)
    return DocumentDater(doc, doc_date).date_of(0, len(text), trigger, forward=forward)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Turkey urged Iran on 3 March to release the detained sailors.", "urged",
     ("2024-03-03", "day", "sentence")),
    ("The United States accused Russia on Oct. 3, 2014 of violating the arms treaty.",
     "accused", ("2014-10-03", "day", "sentence")),
    ("Russia annexed Crimea in June 2014, Western officials said.", "annexed",
     ("2014-06", "month", "sentence")),
    ("Israeli aircraft struck Hamas positions in Gaza on Monday night, the army said.",
     "struck", ("2024-03-04", "day", "sentence")),
    ("Secretary of State John Kerry met Sergei Lavrov in Geneva yesterday.", "met",
     ("2024-03-05", "day", "sentence")),
    ("President Barack Obama called Vladimir Putin last week to discuss Ukraine.",
     "called", ("2024-02", "month", "sentence")),
    ("Two days ago, Pakistan accused India of shelling villages along the frontier.",
     "accused", ("2024-03-04", "day", "sentence")),
    # A duration is no act date: the document's date stands in.
    ("Iran has held talks with Saudi Arabia for three years.", "held talks",
     ("2024-03-06", "day", "document")),
    # No date in the sentence.
    ("Saudi Arabia condemned the attack, the foreign ministry said.", "condemned",
     ("2024-03-06", "day", "document")),
    # The year a relative clause gives is the founding's, not the warning's.
    ("NATO, which was founded in 1949, warned Russia against further escalation.",
     "warned", ("2024-03-06", "day", "document")),
    # Each act of a sentence gets the date attached to its own clause.
    ("Russia annexed Crimea in March 2014, and the European Union imposed sanctions in "
     "June 2014.", "imposed", ("2014-06", "month", "sentence")),
    ("Russia annexed Crimea in March 2014, and the European Union imposed sanctions in "
     "June 2014.", "annexed", ("2014-03", "month", "sentence")),
    ("Kerry, 70, met Lavrov on Tuesday.", "met", ("2024-03-05", "day", "sentence")),
])
def test_the_sentence_dates_its_act(extractor, text, trigger, expected):
    got = date_of(extractor, text, trigger)
    assert (got.date, got.precision, got.source) == expected


def test_a_date_on_another_clause_does_not_date_the_act(extractor):
    # "on Friday" dates the saying; the expulsion has its own "two weeks ago".
    text = "The UN said on Friday that Sudan had expelled aid workers two weeks ago."
    assert date_of(extractor, text, "expelled").date == "2024-02"
    assert date_of(extractor, text, "said").date == "2024-03-01"


def test_without_a_document_date_nothing_is_dated_from_relative_words(extractor):
    text = "Secretary of State John Kerry met Sergei Lavrov in Geneva yesterday."
    assert date_of(extractor, text, "met", doc_date=None) == EventDate()
    text = "Saudi Arabia condemned the attack, the foreign ministry said."
    assert date_of(extractor, text, "condemned", doc_date=None) == EventDate()
    got = date_of(extractor, "Russia attacked Ukraine on 24 February 2022.", "attacked",
                  doc_date=None)
    assert (got.date, got.source) == ("2022-02-24", "sentence")


def test_a_coarse_document_date_stands_in_for_words_it_cannot_resolve(extractor):
    text = "Secretary of State John Kerry met Sergei Lavrov in Geneva yesterday."
    got = date_of(extractor, text, "met", doc_date="2024-03")
    assert (got.date, got.precision, got.source) == ("2024-03", "month", "document")
    got = date_of(extractor, "Germany criticised Turkey last month.", "criticised",
                  doc_date="2024-03")
    assert (got.date, got.precision, got.source) == ("2024-02", "month", "sentence")


# --- through the Extractor ------------------------------------------------------------------

STORY = (
    "MOSCOW (AP) — Russian President Vladimir Putin met Turkish President Recep Tayyip "
    "Erdogan in Sochi on Monday. Turkey accused Syria last week of shelling a border post. "
    "Russia will hold talks with Ukraine on Friday. Egypt condemned the attack, the foreign "
    "ministry said. The United States sanctioned Iran in June 2014."
)


def story(**kw) -> Document:
    fields = dict(id="wire-1", text=STORY, title="Putin meets Erdogan", date=WEDNESDAY,
                  source="AP", url="https://apnews.example/putin-erdogan")
    return Document(**{**fields, **kw})


def by_relation(records) -> dict[str, tuple]:
    return {r.relation: (r.date, r.date_precision, r.date_source) for r in records}


def test_extractor_records_carry_act_dates_and_the_documents_outlet(extractor):
    [(_doc, triples, events)] = list(extractor.extract_records([story()]))
    dates = by_relation(triples)
    assert dates["MEETS"] == ("2024-03-04", "day", "sentence")
    assert dates["ACCUSES"] == ("2024-02", "month", "sentence")
    assert dates["NEGOTIATES"] == ("2024-03-08", "day", "sentence")  # future: next Friday
    assert dates["SANCTIONS"] == ("2014-06", "month", "sentence")
    assert by_relation(events)["CRITICIZES"] == ("2024-03-06", "day", "document")
    for r in [*triples, *events]:
        assert (r.doc_source, r.doc_url) == ("AP", "https://apnews.example/putin-erdogan")
        assert r.to_dict()["date"] == r.date


def test_extractor_without_a_document_date_keeps_only_absolute_dates(extractor):
    triples = [t for _d, ts in extractor.extract_documents([story(date=None)]) for t in ts]
    dates = by_relation(triples)
    assert dates["SANCTIONS"] == ("2014-06", "month", "sentence")
    assert dates["MEETS"] == dates["ACCUSES"] == (None, None, None)


def test_dates_can_be_switched_off_and_chunks_date_like_whole_documents(extractor):
    off = Extractor(ExtractConfig(dates=False))
    triples = [t for _d, ts in off.extract_documents([story()]) for t in ts]
    assert triples and all(t.date is None and t.date_source is None for t in triples)
    assert {t.doc_source for t in triples} == {"AP"}
    # A segment of a long article: offsets shift, dates stay.
    part = story(id="wire-1#2", parent="wire-1", part=2, offset=5000)
    shifted = [t for _d, ts in extractor.extract_documents([part]) for t in ts]
    assert by_relation(shifted) == by_relation(
        [t for _d, ts in extractor.extract_documents([story()]) for t in ts])
    assert min(t.start for t in shifted) >= 5000


@pytest.mark.slow
def test_two_workers_give_the_same_dated_records(extractor):
    days = ["2024-03-06", "2024-01-02", None, "2023-12-31T22:00:00-05:00"]
    docs = [story(id=f"w{i}", date=days[i % 4], text=STORY + f" Officials met {i} times.")
            for i in range(8)]
    serial = [[t.to_dict() for t in ts] for _d, ts in extractor.extract_documents(docs)]
    two = Extractor(ExtractConfig(workers=2, batch_size=2))
    parallel = [[t.to_dict() for t in ts] for _d, ts in two.extract_documents(docs)]
    assert parallel == serial
    assert any(t["date_source"] == "sentence" for ts in serial for t in ts)


def test_a_dateline_dates_the_document_and_its_sentences(extractor, tmp_path):
    from actorgraph.extract.documents import read_documents

    (tmp_path / "kabul.txt").write_text(
        "KABUL, Afghanistan, Oct. 3, 2014 (AP) — Pakistan accused India on Wednesday of "
        "shelling villages in Kashmir, officials said. President Ashraf Ghani met Pakistani "
        "Prime Minister Nawaz Sharif in Kabul yesterday.\n", encoding="utf-8")
    docs = list(read_documents([tmp_path / "kabul.txt"]))
    assert [d.date for d in docs] == ["2014-10-03"]  # a Friday, read from the dateline
    triples = [t for _d, ts in extractor.extract_documents(docs) for t in ts]
    dates = by_relation(triples)
    assert dates["ACCUSES"] == ("2014-10-01", "day", "sentence")
    assert dates["MEETS"] == ("2014-10-02", "day", "sentence")
