"""Word lists and compiled patterns shared by the pipeline stages.

Kept in one module so the stages stay small and every pattern is compiled once, at import.
Patterns here must stay linear-time: no nested unbounded repetition over overlapping classes.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    has have had do does did this that these those it its it's their his her they them he she
    we you i our your my me him us which who whom whose what when where why how than then so
    such not no nor only also too very can could will would shall should may might must into
    over under about after before during while up down out off again further once there here
    all any both each few more most other some same own just said says say via per upon
    amid among within without against between through across toward towards onto
    however though although because since until unless whether yet still even""".split()
)


# Hedges mark a claim as not (yet) asserted as fact: predictions, plans, reports, drafts.
HEDGES = (
    "expected to", "is expected", "are expected", "was expected", "were expected", "may",
    "might", "could", "reportedly", "allegedly", "likely", "unlikely", "possibly", "probably",
    "would", "will", "plans to", "plan to", "planned to", "planning to", "intends to",
    "is set to", "are set to", "was set to", "due to be", "is to be", "are to be", "draft",
    "proposed", "proposal", "reported to", "believed to", "thought to", "appears to",
    "appear to", "seems to", "seem to", "rumoured", "rumored", "unconfirmed", "alleged",
    "suspected", "tentative", "provisional", "preliminary", "scheduled to", "poised to",
    "would-be", "potential", "potentially", "perhaps",
)
# Phrases that contain a negation word but do not negate the claim.
NOT_NEGATION_RE = re.compile(
    r"\b(?:not only|no (?:fewer|less|more|later|sooner|earlier) than|not (?:least|less|more|"
    r"fewer) than|no doubt|nothing but|never before|not least|no longer than)\b",
    re.IGNORECASE,
)

# Scope words: what part, stage or body of an event a claim speaks of. The comparison uses
# them to tell "the committee agreed a draft" from "the Assembly adopted the treaty".
SCOPE_TERMS = (
    "committee", "draft", "final", "finalised", "finalized", "provisional", "preliminary",
    "initial", "interim", "member states", "general assembly", "security council", "assembly",
    "senate", "house", "parliament", "congress", "cabinet", "council", "board", "court",
    "supreme court", "federal", "state", "local", "national", "regional", "global",
    "international", "domestic", "first", "second", "third", "last", "latest", "annual",
    "quarterly", "monthly", "weekly", "daily", "total", "overall", "net", "gross", "average",
    "median", "per capita", "officially", "unofficial", "official", "estimated", "confirmed",
    "negotiations", "negotiation", "ratification", "ratified", "signed", "adopted", "vote",
    "round", "phase", "stage", "talks", "agreement", "treaty", "convention", "resolution",
)

# Verbs that introduce who said something ("..., said X", "X told reporters").
SAY_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted",
    "notes", "announced", "announces", "reported", "reports", "claimed", "claims", "confirmed",
    "confirms", "explained", "explains", "warned", "warns", "insisted", "insists", "argued",
    "argues", "wrote", "writes", "tweeted", "posted", "declared", "declares", "stressed",
    "stresses", "emphasised", "emphasized", "emphasises", "emphasizes", "acknowledged",
    "admitted", "revealed", "disclosed", "suggested", "asserted", "alleged", "remarked",
    "commented", "continued",
)
SAY_ALT = "|".join(sorted(SAY_VERBS, key=len, reverse=True))

