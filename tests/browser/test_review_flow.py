"""An editor's session in real Chromium: sign in, read the seed story, relabel a pair with the
keyboard, add a conflicting report, and stay safe from script hidden in a report."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import shoot, sign_in

pytestmark = pytest.mark.browser

SEED_TITLE = "UN Convention against Cybercrime"
CONFLICTING = "The treaty took seven years to finalize."
HOSTILE = ("Officials said the treaty <script>alert(1)</script> took 5 years to finalize. "
           "A photo <img src=x onerror=alert(1)> showed the vote.")


def open_seed_story(page: Any) -> None:
    """Go from the stories page to the seed story."""
    page.goto("/")
    page.get_by_role("link", name=SEED_TITLE).click()
    page.wait_for_url(re.compile(r"/stories/\d+"))


def test_seed_story_shows_five_years_and_three_years_as_complement(page: Any) -> None:
    """The duration fact: 'took 5 years' vs 'three years of committee work' is a complement."""
    sign_in(page)
    shoot(page, "stories")
    open_seed_story(page)
    shoot(page, "story")
    group = (page.locator("section.group")
             .filter(has=page.locator("table.fact-values .value", has_text="5 years"))
             .filter(has=page.locator("table.fact-values .value", has_text="3 years")))
    assert group.count() >= 1, "no fact holds both 5 years and 3 years"
    more = group.first.get_by_role("link", name="Show all")
    if more.count():  # a large fact lists its first pairs only
        more.click()
        page.wait_for_url(re.compile(r"with_pair=\d+"))
    pair = (page.locator("li.pair").filter(has=page.locator(".value", has_text="5 years"))
            .filter(has=page.locator(".value", has_text="3 years")))
    assert pair.count() >= 1, "no pair sets 5 years against 3 years"
    details = pair.first.locator("xpath=ancestor::details[1]")
    if details.get_attribute("open") is None:
        details.locator("summary").click()  # large groups start folded
    assert pair.first.is_visible()
    assert pair.first.get_attribute("data-label") == "complement"
    assert "complement" in pair.first.locator(".label").first.inner_text().lower()



def test_editor_relabels_a_pair_with_the_keyboard_and_sees_it_after_reload(page: Any) -> None:
    """Press a label key on a pair page; the label, who did it and the history persist."""
    sign_in(page)
    open_seed_story(page)
    page.keyboard.press("j")  # focus the first pair row
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "/pairs/" in focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pairs/\d+"))
    pair_url = page.url
    machine = page.locator("dl.verdict dd").first.locator(".label").inner_text().lower()
    key, new_label = ("a", "agree") if "conflict" in machine else ("x", "conflict")

    page.keyboard.press("?")
    assert page.locator("dialog#help").is_visible()
    shoot(page, "help")
    page.keyboard.press("Escape")
    assert not page.locator("dialog#help").is_visible()

    page.keyboard.press(key)
    page.wait_for_load_state()
    page.get_by_text(f"relabelled {new_label}").wait_for()
    page.reload()
    assert page.url == pair_url
    editor = page.locator("#editor-verdict")
    assert new_label in editor.inner_text().lower()
    assert "desk-editor" in editor.inner_text()
    history = page.locator("section.history li")
    assert history.count() == 1
    assert "desk-editor" in history.first.inner_text()
    assert new_label in history.first.inner_text().lower()
    # The machine's label is kept beside the editor's.
    assert machine in page.locator("dl.verdict dd").first.inner_text().lower()
    shoot(page, "pair")

    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type("Checked against the UN press release.")
    page.get_by_role("button", name="Save note only").click()
    page.get_by_text("Checked against the UN press release.").first.wait_for()

    if page.locator('a[rel="next"]').count():
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("j")
        page.wait_for_url(lambda url: url != pair_url)


def test_adding_a_report_with_another_number_shows_a_new_conflict(page: Any) -> None:
    """A third report saying 'seven years' conflicts with 'took 5 years to finalize'."""
    sign_in(page)
    open_seed_story(page)
    form = page.locator("form#add-report-form")
    form.get_by_label("Outlet").fill("Test Wire")
    form.get_by_label("Published").fill("2024-12-27")
    form.get_by_label("Paste the article text").fill(CONFLICTING)
    form.get_by_role("button", name="Add and compare").click()
    page.get_by_text("Added Test Wire").wait_for()
    new_conflicts = page.locator("li.pair.is-new[data-label='conflict']")
    assert new_conflicts.count() >= 1
    assert "seven years" in new_conflicts.first.inner_text()
    shoot(page, "story-after-add")


def test_failed_ingest_keeps_the_form_and_names_the_field(page: Any) -> None:
    """Submitting without an outlet shows the error by the field and keeps the pasted text."""
    sign_in(page)
    open_seed_story(page)
    form = page.locator("form#add-report-form")
    form.get_by_label("Paste the article text").fill(CONFLICTING)
    form.get_by_label("Outlet").fill(" ")
    form.get_by_role("button", name="Add and compare").click()
    page.locator(".error-summary").wait_for()
    form = page.locator("form#add-report-form")
    assert form.get_by_label("Paste the article text").input_value() == CONFLICTING
    assert form.locator("#outlet-error").is_visible()
    shoot(page, "story-add-error")


def test_script_in_a_report_shows_as_text_and_never_runs(page: Any) -> None:
    """A report holding <script> and an onerror image is shown as text; no dialog fires."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page)
    open_seed_story(page)
    form = page.locator("form#add-report-form")
    form.get_by_label("Outlet").fill("Hostile <b>Outlet</b>")
    form.get_by_label("Paste the article text").fill(HOSTILE)
    form.get_by_role("button", name="Add and compare").click()
    page.get_by_text("Added Hostile <b>Outlet</b>").wait_for()
    page.locator("table.reports tr", has_text="Hostile <b>Outlet</b>").locator("a").first.click()
    page.wait_for_url(re.compile(r"/reports/\d+"))
    text = page.locator("article.report-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("article.report-text img, article.report-text script").count() == 0
    shoot(page, "report-hostile")
    assert dialogs == []


def test_report_page_shows_the_pairs_of_the_focused_claim(page: Any) -> None:
    """Tabbing to a highlighted claim shows what other reports say about it."""
    sign_in(page)
    open_seed_story(page)
    page.locator("table.reports a").first.click()
    page.wait_for_url(re.compile(r"/reports/\d+"))
    claim = page.locator("mark.claim.has-pairs").first
    claim.focus()
    claim_id = claim.get_attribute("data-claim")
    card = page.locator(f"#pairs-of-{claim_id}")
    assert card.is_visible()
    assert card.locator("li").count() >= 1
    assert page.locator(".claim-card:visible").count() == 1
    page.get_by_text("Show the page junk that was removed").click()
    assert page.get_by_text("Page Loader").is_visible()
    shoot(page, "report")


def test_signed_out_visitor_sees_sign_in_and_friendly_404(page: Any) -> None:
    """The sign-in page and the not-found page render with the site's chrome."""
    page.goto("/signin")
    shoot(page, "signin")
    response = page.goto("/stories/999999")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", name="We could not find that page").is_visible()
    shoot(page, "not-found")
