"""The discrepancy report of a story: one plain, frozen object every export format reads.

``story_report`` builds it from the database in a fixed number of queries (the story, its
reports, its claims, its pairs), whatever the story's size;
``comparison_report`` builds the same object from a pipeline ``Comparison``, with no database.
The exporters in ``factcheck.export`` only ever see this object.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import __version__, pipeline
from ..errors import InvalidInput
from ..models import EDITOR_LABELS, REVIEW_STATUSES, Claim, Pair, Report
from ..pipeline.units import unit_for
from . import stories
from .ingest import content_hash

SECTIONS = ("conflict", "complement", "agree", "unrelated")
_BOUND_WORDS = {"exactly": "", "about": "about ", "more_than": "more than ",
                "at_least": "at least ", "less_than": "less than ", "up_to": "up to "}


@dataclass(frozen=True)
class StoryInfo:
    """The story a report is about (``id`` is None for a comparison of files)."""

    id: int | None
    title: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """One report of the story: who published what, when, where, and its content hash."""

    number: int  # 1-based position in the report, what claims refer to
    id: int | None
    outlet: str
    title: str | None
    url: str | None
    published: date | None
    content_hash: str
    claims: int


@dataclass(frozen=True)
class ValueInfo:
    """A typed value of a claim, with a readable rendering for people and spreadsheets."""

    kind: str
    text: str
    readable: str
    low: float
    high: float
    unit: str
    bound: str


@dataclass(frozen=True)
class ClaimInfo:
    """One claim as quoted in the report, with the source that made it."""

    id: int | None
    source: int  # Source.number
    outlet: str
    published: date | None
    url: str | None
    text: str
    values: tuple[ValueInfo, ...] = ()
    polarity: str = "affirmed"
    hedged: bool = False
    attribution: str | None = None

    @property
    def values_text(self) -> str:
        """Return the claim's values as one readable string ("" when it has none)."""
        return "; ".join(v.readable for v in self.values)


@dataclass(frozen=True)
class PairInfo:
    """Two matched claims side by side, the machine's judgement and the editor's review."""

    id: int | None
    key: str  # stable identifier, the same in every export of the same pair
    fact: int  # Fact.number
    a: ClaimInfo
    b: ClaimInfo
    label: str  # effective: the editor's label when set, else the machine's
    machine_label: str
    confidence: float
    similarity: float
    reasons: tuple[str, ...]
    explanation: str
    editor_label: str | None = None
    status: str = "unreviewed"
    note: str | None = None
    reviewer: str | None = None
    reviewed_at: datetime | None = None

    @property
    def earlier(self) -> ClaimInfo:
        """Return the claim published first (``a`` when the dates are unknown or equal)."""
        if self.a.published and self.b.published and self.b.published < self.a.published:
            return self.b
        return self.a

    @property
    def later(self) -> ClaimInfo:
        """Return the claim that is not ``earlier``."""
        return self.a if self.earlier is self.b else self.b


@dataclass(frozen=True)
class Fact:
    """A group of connected pairs about one fact, named by its shortest claim."""

    number: int
    label: str
    topic: str
    outlets: tuple[str, ...]
    pairs: int


@dataclass(frozen=True)
class Summary:
    """Counts of the report's pairs by effective label and by review status."""

    pairs: int
    by_label: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    coverage_gaps: int = 0
    by_label_status: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class DiscrepancyReport:
    """Everything an export shows: story, sources, summary, pairs by label, coverage gaps."""

    story: StoryInfo
    generated_at: datetime
    sources: tuple[Source, ...]
    summary: Summary
    facts: tuple[Fact, ...]
    conflicts: tuple[PairInfo, ...]
    complements: tuple[PairInfo, ...]
    agreements: tuple[PairInfo, ...]
    unrelated: tuple[PairInfo, ...]  # pairs an editor set aside as not the same fact
    coverage_gaps: tuple[ClaimInfo, ...]
    label_filter: str | None = None
    status_filter: str | None = None
    gaps_included: bool = True
    author: str = "factcheck"
    base_url: str | None = None
    generator: str = f"factcheck {__version__}"

    @property
    def pairs(self) -> tuple[PairInfo, ...]:
        """Return every pair of the report, conflicts first."""
        return self.conflicts + self.complements + self.agreements + self.unrelated

    @property
    def filtered(self) -> bool:
        """Return whether a label or status filter narrowed the pairs."""
        return bool(self.label_filter or self.status_filter)


