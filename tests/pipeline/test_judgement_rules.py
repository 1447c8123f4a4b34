"""Judgement rules read from surface words, each with near-misses that must not fire."""

from __future__ import annotations

import pytest

from factcheck.pipeline import Claim, classify, relate
from factcheck.pipeline.signals import signals


def claim(text: str) -> Claim:
    """Return a bare claim of ``text``."""
    return Claim(text=text, start=0, end=len(text))


@pytest.mark.parametrize(("text", "hedged"), [
    ("Ann Lee (born 3 May 1975) is an Irish singer.", False),
    ("The plant opened on May 2, 2019.", False),
    ("Sales fell in May.", False),
    ("Prices have risen since May.", False),
    ("The council may close the plant.", True),
    ("Council May Close Plant", True),
    ("The plant may close in May.", True),
])
def test_the_month_may_is_no_hedge(text: str, hedged: bool) -> None:
    assert signals(claim(text)).hedged is hedged


def test_a_birth_date_in_may_does_not_soften_a_clash() -> None:
    a = "Ann Lee is a Welsh singer."
    born = relate(a, "Ann Lee (born 3 May 1975) is an Irish singer and songwriter.")
    assert born.label == "conflict"
    assert "modality.hedged" not in born.reasons
    hedged = relate(a, "Ann Lee may be an Irish singer and songwriter.")
    assert hedged.label == "complement"
    assert "modality.hedged" in hedged.reasons


@pytest.mark.parametrize(("a", "b", "words"), [
    ("The museum bought a 1990 British crime drama novel.",
     "The museum bought a 1990 British crime drama film, shot in Leeds.", "'novel' vs 'film'"),
    ("Lake Tora is the largest lake in the county.",
     "Lake Tora is the smallest lake in the county.", "'largest' vs 'smallest'"),
    ("Ann Lee won the gold medal in the relay.",
     "Ann Lee won the silver medal in the relay.", "'gold' vs 'silver'"),
    ("The thief drove a red van to the harbour.",
     "The thief drove a blue van to the harbour.", "'red' vs 'blue'"),
    ("The team finished third in the league.",
     "The team finished fifth in the league.", "'third' vs 'fifth'"),
])
def test_an_exclusive_word_in_the_same_place_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # Two words for one kind of thing.
    ("It is a 2005 film by Ann Lee.", "It is a 2005 movie by Ann Lee."),
    # The word is somewhere else in the sentence, not in the same place.
    ("Ann Lee won the gold medal in the relay.",
     "Ann Lee won a medal in the relay, her first gold."),
    # Both claims name both colours: no alternative was put in.
    ("The flag is red and white.", "The flag is white and red."),
    # Different words of different classes.
    ("The thief drove a red van to the harbour.", "The thief drove a stolen van to the harbour."),
])
def test_a_word_that_excludes_nothing_here_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_a_hedge_softens_an_exclusive_word() -> None:
    judgement = relate("The thief drove a red van to the harbour.",
                       "The thief reportedly drove a blue van to the harbour.")
    assert judgement.label == "complement"
    assert "alternative.exclusive" in judgement.reasons


