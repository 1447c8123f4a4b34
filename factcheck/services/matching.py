"""Match a story's claims through its blocking index, incrementally or from scratch.

Each claim's blocking keys (``factcheck.pipeline.blocking``) are stored in ``claim_key`` and
each report keeps its word counts in ``report.terms``. A new report is then matched only
against the claims its keys meet, with the word weights of each report pair, which gives
exactly the pairs of matching it against every claim of the story, at the cost of its
candidates. ``rebuild_story`` recomputes a story's keys and pairs from its stored claims.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Integer,
    any_,
    bindparam,
    delete,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import QueryableAttribute, Session

from .. import pipeline
from ..cache import Lru
from ..models import Claim, ClaimKey, Pair, Report, Story, utcnow
from ..pipeline.blocking import BLOCKING_VERSION, LONG_MEETING, BlockKeys, block_keys
from ..pipeline.match import idf_from, terms_of
from ..pipeline.signals import signals
from . import audit
from .convert import to_pipeline

log = logging.getLogger(__name__)

# Keys go to the database in batches, well below SQLite's limit on bound parameters.
_BATCH = 5000
_PG_INSERT = text(
    "INSERT INTO claim_key (claim_id, role, key, story_id, report_id) "
    "SELECT * FROM unnest(CAST(:claim_id AS integer[]), CAST(:role AS varchar[]), "
    "CAST(:key AS text[]), CAST(:story_id AS integer[]), CAST(:report_id AS integer[]))")
# Each part probes the index (story_id, role, key) once per wanted key: a join on the
# unnested keys keeps the plan an index lookup per key, where ``key = ANY(...) OR ...``
# scanned every key of the story. A long claim's counted keys must meet one claim twice.
_PG_LOOKUP = text(
    "SELECT k.claim_id FROM unnest(CAST(:probes AS text[])) AS w(key) "
    "JOIN claim_key k ON k.story_id = :story_id AND k.role = 'f' AND k.key = w.key "
    "WHERE k.report_id <> :report_id "
    "UNION "
    "SELECT k.claim_id FROM unnest(CAST(:filed AS text[])) AS w(key) "
    "JOIN claim_key k ON k.story_id = :story_id AND k.role = 'p' AND k.key = w.key "
    "WHERE k.report_id <> :report_id "
    "UNION "
    "SELECT k.claim_id FROM unnest(CAST(:counter AS integer[]), CAST(:counted AS text[])) "
    "AS w(claim, key) "
    "JOIN claim_key k ON k.story_id = :story_id AND k.role = 'f' AND k.key = w.key "
    "WHERE k.report_id <> :report_id "
    f"GROUP BY w.claim, k.claim_id HAVING count(*) >= {LONG_MEETING}")

_PAIR_ARRAYS = {"claim_a_id": "integer", "claim_b_id": "integer", "label": "varchar",
                "confidence": "float8", "similarity": "float8", "reasons": "text",
                "explanation": "text"}
_PG_PAIRS = text(
    "INSERT INTO pair (story_id, claim_a_id, claim_b_id, label, confidence, similarity, "
    "reasons, explanation, status, version, created_at) "
    "SELECT :story_id, a, b, l, c, s, CAST(r AS json), e, 'unreviewed', 1, :created_at "
    "FROM unnest(" + ", ".join(f"CAST(:{name} AS {kind}[])" for name, kind in
                               _PAIR_ARRAYS.items()) + ") AS p(a, b, l, c, s, r, e)")


def lock_story(session: Session, story: Story) -> None:
    """Serialise ingests into one story, so each new report is paired with every other.

    Two reports added at once would otherwise each miss the other's claims. PostgreSQL locks
    the story row until the transaction ends; SQLite transactions already hold the database's
    write lock from their start (see ``factcheck.db``).
    """
    if _on_postgresql(session):
        session.execute(select(Story.id).where(Story.id == story.id).with_for_update())


def keys_of(claim: pipeline.Claim) -> BlockKeys:
    """Return the blocking keys of a pipeline claim."""
    return block_keys(signals(claim), checkable=claim.checkable)


def terms_json(claims: Sequence[pipeline.Claim]) -> dict[str, object]:
    """Return a report's word counts as stored in ``report.terms``."""
    n, df = terms_of([signals(c) for c in claims])
    return {"n": n, "df": dict(df)}


