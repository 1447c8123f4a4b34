"""The story page's facts on a story of many pairs: pages, cached grouping and parts, fresh
reviews."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck import web
from factcheck.cache import Lru
from factcheck.db import session_scope
from factcheck.errors import Conflict
from factcheck.models import Pair
from factcheck.services import ingest, matching, stories, users
from factcheck.services.review import review_pair
from factcheck.services.stories import LABEL_ORDER

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


# ---------------------------------------------------------------- the per-process caches

def pages(client: FlaskClient, story_id: int) -> dict[str, str]:
    """Return the story pages a visitor reads, by query."""
    queries = ("", "?page=2", "?label=conflict", "?label=agree", "?status=unreviewed",
               "?status=corrected", "?label=complement&status=unreviewed", "?q=treaty")
    return {q: client.get(f"/stories/{story_id}{q}").text for q in queries}


def forget_caches(app: Flask) -> None:
    """Empty what the app keeps between requests, as a fresh process starts."""
    app.extensions[stories.FACT_CACHE] = stories.FactCache()
    app.extensions[web.PARTS] = Lru[Any](web.PARTS_KEPT)
    app.extensions[web.PAGES] = Lru[Any](web.PAGES_KEPT)
    app.extensions[web.HEADS] = Lru[Any](web.HEADS_KEPT)


def change_and_compare(app: Flask, story_id: int, change: Callable[[Session], None]) -> None:
    """Make ``change`` outside the app's requests (as another process would); then the
    app's next pages, its caches warm, must be those of a process starting afresh."""
    client = app.test_client()
    before = pages(client, story_id)  # fills the caches
    with session_scope(app) as session:
        change(session)
    warm = pages(client, story_id)
    forget_caches(app)
    cold = pages(client, story_id)
    assert warm == cold
    assert warm != before, "the change should show on some page"


def first_pair(session: Session, story_id: int, *, status: str | None = None) -> Pair:
    """Return a story's pair of lowest id (of ``status`` if given)."""
    stmt = select(Pair).where(Pair.story_id == story_id).order_by(Pair.id)
    if status:
        stmt = stmt.where(Pair.status == status)
    pair = session.scalars(stmt).first()
    assert pair is not None
    return pair


@pytest.mark.parametrize("change", ["relabel", "confirm", "reset", "restatus", "add report",
                                    "delete report", "rebuild", "retitle"])
