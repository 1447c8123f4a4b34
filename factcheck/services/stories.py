"""Stories and what is read from them: counts, claims, pairs with filters, fact groups."""

from __future__ import annotations

import functools
import heapq
import threading
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import filterfalse, islice
from operator import itemgetter
from typing import Any

from sqlalchemy import bindparam, case, func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from .. import pipeline
from ..cache import Lru
from ..errors import InvalidInput, NotFound
from ..models import AuditEvent, Claim, Pair, Report, Story
from . import audit

LABEL_ORDER = {"conflict": 0, "complement": 1, "agree": 2, "unrelated": 3}
# Where an app keeps its ``FactCache`` (in ``app.extensions``).
FACT_CACHE = "factcheck.fact_cache"
# The audit action of a story whose pairs were recomputed in place.
REBUILT = "story.rebuilt"
_MISSING: Any = object()  # a memo's "not there", as None is a value kept


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


def list_reports(session: Session, story_id: int, *, light: bool = False) -> list[Report]:
    """Return the reports of a story in the order they were added.

    ``light`` reads only the columns a list shows, never the texts (they load if touched).
    """
    stmt = select(Report).where(Report.story_id == story_id).order_by(Report.id)
    if light:
        from sqlalchemy.orm import load_only

        stmt = stmt.options(load_only(Report.id, Report.story_id, Report.outlet, Report.title,
                                      Report.url, Report.published_at, Report.raw_format,
                                      Report.content_hash, Report.created_at))
    return list(session.scalars(stmt))


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


def _filtered(stmt: Any, story_id: int, *, label: str | None = None,
              status: str | None = None, min_confidence: float | None = None,
              report_id: int | None = None, outlet: str | None = None,
              q: str | None = None) -> Any:
    """Return ``stmt`` (a SELECT over pairs) limited to a story's pairs and the filters.

    Claims and reports are joined only when a filter needs them, so the plain list of a
    big story reads the pair table alone.
    """
    effective = func.coalesce(Pair.editor_label, Pair.label)
    stmt = stmt.where(Pair.story_id == story_id)
    if label:
        stmt = stmt.where(effective == label)
    if status:
        stmt = stmt.where(Pair.status == status)
    if min_confidence is not None:
        stmt = stmt.where(Pair.confidence >= min_confidence)
    if report_id is not None or outlet or q:
        ca, cb = aliased(Claim), aliased(Claim)
        stmt = (stmt.join(ca, Pair.claim_a_id == ca.id)
                .join(cb, Pair.claim_b_id == cb.id))
        if report_id is not None:
            stmt = stmt.where((ca.report_id == report_id) | (cb.report_id == report_id))
        if outlet:
            ra, rb = aliased(Report), aliased(Report)
            stmt = (stmt.join(ra, ca.report_id == ra.id).join(rb, cb.report_id == rb.id)
                    .where((ra.outlet == outlet) | (rb.outlet == outlet)))
        if q:
            pattern = f"%{_escape_like(q)}%"
            stmt = stmt.where(ca.text.ilike(pattern, escape="\\")
                              | cb.text.ilike(pattern, escape="\\"))
    return stmt


def _review_order() -> tuple[Any, ...]:
    """Return the ORDER BY of pairs in review order: conflicts first, surest first."""
    effective = func.coalesce(Pair.editor_label, Pair.label)
    return (case({k: v for k, v in LABEL_ORDER.items()}, value=effective, else_=9),
            Pair.confidence.desc(), Pair.id)


def pairs_query(story_id: int, *, label: str | None = None, status: str | None = None,
                min_confidence: float | None = None, report_id: int | None = None,
                outlet: str | None = None, q: str | None = None) -> Any:
    """Return a SELECT of a story's pairs, filtered, conflicts first, claims loaded."""
    stmt = select(Pair).options(joinedload(Pair.claim_a).joinedload(Claim.report),
                                joinedload(Pair.claim_b).joinedload(Claim.report))
    stmt = _filtered(stmt, story_id, label=label, status=status,
                     min_confidence=min_confidence, report_id=report_id, outlet=outlet, q=q)
    return stmt.order_by(*_review_order())


def list_pairs(session: Session, story_id: int, *, offset: int = 0, limit: int | None = None,
               cache: FactCache | None = None, **filters: Any) -> tuple[list[Pair], int]:
    """Return a page of a story's pairs with the filters of ``pairs_query``, and the total.

    The page is chosen by ``list_pair_ids``; only its pairs are then loaded with their
    claims and a few columns of their reports (never the reports' texts).
    """
    ids, total = list_pair_ids(session, story_id, offset=offset, limit=limit, cache=cache,
                               **filters)
    if not ids:
        return [], total
    found = {p.id: p for p in session.scalars(
        select(Pair).where(Pair.id.in_(ids)).options(
            joinedload(Pair.claim_a).joinedload(Claim.report).load_only(*LIGHT_REPORT),
            joinedload(Pair.claim_b).joinedload(Claim.report).load_only(*LIGHT_REPORT)))}
    return [found[i] for i in ids if i in found], total


@dataclass
class PairPage:
    """A page of a story's pairs: their ids in review order and how many match in all."""

    ids: list[int]
    total: int
    # What each pair's listed content stays the same with (see ``pair_stamps``), when the
    # page was found in a process's cache; None when it was read from the database.
    stamps: dict[int, tuple[Any, ...]] | None = None


def list_pair_ids(session: Session, story_id: int, *, offset: int = 0,
                  limit: int | None = None, cache: FactCache | None = None,
                  **filters: Any) -> tuple[list[int], int]:
    """Return the ids of a page of a story's pairs in review order, and the total."""
    page = pair_page(session, story_id, offset=offset, limit=limit, cache=cache, **filters)
    return page.ids, page.total


def pair_page(session: Session, story_id: int, *, offset: int = 0, limit: int | None = None,
              cache: FactCache | None = None, **filters: Any) -> PairPage:
    """Return a page of a story's pairs in review order (see ``PairPage``).

    The page is chosen on narrow rows, never on whole joined rows. With a ``cache`` and no
    filter but ``label``, the order comes from the story's fact structure (the machine's
    order, with the reviewed pairs merged in), so a story of tens of thousands of pairs is
    not sorted on every page. Raises NotFound when there is no such story.
    """
    label = filters.get("label")
    if cache is not None and not any(v is not None and v != "" for k, v in filters.items()
                                     if k != "label"):
        return _ordered_page(session, story_id, cache, label, offset, limit)
    get_story(session, story_id)
    total = session.scalar(_filtered(select(func.count(Pair.id)), story_id, **filters)) or 0
    ids_stmt = _filtered(select(Pair.id), story_id, **filters).order_by(*_review_order())
    ids_stmt = ids_stmt.offset(offset)
    if limit is not None:
        ids_stmt = ids_stmt.limit(limit)
    return PairPage(list(session.scalars(ids_stmt)), total)


# What a pair row of the API holds of each claim, in this order (see ``pair_records``).
CLAIM_FIELDS = ("id", "report_id", "story_id", "position", "text", "start", "end",
                "sentence_start", "sentence_end", "values", "polarity", "hedged",
                "attribution", "checkable", "kind", "frame")
PAIR_FIELDS = ("id", "story_id", "label", "confidence", "similarity", "reasons",
               "explanation", "editor_label", "status", "note", "reviewed_by", "reviewed_at",
               "version")


