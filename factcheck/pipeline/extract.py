"""Turn cleaned text into atomic claims with values, polarity, hedging, attribution, a frame.

Lines without closing punctuation are headings: the title and decks become ``headline``
claims; short section headings ("What's the story", "Global response") produce no claim.
Sentences are cut into atomic clauses where a coordination carries a second fact
("adopted the treaty and called on states to join it"). Questions, opinions and calls to
action are kept but marked ``checkable=False``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache

from .clean import clean
from .resources import (
    AUXILIARIES,
    BRITISH_WORDS,
    COMMON_VERBS,
    DETERMINERS,
    HEDGE_CUES,
    IRREGULAR,
    ISE_KEEP,
    NEGATION_CUES,
    NOT_NEGATION_RE,
    OPINION_CUES,
    SAY_ALT,
    SAY_CUES,
    SCOPE_CUES,
    STOPWORDS,
    TITLE_WORDS,
)
from .segment import paragraphs, sentences_in
from .types import Claim, Cleaned, ExtractedReport, Span, Value
from .values import find_values

MAX_HEADING_WORDS = 25
MIN_HEADLINE_WORDS = 4

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_FRAME_TOKEN = re.compile(r"\{\w+\}|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_CLOSES = (".", "!", "?", "…", '"', "”", "’", "'", ")", ":")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
_WH_START = re.compile(r"^(?:what|what's|how|why|who|when|where|which|is|are|can|will|should|"
                       r"does|do|did)\b", re.IGNORECASE)
_CTA = re.compile(
    r"^[\"“]?(?:join|sign up|subscribe|click|tap|read|watch|share|donate|follow|download|"
    r"register|contact|visit|send|let's|let us|don't|do not miss|please|check out|learn more|"
    r"find out|tell us|get|buy|order|call now|vote for|act now|help us)\b", re.IGNORECASE)
# "and a half" belongs to the number before it: "four and a half months" is one claim.
_SPLIT = re.compile(r";\s+|,?\s+(?:and|but)\s+(?!also\b|a\s+half\b)|,\s+(?:and\s+)?(?:but|while|"
                    r"whereas|and also|yet)\s+|,\s+and\s+also\s+")
_INTRO = re.compile(
    r"^(?:after|in|on|with|as|following|according|despite|since|while|when|although|under|"
    r"amid|during|before|by|for|last|this|at|from|once|if|because|unlike|like|over)\b[^,]{0,120},"
    r"\s+", re.IGNORECASE)
_MONTHS_DAYS = frozenset("""january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday""".split())

_ATTR_AFTER = re.compile(
    rf"[,”\"’]\s*(?:{SAY_ALT})\s+((?:the\s+)?[A-Z][^,.;!?]{{0,100}}?|(?:his|her|their|its|a|an|"
    rf"the)\s+[a-z][\w\- ]{{0,40}}?)\s*(?:,|[.!?][\"”’]?\s*$|$)")
_ATTR_BEFORE_SAY = re.compile(
    rf"[,”\"’]\s*((?:the\s+)?[A-Z][\w.'’\-]*(?:\s+(?:of|on|and|for|the|de|[A-Z(][\w.'’()\-]*))"
    rf"{{0,10}}|(?:he|she|they|it|his|her|their|its|a|an|the)(?:\s+[a-z][\w\-]*){{0,4}})\s+"
    rf"(?:{SAY_ALT})\b(?:\s+(?:on\s+)?\w+day)?\s*[.!?]?[\"”’]?\s*$")
_ATTR_START = re.compile(
    rf"^((?:the\s+)?[A-Z][\w.'’\-]*(?:\s+(?:of|on|and|for|the|de|[A-Z(][\w.'’()\-]*)){{0,10}})"
    rf"\s+(?:{SAY_ALT})\b(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?\s+")
_ACCORDING = re.compile(r"(?:^|,\s*)(?:according to|citing)\s+([^,.;]{2,100})",
                        re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_PRONOUN_START = re.compile(r"[\"“‘']?(?:it|its|they|this|these|he|she)\b", re.IGNORECASE)
_ISE = re.compile(r"^(\w{2,}?)(is|ys)(e|ed|es|ing|ation|ations|er|ers)$")


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def extract_report(
    text: str, *, published: date | datetime | None = None, html: bool = False
) -> ExtractedReport:
    """Clean ``text`` and return the cleaned text with its claims.

    Raises ``errors.ExtractionError`` (a ValueError) for binary or oversized input; empty
    input gives an empty result.
    """
    cleaned = clean(text, html=html)
    pub = _as_date(published) or cleaned.published
    return ExtractedReport(cleaned=cleaned, claims=tuple(claims_of(cleaned, published=pub)))


def extract(
    text: str, *, published: date | datetime | None = None, html: bool = False
) -> list[Claim]:
    """Return the atomic claims of a raw report."""
    return list(extract_report(text, published=published, html=html).claims)


def claims_of(cleaned: Cleaned, *, published: date | datetime | None = None) -> list[Claim]:
    """Return the claims of already-cleaned text."""
    pub = _as_date(published) or cleaned.published
    text = cleaned.text
    claims: list[Claim] = []
    body_started = False
    last_speaker: str | None = None
    for para in paragraphs(text):
        if _is_heading_line(para.text):
            if _is_section_heading(para.text, body_started=body_started):
                continue
            claims.extend(_claims_of_sentence(text, para, pub, kind="headline"))
            continue
        body_started = True
        for sent in sentences_in(text, para.start, para.end):
            new = _claims_of_sentence(text, sent, pub, last_speaker=last_speaker)
            for c in new:
                if c.attribution and c.attribution.lower() not in _PRONOUNS:
                    last_speaker = c.attribution
            if new and not new[0].subject and claims and _PRONOUN_START.match(new[0].text):
                # "It provides tools ...": the subject is the previous claim's
                new = [replace(c, subject=claims[-1].subject) if not c.subject else c
                       for c in new]
            claims.extend(new)
    return claims


def _is_heading_line(line: str) -> bool:
    words = len(line.split())
    return words <= MAX_HEADING_WORDS and not line.rstrip().endswith(_CLOSES)


def _is_section_heading(line: str, *, body_started: bool) -> bool:
    words = _WORD.findall(line)
    if len(words) < MIN_HEADLINE_WORDS:
        return True
    if _WH_START.match(line) and len(words) < 6:
        return True
    return bool(body_started and not any(_is_verb(w) for w in words[1:]))


@lru_cache(maxsize=100_000)
def _is_verb(word: str) -> bool:
    low = word.lower()
    return (low in AUXILIARIES or low in COMMON_VERBS or (len(low) > 4 and low.endswith("ed"))
            or (len(low) > 4 and low.endswith(("es", "s")) and not low.endswith(("ss", "us",
                                                                                  "is"))
                and word[0].islower()))


# --------------------------------------------------------------------------- one sentence

def _claims_of_sentence(text: str, sent: Span, pub: date | None, *, kind: str = "statement",
                        last_speaker: str | None = None) -> list[Claim]:
    s_text = sent.text
    s_low = s_text.lower()
    s_toks = _WORD.findall(s_low)
    if len(s_toks) < 3:
        return []
    s_words = frozenset(s_toks)
    values = find_values(s_text, offset=sent.start, published=pub)
    attribution, attr_text, attr_span = _attribution(s_text, s_words)
    if attribution and attribution.lower() in _PRONOUNS and last_speaker:
        attribution = last_speaker  # "he said": the last person named
    checkable = True
    if kind != "headline":
        kind = _sentence_kind(s_text, s_low, s_words)
        checkable = kind in ("statement", "quote")
    elif _QUESTION_END.search(s_text):
        checkable = False
    clauses = _clauses(s_text) if kind != "headline" else [(0, len(s_text))]
    out: list[Claim] = []
    subject = ""
    for cs, ce in clauses:
        c_text = s_text[cs:ce]
        start, end = sent.start + cs, sent.start + ce
        c_values = tuple(v for v in values if start <= v.start < end)
        this_subject = _subject(c_text)
        if not this_subject or (cs > 0 and _lacks_subject(c_text)):
            this_subject = subject or this_subject
        subject = subject or this_subject
        if len(clauses) == 1:
            low, toks, words = s_low, s_toks, s_words
        else:
            low = c_text.lower()
            toks = _WORD.findall(low)
            words = frozenset(toks)
        hedge = HEDGE_CUES.first(low, words)
        neg = NEGATION_CUES.first(low, words) or ("n't" if "n't" in low or "n’t" in low
                                                   else None)
        if neg and NOT_NEGATION_RE.search(low):
            rest = NOT_NEGATION_RE.sub(" ", low)
            neg = NEGATION_CUES.first(rest, frozenset(_WORD.findall(rest))) or (
                "n't" if "n't" in rest else None)
        mask_from, mask_to = attr_span
        names = entities(c_text)
        out.append(Claim(
            text=c_text, start=start, end=end, values=c_values,
            polarity="negated" if neg else "affirmed", hedged=bool(hedge),
            attribution=attribution, frame=make_frame(
                c_text, values=c_values, offset=start,
                skip=(mask_from - cs, mask_to - cs) if attr_text else None,
                tokens=toks),
            keywords=_keywords_of(toks) + tuple(
                n.lower() for n in names if " " in n), checkable=checkable, kind=kind,
            sentence_start=sent.start, sentence_end=sent.end,
            entities=names, subject=this_subject,
            scope=tuple(SCOPE_CUES.find_all(low, words)),
            modality=hedge or "",
            negation=neg or "",
            attribution_text=attr_text,
        ))
    return out


def _sentence_kind(s: str, low: str, words: frozenset[str]) -> str:
    if _QUESTION_END.search(s):
        return "question"
    if _CTA.match(s):
        return "call_to_action"
    if OPINION_CUES.first(low, words):
        return "opinion"
    stripped = s.lstrip()
    if stripped[:1] in "\"“‘" or "“" in s or s.count('"') >= 2:
        return "quote"
    return "statement"


def _clauses(s: str) -> list[tuple[int, int]]:
    """Return (start, end) of the atomic clauses of sentence ``s``."""
    cuts: list[tuple[int, int]] = []  # (end of left part, start of right part)
    quote_pos = 0
    curly = straight = brackets = 0
    for m in _SPLIT.finditer(s):
        # Count quotes incrementally so a long sentence stays linear.
        chunk = s[quote_pos:m.start()]
        curly += chunk.count("“") - chunk.count("”")
        straight += chunk.count('"')
        # Tokenised text writes brackets as -LRB- / -RRB- (FEVER, RTE).
        brackets += (chunk.count("(") + chunk.count("-LRB-") - chunk.count(")")
                     - chunk.count("-RRB-"))
        quote_pos = m.start()
        if curly > 0 or straight % 2 == 1:
            continue  # never cut inside a quotation
        if brackets > 0:
            # Nor inside brackets: "(born Ann Lee; 4 May 1941)" ties the date to the name.
            continue
        left_start = max(cuts[-1][1] if cuts else 0, m.start() - 120)
        left = s[left_start:m.start()]
        right = s[m.end():m.end() + 120]
        lw, rw = _WORD.findall(left), _WORD.findall(right)
        if len(lw) < 3 or len(rw) < 3:
            continue
        sep = m.group().strip(" ,").lower()
        if sep == "and" and lw[-1][0].isupper() and rw[0][0].isupper():
            continue  # inside a name: "Office on Drugs and Crime"
        if sep == "and" and lw[-1][0].islower() and _is_verb(lw[-1]):
            continue  # two verbs sharing an object: "found and arrested the driver"
        if sep == "but" and any(_is_verb(w) and w[0].islower() for w in rw[:8]):
            pass  # "..., but ratification took 2 years": a contrast carries its own fact
        elif sep in ("and", "but") and not (
                (_starts_with_predicate(right) or _starts_new_clause(right))
                and any(_is_verb(w) for w in lw)):
            continue
        cuts.append((m.start(), m.end()))
    if not cuts:
        return [(0, len(s))]
    spans: list[tuple[int, int]] = []
    pos = 0
    for left_end, right_start in cuts:
        spans.append((pos, left_end))
        pos = right_start
    spans.append((pos, len(s)))
    return [(a, b) for a, b in (_strip_span(s, a, b) for a, b in spans) if a < b]


def _strip_span(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a] in " ,;":
        a += 1
    while b > a and s[b - 1] in " ,;":
        b -= 1
    return a, b


def _starts_with_predicate(right: str) -> bool:
    first = _WORD.match(right.lstrip())
    if not first:
        return False
    w = first.group()
    low = w.lower()
    return w[0].islower() and (low in AUXILIARIES or low in COMMON_VERBS or (len(low) > 4 and
                                                                 low.endswith("ed")))


def _lacks_subject(clause: str) -> bool:
    """Return True when a cut clause opens with its verb or an adverb, not a subject."""
    first = _WORD.match(clause.lstrip())
    if not first:
        return True
    w = first.group()
    return w[0].islower() and w.lower() not in DETERMINERS and w.lower() not in _PRONOUNS


def _starts_new_clause(right: str) -> bool:
    """Return True when ``right`` opens with a subject followed soon by a verb."""
    toks = _WORD.findall(right[:80])
    if not toks:
        return False
    first = toks[0]
    if not (first.lower() in DETERMINERS or first[0].isupper() or first.lower() in
            _PRONOUNS):
        return False
    return any(_is_verb(t) and t[0].islower() for t in toks[1:5])


def _subject(c: str) -> str:
    """Return the head noun phrase before the first verb of clause ``c``, normalised."""
    body = _INTRO.sub("", c, count=1)
    toks = _WORD.findall(body)
    head: list[str] = []
    for t in toks:
        if head and _is_verb(t) and t[0].islower():
            break
        if t.lower() in ("who", "which", "that"):
            break
        head.append(t)
        if len(head) >= 14:
            break
    else:
        if len(head) == len(toks):
            head = head[:3]
    content = [t.lower() for t in head if t.lower() not in DETERMINERS
               and t.lower() not in STOPWORDS]
    return " ".join(content[-4:])


# --------------------------------------------------------------------------- attribution

def _attribution(s: str, words: frozenset[str]) -> tuple[str | None, str | None,
                                                         tuple[int, int]]:
    """Return (name, whole phrase, span of the "said X" part) of the speaker of ``s``.

    ``words`` is the set of lower-case words of ``s``.
    """
    if not SAY_CUES & words:
        return None, None, (0, 0)
    m = _ATTR_AFTER.search(s)
    if m:
        phrase = m.group(1).strip()
        return _name_of(phrase), phrase, (m.start() + 1, m.end())
    m = _ATTR_BEFORE_SAY.search(s)
    if m:
        phrase = m.group(1).strip()
        return _name_of(phrase), phrase, (m.start() + 1, m.end())
    m = _ATTR_START.match(s)
    if m:
        phrase = m.group(1).strip()
        return _name_of(phrase), phrase, (0, m.end())
    m = _ACCORDING.search(s)
    if m:
        phrase = m.group(1).strip()
        return _name_of(phrase), phrase, (m.start(), m.end())
    return None, None, (0, 0)


def _name_of(phrase: str) -> str:
    """Return the person's name at the end of ``phrase``, or the phrase without "the"."""
    toks = phrase.split()
    if toks and re.fullmatch(r"\([A-Z]{2,}\)", toks[-1]):
        toks = []  # an organisation named with its acronym: keep the whole phrase
    name: list[str] = []
    for t in reversed(toks):
        clean_t = t.strip(",.()")
        if not clean_t or not clean_t[0].isupper() or clean_t.lower() in TITLE_WORDS:
            break
        if clean_t.isupper() and len(clean_t) > 1 and name:
            break  # an organisation acronym before the name ("UNODC ... Ghada Waly")
        name.append(clean_t)
    if name and not (len(name) == 1 and name[0].isupper()) and len(name) < len(toks):
        return " ".join(reversed(name))
    out = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return out.strip()


