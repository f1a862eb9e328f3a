"""Document dates: parsing values to ISO 8601, HTML metadata, wire datelines.

The reader's side (which source wins, warnings with file and line) is tested in
test_documents.py; here the parsing rules themselves, on values as feeds and pages give them.
"""

from __future__ import annotations

import pytest

from actorgraph.extract.docdates import (
    DateError,
    Dateline,
    best_html_date,
    dateline_date,
    find_dateline,
    html_date_candidate,
    jsonld_dates,
    parse_date,
    read_date,
)

# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, iso", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-07T10:00:00Z", "2024-03-07T10:00:00+00:00"),
    ("2024-03-07T10:00:00.250+05:30", "2024-03-07T10:00:00+05:30"),
    ("2024-03-07 10:00", "2024-03-07"),  # a time without offset: the date as written
    ("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00+00:00"),  # RFC 2822 (RSS)
    ("Tue, 5 Mar 2024 09:30:00 -0500", "2024-03-05T09:30:00-05:00"),
    ("Tue, 05 Mar 2024 09:30 EST", "2024-03-05T09:30:00-05:00"),
    ("5 March 2024", "2024-03-05"),
    ("March 5, 2024", "2024-03-05"),
    ("Oct. 3, 2014", "2014-10-03"),
    ("Sept. 12, 2001", "2001-09-12"),
    ("Thursday, June 13, 2019", "2019-06-13"),
    ("13/06/2019", "2019-06-13"),  # the first number is over 12: day first
    ("06/13/2019", "2019-06-13"),
    ("20240305", "2024-03-05"),
    ("1709632800", "2024-03-05T10:00:00+00:00"),  # epoch seconds
    ("1709632800000", "2024-03-05T10:00:00+00:00"),  # epoch milliseconds
    (1709632800, "2024-03-05T10:00:00+00:00"),
])
def test_common_forms_become_iso(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw, why", [
    ("not a date", "unreadable date 'not a date'"),
    ("March 2024", "date 'March 2024' has no day"),
    ("2024", "date '2024' has no day"),
    ("2024-03", "date '2024-03' has no day"),
    ("Monday", "date 'Monday' has no year or month"),
    ("March 5", "date 'March 5' has no year or month"),
    ("yesterday", "unreadable date 'yesterday'"),
    ("2024-02-30", "unreadable date '2024-02-30'"),
    ("20", "number '20' is not a date"),
    ("", "unreadable date ''"),
])
def test_values_that_do_not_name_a_day_are_refused(raw, why):
    with pytest.raises(DateError) as e:
        parse_date(raw)
    assert str(e.value).startswith(why)


def test_nothing_is_filled_in_from_today():
    # dateutil completes a partial date from a default; the two-default check must catch
    # every missing field, whatever the day the test runs on.
    for raw in ("5 March", "March", "10:00", "5", "Mar 2024"):
        assert read_date(raw).iso is None, raw


def test_read_date_keeps_the_raw_value_and_says_why():
    found = read_date("the fifth of Marchember", line=7)
    assert (found.iso, found.raw, found.line) == (None, "the fifth of Marchember", 7)
    assert found.problem == "unreadable date 'the fifth of Marchember': document kept undated"


# --- HTML metadata -------------------------------------------------------------------------


def test_meta_tags_rank_publication_time_first():
    tags = [
        ("meta", [("name", "date"), ("content", "2024-03-01")]),
        ("meta", [("property", "og:title"), ("content", "Talks in Geneva")]),
        ("meta", [("property", "article:published_time"), ("content", "2024-03-05T07:00Z")]),
        ("time", [("datetime", "2024-03-09")]),
    ]
    found = [(c[0], line, c[1]) for line, (tag, attrs) in enumerate(tags, 1)
             if (c := html_date_candidate(tag, attrs))]
    assert [(rank, value) for rank, _, value in found] == [
        (4, "2024-03-01"), (0, "2024-03-05T07:00Z"), (6, "2024-03-09")]
    best = best_html_date(found)
    assert (best.iso, best.raw, best.line) == ("2024-03-05T07:00:00+00:00", "2024-03-05T07:00Z", 3)


def test_unreadable_best_candidate_gives_way_to_a_readable_one():
    best = best_html_date([(0, 4, "sometime last week"), (4, 9, "2024-03-05")])
    assert (best.iso, best.problem) == ("2024-03-05", None)
    only_bad = best_html_date([(0, 4, "sometime last week")])
    assert (only_bad.iso, only_bad.raw, only_bad.line) == (None, "sometime last week", 4)
    assert only_bad.problem.startswith("unreadable date 'sometime last week'")


def test_jsonld_date_published_is_found_in_graphs_and_lists():
    block = """{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "World"},
        {"@type": "NewsArticle", "headline": "Kerry meets Lavrov",
         "datePublished": "2024-03-05T09:12:00+01:00", "dateModified": "2024-03-06"}]}"""
    assert jsonld_dates(block) == ["2024-03-05T09:12:00+01:00"]
    assert jsonld_dates('[{"datePublished": "2024-03-05"}]') == ["2024-03-05"]
    assert jsonld_dates("{broken") == []


# --- datelines -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, raw, has_year", [
    ("WASHINGTON, March 5 (Reuters) - U.S. Secretary of State John Kerry met", "March 5", False),
    ("KABUL, Afghanistan, Oct. 3, 2014 (AP) \u2014 A suicide bomber struck", "Oct. 3, 2014", True),
    ("BEIRUT, Jan 5 (Reuters) - Syrian government forces shelled", "Jan 5", False),
    ("PARIS, 5 March 2024 (AFP) - France summoned Iran's ambassador", "5 March 2024", True),
    ("ST. LOUIS, Sept. 12 \u2014 Protesters marched", "Sept. 12", False),
    ("GENEVA, March 5, 2024 /PRNewswire/ -- The agency said", "March 5, 2024", True),
])
def test_wire_datelines(text, raw, has_year):
    found = find_dateline("Kerry meets Lavrov\n\n" + text)
    assert found == Dateline(raw, has_year, 3)


@pytest.mark.parametrize("text", [
    "Paris, March 5 - and then the talks resumed.",  # not upper case, no agency
    "LONDON (Reuters) - Britain said on Tuesday",  # a dateline, but no date in it
    "On Monday, March 5 - the day talks resumed",
    "The ministers met.\n" * 200 + "WASHINGTON, March 5 (Reuters) - late",  # not the opening
])
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_dateline_year_comes_from_a_reliable_date_or_not_at_all():
    march5 = Dateline("March 5", False, 1)
    assert dateline_date(march5, "2024-03-06").iso == "2024-03-05"
    assert dateline_date(march5, "2024-03-06T01:00:00+00:00").iso == "2024-03-05"
    assert dateline_date(Dateline("Dec. 31", False, 1), "2025-01-02").iso == "2024-12-31"
    assert dateline_date(Dateline("Jan. 2", False, 1), "2024-12-30").iso == "2025-01-02"
    assert dateline_date(Dateline("Feb. 29", False, 1), "2024-03-01").iso == "2024-02-29"
    undated = dateline_date(march5, None)
    assert (undated.iso, undated.raw, undated.problem) == (None, "March 5", None)
    assert dateline_date(Dateline("Oct. 3, 2014", True, 2), "2024-03-06").iso == "2014-10-03"
