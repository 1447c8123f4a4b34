"""Conflicts between two reports of a story: a clash must be about the same thing.

Two sentences of two articles are paired on a few shared words; unlike ``relate``, nobody
has said they tell the same fact. Each case below is written after a false conflict read in
real multi-outlet news (ECB+ clusters), with a true conflict beside it where one applies.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.pipeline import ReportInput, compare, relate
from factcheck.pipeline.extract import extract_report
from factcheck.pipeline.signals import Signals, dated_event, signals
from factcheck.pipeline.values import find_values


def labels(a: str, b: str) -> list[tuple[str, tuple[str, ...]]]:
    """Return (label, reasons) of every pair ``compare`` finds between two one-line reports."""
    result = compare([ReportInput(a), ReportInput(b)])
    return [(p.judgement.label, p.judgement.reasons) for p in result.pairs]


def first(text: str) -> Signals:
    """Return the signals of the first claim extraction makes of ``text``."""
    claims = extract_report(text).claims
    assert claims, f"no claim in {text!r}"
    return signals(claims[0])


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


@pytest.mark.parametrize(("a", "b"), [
    # A title or a first name before the same surname is one person.
    ("All of a sudden there were five riot squad officers in my front yard, Luke Pigeon said.",
     "All of a sudden there were five riot squad officers in my front yard, Mr. Pigeon said."),
    ("Ms Palin visited the church on Saturday.", "Governor Palin visited the church on Saturday"),
    ("An arsonist has badly damaged the church attended by the Governor of Alaska, Sarah Palin",
     "A \"suspicious\" fire devastated the church attended by Alaska Gov. and former vice "
     "presidential candidate Sarah Palin on Friday night in her hometown of Wasilla, the "
     "church's minister said."),
    # A weekday is when, not who.
    ("Maurice Cheeks is out as Philadelphia 76ers head coach.",
     "On Saturday, Cheeks was fired as head coach of the Philadelphia 76ers."),
    # One name spelt two ways.
    ("Bettie Mae Page was born on April 22, 1923, in Nashville, Tennessee.",
     "She was born Betty Mae Page on April 22, 1923 in Nashville, Tennessee."),
    ("Esther Williams starred in aquatic Technicolour musicals of the 1940s and 1950s.",
     "Esther Williams starred in aquatic Technicolor musicals of the 1940s and 1950s."),
    # Abbreviations ("RB", "IR") and a headline's capitals are no names.
    ("Saints place Bush on IR", "Saints place RB Bush on injured reserve"),
    ("Hansbrough Sets Scoring Record in Victory",
     "Hansbrough sets Carolina's career scoring record"),
    # An English climber is a British one; a New Zealand-born Australian may be a New Zealander.
    ("One Australian and one English climber have fallen to their deaths in New Zealand.",
     "A British climber has fallen to his death in New Zealand."),
    ("The New Zealand-born Australian was planning to do some ski touring.",
     "The man, a New Zealander living in Melbourne, was planning to go ski touring."),
])
def test_no_conflict_between_two_names_of_one_thing(a: str, b: str) -> None:
    assert [r for r in conflicts(a, b) if "entity.differs" in r] == []


@pytest.mark.parametrize(("a", "b"), [
    # Not saying is no denial, and what someone would not say is not asserted either.
    ("Police couldn't say how many shots were fired.",
     "The gunman fired shots at the office workers, police said."),
    ("The fire chief said there hadn't been any recent threats to the church.",
     "He also declined to say whether the church has received any recent threats."),
    ("He would not specify how many people were in the building at the time of the blaze.",
     "It was not specified how many people were in the building at the time of the blaze."),
    # "not ... until" and "not just" deny nothing; what would not have happened "if" did.
    ("Indianapolis took its first lead of the game when Keiwan Ratliff intercepted a pass.",
     "The Colts didn't take their first lead until Keiwan Ratliff intercepted a pass."),
    ("That's both a rookie record and an NFL record.",
     "The drive tied an NFL record, not just a rookie record."),
    ("Saints place Bush on injured reserve",
     "Payton said the Saints would not have placed Bush on injured reserve if they were "
     "still fighting to reach the postseason."),
    # One denial told two ways; a one-word fragment says too little to be denied.
    ("There were no reports of injuries.", "No injuries were reported."),
    ("\"He didn't leak.",
     "Felt's devastating leaks as the Post's secret source helped undermine Nixon."),
    # A denial of where, where the other tells another place.
    ("Lindsay never checked into Morningside but is back at Betty Ford.",
     "Lindsay Lohan checked into the Betty Ford Center late Thursday."),
    ("\"Lindsay never checked into Morningside but is back at Betty Ford.",
     "Lindsay Lohan checked into the Betty Ford Clinic in Rancho Mirage on Thursday night."),
])
def test_no_polarity_conflict_without_a_denial_of_the_same_thing(a: str, b: str) -> None:
    assert [r for r in conflicts(a, b) if r[0].startswith("polarity")] == []


def test_a_denial_of_the_same_thing_still_conflicts_between_reports() -> None:
    found = conflicts("Buckley was not wearing crampons when he slipped.",
                      "Gaskin said Buckley was wearing crampons but was inexperienced.")
    assert [r[0] for r in found] == ["polarity.opposite"]


@pytest.mark.parametrize(("a", "b"), [
    # A day beside another word: two days of one story, not two accounts of one.
    ("The victim was gunned down Friday when a man showed up at the Christmas party.",
     "Employees were coping Saturday with the death of their boss, who was gunned down at "
     "their office Christmas party."),
    ("LuAnn Marie Johnson, 66, of Burnsville was killed Wednesday night when a car struck her.",
     "Police identified the victim on Thursday as LuAnn Marie Johnson of Burnsville."),
    # One word beside two years ties two events of a life as easily as one event.
    ("She also hosted the Grammys in 1996 and 1997.",
     "The popular talkshow host also fronted the Emmys in 2001 and 2005."),
])
def test_no_date_conflict_between_two_events(a: str, b: str) -> None:
    assert [r for r in conflicts(a, b) if r[0] == "value.mismatch.date"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("Mark Felt, who was known as the Watergate informant Deep Throat, died on Friday.",
     "Mark Felt, the Watergate informant known as Deep Throat, died Thursday at the age of 95."),
    ("Palmer voters in 2010 approved a $3 million bond to pay for the property.",
     "Voters in 2009 approved a $3 million bond to buy the properties, Bower said."),
])
def test_two_dates_of_one_event_still_conflict(a: str, b: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == ["value.mismatch.date"]


@pytest.mark.parametrize(("a", "b", "shown"), [
    ("Police arrested Mark Davis outside the bank on Friday.",
     "Police arrested Steve Davis outside the bank on Friday.", "Mark vs Steve"),
    ("The fire broke out at a Waitrose supermarket in Wellington on Friday night.",
     "The fire broke out at a Waitrose supermarket in Taunton on Friday night.",
     "Wellington vs Taunton"),
    ("Two Australian climbers have fallen to their deaths in New Zealand.",
     "Two British climbers have fallen to their deaths in New Zealand.", "Australian vs British"),
])
def test_two_names_for_one_role_still_conflict(a: str, b: str, shown: str) -> None:
    result = compare([ReportInput(a), ReportInput(b)])
    assert [p.judgement.reasons[0] for p in result.pairs] == ["entity.differs"]
    assert result.pairs[0].judgement.explanation.startswith(shown)


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


@pytest.mark.parametrize(("a", "b"), [
    # Two dates of two deeds, whatever words they share: a tsunami's and a later quake's.
    ("Aceh was hit extremely hard by the massive Boxing Day earthquake and tsunami in 2004, "
     "killing 170,000 people in Sumatra alone.",
     "In September 2009 a major earthquake near Padang city on Sumatra killed more than "
     "1,000 people."),
    # Quotation marks end no clause: the verb before "in 2004" is still "hit".
    ('Aceh was hit extremely hard by the massive "Boxing Day" earthquake and tsunami in 2004, '
     "killing 170,000 people in Sumatra alone.",
     "In September 2009 a major earthquake near Padang city on Sumatra killed more than "
     "1,000 people."),
    # A warrant issued and an arrest; an acquittal and an attempted murder.
    ("Jeffs ordered the destruction of discs three days after an arrest warrant was issued "
     "for him on June 10, 2005.", "The recording was seized when Jeffs was arrested in 2006."),
    ("Mr. Gigante was acquitted in 1958 on charges of attempted murder.",
     "Gigante carried out an attempted hit on the boss of the family, Frank Costello, in 1957."),
    # A day after "after" dates what follows it (the fire), not the report's verb.
    ("Residents evacuated from their homes after a huge fire at a Waitrose store in Banstead "
     "on Friday night have been allowed to return to their homes.",
     "They had all been allowed to return by Saturday evening."),
])
def test_two_dates_of_two_deeds_do_not_conflict(a: str, b: str) -> None:
    assert [r for r in conflicts(a, b) if r[0] == "value.mismatch.date"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("The son sold one of their oil fields for a reported $30 million in 1957.",
     "Young Frederick worked in the oil field until it was sold for a reported $30 million "
     "in 1967."),
    ("Mr. LaRue pleaded guilty to obstruction of justice in July 1973.",
     "On June 27, 1973, he pleaded guilty to one charge of conspiring to obstruct justice."),
    ("Canadian authorities filed charges on Wednesday against the leader of the group.",
     "The criminal charges against the leader of the group were filed Tuesday."),
    ("A judge on Thursday upheld the jury's recommendation that Orozco die for his crimes.",
     "A judge upheld the jury's recommendation on Friday that Orozco die for his crimes."),
])
def test_two_dates_of_one_deed_still_conflict(a: str, b: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == ["value.mismatch.date"]


@pytest.mark.parametrize(("text", "phrase", "deed"), [
    # "a reported $30 million" describes the sum; the deed is the sale.
    ("The son sold the field for a reported $30 million in 1957.", "1957", "sell"),
    # A date opening its clause dates the verb after it.
    ("In 1957, Page disappeared from the cameras.", "1957", "disappear"),
    ("A judge on Thursday upheld the ruling.", "Thursday", "upheld"),
    # A date inside an "after" phrase dates a noun: no deed to compare.
    ("Residents evacuated after a fire on Friday night.", "Friday", ""),
    ("Authorities filed charges on Wednesday.", "Wednesday", "file"),
])
def test_the_deed_a_date_dates(text: str, phrase: str, deed: str) -> None:
    assert dated_event(text, phrase) == deed


def test_a_mixed_number_is_one_value_between_reports() -> None:
    half = "LaRue served four and a half months in prison for his role in Watergate."
    assert [label for label, _r in labels(
        half, "LaRue, a Nixon aide who served a 4-1/2-month prison term for his role in "
              "Watergate, died.")] == ["agree"]
    assert [label for label, _r in labels(
        half, "LaRue served 4½ months in prison for his role in Watergate.")] == ["agree"]
    assert [r[0] for r in conflicts(
        half, "LaRue served four months in prison for his role in Watergate.")] == [
        "value.mismatch.number"]
    # A name is no "the <subject>": the explanation says "how long it took".
    shown = compare([ReportInput(half), ReportInput(
        "LaRue served four months in prison for his role in Watergate.")])
    assert shown.pairs[0].judgement.explanation.startswith(
        "Both give how long it took: four and a half months vs four months")
    # A time ago read from the text alone keeps its half too.
    ago = first("SeaMicro is the server upstart founded four and a half years ago.")
    assert [(n.kind, n.low) for n in ago.numbers] == [("ago", 4.5)]


@pytest.mark.parametrize(("a", "b"), [
    # Two models told apart by their size: their prices are of two things.
    ("The 13 - inch model comes in $1,199 and $1,499 versions.",
     "The 15 - inch is offered in $1799 and $2199 models with beefier quad - core chips."),
    # Two climbers told apart by their ages: their falls are two falls.
    ("A 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki "
     "Mount Cook.",
     "On Saturday, 32 - year - old Englishman Robert Buckley fell about 600m while climbing "
     "to a small hut on Mount Sefton."),
])
def test_values_of_two_variants_do_not_conflict(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_a_variant_clashes_beside_an_equal_value() -> None:
    found = conflicts("A 36 - year - old climber fell 150 metres to his death at Mount Cook.",
                      "A 32 - year - old climber fell 150 metres to his death at Mount Cook.")
    assert [r[0] for r in found] == ["value.mismatch.number"]


def test_an_equal_age_alone_is_no_agreement_between_reports() -> None:
    found = judgements("John Jenkin, 23, had been sectioned after an apparent suicide attempt.",
                       "John Jenkin, 23, of Millom was arrested after police found two women "
                       "dead in a house.")
    assert found
    assert [label for label, _r, _e in found] == ["complement"]
    # Two ages of two people named beside them are no clash.
    assert conflicts("Also arrested were Lopez' half-brother, 17-year-old Kristian, and "
                     "Carrasquillo.",
                     "Lopez and his half-brother Jonathan Carrasquillo, 24, were arrested in "
                     "connection with a shooting.") == []


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
    assert first(text).refuted is refuted


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


def judgements(a: str, b: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Return (label, reasons, explanation) of every pair between two one-line reports."""
    result = compare([ReportInput(a), ReportInput(b)])
    return [(p.judgement.label, p.judgement.reasons, p.judgement.explanation)
            for p in result.pairs]