# --------------------------------------------------------------------------- features

@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Return a light lemma of ``word``: lower case, American spelling, common suffixes off."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in IRREGULAR:
        return _stem(IRREGULAR[w])
    w = BRITISH_WORDS.get(w, w)
    m = _ISE.match(w)
    if m and (m.group(1) + m.group(2) + "e") not in ISE_KEEP and len(m.group(1)) >= 3:
        w = m.group(1) + ("iz" if m.group(2) == "is" else "yz") + m.group(3)
    return _stem(w)


def _stem(w: str) -> str:
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    for suffix, min_len in (("ing", 6), ("ed", 5)):
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("eed"):
            w = w[: -len(suffix)]
            if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    else:
        if w.endswith(("sses", "xes", "zes", "ches", "shes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def make_frame(text: str, *, values: tuple[Value, ...] = (), offset: int = 0,
               skip: tuple[int, int] | None = None, tokens: list[str] | None = None) -> str:
    """Return ``text`` with values masked as {kind}, stopwords dropped, words normalised.

    ``skip`` is a (start, end) stretch of ``text`` left out (the "said X" part); ``tokens``,
    the lower-case words of ``text``, saves tokenising again when nothing is masked.
    """
    if tokens is not None and not values and not (skip and skip[1] > skip[0]):
        return " ".join(normalize_word(t) for t in tokens if t not in STOPWORDS and len(t) > 1)
    pieces: list[str] = []
    pos = 0
    cuts = sorted([(v.start - offset, v.end - offset, f" {{{v.kind}}} ") for v in values
                   if 0 <= v.start - offset <= len(text)])
    if skip and skip[1] > skip[0] and skip[1] > 0:
        cuts.append((max(0, skip[0]), min(len(text), skip[1]), " "))
        cuts.sort()
    for a, b, rep in cuts:
        if a < pos:
            continue
        pieces.append(text[pos:a])
        pieces.append(rep)
        pos = b
    pieces.append(text[pos:])
    masked = "".join(pieces)
    out: list[str] = []
    for tok in _FRAME_TOKEN.findall(masked):
        if tok[0] == "{":
            out.append(tok)
            continue
        low = tok.lower()
        if low in STOPWORDS or len(low) < 2:
            continue
        out.append(normalize_word(low))
    return " ".join(out)


def keywords(text: str) -> tuple[str, ...]:
    """Return the normalised content words of ``text``, in order, without repeats."""
    return _keywords_of(_WORD.findall(text.lower()))


def _keywords_of(low_tokens: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for lw in low_tokens:
        if lw in STOPWORDS or len(lw) <= 2:
            continue
        seen.setdefault(normalize_word(lw), None)
    return tuple(seen)


# A name opens with a capital, accented ones too ("Élysée", "Łódź"; Latin Extended-A mixes
# both cases, so a name must not start inside a word).
_CAP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_ENTITY = re.compile(
    rf"(?<![\w'’])(?:[{_CAP}][\w'’\-]*|[A-Z]{{2,}})(?:\s+(?:of|on|and|for|the|de|la|von|van|al|"
    rf"bin)\s+(?=[{_CAP}])[{_CAP}][\w'’\-]*|\s+[{_CAP}][\w'’\-]*|\s+\([A-Z]{{2,}}\))*")


def entities(text: str) -> tuple[str, ...]:
    """Return the capitalised names in ``text`` ("UN Office on Drugs and Crime (UNODC)")."""
    out: dict[str, None] = {}
    for m in _ENTITY.finditer(text):
        ent = m.group().strip()
        if m.start() == 0 or text[:m.start()].strip() in ("", "\"", "“", "‘"):
            first, _, rest = ent.partition(" ")
            if not (first.isupper() and len(first) > 1) and (
                    first.lower() in STOPWORDS or not rest):
                if not rest:
                    continue
                ent = rest
        if ent.lower() in _MONTHS_DAYS or ent.lower() in STOPWORDS or len(ent) < 2:
            continue
        out.setdefault(ent, None)
    return tuple(out)
