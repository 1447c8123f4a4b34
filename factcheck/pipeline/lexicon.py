"""Word lists and compiled patterns for matching and classifying claims.

Kept apart from ``resources`` (the extraction stage's lists) because these words carry
comparison meaning: which words are opposites, which mark a stage of a process or a part of
the whole, which only report or hedge a statement.
"""

from __future__ import annotations

import re

# Function words dropped from frames. Negators, modals and reporting verbs are dropped too:
# they are read separately as polarity, modality and attribution, never as content.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    am has have had having do does did doing this that these those it its it's their theirs his
    her hers they them he she we you i our ours your yours my me him us which who whom whose
    what when where why how than then so such not no nor only also too very can could will
    would shall should may might must into over under about after before during while up down
    out off again further once there here all any both each few more most other some same own
    just said says say saying told tells according per via upon onto among amid against
    within without across through throughout toward towards because since until unless though
    although whether either neither yet still even ever much many lot lots get got gets
    one's itself themselves himself herself ourselves yourself s t re ve ll d m o""".split()
)

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+(?:[.,]\d+)*")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# The number words as one regular-expression alternation, longest first ("seventeen" before
# "seven").
NUMBER_WORD_ALTERNATIVES = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
               "trillion": 1e12}

# Irregular forms folded onto one stem so "won" meets "win" and "lost" meets "lose".
IRREGULAR = {
    # "news" is no plural of "new": "no news to report" denies no "new dawn".
    "news": "news",
    "won": "win", "wins": "win", "winning": "win", "lost": "lose", "loses": "lose",
    "losing": "lose", "died": "die", "dies": "die", "dying": "die", "dead": "die",
    "death": "die", "killed": "kill", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "went": "go", "gone": "go", "made": "make", "began": "begin",
    "begun": "begin", "left": "leave", "held": "hold", "found": "find", "sold": "sell",
    "bought": "buy", "paid": "pay", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "men": "man", "women": "woman", "children": "child", "people": "person",
    "finalise": "finalize", "finalised": "finalize", "finalisation": "finalize",
    "finalization": "finalize", "finalizing": "finalize", "finalising": "finalize",
    "finalized": "finalize", "organisation": "organization", "effort": "work",
    "efforts": "work", "pact": "treaty", "accord": "treaty", "convention": "treaty",
    "u.s.": "united-states", "usa": "united-states", "america": "united-states",
    "american": "united-states", "uk": "britain",
    "british": "britain", "un": "united-nations", "arrested": "arrest",
    "adoption": "adopt", "adopted": "adopt", "approval": "approve",
}

NEGATORS = frozenset({"not", "no", "never", "n't", "none", "nobody", "no-one", "nothing",
                      "neither", "nor", "cannot", "can't", "won't", "isn't", "wasn't", "aren't",
                      "weren't", "doesn't", "didn't", "don't", "hasn't", "haven't", "hadn't",
                      "couldn't", "wouldn't", "shouldn't", "nowhere",
                      # Contractions written without their apostrophe, as in quoted speech
                      # and social media ("'I cant speak for the first death"). "wont" is
                      # left out: "as was his wont" denies nothing.
                      "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent",
                      "hasnt", "havent", "hadnt", "couldnt", "wouldnt", "shouldnt"})
# Verbs and phrases that deny what follows them: "refused to model" = did not model;
# "stayed away from the genre" = did not write in it; "died before helping to found the
# band" = did not help (but "died before the band released" denies no release).
NEGATING_PHRASES = re.compile(
    r"\b(?:refus(?:e|ed|es|ing) to|fail(?:ed|s)? to|unable to|declin(?:e|ed|es) to|"
    r"lack(?:s|ed)? of|lack(?:s|ed)?|incapable of|absence of|free of|devoid of|yet to|"
    r"stay(?:s|ed|ing)? away from|steer(?:s|ed|ing)? clear of|"
    r"(?:refrain|abstain)(?:s|ed|ing)? from|died before (?=\w+ing\b)|"
    # "without the possibility of parole" denies as "without parole" does.
    r"other than|without (?:the (?:possibility|chance|prospect|option) of )?"
    r"(?!a\b|an\b|the\b|any\b|doubt\b))\b",
    re.IGNORECASE)
# Someone not saying tells neither way, whoever it is: "the FDA would not say in which states
# the pills were sold", "the cause was not disclosed". A text that "does not say anything
# about" a thing is read as a denial: it is there to be read.
_UNSAID = (
    r"(?:(?:(?:would|could|did|will|can)\s*(?:not|n['\u2019]t)|won['\u2019]t|"
    r"(?:declin|refus)(?:e|ed|es|ing) to)\s+(?:immediately\s+)?"
    r"(?:say|comment|specify|disclose|elaborate|identify)|"
    r"(?:(?:is|are|was|were|has|have|had)\s+not|(?:is|are|was|were|has|have|had)n['\u2019]t)"
    r"\s+(?:(?:yet|been)\s+)*(?:said|specified|disclosed|identified|made public)|"
    # "though they said nothing about availability and pricing"
    r"(?:say|says|said|saying)\s+nothing\s+(?:about|of|on))\b")