def pair_stamps(session: Session, ids: list[int]) -> dict[int, tuple[int, Any, int, int]]:
    """Return what identifies the content of each pair of ``ids``: (version, created_at,
    claim a id, claim b id).

    Every change to a stored pair goes through the ORM, whose version counter it bumps;
    claims and reports are never changed once stored, only deleted with their pairs. So a
    pair's list entry is the same while its stamp is; ``created_at`` and the claim ids tell
    a new row from an old one should a backend reuse a deleted row's id (SQLite can).
    """
    found: dict[int, tuple[int, Any, int, int]] = {}
    for start in range(0, len(ids), 500):  # stay under every backend's bind limit
        for pid, version, created, a, b in session.execute(
                select(Pair.id, Pair.version, Pair.created_at, Pair.claim_a_id,
                       Pair.claim_b_id).where(Pair.id.in_(ids[start:start + 500]))):
            found[pid] = (version, created, a, b)
    return found


def kept_stamp(structure_key: tuple[Any, ...], row: Any) -> tuple[Any, ...]:
    """Return the stamp ``_ordered_page`` gives pair ``row`` (of ``pair_records``) while the
    story's structure key is ``structure_key``: its version once an editor changed it, else 0
    (a pair nobody changed is as the structure found it)."""
    changed = row.review_seq > 0 or row.status != "unreviewed"
    return (structure_key, row.version if changed else 0)


def pair_records(session: Session, ids: list[int]) -> list[Any]:
    """Return pairs ``ids`` in that order as plain rows, both claims and outlets included.

    One query of the columns a pair list shows: no ORM instances, no reports' texts. Each
    row holds ``PAIR_FIELDS``, then ``a_``/``b_`` + ``CLAIM_FIELDS`` and each side's
    ``outlet`` and ``published``.
    """
    if not ids:
        return []
    found: dict[int, Any] = {}
    stmt = _pair_records_stmt()
    for start in range(0, len(ids), 500):  # stay under every backend's bind limit
        for row in session.execute(stmt, {"ids": ids[start:start + 500]}):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


@functools.cache
def _pair_records_stmt() -> Any:
    """Return the SELECT of ``pair_records``, built once: building it costs more than
    running it."""
    ca, cb = aliased(Claim), aliased(Claim)
    ra, rb = aliased(Report), aliased(Report)
    columns: list[Any] = [getattr(Pair, f) for f in PAIR_FIELDS] + [Pair.review_seq]
    for side, claim, report in (("a", ca, ra), ("b", cb, rb)):
        columns += [getattr(claim, f).label(f"{side}_{f}") for f in CLAIM_FIELDS]
        columns += [report.outlet.label(f"{side}_outlet"),
                    report.published_at.label(f"{side}_published")]
    return (select(*columns).join(ca, Pair.claim_a_id == ca.id)
            .join(cb, Pair.claim_b_id == cb.id).join(ra, ca.report_id == ra.id)
            .join(rb, cb.report_id == rb.id)
            .where(Pair.id.in_(bindparam("ids", expanding=True))))


def _ordered_page(session: Session, story_id: int, cache: FactCache, label: str | None,
                  offset: int, limit: int | None) -> PairPage:
    """Return a page of pairs in review order, the total and their stamps, from the cache."""
    st, state = current_structure(session, story_id, cache)
    rs, reviews, counts, _states = _reviews(session, story_id, st, state)
    base, keys = st.by_label.get(label, ([], []))
    merge = rs.memo.get(("merge", label))
    if merge is None:
        merge = rs.memo[("merge", label)] = _merge_plan(st, rs, reviews, label)
    total = counts.pairs if label is None else counts.by_label.get(label, 0)
    gone, gone_at, moved, moved_keys, ins = merge
    page = _merged_page(base, keys, gone, gone_at, moved, moved_keys, ins, offset, limit)
    touched = rs.touched
    # As ``kept_stamp`` stamps a pair read back.
    return PairPage(page, total, {pid: (st.key, touched[pid][2] if pid in touched else 0)
                                  for pid in page})


_MergePlan = tuple[set[int], list[int], list[int], list[tuple[int, float, int]], list[int]]


def _merge_plan(st: FactStructure, rs: ReviewState, reviews: dict[int, str],
                label: str | None) -> _MergePlan:
    """Return how the reviewed pairs change the machine's order of the pairs of ``label``
    (see ``_merged_page``): from an earlier state's when one is kept, else from them all.

    Reviewed pairs leave their machine place (``gone``) and come back where their effective
    label puts them (``moved``); the rest keep the order computed once.
    """
    places = st.places.get(label, {})
    keys = st.by_label.get(label, ([], []))[1]
    negative = st.negative_confidence
    carried = _carried(rs, ("merge", label))
    if carried is None:
        gone = set(reviews) if label is None else {pid for pid in reviews if pid in places}
        gone_at = sorted(_pick(places, list(gone)))
        moved_ids = list(reviews) if label is None else [
            pid for pid, lab in reviews.items() if lab == label]
        moved_keys = sorted([(LABEL_ORDER.get(reviews[pid], 9), neg, pid) for pid, neg in
                             zip(moved_ids, _pick(negative, moved_ids), strict=True)])
        ins = [bisect_left(keys, k) for k in moved_keys]  # base items that sort before each
        return gone, gone_at, [k[2] for k in moved_keys], moved_keys, ins
    (old_gone, old_gone_at, _moved, old_keys, old_ins), earlier, changed = carried
    before = earlier.memo["reviews"].reviews
    gone, gone_at, moved_keys, ins = set(old_gone), list(old_gone_at), list(old_keys), \
        list(old_ins)
    # Take each pair reviewed since out of where its earlier review put it, and put it
    # where its review now puts it: a few list edits, not a sort of every reviewed pair.
    for pid in changed:
        if pid in old_gone:
            gone.discard(pid)
            del gone_at[bisect_left(gone_at, places[pid])]
        was = before.get(pid)
        if was is not None and (label is None or was == label):
            at = bisect_left(moved_keys, (LABEL_ORDER.get(was, 9), negative[pid], pid))
            del moved_keys[at]
            del ins[at]
        now = reviews.get(pid)
        if now is not None:
            if pid in places:
                gone.add(pid)
                insort(gone_at, places[pid])
            if label is None or now == label:
                key = (LABEL_ORDER.get(now, 9), negative[pid], pid)
                at = bisect_left(moved_keys, key)
                moved_keys.insert(at, key)
                ins.insert(at, bisect_left(keys, key))
    return gone, gone_at, [k[2] for k in moved_keys], moved_keys, ins


def _pick(mapping: dict[int, Any], keys: list[int]) -> list[Any]:
    """Return ``[mapping[k] for k in keys]``, looked up in C: thousands on each request."""
    if len(keys) < 2:
        return [mapping[k] for k in keys]
    return list(itemgetter(*keys)(mapping))