def _stored_terms(data: dict[str, Any] | None) -> tuple[int, dict[str, int]]:
    data = data or {}
    return int(data.get("n", 0)), dict(data.get("df", {}))


def file_claims(session: Session, report: Report, rows: Sequence[Claim],
                claims: Sequence[pipeline.Claim]) -> list[BlockKeys]:
    """Store the blocking keys of a report's claims and its word counts; return the keys."""
    report.terms = terms_json(claims)
    keys = [keys_of(c) for c in claims]
    values: list[dict[str, object]] = []
    for row, k in zip(rows, keys, strict=True):
        # Probes and counted keys are looked up, not stored; "p" rows are the stems within
        # reach of later claims' names (see the pipeline's blocking).
        values += [{"claim_id": row.id, "role": "f", "key": key, "story_id": row.story_id,
                    "report_id": row.report_id} for key in k.filed]
        values += [{"claim_id": row.id, "role": "p", "key": key, "story_id": row.story_id,
                    "report_id": row.report_id} for key in k.reach]
    if not values:
        return keys
    if _on_postgresql(session):
        # One statement with five array parameters: a multi-row VALUES of a few thousand
        # keys costs more to build and parse than to store.
        session.execute(_PG_INSERT, {name: [v[name] for v in values] for name in
                                     ("claim_id", "role", "key", "story_id", "report_id")})
    else:
        for start in range(0, len(values), _BATCH):
            session.execute(insert(ClaimKey), values[start:start + _BATCH])
    return keys


def ensure_index(session: Session, story: Story, *, skip: int | None = None) -> bool:
    """Build the story's blocking index if it is missing or older than the pipeline's.

    Returns True when it had to be built; report ``skip`` (one being added) is left out.
    Stories stored before the index existed, or under an older version of the keys, are
    indexed here before their next report is matched, inside the caller's transaction.
    """
    if story.blocking_version == BLOCKING_VERSION:
        return False
    reports = session.scalars(select(Report).where(Report.story_id == story.id)
                              .order_by(Report.id)).all()
    by_report = _claims_by_report(session, story.id)
    kept = [r for r in reports if r.id != skip]
    rows = [by_report.get(r.id, []) for r in kept]
    _refile(session, story, kept, rows, [[to_pipeline(c) for c in rs] for rs in rows])
    return True


def _refile(session: Session, story: Story, reports: Sequence[Report],
            rows: Sequence[Sequence[Claim]],
            claims: Sequence[Sequence[pipeline.Claim]]) -> None:
    """Replace the story's blocking keys with those of ``reports`` (already loaded)."""
    session.execute(delete(ClaimKey).where(ClaimKey.story_id == story.id))
    for report, report_rows, report_claims in zip(reports, rows, claims, strict=True):
        file_claims(session, report, report_rows, report_claims)
    story.blocking_version = BLOCKING_VERSION
    session.flush()
    log.info("built the blocking index of story %s (%d reports)", story.id, len(reports))


def _claims_by_report(session: Session, story_id: int) -> dict[int, list[Claim]]:
    rows = session.scalars(select(Claim).where(Claim.story_id == story_id)
                           .order_by(Claim.report_id, Claim.position)).all()
    by_report: dict[int, list[Claim]] = defaultdict(list)
    for row in rows:
        by_report[row.report_id].append(row)
    return by_report