@pytest.mark.parametrize(("a", "b"), [
    # Who speaks is no party to what is said, wherever the attribution stands.
    ("Peter Capaldi says: \"Being asked to play the Doctor is an amazing privilege.",
     "\"Being asked to play the Doctor is an amazing privilege, \" Capaldi said."),
    ("Monday, he looked as if he was trying to hide something, Troy Police Chief Charles "
     "Craft said.",
     "Some witnesses told police that when the shooter walked into the office at about 10am "
     "today, he looked as if he was trying to hide something, Troy Police Chief Charles "
     "Craft said."),
    ("Internet Explorer issue 'fixed', say Microsoft",
     "Microsoft has issued a security patch to fix a critical vulnerability in its Internet "
     "Explorer browser which it said has attacked over 2m Windows users."),
])
def test_a_speaker_told_first_or_last_is_no_role_swap(a: str, b: str) -> None:
    found = judgements(a, b)
    assert found
    assert all("role.swapped" not in reasons for _l, reasons, _e in found)


@pytest.mark.parametrize(("a", "b", "shown"), [
    ("In 1984 Natta succeeded Berlinguer as party secretary.",
     "In 1984 Berlinguer succeeded Natta as party secretary.", "Natta and Berlinguer"),
    ("Federer beat Nadal in the final on Sunday, Reuters said.",
     "On Sunday, Nadal beat Federer in the final, the AP said.", "Federer and Nadal"),
])
def test_two_parties_in_swapped_roles_conflict(a: str, b: str, shown: str) -> None:
    [(label, reasons, explanation)] = judgements(a, b)
    assert (label, reasons[0]) == ("conflict", "role.swapped")
    assert explanation.startswith(f"{shown} swap roles")


def test_names_of_one_festival_are_no_swap_in_relate() -> None:
    rel = relate("Moonlight premiered at the Telluride Film Festival in 2016.",
                 "Filmed in Miami, Florida, beginning in 2015, Moonlight premiered at the "
                 "Telluride Film Festival on September 2, 2016.")
    assert "role.swapped" not in rel.reasons
    assert rel.label == "agree"


@pytest.mark.parametrize(("text", "refuted"), [
    ("One juror was dismissed because of a family medical emergency.", False),
    ("Karamanlis has dismissed calls to quit, saying the country needs a steady hand.", False),
    ("But the Trail Blazers rebuffed him three times.", False),
    ("LaCalamita had been denied a handgun permit in March.", False),
    # Denying an offer or a request turns it down; denying that it was made refutes.
    ("He denied a Nichols offer a year ago to plead guilty in exchange for a life sentence.",
     False),
    ("The judge denied bail.", False),
    ("The company denied the request was ever made.", True),
    # A dispute over something is a quarrel, a thing in doubt uncertain, a right denied
    # refused.
    ("But there have been lingering disputes over border demarcation.", False),
    ("The operation put his fitness to stand trial in doubt once again.", False),
    ("The extradition would deny him the right to a speedy trial.", False),
    ("First, Keiwan Ratliff fooled David Garrard and intercepted the pass.", False),
    ("They are signed on for the sequel and, no doubt, the third film as well.", False),
    ("The ministry dismissed the reports as rumours.", True),
    ("DHS Rebuffs Congressman's Claim ISIS Infiltrating Southern Border", True),
    ("He also discounted rumors he was Deep Throat.", True),
    ("The poll was dismissed by critics as a sham.", True),
    ("The claim was denied by the company on Friday.", True),
    ("Media Fooled Again? Story Claims Girls Came Home Pregnant", True),
])
def test_only_a_claim_dismissed_or_denied_is_refuted(text: str, refuted: bool) -> None:
    assert first(text).refuted is refuted


@pytest.mark.parametrize(("a", "b"), [
    # Both call it false, in other words.
    ("The poll was dismissed by critics as a sham.", "Critics say the poll is a sham."),
    ("Mr. LaRue denied suggestions that he was Deep Throat, the secret Watergate source.",
     "LaRue insisted he was not Deep Throat, the secret Watergate source."),
    # A rumour called false, against a report that there was the rumour.
    ("LaRue also discounted rumors that he was Deep Throat.",
     "LaRue was among those rumored to be Deep Throat."),
    # A tip called a hoax, against what the raid it led to found.
    ("During the raid of the ranch, executed after a tip that turned out to be a hoax, police "
     "witnessed several underage girls who were heavily pregnant.",
     "But police saw underage girls at the ranch who were clearly pregnant."),
])
def test_no_refutation_conflict_between_two_accounts_of_one_denial(a: str, b: str) -> None:
    found = judgements(a, b)
    assert found
    assert all("polarity.refuted" not in reasons for _l, reasons, _e in found)


@pytest.mark.parametrize("denial", [
    "The Interior Department said no decision had yet been made on the matter.",
    "The Interior Department said no decision on the matter has been made so far.",
])
def test_a_denial_so_far_is_an_earlier_moment_between_reports(denial: str) -> None:
    news = "The Interior Department sent out a press release announcing the decision."
    assert conflicts(news, denial) == []
    # Without "yet" or "so far" the denial still clashes.
    assert [r[0] for r in conflicts(
        "The Interior Department made the decision on the matter on Thursday.",
        "The Interior Department did not make the decision on the matter on Thursday.")] == [
        "polarity.opposite"]