UNSAID_RE = re.compile(r"\b" + _UNSAID, re.IGNORECASE)
# "not only", "no longer", "no doubt" do not deny the statement they stand in.
NEGATION_EXCEPTIONS = re.compile(
    r"\b(?:not only|not just|not merely|no doubt|no longer|not least|nothing but|no less than|"
    r"no more than|not yet|not until|no one knows|not the only|nothing new|none other than|"
    r"without further ado|do'?s and don'?t'?s|no small|never say never|"
    # "No. 1", "No 5 seed": a rank, not a denial.
    r"no\.?\s*\d+|"
    # "till" only before a date: "not caught with his hand in the till" denies.
    # ("It wasn't until May 30, 2005, that his family revealed it" asserts the revealing.)
    r"(?:not|[a-z]+n't) (?:\w+ ){0,8}?(?:until|till (?=\d|jan|feb|mar|apr|may|jun|jul|aug|"
    # "isn't much": the whole word, since no word boundary falls inside "isn't".
    r"sep|oct|nov|dec))|not much|[a-z]+n't much|"
    # What would not have happened if things were otherwise happened: "would not have
    # placed Bush on injured reserve if they were still fighting".
    r"(?:would not|wouldn't) have (?:\w+ ){1,8}?if|if\b[^.;]{1,80}(?:would not|wouldn't) have|"
    r"(?:so as|so that \w+ (?:would|will|could)) not|" + _UNSAID + r")\b", re.IGNORECASE)

# Opposites, as stems (see match.stem). Either side may appear in a or b.
ANTONYM_PAIRS: tuple[tuple[str, str], ...] = (
    ("adopt", "reject"), ("pass", "reject"), ("approve", "reject"), ("accept", "reject"),
    ("accept", "refuse"),
    ("confirm", "deny"), ("admit", "deny"), ("win", "lose"), ("victory", "defeat"),
    ("alive", "die"), ("survive", "die"), ("increase", "decrease"), ("rise", "fall"),
    ("rise", "drop"), ("raise", "cut"), ("gain", "loss"), ("higher", "lower"),
    ("profit", "loss"), ("earn", "lose"), ("earnings", "loss"), ("surplus", "deficit"),
    # What happened to the same people or the same bill: one outcome excludes the other.
    ("resign", "dismiss"), ("resign", "sack"), ("resign", "oust"),
    ("sign", "veto"), ("release", "detain"), ("release", "custody"),
    ("increase", "decline"), ("rise", "decline"), ("grow", "decline"), ("grow", "shrink"),
    ("expand", "shrink"), ("land", "crash"), ("build", "demolish"), ("uphold", "overturn"),
    ("uphold", "reverse"),
    ("larger", "smaller"), ("more", "less"), ("guilty", "innocent"), ("convict", "acquit"),
    ("true", "false"), ("real", "fake"), ("real", "fictional"), ("legal", "illegal"),
    ("allow", "ban"),
    ("allow", "forbid"), ("permit", "ban"), ("support", "oppose"), ("open", "close"),
    ("male", "female"), ("first", "last"), ("before", "after"), ("arrest", "release"),
    ("start", "end"), ("begin", "end"), ("pass", "fail"), ("succeed", "fail"),
    ("success", "failure"), ("include", "exclude"), ("hire", "fire"), ("buy", "sell"),
    ("north", "south"), ("east", "west"), ("early", "late"), ("old", "young"),
    ("same", "different"), ("public", "private"), ("mandatory", "voluntary"),
    ("peace", "war"), ("friend", "enemy"), ("love", "hate"), ("agree", "disagree"),
    ("up", "down"), ("positive", "negative"), ("minority", "majority"), ("born", "die"),
    ("dead", "alive"), ("entered", "left"), ("ally", "rival"), ("internal", "external"),
    ("domestic", "foreign"), ("cheap", "expensive"), ("safe", "dangerous"),
    ("unanimous", "divided"), ("easy", "difficult"), ("strong", "weak"), ("rich", "poor"),
    ("full", "empty"), ("present", "absent"), ("possible", "impossible"),
    ("appear", "disappear"), ("lift", "impose"), ("resign", "appoint"), ("elect", "defeat"),
    ("best", "worst"), ("significant", "insignificant"), ("considerable", "insignificant"),
    ("able", "unable"), ("likely", "unlikely"), ("popular", "unpopular"), ("happy", "sad"),
    ("success", "flop"), ("successful", "unsuccessful"), ("fiction", "nonfiction"),
    ("animated", "live-action"), ("comedy", "drama"), ("only", "multiple"), ("never", "always"),
    ("won", "nominated"), ("win", "nominate"), ("before", "after"), ("ancient", "modern"),
    ("greatest", "worst"), ("earlier", "later"), ("formed", "disbanded"),
    ("highly", "barely"), ("began", "finished"),
    ("keep", "delete"), ("keep", "remove"), ("kept", "deleted"), ("kept", "removed"),
    ("install", "remove"), ("inside", "outside"), ("most", "least"), ("spur", "hinder"),
    ("reveal", "hide"), ("unveil", "hide"), ("unveiling", "hiding"), ("bright", "dark"),
    # Whether an event took place, and what became of captives (the phrases behind "cancel",
    # "proceed" and "still-held" are in PHRASE_SENSES; "a captive" alone says nothing of now).
    ("cancel", "proceed"), ("postpone", "proceed"), ("scrap", "proceed"),
    ("release", "still-held"), ("release", "withhold"),
    ("raise", "lower"), ("increase", "drop"), ("increase", "reduce"), ("secretly", "publicly"),
    ("secret", "public"), ("struggling", "thriving"),
    # Magnitudes told as words: "the billions it has at its disposal" / "the millions".
    ("thousands", "millions"), ("millions", "billions"), ("billions", "trillions"),
)
# Irregular forms of words with an opposite, read only when looking for opposites: folding
# them into ``IRREGULAR`` would change claims' content stems and so their stored blocking
# keys. "freed" is "released": the adjective "free" has too many other senses.
OPPOSITE_FORMS = {
    "upheld": "uphold", "upholds": "uphold", "shrank": "shrink", "shrunk": "shrink",
    "built": "build", "rebuilt": "build", "grew": "grow", "grown": "grow", "hid": "hide",
    "hidden": "hide", "forbade": "forbid", "forbidden": "forbid", "withheld": "withhold",
    "freed": "release", "frees": "release", "freeing": "release", "layoff": "fire",
    "layoffs": "fire", "acquittal": "acquit", "conviction": "convict",
    "earnings": "earn",
}
# Function words with an opposite: stopwords, so never content, but "the most bang for the
# billions" / "the least bang" turns on them. Read only when looking for opposites.
# "before" / "after" are left out: a clause of time rarely turns on them ("After the vote,
# X" / "X before the vote" tell two moments, not two accounts of one).
OPPOSABLE_STOPWORDS = frozenset({"most", "more"})
# Phrases that stand for one word with an opposite, read only when looking for opposites:
# "the match was called off" / "the match went ahead as planned". The phrase's own words
# then leave that comparison ("went ahead" shares nothing with "called off" but the match).
# A plea is no verdict: "pleaded not guilty" is not "found not guilty". The words of a
# "gap" group ("found <the driver> guilty") stay in the comparison.
_VERDICT = r"\b(?:found|finds?|finding|declared|ruled|judged)\s+"
# What is published when it is released (the "publish" sense below), not freed.
_PUBLISHED = (r"(?:statements?|results?|reports?|figures|details|names?|identit(?:y|ies)|"
              r"videos?|photos?|photographs?|images?|footage|data|documents?|records?|"
              r"transcripts?|findings|information|list|tapes?|recordings?|emails?|letters?|"
              r"memos?|albums?|singles?|songs?|films?|movies?|trailers?|versions?|updates?|"
              r"patch(?:es)?)\b")