@pytest.mark.parametrize(("a", "b"), [
    ("The bridge opened in June of 2019.", "The bridge opened on 3 April 2019."),
    ("Ann Lee was born in June of 1950 .",
     "Ann Lee -LRB- born April 14 , 1950 -RRB- is a Welsh singer ."),
])
def test_a_month_conflicts_with_a_day_in_another_month(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "value.mismatch.date"


@pytest.mark.parametrize("a", [
    "Ann Lee was born in April of 1950 .",
    "Ann Lee was born in 1950 .",
])
def test_a_day_inside_the_month_or_year_agrees(a: str) -> None:
    judgement = relate(a, "Ann Lee -LRB- born April 14 , 1950 -RRB- is a Welsh singer .")
    assert judgement.label == "agree"
    assert judgement.reasons[0] == "value.within_bound"


def test_a_finer_date_leaves_the_claim_content_alone() -> None:
    # Matching and the blocking keys read the content: it must not change with the date.
    s = signals(claim("Ann Lee -LRB- born April 14 , 1950 -RRB- is a Welsh singer ."))
    assert [n.text for n in s.numbers if n.kind == "date"] == ["April 14 , 1950"]
    assert not any(t.startswith("#date:") and t.endswith(":day") and t != "#date:day"
                   for t in s.content)


def test_an_antonym_with_a_doubled_consonant_is_still_an_antonym() -> None:
    # "banned" stems to "bann": it must still meet "allow".
    judgement = relate("The council banned cars from the old town.",
                       "The council allowed cars in the old town.")
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.antonym"


def test_a_magnitude_told_in_words_conflicts_with_another() -> None:
    a = ("The administration will seek to get the most for the billions it has at its disposal "
         "to spur the semiconductor sector.")
    judgement = relate(a, a.replace("billions", "millions"))
    assert judgement.label == "conflict", judgement
    assert "'billions' vs 'millions'" in judgement.explanation
    # Millions of one thing beside billions of another is no clash.
    assert relate("Millions of people watched the launch.",
                  "The launch cost billions of dollars, and millions of people watched it."
                  ).label != "conflict"


def test_the_same_doubled_verb_on_both_sides_is_no_antonym() -> None:
    assert relate("The council banned cars from the old town.",
                  "The council banned cars from the old town last year.").label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Rex is a famous dog .", "Rex -LRB- born 2001 -RRB- is a famous Welsh singer .",
     "a dog vs a singer"),
    ("Millbrook is a city .", "Millbrook is a county in the north of the state .",
     "a city vs a county"),
    ("Blue Harbour is a novel .", "Blue Harbour is a 1998 crime film directed by Ann Lee .",
     "a novel vs a film"),
    ("The Gull is a band from Leeds .", "The Gull is a shipping company founded in 1990 .",
     "a band vs a company"),
])
def test_two_kinds_of_thing_for_one_subject_conflict(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b", "words"), [
    # The subject opens the sentence, before a bracket of pronunciation and old names; the
    # other's noun appears only inside a name ("Kent County").
    ("Dover is a county .", "Dover -LRB- pronounced doh-ver ; old name Dubris -RRB- is a town "
                            "in Kent County , England .", "a county vs a town"),
])
def test_a_kind_named_after_a_bracket_or_inside_a_name_conflicts(
        a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # A kind word before another noun only qualifies it.
    ("Dover is the county seat of Kent .", "Dover is a city in Kent County ."),
    ("Ann Lee is a film director .", "Ann Lee is an actress from Leeds ."),
    ("Tom Ash is a city councillor .", "Tom Ash is a singer from Leeds ."),
    # The same kind, the other's noun only inside a name.
    ("Dover is a town .", "Dover -LRB- pronounced doh-ver -RRB- is a town in Kent County ."),
])
def test_a_kind_word_qualifying_a_noun_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # One person may hold two roles.
    ("Ann Lee is a singer .", "Ann Lee is an English actress and writer ."),
    # A film and a movie are one kind of thing.
    ("Blue Harbour is a film .", "Blue Harbour is a 1998 crime movie directed by Ann Lee ."),
    # Said of different subjects.
    ("Blue Harbour is a novel .", "Ann Lee is a director born in Leeds ."),
    # The other kind is named too: a film about a dog.
    ("Rex is a dog .", "Rex is a 2004 film about a dog ."),
    # Denied: "not a film" fits "a novel".
    ("Blue Harbour is not a film .", "Blue Harbour is a 1998 novel by Ann Lee ."),
    # The word after a preposition is not what the subject is.
    ("Blue Harbour is a series .", "Blue Harbour is a show by the singer Ann Lee ."),
])
def test_compatible_kinds_or_other_subjects_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Blue Harbour is a romantic film .",
     "Blue Harbour is a 1998 British psychological thriller film directed by Ann Lee .",
     "romantic film vs thriller film"),
    ("Ann Lee is a pop music performer .",
     "Ann Lee -LRB- born 1950 -RRB- is a Welsh country singer and songwriter .",
     "pop music vs country singer"),
    # "crime drama": the drama is what is sorted, the crime its genre.
    ("Blue Harbour is an American medical drama .",
     "Blue Harbour is an American television crime drama that ran for six seasons .",
     "medical drama vs crime drama"),
    # "the genre of death metal": a word may stand between "genre of" and the genre.
    ("The Gull is a dance associated with the genre of death metal .",
     "The Gull is a dance associated with the 2006 wave of dancehall music .",
     "metal vs dancehall music"),
    ("The Gull is a series in the genre of pornography .",
     "The Gull is an American crime drama series that ran from 1990 to 1994 .",
     "pornography vs crime drama"),
])
def test_two_genres_for_one_work_conflict(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # A work may have several genres: one named by both is no clash.
    ("Blue Harbour is an epic romantic film .",
     "Blue Harbour is a 2008 romantic war film starring Ann Lee ."),
    ("Blue Harbour is an action movie .",
     "Blue Harbour is a 1994 Indian action thriller film directed by Ann Lee ."),
    # Pop and rock blend too often to tell apart.
    ("The Gull was a 1960s pop group from Leeds .", "The Gull was a 1960s rock group ."),
    # Denied, or said of another subject.
    ("The Gull is not a rock album .",
     "The Gull is the second album by the blues singer Ann Lee ."),
    ("Blue Harbour is a horror film .", "Ann Lee is a comedy writer from Leeds ."),
    # A genre word that sorts nothing: the country, a war.
    ("Ann Lee is a pop singer .", "Ann Lee is the best-known singer in the country ."),
    # The other genre is named too, if not of the work.
    ("Blue Harbour is a horror film .",
     "Blue Harbour is a comedy film that mocks the horror films of the 1980s ."),
])
def test_shared_or_unrelated_genres_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_two_different_last_ones_of_a_series_conflict() -> None:
    judgement = relate("The show's final season was its seventh season .",
                       "On Monday the show began its eighth and final season .")
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"
    assert "seventh and last season vs the eighth and last season" in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    ("The show's final season was its seventh season .",
     "The show began its seventh and final season on Monday ."),
    # The other season is not called the last.
    ("The show's eighth season was its best .",
     "The show began its seventh and final season on Monday ."),
])
def test_the_same_last_one_or_another_one_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_a_competition_of_another_game_conflicts() -> None:
    # "unions" and "competition" are what a game sorts, like "club" and "league".
    judgement = relate("The Gull Cup is a competition for football unions in Europe .",
                       "The Gull Cup is an annual basketball club competition for the top "
                       "clubs in Europe .")
    assert judgement.label == "conflict"
    assert "'football' vs 'basketball'" in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    ("Ann Lee is only Welsh .", "Ann Lee -LRB- born 1950 -RRB- is an Irish singer ."),
    ("The band toured only in Japan .", "The band toured in Japan and Korea in 2001 ."),
    ("Ann Lee worked only in film .", "Ann Lee is a Welsh television and film producer ."),
    ("The band has played in Oslo exclusively .", "The band has played in Bergen since 2001 ."),
    # "only" before the verb restricts the word after its preposition.
    ("Ann Lee only worked in film .", "Ann Lee is a Welsh television and film producer ."),
    ("The team only trains in Leeds .", "The team trains in Bristol ."),
])
def test_only_conflicts_with_another_of_its_kind(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"


def test_only_names_the_rival_in_the_same_slot() -> None:
    judgement = relate("Part of the film was shot in New Forest .",
                       "The Lumo film was only shot in Kent .")
    assert judgement.label == "conflict"
    assert "only kent vs new forest" in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    ("The band toured only in Japan .", "The band toured in Japan in 2001 ."),
    ("Ann Lee is the only Welsh member of the band .",
     "Ann Lee , a member of the band , was born in Cardiff ."),
    ("Ann Lee was not only a singer .", "Ann Lee was a singer and an actor in Paris ."),
    # A headline capitalises every word: "Only" there restricts no name.
    ("Ann Lee Is Probably Only Joking", "Ann Lee said in Paris that she was joking"),
    # "only" before the verb: the other names nothing else in that slot.
    ("Ann Lee only worked in film .", "Ann Lee is a film producer from Leeds ."),
    ("The band only plays in Oslo .", "The band plays in Oslo every summer with Ann Lee ."),
])
def test_only_without_another_of_its_kind_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # A treaty's parties and states parties are no political party, nor a kind of region.
    ("Norway is a party to the convention .", "Norway is a country in northern Europe ."),
    ("Norway is a state party to the convention .", "Norway is a country in northern Europe ."),
    # A capitalised word is a name, not a kind: "Fox" here is no animal.
    ("Ann Lee is a Fox News anchor .", "Ann Lee is a journalist from Leeds ."),
    # Words with a common second sense are not kinds.
    ("The city is a model for other towns .", "The city is a town in Kent ."),
])
def test_second_senses_and_names_are_no_kind_of_thing(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_a_political_party_is_a_kind_of_thing() -> None:
    judgement = relate("Lost is a political party .", "Lost is an American drama series .")
    assert judgement.label == "conflict"
    assert "a party vs a series" in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b", "words"), [
    # The first date of a life span in brackets is the birth.
    ("Tom Ash was born on March 3 , 1901 .",
     "Tom Ash -LRB- 13 March 1901 -- 2 May 1980 -RRB- was a Scottish painter .",
     "march 3 , 1901 vs 13 march 1901"),
    # A birth name and a date in one bracket stay one claim.
    ("Ann Lee was born in 1988 .",
     "Ann Lee -LRB- born Ann Marsh ; June 2 , 1950 -RRB- is a Welsh singer .",
     "1988 vs june 2 , 1950"),
    # A month without a year against a full date.
    ("The bridge opened in October .", "The new bridge opened to traffic on 4 May 2001 .",
     "october vs 4 may 2001"),
    # A decade in words.
    ("Ann Lee was born in the sixties .",
     "Ann Lee -LRB- born 9 July 1950 -RRB- is a Welsh singer .", "the sixties vs 9 july 1950"),
    # An equal count in a name ("Seven Hills") does not excuse a different date.
    ("Seven Hills opened in August .", "Seven Hills opened in the city on July 8 , 1999 .",
     "august vs july 8 , 1999"),
])
def test_a_different_date_for_the_same_event_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "value.mismatch.date"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    ("The bridge opened in May .", "The new bridge opened to traffic on 4 May 2001 ."),
    ("Ann Lee was born in the fifties .",
     "Ann Lee -LRB- born 9 July 1950 -RRB- is a Welsh singer ."),
    ("Tom Ash was born on March 13 , 1901 .",
     "Tom Ash -LRB- 13 March 1901 -- 2 May 1980 -RRB- was a Scottish painter ."),
])
def test_a_month_or_decade_holding_the_date_agrees(a: str, b: str) -> None:
    assert relate(a, b).label == "agree"


