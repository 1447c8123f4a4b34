"""Claim extraction: atomic claims with values, polarity, hedging, attribution and frames."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.frontmatter import parse_report_file
from factcheck.pipeline import Claim, extract, extract_report
from factcheck.pipeline.errors import BinaryInput
from factcheck.pipeline.extract import entities

SEEDS = Path(__file__).resolve().parents[2] / "sources" / "un-cybercrime-convention"


def _seed(name: str) -> tuple[str, date | None]:
    parsed = parse_report_file((SEEDS / name).read_text(encoding="utf-8"))
    return parsed.body, parsed.published


def _claim_with(claims: list[Claim], fragment: str) -> Claim:
    found = [c for c in claims if fragment in c.text]
    assert found, f"no claim contains {fragment!r}"
    return found[0]


def _values(claim: Claim) -> list[tuple[str, float, float, str, str]]:
    return [(v.kind, v.low, v.high, v.unit, v.bound) for v in claim.values]


@pytest.fixture(scope="module")
def first() -> list[Claim]:
    body, published = _seed("01-newsbytes.txt")
    return extract(body, published=published)


@pytest.fixture(scope="module")
def second() -> list[Claim]:
    body, published = _seed("02-indiablooms.txt")
    return extract(body, published=published)


# --------------------------------------------------------------------------- the seeds

@pytest.mark.parametrize("name", ["01-newsbytes.txt", "02-indiablooms.txt"])
def test_no_claim_comes_from_a_junk_line_or_a_section_heading(name: str) -> None:
    body, published = _seed(name)
    report = extract_report(body, published=published)
    kept_lines = set(report.cleaned.text.split("\n"))
    # A repeated headline is removed once and kept once; the kept copy is a headline claim.
    junk = [line for line in report.cleaned.removed if line not in kept_lines]
    junk += ["What's the story", "Global response", "Call for action", "Global consensus",
             "Safeguarding digital spaces"]
    assert len(junk) > 5
    for claim in report.claims:
        assert report.cleaned.text[claim.start:claim.end] == claim.text
        for line in junk:
            assert line not in claim.text
            assert claim.text not in line


def test_the_headline_and_deck_are_headline_claims(first: list[Claim]) -> None:
    deck = _claim_with(first, "The treaty took 5 years to finalize")
    assert deck.kind == "headline" and deck.checkable
    assert _values(deck) == [("duration", 5, 5, "years", "exactly")]


def test_five_years_of_work(first: list[Claim]) -> None:
    claim = _claim_with(first, "comes after five years of work")
    assert _values(claim) == [("duration", 5, 5, "years", "exactly")]


def test_three_years_of_committee_work(second: list[Claim]) -> None:
    claim = _claim_with(second, "After three years of work")
    assert ("duration", 3, 3, "years", "exactly") in _values(claim)
    assert "committee" in claim.scope
    assert claim.subject == "committee"


def test_a_five_year_effort(second: list[Claim]) -> None:
    claim = _claim_with(second, "five-year effort")
    assert _values(claim) == [("duration", 5, 5, "years", "exactly")]


def test_the_193_member_assembly(first: list[Claim]) -> None:
    claim = _claim_with(first, "The 193-member Assembly")
    assert _values(claim) == [("count", 193, 193, "members", "exactly")]
    # "without a vote" describes how it was adopted; it does not deny the adoption.
    assert claim.polarity == "affirmed"


def test_in_over_twenty_years(second: list[Claim]) -> None:
    claim = _claim_with(second, "in over 20 years")
    assert _values(claim) == [("duration", 20, 20, "years", "more_than")]


def test_friday_and_thursday_resolve_against_publication(second: list[Claim]) -> None:
    friday = _claim_with(second, "reported on Friday")
    thursday = _claim_with(second, "on Thursday")
    assert [v.as_dates() for v in friday.values if v.kind == "date"] == [
        (date(2024, 8, 9), date(2024, 8, 9))]
    assert [v.as_dates() for v in thursday.values if v.kind == "date"] == [
        (date(2024, 8, 8), date(2024, 8, 8))]


def test_weekdays_resolve_from_the_dateline_when_no_date_is_given() -> None:
    body, _published = _seed("02-indiablooms.txt")
    claims = extract(body)
    friday = _claim_with(claims, "reported on Friday")
    assert [v.as_dates()[0] for v in friday.values] == [date(2024, 8, 9)]


def test_expected_adoption_later_this_year_is_hedged(second: list[Claim]) -> None:
    claim = _claim_with(second, "expected to be adopted")
    assert claim.hedged
    assert claim.modality in ("expected to", "draft")
    (later,) = [v for v in claim.values if v.kind == "date"]
    assert later.as_dates() == (date(2024, 8, 11), date(2024, 12, 31))


def test_the_adoption_itself_is_not_hedged(first: list[Claim]) -> None:
    claim = _claim_with(first, "has unanimously adopted the Convention against Cybercrime")
    assert not claim.hedged and claim.polarity == "affirmed"


def test_quoted_speaker_is_the_attribution(second: list[Claim]) -> None:
    claim = _claim_with(second, "landmark step")
    assert claim.attribution == "Ghada Waly"
    assert claim.attribution_text == "UNODC Executive Director Ghada Waly"
    assert claim.kind == "quote" and claim.checkable
    assert "waly" not in claim.frame  # the speaker is not part of what is claimed


def test_a_reporting_organisation_is_the_attribution(second: list[Claim]) -> None:
    claim = _claim_with(second, "have finalised a new treaty")
    assert claim.attribution == "UN Office on Drugs and Crime (UNODC)"


def test_according_to(second: list[Claim]) -> None:
    claim = _claim_with(second, "technology has created opportunities")
    assert claim.attribution == "draft convention"


def test_seed_entities(first: list[Claim]) -> None:
    claim = _claim_with(first, "has unanimously adopted")
    assert "United Nations General Assembly" in claim.entities


# --------------------------------------------------------------------------- atomic claims

def test_two_coordinated_facts_become_two_claims() -> None:
    text = "The Assembly adopted the treaty and called on states to join it."
    claims = extract(text)
    assert [c.text for c in claims] == ["The Assembly adopted the treaty",
                                        "called on states to join it."]
    assert [c.subject for c in claims] == ["assembly", "assembly"]
    assert all(c.sentence_start == 0 and c.sentence_end == len(text) for c in claims)


def test_and_a_half_stays_with_its_number() -> None:
    claims = extract("LaRue served four and a half months in prison for his role.")
    assert [c.text for c in claims] == [
        "LaRue served four and a half months in prison for his role."]
    assert [(v.kind, v.low, v.unit) for v in claims[0].values] == [("duration", 4.5, "months")]


def test_a_new_subject_after_and_starts_a_new_claim() -> None:
    claims = extract("The Assembly adopted the treaty, and the Secretary-General welcomed it.")
    assert [c.text for c in claims] == ["The Assembly adopted the treaty",
                                        "the Secretary-General welcomed it."]


@pytest.mark.parametrize("sentence", [
    "The treaty comes after five years of work by Member States, civil society, academia, "
    "and private sector representatives.",
    "The UN Office on Drugs and Crime published the text.",
    "Guterres called on all Member States to join and implement the treaty.",
    "The treaty and the protocol were adopted together.",
    "Officers found and arrested the driver who hit her.",
    "“We adopted it and we will implement it,” she said.",
])
def test_lists_names_and_quotes_are_not_cut(sentence: str) -> None:
    assert len(extract(sentence)) == 1


def test_values_belong_to_their_own_clause() -> None:
    claims = extract("The treaty took five years to write, but ratification took 2 years.")
    assert [[v.text for v in c.values] for c in claims] == [["five years"], ["2 years"]]


# --------------------------------------------------------------------------- kinds

@pytest.mark.parametrize(("sentence", "kind"), [
    ("Will the treaty make the internet any safer?", "question"),
    ("Governments should ratify the treaty without delay.", "opinion"),
    ("I think the treaty is a mistake.", "opinion"),
    ("Join the campaign against cybercrime today.", "call_to_action"),
])
def test_questions_opinions_and_calls_to_action_are_not_checkable(sentence: str,
                                                                  kind: str) -> None:
    (claim,) = extract(sentence)
    assert claim.kind == kind
    assert not claim.checkable


def test_short_section_headings_give_no_claim_but_stay_in_the_text() -> None:
    text = ("Treaty adopted after five years of talks\n\nWhat's the story\n\n"
            "The Assembly adopted the treaty on Tuesday.\n\nGlobal response\n\n"
            "Leaders welcomed the vote.")
    report = extract_report(text)
    assert "Global response" in report.cleaned.text
    assert [c.kind for c in report.claims] == ["headline", "statement", "statement"]


# --------------------------------------------------------------------------- polarity, hedges

@pytest.mark.parametrize(("sentence", "polarity", "cue"), [
    ("The Assembly did not adopt the treaty.", "negated", "not"),
    ("The Assembly didn't adopt the treaty.", "negated", "n't"),
    ("The minister never signed the agreement.", "negated", "never"),
    ("The talks failed to produce a deal.", "negated", "failed to"),
    ("The ministry denied that the deal was signed.", "negated", "denied"),
    ("No agreement was reached on Friday.", "negated", "no"),
    ("The Assembly adopted the resolution without a vote.", "affirmed", ""),
    ("No fewer than 100 states signed the treaty.", "affirmed", ""),
    ("The treaty not only bans attacks but also protects data.", "affirmed", ""),
    ("The Assembly adopted the treaty.", "affirmed", ""),
    ("Israel rejected calls for a ceasefire.", "affirmed", ""),
])
def test_polarity(sentence: str, polarity: str, cue: str) -> None:
    (claim, *_rest) = extract(sentence)
    assert (claim.polarity, claim.negation) == (polarity, cue)


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The treaty is expected to be adopted in December.", True),
    ("The treaty may enter into force next year.", True),
    ("The company reportedly paid $5m to the hackers.", True),
    ("The draft text was agreed on Thursday.", True),
    ("The government plans to sign the treaty.", True),
    ("The vote could be delayed.", True),
    ("The treaty was adopted in December.", False),
    ("The committee agreed on the text on Thursday.", False),
])
def test_hedges(sentence: str, hedged: bool) -> None:
    (claim,) = extract(sentence)
    assert claim.hedged is hedged
    assert bool(claim.modality) is hedged


@pytest.mark.parametrize(("sentence", "name"), [
    ("“It is a landmark,” said UNODC Executive Director Ghada Waly.", "Ghada Waly"),
    ("“It is a landmark,” Waly said.", "Waly"),
    ("Jack Ketsoyan said Friday that the star had entered rehab.", "Jack Ketsoyan"),
    ("According to the police, 12 people were arrested.", "police"),
    ("Twelve people were arrested, according to local media.", "local media"),
    ("The treaty was adopted in December.", None),
])
def test_attribution(sentence: str, name: str | None) -> None:
    (claim,) = extract(sentence)
    assert claim.attribution == name


def test_a_pronoun_subject_takes_the_previous_claims_subject() -> None:
    claims = extract("The treaty was adopted on Tuesday. It creates a global network.")
    assert [c.subject for c in claims] == ["treaty", "treaty"]


def test_he_said_takes_the_last_named_speaker() -> None:
    claims = extract("“It is done,” said Jack Smith. “We won the vote,” he said.")
    assert [c.attribution for c in claims] == ["Jack Smith", "Jack Smith"]


# --------------------------------------------------------------------------- frames

@pytest.mark.parametrize(("a", "b"), [
    ("The treaty took 5 years to finalize.", "The treaty took five years to finalise."),
    ("The Assembly adopted the convention.", "The Assembly adopts the convention."),
    ("States finalised the treaty text.", "States finalized the treaty text."),
    ("The defence ministry confirmed 3 deaths.", "The defense ministry confirmed 7 deaths."),
])
def test_paraphrases_with_other_spellings_or_values_share_a_frame(a: str, b: str) -> None:
    (ca,), (cb,) = extract(a), extract(b)
    assert ca.frame == cb.frame


def test_frame_masks_values_and_drops_stopwords() -> None:
    (claim,) = extract("The treaty took 5 years to finalize.")
    assert claim.frame.split() == ["treaty", "take", "{duration}", "finaliz"]
    assert "treaty" in claim.keywords


def test_keywords_hold_content_words_and_names() -> None:
    (claim,) = extract("The United Nations General Assembly adopted the convention.")
    assert {"adopt", "convention", "united nations general assembly"} <= set(claim.keywords)
    assert "the" not in claim.keywords


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("text", ["", "   \n ", "... --- !!! ???", "12 34 56\n78 90",
                                  "Page Loader\nSummarize\nFollow us:"])
def test_input_without_sentences_gives_no_claims(text: str) -> None:
    assert extract(text) == []


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(BinaryInput):
        extract("\x00\x01binary")


def test_html_with_scripts_only_gives_no_claims() -> None:
    page = "<html><body><script>document.write('The treaty was adopted.')</script></body></html>"
    assert extract(page, html=True) == []


def test_a_hundred_thousand_numbers_do_not_crash() -> None:
    text = "Totals: " + ", ".join(str(i) for i in range(100_000)) + "."
    report = extract_report(text)
    for claim in report.claims:
        assert report.cleaned.text[claim.start:claim.end] == claim.text


_PIECES = [*"abcXYZ 019.,;:!?-\"“”'()$%€\n", "and ", "said ", "not ", "Friday ", "five ",
           "million ", "U.S. ", "Dr. ", "years "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=200).map("".join))
def test_any_text_gives_claims_whose_spans_match(text: str) -> None:
    report = extract_report(text, published=date(2024, 8, 11))
    for claim in report.claims:
        assert report.cleaned.text[claim.start:claim.end] == claim.text
        assert claim.start >= claim.sentence_start and claim.end <= claim.sentence_end
        for value in claim.values:
            assert report.cleaned.text[value.start:value.end] == value.text


def test_the_benchmark_exits_cleanly_without_its_data(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.bench.extract import main

    assert main(["--data", str(tmp_path / "absent.jsonl")]) == 0
    assert "nothing to measure" in capsys.readouterr().out


def test_the_benchmark_measures_a_small_corpus(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.bench.extract import main

    data = tmp_path / "clusters.jsonl"
    data.write_text('{"cluster_id": "c", "articles": [{"title": "Treaty adopted", '
                    '"text": "The treaty took five years to finalize."}]}\n', encoding="utf-8")
    assert main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "articles/s" in out and "values/article      1.0" in out


@pytest.mark.parametrize(("text", "names"), [
    ("Officials met Lech Wałęsa in Łódź.", ("Lech Wałęsa", "Łódź")),
    ("Recep Tayyip Erdoğan visited São Paulo.", ("Recep Tayyip Erdoğan", "São Paulo")),
    # A capital inside a word opens no name.
    ("Sales of the iPhone rose on eBay.", ()),
])
def test_names_with_accented_capitals(text: str, names: tuple[str, ...]) -> None:
    assert entities(text) == names