PHRASE_SENSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), sense) for pattern, sense in (
        (r"\bcall(?:s|ed|ing)?\s+off\b", "cancel"),
        (r"\b(?:went|go|goes|going|gone)\s+ahead(?:\s+as\s+(?:planned|scheduled))?\b",
         "proceed"),
        (r"\b(?:took|take|takes|taking|taken)\s+place(?:\s+as\s+(?:planned|scheduled))?\b",
         "proceed"),
        (r"\b(?:laid|lay|lays|laying)\s+off\b", "fire"),
        (r"\bset\s+free\b", "release"),
        (r"\bopen(?:s|ed|ing)?\s+fire\b", "shoot"),  # not "open": "closed the factory"
        (r"\b(?:still|remain(?:s|ed|ing)?)\s+(?:being\s+)?(?:held|detained|captive|"
         r"imprisoned|jailed|in\s+captivity|in\s+custody|behind\s+bars|hostages?)\b",
         "still-held"),
        (rf"{_VERDICT}(?P<gap>(?:\w+\s+){{0,3}}?)not\s+guilty\b", "acquit"),
        (rf"{_VERDICT}(?P<gap>(?:\w+\s+){{0,3}}?)(?<!not )guilty\b", "convict"),
        (r"\bcleared\s+of\b", "acquit"),
        # Releasing news or a work is publishing it, not freeing anyone: "results have not
        # been released" / "released on bail", "a statement released through the team" /
        # "Jackson's arrest".
        # Only "release" leaves the comparison: what was published stays ("gap").
        (r"\breleas(?:e|es|ed|ing)(?P<gap>\s+(?:(?:a|an|the|its|his|her|their|no|any|new|"
         r"further)\s+)?(?:[\w'\-]+\s+){0,2}?" + _PUBLISHED + ")", "publish"),
        (r"\b(?P<gap>" + _PUBLISHED
         + r"(?:\s+(?!(?:that|said|says|say|who|which|and|after|when|before)\b)"
         r"[^\s,;]+){0,10}?)\s+releas(?:e|es|ed|ing)\b", "publish"),
    ))