@pytest.mark.parametrize(("a", "b"), [
    # Two different events: a launch and the start of production, each in a month.
    ("The phone will launch in February", "Phone production starts in January"),
    # "In her fifties" is an age, not a decade.
    ("Ann Lee started painting in her fifties .",
     "Ann Lee -LRB- born 9 July 1930 -RRB- is a Welsh painter ."),
])
def test_months_and_ages_of_other_events_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_a_bare_month_leaves_the_claim_content_alone() -> None:
    # Only the comparison reads a bare month: content and so blocking keys stay as they were.
    s = signals(claim("The bridge opened in October ."))
    assert [n.kind for n in s.numbers] == ["month"]
    assert not any(t.startswith("#") for t in s.content)


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Blue Harbour was directed by Tom Ash .",
     "Blue Harbour is a 1998 crime film directed by Ann Lee , starring Bo Carr .",
     "directed by tom ash vs by ann lee"),
    ("The Grey Mill was painted by Tom Ash .",
     "Painter Ann Lee painted The Grey Mill in 1901 while living in Kent .",
     "painted by tom ash vs by painter ann lee"),
    ("Salt Roads is an album by Tom Ash .",
     "Salt Roads is the second studio album by the Welsh folk band Tin Cup .",
     "album by tom ash vs by tin cup"),
    # The shorter claim names its doer before the verb.
    ("Tom Ash produced Blue Harbour .",
     "Blue Harbour is a 1998 crime film produced by Ann Lee and Bo Carr .",
     "produced by tom ash vs by ann lee"),
    # Both name their doers before the verb of a making act (an irregular past too).
    ("Tom Ash wrote the screenplay for Blue Harbour .",
     "Ann Lee also wrote the screenplay for the 2013 film Blue Harbour , an original work .",
     "written by tom ash vs by ann lee"),
    ("Tom Ash built the Grey Mill bridge .",
     "The Grey Mill bridge was built by Ann Lee in 1901 .", "built by tom ash vs by ann lee"),
])
def test_another_named_doer_of_the_same_act_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "entity.differs"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # The doer is named in the other claim too, beside someone else.
    ("Blue Harbour was written by Tom Ash .",
     "Blue Harbour was written by Ann Lee and Tom Ash in 1998 ."),
    # Different acts: one wrote it, another directed it.
    ("Blue Harbour was written by Tom Ash .", "Blue Harbour was directed by Ann Lee in 1998 ."),
    # Two bare acronyms may be one body spelled two ways.
    ("Aid worker beheaded by ISIS", "ISIL beheaded the aid worker , officials said"),
    # A by-phrase that ends on a common noun names no one.
    ("The town was attacked by Tom Ash .", "The town was attacked by the Welsh army ."),
    # A vague act ties no two doers to one deed.
    ("The plan was backed by Tom Ash .", "The plan was backed by Ann Lee in May ."),
    # Two doers told before their verbs: "died" takes no doer, so two deaths are told.
    ("Marion died four years later in Leeds .",
     "Ash died in Leeds , aged 66 , four years after his wife ."),
    # Both doers before the verb, the first among those the other names.
    ("Tom Ash wrote the screenplay for Blue Harbour .",
     "Tom Ash and Ann Lee wrote the screenplay for Blue Harbour in 2013 ."),
    # The doer before the verb is among those the other names.
    ("Tom Ash produced Blue Harbour .",
     "Blue Harbour is a 1998 crime film produced by Ann Lee and Tom Ash ."),
])
def test_the_same_or_no_other_doer_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # The denied verb is asserted with a doubled consonant ("modelled").
    ("Ann Lee refused to model for Brightwear .",
     "Ann Lee has modelled for Brightwear , Coastline and Vera Moda ."),
    # A doer of the denied deed ("writer") or the deed as a noun ("appearances").
    ("Tom Ash has yet to write for the stage .",
     "Tom Ash -LRB- 1901 -- 1980 -RRB- was a stage writer and painter ."),
    ("Ann Lee never appeared on radio .",
     "Ann Lee makes regular radio appearances , mostly about her books ."),
    # The denial is as long as the other claim: "refused" is its polarity, not its content.
    ("Joan Mirren refused to model for Brightwear .",
     "Mirren has modelled for Coastline , Vera and Brightwear ."),
])
def test_a_short_denial_of_what_the_other_asserts_conflicts(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.opposite"


@pytest.mark.parametrize(("a", "b"), [
    # Nobody named: whose wish is it?
    ("wanted to plead not guilty .",
     "A man from Leeds has pleaded guilty at the crown court to the theft of a red car from "
     "the garage of his neighbour's house on the high street in May ."),
    # A headline's "No X" is left to the headline rules.
    ("No new tax on Brightwear", "Brightwear will pay a new tax on imports from May , "
                                 "the finance ministry of the country announced today ."),
    # The rest of the short claim is not in the other.
    ("Ann Lee never wrote a novel about Paris .", "Ann Lee is a writer from Leeds ."),
    # As long as the other, but the brand she refused is not among those it names.
    ("Joan Mirren refused to model for Brightwear .",
     "Mirren has modelled for Coastline , Vera and Lumo ."),
])
def test_a_denial_without_its_subject_or_its_rest_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Ann Lee was born in Leeds .",
     "Born in Bristol , Ann Lee comes from a family of singers and began singing at nine .",
     "in leeds vs in bristol"),
    ("Tom Ash studied at the Kent School of Art .",
     "Tom Ash studied under the painter Bo Carr at the Royal Academy of Music in London .",
     "at kent school art vs at royal academy music"),
    # Names sharing only a common word ("School") are still two names.
    ("Tom Ash studied at the Kent School of Art .",
     "Tom Ash studied under the painter Bo Carr at the Berklee School of Music .",
     "at kent school art vs at berklee school music"),
    # The subject opens the claim and is its only name besides the slot's.
    ("Norland is a country in Europe .",
     "Norland is a country in the Maghreb region of North Africa , bordered by the sea .",
     "in europe vs in maghreb"),
    # A kind word may stand between the slot word and the name.
    ("Bo Carr is a character in Salt Roads .",
     "Bo Carr is a character in the novel Grey Mill written by Ann Lee in 1905 .",
     "in salt roads vs in grey mill"),
])
def test_another_name_in_the_same_slot_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "entity.differs"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # A word of the shorter claim ("born") is missing: the other may tell another event.
    ("Ann Lee was born in Leeds .", "Ann Lee began a long tour of concerts in Bristol ."),
    # A country and its people's adjective name one place.
    ("The bank is in Norway .", "The bank is a large Norwegian lender based in Oslo ."),
    # A nationality is no name for a slot.
    ("The singer is a judge on Star Hunt .",
     "The singer is a judge on the British talent show Star Hunt , first shown in 2009 ."),
    # A month fills no name slot.
    ("The bridge was opened in May .", "The bridge was opened in May by Ann Lee ."),
    # The same school told with its telling word.
    ("Tom Ash studied at the Kent School of Art .",
     "Tom Ash studied under the painter Bo Carr at the Kent School in Canterbury ."),
    # The kind word before the name is no name of its own.
    ("Bo Carr is a character in the novel Salt Roads .",
     "Bo Carr is a character in Salt Roads , a novel by Ann Lee ."),
    # "The" opens no name: the claim has no subject to share.
    ("The bank is a lender in Europe .", "The bank is a lender in the Maghreb region ."),
])
def test_a_name_slot_without_a_rival_name_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Ann Lee is a senator .", "Ann Lee -LRB- born 4 May 1970 -RRB- is a Welsh fashion model .",
     "a senator vs a model"),
    ("Tom Ash is a racing driver .",
     "Tom Ash -LRB- born 1961 -RRB- is an English novelist and poet .", "a driver vs a novelist"),
])
def test_a_line_of_work_in_another_field_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "alternative.exclusive"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # One field: an author is a novelist; a singer may act.
    ("Ann Lee is an author .", "Ann Lee -LRB- born 1950 -RRB- is a Welsh novelist ."),
    ("Ann Lee is a singer .", "Ann Lee is an English actress and dancer ."),
    # The other claim names both fields.
    ("Tom Ash is an actor .", "Tom Ash is an American politician and actor from Ohio ."),
    # Said of two different people.
    ("Ann Lee is a senator .", "Her son Tom Ash is a fashion model in Paris ."),
    # Denied: "not a senator" fits "a model".
    ("Ann Lee is not a senator .", "Ann Lee is a Welsh fashion model ."),
])
def test_lines_of_work_that_can_both_hold_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("The Blue Gulls were one of the worst-selling bands of the decade .",
     "Formed in Leeds in 1990 , the Blue Gulls toured widely , sold ten million records and "
     "became one of the best-selling bands of the decade .", "'worst-selling' vs 'best-selling'"),
    ("The Grey Mill is a highly regarded painting .",
     "Painted in 1901 by Tom Ash while he lived in Kent , The Grey Mill is a barely regarded "
     "painting of a mill .", "'highly' vs 'barely'"),
    ("The Blue Gulls disbanded in 1990 .",
     "The Blue Gulls are an English folk band from Leeds , formed in 1990 by Ann Lee .",
     "'disbanded' vs 'formed'"),
])
def test_an_opposite_in_a_short_claim_covered_by_a_long_one_conflicts(
        a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.antonym"
    assert words in judgement.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    # A word of the short claim ("painting") is not in the long one.
    ("The Grey Mill is a highly regarded painting .",
     "Built in 1901 by Tom Ash while he lived in Kent , The Grey Mill is a barely used "
     "building by the river ."),
    # Headlines play with opposites.
    ("Ann Lee Found Dead But Still Sings At Her Own Concert",
     "Ann Lee , the singer from Leeds said to have died on Sunday , is alive and well and "
     "sang at a concert in Leeds on Monday , her agent said ."),
])
def test_an_opposite_without_the_rest_of_the_claim_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_a_part_of_the_whole_excuses_a_length_but_not_a_day() -> None:
    from datetime import date

    from factcheck.pipeline import classify
    from factcheck.pipeline.extract import extract_report

    def claim(text: str, day: date) -> Claim:
        return extract_report(text, published=day).claims[0]

    part = claim("The committee agreed on a draft text on Thursday after three years of "
                 "talks.", date(2024, 8, 9))
    day = classify(part, claim("The draft text was agreed on Monday.", date(2024, 8, 11)),
                   published_a=date(2024, 8, 9), published_b=date(2024, 8, 11))
    assert day.label == "conflict" and day.reasons == ("value.mismatch.date",)
    assert "part" not in day.explanation and "Monday" in day.explanation
    length = classify(claim("The treaty took five years to finalize.", date(2024, 8, 9)),
                      claim("The committee took three years to finalize the treaty.",
                            date(2024, 8, 11)))
    assert length.label == "complement"
    assert length.reasons == ("value.mismatch.number", "scope.differs")