def _merged_page(base: list[int], keys: list[tuple[int, float, int]], gone: set[int],
                 gone_at: list[int], moved: list[int], moved_keys: list[tuple[int, float, int]],
                 ins: list[int], offset: int, limit: int | None) -> list[int]:
    """Return ``merged[offset:offset + limit]``, merged being ``base`` without ``gone``
    and with ``moved`` put in, all in key order, without walking the list up to ``offset``.

    ``keys`` are those of ``base``, ascending and distinct; ``gone_at`` are the gone items'
    places in ``base``, ascending; ``moved`` is sorted by ``moved_keys``. Before ``base[i]``
    come ``i`` base items less the gone ones, and the moved items whose key sorts before
    ``keys[i]``: count those by bisection, find the last ``i`` that starts at or before
    ``offset``, and merge from there. ``ins[k]`` is how many of ``keys`` sort before
    ``moved_keys[k]``.
    """

    def before(i: int) -> int:
        return i - bisect_left(gone_at, i) + bisect_right(ins, i)

    lo, hi = 0, len(base)  # the last i with before(i) <= offset, or -1 if none
    start = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if before(mid) <= offset:
            start, lo = mid, mid + 1
        else:
            hi = mid - 1
    i, j, done = (0, 0, 0) if start < 0 else (start, bisect_right(ins, start), before(start))
    out: list[int] = []
    end = None if limit is None else offset - done + limit
    skip = offset - done
    n = 0
    n_base, n_moved = len(base), len(moved)
    while end is None or n < end:
        while i < n_base and base[i] in gone:
            i += 1
        if i < n_base and (j >= n_moved or keys[i] < moved_keys[j]):
            pid = base[i]
            i += 1
        elif j < n_moved:
            pid = moved[j]
            j += 1
        else:
            break
        if n >= skip:
            out.append(pid)
        n += 1
    return out


# What a pair read with ``light=True`` holds of each report; the rest loads when touched.
LIGHT_REPORT = (Report.id, Report.story_id, Report.outlet, Report.title, Report.url,
                Report.published_at)


def get_pair(session: Session, pair_id: int, *, light: bool = False) -> Pair:
    """Return pair ``pair_id`` with both claims and reports, or raise NotFound.

    ``light`` leaves the reports' texts unread (a review answers with the pair alone).
    """
    report_a = joinedload(Pair.claim_a).joinedload(Claim.report)
    report_b = joinedload(Pair.claim_b).joinedload(Claim.report)
    if light:
        report_a, report_b = report_a.load_only(*LIGHT_REPORT), report_b.load_only(*LIGHT_REPORT)
    pair = session.scalar(select(Pair).where(Pair.id == pair_id).options(report_a, report_b))
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
    pairs = list(session.scalars(pairs_query(story_id, **filters)).unique())
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
    """One fact of a story for the story page: counts, and the pairs and claims shown."""

    label: str
    claims: list[Claim]  # the claims of the pairs shown
    pairs: list[Pair]  # the first ``shown`` pairs, conflicts first
    total: int
    needs_review: int
    claim_total: int = 0
    report_total: int = 0
    elsewhere: dict[int, int] = field(default_factory=dict)  # claim id -> other facts

    @property
    def topic(self) -> str:
        """Return a short name for the fact: the shortest claim's text."""
        return min((c.text for c in self.claims), key=len)

    @property
    def outlets(self) -> list[str]:
        """Return the outlets of the claims shown."""
        return sorted({c.report.outlet for c in self.claims})


@dataclass(frozen=True)
class _PairRow:
    """What the fact grouping needs of a pair; none of it changes once the pair is stored."""

    id: int
    claim_a: int
    claim_b: int
    report_a: int
    report_b: int
    label: str
    confidence: float


@dataclass(frozen=True)
class FactStructure:
    """A story's facts as grouped from all its pairs, and what ranks them.

    The grouping depends only on the set of pairs and their machine judgement, which change
    only with the story's reports or when the story is rebuilt. So it is kept while ``key``
    stays the same: how many reports, the newest one's id and creation time, and the last
    rebuild's audit event. Editors' reviews are kept beside it, read again only as far as
    the story's review count moved (see ``review_state``).
    """

    key: tuple[Any, ...]
    rows: dict[int, _PairRow]
    facts: list[list[int]]  # pair ids of each fact
    # A claim can be in several facts: grouping keeps at most two claims of one report in a
    # fact, so a pair that would break that stays a fact of its own beside the others.
    facts_of_claim: dict[int, tuple[int, ...]]
    fact_of_pair: dict[int, int]
    kinds: dict[int, tuple[int, frozenset[str]]]  # claim id -> (report id, value kinds)
    machine_rank: list[tuple[int, int, int]]  # each fact's sort key before any review
    label_counts: list[Counter[str]]  # each fact's machine labels
    machine_order: list[int]  # the facts sorted by ``machine_rank``
    label_total: Counter[str]  # the machine's labels over the story
    review_order: list[int]  # pair ids in the order of ``pairs_query`` before any review
    fact_order: list[list[int]]  # each fact's pair ids in that order
    claim_totals: list[int]
    report_totals: list[int]
    # ``review_order`` whole (under None) and of each machine label, with each pair's key
    # (label rank, -confidence, id): what a page of the pair list is found in by bisection.
    by_label: dict[str | None, tuple[list[int], list[tuple[int, float, int]]]] = field(
        default_factory=dict)
    claims_per_report: dict[int, int] = field(default_factory=dict)
    places: dict[str | None, dict[int, int]] = field(default_factory=dict)  # in ``by_label``
    machine_labels: dict[int, str] = field(default_factory=dict)  # of each pair
    negative_confidence: dict[int, float] = field(default_factory=dict)  # of each pair
    # The claims held by more than one fact, and in how many others each is.
    shared_claims: dict[int, int] = field(default_factory=dict)
    # The facts as a label filter sees them before any review (see ``_label_view``), made
    # on first use; two threads making the same one at once is harmless.
    label_views: dict[str | None, _LabelView] = field(default_factory=dict)
    # A reviewed fact's matching pairs and rank under a filter, by the fact's reviews.
    filtered_facts: dict[tuple[Any, ...], tuple[tuple[int, int, int], list[int]] | None] = \
        field(default_factory=dict)
    filtered_totals: dict[tuple[Any, ...], tuple[int, int]] = field(default_factory=dict)
    # ``fact_order`` of one fact, only its pairs of one machine label (made on first use).
    fact_order_of_label: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    # The newest ``ReviewState`` read for this structure (under "reviews").
    kept: dict[str, Any] = field(default_factory=dict)


class FactCache:
    """The fact structures of the last few stories read by this process."""

    def __init__(self, size: int = 8) -> None:
        """Keep at most ``size`` stories."""
        self._items: Lru[FactStructure] = Lru(size)
        # Striped by story id: a fixed number of locks, however many stories are read.
        self._building = [threading.Lock() for _ in range(32)]

    def building(self, story_id: int) -> threading.Lock:
        """Return the lock to hold while building a structure of ``story_id``."""
        return self._building[story_id % len(self._building)]

    def get(self, story_id: int, key: tuple[Any, ...]) -> FactStructure | None:
        """Return the structure of ``story_id`` if it was built for ``key``."""
        found = self._items.get(story_id)
        return found if found is not None and found.key == key else None

    def put(self, story_id: int, structure: FactStructure) -> None:
        """Keep ``structure``, forgetting the story read longest ago when full."""
        self._items.put(story_id, structure)


@dataclass(frozen=True)
class StoryHead:
    """What a page shows of the story itself, read with its state."""

    id: int
    title: str
    description: str


@dataclass(frozen=True)
class StoryState:
    """What tells whether what a process keeps of a story is still current."""

    key: tuple[Any, ...]  # the ``FactStructure.key`` of the story as it is now
    review_seq: int  # the story's ``review_seq`` now
    head: StoryHead  # the story row's own columns, read in the same query