# Opposites that name two moments of one story, not two accounts of one moment: a vote
# began and ended, a man was arrested and released, a coach hired and fired.
SUCCESSIVE_PAIRS: tuple[tuple[str, str], ...] = (
    ("first", "last"), ("before", "after"), ("arrest", "release"), ("release", "detain"),
    ("release", "custody"), ("start", "end"), ("begin", "end"), ("hire", "fire"),
    ("open", "close"), ("entered", "left"), ("born", "die"), ("appear", "disappear"),
    ("resign", "appoint"), ("early", "late"),
)

ANTONYMS: dict[str, frozenset[str]] = {}
for _x, _y in ANTONYM_PAIRS:
    ANTONYMS[_x] = ANTONYMS.get(_x, frozenset()) | {_y}
    ANTONYMS[_y] = ANTONYMS.get(_y, frozenset()) | {_x}

# Nationalities: two different ones for the same person, film or firm cannot both hold
# ("a Canadian sports film" / "an American sports drama film").
DEMONYMS = frozenset("""
    american british english scottish welsh irish canadian australian french german italian
    spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish
    icelandic polish czech hungarian romanian bulgarian greek turkish russian ukrainian
    mexican brazilian argentine argentinian chilean colombian peruvian venezuelan cuban
    chinese japanese korean indian pakistani iranian iraqi israeli egyptian nigerian
    kenyan ethiopian saudi filipino indonesian vietnamese thai malaysian zealander
    armenian azerbaijani croatian serbian slovak slovenian bosnian albanian lithuanian
    latvian estonian belarusian moldovan macedonian montenegrin cypriot maltese afghan
    bangladeshi nepali nepalese burmese cambodian mongolian taiwanese singaporean emirati
    qatari kuwaiti omani yemeni jordanian lebanese syrian palestinian libyan tunisian
    algerian moroccan sudanese somali ugandan tanzanian rwandan ghanaian senegalese
    cameroonian congolese angolan zambian zimbabwean jamaican haitian bolivian ecuadorian
    paraguayan uruguayan guatemalan honduran salvadoran nicaraguan panamanian fijian
    """.split())

# Words of one class that exclude each other in the same slot: "the second largest" is not
# "the third largest", "a red car" not "a blue car" (kinds of things, "a 2005 film" / "a 2005
# novel", are in THING_KINDS below).
# Words in one group name the same kind ("film" / "movie"); only different groups clash.
# Games a player plays, or a team, league or match is of; football and soccer are one game
# in most of the world.
GAMES = ("football soccer|basketball|baseball|tennis|golf|cricket|rugby|hockey|volleyball|"
         "handball|poker|chess")

# Ordinal words, in order; the first ten exclude each other in one slot (below).
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth").split()

EXCLUSIVE_CLASSES: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(group.split()) for group in groups.split("|")) for groups in (
        "|".join(ORDINALS[:10]) + "|last final",
        "largest biggest|smallest|highest tallest|lowest|oldest|youngest newest|longest|"
        "shortest|richest|poorest|best|worst|fastest|slowest",
        "red|blue|green|yellow|black|white|orange|purple|pink|brown|grey gray",
        "gold|silver|bronze",
        "northern|southern|eastern|western",
        "spring|summer|autumn|winter",
        "morning|afternoon|evening|night",
        GAMES,
        # What someone is charged with or convicted of: one killing is not both.
        "murder|manslaughter",
        "felony|misdemeanor misdemeanour",
    ))

# What a thing is, in coarse kinds: "X is a dog" and "X is a singer" cannot both hold, nor
# "X is a city" and "X is a county". Each kind lists groups of words for one sort of thing;
# two words of different kinds clash, and two of different groups clash where the kind says
# its groups exclude each other (a film is no novel; a singer may well be an actor). Words
# with a common second sense are left out ("a host of", "a model for", "a state party", "a
# single mother", "a firm believer"); "party" counts only as a "political party", not as "a
# party to the treaty".
THING_KINDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "person": (False, (
        "person man woman boy girl child actor actress singer musician rapper songwriter "
        "composer conductor director producer screenwriter writer author novelist poet "
        "playwright journalist editor broadcaster presenter comedian politician "
        "senator congressman congresswoman president minister governor mayor diplomat "
        "ambassador king queen prince princess emperor empress lawyer judge doctor "
        "physician surgeon nurse scientist physicist chemist biologist mathematician "
        "engineer architect painter artist sculptor photographer dancer athlete "
        "player footballer cricketer boxer wrestler golfer swimmer cyclist racer "
        "coach manager businessman businesswoman entrepreneur executive banker economist "
        "philosopher historian teacher professor student soldier officer astronaut "
        "priest bishop pope monk nun chef designer inventor explorer activist murderer "
        "criminal quarterback pitcher goalkeeper celebrity socialite personality "
        "vocalist guitarist drummer pianist bassist",)),
    "animal": (False, (
        "animal dog cat horse bird fish cow pig sheep goat lion tiger wolf fox "
        "monkey ape elephant whale dolphin shark snake insect spider mouse rat rabbit deer "
        "mammal reptile amphibian",)),
    "vehicle": (False, (
        "vehicle car truck lorry bus train ship boat aircraft airplane aeroplane plane "
        "helicopter bicycle motorcycle tank submarine rocket spacecraft",)),
    "work": (True, (
        "film movie documentary", "series sitcom serial show", "book novel novella memoir "
        "biography autobiography", "album", "song", "play musical", "opera",
        "painting", "sculpture", "poem", "video", "videogame", "website", "magazine newspaper")),
    "settlement": (False, ("city town village hamlet suburb municipality metropolis",)),
    "region": (True, ("county district", "province", "country nation kingdom republic",
                      "continent")),
    "organisation": (True, ("company corporation", "band", "party", "team club",
                            "university college")),
    "nature": (True, ("river", "lake", "sea ocean", "mountain volcano", "desert",
                      "forest")),
}

