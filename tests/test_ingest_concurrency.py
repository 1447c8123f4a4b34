"""Reports added to one story at the same time are each stored once and fully paired."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from factcheck.db import get_db
from factcheck.errors import Conflict
from factcheck.models import Claim, Pair, Report
from factcheck.services import ingest, stories
from factcheck.services.review import review_pair

from .conftest import make_story

THREADS = 20


def _report(n: int) -> str:
    return (
        f"The United Nations General Assembly adopted the cybercrime treaty after {n + 2} "
        f"years of talks. Outlet {n} said the treaty was agreed by member states in New York."
    )


def _pair_keys(session: Session, story_id: int) -> set[frozenset[tuple[str, int]]]:
    rows = session.execute(
        select(Pair.claim_a_id, Pair.claim_b_id).where(Pair.story_id == story_id)).all()
    where: dict[int, tuple[str, int]] = {
        cid: (outlet, pos) for cid, outlet, pos in session.execute(
            select(Claim.id, Report.outlet, Claim.position).join(Report)
            .where(Claim.story_id == story_id))
    }
    return {frozenset((where[a], where[b])) for a, b in rows}


def test_twenty_concurrent_ingests_store_each_report_once_with_every_pair(app: Flask) -> None:
    db = get_db(app)
    with db.sessions() as s:
        together = make_story(s, "together").id
        one_by_one = make_story(s, "one by one").id
        s.commit()

    def add(n: int, story_id: int) -> None:
        with db.sessions() as s:
            story = stories.get_story(s, story_id)
            ingest.add_report(s, story, outlet=f"Outlet {n}", text=_report(n))
            s.commit()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        # Each report twice: the duplicate must come back as the same report, not a new one.
        list(pool.map(lambda n: add(n % THREADS, together), range(THREADS * 2)))
    for n in range(THREADS):
        add(n, one_by_one)

    with db.sessions() as s:
        count = s.scalar(select(func.count(Report.id)).where(Report.story_id == together))
        assert count == THREADS
        expected = _pair_keys(s, one_by_one)
        assert expected, "the reports are meant to match each other"
        assert _pair_keys(s, together) == expected


def test_concurrent_reviews_are_each_counted_and_every_kept_state_catches_up(
        app: Flask) -> None:
    db = get_db(app)
    with db.sessions() as s:
        story = make_story(s, "reviews")
        for n in range(6):
            ingest.add_report(s, story, outlet=f"Outlet {n}", text=_report(n))
        story_id = story.id
        s.commit()
        ids = list(s.scalars(select(Pair.id).where(Pair.story_id == story_id)
                             .order_by(Pair.id)))
    assert len(ids) >= THREADS
    cache = stories.FactCache()
    seen: list[int] = []

    def review(n: int) -> None:
        labels = ("agree", "complement", "conflict", "unrelated")
        with db.sessions() as s:
            pid = ids[n % THREADS]
            for _attempt in range(20):  # another thread may have reviewed it first
                version = s.scalar(select(Pair.version).where(Pair.id == pid))
                try:
                    review_pair(s, pid, version=version or 0, actor="ed",
                                label=labels[n % 4], note=f"review {n}")
                    s.commit()
                    return
                except (Conflict, StaleDataError):
                    s.rollback()
            raise AssertionError(f"review {n} never went through")

    def read() -> None:
        # A reader keeping its state between reviews, as a web worker does.
        with db.sessions() as s:
            st, state = stories.current_structure(s, story_id, cache)
            seen.append(stories.review_state(s, story_id, st, state).seq)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(review, n) for n in range(THREADS * 3)]
        while not all(f.done() for f in futures):
            read()
        for f in futures:
            f.result()
    read()
    with db.sessions() as s:
        assert stories.story_state(s, story_id).review_seq == THREADS * 3
        stamps = list(s.scalars(select(Pair.review_seq).where(Pair.story_id == story_id,
                                                               Pair.review_seq > 0)))
        assert len(stamps) == len(set(stamps)) == THREADS  # one count per review, no two alike
        full = {pid: (label, status, version) for pid, label, status, version in s.execute(
            select(Pair.id, Pair.editor_label, Pair.status, Pair.version)
            .where(Pair.story_id == story_id, Pair.review_seq > 0))}
        st, state = stories.current_structure(s, story_id, cache)
        assert stories.review_state(s, story_id, st, state).touched == full
    assert seen == sorted(seen) and seen[-1] == THREADS * 3