def _candidate_ids(session: Session, story_id: int, report_id: int,
                   keys: Sequence[BlockKeys]) -> set[int]:
    probes = sorted(set().union(*(k.probes for k in keys))) if keys else []
    filed = sorted(set().union(*(k.filed for k in keys))) if keys else []
    counted = [(n, key) for n, k in enumerate(keys) for key in sorted(k.counted)]
    if _on_postgresql(session):
        return set(session.scalars(_PG_LOOKUP, {
            "story_id": story_id, "report_id": report_id, "probes": probes, "filed": filed,
            "counter": [n for n, _ in counted], "counted": [key for _, key in counted]}))
    found: set[int] = set()
    for role, wanted in (("f", probes), ("p", filed)):
        for start in range(0, len(wanted), _BATCH):
            found.update(session.scalars(
                select(ClaimKey.claim_id).distinct().where(
                    ClaimKey.story_id == story_id, ClaimKey.report_id != report_id,
                    ClaimKey.role == role, ClaimKey.key.in_(wanted[start:start + _BATCH]))))
    hits: Counter[tuple[int, int]] = Counter()
    owners: dict[str, list[int]] = defaultdict(list)
    for n, key in counted:
        owners[key].append(n)
    wanted = sorted(owners)
    for start in range(0, len(wanted), _BATCH):
        for claim_id, key in session.execute(
                select(ClaimKey.claim_id, ClaimKey.key).where(
                    ClaimKey.story_id == story_id, ClaimKey.report_id != report_id,
                    ClaimKey.role == "f", ClaimKey.key.in_(wanted[start:start + _BATCH]))):
            hits.update((n, claim_id) for n in owners[key])
    found.update(claim_id for (_n, claim_id), times in hits.items() if times >= LONG_MEETING)
    return found


def _day(published_at: datetime | None) -> date | None:
    return published_at.date() if published_at else None


def _on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


class ClaimCache:
    """Pipeline claims of stored claim rows, by id, kept across requests in one process.

    A stored claim never changes, and a report's candidates are mostly claims the process
    has matched before: reading them again as ORM rows (with their JSON columns) and
    converting them cost more than scoring them. An entry is only used while the claim's
    signature (its text, report, the report's creation time and its position) is the one
    cached: SQLite may give a deleted claim's id to a new one.
    """

    def __init__(self, size: int = 20_000) -> None:
        """Keep at most ``size`` claims."""
        self._claims: Lru[tuple[Hashable, pipeline.Claim]] = Lru(size)

    def get(self, claim_id: int, signature: Hashable) -> pipeline.Claim | None:
        """Return the cached claim ``claim_id`` if it was cached with ``signature``."""
        found = self._claims.get(claim_id)
        return found[1] if found is not None and found[0] == signature else None

    def put(self, claim_id: int, signature: Hashable, claim: pipeline.Claim) -> None:
        """Remember ``claim`` as the pipeline form of row ``claim_id`` with ``signature``."""
        self._claims.put(claim_id, (signature, claim))

    def clear(self) -> None:
        """Forget every claim."""
        self._claims.clear()


CLAIMS = ClaimCache()


def _among(session: Session, column: QueryableAttribute[int],
           ids: Iterable[int]) -> ColumnElement[bool]:
    """Return ``column IN ids``; one array parameter on PostgreSQL."""
    wanted = sorted(ids)
    if _on_postgresql(session):
        # Hundreds of ids as one array: an IN list of as many parameters costs more to
        # build and parse than the lookup itself.
        return column == any_(bindparam(None, wanted, type_=ARRAY(Integer)))
    return column.in_(wanted)