@pytest.mark.parametrize(("a", "b"), [
    # "zero" before a capitalised name is a plain number, like the "four" extraction reads.
    ("The club's squad includes zero Olympic Champions .",
     "The club has a large squad , including four Olympic Champions and two coaches ."),
])
def test_zero_against_a_count_before_a_name_conflicts(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "value.mismatch.number"
    assert "zero vs four" in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    # The same count, and a count of something else in a long sentence.
    ("The club's squad includes four Olympic Champions .",
     "The club has a large squad , including four Olympic Champions and two coaches ."),
    ("The club's squad includes zero Olympic Champions .",
     "The club has a large squad of players from Leeds and Bristol who trained for nine years "
     "under two coaches at the old ground ."),
])
def test_zero_without_a_rival_count_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Maria Olsen is childless .", "In 1990 , Olsen married the painter Tom Ash , with whom "
                                   "she had two children .", "children: none vs two children"),
    ("Maria Olsen is childless .", "Maria Olsen and her husband had three sons .",
     "children: none vs three sons"),
    ("The farmer Tom Ash was homeless .", "Tom Ash owns two homes near Leeds .",
     "homes: none vs two homes"),
])
def test_a_privative_adjective_against_a_count_conflicts(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "value.mismatch.number"
    assert words in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    # Another subject, a denied privative, a privative only for a time, no count.
    ("Maria Olsen is childless .", "Tom Ash and his wife had three children ."),
    ("Maria Olsen is not childless .", "Maria Olsen and her husband had three children ."),
    ("Maria Olsen was childless until 1990 .", "Maria Olsen and her husband had three children ."),
    ("Maria Olsen is childless .", "Maria Olsen and her husband live in Leeds with a dog ."),
])
def test_a_privative_adjective_without_a_count_of_its_thing_does_not_conflict(
        a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_an_exclusive_word_before_the_same_two_words_conflicts() -> None:
    judgement = relate(
        "Ann Lee was the first woman to lead the Leeds rowing club .",
        "In 1990 , Lee beat Tom Ash in a vote and became the second woman to lead the Leeds "
        "rowing club .")
    assert judgement.label == "conflict"
    assert "'first' vs 'second' in the same place" in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    # Denied: "not the first" fits "the second".
    ("Ann Lee was not the first woman to lead the Leeds rowing club .",
     "In 1990 , Lee beat Tom Ash in a vote and became the second woman to lead the Leeds "
     "rowing club ."),
    # Different words after it: another thing ranked.
    ("Ann Lee was the first woman to lead the Leeds rowing club .",
     "In 1990 , Lee became the second person to win the Leeds rowing race ."),
])
def test_an_exclusive_word_denied_or_elsewhere_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_an_adverb_of_the_denied_word_conflicts() -> None:
    judgement = relate(
        "The firm says getting permits for its engineers in Leeds has not been easy .",
        "The firm's engineers in Leeds can easily get permits .")
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.opposite"