def _number(x: float) -> str:
    # Separators only from 10,000 up, so a bare year-like "2024" is not shown as "2,024".
    if float(x).is_integer():
        return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def readable_value(kind: str, low: float, high: float, unit: str, bound: str,
                   text: str = "") -> str:
    """Return a value as people read it: its words in the report and the normalised value."""
    if kind == "date":
        try:
            first, last = date.fromordinal(int(low)), date.fromordinal(int(high))
        except (ValueError, OverflowError):  # not a day we can name: keep the report's words
            return text or f"{_number(low)}–{_number(high)}"
        norm = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    else:
        amount = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        if kind == "percent":
            norm = f"{amount}%"
        elif kind == "money" and unit:
            norm = f"{unit} {amount}"
        else:
            norm = f"{amount} {unit_for(low, high, unit)}".strip()
    norm = _BOUND_WORDS.get(bound, "") + norm
    if not text or text.replace(",", "") == norm.replace(",", ""):
        return text or norm
    return f"{text} ({norm})"


def _value_info(v: pipeline.Value) -> ValueInfo:
    return ValueInfo(kind=v.kind, text=v.text, low=v.low, high=v.high, unit=v.unit,
                     bound=v.bound,
                     readable=readable_value(v.kind, v.low, v.high, v.unit, v.bound, v.text))


def _values_from_rows(values: Iterable[dict[str, object]]) -> tuple[ValueInfo, ...]:
    from .convert import value_from_dict

    out = []
    for raw in values:
        try:
            out.append(_value_info(value_from_dict(dict(raw))))
        except (TypeError, ValueError):  # a value stored by an older pipeline: skip, not crash
            continue
    return tuple(out)


def pair_key(story_id: int | None, pair_id: int | None, a_text: str, b_text: str) -> str:
    """Return a pair's stable id: by database id when stored, else by its two claim texts."""
    if story_id is not None and pair_id is not None:
        return f"urn:factcheck:story:{story_id}:pair:{pair_id}"
    digest = hashlib.sha256(f"{a_text}\x1f{b_text}".encode()).hexdigest()[:24]
    return f"urn:factcheck:claims:{digest}"


def _validate_filters(label: str | None, status: str | None) -> None:
    errors: dict[str, list[str]] = {}
    if label and label not in EDITOR_LABELS:
        errors["label"] = [f"Must be one of: {', '.join(EDITOR_LABELS)}."]
    if status and status not in REVIEW_STATUSES:
        errors["status"] = [f"Must be one of: {', '.join(REVIEW_STATUSES)}."]
    if errors:
        raise InvalidInput("The report filters are not valid.", errors=errors)


def _split(pairs: Sequence[PairInfo]) -> dict[str, tuple[PairInfo, ...]]:
    return {s: tuple(p for p in pairs if p.label == s) for s in SECTIONS}


def _summary(pairs: Sequence[PairInfo], claims: int, gaps: int) -> Summary:
    by_label = Counter(p.label for p in pairs)
    by_status = Counter(p.status for p in pairs)
    both = Counter((p.label, p.status) for p in pairs)
    labels = [k for k in SECTIONS if k != "unrelated" or by_label.get(k)]
    return Summary(
        pairs=len(pairs),
        by_label={k: by_label.get(k, 0) for k in labels},
        by_status={k: by_status.get(k, 0) for k in REVIEW_STATUSES},
        claims=claims, coverage_gaps=gaps,
        by_label_status={k: {s: both.get((k, s), 0) for s in REVIEW_STATUSES} for k in labels},
    )


def _source_of(report: Report, number: int, claims: int) -> Source:
    return Source(number=number, id=report.id, outlet=report.outlet, title=report.title,
                  url=report.url,
                  published=report.published_at.date() if report.published_at else None,
                  content_hash=report.content_hash, claims=claims)


def _claim_of(row: Claim, source: Source) -> ClaimInfo:
    return ClaimInfo(id=row.id, source=source.number, outlet=source.outlet,
                     published=source.published, url=source.url, text=row.text,
                     values=_values_from_rows(row.values), polarity=row.polarity,
                     hedged=row.hedged, attribution=row.attribution)