def story_state(session: Session, story_id: int) -> StoryState:
    """Return the state of story ``story_id`` in one query, or raise NotFound."""
    # A story's claims and pairs change only with its reports (added or deleted with all
    # their claims and pairs in one transaction) and when the story is rebuilt (which
    # leaves an audit event). How many reports, the newest one's id and its creation time
    # tell any change of the reports (a new report may take a deleted one's id: SQLite
    # reuses the highest), and the report table is small: cheap to read on every request.
    # Through the connection, not the session: the row is plain columns, and the ORM's
    # handling of a statement costs about as much as the round trip on every page view.
    found = session.connection().execute(_story_state_stmt(), {"story_id": story_id}).first()
    if found is None:
        raise NotFound(f"story {story_id} does not exist")  # as get_story says it
    seq, n_reports, last_report, last_time, last_rebuild, title, description = found
    return StoryState((int(n_reports or 0), int(last_report or 0), str(last_time),
                       int(last_rebuild or 0)), int(seq or 0),
                      StoryHead(story_id, title, description or ""))


@functools.cache
def _story_state_stmt() -> Any:
    """Return the SELECT of ``story_state``, built once: it runs on every page view."""
    story_id: Any = bindparam("story_id")
    rebuilt = (select(func.max(AuditEvent.id))
               .where(AuditEvent.entity_type == "story", AuditEvent.entity_id == story_id,
                      AuditEvent.action == REBUILT).scalar_subquery())
    # The title and description come along: the story page then needs no other query
    # for the story row.
    return (select(Story.review_seq, func.count(Report.id), func.max(Report.id),
                   func.max(Report.created_at), rebuilt, Story.title, Story.description)
            .select_from(Story).outerjoin(Report, Report.story_id == Story.id)
            .where(Story.id == story_id)
            .group_by(Story.id, Story.review_seq, Story.title, Story.description))


def fact_structure(session: Session, story_id: int,
                   cache: FactCache | None = None) -> FactStructure:
    """Return the grouping of a story's pairs into facts, from ``cache`` when still valid."""
    return current_structure(session, story_id, cache)[0]


def current_structure(session: Session, story_id: int, cache: FactCache | None = None,
                      ) -> tuple[FactStructure, StoryState]:
    """Return the story's fact structure (from ``cache`` when still valid) and its state.

    Raises NotFound when there is no such story.
    """
    state = story_state(session, story_id)
    if cache is None:
        return _build_structure(session, story_id, state.key), state
    found = cache.get(story_id, state.key)
    if found is not None:
        return found, state
    # One thread of the process builds it, the others wait for it: after a report is
    # added, every thread that reads the story would otherwise build the same structure
    # at once (seconds of CPU each on a big story), all of them slower for it.
    with cache.building(story_id):
        found = cache.get(story_id, state.key)
        if found is None:
            found = _build_structure(session, story_id, state.key)
            cache.put(story_id, found)
    return found, state


def _build_structure(session: Session, story_id: int, key: tuple[Any, ...]) -> FactStructure:
    """Group a story's pairs into facts and work out what ranks them (see FactStructure)."""
    ca, cb = aliased(Claim), aliased(Claim)
    stmt = (select(Pair.id, Pair.claim_a_id, Pair.claim_b_id, ca.report_id, cb.report_id,
                   Pair.label, Pair.confidence, Pair.similarity)
            .join(ca, Pair.claim_a_id == ca.id).join(cb, Pair.claim_b_id == cb.id)
            .where(Pair.story_id == story_id).order_by(Pair.id))
    rows: dict[int, _PairRow] = {}
    edges: list[tuple[int, int, int, int, float]] = []
    for pid, a, b, ra, rb, label, confidence, similarity in session.execute(stmt):
        rows[pid] = _PairRow(pid, a, b, ra, rb, label, confidence)
        edges.append((a, b, ra, rb, similarity))
    ids = list(rows)
    facts = [[ids[k] for k in comp] for comp in group_facts(edges)]
    facts_of_claim: dict[int, tuple[int, ...]] = {}
    fact_of_pair: dict[int, int] = {}
    for n, fact in enumerate(facts):
        for pid in fact:
            fact_of_pair[pid] = n
            for cid in (rows[pid].claim_a, rows[pid].claim_b):
                held = facts_of_claim.get(cid, ())
                if n not in held:
                    facts_of_claim[cid] = (*held, n)
    kinds = {cid: (rid, frozenset(str(v.get("kind")) for v in values or []))
             for cid, rid, values in session.execute(
                 select(Claim.id, Claim.report_id, Claim.values)
                 .where(Claim.story_id == story_id))}
    machine_rank = [_rank_of(fact, rows, kinds, lambda pid: rows[pid].label) for fact in facts]
    claim_sets = [{rows[p].claim_a for p in fact} | {rows[p].claim_b for p in fact}
                  for fact in facts]
    review_order = sorted(rows, key=lambda p: (LABEL_ORDER.get(rows[p].label, 9),
                                               -rows[p].confidence, p))
    fact_order: list[list[int]] = [[] for _ in facts]
    by_label: dict[str | None, tuple[list[int], list[tuple[int, float, int]]]] = {
        None: (review_order, [])}
    for pid in review_order:
        fact_order[fact_of_pair[pid]].append(pid)
        row = rows[pid]
        pair_key = (LABEL_ORDER.get(row.label, 9), -row.confidence, pid)
        by_label[None][1].append(pair_key)
        ids_of, keys_of = by_label.setdefault(row.label, ([], []))
        ids_of.append(pid)
        keys_of.append(pair_key)
    structure = FactStructure(
        key, rows, facts, facts_of_claim, fact_of_pair, kinds, machine_rank,
        label_counts=[Counter(rows[p].label for p in fact) for fact in facts],
        machine_order=sorted(range(len(facts)), key=lambda n: (machine_rank[n], n)),
        label_total=Counter(r.label for r in rows.values()),
        review_order=review_order,
        fact_order=fact_order,
        claim_totals=[len(c) for c in claim_sets],
        report_totals=[len({kinds[c][0] for c in cs if c in kinds}) for cs in claim_sets],
        by_label=by_label,
        places={lab: {pid: k for k, pid in enumerate(ids_of)}
                for lab, (ids_of, _keys) in by_label.items()},
        machine_labels={pid: row.label for pid, row in rows.items()},
        negative_confidence={pid: -row.confidence for pid, row in rows.items()},
        shared_claims={cid: len(held) - 1 for cid, held in facts_of_claim.items()
                       if len(held) > 1},
        claims_per_report=dict(Counter(rid for rid, _kinds in kinds.values())))
    return structure


# How many earlier review states a state keeps a link to: what was worked out from the
# reviews is carried forward from the newest of them that has it (see ``_carried``).
REVIEW_STATES_KEPT = 8


@dataclass
class ReviewState:
    """The reviews of a story's pairs as of one ``review_seq`` of the story."""

    seq: int
    # Each pair of the structure an editor ever changed: (editor label, status, version).
    # A pair set back to unreviewed stays here: its version (and note) moved all the same.
    touched: dict[int, tuple[str | None, str, int]]
    # What is worked out from these reviews, made on first use (see ``_reviews``).
    memo: dict[Any, Any] = field(default_factory=dict)
    # The state this one was read on from, and the pairs reviewed between the two.
    prev: ReviewState | None = None
    changed: frozenset[int] = frozenset()