# Genres of films, shows, books and music: "a horror film" is no "medical drama", "a pop
# singer" no "country singer". A genre word counts only before the noun it sorts (GENRE_HEADS,
# maybe past a medium: "a fantasy television series"), so "the country" and "a war" are not
# genres. Words in one group name one genre. A work may have several ("a romantic comedy",
# "a crime thriller"), so only two claims naming none of each other's genres clash. Rock,
# pop, punk and metal blend so often ("pop rock", "punk rock") that they are one group here.
GENRES = ("horror|comedy comedic|romantic romance|crime|medical|documentary|fantasy|"
          "science-fiction sci-fi|western|thriller|action|drama dramatic|animated animation|"
          "pornographic pornography porn erotic|mystery|adventure|biographical biopic|war|"
          "legal|spy|superhero|rock pop punk metal|country|blues|jazz|hip-hop rap|folk|"
          "classical|reggae|dancehall|soul|gospel|electronic techno")
GENRE_HEADS = frozenset("""
    film films movie movies series show shows sitcom drama comedy thriller novel novels book
    books play music album albums song songs single band singer musician performer artist
    record group star songwriter rapper duo genre genres company studio
""".split())
# Words that may stand between a genre and its noun: "a fantasy television series" ("film",
# "music" and "studio" are nouns a genre sorts, in GENRE_HEADS).
GENRE_MEDIA = frozenset("television tv radio comic video feature short web stage".split())

# Lines of work, by field: a person said to be a senator and one said to be a fashion model
# are told apart by the field, not the word ("a novelist" is "an author"). One person may
# work in two fields, so only a claim naming none of the other's fields clashes.
OCCUPATION_FIELDS: dict[str, frozenset[str]] = {
    field: frozenset(words.split()) for field, words in {
        "politics": "politician senator congressman congresswoman president governor mayor "
                    "diplomat ambassador minister statesman legislator",
        "sport": "quarterback footballer cricketer boxer wrestler golfer swimmer cyclist "
                 "athlete racer driver pitcher goalkeeper sprinter linebacker",
        "performance": "actor actress singer musician rapper model dancer comedian "
                       "songwriter vocalist guitarist drummer pianist bassist entertainer "
                       "performer",
        "writing": "author writer novelist poet playwright screenwriter journalist",
        "science": "scientist physicist chemist biologist mathematician astronomer",
    }.items()}

# Words that only report a statement without asserting it ("observing" in Emergent).
HEDGES = frozenset({
    "reportedly", "allegedly", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured",
    "may", "might", "could", "possibly", "possible", "perhaps", "apparently", "purportedly",
    "supposedly", "unconfirmed", "unverified", "claim", "claims", "claimed", "claiming",
    "alleged", "alleges", "allege", "speculation", "speculate", "speculated", "believed",
    "suggests", "suggest", "suggested", "seems", "seem", "likely",
    "unlikely", "probably", "suspected", "insists", "insisted",
    "accused", "accuses", "accuse", "hints", "hinted", "could've", "might've", "whether",
})
HEDGE_PHRASES = re.compile(
    r"\b(?:is said to|are said to|was said to|is thought to|is believed to|"
    r"are believed to|is expected to|are expected to|is set to|are set to|is reported to|"
    r"sources say|it is claimed|report:|reports:|"
    # "appears to be", "it appears": not "to appear in the sequel", "appears on the show".
    r"(?:appears?|appeared) (?:to|that)\b|(?:it|would) appears?\b|"
    # "a suspect" hedges only as what someone is said to be ("is a key suspect in",
    # "emerges as suspect"), or as the verb ("police suspect"); "the suspect was charged"
    # names a person.
    r"(?:is|was|are|were|as|emerges?|emerged|named)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?suspects?\b|"
    r"suspects?\s+(?:in|of|that)\b|"
    r"(?:police|investigators|officials|authorities|they|we|i|he|she)\s+suspects?\b)"
    r"|\?", re.IGNORECASE)