def _load_candidates(session: Session, stmt: Executable,
                     ) -> dict[int, tuple[list[int], list[pipeline.Claim]]]:
    """Return the ids and claims ``stmt`` selects (id, report, position, text, report's
    creation time) by report, in order, from the cache where it holds them."""
    by_report: dict[int, tuple[list[int], list[pipeline.Claim]]] = {}
    missing: dict[int, Hashable] = {}
    found: list[tuple[int, int, int, pipeline.Claim | None]] = []
    for claim_id, report_id, position, claim_text, created in session.execute(stmt):
        signature = (claim_text, report_id, created, position)
        claim = CLAIMS.get(claim_id, signature)
        if claim is None:
            missing[claim_id] = signature
        found.append((report_id, position, claim_id, claim))
    loaded: dict[int, pipeline.Claim] = {}
    if missing:
        loaded = {row.id: to_pipeline(row) for row in session.scalars(
            select(Claim).where(_among(session, Claim.id, missing)))}
        for claim_id, claim in loaded.items():
            CLAIMS.put(claim_id, missing[claim_id], claim)
    for report_id, _position, claim_id, claim in sorted(found, key=lambda x: x[:2]):
        ids, claims = by_report.setdefault(report_id, ([], []))
        ids.append(claim_id)
        claims.append(claim if claim is not None else loaded[claim_id])
    return by_report


def pair_new_report(session: Session, story: Story, report: Report, rows: Sequence[Claim],
                    claims: Sequence[pipeline.Claim], *,
                    exhaustive: bool = False) -> Counter[str]:
    """Match a just-stored report's claims against the story's other claims; add the pairs.

    Only the claims the blocking index proposes are loaded and scored. ``exhaustive``
    scores the report against every claim of the story instead: the reference the fast
    path equals, kept for the benchmarks. Returns how many pairs were added, by label.
    """
    ensure_index(session, story, skip=report.id)
    keys = file_claims(session, report, rows, claims)
    light = select(Claim.id, Claim.report_id, Claim.position, Claim.text,
                   Report.created_at).join(Report, Report.id == Claim.report_id)
    if exhaustive:
        stmt = light.where(Claim.story_id == story.id, Claim.report_id != report.id)
    else:
        ids = _candidate_ids(session, story.id, report.id, keys)
        if not ids:
            return Counter()
        stmt = light.where(_among(session, Claim.id, ids))
    by_report = _load_candidates(session, stmt)
    others = {r.id: r for r in session.execute(
        select(Report.id, Report.published_at, Report.terms)
        .where(_among(session, Report.id, by_report)))}
    new_terms = _stored_terms(report.terms)
    published_b = _day(report.published_at)
    values: list[dict[str, object]] = []
    labels: Counter[str] = Counter()
    for other_id, (other_ids, a) in by_report.items():
        _, published_at, terms = others[other_id]
        # ``a`` holds only the candidates, so the report pair's word weights come from the
        # stored counts; every claim pair that shares a word among them is then scored.
        found = pipeline.pair_claims(
            a, claims, published_a=_day(published_at),
            published_b=published_b,
            idf=None if exhaustive else idf_from(_stored_terms(terms), new_terms))
        for p in found:
            j = p.judgement
            labels[j.label] += 1
            values.append({"story_id": story.id, "claim_a_id": other_ids[p.i],
                           "claim_b_id": rows[p.j].id, "label": j.label,
                           "confidence": j.confidence, "similarity": j.similarity,
                           "reasons": list(j.reasons), "explanation": j.explanation})
    if values:
        _store_pairs(session, values)
    return labels


def _store_pairs(session: Session, values: list[dict[str, Any]]) -> None:
    """Insert new pairs (column values without defaults) in as few statements as we can."""
    if _on_postgresql(session):
        # One statement over arrays: hundreds of single-row INSERTs, even pipelined, cost
        # more than matching the report.
        columns = {name: [v[name] for v in values] for name in _PAIR_ARRAYS}
        columns["reasons"] = [json.dumps(r) for r in columns["reasons"]]
        session.execute(_PG_PAIRS, {**columns, "story_id": values[0]["story_id"],
                                    "created_at": utcnow()})
    else:
        # Core executemany: the pairs' ids are not needed here, and the ORM's multi-row
        # INSERT ... RETURNING of hundreds of pairs cost more than the matching.
        session.execute(insert(Pair), values)