def review_state(session: Session, story_id: int, st: FactStructure,
                 state: StoryState) -> ReviewState:
    """Return the reviews of the pairs of ``st`` as of ``state``, kept with ``st``.

    The first read takes every pair an editor changed; later reads only those whose
    review stamped them with a count above the kept one, so a story's thousands of reviews
    are not read again on every request.
    """
    kept: ReviewState | None = st.kept.get("reviews")
    if kept is not None and kept.seq >= state.review_seq:
        return kept
    columns = select(Pair.id, Pair.editor_label, Pair.status, Pair.version, Pair.review_seq)
    touched: dict[int, tuple[str | None, str, int]]
    if kept is not None:
        stmt = columns.where(Pair.story_id == story_id, Pair.review_seq > kept.seq)
        touched = dict(kept.touched)  # the kept one may be in use by another thread
    else:
        # Reviewed pairs, and those reviewed then set back; a pair restored from a backup
        # with its review carries no count.
        stmt = columns.where(Pair.story_id == story_id,
                             or_(Pair.review_seq > 0, Pair.status != "unreviewed"))
        touched = {}
    seq = state.review_seq
    rows = st.rows
    changed = set()
    for pid, editor_label, status, version, stamped in session.execute(stmt):
        # A review's count is taken under the story row's lock and committed with it, so
        # every count up to the highest seen here is seen here too.
        seq = max(seq, stamped)
        if pid in rows:  # else stored after the structure was read: the next one has it
            touched[pid] = (editor_label, status, version)
            changed.add(pid)
    found = ReviewState(seq, touched, prev=kept, changed=frozenset(changed))
    if kept is not None:
        _forget_beyond(found, REVIEW_STATES_KEPT)
    st.kept["reviews"] = found
    return found


def _forget_beyond(rs: ReviewState, depth: int) -> None:
    """Drop the link to states more than ``depth`` steps before ``rs``."""
    node = rs
    for _ in range(depth):
        if node.prev is None:
            return
        node = node.prev
    node.prev = None


def _carried(rs: ReviewState, key: Any) -> tuple[Any, ReviewState, set[int]] | None:
    """Return what an earlier state worked out under memo ``key``, that state, and the pairs
    reviewed since; None when no kept state has it."""
    changed = set(rs.changed)
    earlier = rs.prev
    while earlier is not None:
        found = earlier.memo.get(key)
        if found is not None and "reviews" in earlier.memo:
            return found, earlier, changed
        changed |= earlier.changed
        earlier = earlier.prev
    return None


@dataclass
class _Reviewed:
    """The reviewed pairs of a state (status other than unreviewed), and their tallies."""

    reviews: dict[int, str]  # effective label
    states: dict[int, tuple[str | None, str]]  # (editor label, status)
    left: Counter[str]  # their machine labels
    came: Counter[str]  # their effective labels
    statuses: Counter[str]


def _reviewed(st: FactStructure, rs: ReviewState) -> _Reviewed:
    """Return the reviewed pairs of ``rs``, from an earlier state's and the pairs reviewed
    since when one is kept, else from all of ``rs``."""
    found: _Reviewed | None = rs.memo.get("reviews")
    if found is not None:
        return found
    carried = _carried(rs, "reviews")
    if carried is None:
        ids = [pid for pid, (_e, status, _v) in rs.touched.items() if status != "unreviewed"]
        picked = [(pid, *rs.touched[pid][:2]) for pid in ids]
        machine = _pick(st.machine_labels, ids)
        now = [edited or label for (_p, edited, _s), label in zip(picked, machine, strict=True)]
        found = _Reviewed(dict(zip(ids, now, strict=True)),
                          {pid: (edited, status) for pid, edited, status in picked},
                          Counter(machine), Counter(now), Counter(s for _p, _e, s in picked))
    else:
        before: _Reviewed = carried[0]
        found = _Reviewed(dict(before.reviews), dict(before.states), Counter(before.left),
                          Counter(before.came), Counter(before.statuses))
        for pid in carried[2]:
            machine_label = st.machine_labels[pid]
            if pid in found.states:  # take back what its earlier review counted
                found.left[machine_label] -= 1
                found.came[found.reviews.pop(pid)] -= 1
                found.statuses[found.states.pop(pid)[1]] -= 1
            edited, status, _version = rs.touched[pid]
            if status != "unreviewed":
                found.reviews[pid] = edited or machine_label
                found.states[pid] = (edited, status)
                found.left[machine_label] += 1
                found.came[edited or machine_label] += 1
                found.statuses[status] += 1
    rs.memo["reviews"] = found
    return found


def kept_counts(session: Session, story_id: int, cache: FactCache) -> StoryCounts:
    """Return ``story_counts`` of one story from what ``cache`` keeps of it and its reviews.

    The same figures without counting every pair in SQL: on a story of 35,000 pairs that
    count took most of a request. Raises NotFound when there is no such story.
    """
    st, state = current_structure(session, story_id, cache)
    counts = _reviews(session, story_id, st, state)[2]
    counts.reports = state.key[0]  # _reviews makes a new StoryCounts on every call
    return counts


def _reviews(session: Session, story_id: int, st: FactStructure, state: StoryState,
             ) -> tuple[ReviewState, dict[int, str], StoryCounts,
                        dict[int, tuple[str | None, str]]]:
    """Return the story's reviews; the effective label of each reviewed pair; the story's
    pair counts; and each reviewed pair's (editor label, status).

    Only reviewed pairs differ from the machine's judgement kept in ``st``. What is worked
    out from them is kept with them, and carried to the next state.
    """
    rs = review_state(session, story_id, st, state)
    found = _reviewed(st, rs)
    counts = StoryCounts(claims=len(st.kinds), pairs=len(st.rows))
    left, came = found.left, found.came
    labels = set(st.label_total) | set(came)
    by_label = {lab: st.label_total.get(lab, 0) - left.get(lab, 0) + came.get(lab, 0)
                for lab in labels}
    todo = {lab: st.label_total.get(lab, 0) - left.get(lab, 0) for lab in labels}
    counts.by_status = {s: n for s, n in found.statuses.items() if n > 0}
    counts.by_label = {lab: n for lab, n in by_label.items() if n > 0}
    counts.unreviewed_by_label = {lab: n for lab, n in todo.items() if n > 0}
    if len(st.rows) > len(found.reviews):
        counts.by_status["unreviewed"] = len(st.rows) - len(found.reviews)
    return rs, found.reviews, counts, found.states


def _reviewed_in(st: FactStructure, rs: ReviewState,
                 reviews: dict[int, str]) -> dict[int, list[int]]:
    """Return the facts holding a reviewed pair, and those pairs, kept with ``rs``."""
    found: dict[int, list[int]] | None = rs.memo.get("reviewed_in")
    if found is not None:
        return found
    fact_of = st.fact_of_pair
    carried = _carried(rs, "reviewed_in")
    if carried is None:
        found = {}
        for pid in reviews:
            if pid in fact_of:
                found.setdefault(fact_of[pid], []).append(pid)
    else:
        found = dict(carried[0])
        changed = carried[2]
        for n in {fact_of[pid] for pid in changed if pid in fact_of}:
            pids = [pid for pid in found.get(n, ()) if pid not in changed] + [
                pid for pid in changed if fact_of.get(pid) == n and pid in reviews]
            if pids:
                found[n] = pids
            else:
                found.pop(n, None)
    rs.memo["reviewed_in"] = found
    return found