# Words with which a text denies a claim it reports: "hoax", "debunked", "fake".
REFUTERS = frozenset({
    "hoax", "hoaxes", "fake", "faked", "false", "falsely", "debunk", "debunked", "debunks",
    "deny", "denies", "denied", "denial", "untrue", "myth", "bogus", "fabricated", "satire",
    "satirical", "refute", "refuted", "refutes",
    "fiction", "fictional", "prank", "scam", "not true", "isn't true",
    "no evidence", "baseless", "nonsense", "photoshopped", "doctored", "spoof", "parody",
    "disputed", "disputes", "nope", "lie", "lies",
    "trolled", "troll", "libel", "misinformation", "disinformation", "bs", "mistaken",
    "doubt", "doubts", "rubbish", "bullshit", "fabrication", "exaggerated", "photoshop",
    "hoaxer", "erroneous", "faking", "fakes", "sham",
})
# "made up" as invented, not as formed: "women made up half of", "made up the Post's duo",
# "the 13 bulletins that made up Patch Tuesday".
_MADE_UP = (r"(?<!that )(?<!which )(?<!who )made up(?!\s+(?:of|about|around|nearly|almost|"
            r"more|less|half|most|part|roughly|\d|(?:the|a|an|his|her|their|its)\s+(?!(?:whole\s+)?(?:story|"
            r"stories|claims?|quotes?|tales?|interviews?|accounts?|reports?|rumou?rs?)\b)))")
REFUTE_PHRASES = re.compile(
    r"\b(?:not true|isn't true|is not true|no evidence|not real|never happened|"
    rf"did not happen|didn't happen|{_MADE_UP}|turns out to be|is a hoax|was a hoax|"
    r"no truth|not the case|just a rumou?r|record straight|probably not|"
    # Put to rest as a rumour laid to rest, not "any chance of a quiet second half".
    r"put (?:\w+ ){0,3}?(?:rumou?rs?|speculation|claims?|reports?|stor(?:y|ies)|myths?) to rest|"
    r"put to rest (?:the |those |these |any )?(?:rumou?rs?|speculation|claims?|reports?|"
    r"stor(?:y|ies)|myths?)|(?:rumou?rs?|speculation|claims?|myths?) (?:were |was |is |are )?"
    r"put to rest|"
    r"too good to (?:check|be true)|(?:kills?|quash(?:es)?|squash(?:es)?) (?:\w+ )*?rumou?rs?|"
    r"rumou?rs? (?:is |are )?(?:false|untrue|debunked)|retract(?:s|ed)?|wildly inaccurate|"
    # Fooled as taken in, not as beaten: "Ratliff fooled David Garrard" (a cornerback).
    r"(?:was|were|been|be|got|get|media|internet|everyone|people|readers|viewers|fans) fooled|"
    r"fooled (?:by|many|millions|thousands|people|readers|viewers|fans|the internet|everyone|"
    r"us|you|the media)|dupe[sd]?|not by|not a thing|shoots? down|shot down|"
    # Dismissing or rejecting a claim refutes it; a juror dismissed, an offer rejected,
    # a suitor rebuffed or calls to quit dismissed refute nothing.
    r"(?:dismiss|reject|rebuff|discount)(?:es|ed|s|ing)?\s+(?:[\w'\u2019\-]+\s+){0,3}?"
    r"(?:as|claims?|reports?|allegations?|accusations?|rumou?rs?|suggestions?|speculation|"
    r"stor(?:y|ies)|idea|notion|assertions?|theor(?:y|ies)|accounts?|charges? that|suspicions?)|"
    r"(?:dismissed|rejected|rebuffed|discounted) as|"
    # "Wrong" and "misleading" refute as said of a claim, not "something wrong with those
    # players" or "obstructing justice by misleading doctors".
    r"(?:is|was|are|were|be|been|proved|proven)\s+(?:all\s+|dead\s+|completely\s+|"
    r"totally\s+|simply\s+|just\s+|plain\s+|\w+-)?wrong|(?:got|get|gets|getting)\s+"
    r"(?!to\b)(?:\S+\s+){0,3}?wrong|wrong (?:about|facts?|information|claims?|reports?|numbers?|"
    r"figures?)|"
    r"(?:is|was|are|were|be|been|deeply|highly|very|seriously|wildly|totally|completely|"
    r"grossly|potentially) misleading|misleading (?:claims?|reports?|headlines?|stor(?:y|ies)|"
    r"information|statements?|videos?|photos?|images?|posts?|articles?|accounts?))\b",
    re.IGNORECASE)

# "Calls for" after these words is a noun, told of others: "opened in 2018, prompting calls
# for a boycott" still asserts the opening.
_NOUN_CALLS = "".join(f"(?<!{w} )" for w in (
    "amid", "prompting", "prompted", "sparking", "sparked", "fuelling", "fueling", "fuelled",
    "fueled", "despite", "growing", "renewed", "mounting", "repeated", "the", "new", "facing",
    "faced", "faces", "rejected", "resisted", "ignored", "its", "their", "his", "her"))

