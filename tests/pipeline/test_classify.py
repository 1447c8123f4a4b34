"""classify: the label of a matched pair, with its reason codes, on hand-made claims."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.pipeline import Claim, classify, relate


def claim(text: str) -> Claim:
    """Return a bare claim of ``text`` (the comparison reads what it needs from the text)."""
    return Claim(text=text, start=0, end=len(text))


@pytest.mark.parametrize(("a", "b", "label", "reason"), [
    ("The treaty took 5 years to finalize.", "The treaty took five years to finalize.",
     "agree", "value.equal"),
    ("More than 2,000 people attended the summit.", "2,100 people attended the summit.",
     "agree", "value.within_bound"),
    ("The treaty took 5 years to finalize.", "The treaty took seven years to finalize.",
     "conflict", "value.mismatch.number"),
    ("The assembly adopted the convention on 24 December 2024.",
     "The assembly adopted the convention on 26 December 2024.",
     "conflict", "value.mismatch.date"),
    ("The assembly adopted the convention.", "The assembly did not adopt the convention.",
     "conflict", "polarity.opposite"),
    ("The assembly adopted the convention.", "The assembly rejected the convention.",
     "conflict", "polarity.antonym"),
    ("The assembly adopted the resolution unanimously.",
     "The assembly adopted the resolution by a vote of 150 to 10.",
     "conflict", "alternative.exclusive"),
    ("The assembly adopted the convention.",
     "The convention is expected to be adopted by the assembly.",
     "complement", "stage.differs"),
    ("The treaty took five years to negotiate.",
     "The committee took three years to negotiate the treaty.",
     "complement", "scope.differs"),
    ("The minister resigned on Friday.", "The minister reportedly resigned on Friday.",
     "complement", "modality.hedged"),
])
def test_label_and_reason(a: str, b: str, label: str, reason: str) -> None:
    judgement = classify(claim(a), claim(b))
    assert judgement.label == label, judgement
    assert reason in judgement.reasons


@pytest.mark.parametrize(("a", "b"), [
    # Not opposites: "not only" does not deny, and "without a vote" is how it was adopted.
    ("The treaty not only protects victims but also helps police.",
     "The treaty protects victims and helps police."),
    ("The assembly adopted the resolution without a vote.",
     "The assembly adopted the resolution unanimously."),
    # Numbers about different things in long sentences do not clash.
    ("The treaty took 5 years to finalize.",
     "It is the first multilateral anti-crime treaty to be finalized in over 20 years, "
     "said the director of the office."),
])
def test_compatible_claims_are_not_conflicts(a: str, b: str) -> None:
    assert classify(claim(a), claim(b)).label != "conflict"


def test_weekdays_resolve_against_publication_dates() -> None:
    a = claim("The committee agreed on a draft text on Thursday.")
    b = claim("The committee agreed on a draft text on Monday.")
    # 8 Aug 2024 was a Thursday; Monday before 12 Aug is the 12th itself, Thursday before
    # 11 Aug is the 8th: different days.
    assert classify(a, b, published_a=date(2024, 8, 11),
                    published_b=date(2024, 8, 12)).label == "conflict"
    # Same weekday word resolved from different publication days is no clash by itself.
    same = claim("The committee agreed on a draft text on Thursday.")
    assert classify(a, same).label != "conflict"


def test_explanation_is_one_sentence_naming_the_values() -> None:
    judgement = classify(claim("The treaty took 5 years to finalize."),
                         claim("The treaty took seven years to finalize."))
    assert "5 years" in judgement.explanation and "seven years" in judgement.explanation
    assert judgement.explanation.endswith("so they conflict.")


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Banksy was arrested in London", "No, Banksy hasn't been arrested", "conflict"),
    ("Banksy was arrested in London", "Banksy arrest in London is a hoax", "conflict"),
    ("Banksy was arrested in London", "Banksy reportedly arrested in London", "complement"),
    ("Banksy was arrested in London", "Police arrest Banksy in London", "agree"),
    ("Banksy was arrested in London", "Stock markets fell sharply on Monday", "unrelated"),
])
def test_relate_reads_b_as_a_statement_about_a(a: str, b: str, label: str) -> None:
    assert relate(a, b).label == label


@pytest.mark.parametrize(("a", "b"), [
    ("UN urges member states to join the convention", "Member States finalise new treaty"),
    ("The UN called on member states to ratify the treaty.",
     "Member states ratified the treaty."),
])
def test_a_call_to_action_does_not_agree_with_a_claim_that_it_happened(a: str, b: str) -> None:
    assert classify(claim(a), claim(b)).label != "agree"
    assert relate(a, b).label != "agree"
    assert relate(b, a).label != "agree"


@pytest.mark.parametrize(("a", "b"), [
    # Both call for it: the same call.
    ("UN urges member states to join the convention.",
     "The UN urged member states to join the convention."),
    # "asked about" calls for nothing.
    ("The assembly adopted the convention.",
     "The assembly adopted the convention after members asked about its cost."),
    # Others' calls, told as a noun, do not make the claim a call.
    ("Starbucks opened its first branch in Italy in 2018.",
     "Starbucks opened its first branch in Italy in 2018, prompting calls for a boycott."),
    ("Starbucks opened its first branch in Italy in 2018.",
     "Amid calls for a boycott, Starbucks opened its first branch in Italy in 2018."),
])
def test_the_same_call_or_a_plain_question_still_agrees(a: str, b: str) -> None:
    assert classify(claim(a), claim(b)).label == "agree"


@pytest.mark.parametrize("a", [
    "40,000 homes were destroyed, the networks said.",
    "40,000 homes were destroyed, according to the networks.",
    "The networks reported that 40,000 homes were destroyed.",
    "40,000 homes were destroyed, the networks said",  # a headline: no full stop
])
def test_attributing_a_number_to_a_source_does_not_excuse_a_mismatch(a: str) -> None:
    b = "25,000 homes were destroyed" + ("." if a.endswith(".") else "")
    judgement = classify(claim(a), claim(b))
    assert judgement.label == "conflict", judgement
    assert judgement.reasons[0] == "value.mismatch.number"
    assert "attribution.differs" in judgement.reasons
    assert "modality.hedged" not in judgement.reasons
    assert relate(a, b).label == "conflict"


@pytest.mark.parametrize(("a", "label", "reason"), [
    # Hedged: the first only reports it, so the two numbers may both stand.
    ("40,000 homes were reportedly destroyed.", "complement", "modality.hedged"),
    # A bound holds the other number, or does not.
    ("Up to 40,000 homes were destroyed.", "agree", "value.within_bound"),
    ("Up to 20,000 homes were destroyed.", "conflict", "value.mismatch.number"),
])
def test_hedges_and_bounds_still_decide_a_number_difference(
    a: str, label: str, reason: str
) -> None:
    judgement = classify(claim(a), claim("25,000 homes were destroyed."))
    assert judgement.label == label
    assert reason in judgement.reasons


@pytest.mark.parametrize(("a", "b", "label"), [
    # "American" and "U.S." are content ("us" the pronoun is not): denying it is a clash.
    ("SpongeBob SquarePants is not an American series.",
     "SpongeBob SquarePants is an American animated television series.", "conflict"),
    ("The U.S. delegation signed the treaty.", "The American delegation signed the treaty.",
     "agree"),
    # A pronoun still carries no content.
    ("The minister told us the treaty was signed.", "The treaty was signed.", "agree"),
])
def test_the_united_states_is_content_and_the_pronoun_us_is_not(
    a: str, b: str, label: str
) -> None:
    assert relate(a, b).label == label


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Dreamer is a Canadian sports film.", "Dreamer is an American sports drama film.",
     "conflict"),
    ("Brubaker is an Australian prison film.", "Brubaker is a 1980 American prison drama film.",
     "conflict"),
    # Nationalities of different things do not clash.
    ("The ghost shirt was donated to the Glasgow museum by an Indian interpreter.",
     "The ghost shirt was returned by a Scottish museum.", "no conflict"),
    # Denying one nationality fits another.
    ("SpongeBob SquarePants is not an American series.",
     "SpongeBob SquarePants is a French animated television series.", "no conflict"),
])
def test_two_nationalities_for_the_same_thing_conflict(a: str, b: str, label: str) -> None:
    judgement = classify(claim(a), claim(b))
    assert (judgement.label == "conflict") == (label == "conflict"), judgement
    assert ("entity.differs" in judgement.reasons) == (label == "conflict")


@pytest.mark.parametrize(("a", "b", "label"), [
    # Fiction as a genre calls nothing false.
    ("Sancho Panza is a character in Don Quixote.",
     "Sancho Panza is a fictional character in the novel Don Quixote.", "agree"),
    ("Annette Badland appeared in Doctor Who.",
     "Annette Badland played Margaret Blaine in the BBC science fiction series Doctor Who.",
     "agree"),
    # A report called fiction or a hoax still is.
    ("Judd Nelson is dead", "Report that Judd Nelson is dead is pure fiction", "conflict"),
    ("Judd Nelson is dead", "Judd Nelson death report is a hoax", "conflict"),
])
def test_fiction_as_a_genre_is_no_refutation(a: str, b: str, label: str) -> None:
    assert relate(a, b).label == label


@pytest.mark.parametrize(("a", "b", "label"), [
    # "Noël" holds no "no"; "No Strings Attached" is a title, not a denial.
    ("Private Lives is a comedy in three acts by Noel Coward.",
     "Private Lives is a comedy of manners in three acts by Noël Coward.", "agree"),
    ("Kutcher appeared in romantic comedies in 2005.",
     "Kutcher appeared in romantic comedies in 2005, including No Strings Attached.", "agree"),
    # A headline capitalises its denial and still denies.
    ("Macaulay Culkin Is Dead", "Macaulay Culkin Is Not Dead", "conflict"),
    ("The assembly adopted the convention.", "No, the assembly did not adopt the convention.",
     "conflict"),
])
def test_titles_and_accented_names_hold_no_denial(a: str, b: str, label: str) -> None:
    assert relate(a, b).label == label