def _reviewed_facts(rs: ReviewState, key: Any, reviewed_in: dict[int, list[int]],
                    carried: Any, make: Any) -> list[Any]:
    """Return ``make(n, reviewed pairs)`` of each fact holding a reviewed pair (None left
    out), sorted, kept in ``rs`` under ``key``.

    ``carried(key)`` gives an earlier state's list and the facts reviewed since: then only
    those facts are made again. Items start with (rank, fact number), which is unique.
    """
    found: list[Any] | None = rs.memo.get(key)
    if found is not None:
        return found
    before = carried(key)
    todo: Iterable[int]
    if before is None:
        found, todo = [], reviewed_in.keys()
    else:
        found = [item for item in before[0] if item[1] not in before[1]]
        todo = before[1]
    for n in todo:
        reviewed = reviewed_in.get(n)
        item = None if reviewed is None else make(n, reviewed)
        if item is not None:
            found.append(item)
    found.sort()  # by (rank, fact number): the members are never compared
    rs.memo[key] = found
    return found


def _totals(st: FactStructure, members: list[int]) -> tuple[int, int]:
    """Return how many claims and how many reports the pairs ``members`` join."""
    rows = st.rows
    claim_ids = {rows[p].claim_a for p in members} | {rows[p].claim_b for p in members}
    return len(claim_ids), len({st.kinds[c][0] for c in claim_ids if c in st.kinds})


@dataclass(frozen=True)
class _LabelView:
    """A story's facts as a filter on one machine label keeps them, before any review."""

    facts: list[tuple[tuple[int, int, int], int, list[int]]]  # (rank, number, members)
    numbers: set[int]  # the facts' numbers


def _label_view(st: FactStructure, label: str | None) -> _LabelView:
    """Return the facts with a pair of machine label ``label`` (any, for None), each with
    those pairs only, in ``fact_rank`` order, made once per structure."""
    found = st.label_views.get(label)
    if found is None:
        rows = st.rows
        ranked = []
        for n, fact in enumerate(st.facts):
            members = fact if label is None else [pid for pid in fact
                                                  if rows[pid].label == label]
            if members:
                ranked.append((_rank_of(members, rows, st.kinds, lambda pid: rows[pid].label),
                               n, members))
        ranked.sort(key=lambda item: item[:2])
        found = _LabelView(ranked, {n for _r, n, _m in ranked})
        st.label_views[label] = found
    return found


def _rank_of(members: list[int], rows: dict[int, _PairRow],
             kinds: dict[int, tuple[int, frozenset[str]]],
             label_of: Any) -> tuple[int, int, int]:
    """Return the sort key of a fact as ``fact_rank`` orders facts."""
    worst = min(LABEL_ORDER.get(label_of(pid), 9) for pid in members)
    claim_ids = {rows[p].claim_a for p in members} | {rows[p].claim_b for p in members}
    return worst, -_compared(claim_ids, kinds), -len(members)


def _compared(claim_ids: set[int], kinds: dict[int, tuple[int, frozenset[str]]]) -> int:
    """Return how many kinds of value more than one report gives (see ``fact_rank``)."""
    reports_by_kind: dict[str, set[int]] = {}
    for cid in claim_ids:
        rid, found = kinds.get(cid, (0, frozenset()))
        for kind in found:
            reports_by_kind.setdefault(kind, set()).add(rid)
    return sum(1 for reports in reports_by_kind.values() if len(reports) > 1)


@dataclass
class FactPage:
    """A page of a story's facts, how many there are, and the story's counts."""

    facts: list[FactSummary]
    total: int
    counts: StoryCounts  # of the whole story (the reports count is left to the caller)
    claims_per_report: dict[int, int]


@dataclass
class PlannedFact:
    """A fact of a page before anything of it is loaded: what the story page shows of it
    apart from its claims and pairs, and which of those it shows."""

    number: int  # its place in the story's ``FactStructure.facts``
    label: str
    total: int
    needs_review: int
    claim_total: int
    report_total: int
    pair_ids: list[int]  # the pairs shown, in order
    claim_ids: list[int]  # their claims
    reviews: tuple[tuple[int, str | None, str], ...]  # (id, editor label, status) of the
    # pairs shown that an editor reviewed: all that can differ in them from the machine's
    # (claim id, how many other facts hold it) of the claims shown that other facts hold too
    elsewhere: tuple[tuple[int, int], ...] = ()


@dataclass
class FactPlan:
    """A page of a story's facts as ``PlannedFact``, with what ``FactPage`` holds besides."""

    facts: list[PlannedFact]
    total: int
    counts: StoryCounts
    claims_per_report: dict[int, int]
    key: tuple[Any, ...]  # the ``FactStructure.key`` the plan was made from
    story: StoryHead  # the story, as read with the state the plan was made from


def story_facts(session: Session, story_id: int, *, shown: int | None = 25,
                focus_claim: int | None = None, focus_pair: int | None = None,
                first_report: int | None = None,
                offset: int = 0, limit: int | None = None, cache: FactCache | None = None,
                **filters: Any) -> FactPage:
    """Return a page of a story's facts, conflicts first, how many there are, and counts.

    The page is chosen by ``plan_facts`` (see there for the arguments); then the claims and
    pairs it shows are loaded.
    """
    plan = plan_facts(session, story_id, shown=shown, focus_claim=focus_claim,
                      focus_pair=focus_pair, first_report=first_report, offset=offset,
                      limit=limit, cache=cache, **filters)
    return FactPage(load_facts(session, plan.facts), plan.total, plan.counts,
                    plan.claims_per_report)


