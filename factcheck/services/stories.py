"""Stories and what is read from them: counts, claims, pairs with filters, fact groups."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased, joinedload

from .. import pipeline
from ..errors import InvalidInput, NotFound
from ..models import Claim, Pair, Report, Story
from . import audit

LABEL_ORDER = {"conflict": 0, "complement": 1, "agree": 2, "unrelated": 3}


@dataclass
class StoryCounts:
    """How much a story holds, and how much of it still needs review."""

    reports: int = 0
    claims: int = 0
    pairs: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    unreviewed_by_label: dict[str, int] = field(default_factory=dict)


def create_story(session: Session, *, title: str, description: str = "",
                 actor: str | None = None) -> Story:
    """Create a story; the title must not be blank."""
    title = (title or "").strip()
    if not title:
        raise InvalidInput("The story needs a title.", errors={"title": ["Title is required."]})
    story = Story(title=title[:300], description=(description or "").strip())
    session.add(story)
    session.flush()
    audit.record(session, actor=actor, action="story.created", entity_type="story",
                 entity_id=story.id, story_id=story.id, title=story.title)
    return story


def get_story(session: Session, story_id: int) -> Story:
    """Return story ``story_id`` or raise NotFound."""
    story = session.get(Story, story_id)
    if story is None:
        raise NotFound(f"story {story_id} does not exist")
    return story


def update_story(session: Session, story: Story, *, title: str | None = None,
                 description: str | None = None, actor: str | None = None) -> Story:
    """Change a story's title or description."""
    if title is not None:
        if not title.strip():
            raise InvalidInput("The story needs a title.",
                               errors={"title": ["Title must not be blank."]})
        story.title = title.strip()[:300]
    if description is not None:
        story.description = description.strip()
    session.flush()
    audit.record(session, actor=actor, action="story.updated", entity_type="story",
                 entity_id=story.id, story_id=story.id, title=story.title)
    return story


def delete_story(session: Session, story: Story, *, actor: str | None = None) -> None:
    """Delete a story with its reports, claims and pairs (the audit log keeps its history)."""
    audit.record(session, actor=actor, action="story.deleted", entity_type="story",
                 entity_id=story.id, story_id=story.id, title=story.title)
    session.delete(story)
    session.flush()