def test_cached_pages_show_every_change_made_elsewhere(
        app: Flask, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    monkeypatch.setattr(web, "FACTS_PER_PAGE", 2)
    story_id = story_of(app, 4)
    with session_scope(app) as session:  # reviews to change, and a label a rebuild fixes
        pair = first_pair(session, story_id)
        review_pair(session, pair.id, version=pair.version, actor="ed", label="unrelated")
        pair = first_pair(session, story_id, status="unreviewed")
        review_pair(session, pair.id, version=pair.version, actor="ed", label=pair.label)
        last = session.scalars(select(Pair).where(Pair.story_id == story_id)
                               .order_by(Pair.id.desc())).first()
        assert last is not None
        last.label = "conflict" if last.label != "conflict" else "agree"

    def apply(session: Session) -> None:
        if change in ("relabel", "confirm"):
            pair = first_pair(session, story_id, status="unreviewed")
            label = pair.label if change == "confirm" else (
                "conflict" if pair.label != "conflict" else "agree")
            review_pair(session, pair.id, version=pair.version, actor="ed", label=label)
        elif change == "reset":
            pair = first_pair(session, story_id, status="corrected")
            review_pair(session, pair.id, version=pair.version, actor="ed",
                        status="unreviewed")
        elif change == "restatus":  # same label, same place: only the pair's mark changes
            pair = first_pair(session, story_id, status="confirmed")
            review_pair(session, pair.id, version=pair.version, actor="ed", status="corrected")
        elif change == "add report":
            ingest.add_report(session, stories.get_story(session, story_id),
                              outlet="Outlet 9", text="The treaty took 2 years to finalize.")
        elif change == "delete report":
            newest = max(r.id for r in stories.list_reports(session, story_id))
            ingest.delete_report(session, newest, actor="admin")
        elif change == "retitle":  # no report, pair or review changes: only the story row
            stories.update_story(session, stories.get_story(session, story_id),
                                 title="Facts, renamed", description="Now with a lede.")
        else:
            matching.rebuild_story(session, stories.get_story(session, story_id),
                                   actor="admin")

    change_and_compare(app, story_id, apply)


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the list that the names of the parts the story page renders from now on
    are appended to."""
    rendered: list[str] = []
    render = web._render_part

    def counting(name: str, **context: Any) -> Any:
        rendered.append(name)
        return render(name, **context)

    monkeypatch.setattr(web, "_render_part", counting)
    return rendered


def test_a_review_renders_again_only_the_fact_showing_the_pair(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    story_id = story_of(app, 4)
    client = app.test_client()
    page = client.get(f"/stories/{story_id}").text
    shown = [int(i) for i in re.findall(r'data-pair-id="(\d+)"', page)]
    assert len(fact_topics(page)) >= 2, "the page should list several facts"
    rendered = count_renders(monkeypatch)
    assert client.get(f"/stories/{story_id}").text == page
    assert rendered == [], "an unchanged page is rendered from the parts kept"
    with session_scope(app) as session:
        pair = session.get(Pair, shown[0])
        assert pair is not None  # confirmed as labelled: its fact keeps its place
        review_pair(session, pair.id, version=pair.version, actor="ed", label=pair.label)
    after = client.get(f"/stories/{story_id}").text
    # The counts at the top, the one fact, then the page around the facts.
    assert rendered == ["stories/_head.html", "stories/_fact.html", "stories/_page.html"]
    assert after.count("confirmed</span>") == page.count("confirmed</span>") + 1


def test_who_is_signed_in_and_their_csrf_token_never_reach_another_visitor(
        app: Flask) -> None:
    story_id = story_of(app, 3)
    with session_scope(app) as session:
        for name in ("ada", "bob"):
            users.create_user(session, name, role="editor", password="a long password here")
    clients = {}
    for name in ("ada", "bob"):
        client = app.test_client()
        signin = client.get("/signin").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', signin)
        assert token
        assert client.post("/signin", data={
            "csrf_token": token.group(1), "username": name,
            "password": "a long password here", "next": "/"}).status_code == 302
        clients[name] = client
    seen = {name: client.get(f"/stories/{story_id}").text for name, client in clients.items()}
    anonymous = app.test_client().get(f"/stories/{story_id}").text
    tokens = {name: set(re.findall(r'name="csrf_token" type="hidden" value="([^"]+)"', html))
              for name, html in seen.items()}
    assert tokens["ada"] and tokens["bob"] and not tokens["ada"] & tokens["bob"]
    assert "ada <span" in seen["ada"] and "ada <span" not in seen["bob"]
    assert "bob <span" in seen["bob"] and "bob <span" not in seen["ada"]
    assert "csrf_token" not in anonymous and "ada <span" not in anonymous
    assert fact_topics(anonymous) == fact_topics(seen["ada"]) == fact_topics(seen["bob"])


@pytest.mark.parametrize("label", [None, "conflict", "complement", "agree", "unrelated"])
@pytest.mark.parametrize("status", [None, "unreviewed", "confirmed", "corrected"])
def test_label_and_status_filters_keep_exactly_the_matching_pairs(
        app: Flask, label: str | None, status: str | None) -> None:
    story_id = story_of(app, 5)
    with session_scope(app) as session:
        pairs = list(session.scalars(select(Pair).where(Pair.story_id == story_id)
                                     .order_by(Pair.id)))
        for k, pair in enumerate(pairs[::3]):
            review_pair(session, pair.id, version=pair.version, actor="ed",
                        label=(pair.label, "conflict", "agree", "unrelated")[k % 4])
    cache = stories.FactCache()
    with session_scope(app) as session:
        stories.plan_facts(session, story_id, cache=cache)  # the structure, kept
        plan = stories.plan_facts(session, story_id, shown=None, cache=cache, label=label,
                                  status=status)
        # The database's own answer: the pair list without the cached structure.
        expected, total = stories.list_pair_ids(session, story_id, label=label, status=status)
    listed = [pid for fact in plan.facts for pid in fact.pair_ids]
    assert sorted(listed) == sorted(expected) and len(listed) == total
    assert plan.total == len(plan.facts)
    # A fact shows its first matching pairs in the pair list's order, reviewed or not.
    with session_scope(app) as session:
        short = stories.plan_facts(session, story_id, shown=2, cache=cache, label=label,
                                   status=status)
    members = {fact.number: set(fact.pair_ids) for fact in plan.facts}
    assert [f.number for f in short.facts] == [f.number for f in plan.facts]
    for fact in short.facts:
        assert fact.pair_ids == [pid for pid in expected if pid in members[fact.number]][:2]
    ranks = [(LABEL_ORDER[fact.label], -fact.total) for fact in plan.facts]
    assert [r[0] for r in ranks] == sorted(r[0] for r in ranks), "conflicts come first"


def _full_read(session: Session, story_id: int) -> dict[int, tuple[str | None, str, int]]:
    """Return every pair an editor changed, read whole (no kept state)."""
    return {pid: (editor_label, status, version) for pid, editor_label, status, version in
            session.execute(select(Pair.id, Pair.editor_label, Pair.status, Pair.version)
                            .where(Pair.story_id == story_id, Pair.review_seq > 0))}


def test_kept_reviews_follow_each_review_reading_only_the_new_ones(app: Flask) -> None:
    story_id = story_of(app, 3)
    cache = stories.FactCache()
    with session_scope(app) as session:
        ids = list(session.scalars(select(Pair.id).where(Pair.story_id == story_id)
                                   .order_by(Pair.id)))
    assert len(ids) >= 4
    # Review, relabel, set back and review again: each step as another process would.
    steps: list[dict[str, Any]] = [
        {"pid": ids[0], "label": "conflict"}, {"pid": ids[1], "status": "confirmed"},
        {"pid": ids[0], "status": "unreviewed"}, {"pid": ids[2], "label": "unrelated",
                                                  "note": "Off topic."},
        {"pid": ids[1], "label": "agree"}]
    seen_seq = 0
    for step in steps:
        with session_scope(app) as session:
            pid = step.pop("pid")
            version = session.get(Pair, pid).version  # type: ignore[union-attr]
            review_pair(session, pid, version=version, actor="ed", **step)
        with session_scope(app) as session:
            st, state = stories.current_structure(session, story_id, cache)
            kept = stories.review_state(session, story_id, st, state)
            assert state.review_seq == kept.seq > seen_seq  # one count per review
            seen_seq = kept.seq
            assert kept.touched == _full_read(session, story_id)
            # Read once per count: the next request finds it kept.
            assert stories.review_state(session, story_id, st, state) is kept
            cold = stories.plan_facts(session, story_id, shown=5)
            warm = stories.plan_facts(session, story_id, shown=5, cache=cache)
            assert [(f.pair_ids, f.reviews, f.label) for f in warm.facts] == \
                [(f.pair_ids, f.reviews, f.label) for f in cold.facts]
            assert warm.counts == cold.counts
    # A pair set back to unreviewed stays among the changed ones: its version moved.
    assert kept.touched[ids[0]][1:] == ("unreviewed", 3)


def test_the_review_count_only_moves_with_a_review(app: Flask) -> None:
    story_id = story_of(app, 2)
    with session_scope(app) as session:
        before = stories.story_state(session, story_id)
        pair = session.scalars(select(Pair).where(Pair.story_id == story_id)).first()
        assert pair is not None
        updated = stories.get_story(session, story_id).updated_at
        with pytest.raises(Conflict, match="changed by someone else"):
            review_pair(session, pair.id, version=pair.version + 1, actor="ed",
                        label="agree")
    with session_scope(app) as session:
        assert stories.story_state(session, story_id).review_seq == before.review_seq
        review_pair(session, pair.id, version=pair.version, actor="ed", label="agree")
    with session_scope(app) as session:
        after = stories.story_state(session, story_id)
        assert after.review_seq == before.review_seq + 1
        assert after.key == before.key  # a review changes no fact's structure
        assert stories.get_story(session, story_id).updated_at == updated  # nor the story


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_what_is_carried_from_review_to_review_equals_working_it_out_anew(
        app: Flask, seed: int) -> None:
    """Random reviews, relabels and set-backs, read in between through a kept cache (which
    carries what it worked out from one review count to the next) and without one."""
    import random
    rng = random.Random(seed)
    story_id = story_of(app, 5)
    cache = stories.FactCache()
    with session_scope(app) as session:
        ids = list(session.scalars(select(Pair.id).where(Pair.story_id == story_id)))
    views: list[dict[str, Any]] = [{}, {"label": "conflict"}, {"label": "agree"},
                                   {"status": "corrected"}, {"label": "complement",
                                                             "status": "unreviewed"}]
    for step in range(40):
        with session_scope(app) as session:
            for _ in range(rng.choice((1, 1, 2, 3))):  # sometimes several between reads
                pid = rng.choice(ids[:12])  # few pairs: each is reviewed again and again
                version = session.get(Pair, pid).version  # type: ignore[union-attr]
                if rng.random() < 0.25:
                    review_pair(session, pid, version=version, actor="ed", status="unreviewed")
                else:
                    review_pair(session, pid, version=version, actor="ed",
                                label=rng.choice(("agree", "complement", "conflict",
                                                  "unrelated")))
                session.flush()
        # Not every view is read at every count, as in a worker serving mixed requests.
        with session_scope(app) as session:
            for view in rng.sample(views, 2):
                at = rng.choice((0, 1, 3))  # a page after the first moves with reviews too
                warm = stories.plan_facts(session, story_id, shown=3, offset=at, limit=2,
                                          cache=cache, **view)
                cold = stories.plan_facts(session, story_id, shown=3, offset=at, limit=2,
                                          **view)
                assert [(f.number, f.pair_ids, f.reviews, f.label, f.needs_review)
                        for f in warm.facts] == [(f.number, f.pair_ids, f.reviews, f.label,
                                                  f.needs_review) for f in cold.facts], \
                    (step, view)
                assert (warm.total, warm.counts) == (cold.total, cold.counts), (step, view)
            label = rng.choice((None, "conflict", "agree", "complement", "unrelated"))
            offset = rng.choice((0, 3, 10))
            assert stories.list_pair_ids(session, story_id, offset=offset, limit=7,
                                         cache=cache, label=label) == \
                stories.list_pair_ids(session, story_id, offset=offset, limit=7,
                                      label=label), (step, label)


def test_threads_reading_a_cold_story_at_once_build_its_structure_once(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    story_id = story_of(app, 3)
    built: list[int] = []
    build = stories._build_structure

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append(story_id)
        return build(*args, **kwargs)

    monkeypatch.setattr(stories, "_build_structure", counting)
    cache = stories.FactCache()
    start = threading.Barrier(6)
    found: list[Any] = []

    def read() -> None:
        start.wait()
        with session_scope(app) as session:
            found.append(stories.fact_structure(session, story_id, cache))

    threads = [threading.Thread(target=read) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == 6 and all(st is found[0] for st in found)
    assert built == [story_id], "one thread builds, the others take its structure"


def test_a_review_of_a_fact_not_shown_renders_again_only_the_counts(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "FACTS_PER_PAGE", 1)
    story_id = story_of(app, 4)
    client = app.test_client()
    first = client.get(f"/stories/{story_id}").text
    second = client.get(f"/stories/{story_id}?page=2").text
    on_first = set(re.findall(r'data-pair-id="(\d+)"', first))
    elsewhere = [int(i) for i in re.findall(r'data-pair-id="(\d+)"', second)
                 if i not in on_first]
    assert elsewhere, "page 2 should show a fact page 1 does not"
    rendered = count_renders(monkeypatch)
    with session_scope(app) as session:
        pair = session.get(Pair, elsewhere[0])
        assert pair is not None  # confirmed as labelled: no fact changes its place
        review_pair(session, pair.id, version=pair.version, actor="ed", label=pair.label)
    after = client.get(f"/stories/{story_id}").text
    assert rendered == ["stories/_head.html"], "page 1's facts did not change"
    assert after != first, "the counts at the top moved"
    forget_caches(app)
    assert client.get(f"/stories/{story_id}").text == after, "as a fresh process shows it"


def test_a_review_moving_a_fact_onto_a_page_shows_there_at_once(app: Flask) -> None:
    """A page kept from before a review is used again only if no fact crossed its edge."""
    story_id = story_of(app, 5)
    cache = stories.FactCache()
    pages_moved = 0
    for label in ("conflict", "unrelated", "agree", "conflict"):
        with session_scope(app) as session:
            everything = stories.plan_facts(session, story_id, shown=1, cache=cache)
            before = [[f.number for f in stories.plan_facts(
                session, story_id, shown=1, offset=at, limit=1, cache=cache).facts]
                for at in range(everything.total)]
            last = everything.facts[-1]  # the fact ranked last: on no page but the last
            pair = session.get(Pair, last.pair_ids[0])
            assert pair is not None
            review_pair(session, pair.id, version=pair.version, actor="ed", label=label)
        with session_scope(app) as session:
            for at in range(everything.total):
                warm = stories.plan_facts(session, story_id, shown=1, offset=at, limit=1,
                                          cache=cache)
                cold = stories.plan_facts(session, story_id, shown=1, offset=at, limit=1)
                assert [(f.number, f.pair_ids, f.label) for f in warm.facts] == \
                    [(f.number, f.pair_ids, f.label) for f in cold.facts], (label, at)
                assert warm.counts == cold.counts
                pages_moved += [f.number for f in cold.facts] != before[at]
    assert pages_moved, "some review should move a fact across a page's edge"