def plan_facts(session: Session, story_id: int, *, shown: int | None = 25,
               focus_claim: int | None = None, focus_pair: int | None = None,
               first_report: int | None = None,
               offset: int = 0, limit: int | None = None, cache: FactCache | None = None,
               **filters: Any) -> FactPlan:
    """Return a page of a story's facts, conflicts first, how many there are, and counts,
    without loading any claim or pair.

    Facts are grouped from all of the story's pairs (kept in ``cache`` while the pairs stay
    the same); the filters of ``pairs_query`` keep the facts with a matching pair, and of
    each only its matching pairs. Each fact names its ``shown`` first pairs and their
    claims. ``focus_claim`` keeps only the facts holding that claim (a claim can be in
    several), ``focus_pair`` only the one fact holding that pair, with all their pairs.
    Pairs of ``first_report`` (a report just added) are shown before the others.
    """
    st, state = current_structure(session, story_id, cache)
    rs, reviews, counts, states = _reviews(session, story_id, st, state)
    claims_per_report = st.claims_per_report
    given = {k: v for k, v in filters.items() if v is not None and v != ""}
    # A plan depends only on the structure, the reviews and the arguments: the same view
    # asked again before the next review is the plan made then. The story row's own
    # columns can change without a review (a new title): those are taken afresh.
    plan_key = ("plan", shown, focus_claim, focus_pair, first_report, offset, limit,
                tuple(sorted(given.items())))
    kept_plan: FactPlan | None = rs.memo.get(plan_key)
    if kept_plan is not None:
        return kept_plan if kept_plan.story == state.head else replace(kept_plan,
                                                                      story=state.head)
    matching: set[int] | None = None
    rows, order = st.rows, LABEL_ORDER
    focused = focus_claim is not None or focus_pair is not None
    if given and (set(given) - {"label", "status"} or focused):
        matching = set(session.scalars(_filtered(select(Pair.id), story_id, **filters)))
    filtered = bool(given)  # then each fact keeps only its matching pairs

    def label_of(pid: int) -> str:
        return reviews.get(pid) or rows[pid].label

    candidates: list[int] | range = range(len(st.facts))
    if focus_claim is not None:
        candidates = list(st.facts_of_claim.get(focus_claim, ()))
    elif focus_pair is not None:
        candidates = [st.fact_of_pair[focus_pair]] if focus_pair in st.fact_of_pair else []
    reviewed_in = _reviewed_in(st, rs, reviews)
    plain = not given and not focused and first_report is None
    if plain:
        carried_plan = _carried_plain_plan(st, rs, plan_key, reviews, reviewed_in)
        if carried_plan is not None:
            return _keep_plan(rs, plan_key, replace(
                carried_plan, counts=counts, story=state.head))
    # The facts whose reviews changed since each earlier state: what was worked out for
    # the others then still holds.
    affected_since: dict[int, set[int]] = {}

    def carried(key: Any) -> tuple[Any, set[int]] | None:
        found = _carried(rs, key)
        if found is None:
            return None
        value, earlier, changed = found
        facts = affected_since.get(id(earlier))
        if facts is None:
            facts = affected_since[id(earlier)] = {
                st.fact_of_pair[pid] for pid in changed if pid in st.fact_of_pair}
        return value, facts
    ranked: list[tuple[tuple[int, int, int], int, list[int]]] = []
    # Only a label or a review status: which pairs match is known from the structure and
    # the reviews, without reading every matching id back from the database.
    fast = bool(given) and matching is None
    label_filter, status_filter = given.get("label"), given.get("status")

    def matches(pid: int) -> bool:
        return (label_filter is None or label_of(pid) == label_filter) and (
            status_filter is None or (states[pid][1] if pid in states else "unreviewed")
            == status_filter)

    def fact_key(n: int) -> tuple[Any, ...]:
        # What a fact's matching pairs and totals depend on under a label or status filter.
        reviewed = reviewed_in.get(n)
        if reviewed is None:
            return (n, label_filter)
        return (n, label_filter, status_filter,
                tuple(sorted((pid, *states[pid]) for pid in reviewed)))

    def as_machine_matching(n: int) -> Iterable[int]:
        # A pair nobody reviewed has its machine label and status "unreviewed": under a
        # filter only the fact's pairs of that label can match, whatever its size.
        if status_filter not in (None, "unreviewed"):
            return ()
        if label_filter is None:
            return st.fact_order[n]
        return _fact_order_of_label(st, n, label_filter)

    if fast:
        label, status = label_filter, status_filter
        memo = st.filtered_facts
        if len(memo) > 50_000:
            memo.clear()  # reviews come and go; keep the memo from growing without end
        def ranked_fact(n: int, reviewed: list[int]) -> Any:
            # A fact's matching pairs depend only on the reviews of its own pairs: a big
            # fact is walked again only when one of its pairs is reviewed.
            key = fact_key(n)
            # Another thread may empty the memo at any time: keep what is read or made.
            found = memo.get(key, _MISSING)
            if found is _MISSING:
                members = [pid for pid in as_machine_matching(n) if pid not in reviews] + [
                    pid for pid in reviewed if matches(pid)]
                found = memo[key] = (_rank_of(members, rows, st.kinds, label_of), members) \
                    if members else None
            return None if found is None else (found[0], n, found[1])

        ranked = _reviewed_facts(rs, ("filtered", label, status), reviewed_in, carried,
                                 ranked_fact)
        if status is None or status == "unreviewed":
            # Facts nobody reviewed match as the machine labelled them: in an order kept.
            view = _label_view(st, label)
            still_facts = (item for item in view.facts if item[1] not in reviewed_in)
            total_facts = len(ranked) + len(view.facts) - len(view.numbers & reviewed_in.keys())
            merged = heapq.merge(still_facts, ranked, key=lambda item: item[:2])
            page = list(islice(merged, offset, None if limit is None else offset + limit))
        else:
            total_facts = len(ranked)
            page = ranked[offset:None if limit is None else offset + limit]
    elif matching is not None or focused:
        for n in candidates:
            members = st.facts[n]
            if matching is not None:
                members = [pid for pid in members if pid in matching]
                if not members:
                    continue
            ranked.append((_rank_of(members, rows, st.kinds, label_of), n, members))
        ranked.sort(key=lambda item: item[:2])
        total_facts = len(ranked)
        page = ranked[offset:None if limit is None else offset + limit]
    else:
        # Tens of thousands of facts stay in the order computed with the structure; only
        # the facts holding a reviewed pair are ranked again and merged in.
        def moved_fact(n: int, reviewed: list[int]) -> Any:
            return _plain_rank(st, n, reviews, reviewed), n, st.facts[n]

        moved = _reviewed_facts(rs, "moved", reviewed_in, carried, moved_fact)
        still = ((st.machine_rank[n], n, st.facts[n]) for n in st.machine_order
                 if n not in reviewed_in)
        merged = heapq.merge(still, moved, key=lambda item: item[:2])
        total_facts = len(st.facts)
        page = list(islice(merged, offset, None if limit is None else offset + limit))
        if plain and page:  # where the page starts and ends, for _carried_plain_plan
            rs.memo[("bounds", plan_key)] = (page[0][:2], page[-1][:2])
    if not page:
        return _keep_plan(rs, plan_key, FactPlan([], total_facts, counts, claims_per_report,
                                                 st.key, state.head))
    new_report = first_report if first_report is not None else -1

    def rank(pid: int) -> tuple[bool, int, float, int]:
        r = rows[pid]
        return (new_report != r.report_a and new_report != r.report_b,
                order.get(label_of(pid), 9), -r.confidence, pid)

    picked: list[tuple[str, int, list[int], list[int]]] = []
    for (worst, _c, _s), n, members in page:
        if focused or shown is None:
            shown_ids = sorted(members, key=rank)
        elif first_report is None and (not filtered or fast):
            # A fact can hold thousands of pairs: take the first few of the machine's order,
            # with the fact's reviewed pairs merged in where their labels put them.
            here_key = ("shown", n, label_filter, status_filter) if fast else ("shown", n)
            reviewed_here = rs.memo.get(here_key)
            if reviewed_here is None:  # a big fact can hold hundreds of reviewed pairs
                before_here = carried(here_key)
                if before_here is not None and n not in before_here[1]:
                    reviewed_here = before_here[0]
                else:
                    reviewed_here = sorted((pid for pid in reviewed_in.get(n, ())
                                            if not fast or matches(pid)), key=rank)
                rs.memo[here_key] = reviewed_here
            as_machine = list(islice(filterfalse(
                reviews.__contains__, as_machine_matching(n) if fast else st.fact_order[n]),
                shown))
            if not reviewed_here:  # most facts: the machine's order is the order
                shown_ids = as_machine
            else:
                # The first ``shown`` of the two lists merged, by the pair list's order (an
                # unreviewed pair's key in it is kept with the structure, in ``by_label``).
                place, machine_keys = st.places[None], st.by_label[None][1]
                merged_keys = [machine_keys[place[pid]] for pid in as_machine] + [
                    rank(pid)[1:] for pid in reviewed_here[:shown]]
                merged_keys.sort()
                shown_ids = [key[2] for key in merged_keys[:shown]]
        else:
            shown_ids = heapq.nsmallest(shown, members, key=rank)
        label = next((lab for lab, k in order.items() if k == worst), None) or \
            label_of(shown_ids[0])
        picked.append((label, n, members, shown_ids))
    facts: list[PlannedFact] = []
    shared = st.shared_claims
    for label, n, members, shown_ids in picked:
        if not filtered:
            claim_total, report_total = st.claim_totals[n], st.report_totals[n]
            needs_review = len(members) - len(reviewed_in.get(n, ()))
        elif fast:
            # The same members give the same totals: kept with the fact's filtered members.
            totals_key = fact_key(n)
            totals = st.filtered_totals.get(totals_key)
            if totals is None:
                if len(st.filtered_totals) > 50_000:
                    st.filtered_totals.clear()
                totals = st.filtered_totals[totals_key] = _totals(st, members)
            claim_total, report_total = totals
            needs_review = len(members) - sum(1 for pid in reviewed_in.get(n, ())
                                              if matches(pid))
        else:
            claim_total, report_total = _totals(st, members)
            needs_review = sum(1 for pid in members if pid not in reviews)
        # A fact of a big story can hold a thousand claims: show those of the pairs shown.
        visible = {rows[p].claim_a for p in shown_ids} | {rows[p].claim_b for p in shown_ids}
        facts.append(PlannedFact(
            number=n, label=label, total=len(members), needs_review=needs_review,
            claim_total=claim_total, report_total=report_total, pair_ids=shown_ids,
            claim_ids=sorted(visible),
            reviews=tuple((pid, *states[pid]) for pid in shown_ids if pid in states),
            elsewhere=tuple((c, shared[c]) for c in sorted(visible & shared.keys()))))
    return _keep_plan(rs, plan_key, FactPlan(facts, total_facts, counts, claims_per_report,
                                             st.key, state.head))