@pytest.mark.parametrize(("a", "b"), [
    ("It killed 612 people.",
     "A powerful earthquake hit southern Iran on Sunday, causing major destruction in seven "
     "villages and killing 10 people and injuring 80."),
    ("He had just 269 yards rushing.",
     "Ivory rushed for 716 yards this year, leading the Saints in rushing."),
])
def test_a_pronoun_with_one_word_beside_it_clashes_with_no_count(a: str, b: str) -> None:
    assert conflicts(a, b) == []


@pytest.mark.parametrize(("a", "b"), [
    ("A 6.7-strength quake killed more than 26,000 people in the city of Bam in December "
     "2003.", "The quake killed 10 people and injured about 50 in the city."),
    ("In February, a quake hit the town of Zarand, killing 612 people and wounding 1,400.",
     "The quake killed 10 people and wounded 80 in the town."),
    ("At the end of July, an armed man robbed a diamond exhibition in Cannes, making off with "
     "jewellery worth 103 million euros.",
     "The armed man made off with jewellery worth an estimated two million euros."),
])
def test_a_count_of_a_recalled_event_clashes_with_no_undated_count(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_a_count_dated_on_its_reports_day_still_clashes() -> None:
    a = "On November 3, the quake killed 26 people in the city of Bam."
    b = "The quake killed 10 people in the city of Bam."
    # Without a publication date "November 3" may be an older event.
    assert conflicts(a, b) == []
    result = compare([ReportInput(a, published=date(2005, 11, 4)),
                      ReportInput(b, published=date(2005, 11, 4))])
    assert [p.judgement.reasons[0] for p in result.pairs if p.judgement.label == "conflict"] \
        == ["value.mismatch.number"]
    # Dated months before the report, it is an older event again.
    result = compare([ReportInput(a, published=date(2005, 12, 20)),
                      ReportInput(b, published=date(2005, 12, 20))])
    assert [p for p in result.pairs if p.judgement.label == "conflict"] == []
    # Both dated alike, in the same words, the counts clash: the equal date excuses nothing.
    assert [r[0] for r in conflicts("In December 2003 the quake killed 26,000 people in Bam.",
                                    "In December 2003 the quake killed 31,000 people in Bam.")] \
        == ["value.mismatch.number"]
    assert relate("In December 2003 the quake killed 26,000 people in Bam.",
                  "In December 2003 the quake killed 31,000 people in Bam.").label == "conflict"


def test_a_day_of_a_month_without_its_year_is_a_date_not_a_count() -> None:
    s = first("The quake struck on Dec. 30, killing 4 people.")
    assert [(n.kind, n.text) for n in s.numbers if n.kind != "date"] == [("count", "4 people")]
    assert not any(t.startswith("#number:30") for t in s.content)
    # Compared as days of a month, with each other only.
    found = relate("The 10-year yield reached its highest level since Jan. 18.",
                   "The 10-year yield reached its highest level since Jan. 17.")
    assert (found.label, found.reasons[0]) == ("conflict", "value.mismatch.date")
    found = relate("The 10-year yield reached its highest level since Jan. 18.",
                   "The 10-year yield reached its highest level since 18 January.")
    assert found.label == "agree"
    assert relate("The shop opened in November and was busy.",
                  "The shop was busy on Jan. 18.").label != "conflict"


def test_a_bare_number_after_a_count_counts_the_same() -> None:
    both = "Jamaal Charles rushed for 226 yards while Peyton Hillis added 101."
    assert conflicts("Peyton Hillis added 101 yards on the ground for the Chiefs, who had 352 "
                     "yards rushing in a losing effort.", both) == []
    assert conflicts("RB Peyton Hillis rushed for 101 yards.", both) == []
    # Hillis's 101 yards against his 104 still clash.
    assert [r[0] for r in conflicts("Peyton Hillis rushed for 104 yards against the Colts.",
                                    both)] == ["value.mismatch.number"]
    # A compound of its own keeps no unit from before: "his 7 - yard touchdown pass".
    assert conflicts("Luck broke Newton's record of 4,051 yards passing in the second quarter.",
                     "Luck threw for 205 yards Sunday, and his 7 - yard touchdown pass gave the "
                     "Colts the victory.") == []


@pytest.mark.parametrize(("text", "attributed"), [
    ("Jamaal Charles rushed for 226 yards while Peyton Hillis added 101.", False),
    ("The team added three players to its roster.", False),
    ("The deal will close next year, he added.", True),
    ("He added that the deal would close next year.", True),
    ("The deal will close next year, the company said.", True),
])
def test_added_reports_only_what_is_said(text: str, attributed: bool) -> None:
    assert first(text).attributed is attributed


def test_a_percentage_before_a_noun_measures_that_noun() -> None:
    margin = ("The poll of 520 people in the Kathimerini newspaper gave a 4.5 percent margin "
              "of error.")
    assert conflicts(margin, "The poll in the Kathimerini newspaper found that 68 per cent of "
                             "Greeks believe the government has mishandled the crisis.") == []
    # Two margins of one poll still clash.
    assert [r[0] for r in conflicts(
        "The Kathimerini poll of Greeks gave a 4.5 percent margin of error.",
        "The Kathimerini poll of Greeks gave a 3 percent margin of error.")] == [
        "value.mismatch.number"]


def test_not_being_at_a_place_denies_only_being_there() -> None:
    away = "Kroon said he was not at the church when the fire broke out"
    assert conflicts(away, "Larry Kroon, pastor of the Wasilla Bible Church, estimates damages "
                           "at more than $1 million to the church.") == []
    assert [r[0] for r in conflicts(away, "Kroon was at the church when the fire broke out.")] \
        == ["polarity.opposite"]


def test_news_is_no_new_and_theres_no_word() -> None:
    assert "ther" not in first("There's a new dawn for Twilight.").content
    assert "ther" not in first("It's a new dawn and that's that.").content
    assert "news" in first("The studio said there's no news to report.").content
    assert conflicts("There's a new dawn for Twilight.",
                     "A studio said there's no news to report on Twilight.") == []


def test_no_evidence_for_one_thing_denies_no_evidence_for_another() -> None:
    found = relate("There's no empirical evidence for climate change.",
                   "A skeptic questions beliefs on the basis of scientific understanding and "
                   "empirical evidence.")
    assert found.label != "conflict"
    assert relate("There's no empirical evidence for climate change.",
                  "There is empirical evidence for climate change.").label == "conflict"


def test_a_nationality_swaps_no_role_and_never_say_never_denies_nothing() -> None:
    assert conflicts(
        "She was elected to the American Medical Association Board of Trustees in 1995, making "
        "her the first physician under age 40 and the first African - American woman elected.",
        "She was the first African - American woman and physician under 40 to be elected to "
        "the American Medical Association Board of Trustees.") == []
    assert [r[0] for r in conflicts("Natta succeeded Berlinguer as leader of the party.",
                                    "Berlinguer succeeded Natta as leader of the party.")] == [
        "role.swapped"]
    assert not first("You never say never when it comes to Tyler, Hansbrough said.").negated


def test_a_hoax_refutes_a_report_of_the_message_it_names() -> None:
    found = conflicts("The tip that led to the raid on the ranch turned out to be a hoax.",
                      "Police raided the ranch after a tip from a girl who said she was abused.")
    assert [r[0] for r in found] == ["polarity.refuted"]


def test_a_refutation_of_what_the_other_asserts_still_conflicts() -> None:
    found = conflicts("Reports that the company recalled 5,000 cars are false, the company said.",
                      "The company recalled 5,000 cars on Monday, the company said.")
    assert [r[0] for r in found] == ["polarity.refuted"]


@pytest.mark.parametrize(("a", "b"), [
    # The name before the denial is someone the other report never names.
    ("Unlike stars Jennifer Lawrence, Josh Hutcherson and Liam Hemsworth, Ross is not "
     "signed for a sequel.",
     "The three leads Jennifer Lawrence, Josh Hutcherson, and Liam Hemsworth are already "
     "signed on to appear in the sequel."),
    ("Cheeks' record as an NBA head coach with Portland and Philadelphia stands at 284-286.",
     "DiLeo has never been an NBA coach."),
    # Both say it has not happened yet.
    ("Riva had yet to regain consciousness Wednesday.", "Riva had not yet regained "
     "consciousness."),
    # Idioms that deny nothing.
    ("It's a tough job hosting the Academy Awards.",
     "So without further ado, Hugh, a list of dos and don'ts when hosting the Academy "
     "Awards:"),
])
def test_no_denial_conflict_with_another_party_or_an_idiom(a: str, b: str) -> None:
    found = judgements(a, b)
    assert found
    assert all(not reasons or not reasons[0].startswith("polarity")
               for _l, reasons, _e in found)


def test_a_denial_about_the_named_party_still_conflicts() -> None:
    found = conflicts("Tony DiLeo has a wealth of coaching experience in the NBA.",
                      "DiLeo has never been an NBA coach.")
    assert [r[0] for r in found] == ["polarity.opposite"]


@pytest.mark.parametrize(("text", "hedged"), [
    ("The three leads are already signed on to appear in the sequel.", False),
    ("She appears on the show every week.", False),
    ("The fire appears to have started in the kitchen.", True),
    ("It appears the deal is off.", True),
])
def test_appear_hedges_only_as_seeming(text: str, hedged: bool) -> None:
    assert first(text).hedged is hedged


def test_opening_fire_is_no_opening() -> None:
    assert conflicts("A woman opened fire at the Kraft factory in Philadelphia last night.",
                     "Kraft has closed the Philadelphia factory until further notice.") == []
    opened = conflicts("The Kraft factory in Philadelphia opened on Monday.",
                       "The Kraft factory in Philadelphia closed on Monday.")
    assert [r[0] for r in opened] == ["polarity.antonym"]


@pytest.mark.parametrize(("a", "b"), [
    ("The 4th parliamentary election of Turkmenistan ended Sunday evening as scheduled, said "
     "reports from Ashgabat, Turkmenistan's capital.",
     "Voters in Turkmenistan began to cast their ballots at 8: 00 am local time (0300 GMT) "
     "on Sunday in the country's fourth parliamentary election, said reports from Ashgabat, "
     "Turkmenistan's capital."),
    ("Lindsay Lohan has left the Betty Ford Center.",
     "After skipping out on entering a Newport Beach rehabilitation facility, Lindsay Lohan "
     "has checked into the Betty Ford Center to begin a 90-day court-mandated stay."),
])
def test_two_moments_of_a_story_neither_clash_nor_agree(a: str, b: str) -> None:
    found = judgements(a, b)
    assert found
    assert all(label == "complement" for label, _r, _e in found)
    assert any("two moments" in explanation for _l, _r, explanation in found)


def test_a_running_total_holds_the_count_of_one_operation() -> None:
    [(label, reasons, explanation)] = judgements(
        "So far, the Indian Navy has confiscated 14 AK-47 rifles, 31 magazines and 923 "
        "rounds of ammunition from pirates.",
        "During the operation, six AK-47 rifles, 12 magazines and about 300 rounds of "
        "ammunition were found and confiscated, the officer said.")
    assert label == "complement"
    assert "scope.differs" in reasons
    assert "the first gives a running total" in explanation


def test_a_running_total_smaller_than_the_other_count_still_conflicts() -> None:
    found = conflicts("So far, 457 deaths from bird flu have been reported in 21 countries.",
                      "457 deaths from bird flu have been reported in 25 countries.")
    assert [r[0] for r in found] == ["value.mismatch.number"]


@pytest.mark.parametrize(("a", "b"), [
    # Two names in two places: a magazine's name and its Web site.
    ("\"We appreciate your respect for her privacy,\" the actress's rep Jack Ketsoyan tells "
     "People magazine.",
     "\"We appreciate your respect for her privacy,\" the actress's rep Jack Ketsoyan told "
     "the magazine exclusively for their Web site."),
    # "only in IE 7" and a patch for a browser.
    ("Microsoft stressed that the flaw was proven to exist only in IE 7 on all applicable "
     "versions of Windows, but that IE 6 and the \"beta\" release of IE 8 were \"potentially "
     "vulnerable\".", "Microsoft releases emergency patch for Web browser"),
    # "IE" is "Internet Explorer" spelled short.
    ("Microsoft has said that an emergency security update has fixed a flaw in Internet "
     "Explorer that left millions of computers vulnerable to hacking and hijack.",
     "Microsoft stressed that the flaw was proven to exist only in IE 7 on all applicable "
     "versions of Windows, but that IE 6 and the \"beta\" release of IE 8 were \"potentially "
     "vulnerable\"."),
    # Two nationalities of two parties: the commandos and the pirates.
    ("Indian marine commandos boarded the pirate boats and seized seven AK-47 rifles.",
     "The commandos boarded the boats and seized seven AK-47 rifles from the 12 Somali "
     "pirates on board."),
])
def test_no_entity_conflict_between_names_in_two_places(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


def test_passed_and_rejected_are_opposites() -> None:
    rel = relate("On May 17, 2005, the National Assembly of Kuwait passed, by a majority of "
                 "35 to 23, an amendment to its electoral law that would allow women to vote.",
                 "A pro-women amendment was rejected by the National Assembly of Kuwait.")
    assert rel.label == "conflict"
    assert "polarity.antonym" in rel.reasons


@pytest.mark.parametrize(("text", "negated"), [
    ("Creighton will play No. 5 seed Indiana State on Saturday.", False),
    ("He was the No. 2 official at the FBI.", False),
    ("It was no small feat.", False),
    ("No-one was injured in the fire.", True),
    ("No students were hurt.", True),
])
def test_a_rank_is_no_denial_and_no_one_is(text: str, negated: bool) -> None:
    assert first(text).negated is negated


def test_a_rank_does_not_deny_the_win() -> None:
    found = labels("Tyler Hansbrough scored 20 Thursday night to break North Carolina's "
                   "career scoring record and help the No. 1 Tar Heels remain unbeaten with "
                   "a 91-73 victory over Evansville.",
                   "Hansbrough scored 20 points Thursday night, breaking North Carolina's "
                   "career scoring record, and the Tar Heels beat visiting Evansville, 91-73.")
    assert [label for label, _r in found] == ["agree"]


@pytest.mark.parametrize(("a", "b"), [
    # A fragment of two words is in any sentence that uses them.
    ("The system has failed us.",
     "The death has tapped into anger about corruption, nepotism and a failing education "
     "system."),
    # A short denial is not said "in other words" by the sentence it denies.
    ("Maurice Cheeks became the fifth NBA head coach to be fired this season.",
     "DiLeo has never been an NBA coach."),
])
def test_no_agreement_from_a_fragment_or_a_denial_between_reports(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "agree"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("Indonesia sits on the Pacific \"Ring of Fire\" where continental plates collide, "
     "causing frequent seismic and volcanic activity.",
     "Indonesia sits on the Pacific \"Ring of Fire\" where tectonic plates collide, causing "
     "frequent seismic and volcanic activity."),
    ("\"We are at a fork in the road.\"", "\"We are at a fork in the road.\""),
    ("There were no reports of injuries.",
     "Director Owen says no injuries have been reported in the blaze."),
])
def test_the_same_said_in_other_words_still_agrees_between_reports(a: str, b: str) -> None:
    assert [label for label, _r in labels(a, b)] == ["agree"]


@pytest.mark.parametrize(("text", "minutes"), [
    ("The gunman entered the party around 4 p.m. on Friday.", 960.0),
    ("The gunman entered the party around 4:00 p.m. on Friday.", 960.0),
    ("Crews were called to the store just after 6am.", 360.0),
    ("Hansbrough tied Ford on a jumper with 14:05 left in the first half.", 845.0),
])
def test_a_clock_time_is_one_value(text: str, minutes: float) -> None:
    assert [(n.kind, n.low) for n in first(text).numbers] == [("time", minutes)]


def test_a_team_named_with_a_number_is_no_value() -> None:
    assert [n.text for n in first("DiLeo has spent 19 seasons with the 76ers.").numbers] == [
        "19 seasons"]


@pytest.mark.parametrize(("a", "b"), [
    # A part of the whole, an increment to it, or another person's age.
    ("DiLeo has spent 19 seasons with the 76ers.",
     "A Philadelphia fixture, DiLeo spent his first 11 seasons as a scout with the 76ers."),
    ("He was sentenced to 12 years in prison for racketeering.",
     "In April 2003, he pleaded guilty to obstruction, adding three years to his sentence "
     "for racketeering."),
    ("Police arrested the driver who killed a 66-year-old woman outside the Sam's Club.",
     "A man outside the Sam's Club told the 36-year-old driver to stop, police said."),
    # Two moments of one game are two plays.
    ("Hansbrough tied Ford on a jumper with 14:05 left in the first half.",
     "Hansbrough set the record with a bank shot with 7:42 left in the first half."),
])
def test_no_value_conflict_between_a_whole_and_what_is_not_it(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("The shooting happened at 3:10 p.m. on Friday.", "The shooting happened at 4:10 p.m. on "
     "Friday."),
    ("DiLeo spent his first 11 seasons as a scout with the 76ers.",
     "DiLeo spent his first 12 seasons as a scout with the 76ers."),
    ("The 66-year-old woman was hit in the crosswalk outside the Sam's Club.",
     "The 62-year-old woman was hit in the crosswalk outside the Sam's Club."),
])
def test_the_same_moment_part_or_age_told_differently_still_conflicts(a: str, b: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == ["value.mismatch.number"]


@pytest.mark.parametrize(("text", "refuted"), [
    ("Dr. Benjamin holds a BS in Chemistry from Xavier University.", False),
    ("Fox News Floats BS Story About Fleeing Marines Giving Rebels Their Guns", True),
    ("There's got to be something wrong with those players, King said.", False),
    ("The report was wrong about the date of the attack.", True),
    ("We actually got delivery pricing wrong, the chief executive said.", True),
    ("Nicaragua Meteorite Impact Theory May Be Meteor-wrong", True),
    ("He pleaded guilty to obstructing justice by misleading doctors.", False),
    ("The company said the report was highly misleading.", True),
    ("Microsoft shipped 13 security bulletins that made up Patch Tuesday last week.", False),
    ("Capaldi is best known for playing Malcolm Tucker in political satire The Thick of It.",
     False),
    ("Satirical news site attacks China's weird English names", True),
    ("Any chance for a quiet second half was put to rest as the Chiefs tied the game.", False),
    ("The minister put those rumours to rest on Monday.", True),
])
def test_wrong_misleading_and_made_up_refute_only_a_claim(text: str, refuted: bool) -> None:
    assert first(text).refuted is refuted


@pytest.mark.parametrize(("a", "b"), [
    # A denial inside a relative or concessive clause denies nothing the other says.
    ("Ms Palin visited the church on Saturday.",
     "Ms. Palin, who was not at the church at the time of the fire, stopped by Saturday."),
    ("T-Mobile will offer the BlackBerry Curve 8900 to customers in February.",
     "T-Mobile will be carrying the BlackBerry Curve 8900 this February, although it will "
     "not offer 3G data service."),
    # Two ways of saying it is not known yet.
    ("The results won't be known for a few weeks.", "The results are not yet known."),
])
def test_no_denial_conflict_from_an_aside_or_a_later_time(a: str, b: str) -> None:
    found = judgements(a, b)
    assert found
    assert all(not reasons or not reasons[0].startswith("polarity")
               for _l, reasons, _e in found)


def test_a_denial_in_the_main_clause_still_conflicts() -> None:
    found = conflicts("Ms Palin visited the church on Saturday.",
                      "Ms Palin was not at the church on Saturday.")
    assert [r[0] for r in found] == ["polarity.opposite"]


def test_a_relative_time_told_alike_is_one_time_across_publication_days() -> None:
    result = compare([
        ReportInput("She returned to her home town 12 weeks ago after a spell in Cardiff.",
                    published=date(2013, 6, 10)),
        ReportInput("She returned to her home town with John 12 weeks ago.",
                    published=date(2013, 6, 12)),
    ])
    assert [p.judgement.label for p in result.pairs] == ["agree"]
    assert "12 weeks ago and 12 weeks ago" in result.pairs[0].judgement.explanation


def test_a_capital_stands_for_its_country() -> None:
    a = "Taban Deng, the governor of Unity state, accused Sudan of carrying out the attack."
    assert conflicts(a, a.replace("Sudan", "Khartoum")) == []
    assert [r[0] for r in conflicts(a, a.replace("Sudan", "Chad"))] == ["entity.differs"]


def test_a_question_denies_nothing() -> None:
    a, b = ("the Colts got it done.",
            "\"Would we have done it without him? \" Colts interim coach Bruce Arians asked.")
    assert labels(a, b)
    assert conflicts(a, b) == []


@pytest.mark.parametrize(("a", "b"), [
    ("The Colts got it done.", "The Colts did not get it done."),
    ("Lindsay checked into Betty Ford on Thursday.",
     "Lindsay never checked into Betty Ford on Thursday."),
])
def test_an_asserted_denial_of_the_same_thing_still_conflicts(a: str, b: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == ["polarity.opposite"]


@pytest.mark.parametrize(("text", "negated"), [
    ("'I cant speak for the first death", True),
    ("They dont know where he is.", True),
    ("As was his wont, he spoke first.", False),
])
def test_a_contraction_without_its_apostrophe_still_denies(text: str, negated: bool) -> None:
    assert first(text).negated is negated


@pytest.mark.parametrize(("text", "refuted"), [
    ("The flaw lies in the way Internet Explorer's data-binding function works.", False),
    ("The island lies off the coast of Sumatra.", False),
    ("Microsoft says the report is all lies.", True),
])
def test_lying_somewhere_calls_nothing_false(text: str, refuted: bool) -> None:
    assert first(text).refuted is refuted


def test_the_speaker_after_a_quote_with_firm_and_title_swaps_no_role() -> None:
    quote = ("It is an honor to welcome back Ellen DeGeneres as the host of the biggest "
             "entertainment celebration of the year")
    found = labels(f"Meanwhile, ABC Entertainment Group president Paul Lee said, \"{quote}. \"",
                   f"\u201c {quote}, \u201d said Paul Lee, president, ABC Entertainment Group.")
    assert found
    assert all(label != "conflict" for label, _r in found)


def test_shares_of_two_wholes_do_not_conflict_but_of_one_whole_do() -> None:
    a = ("IBM leads in technology services, which account for about 60 percent of its "
         "revenue, Hanna said.")
    assert conflicts(a, "With $54 billion in services revenue, IBM had 7.2% of the market.") == []
    one_whole = conflicts(a, "IBM's technology services division brought in revenue of $54 "
                             "billion last year, accounting for half of the company's total sales.")
    assert [r[0] for r in one_whole] == ["value.mismatch.number"]


def test_a_conversion_in_brackets_keeps_the_bound_it_converts() -> None:
    found = find_values("The camp lies less than 50 km (30 miles) from the border.")
    assert [(v.text, v.bound) for v in found] == [("less than 50 km", "less_than"),
                                                   ("30 miles", "less_than")]
    b = "An air strike hit the refugee camp, less than 50 km (30 miles) from the border."
    assert conflicts("The refugee camp is located 10 miles south of the border.", b) == []
    assert [r[0] for r in conflicts("The refugee camp is located 40 miles south of the border.",
                                    b)] == ["value.mismatch.number"]


def test_a_recalled_year_does_not_conflict_with_the_day_of_the_news() -> None:
    news = ReportInput("Wladimir Klitschko stopped Tony Thompson in the sixth round on Saturday.",
                       published=date(2012, 7, 9))
    recalled = ReportInput("In 2008, Klitschko stopped Thompson in the 11th round.",
                           published=date(2012, 7, 8))
    assert all(p.judgement.label != "conflict" for p in compare([news, recalled]).pairs)
    other_year = ReportInput("In 2009, Klitschko stopped Thompson in the 11th round.",
                             published=date(2012, 7, 8))
    assert [p.judgement.reasons[0] for p in compare([recalled, other_year]).pairs
            if p.judgement.label == "conflict"] == ["value.mismatch.date"]


def test_whom_a_statement_was_told_to_is_no_party_to_the_event() -> None:
    a = "Tara Reid checked herself into Promises Treatment Center, her rep told People."
    told = conflicts(a, "\"Tara Reid has checked herself into Promises Treatment Center,\" "
                        "her rep told UsMagazine.com.")
    assert told == []
    elsewhere = conflicts(a, "Tara Reid checked herself into Passages Treatment Center, "
                             "her rep told People.")
    assert [r[0] for r in elsewhere] == ["entity.differs"]


@pytest.mark.parametrize(("text", "negated"), [
    ("Jurors recommended the maximum sentence, life without the possibility of parole.", True),
    ("The jury recommended the maximum sentence of life in prison without parole.", True),
    ("He was sentenced to life with the possibility of parole.", False),
    ("But there isn't much Intel can do about SeaMicro being in AMD's hands.", False),
    ("There isn't a deal on the table.", True),
    # "It wasn't until ... that" asserts what followed.
    ("It wasn't until May 30, 2005, that Felt's family revealed his identity.", False),
])
def test_life_without_parole_denies_alike_and_not_much_denies_nothing(
        text: str, negated: bool) -> None:
    assert first(text).negated is negated


def test_two_ways_of_saying_life_without_parole_agree() -> None:
    found = labels("Jurors recommended the maximum sentence, life without the possibility of "
                   "parole.",
                   "The jury recommended the maximum sentence of life in prison without parole.")
    assert [label for label, _r in found] == ["agree"]
    opposed = conflicts("Jurors recommended life with the possibility of parole.",
                        "The jury recommended life in prison without parole.")
    assert [r[0] for r in opposed] == ["polarity.opposite"]


def test_distances_from_two_places_do_not_conflict_but_from_one_place_do() -> None:
    a = "The quake struck about 14 miles north-northeast of Healdsburg, the USGS said."
    assert conflicts(a, "The quake struck two miles northeast of The Geysers, the USGS "
                        "said.") == []
    same_place = conflicts(a, "The quake struck two miles north-northeast of Healdsburg, the "
                              "USGS said.")
    assert [r[0] for r in same_place] == ["value.mismatch.number"]
    # A conversion in brackets keeps the place: "75 kilometers (50 miles) west of".
    converted = conflicts("The quake struck 75 kilometers (50 miles) west of the region's main "
                          "city of Manokwari.",
                          "The quake struck about 85 miles (135 kilometers) from Manokwari.")
    assert [r[0] for r in converted] == ["value.mismatch.number"]


@pytest.mark.parametrize(("a", "b"), [
    ("The recording was seized when Jeffs was arrested in 2006.",
     "Jeffs has been held since his arrest on charges for his role in the 2001 marriage of "
     "an underage follower."),
    ("Woodward and Bernstein had promised not to reveal the name of the source of their 1974 "
     "stories until after his death.", "She died in 1984."),
])
def test_a_year_that_dates_another_thing_does_not_conflict(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


def test_a_year_dating_the_same_thing_still_conflicts() -> None:
    found = conflicts("The 2001 marriage of Jeffs's follower was annulled.",
                      "The marriage of Jeffs's follower, in 2003, was annulled.")
    assert [r[0] for r in found] == ["value.mismatch.date"]


def test_a_denial_of_another_role_does_not_conflict_but_of_the_same_role_does() -> None:
    a = "Sarah Palin was named Senator John McCain's running mate."
    assert conflicts(a, "John McCain has not been named as a suspect.") == []
    same = conflicts("Smith was named as a suspect in the killing.",
                     "Smith has not been named as a suspect in the killing.")
    assert [r[0] for r in same] == ["polarity.opposite"]


def test_a_plea_of_not_guilty_does_not_deny_the_verdict_but_denies_a_guilty_plea() -> None:
    plea = "An Oklahoma man has pleaded not guilty to two murder charges for the deaths."
    assert conflicts(plea, "An Oklahoma man was found guilty Thursday on two murder charges "
                           "for the deaths.") == []
    assert [r[0] for r in conflicts(plea, "An Oklahoma man pleaded guilty to two murder "
                                          "charges for the deaths.")] == ["polarity.opposite"]


def test_a_part_of_a_whole_counted_in_figures_leaves_the_whole_a_count() -> None:
    found = find_values("Gray was hit in the back by three of the seven bullets fired.")
    assert [(v.low, v.unit, v.text) for v in found] == [(3.0, "bullets", "three"),
                                                        (7.0, "bullets", "seven bullets")]
    assert [(v.low, v.text) for v in find_values("Two of the victims died.")] == [
        (2.0, "Two of the victims")]
    assert conflicts("An autopsy shows Gray was hit in the back by three of the seven bullets "
                     "fired by the officers.",
                     "An autopsy report revealed Gray was hit by seven bullets, three to the "
                     "back.") == []
    assert [r[0] for r in conflicts(
        "An autopsy shows Gray was hit by three of the seven bullets fired by the officers.",
        "An autopsy shows Gray was hit by nine bullets fired by the officers.")] == [
        "value.mismatch.number"]


def test_calling_something_about_a_name_false_is_no_clash_nor_agreement() -> None:
    found = labels("Deep Throat is dead.", "It was part of the myth that surrounded Deep Throat.")
    assert found
    assert [label for label, _r in found] == ["complement"]


@pytest.mark.parametrize("b", [
    "Delegates said the treaty was not adopted by the General Assembly.",
    "Officials said the treaty was not adopted by the General Assembly.",
])
def test_a_speaker_before_a_denial_is_no_part_and_no_other_party(b: str) -> None:
    found = conflicts("The treaty was adopted by the General Assembly on Friday.", b)
    assert [r[0] for r in found] == ["polarity.opposite"]


def test_a_speaker_denying_of_himself_is_still_another_party() -> None:
    assert conflicts("The fire was set at the entrance of the church.",
                     "Kroon said he was not at the church when the fire broke out.") == []


def test_a_scope_word_that_speaks_is_no_scope() -> None:
    assert first("Delegates said the treaty was not adopted.").scope == frozenset()
    assert first("Three years of work by the delegates went into the treaty.").scope


def test_a_denied_opposite_says_the_same() -> None:
    assert [label for label, _r in labels("The cause of death was unknown.",
                                          "The cause of death was not immediately known.")] == [
        "agree"]
    assert [r[0] for r in conflicts("The cause of death was known.",
                                    "The cause of death was not immediately known.")] == [
        "polarity.opposite"]


def test_an_adverb_after_a_negator_leaves_the_denied_word_a_head() -> None:
    assert first("The cause of death was not immediately known.").negated_heads == {
        "immediately", "known"}
    assert first("The treaty was not adopted.").negated_heads == {"adopt"}


@pytest.mark.parametrize("published", [None, date(2013, 7, 3)])
def test_counts_of_a_day_and_of_a_year_long_past_are_two_events(
        published: date | None) -> None:
    today = ReportInput("A strong earthquake struck Indonesia's Aceh province on Tuesday, "
                        "killing at least one person and leaving two others missing.",
                        published=published)
    past = ReportInput("A massive quake struck off Aceh in 2004, sparking a tsunami that "
                       "killed 170,000 people in the province on Sumatra.", published=published)
    # Neither a clash nor an agreement "within the bound" of at least one and 170,000.
    found = compare([today, past]).pairs
    assert found
    assert [p.judgement.label for p in found] == ["complement"]
    told = ReportInput("A strong earthquake struck Aceh province on Tuesday, killing one "
                       "person.", published=published)
    same_day = ReportInput("A strong earthquake struck Aceh province on Tuesday, killing 24 "
                           "people.", published=published)
    assert [p.judgement.reasons[0] for p in compare([told, same_day]).pairs
            if p.judgement.label == "conflict"] == ["value.mismatch.number"]


@pytest.mark.parametrize(("a", "b"), [
    # A list under "only", told with first names by the other.
    ("Bob Woodward and Carl Bernstein wrote that story.",
     "Within the paper, only Woodward and Bernstein knew the identity of Deep Throat."),
    # Who reported or confirmed a fact is its source, not a party to it.
    ("sources close to the negotiations say it is less than the $184 million reported by "
     "Boston WCVB sportscaster Mike Lynch, who first reported that the meeting would take "
     "place.",
     "Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first "
     "baseman Mark Teixeira an eight - year, $200 million offer."),
    ("Woodward confirmed the revelation.", "His death was confirmed by Rob Jones, his grandson."),
    # Names inside a quotation are the speaker's words, not two parties.
    ("Mike Reavey, also from the security centre, said: \"Even with that, the release "
     "Emergency Response process isn't over.",
     "\"Even with that, the release Emergency Response process isn't over,\" said Security "
     "Response Alliance director Mike Reavey."),
    # "Sudan" and "South Sudan" are two parties.
    ("Sudan 'bombs refugees' in South Sudan's Unity state",
     "A refugee camp in South Sudan's Unity state was bombed on Thursday, South Sudan "
     "officials said, threatening to raise tensions with Sudan."),
    # An English climber is a British one; a different age and nationality, two climbers.
    ("Australian, English climbers fall to their deaths in New Zealand mountains",
     "A British climber has fallen to his death in New Zealand."),
    ("A 36-year-old Australian climber is dead after falling about 150 metres at Mount Cook.",
     "A 32-year-old British climber dies after falling from a mountain in New Zealand."),
])
def test_no_conflict_between_sources_lists_quotes_or_two_people(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


@pytest.mark.parametrize(("a", "b", "code"), [
    ("The film was shot only in Montana.", "The film was shot in Montana and New Mexico.",
     "alternative.exclusive"),
    ("Natta succeeded Berlinguer as party leader in 1984.",
     "Berlinguer succeeded Natta as party leader in 1984.", "role.swapped"),
    # What someone said another did: the name after "said that" is a party, not a speaker.
    ("Officials said that Natta succeeded Berlinguer as party leader in 1984.",
     "Berlinguer succeeded Natta as party leader in 1984.", "role.swapped"),
    ("A 36-year-old Australian climber died after falling 150 metres at Mount Cook.",
     "A 36-year-old British climber died after falling 150 metres at Mount Cook.",
     "entity.differs"),
])
def test_one_party_told_two_ways_still_conflicts(a: str, b: str, code: str) -> None:
    assert [r[0] for r in conflicts(a, b)] == [code]


def test_two_people_of_different_ages_and_nationalities_do_not_agree() -> None:
    found = labels("A 36-year-old Australian climber died after falling 150 metres at Mount "
                   "Cook.",
                   "A 32-year-old British climber died after falling 150 metres at Mount Cook.")
    assert [label for label, _r in found] == ["complement"]


def test_two_denials_of_one_list_deny_alike() -> None:
    a = ("After Nixon's election in 1968, Mr. LaRue worked in the White House without title "
         "or salary.")
    assert conflicts(a, "LaRue became a trusted member of the administration in 1969, even "
                        "though he did not have a salary, a title or a listing in the White "
                        "House directory.") == []
    moved = conflicts("The authorities, which have not launched an investigation, have found "
                      "evidence of fraud.",
                      "The authorities, which have launched an investigation, have not found "
                      "any evidence of fraud.")
    assert [r[0] for r in moved] == ["polarity.opposite"]


@pytest.mark.parametrize("aim", [
    "State Fire Marshall John Bond surveyed the scene Tuesday afternoon to help determine the "
    "cause of the fire.",
    "Investigators were at the scene by 10 a.m. trying to determine the cause of the fire.",
])
def test_an_aim_is_no_deed_a_denial_can_deny(aim: str) -> None:
    assert conflicts(aim, "The cause of the fire has not been determined.") == []


def test_a_deed_a_denial_denies_still_conflicts() -> None:
    found = conflicts("Investigators determined the cause of the fire on Tuesday.",
                      "The cause of the fire has not been determined.")
    assert [r[0] for r in found] == ["polarity.opposite"]


def test_an_equal_measure_of_another_thing_does_not_excuse_a_different_age() -> None:
    found = conflicts("A 36-year-old Australian climber died after falling 150 metres at Mount "
                      "Cook.",
                      "A 32-year-old Australian climber died after falling 150 metres at Mount "
                      "Cook.")
    assert [r[0] for r in found] == ["value.mismatch.number"]


@pytest.mark.parametrize(("a", "b"), [
    ("He has rushed for only 150 yards and has not scored a rushing touchdown this season.",
     "In the Saints 17 - 14 victory over the Falcons on Dec. 27, Thomas rushed for 63 yards "
     "and scored on a 2 - yard touchdown in the second quarter."),
    ("Last season it was Thomas that led the Saints in rushing, posting 793 total yards.",
     "He has rushed for only 150 yards and has not scored a rushing touchdown this season."),
])
def test_a_seasons_total_and_a_games_count_do_not_conflict(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


def test_two_totals_of_one_season_still_conflict() -> None:
    found = conflicts("Thomas missed nine games this season because of the injury, including "
                      "the regular-season finale.",
                      "But Thomas missed 10 total games this season because of the injury.")
    assert [r[0] for r in found] == ["value.mismatch.number"]


@pytest.mark.parametrize(("a", "b"), [
    # A denial answers the accusation; both hold.
    ("Waitrose Wellington fire: Man denies arson",
     "Man charged with arson over Waitrose fire in Wellington"),
    ("Kiir denied those claims in a statement on Thursday, calling them \"smoke screens\".",
     "But Kiir said Thursday that the accusations from Khartoum are \"smoke screens\"."),
    # A name both write with a capital is all they share.
    ("They and four grandsons survive Felt.", "Felt denied his role repeatedly"),
])
def test_no_refutation_of_an_accusation_or_of_a_name_alone(a: str, b: str) -> None:
    found = labels(a, b)
    assert found
    assert [label for label, _r in found if label == "conflict"] == []


def test_a_denial_of_a_deed_the_other_tells_still_conflicts() -> None:
    found = conflicts("The Sudan Armed Forces, or SAF, attacked a refugee camp in South Sudan "
                      "today.",
                      "Sudan's armed forces denied they carried out the strike.")
    assert [r[0] for r in found] == ["polarity.refuted"]


def test_an_exclusive_alternative_shows_the_whole_name() -> None:
    found = judgements("The film was shot only in Montana.",
                       "The film was shot in Montana and New Mexico.")
    assert [(label, explanation) for label, _r, explanation in found] == [
        ("conflict", "Only Montana vs New Mexico and Montana, so they conflict.")]


@pytest.mark.parametrize(("a", "b"), [
    # A time ago is a date only a publication day places; "for four weeks" is a duration.
    ("Bettie Page succumbed to complications from a heart attack suffered almost three weeks "
     "ago.",
     "Bettie Page had been hospitalized for four weeks due to pneumonia, only to suffer a heart "
     "attack."),
    # A number after a name names the thing ("Western Europe 4 cable network", "the Colts 16").
    ("The SEA-ME-WE 4 or South East Asia-Middle East-Western Europe 4 cable network connects "
     "12 countries.",
     "The damage broke all three of the cables connecting Europe with Asia."),
    ("Charles lost a fumble at the Indianapolis 16 - yard line.",
     "Charles fumbled on the Colts 27 - yard line with inches to go."),
    # A time from another event is no length of time ("in two days" / "one day after").
    ("The Saints placed Thomas on injured reserve one day after placing Ivory on injured "
     "reserve.",
     "Thomas is the second running back in two days to be placed on injured reserve."),
    # Two moments of a game are two events, as two clock times are.
    ("With 12 seconds left, Garrard dropped back to pass.",
     "Garrard spiked the ball with 48 seconds left."),
    ("a 31-24 lead with 4 minutes 48 seconds remaining.",
     "Clark collected a one-yard touchdown pass with 12 minutes, 31 seconds remaining before "
     "Vinatieri tied the game"),
    # Two conversions of one sum are at two days' rates, even where the sum itself comes
    # garbled ("\u00e2\u201a\u00ac110" is a euro sign read in the wrong encoding).
    ("Greece agreed a 110-billion ($143-billion) EU and IMF debt bailout at the weekend.",
     "The strike tested the government since agreeing a \u00e2\u201a\u00ac110 billion ($158 "
     "billion) EU and IMF debt bailout over the weekend."),
    # A rate is no length of time ("euro345 a month" / "Dh4,275 ... a month").
    ("His pension pays 900 (Dh4,275) a month.",
     "Doganis, 76, gets euro345 a month from his farming pension fund."),
])
def test_no_conflict_with_a_time_from_or_a_number_that_names(a: str, b: str) -> None:
    """A time ago, a time from another event, a game's time left, a conversion, a rate or a
    number naming a thing is no other account of what the other claim tells."""
    assert not conflicts(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("He had married two weeks before the shooting.",
     "Chela Ortiz married the deputy three weeks before the shooting."),
    ("Greece agreed a 110 billion euro ($143 billion) EU and IMF debt bailout at the weekend.",
     "Greece agreed a 120 billion euro ($158 billion) EU and IMF debt bailout over the "
     "weekend."),
])
def test_two_times_from_one_event_or_two_sums_still_conflict(a: str, b: str) -> None:
    """Two offsets from the same event, or two sums converted, still clash."""
    assert [r[0] for r in conflicts(a, b)] == ["value.mismatch.number"]


def test_an_equal_time_from_an_event_agrees_with_a_length() -> None:
    """"five days later" and "after being buried for five days" tell one fact."""
    assert labels("The cat climbed out of his grave five days later.",
                  "After being buried for five days, the cat clawed his way out of his grave."
                  ) == [("agree", ("value.equal",))]


def test_two_times_ago_still_conflict() -> None:
    """Two accounts of how long ago one thing happened clash, and say so."""
    result = compare([ReportInput("He was married for the second time about two weeks ago."),
                      ReportInput("The deputy, who was wed about three weeks ago, is survived by "
                                  "his wife, Waldie said.")])
    clash = [p.judgement for p in result.pairs if p.judgement.label == "conflict"]
    assert [j.reasons[0] for j in clash] == ["value.mismatch.number"]
    assert "two weeks ago vs three weeks ago" in clash[0].explanation


def test_a_score_after_a_name_is_read_whole() -> None:
    """"beat the Chiefs 20 - 13" is a score: both numbers are read, neither names a team."""
    assert [n.low for n in first("The Colts beat the Chiefs 20 - 13.").numbers] == [13.0, 20.0]
    assert not first("It flew a Boeing 737 to Paris.").numbers


def test_a_thousand_printed_with_a_space_is_one_thousand() -> None:
    """"more than 1, 000 people" (a feed's spacing) and "more than 1000 people" agree."""
    assert labels("In September 2009 a major earthquake near Padang killed more than 1, 000 "
                  "people.",
                  "In September 2009 a major earthquake near Padang killed more than 1000 "
                  "people.")[0][0] == "agree"


@pytest.mark.parametrize(("a", "b"), [
    # "they" stands for a party named in its own report, often one of several.
    ("The Red Sox made Teixeira an eight-year offer.", "they have not made him an offer"),
    ("Angels general manager Tony Reagins confirmed to the Los Angeles Times that he has "
     "made an eight-year offer to free agent first baseman Mark Teixeira.",
     "they declined to make an offer during that time"),
    # What an investigation has begun to do is an aim, not a deed a denial can deny.
    ("The police say they don't have suspects.",
     "Police said early today that a multi-agency investigation has begun to identify "
     "suspects."),
])
def test_no_conflict_with_a_denial_by_they_or_of_an_aims_object(a: str, b: str) -> None:
    """A denial by "they" against a named doer, or of an aim's object, is no clash."""
    assert not conflicts(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("The Red Sox made Teixeira an eight-year offer.",
     "The Red Sox have not made Teixeira an offer."),
    ("Gaskin said Buckley was wearing crampons but was inexperienced.",
     "He was not wearing crampons when he slipped."),
])
def test_a_named_or_singular_denial_still_conflicts(a: str, b: str) -> None:
    """A denial by the named party itself, or by "he", still clashes."""
    assert [r[0] for r in conflicts(a, b)] == ["polarity.opposite"]


def test_a_name_after_two_words_makes_no_slot_for_an_alternative() -> None:
    """"running the show for the 76ers" / "head coach of the 76ers": no show-or-coach clash."""
    assert not conflicts(
        "Maurice Cheeks is running the show again for the Philadelphia 76ers.",
        "Also today, Philadelphia 76ers President and General Manager Billy King announced "
        "that Maurice Cheeks has been hired as the 21st head coach of the Philadelphia 76ers.")


@pytest.mark.parametrize(("a", "b"), [
    # Results or a statement released are published; someone released on bail is freed.
    ("Results of Williams' blood - alcohol test have not been released.",
     "Williams, who was booked into county jail and later released on bail, did give a blood "
     "sample for a blood - alcohol test."),
    ("Jackson issued a statement released through the team.",
     "General Manager A.J. Smith issued the following statement on Jackson's arrest:"),
    # A release dated years back and the day's arrest are two events.
    ("He was released in 2006", "Gary Gomes was arrested late Tuesday night at 2088 Philip "
     "Street."),
])
def test_no_conflict_between_two_senses_of_release_or_two_times(a: str, b: str) -> None:
    """"released" as published is not "released" as freed; a year back is another event."""
    assert not conflicts(a, b)


def test_results_not_released_still_conflict_with_results_released() -> None:
    """The same sense on both sides still clashes."""
    assert [r[0] for r in conflicts(
        "Results of the blood-alcohol test have not been released.",
        "Results of the blood-alcohol test were released Wednesday.")] == ["polarity.opposite"]


@pytest.mark.parametrize(("a", "b"), [
    ("He was often mentioned as among those thought to be Washington Post reporter Bob "
     "Woodward's shadowy inside source, Deep Throat.",
     "LaRue discounted rumors that he was Deep Throat, saying the source for Washington Post "
     "reporters Bob Woodward and Carl Bernstein on the Watergate story was probably a "
     "combination of people."),
    ("A FIRE has badly damaged the Waitrose supermarket in Wellington's High Street.",
     "Waitrose Wellington fire: Man denies arson"),
])
def test_a_denial_of_talk_the_other_never_tells_is_no_refutation(a: str, b: str) -> None:
    """Denying rumours or a charge contradicts only a report of the rumour or the charge."""
    assert not conflicts(a, b)


def test_a_denial_of_the_deed_itself_still_conflicts() -> None:
    """"denied they carried out the strike" still clashes with the attack it denies."""
    assert [r[0] for r in conflicts(
        "The Sudan Armed Forces, or SAF, attacked a refugee camp in South Sudan at 2: 53 p. m. "
        "local time today.",
        "Sudan's armed forces denied they carried out the strike.")] == ["polarity.refuted"]


@pytest.mark.parametrize(("a", "b"), [
    # A conversion is at one day's rate; the sum it converts is told beside it.
    ("Damage to the church was estimated at $US1 million ($1.52 million), authorities said.",
     "Damage to the Wasilla Bible Church was estimated at $1 million, authorities said "
     "Saturday."),
    # "three more years" is an increment even when extraction keeps "more" inside the value.
    ("As part of the plea, three more years were added to his prison term",
     "He was sentenced to 12 years in prison."),
])
def test_no_conflict_with_a_conversion_or_an_increment_read_whole(a: str, b: str) -> None:
    """A bracketed conversion and "three more years" are no other account of a sum."""
    assert not conflicts(a, b)


@pytest.mark.parametrize("deadline", ["by April 10, 2015", "by April 10"])
def test_a_deadline_holds_an_earlier_day(deadline: str) -> None:
    """"by April 10" is a bound, with or without its year: 9 March meets it, the 19th not."""
    promise = f"The company will open its first store {deadline}."
    year = ", 2015" if "2015" in deadline else ""
    found = relate(promise, f"The company opened its first store on March 9{year}.")
    assert (found.label, found.reasons[0]) == ("agree", "value.within_bound")
    found = relate(promise, f"The company opened its first store on April 19{year}.")
    assert (found.label, found.reasons[0]) == ("conflict", "value.mismatch.date")


def test_two_ends_of_a_stretch_clash_and_an_end_meets_its_day() -> None:
    """Two "until" days are two ends, as two "since" days are two starts."""
    found = relate("The strike will last until May 3.", "The strike will last until May 5.")
    assert (found.label, found.reasons[0]) == ("conflict", "value.mismatch.date")
    assert labels("Felt remained anonymous until May 30, 2005, when his family revealed "
                  "his identity.", "Felt's family revealed his identity on May 30, 2005.") == [
        ("agree", ("value.equal",))]


def test_a_year_inside_another_bound_is_no_agreement_between_reports() -> None:
    """Between reports, "before 1997" holds "in 1928" only where a word beside both ties them."""
    found = labels("Before 1997, Gigante had served only a five-year heroin rap in 1959.",
                   "Born in the Bronx in 1928, Gigante became a small-time boxer.")
    assert [label for label, _ in found] == ["complement"]


@pytest.mark.parametrize(("a", "b"), [
    ("EDS shares soared $5.27, or nearly 28 percent, to finish yesterday at $24.13.",
     "HP shares sagged $2.56 Tuesday to finish at $44.27."),
    ("Phillips had already missed three games earlier this season with a fractured forearm.",
     "Bush missed four games earlier this season after undergoing knee surgery."),
])
def test_counts_of_two_named_subjects_do_not_conflict(a: str, b: str) -> None:
    """Two companies' shares or two players' games are two counts, not two accounts."""
    assert conflicts(a, b) == []


def test_counts_of_one_named_subject_still_conflict() -> None:
    """The same name, or a speaker rather than a subject, leaves the clash."""
    assert [r[0] for r in conflicts(
        "Phillips had already missed three games earlier this season with a fractured forearm.",
        "Phillips missed four games earlier this season.")] == ["value.mismatch.number"]
    assert [r[0] for r in conflicts(
        "Smith said ten people died in the apartment fire on Main Street.",
        "Jones said twelve people died in the apartment fire on Main Street.")] == [
        "value.mismatch.number"]


def test_games_missed_and_games_played_do_not_conflict() -> None:
    """"missed nine games" and "limited him to six games" are two counts of one season."""
    assert conflicts("Thomas missed nine games this season because of the injury.",
                     "An ankle injury limited Thomas to only six games this season.") == []
    assert [r[0] for r in conflicts(
        "Thomas missed nine games this season because of the injury.",
        "Thomas missed six games this season with an ankle injury.")] == [
        "value.mismatch.number"]


def test_a_denial_over_a_stretch_of_time_is_no_clash_with_the_news() -> None:
    """"not hit by a quake in more than 25 years" tells the time before the news."""
    assert conflicts("The surrounding area has not been hit by a quake in more than 25 years.",
                     "The rocky and barren island was hit almost two years after the city of "
                     "Bam was destroyed in a quake that killed tens of thousands of people.") == []
    assert [r[0] for r in conflicts("The surrounding area was not hit by the quake.",
                                    "The surrounding area was hit by the quake on Sunday.")] == [
        "polarity.opposite"]


@pytest.mark.parametrize(("text", "heads"), [
    # What a negation denies stays in its clause.
    ('"The response process isn\'t over," said Security Response director Mike Reavey.',
     set()),
    # "no" denies the head of the phrase it opens, not its first word.
    ("There were no reported injuries in Dubai.", {"injury"}),
    ("The quake struck Aceh with no tsunami warning issued.", {"warn"}),
    ("There were no deaths reported.", {"die"}),
    # After "none of ..." and "neither ... nor ...", what is denied follows the verb.
    ("None of the passengers were injured.", {"injur"}),
    ("Neither the driver nor the passenger was hurt.", {"hurt"}),
    ("Neither Perlo nor his co-counsel ever claimed their client's innocence.", set()),
    # A command, an opinion, a condition or an ellipsis denies no event.
    ('A sign at his headquarters warned, "Don\'t talk."', set()),
    ("I don't think it would have been Magruder.", set()),
    ("It's as if Apple didn't learn its lesson with the MacBook Air.", set()),
    ("Nor is Windows Server 2012.", set()),
    # ", not a .45-caliber handgun" denies the alternative, not what both share.
    ("It was a .32-caliber revolver, not a .45-caliber handgun.", {"handgun"}),
    # A headline's answer denies its question.
    ("Apple to shut down Beats Music? Not so, Apple says", {"appl", "shut", "beat", "music"}),
])
def test_what_a_negation_denies(text: str, heads: set[str]) -> None:
    """The denied words are read from the negation's own clause and phrase."""
    assert first(text).negated_heads == heads


@pytest.mark.parametrize(("a", "b"), [
    ("There were no reported injuries in Dubai.", "The website reported 65 responses from Dubai."),
    ("A 6.1-magnitude earthquake which hit the Indonesian province of Aceh on Tuesday killed a "
     "child, sparking panic in a region devastated by the quake-triggered tsunami of 2004.",
     "A powerful 6.1-magnitude earthquake struck the Indonesian province of Aceh with no "
     "tsunami warning issued."),
    ('A sign hung on the wall warning business associates against loose talk: "This place is '
     'bugged."', 'A sign at his headquarters warned, "Don\'t talk.'),
    ("Apple designer Jonathan Ive explained that Apple learned a lot when making the MacBook "
     "Air.", "It's as if Apple didn't learn its lesson with the MacBook Air and its batteries."),
    # As ECB+ spaces it.
    ("Lynch said his client had a.32-caliber revolver",
     "He said it was a.32 - caliber revolver, not a.45 - caliber handgun like the one that "
     "killed the girl."),
])
def test_a_negation_of_something_else_is_no_clash(a: str, b: str) -> None:
    """Denying a warning, a command, a wish or an alternative is no denial of the news."""
    assert conflicts(a, b) == []


def test_a_denial_of_the_same_event_still_clashes() -> None:
    """The passengers hurt, the injuries reported: the denied word itself is told."""
    assert [r[0] for r in conflicts("None of the passengers were injured in the crash.",
                                    "Two passengers were injured in the crash.")] == [
        "polarity.opposite"]
    assert [r[0] for r in conflicts(
        "There were no injuries reported in Dubai after the quake.",
        "Several injuries were reported in Dubai after the quake.")] == ["polarity.opposite"]


@pytest.mark.parametrize(("a", "b"), [
    # A denied verb against the same word as a noun.
    ("Two things were very apparent in this fight.", "And worse than that, he didn't even fight."),
    ('"You can\'t call it arson yet," Palmer public safety director Jon Owen said.',
     "Jon Owen, the city's public safety director, said a call came in from the Valley Hotel "
     "at 3:33 a.m."),
    ("After putting Thomas on IR Wednesday, New Orleans replaced him by signing RB Joique Bell "
     "off the Eagles' practice squad.", "While Thomas went on IR, four others did not practice."),
    # A word told under a condition.
    ("But no, we don't hang convicts anymore from the highest tree.",
     'The 2005 entry says: "If the world knew what I was doing, they would hang me from the '
     'highest tree."'),
    # Only the denied word shared.
    ("has not formally overturned it.", "the environment have been overturned."),
    # Saying nothing about a thing tells neither way.
    ("They just confirmed that they will carry the device though they said nothing about "
     "availability and pricing.", "T - Mobile confirmed in an email that its business "
     "customers will have the opportunity to register for the device starting next week on "
     'April 29th, with availability and pricing details to follow "at a later date. "'),
])
def test_a_denied_word_told_otherwise_is_no_clash(a: str, b: str) -> None:
    """The other report writes the denied word as a noun, under a condition, or alone."""
    assert conflicts(a, b) == []


def test_a_denied_verb_the_other_asserts_still_clashes() -> None:
    """"was not wearing crampons" / "was wearing crampons": the verb is told as a verb."""
    assert [r[0] for r in conflicts("Gaskin said Buckley was wearing crampons.",
                                    "Buckley was not wearing crampons when he slipped.")] == [
        "polarity.opposite"]
    assert [r[0] for r in conflicts(
        "Thomas did not practice on Wednesday with the team.",
        "Thomas practiced on Wednesday with the team.")] == ["polarity.opposite"]