@pytest.mark.parametrize(("a", "b"), [
    # The adverb qualifies another deed than the one denied.
    ("The old bridge in Leeds was not safe .",
     "The old bridge in Leeds was safely reopened on Monday ."),
])
def test_an_adverb_of_another_deed_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    ("Staff must now delete the messaging app from their work phones .",
     "Staff must now keep the messaging app on their work phones ."),
    ("The council wants to spur growth in the Leeds building trade .",
     "The council wants to hinder growth in the Leeds building trade ."),
    ("The probe looked inside the crater near the south pole .",
     "The probe looked outside the crater near the south pole ."),
])
def test_news_opposites_conflict(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.antonym"


@pytest.mark.parametrize(("a", "b"), [
    # Both words in one claim, or the opposite about another thing.
    ("Staff must keep the app but delete old messages from their phones .",
     "Staff must keep the app on their phones ."),
    ("The council wants to spur growth in the Leeds building trade .",
     "High rents hinder the Bristol shops , the mayor of Bristol said on Monday ."),
])
def test_news_opposites_elsewhere_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Officials carried out a controlled burn of the spilled chemicals in Leeds .",
     "Officials carried out an uncontrolled burn of the spilled chemicals in Leeds .",
     "'controlled' vs 'uncontrolled'"),
    ("The firm was fined for an unnamed data breach at its Leeds office .",
     "The firm was fined for a named data breach at its Leeds office .",
     "'unnamed' vs 'named'"),
])
def test_a_word_and_its_un_prefixed_form_conflict(a: str, b: str, words: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.antonym"
    assert words in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    # Short words are not read as prefixed ("union", "until"), nor another thing's word.
    ("The union met the owners in Leeds on Monday .",
     "The union met the owners in Leeds on Monday to talk about pay ."),
    ("Officials carried out a controlled burn of the spilled chemicals in Leeds .",
     "An uncontrolled fire broke out at a Bristol warehouse on Monday , police said ."),
])
def test_an_un_prefix_elsewhere_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_not_until_denies_nothing_across_a_long_verb_phrase() -> None:
    # "not ... until" dates a change, up to eight words apart; a plain denial still clashes.
    until = relate("The virus was not deemed to be a danger to farm workers until 2005 .",
                   "The virus was deemed a danger to farm workers in 2005 .")
    assert until.label != "conflict"
    denied = relate("The virus was not deemed to be a danger to farm workers .",
                    "The virus was deemed a danger to farm workers .")
    assert denied.label == "conflict"
    assert denied.reasons[0] == "polarity.opposite"


_BANK_ARTICLE = (
    "A report found that Lumo Bank moved nearly $1.8 billion worth of customer funds last "
    "year . Lumo Bank reportedly moved the funds that backed $1 billion worth of customer "
    "tokens to several hedge funds . The bank said the transfers were routine . Regulators "
    "in Leeds are looking into the case . Shares in Lumo Bank fell 4 % on Monday .")


def test_a_number_the_article_gives_elsewhere_is_no_clash() -> None:
    # "$1 billion" in one sentence is about the tokens; another sentence holds the sum.
    judgement = relate(_BANK_ARTICLE, "A report found that Lumo Bank secretly moved $1.8 "
                                      "billion worth of funds to several hedge funds .")
    assert judgement.label != "conflict"


def test_a_number_the_article_never_gives_still_clashes() -> None:
    judgement = relate(_BANK_ARTICLE, "A report found that Lumo Bank secretly moved $3 "
                                      "billion worth of funds to several hedge funds .")
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "value.mismatch.number"


@pytest.mark.parametrize(("a", "b", "reason", "detail"), [
    ("The council approved the budget unanimously.",
     "Only two councillors voted against the budget.", "alternative.exclusive", "2 against"),
    ("The council approved the budget unanimously.",
     "The budget passed with three votes against.", "alternative.exclusive", "3 against"),
    ("The council approved the budget by 30 votes to 12.",
     "Nine councillors voted against the budget.", "value.mismatch.number", "12 vs 9"),
])
def test_votes_against_clash_with_unanimity_and_with_another_count(
        a: str, b: str, reason: str, detail: str) -> None:
    for x, y in ((a, b), (b, a)):
        found = relate(x, y)
        assert found.label == "conflict", (x, y, found)
        assert found.reasons[0] == reason
    assert detail in relate(a, b).explanation