def new_pairs(session: Session, rows: Sequence[Claim]) -> list[Pair]:
    """Return the stored pairs that end in the claims ``rows`` (a new report's), by id."""
    return list(session.scalars(select(Pair).where(Pair.claim_b_id.in_([r.id for r in rows]))
                                .order_by(Pair.id)))


@dataclass
class RebuildResult:
    """What rebuilding a story's pairs changed."""

    story_id: int
    kept: int = 0
    # Found again with another label, reasons, explanation, confidence or similarity.
    relabelled: int = 0
    added: int = 0
    removed: int = 0
    reviewed_removed: int = 0
    labels: Counter[str] = field(default_factory=Counter)

    @property
    def unchanged(self) -> bool:
        """Return True when the rebuild found exactly the pairs and labels already stored."""
        return not (self.relabelled or self.added or self.removed)


def rebuild_story(session: Session, story: Story, *, dry_run: bool = False,
                  actor: str | None = None) -> RebuildResult:
    """Recompute a story's blocking index and pairs from its stored claims.

    Pairs found again keep their id and their editor's review, and take the new machine
    label; pairs no longer found are removed (a reviewed one leaves its review in the audit
    log); new ones are added. With ``dry_run`` nothing is written: the result tells whether
    the stored pairs are what matching gives today.
    """
    lock_story(session, story)
    reports = session.scalars(select(Report).where(Report.story_id == story.id)
                              .order_by(Report.id)).all()
    by_report = _claims_by_report(session, story.id)
    rows = [by_report.get(r.id, []) for r in reports]
    claims = [[to_pipeline(c) for c in rs] for rs in rows]
    fresh = pipeline.story_pairs(claims, [_day(r.published_at) for r in reports])
    wanted: dict[tuple[int, int], pipeline.Judgement] = {
        (rows[p.report_a][p.claim_a].id, rows[p.report_b][p.claim_b].id): p.judgement
        for p in fresh}
    stored = {(p.claim_a_id, p.claim_b_id): p for p in session.scalars(
        select(Pair).where(Pair.story_id == story.id))}
    result = RebuildResult(story.id)
    for ends, pair in stored.items():
        judgement = wanted.get(ends)
        if judgement is None:
            result.removed += 1
            if pair.status != "unreviewed":
                result.reviewed_removed += 1
            if not dry_run:
                if pair.status != "unreviewed":
                    audit.record(session, actor=actor, action="pair.removed",
                                 entity_type="pair", entity_id=pair.id, story_id=story.id,
                                 label=pair.label, editor_label=pair.editor_label,
                                 status=pair.status, note=pair.note,
                                 reviewed_by=pair.reviewed_by)
                session.delete(pair)
            continue
        same = (pair.label == judgement.label and list(pair.reasons) == list(judgement.reasons)
                and pair.explanation == judgement.explanation
                and pair.confidence == judgement.confidence
                and pair.similarity == judgement.similarity)
        if same:
            result.kept += 1
            continue
        result.relabelled += 1
        if not dry_run:
            pair.label, pair.confidence = judgement.label, judgement.confidence
            pair.similarity, pair.reasons = judgement.similarity, list(judgement.reasons)
            pair.explanation = judgement.explanation
    for ends, judgement in wanted.items():
        result.labels[judgement.label] += 1
        if ends in stored:
            continue
        result.added += 1
        if not dry_run:
            session.add(Pair(story_id=story.id, claim_a_id=ends[0], claim_b_id=ends[1],
                             label=judgement.label, confidence=judgement.confidence,
                             similarity=judgement.similarity, reasons=list(judgement.reasons),
                             explanation=judgement.explanation))
    if not dry_run:
        _refile(session, story, reports, rows, claims)  # the keys too, whatever their version
        audit.record(session, actor=actor, action="story.rebuilt", entity_type="story",
                     entity_id=story.id, story_id=story.id, kept=result.kept,
                     relabelled=result.relabelled, added=result.added,
                     removed=result.removed)
        session.flush()
    return result
