"""The story page's facts on a story of many pairs: pages, cached grouping, fresh reviews."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import select

from factcheck import web
from factcheck.db import session_scope
from factcheck.models import Pair
from factcheck.services import ingest, matching, stories
from factcheck.services.review import review_pair

from .conftest import make_story

TEXTS = ("The treaty took {k} years to finalize.",
         "More than {n} countries signed it in Vienna.",
         "Funding of ${m} million will follow next year.")


def story_of(app: Flask, reports: int) -> int:
    """Create a story whose reports speak of three facts with differing numbers."""
    with session_scope(app) as session:
        story = make_story(session, "Facts")
        for k in range(reports):
            text = " ".join(t.format(k=k + 3, n=100 + 10 * k, m=10 + k) for t in TEXTS)
            ingest.add_report(session, story, outlet=f"Outlet {k}", text=text)
        return story.id


def fact_topics(page: str) -> list[str]:
    """Return the topics of the facts listed on a story page."""
    return re.findall(r'<span class="topic">([^<]*)</span>', page)


def test_facts_come_a_page_at_a_time_and_every_fact_is_on_one_page(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    story_id = story_of(app, 3)
    client = app.test_client()
    everything = fact_topics(client.get(f"/stories/{story_id}").text)
    assert len(everything) >= 2, "the story should hold several facts"
    monkeypatch.setattr(web, "FACTS_PER_PAGE", 1)
    pages = [client.get(f"/stories/{story_id}?page={n}").text
             for n in range(1, len(everything) + 1)]
    assert [fact_topics(p) for p in pages] == [[t] for t in everything]
    assert 'rel="next"' in pages[0] and 'rel="next"' not in pages[-1]
    assert f"of {len(everything)}" in pages[0]


def test_a_review_after_the_facts_were_cached_shows_at_once(app: Flask) -> None:
    story_id = story_of(app, 3)
    client = app.test_client()
    assert client.get(f"/stories/{story_id}").status_code == 200  # fills the cache
    with session_scope(app) as session:
        pair = session.scalars(select(Pair).where(Pair.story_id == story_id)
                               .order_by(Pair.id)).first()
        assert pair is not None
        new_label = "agree" if pair.label != "agree" else "complement"
        review_pair(session, pair.id, version=pair.version, actor="ed", label=new_label)
        pair_id = pair.id
    after = client.get(f"/stories/{story_id}").text
    assert f'data-pair-id="{pair_id}"' in after
    item = re.search(rf'<li class="pair (\w+)[^"]*" data-label="\w+" data-pair-id="{pair_id}"',
                     after)
    assert item and item.group(1) == new_label
    with session_scope(app) as session:
        counts = stories.story_counts(session, [story_id])[story_id]
    for label, n in counts.by_label.items():
        assert re.search(rf'{label}</span> <strong>{n}</strong>', after), label


def test_a_report_added_after_the_facts_were_cached_shows_at_once(app: Flask) -> None:
    story_id = story_of(app, 2)
    client = app.test_client()
    assert "Outlet 9" not in client.get(f"/stories/{story_id}").text
    with session_scope(app) as session:
        story = stories.get_story(session, story_id)
        ingest.add_report(session, story, outlet="Outlet 9",
                          text="The treaty took 12 years to finalize.")
    page = client.get(f"/stories/{story_id}").text
    assert "3 reports" in page and "<cite>Outlet 9</cite>" in page


def test_page_numbers_out_of_range_show_no_fact_but_no_error(app: Flask) -> None:
    story_id = story_of(app, 2)
    client = app.test_client()
    assert client.get(f"/stories/{story_id}?page=999").status_code == 200
    assert client.get(f"/stories/{story_id}?page=-3").status_code == 200
    assert client.get(f"/stories/{story_id}?page=x").status_code == 200


def test_a_story_rebuilt_after_the_facts_were_cached_shows_its_new_labels(app: Flask) -> None:
    story_id = story_of(app, 3)
    with session_scope(app) as session:  # a label an older matcher might have given
        pair = session.scalars(select(Pair).where(Pair.story_id == story_id)
                               .order_by(Pair.id)).first()
        assert pair is not None
        pair_id, right = pair.id, pair.label
        pair.label = "unrelated" if right != "unrelated" else "agree"
        wrong = pair.label
    client = app.test_client()
    assert client.get(f"/stories/{story_id}").status_code == 200  # cached with the wrong label
    with session_scope(app) as session:
        matching.rebuild_story(session, stories.get_story(session, story_id), actor="admin")
    with session_scope(app) as session:
        assert session.get(Pair, pair_id).label == right
        counts = stories.story_counts(session, [story_id])[story_id]
    page = client.get(f"/stories/{story_id}").text
    for label in ("conflict", "complement", "agree"):
        n = counts.by_label.get(label, 0)
        assert re.search(rf'{label}</span> <strong>{n}</strong>', page), (label, wrong)


def test_a_pair_relabelled_unrelated_leaves_the_first_pairs_of_its_fact(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    story_id = story_of(app, 5)
    with session_scope(app) as session:
        biggest = max(stories.fact_structure(session, story_id).facts, key=len)
        pairs = {p.id: p for p in session.scalars(select(Pair).where(Pair.id.in_(biggest)))}
    assert len(biggest) >= 3, "the story should hold a fact of several pairs"
    monkeypatch.setattr(web, "PAIRS_SHOWN", 2)
    client = app.test_client()
    before = {int(i) for i in re.findall(r'data-pair-id="(\d+)"',
                                         client.get(f"/stories/{story_id}").text)}
    shown = sorted(before & set(pairs))
    assert len(shown) == 2, "the fact lists its first two pairs"
    with session_scope(app) as session:
        review_pair(session, shown[0], version=pairs[shown[0]].version, actor="ed",
                    label="unrelated")
    after = {int(i) for i in re.findall(r'data-pair-id="(\d+)"',
                                        client.get(f"/stories/{story_id}").text)}
    assert shown[0] not in after and len(after & set(pairs)) == 2