def list_stories(session: Session, *, offset: int = 0, limit: int = 50) -> tuple[list[Story], int]:
    """Return a page of stories, newest first, and the total count."""
    total = session.scalar(select(func.count(Story.id))) or 0
    rows = session.scalars(
        select(Story).order_by(Story.created_at.desc(), Story.id.desc()).offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def story_counts(session: Session, story_ids: list[int]) -> dict[int, StoryCounts]:
    """Return the counts of several stories in a fixed number of queries."""
    counts = {sid: StoryCounts() for sid in story_ids}
    if not story_ids:
        return counts
    for sid, n in session.execute(select(Report.story_id, func.count(Report.id))
                                  .where(Report.story_id.in_(story_ids))
                                  .group_by(Report.story_id)):
        counts[sid].reports = n
    for sid, n in session.execute(select(Claim.story_id, func.count(Claim.id))
                                  .where(Claim.story_id.in_(story_ids))
                                  .group_by(Claim.story_id)):
        counts[sid].claims = n
    label = func.coalesce(Pair.editor_label, Pair.label)
    stmt = (select(Pair.story_id, label, Pair.status, func.count(Pair.id))
            .where(Pair.story_id.in_(story_ids)).group_by(Pair.story_id, label, Pair.status))
    for sid, lab, status, n in session.execute(stmt):
        c = counts[sid]
        c.pairs += n
        c.by_label[lab] = c.by_label.get(lab, 0) + n
        c.by_status[status] = c.by_status.get(status, 0) + n
        if status == "unreviewed":
            c.unreviewed_by_label[lab] = c.unreviewed_by_label.get(lab, 0) + n
    return counts


def list_reports(session: Session, story_id: int) -> list[Report]:
    """Return the reports of a story in the order they were added."""
    return list(session.scalars(select(Report).where(Report.story_id == story_id)
                                .order_by(Report.id)))


def get_report(session: Session, report_id: int) -> Report:
    """Return report ``report_id`` or raise NotFound."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound(f"report {report_id} does not exist")
    return report


def list_claims(session: Session, story_id: int, *, report_id: int | None = None,
                q: str | None = None) -> list[Claim]:
    """Return the claims of a story (optionally of one report, or matching ``q``)."""
    stmt = (select(Claim).options(joinedload(Claim.report)).where(Claim.story_id == story_id)
            .order_by(Claim.report_id, Claim.position))
    if report_id is not None:
        stmt = stmt.where(Claim.report_id == report_id)
    if q:
        stmt = stmt.where(Claim.text.ilike(f"%{_escape_like(q)}%", escape="\\"))
    return list(session.scalars(stmt))


def _escape_like(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def pairs_query(story_id: int, *, label: str | None = None, status: str | None = None,
                min_confidence: float | None = None, report_id: int | None = None,
                outlet: str | None = None, q: str | None = None) -> Any:
    """Return a SELECT of a story's pairs, filtered, conflicts first, claims loaded."""
    ca, cb = aliased(Claim), aliased(Claim)
    effective = func.coalesce(Pair.editor_label, Pair.label)
    stmt = (select(Pair).join(ca, Pair.claim_a_id == ca.id).join(cb, Pair.claim_b_id == cb.id)
            .where(Pair.story_id == story_id)
            .options(joinedload(Pair.claim_a).joinedload(Claim.report),
                     joinedload(Pair.claim_b).joinedload(Claim.report)))
    if label:
        stmt = stmt.where(effective == label)
    if status:
        stmt = stmt.where(Pair.status == status)
    if min_confidence is not None:
        stmt = stmt.where(Pair.confidence >= min_confidence)
    if report_id is not None:
        stmt = stmt.where((ca.report_id == report_id) | (cb.report_id == report_id))
    if outlet:
        ra, rb = aliased(Report), aliased(Report)
        stmt = (stmt.join(ra, ca.report_id == ra.id).join(rb, cb.report_id == rb.id)
                .where((ra.outlet == outlet) | (rb.outlet == outlet)))
    if q:
        pattern = f"%{_escape_like(q)}%"
        stmt = stmt.where(ca.text.ilike(pattern, escape="\\") | cb.text.ilike(pattern, escape="\\"))
    order = case({k: v for k, v in LABEL_ORDER.items()}, value=effective, else_=9)
    return stmt.order_by(order, Pair.confidence.desc(), Pair.id)


def list_pairs(session: Session, story_id: int, *, offset: int = 0, limit: int | None = None,
               **filters: Any) -> tuple[list[Pair], int]:
    """Return a page of a story's pairs with the filters of ``pairs_query``, and the total."""
    stmt = pairs_query(story_id, **filters)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    page = stmt.offset(offset)
    if limit is not None:
        page = page.limit(limit)
    return list(session.scalars(page).unique()), total


def get_pair(session: Session, pair_id: int) -> Pair:
    """Return pair ``pair_id`` with both claims and reports, or raise NotFound."""
    pair = session.scalar(select(Pair).where(Pair.id == pair_id).options(
        joinedload(Pair.claim_a).joinedload(Claim.report),
        joinedload(Pair.claim_b).joinedload(Claim.report)))
    if pair is None:
        raise NotFound(f"pair {pair_id} does not exist")
    return pair


@dataclass
class FactGroup:
    """The connected pairs about one fact: the row an editor reads."""

    label: str
    pairs: list[Pair]
    claims: list[Claim]

    @property
    def topic(self) -> str:
        """Return a short name for the fact: the shortest claim's text."""
        return min((c.text for c in self.claims), key=len)

    @property
    def outlets(self) -> list[str]:
        """Return the outlets that speak of this fact."""
        return sorted({c.report.outlet for c in self.claims})

    @property
    def needs_review(self) -> int:
        """Return how many pairs of the group nobody has reviewed yet."""
        return sum(1 for p in self.pairs if p.status == "unreviewed")


def fact_groups(session: Session, story_id: int, **filters: Any) -> list[FactGroup]:
    """Return a story's pairs grouped into facts, conflicts first."""
    pairs, _ = list_pairs(session, story_id, **filters)
    components = group_facts([(p.claim_a_id, p.claim_b_id, p.claim_a.report_id,
                               p.claim_b.report_id, p.similarity) for p in pairs])
    groups: list[FactGroup] = []
    for comp in components:
        members = [pairs[k] for k in comp]
        claims: dict[int, Claim] = {}
        for p in members:
            claims[p.claim_a.id] = p.claim_a
            claims[p.claim_b.id] = p.claim_b
        labels = Counter(p.effective_label for p in members)
        worst = min(labels, key=lambda lab: LABEL_ORDER.get(lab, 9))
        members.sort(key=lambda p: (LABEL_ORDER.get(p.effective_label, 9), -p.confidence))
        groups.append(FactGroup(label=worst, pairs=members,
                                claims=sorted(claims.values(),
                                              key=lambda c: (c.report_id, c.position))))
    groups.sort(key=lambda g: fact_rank(g.label, g.claims, len(g.pairs)))
    return groups


def fact_rank(label: str, claims: list[Claim], size: int) -> tuple[int, int, int]:
    """Return the sort key of a fact: conflicts first, then facts whose outlets give values
    of the same kind (the ones an editor can check), then bigger facts."""
    reports_by_kind: dict[str, set[int]] = {}
    for claim in claims:
        for value in claim.values:
            reports_by_kind.setdefault(str(value.get("kind")), set()).add(claim.report_id)
    compared = sum(1 for reports in reports_by_kind.values() if len(reports) > 1)
    return LABEL_ORDER.get(label, 9), -compared, -size


def group_facts(edges: list[tuple[int, int, int, int, float]]) -> list[list[int]]:
    """Group pairs given as (claim a, claim b, report a, report b, similarity) into facts.

    Strongest pairs first, at most two claims of one report in a fact, so loosely related
    pairs do not chain a whole story into one row (see ``pipeline.group_pairs``).
    """
    report_of: dict[int, int] = {}
    for a, b, ra, rb, _sim in edges:
        report_of[a] = ra
        report_of[b] = rb
    return pipeline.group_pairs([(e[0], e[1]) for e in edges], weights=[e[4] for e in edges],
                                report_of=report_of)


def claim_counts(session: Session, story_id: int) -> dict[int, int]:
    """Return how many claims each report of a story has, in one query."""
    stmt = (select(Claim.report_id, func.count(Claim.id)).where(Claim.story_id == story_id)
            .group_by(Claim.report_id))
    return {rid: n for rid, n in session.execute(stmt)}


def pair_ids(session: Session, story_id: int, **filters: Any) -> list[int]:
    """Return the ids of a story's pairs in review order, with the filters of ``pairs_query``."""
    stmt = pairs_query(story_id, **filters).with_only_columns(Pair.id)
    return list(session.scalars(stmt))



@dataclass
class FactSummary:
    """One fact of a story for the story page: its claims, counts, and the pairs shown."""

    label: str
    claims: list[Claim]
    pairs: list[Pair]  # the first ``shown`` pairs, conflicts first
    total: int
    needs_review: int

    @property
    def topic(self) -> str:
        """Return a short name for the fact: the shortest claim's text."""
        return min((c.text for c in self.claims), key=len)

    @property
    def outlets(self) -> list[str]:
        """Return the outlets that speak of this fact."""
        return sorted({c.report.outlet for c in self.claims})


def story_facts(session: Session, story_id: int, *, shown: int | None = 25,
                focus_claim: int | None = None, first_report: int | None = None,
                **filters: Any) -> list[FactSummary]:
    """Return a story's facts (grouped pairs) with the filters of ``pairs_query``.

    A story of 50 reports has thousands of pairs, so the grouping runs on a few columns of
    every pair, and whole pairs are loaded only for the ``shown`` first of each fact. Claims
    (with a few report columns) are read once for the story. ``focus_claim`` keeps only the
    fact holding that claim, with all its pairs. Pairs of ``first_report`` (a report just
    added) are shown before the others.
    """
    from sqlalchemy.orm import load_only, selectinload
    from sqlalchemy.orm.attributes import set_committed_value

    ca, cb = aliased(Claim), aliased(Claim)
    stmt = (select(Pair.id, Pair.claim_a_id, Pair.claim_b_id, Pair.label, Pair.editor_label,
                   Pair.status, Pair.confidence, ca.report_id.label("report_a"),
                   cb.report_id.label("report_b"), Pair.similarity)
            .join(ca, Pair.claim_a_id == ca.id).join(cb, Pair.claim_b_id == cb.id)
            .where(Pair.story_id == story_id).order_by(Pair.id))
    if any(v is not None and v != "" for v in filters.values()):
        ids = pairs_query(story_id, **filters).with_only_columns(Pair.id).order_by(None)
        stmt = stmt.where(Pair.id.in_(ids.scalar_subquery()))
    # Plain tuples, read by position: named access on thousands of rows costs more than
    # the query. Columns: id, claim a, claim b, label, editor label, status, confidence,
    # report a, report b, similarity.
    rows: list[tuple[Any, ...]] = [tuple(r) for r in session.execute(stmt)]
    components = group_facts([(r[1], r[2], r[7], r[8], r[9]) for r in rows])
    order = LABEL_ORDER
    new_report = first_report if first_report is not None else -1

    def rank(r: tuple[Any, ...]) -> tuple[bool, int, float, int]:
        return (new_report != r[7] and new_report != r[8], order.get(r[4] or r[3], 9),
                -r[6], r[0])

    picked: list[tuple[str, list[tuple[Any, ...]], set[int], list[int]]] = []
    for comp in components:
        members = sorted((rows[k] for k in comp), key=rank)
        claim_ids = {r[1] for r in members} | {r[2] for r in members}
        if focus_claim is not None and focus_claim not in claim_ids:
            continue
        worst = min({r[4] or r[3] for r in members}, key=lambda lab: order.get(lab, 9))
        limit = None if focus_claim is not None else shown
        picked.append((worst, members, claim_ids, [r[0] for r in members[:limit]]))
    if not picked:
        return []
    # Only what the story page shows of a claim; its other columns load if ever touched.
    claims = {c.id: c for c in session.scalars(
        select(Claim).where(Claim.story_id == story_id)
        .options(load_only(Claim.id, Claim.report_id, Claim.story_id, Claim.position,
                           Claim.start, Claim.end, Claim.text, Claim.values),
                 selectinload(Claim.report).load_only(
            Report.id, Report.story_id, Report.outlet, Report.title, Report.url,
            Report.published_at)))}
    wanted = [pid for *_, shown_ids in picked for pid in shown_ids]
    pairs: dict[int, Pair] = {}
    for start in range(0, len(wanted), 500):  # stay under every backend's bind limit
        for p in session.scalars(select(Pair).where(Pair.id.in_(wanted[start:start + 500]))):
            # The claims are already here: attach them without a lazy load per pair.
            set_committed_value(p, "claim_a", claims[p.claim_a_id])
            set_committed_value(p, "claim_b", claims[p.claim_b_id])
            pairs[p.id] = p
    facts = [FactSummary(
        label=worst, total=len(members),
        needs_review=sum(1 for r in members if r[5] == "unreviewed"),
        claims=sorted((claims[c] for c in claim_ids), key=lambda c: (c.report_id, c.position)),
        pairs=[pairs[pid] for pid in shown_ids],
    ) for worst, members, claim_ids, shown_ids in picked]
    facts.sort(key=lambda f: fact_rank(f.label, f.claims, f.total))
    return facts


def report_pairs(session: Session, report_id: int) -> list[Pair]:
    """Return the pairs of one report with both claims attached, in three light queries.

    The other side's claims come with a few report columns only, never the reports' texts.
    """
    from sqlalchemy.orm import load_only, selectinload
    from sqlalchemy.orm.attributes import set_committed_value

    mine = select(Claim.id).where(Claim.report_id == report_id).scalar_subquery()
    pairs = list(session.scalars(
        select(Pair).where(Pair.claim_a_id.in_(mine) | Pair.claim_b_id.in_(mine))
        .order_by(Pair.id)))
    wanted = sorted({p.claim_a_id for p in pairs} | {p.claim_b_id for p in pairs})
    claims: dict[int, Claim] = {}
    for start in range(0, len(wanted), 500):  # stay under every backend's bind limit
        for c in session.scalars(
                select(Claim).where(Claim.id.in_(wanted[start:start + 500]))
                .options(load_only(Claim.id, Claim.report_id, Claim.story_id,
                                   Claim.position, Claim.text, Claim.values),
                         selectinload(Claim.report).load_only(
                             Report.id, Report.story_id, Report.outlet, Report.title))):
            claims[c.id] = c
    for p in pairs:
        set_committed_value(p, "claim_a", claims[p.claim_a_id])
        set_committed_value(p, "claim_b", claims[p.claim_b_id])
    return pairs
