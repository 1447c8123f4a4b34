"""Conflicts between two reports of a story: a clash must be about the same thing.

Two sentences of two articles are paired on a few shared words; unlike ``relate``, nobody
has said they tell the same fact. Each case below is written after a false conflict read in
real multi-outlet news (ECB+ clusters), with a true conflict beside it where one applies.
"""

from __future__ import annotations

import pytest

from factcheck.pipeline import ReportInput, compare, relate
from factcheck.pipeline.extract import extract_report
from factcheck.pipeline.signals import signals


def labels(a: str, b: str) -> list[tuple[str, tuple[str, ...]]]:
    """Return (label, reasons) of every pair ``compare`` finds between two one-line reports."""
    result = compare([ReportInput(a), ReportInput(b)])
    return [(p.judgement.label, p.judgement.reasons) for p in result.pairs]


def conflicts(a: str, b: str) -> list[tuple[str, ...]]:
    """Return the reasons of the conflicts between two reports."""
    return [reasons for label, reasons in labels(a, b) if label == "conflict"]


@pytest.mark.parametrize(("a", "b"), [
    # Two dates of two lives' events share only "a date": not one fact told twice.
    ("He died in a prison hospital in June 2002.",
     "It ended with a racketeering conviction in July 1997."),
    # Two numbers of two short sentences tie nothing together but the game.
    ("Hansbrough scored 20 points in the victory over Evansville on Thursday.",
     "Hansbrough needed nine points against Evansville to pass Ford for the record."),
    # Two ages are not two accounts of one age unless the same person is meant.
    ("The footage shows 34-year-old Horton picking up her daughter from school.",
     "A 31-year-old Brooklyn mother was shot in the arm near the school."),
    # The day officials spoke is not the day the bomb went off.
    ("A bomb at a bank killed a police officer and a bomb technician, officials said Saturday.",
     "A bomb exploded at a bank late Friday, killing a police officer and a bomb technician."),
    # "the myth that surrounded" someone calls nothing the other report says false.
    ("It was part of the myth that surrounded Deep Throat.", "Deep Throat dead at 95."),
    # Numbers that say neither what they count nor what they measure: two plays of a game.
    ("Luck capped it off with a 7 - yard touchdown pass to Reggie Wayne.",
     "Luck completed an 11 - yard pass to Reggie Wayne to convert a third down."),
    ("Gigante was serving a 12 - year sentence for racketeering in Brooklyn.",
     "Gigante first received a five - year sentence for smuggling heroin in Brooklyn."),
])
def test_no_conflict_between_different_facts(a: str, b: str) -> None:
    assert conflicts(a, b) == []


@pytest.mark.parametrize(("a", "b", "code"), [
    ("Police said 12 people were injured in the riots in the city centre.",
     "Police said 18 people had been injured in the riots.", "value.mismatch.number"),
    ("The bomb exploded at the Woodburn bank on Friday, killing a police officer.",
     "The bomb exploded at the Woodburn bank on Saturday, killing a police officer.",
     "value.mismatch.date"),
    ("The earthquake killed five people in West Papua and destroyed hundreds of buildings.",
     "The earthquake in West Papua killed four people, injured dozens and destroyed "
     "hundreds of buildings.", "value.mismatch.number"),
    ("Greek stocks plunged 5 percent as markets reacted to the violence with alarm.",
     "Greek stocks closed down 3 percent as markets reacted with alarm.",
     "value.mismatch.number"),
    ("The gang member was sentenced to seven years in prison for the shooting.",
     "The gang member was sentenced to 12 years in prison for the shooting.",
     "value.mismatch.number"),
])
def test_same_fact_told_differently_still_conflicts(a: str, b: str, code: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == [code]


def test_relate_still_reads_two_dates_of_one_topic_as_a_clash() -> None:
    # ``relate`` is told the texts belong together: the looser reading stays there.
    rel = relate("Dilwale Dulhania Le Jayenge began filming in September 1994.",
                 "The film was shot in India, London and Switzerland, from January 1994 "
                 "to August 1995.")
    assert rel.label == "conflict"
    assert "value.mismatch.date" in rel.reasons


@pytest.mark.parametrize(("text", "refuted"), [
    ("The quote was made up.", True),
    ("He made up the story about the minister.", True),
    ("Women made up half of the jury.", False),
    ("Claim That Minister Quit Was Made Up, Says Aide", True),
    ("Woodward and Bernstein made up the paper's investigative duo.", False),
])
def test_made_up_refutes_only_as_invented(text: str, refuted: bool) -> None:
    claims = extract_report(text).claims
    assert claims
    assert signals(claims[0]).refuted is refuted


@pytest.mark.parametrize(("a", "b", "shown"), [
    # Two years of one man's career: neither a conflict nor the same fact.
    ("Felt joined the FBI in 1942",
     "Felt was deputy associate director of the FBI in 1972 when he began supplying "
     "information to Bob Woodward.", "1942 vs 1972"),
    # A player's points in two reports: told too loosely to tie, but not agreeing.
    ("Richard Carter scored 14 points and Seth VanDeest scored 13 for the ninth - seeded "
     "Bulldogs (15 - 17).", "Richard Carter had 12 points and four assists.", "14 vs 12"),
    ("She received the 2000 National Caring Award which was inspired by Mother Teresa, as "
     "well as the papal honor Pro Ecclesia et Pontifice from Pope Benedict XVI.",
     "Pope Benedict XVI awarded her the Pro Ecclessia et Pontifice medal in 2006.",
     "2000 vs 2006"),
])
def test_claims_with_different_values_never_agree(a: str, b: str, shown: str) -> None:
    pairs = compare([ReportInput(a), ReportInput(b)]).pairs
    assert [(p.judgement.label, p.judgement.reasons[0]) for p in pairs] == [
        ("complement", "value.differs")]
    assert shown in pairs[0].judgement.explanation
    assert "perhaps of different things" in pairs[0].judgement.explanation


def test_claims_with_the_same_value_still_agree() -> None:
    assert labels("Felt joined the FBI in 1942", "In 1942, Felt joined the FBI.") == [
        ("agree", ("value.equal",))]