@pytest.mark.parametrize(("a", "b"), [
    # Abstaining is no vote against.
    ("The council approved the budget unanimously.",
     "The budget was approved unanimously, with two abstentions."),
    ("The council approved the budget unanimously.", "No councillor voted against the budget."),
    # The 12 of the recorded vote.
    ("The council approved the budget by 30 votes to 12.",
     "Twelve councillors voted against the budget."),
    # Another vote, years before.
    ("The council approved the budget unanimously.",
     "Two councillors said they had voted against a budget in 2019."),
])
def test_votes_against_that_fit_do_not_conflict(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert relate(x, y).label != "conflict", (x, y)


def test_a_year_before_a_noun_is_a_date_not_a_count() -> None:
    found = relate("The play is a 1930 comedy in three acts.",
                   "The play is a 1940 comedy in three acts.")
    assert found.label == "conflict"
    assert found.reasons[0] == "value.mismatch.date"
    # Without the article the number counts the noun, as before.
    assert signals(claim("They sent 2000 troops.")).numbers[0].kind != "date"


@pytest.mark.parametrize(("a", "b"), [
    ("Ann Lee is a football player.", "Ann Lee is an Irish poker player."),
    ("The striker signed for the football club in May.",
     "The striker signed for the rugby club in May."),
    # Another head after the game: a player / a quarterback.
    ("Ann Lee is a poker player.",
     "Ann Lee (born 1987) is an American football quarterback who plays for Leeds."),
])
def test_another_game_for_the_same_player_or_club_conflicts(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        found = relate(x, y)
        assert found.label == "conflict", (x, y, found)
        assert found.reasons[0] == "alternative.exclusive"


@pytest.mark.parametrize(("a", "b"), [
    ("Ann Lee plays football and tennis.", "Ann Lee is a tennis player."),  # both games
    ("Ann Lee is a football player.", "Ann Lee is an Irish football player."),
    ("The soccer team won the cup.", "The football team won the cup."),  # one game
    # Two games with two heads on one side: a coach of one, once a player of the other.
    ("Ann Lee is a football coach and a former tennis player.", "Ann Lee is a tennis coach."),
])
def test_the_same_game_or_both_games_do_not_conflict(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert relate(x, y).label != "conflict", (x, y)


def test_another_charge_for_the_same_death_conflicts() -> None:
    a = "The driver pleaded guilty to manslaughter in the death of a cyclist."
    b = "The driver pleaded guilty to murder in the death of a cyclist."
    assert relate(a, b).label == "conflict"
    assert relate(a, b).reasons[0] == "alternative.exclusive"
    # Both charges named on one side: no clash.
    assert relate("The driver was charged with murder and manslaughter.",
                  "The driver was charged with murder.").label != "conflict"


def test_a_profit_and_a_loss_of_the_same_sum_conflict() -> None:
    a = "The airline reported a profit of $40m for the first quarter."
    found = relate(a, "The airline reported a loss of $40m for the first quarter.")
    assert found.label == "conflict"
    assert found.reasons[0] == "polarity.antonym"
    # A loss of one unit inside the profit of the whole: both words on one side.
    assert relate("The airline made a profit of $40m despite a loss at its cargo unit.",
                  "The airline made a profit of $40m.").label != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    ("The minister resigned on Friday.", "The minister was dismissed on Friday."),
    ("The president signed the bill into law.", "The president vetoed the bill."),
    ("The suspect was released on Monday.", "The suspect was detained on Monday."),
    ("The suspect was released on bail on Monday.", "The suspect was held in custody on Monday."),
    ("Exports increased by 3% in May.", "Exports declined by 3% in May."),
    ("The economy is growing by 2% a year.", "The economy is shrinking by 2% a year."),
    ("The plane landed safely in Denver.", "The plane crashed near Denver."),
])
def test_exclusive_outcomes_of_one_event_conflict(a: str, b: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert "polarity.antonym" in found.reasons


def test_a_count_told_with_another_word_is_the_same_count() -> None:
    # "five injured" counts people: no clash with the two killed.
    assert relate("Two people were killed and five injured in the crash.",
                  "Five people were injured in the crash.").label != "conflict"
    assert relate("Three people died and 12 were hurt in the blast.",
                  "Twelve people were hurt in the blast.").label != "conflict"
    # Another count of the same thing still clashes.
    found = relate("Two people were killed in the crash.", "Five people were killed in the crash.")
    assert found.label == "conflict"
    assert found.reasons[0] == "value.mismatch.number"


def test_both_outcomes_on_one_side_do_not_conflict() -> None:
    assert relate("Sales rose in May after a decline in April.",
                  "Sales rose in May.").label != "conflict"
    assert relate("The plane landed in Denver after the crash of its first engine.",
                  "The plane landed in Denver.").label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("A jury found Ann Lee not guilty of murder.", "Ann Lee was convicted of murder.",
     "'found ann lee not guilty' vs 'convicted'"),
    ("The jury found the driver guilty.", "The jury acquitted the driver.",
     "'found the driver guilty' vs 'acquitted'"),
    ("The match was called off.", "The match went ahead as planned.",
     "'called off' vs 'went ahead as planned'"),
    ("The company hired 200 workers.", "The company laid off 200 workers.",
     "'hired' vs 'laid off'"),
    ("The hostages were freed on Monday.", "The hostages are still held.",
     "'freed' vs 'still held'"),
])
def test_a_phrase_or_irregular_form_meets_its_opposite(a: str, b: str, words: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert found.reasons[0] == "polarity.antonym"
    assert words in found.explanation.lower()


def test_an_irregular_form_meets_its_opposite_without_changing_content() -> None:
    upheld = claim("The court upheld the ruling.")
    overturned = claim("The court overturned the ruling.")
    found = classify(upheld, overturned)
    assert found.label == "conflict"
    assert found.reasons[0] == "polarity.antonym"
    # The form is read only for opposites: the claim's stems (and blocking keys) stay.
    assert "upheld" in signals(upheld).content
    assert "uphold" not in signals(upheld).content


@pytest.mark.parametrize(("a", "b"), [
    # A plea is no verdict.
    ("Ann Lee pleaded not guilty to murder.", "Ann Lee was convicted of murder."),
    # Held for a week, then freed: both happened.
    ("The hostages were held for a week.", "The hostages were freed on Monday."),
    # "a captive" alone says nothing of whether the captive is still held.
    ("The group released a video of a captive pilot.",
     "The group released a video of the pilot."),
])
def test_a_phrase_without_its_opposite_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_as_planned_is_no_expected_stage() -> None:
    assert not signals(claim("The match went ahead as planned.")).anticipated
    assert signals(claim("The match is planned for May.")).anticipated
    found = relate("The match went ahead.", "The match went ahead as planned.")
    assert found.label == "agree"
    assert "stage.differs" not in found.reasons


@pytest.mark.parametrize(("a", "b"), [
    ("Tom Ash has written several historical novels.",
     "Tom Ash has stayed away from historical novels."),
    ("Tom Ash helped to found the band Tin Cup.",
     "Tom Ash died before helping to found the band Tin Cup."),
    ("Ann Lee voted in the election.", "Ann Lee abstained from voting in the election."),
])
def test_a_phrase_that_denies_what_follows_conflicts(a: str, b: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert found.reasons[0] == "polarity.opposite"


def test_dying_before_an_event_does_not_deny_the_event() -> None:
    assert relate("The band Tin Cup released its last album in 1990.",
                  "Tom Ash died before the band Tin Cup released its last album.").label != (
        "conflict")


def test_a_function_word_meets_its_opposite() -> None:
    found = relate("The plan seeks the most value for the money the state spends.",
                   "The plan seeks the least value for the money the state spends.")
    assert found.label == "conflict"
    assert "'most' vs 'least'" in found.explanation
    found = relate("The company hired more workers in May.",
                   "The company hired less workers in May.")
    assert found.label == "conflict"
    assert found.reasons[0] == "polarity.antonym"
    # "most" is still no content word: it ties no claims together.
    assert "most" not in signals(claim("The plan seeks the most value.")).content


@pytest.mark.parametrize(("a", "b"), [
    ("The company reported more profit this year.", "The company reported less debt this year."),
    ("More than 20 countries signed the treaty.", "Less than 30 countries signed the treaty."),
])
def test_more_and_less_of_different_things_do_not_conflict(a: str, b: str) -> None:
    # "more" turns on the word after it; "more than" is a bound, which the values compare.
    assert relate(a, b).label != "conflict"


def test_a_function_word_on_both_sides_excludes_nothing() -> None:
    assert relate("The party won the most seats and the least votes in the north.",
                  "The party won the most seats in the north.").label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Tin Cup Foods reported net earnings of $40m in the third quarter.",
     "Tin Cup Foods loses $40m.", "'earnings' vs 'loses'"),
    ("The bakery chain Tin Cup is struggling after the floods.",
     "The bakery chain Tin Cup is thriving after the floods.", "'struggling' vs 'thriving'"),
    ("The bank raised its main interest rate to 4% on Thursday.",
     "The bank lowered its main interest rate to 4% on Thursday.", "'raised' vs 'lowered'"),
    ("The firm secretly moved $2m to its owners.", "The firm publicly moved $2m to its owners.",
     "'secretly' vs 'publicly'"),
])
def test_figures_and_manners_meet_their_opposites(a: str, b: str, words: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert found.reasons[0] == "polarity.antonym"
    assert words in found.explanation.lower()


@pytest.mark.parametrize(("a", "b"), [
    ("Ann Lee (born 3 May 1975) is an Irish singer.", "Ann Lee graduated on 3 May 1975."),
    ("Ann Lee (born 3 May 1975) is an Irish singer.", "Ann Lee died on May 3rd , 1975 ."),
])
def test_another_life_event_on_the_day_of_birth_conflicts(a: str, b: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert found.reasons[0] == "alternative.exclusive"
    assert found.explanation.startswith("Born on 3 May 1975 vs ")


@pytest.mark.parametrize(("a", "b"), [
    ("Ann Lee (born 3 May 1975) is an Irish singer.", "Ann Lee was born on 3 May 1975."),
    ("Ann Lee graduated from Leeds on 3 May 1995 and was born in Cork.",
     "Ann Lee graduated on 3 May 1995."),
])
def test_a_birth_day_without_another_event_does_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Ann Lee is only Irish .", "Ann Lee is an Armenian singer and songwriter .",
     "only irish vs armenian"),
    ("Blue Harbour is a Croatian drama film .", "Blue Harbour is a Serbian drama film .",
     "croatian vs serbian"),
])
def test_more_nationalities_exclude_each_other(a: str, b: str, words: str) -> None:
    found = relate(a, b)
    assert found.label == "conflict", found
    assert words in found.explanation.lower()