# A call to action asks for something to happen without saying it did: "UN urges states to
# join the convention" asserts no joining.
DIRECTIVE_RE = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|" + _NOUN_CALLS + r"call(?:s|ed|ing)? (?:on|upon|for)|"
    r"appeal(?:s|ed|ing)? (?:to|for)|"
    r"exhort(?:s|ed|ing)?|encourag(?:e|es|ed|ing) (?:\w+ ){0,3}to|"
    r"(?:ask|press|invit)(?:e|es|s|ed|ing)? (?:\w+ ){1,3}to)\b",
    re.IGNORECASE)

# Words of refutation that call nothing false here: fiction or satire as a genre ("a
# fictional character", "political satire"), doubt denied, a degree, a person denied a thing.
REFUTE_EXCEPTIONS = re.compile(
    r"\b(?:science[- ]fiction|(?:gothic|crime|historical|literary|speculative|fan|flash|"
    r"short|popular|children's|adult) fiction|fiction(?:al)? (?:\w+ )?(?:character|setting|"
    r"universe|world|series|novel|book|film|town|city|country|place|stor(?:y|ies)|writer|"
    r"author|works?|genre|detective|hero|heroine)s?|works? of fiction|fiction writers?|"
    # Doubt denied is certainty: "and, no doubt, the third film as well".
    r"(?:no|little|without(?: a)?|beyond(?: any)?|not a) doubts?|"
    # Satire as a genre: "the political satire The Thick of It".
    r"political satire|satir(?:e|ical) (?:show|series|film|comedy|novel)s?|"
    # A degree: "holds a BS in Chemistry".
    r"(?:a|an|his|her|their)\s+bs\s+(?:in|degree|from)|"
    # Someone denied a thing was refused it: "had been denied a handgun permit".
    r"(?:was|were|been|being|be|is|are|get|gets|got) denied(?! by)|"
    # Denying an offer or a request turns it down: "he denied a Nichols offer to plead
    # guilty", "the judge denied bail"; not "denied the request was ever made".
    r"den(?:y|ies|ied|ying)\s+(?:[\w'’]+\s+){0,2}?(?:offers?|requests?|bail|access|"
    r"permission|entry|appeals?|applications?|bids?|motions?|petitions?|visas?|parole|"
    r"rights?|chances?|opportunit(?:y|ies))"
    r"(?!\s+(?:was|were|is|are|had|has|have|ever|existed)\b)|"
    # A dispute as a quarrel, and a doubt as uncertainty: "lingering disputes over border
    # demarcation", "putting his fitness to stand trial in doubt".
    r"disputes?\s+(?:over|about|between|with|on)|in doubt|"
    # Lying as being somewhere: "the flaw lies in the way", "the island lies off the coast".
    r"(?:lies|lie|lying)\s+(?:in|within|with|at|on|ahead|behind|beneath|below|between|under|"
    r"off|near|along|across|outside|inside|low|down|dormant|idle|empty|unused))\b",
    re.IGNORECASE)

# Stages of a process, ordered: what is expected or proposed is not yet done.
ANTICIPATION = re.compile(
    r"\b(?:expected to|set to|poised to|plans? to|(?<!as )planned|planning to|proposed?|"
    r"proposal|draft(?:ed|s)?|will|would be|about to|going to|likely to|"
    r"considering|mulls?|to be (?:adopted|approved|signed|voted))\b",
    re.IGNORECASE)
STAGES: dict[str, int] = {
    "propose": 0, "proposed": 0, "proposal": 0, "draft": 1, "drafted": 1, "agreed": 2,
    "finalize": 2, "finalized": 2, "finalised": 2,
    "adopt": 3, "adopted": 3, "approved": 3, "passed": 3, "enacted": 3, "signed": 4,
    "ratified": 5, "effect": 6, "force": 6,
}

# Words naming a part of a larger whole (a committee's work inside the whole negotiation).
SCOPE_WORDS = frozenset({
    "committee", "subcommittee", "panel", "commission", "phase", "delegation", "delegates",
    "negotiators", "portion", "preliminary", "partial",
})

# A capital stands for its country's government in news: "accused Khartoum" is "accused
# Sudan". Capital (its last word) -> the words its country goes by.
CAPITALS: dict[str, frozenset[str]] = {capital: frozenset(names.split()) for capital, names in {
    "washington": "us america united states", "moscow": "russia kremlin",
    "beijing": "china", "london": "britain uk england", "paris": "france",
    "berlin": "germany", "tokyo": "japan", "tehran": "iran", "kabul": "afghanistan",
    "baghdad": "iraq", "damascus": "syria", "khartoum": "sudan", "kyiv": "ukraine",
    "kiev": "ukraine",
    "ankara": "turkey", "cairo": "egypt", "riyadh": "saudi arabia", "jerusalem": "israel",
    "delhi": "india", "islamabad": "pakistan", "brussels": "belgium eu", "athens": "greece",
    "rome": "italy", "madrid": "spain", "ottawa": "canada", "canberra": "australia",
    "havana": "cuba", "caracas": "venezuela", "tripoli": "libya", "beirut": "lebanon",
    "nairobi": "kenya", "ababa": "ethiopia", "mogadishu": "somalia", "jakarta": "indonesia",
    "manila": "philippines", "hanoi": "vietnam", "bangkok": "thailand", "taipei": "taiwan",
    "warsaw": "poland", "minsk": "belarus", "tbilisi": "georgia", "doha": "qatar",
    "sanaa": "yemen", "abuja": "nigeria", "brasilia": "brazil",
    "dublin": "ireland", "lisbon": "portugal", "vienna": "austria", "stockholm": "sweden",
    "oslo": "norway", "copenhagen": "denmark", "bern": "switzerland", "budapest": "hungary",
    "prague": "czech", "belgrade": "serbia", "tallinn": "estonia", "riga": "latvia",
}.items()}

