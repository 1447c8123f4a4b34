"""Reports added to one story at the same time are each stored once and fully paired."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factcheck.db import get_db
from factcheck.models import Claim, Pair, Report
from factcheck.services import ingest, stories

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
