"""Frozen dataclasses that carry data between the pipeline stages.

Nothing here knows about the web or the database: services turn rows into these and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ValueKind = Literal["number", "count", "duration", "date", "money", "percent", "quantity"]
Bound = Literal["exactly", "about", "more_than", "at_least", "less_than", "up_to"]
Polarity = Literal["affirmed", "negated"]
Label = Literal["agree", "complement", "conflict"]
RelationLabel = Literal["agree", "complement", "conflict", "unrelated"]

LABELS: tuple[Label, ...] = ("agree", "complement", "conflict")


@dataclass(frozen=True)
class Span:
    """A stretch of the cleaned text: ``text == cleaned[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Value:
    """A normalised number, count, duration, date, money amount, percentage or quantity.

    ``low``/``high`` are equal for an exact value. Dates are stored as proleptic ordinals
    (``date.toordinal()``) so every kind compares as numbers; ``as_dates`` turns them back.
    """

    kind: ValueKind
    low: float
    high: float
    unit: str = ""
    bound: Bound = "exactly"
    text: str = ""
    start: int = 0
    end: int = 0
    # Which side of a vote a count is ("for", "against", "abstain"); empty otherwise.
    role: str = ""
    # True when the value was resolved from relative words ("on Friday", "last year").
    relative: bool = False

    def as_dates(self) -> tuple[date, date]:
        """Return the (first, last) day of a date value."""
        return date.fromordinal(int(self.low)), date.fromordinal(int(self.high))


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a report, with its exact span in the cleaned text."""

    text: str
    start: int
    end: int
    values: tuple[Value, ...] = ()
    polarity: Polarity = "affirmed"
    hedged: bool = False
    attribution: str | None = None
    frame: str = ""
    keywords: tuple[str, ...] = ()
    checkable: bool = True
    kind: str = "statement"  # statement | headline | quote | opinion | question | call_to_action
    sentence_start: int = 0
    sentence_end: int = 0
    # Capitalised names in the claim ("United Nations General Assembly", "UNODC").
    entities: tuple[str, ...] = ()
    # The head noun phrase before the verb, normalised ("treaty", "committee"); a clause cut
    # from a longer sentence inherits the subject of the clause before it.
    subject: str = ""
    # Scope and stage words found in the claim ("committee", "draft", "general assembly").
    scope: tuple[str, ...] = ()
    # The hedge that made the claim hedged ("expected to", "draft", "reportedly").
    modality: str = ""
    # The negation cue that made the claim negated ("not", "never", "denied").
    negation: str = ""
    # The whole phrase naming the source ("UNODC Executive Director Ghada Waly");
    # ``attribution`` holds the name alone ("Ghada Waly").
    attribution_text: str | None = None


@dataclass(frozen=True)
class Cleaned:
    """A report's cleaned text, what was removed from it, and metadata read on the way."""

    text: str
    removed: tuple[str, ...] = ()
    published: date | None = None
    title: str | None = None
    # Who wrote the report, when a byline line says ("By Jane Doe").
    byline: str | None = None


@dataclass(frozen=True)
class ExtractedReport:
    """The output of clean -> segment -> extract for one report."""

    cleaned: Cleaned
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Judgement:
    """How two matched claims stand to each other, and why."""

    label: Label
    confidence: float
    reasons: tuple[str, ...]
    explanation: str
    similarity: float = 0.0
    # How telling the evidence behind the label is: "strong" for a typed value, vote or
    # denial between claims that are otherwise the same, else "weak". Confidence uses it.
    strength: str = "weak"


@dataclass(frozen=True)
class ClaimPair:
    """A match between claim ``i`` of one report and claim ``j`` of another."""

    i: int
    j: int
    judgement: Judgement


@dataclass(frozen=True)
class ReportInput:
    """One report handed to ``compare``: its text (or HTML) and publication date."""

    text: str
    outlet: str = ""
    published: date | None = None
    html: bool = False
    title: str | None = None


@dataclass(frozen=True)
class PairResult:
    """A pair in a ``Comparison``: claim ``claim_a`` of report ``report_a`` and so on."""

    report_a: int
    claim_a: int
    report_b: int
    claim_b: int
    judgement: Judgement


@dataclass(frozen=True)
class Comparison:
    """Claims of every report, the pairs between them and the fact groups."""

    reports: tuple[ExtractedReport, ...]
    pairs: tuple[PairResult, ...]
    groups: tuple[tuple[int, ...], ...] = field(default=())  # indices into ``pairs``


@dataclass(frozen=True)
class Relation:
    """How text ``b`` stands to text ``a`` as a whole."""

    label: RelationLabel
    confidence: float
    reasons: tuple[str, ...]
    explanation: str
    pairs: tuple[PairResult, ...] = ()
    # What kind of texts were related: "headline" (two short texts), "sentence" or "article"
    # (one side has many claims). Confidence is calibrated per kind.
    shape: str = ""
    # The match score (0-100) and evidence strength of the pair the label rests on.
    similarity: float = 0.0
    strength: str = "weak"
