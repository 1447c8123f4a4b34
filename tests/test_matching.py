"""Incremental matching through the stored blocking index, and rebuilding a story."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from factcheck.bench.common import DATA, read_jsonl
from factcheck.db import session_scope
from factcheck.models import AuditEvent, ClaimKey, Pair, Report, Story
from factcheck.pipeline import ReportInput, compare
from factcheck.pipeline.blocking import BLOCKING_VERSION
from factcheck.services import ingest, matching, review

from .conftest import make_story, seed_texts

ECB = DATA / "ecbplus" / "clusters.jsonl"
_LIGHT_COLUMNS = (matching.Claim.id, matching.Claim.report_id, matching.Claim.position,
                  matching.Claim.text, Report.created_at)

EXTRA = [
    ("Wire", "The treaty took seven years to finalise, officials said. The UN General "
             "Assembly adopted the Convention against Cybercrime by a vote of 120 to 40.",
     date(2024, 12, 27)),
    ("Daily", "Negotiating the cybercrime convention took five years. Markets in Tokyo "
              "fell sharply on Tuesday.", date(2024, 12, 28)),
    ("Weekly", "Police in Leeds arrested two men on Tuesday after a fire at a warehouse.",
     date(2024, 12, 29)),
]


def _reports() -> list[tuple[str, str, date | None]]:
    out: list[tuple[str, str, date | None]] = []
    for meta, body in seed_texts():
        published = meta.get("published")
        out.append((meta["outlet"], body, date.fromisoformat(published) if published else None))
    return out + EXTRA


def _fill(session: Session, reports: list[tuple[str, str, date | None]]) -> Story:
    story = make_story(session)
    for outlet, text, published in reports:
        ingest.add_report(session, story, outlet=outlet, text=text, published=published)
    session.commit()
    return story


def _stored(session: Session, story: Story) -> set[tuple[str, str, str, float]]:
    pairs = session.scalars(select(Pair).where(Pair.story_id == story.id)).all()
    return {(p.claim_a.text, p.claim_b.text, p.label, p.confidence) for p in pairs}


def test_incremental_matching_stores_exactly_the_exhaustive_pairs(session: Session) -> None:
    reports = _reports()
    story = _fill(session, reports)
    expected = compare([ReportInput(text, published=published)
                        for _o, text, published in reports], exhaustive=True)
    claims = [r.claims for r in expected.reports]
    want = {(claims[p.report_a][p.claim_a].text, claims[p.report_b][p.claim_b].text,
             p.judgement.label, p.judgement.confidence) for p in expected.pairs}
    assert len(want) > 30
    assert _stored(session, story) == want


def test_real_news_matched_in_the_database_equals_the_exhaustive_comparison(
        session: Session) -> None:
    # Long news sentences meet through two shared words: the lookup's counted keys.
    if not ECB.exists():
        pytest.skip(f"{ECB} is not there (the shared data sets are absent)")
    texts = [a["text"] for cluster in read_jsonl(ECB)[:3] for a in cluster["articles"][:4]]
    story = _fill(session, [(f"Outlet {n}", t, None) for n, t in enumerate(texts)])
    expected = compare([ReportInput(t) for t in texts], exhaustive=True)
    claims = [r.claims for r in expected.reports]
    want = {(claims[p.report_a][p.claim_a].text, claims[p.report_b][p.claim_b].text,
             p.judgement.label, p.judgement.confidence) for p in expected.pairs}
    assert len(want) > 100
    assert _stored(session, story) == want


def test_adding_a_report_loads_only_claims_its_keys_meet(session: Session) -> None:
    story = _fill(session, _reports()[:2])
    report = ingest.add_report(session, story, outlet="Local", text=EXTRA[2][1]).report
    session.commit()
    # The Leeds report shares no name and no two telling words with the treaty reports.
    keys = [matching.keys_of(c) for c in
            [matching.to_pipeline(r) for r in report.claims]]
    assert session.scalar(select(func.count()).select_from(ClaimKey)
                          .where(ClaimKey.report_id == report.id)) > 0
    assert matching._candidate_ids(session, story.id, report.id, keys) == set()


def test_a_reused_claim_id_is_not_served_from_the_claim_cache(session: Session) -> None:
    story = _fill(session, _reports()[:2])
    weekly = ingest.add_report(session, story, outlet="Weekly", text=EXTRA[0][1])
    session.commit()
    wire_ids = [c.id for c in weekly.report.claims]
    # This process has read the report's claims; then another process deletes the report
    # and SQLite hands its claim ids to a new report with other sentences.
    matching._load_candidates(session, select(
        *_LIGHT_COLUMNS).join(Report).where(matching.Claim.id.in_(wire_ids)))
    ingest.delete_report(session, weekly.report.id)
    session.commit()
    ingest.add_report(session, story, outlet="Daily", text=EXTRA[1][1])
    ingest.add_report(session, story, outlet="Later", text=EXTRA[0][1].replace(
        "seven years", "six years"))
    session.commit()
    assert matching.rebuild_story(session, story, dry_run=True).unchanged


def test_the_claim_cache_needs_the_same_signature_and_forgets_the_oldest() -> None:
    cache = matching.ClaimCache(size=2)
    first, second, third = (compare([ReportInput(t)]).reports[0].claims[0]
                            for t in ("The treaty took five years.", "Police arrested two men.",
                                      "Markets fell on Tuesday."))
    cache.put(1, ("a", 1), first)
    assert cache.get(1, ("a", 1)) is first
    assert cache.get(1, ("b", 1)) is None
    cache.put(2, ("b", 2), second)
    cache.put(3, ("c", 3), third)
    assert cache.get(1, ("a", 1)) is None and cache.get(3, ("c", 3)) is third


def test_rebuild_of_an_incrementally_built_story_changes_nothing(session: Session) -> None:
    story = _fill(session, _reports())
    before = _stored(session, story)
    result = matching.rebuild_story(session, story, dry_run=True)
    assert result.unchanged and result.kept == len(before)


def test_deleting_a_report_leaves_the_other_pairs_as_a_rebuild_gives_them(
        session: Session) -> None:
    story = _fill(session, _reports())
    wire = session.scalar(select(Report).where(Report.outlet == "Wire"))
    assert wire is not None
    ingest.delete_report(session, wire.id)
    session.commit()
    assert session.scalar(select(func.count()).select_from(ClaimKey)
                          .where(ClaimKey.report_id == wire.id)) == 0
    assert matching.rebuild_story(session, story, dry_run=True).unchanged


def test_a_story_stored_before_the_index_is_indexed_when_a_report_arrives(
        session: Session) -> None:
    reports = _reports()
    fresh = _fill(session, reports)
    old = make_story(session, "Stored before the index")
    for outlet, text, published in reports[:-1]:
        ingest.add_report(session, old, outlet=outlet, text=text, published=published)
    # What a story looks like after the migration: no keys, no word counts, version 0.
    session.execute(delete(ClaimKey).where(ClaimKey.story_id == old.id))
    session.execute(update(Report).where(Report.story_id == old.id).values(terms=None))
    session.execute(update(Story).where(Story.id == old.id).values(blocking_version=0))
    session.commit()
    session.expire_all()
    outlet, text, published = reports[-1]
    ingest.add_report(session, old, outlet=outlet, text=text, published=published)
    session.commit()
    assert old.blocking_version == BLOCKING_VERSION
    assert _stored(session, old) == _stored(session, fresh)


def test_rebuild_relabels_stale_pairs_and_keeps_reviews(session: Session) -> None:
    story = _fill(session, _reports())
    pairs = session.scalars(select(Pair).where(Pair.story_id == story.id)
                            .order_by(Pair.id)).all()
    kept, stale = pairs[0], pairs[1]
    review.review_pair(session, kept.id, label="conflict", note="checked by phone",
                       version=kept.version, actor="ed")
    true_label = stale.label
    stale.label = "conflict" if true_label != "conflict" else "agree"  # as an old release said
    session.commit()
    result = matching.rebuild_story(session, story, actor="ops")
    session.commit()
    assert result.relabelled == 1 and result.added == 0 and result.removed == 0
    session.refresh(kept)
    session.refresh(stale)
    assert stale.label == true_label
    assert kept.editor_label == "conflict" and kept.note == "checked by phone"
    assert matching.rebuild_story(session, story, dry_run=True).unchanged


def test_rebuild_removes_a_pair_matching_no_longer_finds_and_logs_its_review(
        session: Session) -> None:
    story = _fill(session, _reports())
    pair = session.scalars(select(Pair).where(Pair.story_id == story.id)).first()
    assert pair is not None
    a, b = pair.claim_a_id, pair.claim_b_id
    review.review_pair(session, pair.id, label="agree", note=None, version=pair.version,
                       actor="ed")
    pair_id = pair.id
    # Pretend matching no longer links these two claims: drop the pair and stick a new,
    # reviewed one between claims it never pairs.
    session.delete(pair)
    session.flush()
    ghost = Pair(story_id=story.id, claim_a_id=b, claim_b_id=a, label="agree", confidence=0.5,
                 status="confirmed", editor_label="agree", reviewed_by="ed")
    session.add(ghost)
    session.commit()
    result = matching.rebuild_story(session, story, actor="ops")
    session.commit()
    assert (result.added, result.removed, result.reviewed_removed) == (1, 1, 1)
    assert session.get(Pair, ghost.id) is None
    logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "pair.removed")).all()
    assert [e.entity_id for e in logged] == [ghost.id] and ghost.id != pair_id


def test_rebuild_command_checks_and_repairs_a_story(app: Flask, runner: FlaskCliRunner) -> None:
    with session_scope(app) as session:
        story_id = _fill(session, _reports()).id
    ok = runner.invoke(args=["rebuild", str(story_id), "--check"])
    assert ok.exit_code == 0, ok.output
    assert "unchanged" in ok.output
    with session_scope(app) as session:
        session.execute(update(Pair).where(Pair.story_id == story_id)
                        .values(label="conflict"))
    check = runner.invoke(args=["rebuild", str(story_id), "--check"])
    assert check.exit_code == 1 and "would change" in check.output
    fixed = runner.invoke(args=["rebuild", "--all"])
    assert fixed.exit_code == 0 and "rebuilt" in fixed.output
    again = runner.invoke(args=["rebuild", str(story_id), "--check"])
    assert again.exit_code == 0, again.output


def test_rebuild_command_needs_a_story(runner: FlaskCliRunner) -> None:
    got = runner.invoke(args=["rebuild"])
    assert got.exit_code != 0 and "--all" in got.output
    missing = runner.invoke(args=["rebuild", "9999"])
    assert missing.exit_code != 0 and "9999" in missing.output
