"""Typed values: what a sentence's numbers, amounts, durations and dates mean."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.pipeline.numbers import parse_words
from factcheck.pipeline.units import singular
from factcheck.pipeline.values import find_values, plural

SUNDAY = date(2024, 8, 11)  # publication day of the second seed report


def _plain(text: str, published: date | None = SUNDAY) -> list[tuple[str, float, float, str, str]]:
    return [(v.kind, v.low, v.high, v.unit, v.bound)
            for v in find_values(text, published=published) if v.kind != "date"]


def _dates(text: str, published: date | None = SUNDAY) -> list[tuple[date, date, str]]:
    return [(*v.as_dates(), v.unit) for v in find_values(text, published=published)
            if v.kind == "date"]


@pytest.mark.parametrize(("text", "expected"), [
    # durations, in digits, words and hyphenated
    ("The treaty took 5 years to finalize", [("duration", 5, 5, "years", "exactly")]),
    ("After three years of work", [("duration", 3, 3, "years", "exactly")]),
    ("the culmination of a five-year effort", [("duration", 5, 5, "years", "exactly")]),
    ("a 10-day visit", [("duration", 10, 10, "days", "exactly")]),
    ("two decades of conflict", [("duration", 20, 20, "years", "exactly")]),
    ("two and a half years later", [("duration", 2.5, 2.5, "years", "exactly")]),
    # mixed numbers, in figures, a glyph, or hyphenated into a compound
    ("He served 4 1/2 months in prison", [("duration", 4.5, 4.5, "months", "exactly")]),
    ("He served 4½ months in prison", [("duration", 4.5, 4.5, "months", "exactly")]),
    ("a 4-1/2-month prison term", [("duration", 4.5, 4.5, "months", "exactly")]),
    ("talks lasted 2 3/4 hours", [("duration", 2.75, 2.75, "hours", "exactly")]),
    ("the first treaty in over 20 years", [("duration", 20, 20, "years", "more_than")]),
    ("talks lasted nearly 18 months", [("duration", 18, 18, "months", "about")]),
    ("within 30 days", [("duration", 30, 30, "days", "up_to")]),
    ("a 20-plus year career", [("duration", 20, 20, "years", "at_least")]),
    ("between 10 and 12 years", [("duration", 10, 12, "years", "exactly")]),
    ("over a decade", [("duration", 10, 10, "years", "more_than")]),
    ("nearly a year later", [("duration", 1, 1, "years", "about")]),
    ("20-odd years", [("duration", 20, 20, "years", "about")]),
    # counts carry their noun
    ("The 193-member Assembly", [("count", 193, 193, "members", "exactly")]),
    ("one hundred and ninety-three members voted",
     [("count", 193, 193, "members", "exactly")]),
    ("the two leaders met", [("count", 2, 2, "leaders", "exactly")]),
    ("1.2 million people fled", [("count", 1_200_000, 1_200_000, "people", "exactly")]),
    ("more than 2,000 people", [("count", 2000, 2000, "people", "more_than")]),
    ("at least 20 dead", [("count", 20, 20, "dead", "at_least")]),
    ("up to 500 workers", [("count", 500, 500, "workers", "up_to")]),
    ("fewer than 50 countries", [("count", 50, 50, "countries", "less_than")]),
    ("under 40 members", [("count", 40, 40, "members", "less_than")]),
    ("about 300 police", [("count", 300, 300, "police", "about")]),
    ("a dozen children", [("count", 12, 12, "children", "exactly")]),
    ("20 new members", [("count", 20, 20, "members", "exactly")]),
    ("hundreds of people", [("count", 200, 999, "people", "about")]),
    ("The UN's 193 member states", [("count", 193, 193, "members", "exactly")]),
    ("made two nice throws", [("count", 2, 2, "throws", "exactly")]),
    ("Two of my children are sick", [("count", 2, 2, "children", "exactly")]),
    ("In Gaza 12 people died", [("count", 12, 12, "people", "exactly")]),
    ("21 consecutive years", [("duration", 21, 21, "years", "exactly")]),
    # money: currency unit, scales
    ("a $3bn deal", [("money", 3e9, 3e9, "USD", "exactly")]),
    ("a €40m fine", [("money", 4e7, 4e7, "EUR", "exactly")]),
    ("£1.5 billion", [("money", 1.5e9, 1.5e9, "GBP", "exactly")]),
    ("Rs 500 crore", [("money", 5e9, 5e9, "INR", "exactly")]),
    ("₹2 lakh", [("money", 2e5, 2e5, "INR", "exactly")]),
    ("2 million euros", [("money", 2e6, 2e6, "EUR", "exactly")]),
    ("nearly $2 million of jewelry", [("money", 2e6, 2e6, "USD", "about")]),
    ("US$5.5 billion", [("money", 5.5e9, 5.5e9, "USD", "exactly")]),
    ("$10-12 million", [("money", 10e6, 12e6, "USD", "exactly")]),
    ("5 million USD", [("money", 5e6, 5e6, "USD", "exactly")]),
    # percentages and fractions
    ("nearly 30% of voters", [("percent", 30, 30, "%", "about")]),
    ("a 2.5 per cent rise", [("percent", 2.5, 2.5, "%", "exactly")]),
    ("fell 3 percentage points", [("percent", 3, 3, "pp", "exactly")]),
    ("two-thirds of member states", [("percent", 66.67, 66.67, "%", "exactly")]),
    ("more than half the votes", [("percent", 50, 50, "%", "more_than")]),
    ("a quarter of the budget", [("percent", 25, 25, "%", "exactly")]),
    # quantities and ages
    ("a 33-year-old man", [("quantity", 33, 33, "years old", "exactly")]),
    ("10-12 km from the border", [("quantity", 10, 12, "km", "exactly")]),
    ("a magnitude 7.1 quake", [("quantity", 7.1, 7.1, "magnitude", "exactly")]),
    ("a 7.1 magnitude quake", [("quantity", 7.1, 7.1, "magnitude", "exactly")]),
    ("5 miles away", [("quantity", 5, 5, "mi", "exactly")]),
    ("a 5.56mm rifle", [("quantity", 5.56, 5.56, "mm", "exactly")]),
    ("a 10km race", [("quantity", 10, 10, "km", "exactly")]),
    # numbers that are not values, or are part of a name
    ("the COVID-19 pandemic", []),
    ("the G20 summit", []),
    ("under Section 230 of the act", []),
    ("Article 5 of the treaty", []),
    ("call +1 555-123-4567 today", []),
    ("call (212) 555-1234 now", []),
    ("at 03:38 pm", []),
    ("F-16 jets and MH17", []),
    ("5G networks", []),
    ("the 21st century", []),
    ("the second half of the year", []),
    ("a 2-0 win", []),
    ("a 50-50 split", []),
    ("the 9/11 attacks", []),
    ("a 24/7 service", []),
    ("under Resolution 2758", []),
    ("Flight 370 vanished", []),
    ("a hashtag #2024 and @user2", []),
    ("one of the first countries", []),
    ("the Curve 8900 has a keyboard", []),
    ("a Boeing 737 crashed", []),
    ("at 0737 GMT", []),
    ("no one was hurt", []),
])
def test_values_are_read_with_kind_unit_and_bound(text: str, expected: list[tuple]) -> None:
    got = [(k, pytest.approx(lo), pytest.approx(hi), u, b) for k, lo, hi, u, b in _plain(text)]
    assert got == [(k, float(lo), float(hi), u, b) for k, lo, hi, u, b in expected]


@pytest.mark.parametrize("text", [
    "After three years of work",
    "The treaty took 5 years to finalize",
    "a five-year effort",
    "in over 20 years",
])
def test_durations_never_become_dates(text: str) -> None:
    assert [v.kind for v in find_values(text, published=SUNDAY)] == ["duration"]


@pytest.mark.parametrize(("text", "first", "last", "unit"), [
    ("adopted on Dec 26, 2024", date(2024, 12, 26), date(2024, 12, 26), "day"),
    ("| @indiablooms | 11 Aug 2024, 03:38 pm", date(2024, 8, 11), date(2024, 8, 11), "day"),
    ("on Friday, August 9, 2024", date(2024, 8, 9), date(2024, 8, 9), "day"),
    ("December 26th 2024", date(2024, 12, 26), date(2024, 12, 26), "day"),
    ("on 2024-12-26", date(2024, 12, 26), date(2024, 12, 26), "day"),
    ("in August 2024", date(2024, 8, 1), date(2024, 8, 31), "month"),
    ("in 2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("in the 1990s", date(1990, 1, 1), date(1999, 12, 31), "decade"),
    ("from 2019 to 2023", date(2019, 1, 1), date(2023, 12, 31), "interval"),
    ("Between 1991 and 1998, he", date(1991, 1, 1), date(1998, 12, 31), "interval"),
    ("the 2023-24 season", date(2023, 1, 1), date(2024, 12, 31), "interval"),
    ("on 26/12/2024", date(2024, 12, 26), date(2024, 12, 26), "day"),
    # relative dates, resolved against Sunday 11 August 2024
    ("the UNODC reported on Friday", date(2024, 8, 9), date(2024, 8, 9), "day"),
    ("agreed on a draft text on Thursday", date(2024, 8, 8), date(2024, 8, 8), "day"),
    ("they will meet on Friday", date(2024, 8, 16), date(2024, 8, 16), "day"),
    ("last Sunday", date(2024, 8, 4), date(2024, 8, 4), "day"),
    ("expected to be adopted later this year", date(2024, 8, 11), date(2024, 12, 31),
     "interval"),
    ("earlier this year", date(2024, 1, 1), date(2024, 8, 11), "interval"),
    ("yesterday", date(2024, 8, 10), date(2024, 8, 10), "day"),
    ("today", date(2024, 8, 11), date(2024, 8, 11), "day"),
    ("tomorrow", date(2024, 8, 12), date(2024, 8, 12), "day"),
    ("last week", date(2024, 7, 29), date(2024, 8, 4), "week"),
    ("next month", date(2024, 9, 1), date(2024, 9, 30), "month"),
    ("last year", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ("three days ago", date(2024, 8, 8), date(2024, 8, 8), "day"),
    ("a year ago", date(2023, 1, 1), date(2023, 12, 31), "year"),
    # A half counts back six months more: from 11 August 2024, February 2021 and 2023.
    ("three and a half years ago", date(2021, 1, 1), date(2021, 12, 31), "year"),
    ("1 1/2 years ago", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ("in March", date(2024, 3, 1), date(2024, 3, 31), "month"),
    ("last night", date(2024, 8, 10), date(2024, 8, 11), "interval"),
    ("over the past week", date(2024, 8, 4), date(2024, 8, 11), "interval"),
    ("this weekend", date(2024, 8, 10), date(2024, 8, 11), "interval"),
    ("by the end of the year", date(2024, 12, 31), date(2024, 12, 31), "day"),
    ("on Aug 9", date(2024, 8, 9), date(2024, 8, 9), "day"),
    # A year before a noun, after an article: no count of comedies or reports.
    ("a 1930 comedy in three acts", date(1930, 1, 1), date(1930, 12, 31), "year"),
    ("an 1890 painting", date(1890, 1, 1), date(1890, 12, 31), "year"),
    ("the 2016 election", date(2016, 1, 1), date(2016, 12, 31), "year"),
])
def test_dates_are_intervals_of_days(text: str, first: date, last: date, unit: str) -> None:
    assert _dates(text) == [(first, last, unit)]


@pytest.mark.parametrize(("text", "expected"), [
    # An age beside a name, between commas or in brackets.
    ("Hiller, 43, then shot the victims.", [("quantity", 43, 43, "years old", "exactly")]),
    ("Duncan Rait (36) died on Friday.", [("quantity", 36, 36, "years old", "exactly")]),
    # Not after a month, nor inside a list of numbers.
    ("Rooms 12, 34, and 56 were shut.", [("number", 12, 12, "", "exactly"),
                                         ("number", 34, 34, "", "exactly"),
                                         ("number", 56, 56, "", "exactly")]),
])
def test_an_age_beside_a_name_is_an_age(
        text: str, expected: list[tuple[str, float, float, str, str]]) -> None:
    assert _plain(text, published=None) == expected
    assert _dates("On June 27, 1973, he pleaded guilty.", published=None)[0][2] == "day"


@pytest.mark.parametrize("text", ["on Friday", "yesterday", "later this year", "last week",
                                  "in March", "on Aug 9"])
def test_relative_dates_need_the_publication_date(text: str) -> None:
    assert find_values(text, published=None) == []


def test_relative_dates_are_flagged() -> None:
    (friday,) = find_values("reported on Friday", published=SUNDAY)
    (fixed,) = find_values("reported on Aug 9, 2024", published=SUNDAY)
    assert friday.relative and not fixed.relative
    assert friday.text == "Friday"


def test_a_vote_gives_one_count_per_side() -> None:
    values = find_values("adopted by a vote of 120 to 40", published=SUNDAY)
    assert [(v.kind, v.low, v.unit, v.role) for v in values] == [
        ("count", 120, "votes", "for"), ("count", 40, "votes", "against")]


@pytest.mark.parametrize("text", ["voted 120-40", "a 120-40 vote", "won 120 votes to 40"])
def test_other_ways_of_writing_a_vote(text: str) -> None:
    assert [(v.low, v.unit, v.role) for v in find_values(text)] == [
        (120, "votes", "for"), (40, "votes", "against")]


@pytest.mark.parametrize(("text", "bound"), [
    ("released before 2020", "less_than"), ("in force since 2019", "at_least"),
    ("by the end of the year", "up_to"), ("after Dec 26, 2024", "more_than"),
    ("in 2020", "exactly"),
])
def test_date_bounds(text: str, bound: str) -> None:
    (value,) = find_values(text, published=SUNDAY)
    assert value.bound == bound


def test_votes_in_favour_against_and_abstentions() -> None:
    values = find_values("with 123 in favour, 7 against and 30 abstentions")
    assert [(v.low, v.role) for v in values] == [(123, "for"), (7, "against"),
                                                 (30, "abstain")]


def test_value_offsets_point_into_the_text() -> None:
    text = "Officials said the 193-member body met for five days in 2024."
    for v in find_values(text, offset=100, published=SUNDAY):
        assert text[v.start - 100:v.end - 100] == v.text


@pytest.mark.parametrize(("words", "number", "used"), [
    ("one hundred and ninety-three", 193, 28),
    ("twenty-five", 25, 11),
    ("two thousand and five", 2005, 21),
    ("three million", 3_000_000, 13),
    ("two and three", 2, 3),
    ("a dozen", None, 0),
])
def test_number_words(words: str, number: float | None, used: int) -> None:
    parsed = parse_words(words)
    if number is None:
        assert parsed is None
    else:
        assert parsed == (number, used)


@pytest.mark.parametrize(("noun", "expected"), [
    ("member", "members"), ("members", "members"), ("person", "people"),
    ("country", "countries"), ("child", "children"), ("votes", "votes"), ("bus", "buses"),
])
def test_counted_nouns_are_plural(noun: str, expected: str) -> None:
    assert plural(noun) == expected


@pytest.mark.parametrize(("noun", "expected"), [
    ("delegations", "delegation"), ("people", "person"), ("countries", "country"),
    ("children", "child"), ("buses", "bus"), ("boxes", "box"), ("police", "police"),
    ("series", "series"), ("glass", "glass"), ("houses", "house"), ("prizes", "prize"),
    ("matches", "match"),
])
def test_one_of_a_counted_noun_is_singular(noun: str, expected: str) -> None:
    """"1 delegation", not "1 delegations": the unit read after an amount of one."""
    assert singular(noun) == expected
    assert singular(plural(expected)) == expected


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("AMD bought ATI for US $5.4-billion yesterday.", 5.4e9, "USD"),
    ("It cost $5 - million.", 5e6, "USD"),
    ("It cost $5.4 billion.", 5.4e9, "USD"),
])
def test_a_hyphen_joins_a_scale_word(text: str, low: float, unit: str) -> None:
    """"$5.4-billion" is one amount, not a range from 5.4 to a billion."""
    [v] = find_values(text)
    assert (v.kind, v.low, v.high, v.unit) == ("money", low, low, unit)
