"""Dump a story (reports, claims, pairs, reviews, audit history) to plain JSON data and
restore it, into the same database or another one.

The dump names rows by position, not by database id, so ``dump(restore(dump(s)))`` equals
``dump(s)`` exactly, whatever ids the target database hands out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..models import AuditEvent, Claim, Pair, Report, Story
from . import audit
from .stories import get_story

FORMAT = "factcheck-story-dump"
VERSION = 1

_REPORT_FIELDS = ("outlet", "title", "url", "raw", "raw_format", "cleaned_text", "removed",
                  "content_hash")
_CLAIM_FIELDS = ("position", "start", "end", "sentence_start", "sentence_end", "text", "frame",
                 "keywords", "values", "polarity", "hedged", "attribution", "checkable", "kind",
                 "features")
_PAIR_FIELDS = ("label", "confidence", "similarity", "reasons", "explanation", "editor_label",
                "status", "note", "reviewed_by", "version")


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def dump_story(session: Session, story_id: int) -> dict[str, Any]:
    """Return a story with everything that hangs on it as JSON-ready data."""
    story = get_story(session, story_id)
    reports = list(session.scalars(select(Report).where(Report.story_id == story_id)
                                   .order_by(Report.id)))
    report_index = {r.id: n for n, r in enumerate(reports)}
    claims = list(session.scalars(select(Claim).where(Claim.story_id == story_id)
                                  .order_by(Claim.report_id, Claim.position)))
    claim_ref = {c.id: [report_index[c.report_id], c.position] for c in claims}
    pairs = list(session.scalars(select(Pair).where(Pair.story_id == story_id).order_by(Pair.id)))
    events = list(session.scalars(select(AuditEvent).where(AuditEvent.story_id == story_id)
                                  .order_by(AuditEvent.at, AuditEvent.id)))
    return {
        "format": FORMAT, "version": VERSION,
        "story": {"title": story.title, "description": story.description,
                  "created_at": _time(story.created_at)},
        "reports": [
            {**{f: getattr(r, f) for f in _REPORT_FIELDS},
             "published_at": _time(r.published_at), "created_at": _time(r.created_at),
             "claims": [{f: getattr(c, f) for f in _CLAIM_FIELDS}
                        for c in claims if c.report_id == r.id]}
            for r in reports
        ],
        "pairs": [
            {**{f: getattr(p, f) for f in _PAIR_FIELDS}, "a": claim_ref[p.claim_a_id],
             "b": claim_ref[p.claim_b_id], "reviewed_at": _time(p.reviewed_at),
             "created_at": _time(p.created_at)}
            for p in pairs
        ],
        "audit": [
            {"at": _time(e.at), "actor": e.actor, "action": e.action,
             "entity_type": e.entity_type, "data": e.data,
             # Entities are renumbered on restore; keep the link by position where we can.
             "ref": _event_ref(e, report_index, claim_ref, pairs)}
            for e in events
        ],
    }


def _event_ref(event: AuditEvent, report_index: dict[int, int],
               claim_ref: dict[int, list[int]], pairs: list[Pair]) -> Any:
    if event.entity_type == "report" and event.entity_id in report_index:
        return report_index[event.entity_id]
    if event.entity_type == "pair":
        for n, p in enumerate(pairs):
            if p.id == event.entity_id:
                return n
    if event.entity_type == "story":
        return "story"
    # A deleted report or a user: nothing to renumber, keep the id as it was.
    return {"id": event.entity_id}


def restore_story(session: Session, data: dict[str, Any], *, actor: str | None = None) -> Story:
    """Create a new story from a dump made by ``dump_story``."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput("This is not a factcheck story dump.",
                           errors={"format": [f"Expected {FORMAT!r}."]})
    if data.get("version") != VERSION:
        raise InvalidInput(f"Unsupported dump version {data.get('version')!r}.",
                           errors={"version": [f"Expected {VERSION}."]})
    try:
        return _restore(session, data, actor)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"The dump is damaged: {exc!r}",
                           errors={"dump": [f"Damaged: {exc!r}"]}) from exc


def _restore(session: Session, data: dict[str, Any], actor: str | None) -> Story:
    meta = data["story"]
    story = Story(title=meta["title"], description=meta["description"],
                  created_at=_parse_time(meta["created_at"]))
    session.add(story)
    session.flush()
    report_ids: list[int] = []
    claim_ids: dict[tuple[int, int], int] = {}
    for n, rd in enumerate(data["reports"]):
        report = Report(story_id=story.id, **{f: rd[f] for f in _REPORT_FIELDS},
                        published_at=_parse_time(rd["published_at"]),
                        created_at=_parse_time(rd["created_at"]))
        session.add(report)
        session.flush()
        report_ids.append(report.id)
        rows = [Claim(story_id=story.id, report_id=report.id,
                      **{f: cd[f] for f in _CLAIM_FIELDS}) for cd in rd["claims"]]
        session.add_all(rows)
        session.flush()
        for row in rows:
            claim_ids[(n, row.position)] = row.id
    pair_ids: list[int] = []
    for pd in data["pairs"]:
        (ra, pa), (rb, pb) = pd["a"], pd["b"]
        pair = Pair(story_id=story.id, claim_a_id=claim_ids[(ra, pa)],
                    claim_b_id=claim_ids[(rb, pb)],
                    **{f: pd[f] for f in _PAIR_FIELDS if f != "version"},
                    reviewed_at=_parse_time(pd["reviewed_at"]),
                    created_at=_parse_time(pd["created_at"]))
        session.add(pair)
        session.flush()
        if pd["version"] != pair.version:
            # The version counter is managed by the ORM; set it as dumped without a bump.
            session.execute(update(Pair).where(Pair.id == pair.id)
                            .values(version=pd["version"]))
            session.expire(pair, ["version"])
        pair_ids.append(pair.id)
    for ed in data["audit"]:
        ref = ed["ref"]
        if ref == "story":
            entity_id = story.id
        elif isinstance(ref, dict):
            entity_id = int(ref["id"])
        else:
            entity_id = (report_ids if ed["entity_type"] == "report" else pair_ids)[int(ref)]
        session.add(AuditEvent(at=_parse_time(ed["at"]), actor=ed["actor"], action=ed["action"],
                               entity_type=ed["entity_type"], entity_id=entity_id,
                               story_id=story.id, data=ed["data"]))
    session.flush()
    audit.record(session, actor=actor, action="story.restored", entity_type="story",
                 entity_id=story.id, story_id=story.id, reports=len(report_ids),
                 pairs=len(pair_ids))
    return story