def _plain_rank(st: FactStructure, n: int, reviews: dict[int, str],
                reviewed: list[int] | None) -> tuple[int, int, int]:
    """Return fact ``n``'s rank in the unfiltered order, its pairs ``reviewed`` having the
    labels ``reviews`` gives them: only its worst label moves with reviews."""
    if not reviewed:
        return st.machine_rank[n]
    labels = dict(st.label_counts[n])
    for pid in reviewed:
        labels[st.rows[pid].label] -= 1
        labels[reviews[pid]] = labels.get(reviews[pid], 0) + 1
    worst = min(LABEL_ORDER.get(lab, 9) for lab, k in labels.items() if k > 0)
    return (worst, *st.machine_rank[n][1:])


def _carried_plain_plan(st: FactStructure, rs: ReviewState, plan_key: tuple[Any, ...],
                        reviews: dict[int, str],
                        reviewed_in: dict[int, list[int]]) -> FactPlan | None:
    """Return the plan an earlier review state made for this unfiltered view, if the
    reviews since leave its page as it was (its counts aside); else None.

    A review changes a page only through the facts holding its pair: one on the page, or
    one that moves across the page's first or last fact. A big story's reviews mostly
    touch neither, and drawing the plan again after each of them was most of a page view
    under editors reviewing.
    """
    found = _carried(rs, plan_key)
    if found is None:
        return None
    plan, earlier, changed = found
    bounds = earlier.memo.get(("bounds", plan_key))
    before: _Reviewed | None = earlier.memo.get("reviews")
    before_in: dict[int, list[int]] | None = earlier.memo.get("reviewed_in")
    if bounds is None or before is None or before_in is None or not plan.facts:
        return None
    first, last = bounds
    shown = {fact.number for fact in plan.facts}
    for n in {st.fact_of_pair[pid] for pid in changed if pid in st.fact_of_pair}:
        if n in shown:
            return None
        was = (_plain_rank(st, n, before.reviews, before_in.get(n)), n)
        now = (_plain_rank(st, n, reviews, reviewed_in.get(n)), n)
        if (was < first) != (now < first) or (was > last) != (now > last):
            return None
    rs.memo[("bounds", plan_key)] = bounds
    return plan


# Plans kept with one review state at most: views of every page and filter must not grow
# a state without bound before the next review replaces it.
PLANS_KEPT = 64


def _keep_plan(rs: ReviewState, key: tuple[Any, ...], plan: FactPlan) -> FactPlan:
    """Keep ``plan`` with ``rs`` under ``key`` (while fewer than PLANS_KEPT are) and
    return it. A kept plan is shared by requests: nothing may change it."""
    kept = rs.memo.get("plans kept", 0)
    if kept < PLANS_KEPT:
        rs.memo["plans kept"] = kept + 1
        rs.memo[key] = plan
    return plan


def _fact_order_of_label(st: FactStructure, n: int, label: str) -> list[int]:
    """Return fact ``n``'s pairs the machine labelled ``label``, in ``fact_order``."""
    found = st.fact_order_of_label.get((n, label))
    if found is None:
        # A big fact holds thousands of pairs and few of a filtered label: walking them
        # all on every page view was most of a filtered page's cost.
        rows = st.rows
        found = [pid for pid in st.fact_order[n] if rows[pid].label == label]
        st.fact_order_of_label[(n, label)] = found
    return found


def load_facts(session: Session, planned: list[PlannedFact]) -> list[FactSummary]:
    """Return the facts of ``plan_facts`` with their claims and pairs, in a few queries."""
    from sqlalchemy.orm import load_only, selectinload
    from sqlalchemy.orm.attributes import set_committed_value

    wanted_claims = sorted({c for fact in planned for c in fact.claim_ids})
    claims: dict[int, Claim] = {}
    for start in range(0, len(wanted_claims), 500):  # stay under every backend's bind limit
        # Only what the story page shows of a claim; its other columns load if ever touched.
        for c in session.scalars(
                select(Claim).where(Claim.id.in_(wanted_claims[start:start + 500]))
                .options(load_only(Claim.id, Claim.report_id, Claim.story_id, Claim.position,
                                   Claim.start, Claim.end, Claim.text, Claim.values),
                         selectinload(Claim.report).load_only(
                             Report.id, Report.story_id, Report.outlet, Report.title,
                             Report.url, Report.published_at))):
            claims[c.id] = c
    wanted = [pid for fact in planned for pid in fact.pair_ids]
    pairs: dict[int, Pair] = {}
    for start in range(0, len(wanted), 500):
        for p in session.scalars(select(Pair).where(Pair.id.in_(wanted[start:start + 500]))):
            # The claims are already here: attach them without a lazy load per pair.
            set_committed_value(p, "claim_a", claims[p.claim_a_id])
            set_committed_value(p, "claim_b", claims[p.claim_b_id])
            pairs[p.id] = p
    return [FactSummary(
        label=fact.label, total=fact.total, needs_review=fact.needs_review,
        claims=sorted((claims[c] for c in fact.claim_ids if c in claims),
                      key=lambda c: (c.report_id, c.position)),
        pairs=[pairs[pid] for pid in fact.pair_ids if pid in pairs],
        claim_total=fact.claim_total, report_total=fact.report_total,
        elsewhere=dict(fact.elsewhere)) for fact in planned]


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