def test_opposite_changes_of_the_same_thing_conflict_in_long_sentences() -> None:
    # Too much else differs for the antonym rule's overlap: the changed word is beside
    # the same word ("sea ice ... declining" / "sea ice ... growing").
    found = relate("The report says sea ice in the Arctic is declining at a rate of 13 percent "
                   "a decade, driven by warmer summers.",
                   "Sea ice in the Arctic is growing, the report says, as winters get colder.")
    assert found.label == "conflict", found
    assert "'declining' vs 'growing'" in found.explanation


@pytest.mark.parametrize(("a", "b"), [
    # A headline: they joke and tease in opposites.
    ("The report says sea ice in the Arctic is declining at a rate of 13 percent a decade, "
     "driven by warmer summers.", "Sea Ice In The Arctic Is Growing As Winters Get Colder"),
    # The changes are said of different things.
    ("The report says sea ice in the Arctic is declining at a rate of 13 percent a decade, "
     "driven by warmer summers.",
     "Shipping in the Arctic is growing, the report says, as sea routes open."),
])
def test_opposite_changes_of_different_things_do_not_conflict(a: str, b: str) -> None:
    assert relate(a, b).label != "conflict"


def test_an_equal_count_of_other_things_does_not_excuse_a_different_count() -> None:
    found = relate("In total, 870 people have been infected, and 457 deaths have been reported "
                   "in 21 countries.",
                   "Since then, 871 infections have been reported, with 458 deaths in 21 "
                   "countries.")
    assert found.label == "conflict", found
    assert "457 deaths vs 458 deaths" in found.explanation
    # Counts of different things do not clash; the equal count agrees.
    assert relate("In total, 457 deaths have been reported in 21 countries.",
                  "In total, 458 infections have been reported in 21 countries.").label != (
        "conflict")


def test_an_equal_count_does_not_excuse_a_different_count_of_the_same_noun() -> None:
    found = relate("In total, 870 people worldwide have been infected, and 457 deaths have been "
                   "reported in 21 countries.",
                   "Since then, around 870 infections have been reported worldwide, with 457 "
                   "deaths in 25 countries.")
    assert found.label == "conflict", found
    assert "21 countries vs 25 countries" in found.explanation
    # Between two reports a count no word ties to the other still needs that tie.
    pair = classify(claim("In total, 457 deaths have been reported in 21 countries."),
                    claim("With 457 deaths, the virus reached 25 countries."))
    assert pair.label != "conflict", pair


def test_two_values_told_beside_the_same_words_clash_whatever_else_is_equal() -> None:
    a = ("The Bank of Japan said it would buy bonds, as the 10-year JGBs touched 0.505% for a "
         "second straight session, breaching the BOJ's 0.5% cap.")
    found = relate(a, a.replace("0.505%", "0.503%"))
    assert found.label == "conflict", found
    assert "0.505% vs 0.503%" in found.explanation
    # A list gives several values beside the same words: one of them equal is no clash.
    assert relate("Yale's alumni include zero U.S. Presidents.",
                  "Yale's alumni include zero U.S. Presidents, 19 U.S. Supreme Court Justices "
                  "and 20 living billionaires.").label != "conflict"
    # Nor are two values of a sentence that tells much else: here another time.
    assert relate(a, "Last month, traders said, the 10-year JGBs touched 0.4% for a second "
                     "straight session, well under the BOJ's 0.5% cap.").label != "conflict"


def test_two_claims_denying_different_things_conflict() -> None:
    found = relate("The police, who have opened an inquiry, have not found any weapon.",
                   "The police, who have not opened an inquiry, have found a weapon.")
    assert found.label == "conflict", found
    assert found.reasons[0] == "polarity.opposite"
    assert found.explanation.startswith("Each denies what the other says happened")
    # Both deny the same thing: no clash.
    assert relate("The police have not opened an inquiry and have not found a weapon.",
                  "The police have not found a weapon.").label != "conflict"