def _pair_of(pair: Pair, fact: int, a: ClaimInfo, b: ClaimInfo) -> PairInfo:
    return PairInfo(
        id=pair.id, key=pair_key(pair.story_id, pair.id, a.text, b.text), fact=fact, a=a, b=b,
        label=pair.effective_label, machine_label=pair.label, confidence=pair.confidence,
        similarity=pair.similarity, reasons=tuple(pair.reasons or ()),
        explanation=pair.explanation, editor_label=pair.editor_label, status=pair.status,
        note=pair.note, reviewer=pair.reviewed_by, reviewed_at=pair.reviewed_at,
    )


def _fact_groups(session: Session, story_id: int, *, label: str | None,
                 status: str | None) -> list[stories.FactGroup]:
    """Return the groups of ``stories.fact_groups``, reading each pair row without its claims.

    ``fact_groups`` joins both claims and both reports (raw text included) into every pair
    row, which dominates the time of a story with thousands of pairs. The caller has already
    loaded the story's claims, so bare pair rows find their claims in the session; the
    filters stay those of ``stories.pairs_query``.
    """
    ids = (stories.pairs_query(story_id, label=label, status=status)
           .with_only_columns(Pair.id).order_by(None))
    pairs = list(session.scalars(select(Pair).where(Pair.id.in_(ids.scalar_subquery()))
                                 .order_by(Pair.id)))
    order = stories.LABEL_ORDER
    groups: list[stories.FactGroup] = []
    for component in stories.group_facts([(p.claim_a_id, p.claim_b_id, p.claim_a.report_id,
                                           p.claim_b.report_id, p.similarity) for p in pairs]):
        members = sorted((pairs[k] for k in component),
                         key=lambda p: (order.get(p.effective_label, 9), -p.confidence, p.id))
        claims = {c.id: c for p in members for c in (p.claim_a, p.claim_b)}
        groups.append(stories.FactGroup(
            label=members[0].effective_label, pairs=members,
            claims=sorted(claims.values(), key=lambda c: (c.report_id, c.position))))
    groups.sort(key=lambda g: (*stories.fact_rank(g.label, g.claims, len(g.pairs)),
                               g.pairs[0].id))
    return groups


def story_report(session: Session, story_id: int, *, label: str | None = None,
                 status: str | None = None, author: str = "factcheck",
                 base_url: str | None = None) -> DiscrepancyReport:
    """Build story ``story_id``'s discrepancy report, its pairs narrowed by label and status.

    ``label`` filters on the effective label (the editor's when set, else the machine's).
    Coverage gaps (claims no other outlet matched) have neither label nor status, so a
    filtered report leaves them out.
    """
    _validate_filters(label, status)
    story = stories.get_story(session, story_id)
    reports = stories.list_reports(session, story_id)
    claim_rows = stories.list_claims(session, story_id)
    groups = _fact_groups(session, story_id, label=label or None, status=status or None)

    per_report = Counter(c.report_id for c in claim_rows)
    sources = {r.id: _source_of(r, n, per_report.get(r.id, 0))
               for n, r in enumerate(reports, start=1)}
    claims = {c.id: _claim_of(c, sources[c.report_id]) for c in claim_rows}

    facts: list[Fact] = []
    pairs: list[PairInfo] = []
    for number, group in enumerate(groups, start=1):
        facts.append(Fact(number=number, label=group.label, topic=group.topic,
                          outlets=tuple(group.outlets), pairs=len(group.pairs)))
        pairs.extend(_pair_of(p, number, claims[p.claim_a_id], claims[p.claim_b_id])
                     for p in group.pairs)

    filtered = bool(label or status)
    gaps: tuple[ClaimInfo, ...] = ()
    if not filtered:
        # A claim whose only matches an editor set aside as unrelated is still one outlet's.
        matched = {cid for p in pairs if p.label != "unrelated" for cid in (p.a.id, p.b.id)}
        gaps = tuple(claims[c.id] for c in claim_rows if c.checkable and c.id not in matched)
    sections = _split(pairs)
    return DiscrepancyReport(
        story=StoryInfo(id=story.id, title=story.title, description=story.description or ""),
        generated_at=datetime.now(UTC).replace(microsecond=0), sources=tuple(sources.values()),
        summary=_summary(pairs, len(claim_rows), len(gaps)), facts=tuple(facts),
        conflicts=sections["conflict"], complements=sections["complement"],
        agreements=sections["agree"], unrelated=sections["unrelated"], coverage_gaps=gaps,
        label_filter=label or None, status_filter=status or None, gaps_included=not filtered,
        author=author, base_url=base_url,
    )