# Titles that may stand between an organisation and a name ("UNODC Executive Director X").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary-general secretary general director executive
    chief officer spokesperson spokesman spokeswoman ambassador chair chairman chairwoman
    chairperson head leader governor senator representative rep sen gov mayor judge justice
    minister commissioner deputy assistant undersecretary under-secretary special envoy
    rapporteur ceo cfo coo founder professor prof dr mr mrs ms king queen prince princess
    general gen colonel col captain capt lieutenant lt sergeant sgt commander chancellor
    attorney police inspector superintendent detective officer analyst economist expert
    the former acting interim deputy senior""".split()
)

# Auxiliaries, and verbs common in news, that tell a predicate where no "-ed" ending does.
# Words that open a noun phrase: "the", "this", "his", "every".
DETERMINERS = frozenset("the a an this that these those its their his her our your some "
                        "all any each every".split())
# Words that open a condition: what follows them is not told as fact.
CONDITION_WORDS = frozenset({"if", "unless", "whether"})
AUXILIARIES = frozenset("""is are was were has have had will would can could may might must
    should shall did does do been being am""".split())
COMMON_VERBS = frozenset("""said says say told tells took takes take made makes make came comes
    gave gives went goes got gets found finds saw sees left leaves held holds won wins lost
    loses met meets began begins became becomes brought brings built builds paid pays sold
    sells set sets put puts cut cuts hit hits led leads ran runs rose rises fell falls
    seeks aims offers provides represents reflects urges calls includes remains shows
    targets tackles hails adopts agrees plans warns says wants needs faces marks signs
    approves rejects passes launches opens closes ends starts kills dies arrests charges
    claims denies finalise finalises finalize finalizes served serves""".split())

# Light lemmatisation: irregular forms news uses most, mapped to one form.
IRREGULAR = {
    "took": "take", "taken": "take", "takes": "take", "taking": "take", "made": "make",
    "makes": "make", "making": "make", "held": "hold", "holds": "hold", "won": "win",
    "wins": "win", "lost": "lose", "loses": "lose", "said": "say", "says": "say", "told": "tell",
    "tells": "tell", "met": "meet", "meets": "meet", "left": "leave", "leaves": "leave",
    "began": "begin", "begun": "begin", "begins": "begin", "became": "become",
    "becomes": "become", "came": "come", "comes": "come", "went": "go", "goes": "go",
    "gone": "go", "gave": "give", "given": "give", "gives": "give", "found": "find",
    "finds": "find", "sent": "send", "sends": "send", "brought": "bring", "brings": "bring",
    "paid": "pay", "pays": "pay", "sold": "sell", "sells": "sell", "fell": "fall",
    "fallen": "fall", "falls": "fall", "rose": "rise", "risen": "rise", "rises": "rise",
    "killed": "kill", "people": "person", "persons": "person", "children": "child",
    "men": "man", "women": "woman", "led": "lead", "leads": "lead", "built": "build",
    "bought": "buy", "caught": "catch", "chose": "choose", "chosen": "choose",
    "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "ran": "run",
    "saw": "see", "seen": "see", "shot": "shoot", "spoke": "speak", "spoken": "speak",
    "stood": "stand", "struck": "strike", "thought": "think", "wrote": "write",
    "written": "write", "agreed": "agree", "agrees": "agree", "freed": "free",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "has": "have",
    "had": "have", "did": "do", "does": "do", "done": "do", "got": "get", "gotten": "get",
    "hit": "hit", "set": "set", "put": "put", "cut": "cut", "quit": "quit", "spent": "spend",
    "kept": "keep", "felt": "feel", "heard": "hear", "meant": "mean", "understood": "understand",
    "data": "data", "news": "news", "series": "series", "species": "species",
    "crises": "crisis", "analyses": "analysis", "bases": "base",
}

# British spellings to American, so "finalise"/"finalize" and "defence"/"defense" align.
BRITISH_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "centre": "center",
    "centres": "centers", "theatre": "theater", "metre": "meter", "metres": "meters",
    "litre": "liter", "litres": "liters", "programme": "program", "programmes": "programs",
    "labour": "labor", "colour": "color", "favour": "favor", "honour": "honor",
    "neighbour": "neighbor", "behaviour": "behavior", "harbour": "harbor", "rumour": "rumor",
    "endeavour": "endeavor", "vigour": "vigor", "tonne": "ton", "tonnes": "tons",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled",
    "cancelling": "canceling", "modelled": "modeled", "labelled": "labeled",
    "fulfil": "fulfill", "enrol": "enroll", "judgement": "judgment", "ageing": "aging",
    "catalogue": "catalog", "dialogue": "dialog", "grey": "gray", "plough": "plow",
    "cheque": "check", "tyre": "tire", "kerb": "curb", "aluminium": "aluminum",
    "manoeuvre": "maneuver", "paediatric": "pediatric", "anaesthetic": "anesthetic",
}
# -ise/-isation words that are not British variants of -ize (no rewrite for these).
ISE_KEEP = frozenset(
    """rise arise raise praise wise otherwise likewise clockwise noise poise premise promise
    compromise surprise enterprise exercise expertise franchise merchandise advise devise
    revise supervise televise improvise disguise despise chastise excise incise concise
    precise paradise cruise bruise treatise reprise demise advertise comprise""".split()
)

# Adjectives that may stand between a number and its counted noun ("20 new members").
COUNT_ADJECTIVES = frozenset(
    """new more other additional further former senior junior young old foreign local
    armed unarmed innocent civilian injured wounded dead missing suspected alleged
    confirmed registered eligible full-time part-time permanent temporary elected
    independent major minor small large big separate different distinct key top leading
    military civil private public federal national international online""".split()
)

# Words that follow a number but are not the thing counted ("5 to 10", "3 of them").
NOT_COUNT_NOUNS = STOPWORDS | frozenset(
    """percent per cent times fold point points degrees per-cent more less fewer higher lower
    larger smaller bigger ahead earlier later ago old am pm a.m p.m gmt utc ist est edt pst
    cet bst jst hrs strong odd""".split()
)


class CueSet:
    """Find the first of a list of cue words or phrases in lower-case text, fast.

    One-word cues are looked up in a set of the text's words; phrases are found with a
    substring test first and a word-boundary check after, so no long alternation runs over
    every character of every sentence.
    """

    def __init__(self, terms: tuple[str, ...] | list[str]) -> None:
        self.single = frozenset(t for t in terms if " " not in t)
        self.multi = tuple(
            (t, re.compile(r"\b" + re.escape(t) + r"\b")) for t in terms if " " in t)

    def find_all(self, low: str, words: frozenset[str] | set[str]) -> list[str]:
        """Return the cues in ``low`` (whose word set is ``words``), in text order."""
        found: list[tuple[int, str]] = []
        for w in self.single & words:
            found.append((low.find(w), w))  # position only orders the cues
        for term, rx in self.multi:
            if term in low:
                m = rx.search(low)
                if m:
                    found.append((m.start(), term))
        found.sort()
        return [t for _, t in found]

    def first(self, low: str, words: frozenset[str] | set[str]) -> str | None:
        """Return the earliest cue in ``low``, or None."""
        found = self.find_all(low, words)
        return found[0] if found else None


HEDGE_CUES = CueSet(HEDGES)
SCOPE_CUES = CueSet(SCOPE_TERMS)
# Negation cues. "without" is deliberately absent: in news it qualifies the manner of an act
# ("adopted without a vote", "released without charge") far more often than it denies it.
# "rejected" and "dismissed" are absent too: "Israel rejected calls for a ceasefire" reports an
# act, and reading it as a denial would set it against "Israel turned down the calls".
NEGATION_CUES = CueSet(
    ("not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot", "denied",
     "denies", "deny", "denying", "refused", "refuses", "refuse", "failed to", "fails to",
     "fail to"))
OPINION_CUES = CueSet(
    ("i think", "i believe", "we believe", "i feel", "in my view", "in our view",
     "in my opinion", "in our opinion", "should", "ought to", "must", "it is time",
     "it's time", "deserve", "deserves", "shameful", "disgraceful", "outrageous",
     "we need to", "needs to be", "has to be"))
SAY_CUES = frozenset(SAY_VERBS) | {"according", "citing"}