def test_not_until_against_until_conflicts() -> None:
    found = relate("The virus was not deemed to be a threat to humans until a 1997 outbreak.",
                   "The virus was deemed to be a threat to humans until 1997.")
    assert found.label == "conflict", found
    assert found.reasons[0] == "polarity.opposite"
    # Something else held until then: both can be true.
    assert relate("The railway line was not electrified until 1990.",
                  "The railway line was worked by steam until 1990.").label != "conflict"
    # Both say "not ... until".
    assert relate("The bridge was not opened until 1990.",
                  "The new bridge was not opened to traffic until 1990.").label != "conflict"


def test_a_capitalised_title_is_a_line_of_work() -> None:
    found = relate("Ann Lee is a musician .",
                   "Ann Lee (born 1947) is a US President who first became famous in 1969 .")
    assert found.label == "conflict", found
    assert found.reasons[0] == "alternative.exclusive"
    assert "musician vs a president" in found.explanation.lower()
    # The same field, told with a title: no clash.
    assert relate("Ann Lee is a senator .",
                  "Ann Lee (born 1947) is a US Senator who first won in 1990 .").label != (
        "conflict")


def test_one_deal_told_from_both_sides_does_not_conflict() -> None:
    seller = ("The 1975 Ford Escort once owned by Ann Lee sold for $690,000 on Saturday to a "
              "Houston collector who plans to show it in a museum.")
    assert relate(seller, "A Houston collector buys Ann Lee's Ford Escort.").label != "conflict"
    # The same side twice: the collector sold it, the other says the collector bought it.
    found = relate("The Houston collector sold the Ford Escort of Ann Lee in May.",
                   "The Houston collector bought the Ford Escort of Ann Lee in May.")
    assert found.label == "conflict"
    assert found.reasons[0] == "polarity.antonym"


def test_two_short_sentences_sharing_few_words_do_not_agree() -> None:
    # Two sentences say more than two headlines: sharing a name and a word or two, with no
    # clash found, they tell different details rather than the same event.
    judgement = relate("Ann Lee had been the foreman at the Gull and Ash boat yard. Tom Ash, "
                       "one of the partners and builder of the Ash ketch, was Lee's cousin.",
                       "Gull built a ketch.")
    assert judgement.label == "complement"
    assert judgement.reasons[0] == "detail.differs"



def test_a_line_of_work_told_with_worked_as_conflicts_with_another_field() -> None:
    # The opening pronoun stands for the name the other text gives.
    judgement = relate("Ann Lee was a senator .",
                       "She started acting in films in 1993 after having worked as a singer "
                       "and fashion model .")
    assert judgement.label == "conflict"
    assert "a senator vs a singer" in judgement.explanation.lower()


def test_where_a_thing_originated_conflicts_across_in_and_from() -> None:
    judgement = relate("The Gull dance originated in Leeds .",
                       "The Gull is a form of dance originating from Bristol .")
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "entity.differs"
    assert "in leeds vs from bristol" in judgement.explanation.lower()


def test_the_same_origin_across_in_and_from_does_not_conflict() -> None:
    assert relate("The Gull dance originated in Leeds .",
                  "The Gull is a form of dance originating from Leeds .").label != "conflict"


@pytest.mark.parametrize(("a", "b", "phrase"), [
    # What is denied is the consensus, not the adoption.
    ("The treaty was not adopted by consensus.", "Guterres hailed the adoption of the treaty.",
     "by consensus"),
    # Not seen in Paris fits seen in Lyon.
    ("The suspect was never seen in Paris.", "The suspect was seen in Lyon on Friday.",
     "in Paris"),
])
def test_a_denied_detail_the_other_never_tells_is_no_conflict(a: str, b: str,
                                                              phrase: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "complement"
    assert f"denies only “{phrase}”" in judgement.explanation


@pytest.mark.parametrize(("a", "b"), [
    # The other tells the denied phrase, or its sense ("unanimously" is a consensus).
    ("The treaty was not adopted by consensus.", "The treaty was adopted by consensus on Tuesday."),
    ("The treaty was not adopted by consensus.", "The treaty was unanimously adopted on Tuesday."),
    # "with" names how the act went, not a detail beside it.
    ("The mayor was not caught with his hand in the till.",
     "The mayor was caught stealing from the till."),
    ("The treaty was not adopted.", "The treaty was adopted by the Assembly."),
])
def test_a_denial_of_what_the_other_tells_still_conflicts(a: str, b: str) -> None:
    judgement = relate(a, b)
    assert judgement.label == "conflict"
    assert judgement.reasons[0] == "polarity.opposite"


@pytest.mark.parametrize("b", [
    "Source: Gull Motors working on a 12-inch electric scooter",
    "UK Official: Gull Motors Working On A 12-Inch Electric Scooter",
    "NYT: Gull Motors working on a 12-inch electric scooter",
])
def test_a_headline_opening_with_its_source_only_reports(b: str) -> None:
    judgement = relate("Gull Motors is working on a 12-inch electric scooter", b)
    assert judgement.label == "complement"
    assert "attribution.differs" in judgement.reasons


@pytest.mark.parametrize(("a", "b"), [
    # A label that names no source.
    ("Gull Motors is working on a 12-inch electric scooter",
     "BREAKING: Gull Motors working on a 12-inch electric scooter"),
    # Read as b about a, a's own source is part of the claim b confirms.
    ("Source: Gull Motors working on a 12-inch electric scooter",
     "Gull Motors is working on a 12-inch electric scooter"),
])
def test_a_label_or_the_claims_own_source_is_no_attribution(a: str, b: str) -> None:
    assert relate(a, b).label == "agree"


def test_an_announcement_of_ones_own_act_asserts_it() -> None:
    # "announced" is how a company or government asserts its own act, not a report of
    # someone else's words; "said" still only reports.
    assert relate("The carmaker will cut 500 jobs.",
                  "The carmaker announced it will cut 500 jobs.").label == "agree"
    said = relate("The carmaker will cut 500 jobs.", "The carmaker said it will cut 500 jobs.")
    assert said.label == "complement"
    assert "attribution.differs" in said.reasons


def test_the_suspect_names_a_person_and_hedges_nothing() -> None:
    # In crime news "the suspect" is how a report names the arrested man.
    judgement = relate("A man was arrested on Friday and charged with arson.",
                       "The suspect was arrested on Friday and charged with arson.")
    assert judgement.label == "agree"


@pytest.mark.parametrize("b", [
    "Ann Lee is a key suspect in the killing of the journalist.",
    "Police suspect arson caused the fire at the church.",
])
def test_being_a_suspect_or_suspecting_still_hedges(b: str) -> None:
    a = ("Ann Lee killed the journalist." if "Lee" in b
         else "Arson caused the fire at the church.")
    judgement = relate(a, b)
    assert judgement.label == "complement"
    assert judgement.reasons[0] == "modality.hedged"