def comparison_report(comparison: pipeline.Comparison, inputs: Sequence[pipeline.ReportInput],
                      *, title: str | None = None, label: str | None = None,
                      author: str = "factcheck") -> DiscrepancyReport:
    """Build the discrepancy report of a pipeline comparison of files (no database, no reviews)."""
    _validate_filters(label, None)
    sources: list[Source] = []
    claims: list[list[ClaimInfo]] = []
    for n, (inp, extracted) in enumerate(zip(inputs, comparison.reports, strict=True), start=1):
        source = Source(number=n, id=None, outlet=inp.outlet or f"Report {n}",
                        title=inp.title or extracted.cleaned.title, url=None,
                        published=inp.published or extracted.cleaned.published,
                        content_hash=content_hash(inp.text, html=inp.html),
                        claims=len(extracted.claims))
        sources.append(source)
        claims.append([ClaimInfo(id=None, source=n, outlet=source.outlet,
                                 published=source.published, url=None, text=c.text,
                                 values=tuple(_value_info(v) for v in c.values),
                                 polarity=c.polarity, hedged=c.hedged,
                                 attribution=c.attribution)
                       for c in extracted.claims])

    order = stories.LABEL_ORDER
    groups = [list(g) for g in comparison.groups] or [[k] for k in range(len(comparison.pairs))]
    keyed = []
    for g in groups:
        g.sort(key=lambda k: (order.get(comparison.pairs[k].judgement.label, 9),
                              -comparison.pairs[k].judgement.confidence))
        worst = min((comparison.pairs[k].judgement.label for k in g),
                    key=lambda lab: order.get(lab, 9))
        keyed.append((order.get(worst, 9), -len(g), worst, g))
    keyed.sort(key=lambda t: (t[0], t[1]))

    facts: list[Fact] = []
    pairs: list[PairInfo] = []
    for _o, _n, worst, g in keyed:
        kept = [comparison.pairs[k] for k in g
                if not label or comparison.pairs[k].judgement.label == label]
        if not kept:
            continue
        number = len(facts) + 1
        members = []
        for p in kept:
            a, b = claims[p.report_a][p.claim_a], claims[p.report_b][p.claim_b]
            j = p.judgement
            members.append(PairInfo(
                id=None, key=pair_key(None, None, a.text, b.text), fact=number, a=a, b=b,
                label=j.label, machine_label=j.label, confidence=j.confidence,
                similarity=j.similarity, reasons=tuple(j.reasons), explanation=j.explanation))
        texts = [c.text for m in members for c in (m.a, m.b)]
        facts.append(Fact(number=number, label=worst, topic=min(texts, key=len),
                          outlets=tuple(sorted({c.outlet for m in members for c in (m.a, m.b)})),
                          pairs=len(members)))
        pairs.extend(members)

    gaps: tuple[ClaimInfo, ...] = ()
    if not label:
        matched = {(p.report_a, p.claim_a) for p in comparison.pairs} | {
            (p.report_b, p.claim_b) for p in comparison.pairs}
        gaps = tuple(claims[r][c] for r, ex in enumerate(comparison.reports)
                     for c, claim in enumerate(ex.claims)
                     if claim.checkable and (r, c) not in matched)
    sections = _split(pairs)
    outlets = ", ".join(s.outlet for s in sources)
    return DiscrepancyReport(
        story=StoryInfo(id=None, title=title or f"Comparison of {outlets}"),
        generated_at=datetime.now(UTC).replace(microsecond=0), sources=tuple(sources),
        summary=_summary(pairs, sum(len(c) for c in claims), len(gaps)), facts=tuple(facts),
        conflicts=sections["conflict"], complements=sections["complement"],
        agreements=sections["agree"], unrelated=sections["unrelated"], coverage_gaps=gaps,
        label_filter=label or None, gaps_included=not label, author=author,
    )