# A running total holds many events' counts: "has seized a total of 14 rifles in five
# operations" is no other account of "six rifles were found during the operation".
RUNNING_TOTAL_RE = re.compile(
    r"\b(?:so far|thus far|to date|in total|a total of|in all|altogether|cumulative(?:ly)?|"
    r"all told|combined)\b", re.IGNORECASE)
RUNNING_TOTAL = "#total"  # the scope mark of a running total

# Exclusive ways a vote went: a recorded vote excludes "unanimously" or "without a vote".
CONSENSUS_RE = re.compile(
    r"\b(?:unanimous(?:ly)?|without a vote|by consensus|by acclamation|without objection)\b",
    re.IGNORECASE)
RECORDED_VOTE_RE = re.compile(
    r"\b(?:by a vote of|votes? of|by)\s+(\d+|[a-z]+)\s*(?:votes?\s+)?(?:to|-|–|against)\s*"
    r"(\d+|[a-z]+)\b|\b(\d+)\s*(?:-|–|to)\s*(\d+)\s+vote\b|\bvoted\s+(\d+)\s*(?:-|–|to)\s*(\d+)",
    re.IGNORECASE)

# Members voting against, without the votes for: "two countries voted against", "with three
# votes against". Any vote against excludes "unanimously"; abstentions do not (a body can
# adopt a text unanimously with abstentions).
DISSENT_RE = re.compile(
    rf"\b(?P<n>\d+|{NUMBER_WORD_ALTERNATIVES})\s+(?:[a-z]+\s+){{0,2}}?"
    r"(?:voted|votes?|voting)\s+against\b"
    rf"|\bwith\s+(?P<m>\d+|{NUMBER_WORD_ALTERNATIVES})\s+(?:votes?\s+)?against\b",
    re.IGNORECASE)

# Verbs that attribute a statement to a speaker.
# A headline that opens with its source and a colon reports what the source says: "Source:
# Apple working on a 12-inch MacBook Air", "US Lawmaker: Ten ISIS fighters apprehended",
# "NYT: Apple Watch includes a power reserve mode". Up to two words may qualify the source.
SOURCE_PREFIX_RE = re.compile(
    r"^\W*(?:[A-Z][\w.\-]*\s+){0,2}(?:sources?|reports?|analysts?|officials?|insiders?|"
    r"experts?|lawmakers?|intel|intelligence|witness(?:es)?|eyewitness(?:es)?|police|"
    r"investigators?|nyt|wsj|cnn|bbc|ap|afp|reuters|bloomberg|tmz)\s*:\s", re.IGNORECASE)
REPORTING_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "stated",
    "reported", "reports", "claimed", "claims", "denied", "denies",
    "added", "explained", "noted", "insisted", "argued", "wrote", "tweeted", "warned",
    "according", "report", "thinks", "believes",
})

# Verbs of saying carry no content of the claim itself: dropped from frames.
SAY_WORDS = frozenset({"said", "says", "say", "saying", "told", "tells", "tell", "according",
                       "stated", "added", "noted", "explained"})

# Weekdays and relative day words: "on Monday" fixes a date as firmly as "on 8 August".
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}

# Capitalised words that are not names of their own: days, months, titles, and the common
# words of place and office names ("New York", "Fire Department"). Sharing one of them says
# nothing about two claims telling the same fact, so matching does not count it as a name.
GENERIC_NAME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset({
    "mr", "mrs", "ms", "dr", "sir", "new", "north", "south", "east", "west", "city", "street",
    "county", "center", "centre", "state", "states", "president", "chief", "police", "fire",
    "service", "department", "national", "united", "university", "government", "court",
    "page", "news", "update", "breaking", "photo", "video",
})

# The commonest English content words (Zipf frequency 5.5 or more in wordfreq 3.1.1, four
# letters or longer). Two reports of unrelated events share them all the time ("people",
# "year", "police" is rarer), so on their own they do not tie two claims together.
COMMON_WORDS = frozenset("""
    like time people good first know make think back want well much need really right work
    year years going made take many never life world great last best love home long look
    something used every come part state three around always better find help high little
    another things game thing give house place school next found show feel sure team ever
    family keep please money free second someone away left number city days name night play
    company doing real called different having thought done getting government group looking
    public women business care start system times week already anything case nothing person
    today change enough everything full live making point read told four hard mean support
    tell including music power seen states stop water based believe call head national small
    took white came side went""".split())
