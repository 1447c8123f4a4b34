"""The editors' pages: server-rendered Jinja templates, CSRF-protected forms, sign-in.

Views stay thin: parse the request, call a service, commit once, render or redirect. Every
POST carries a CSRF token, checked by CSRFProtect before any view runs; the JSON API is
exempt because it authenticates with Bearer tokens, never cookies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from . import auth
from .cache import Lru
from .db import get_session
from .errors import Conflict, FetchError, InvalidInput, Unauthorized
from .forms import ConfirmForm, ReportForm, ReviewForm, SignInForm, StoryForm, UserForm
from .frontmatter import NotText, decode_report_bytes
from .models import EDITOR_LABELS, REVIEW_STATUSES, Claim, Pair
from .pipeline.units import unit_for
from .services import audit, ingest, stories, users
from .services.fetch import fetch_report
from .services.review import review_pair

bp = Blueprint("web", __name__)

LABEL_ICONS = {"conflict": "✕", "complement": "+", "agree": "✓", "unrelated": "∅"}
BOUND_WORDS = {"exactly": "", "about": "about ", "more_than": "more than ",
               "at_least": "at least ", "less_than": "less than ", "up_to": "up to "}
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
# Pairs listed per fact on the story page; a fact's own view (?fact=<claim id>) lists all.
PAIRS_SHOWN = 12
# Facts per page of the story page: a story of 200 reports has thousands.
FACTS_PER_PAGE = 10
# Scripts only from our own origin, never inline; no framing; forms post only to us.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# HTML under /api (the exported report) is a document, never an app: no script at all.
API_HTML_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                "frame-ancestors 'none'; sandbox")


# ---------------------------------------------------------------- helpers for templates

def _number(x: float) -> str:
    """Return a number as an editor writes it: 2,000 not 2000.0."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(value: dict[str, Any]) -> str:
    """Return a stored value in plain words: 'more than 2,000 people', '26 Dec 2024'."""
    kind, low, high = value.get("kind"), value.get("low", 0), value.get("high", 0)
    unit = value.get("unit") or ""
    bound = BOUND_WORDS.get(value.get("bound") or "exactly", "")
    if kind == "date":
        first, last = date.fromordinal(int(low)), date.fromordinal(int(high))
        if first == last:
            shown = f"{first.day} {first:%b %Y}"
        elif first.day == 1 and first.month == 1 and last.month == 12 and last.day == 31 \
                and first.year == last.year:
            shown = str(first.year)
        elif first.day == 1 and (first.year, first.month) == (last.year, last.month):
            shown = f"{first:%b %Y}"
        else:
            shown = f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
        return bound + shown
    amount = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    if kind == "percent":
        return f"{bound}{amount}%"
    if kind == "money":
        return f"{bound}{unit} {amount}".strip() if unit else bound + amount
    return f"{bound}{amount} {unit_for(low, high, unit)}".strip()


@dataclass
class Piece:
    """A run of text inside a claim: plain words, or a marked value."""

    text: str
    value: dict[str, Any] | None = None


@dataclass
class Segment:
    """A run of a report's text: outside any claim, or one claim split into pieces."""

    text: str
    claim: Claim | None = None
    pieces: list[Piece] = field(default_factory=list)


def _value_spans(text: str, claim: Claim) -> list[tuple[int, int, dict[str, Any]]]:
    """Return each value's span in the report text, inside its claim."""
    spans = []
    for v in claim.values or []:
        vt, vs, ve = v.get("text") or "", int(v.get("start") or 0), int(v.get("end") or 0)
        if not vt:
            continue
        if text[vs:ve] == vt and claim.start <= vs and ve <= claim.end:
            spans.append((vs, ve, v))
        elif claim.text[vs:ve] == vt:  # offsets relative to the claim
            spans.append((claim.start + vs, claim.start + ve, v))
        else:
            at = text.find(vt, claim.start, claim.end)
            if at >= 0:
                spans.append((at, at + len(vt), v))
    spans.sort(key=lambda s: s[0])
    kept: list[tuple[int, int, dict[str, Any]]] = []
    for s in spans:
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def highlight(text: str, claims: list[Claim], lo: int = 0, hi: int | None = None,
              ) -> list[Segment]:
    """Split ``text[lo:hi]`` into plain runs and claims at their exact spans, values marked.

    Claims that overlap an earlier one are left unmarked rather than nested, so the text is
    shown exactly once.
    """
    hi = len(text) if hi is None else hi
    out: list[Segment] = []
    at = lo
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < at or claim.end > hi or claim.start >= claim.end:
            continue
        if claim.start > at:
            out.append(Segment(text[at:claim.start]))
        pieces: list[Piece] = []
        pos = claim.start
        for vs, ve, v in _value_spans(text, claim):
            if vs > pos:
                pieces.append(Piece(text[pos:vs]))
            pieces.append(Piece(text[vs:ve], v))
            pos = ve
        if pos < claim.end:
            pieces.append(Piece(text[pos:claim.end]))
        out.append(Segment(text[claim.start:claim.end], claim, pieces))
        at = claim.end
    if at < hi:
        out.append(Segment(text[at:hi]))
    return out


def sentence_of(claim: Claim) -> list[Segment]:
    """Return the sentence around a claim, with the claim marked."""
    text = claim.report.cleaned_text
    lo, hi = claim.sentence_start, claim.sentence_end
    if not (0 <= lo <= claim.start and claim.end <= hi <= len(text)) or lo == hi:
        lo, hi = claim.start, claim.end
    return highlight(text, [claim], lo, hi)


def _day(value: datetime | date | None) -> str:
    if value is None:
        return "—"
    return f"{value.day} {value:%b %Y}"


def _moment(value: datetime | None) -> str:
    return "—" if value is None else f"{value:%Y-%m-%d %H:%M} UTC"


def _filters() -> dict[str, Any]:
    """Return the story filters of this request, dropping values that are not allowed."""
    args = request.args
    out: dict[str, Any] = {}
    if args.get("label") in EDITOR_LABELS:
        out["label"] = args["label"]
    if args.get("status") in REVIEW_STATUSES:
        out["status"] = args["status"]
    for key in ("outlet", "q"):
        value = (args.get(key) or "").strip()[:200]
        if value:
            out[key] = value
    return out


def _safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, else the stories page."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//") and "\\" not in target:
            return target
    return url_for("web.index")


# ---------------------------------------------------------------- sign-in

@bp.before_request
def _gate() -> Response | None:
    """Send anonymous visitors to sign in when READ_ACCESS=token."""
    if current_app.config.get("READ_ACCESS") == "token" and request.endpoint != "web.signin" \
            and auth.current_user() is None:
        return redirect(url_for("web.signin", next=request.full_path.rstrip("?")))
    return None


@bp.route("/signin", methods=["GET", "POST"])
def signin() -> Any:
    """Sign in with a username and password."""
    form = SignInForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    failed = False
    if form.validate_on_submit():
        db = get_session()
        user = users.authenticate(db, form.username.data.strip(), form.password.data)
        db.commit()  # keep the failed-attempt counter even when the password was wrong
        if user is not None:
            session.clear()  # a fresh session on sign-in: no fixation
            session["user_id"] = user.id
            flash(f"Signed in as {user.username} ({user.role}).", "success")
            return redirect(_safe_next(form.next.data))
        failed = True
    status = 401 if failed else (422 if form.errors else 200)
    return render_template("auth/signin.html", form=form, failed=failed), status


@bp.post("/signout")
def signout() -> Response:
    """Sign out."""
    session.clear()
    flash("Signed out.", "info")
    return redirect(url_for("web.signin"))


# ---------------------------------------------------------------- stories

@bp.get("/")
def index() -> str:
    """Show every story with its counts."""
    return _render_index(StoryForm())


def _render_index(form: Any, status: int = 200) -> Any:
    db = get_session()
    rows, total = stories.list_stories(db, limit=200)
    counts = stories.story_counts(db, [s.id for s in rows])
    return render_template("stories/index.html", stories=rows, total=total, counts=counts,
                           form=form), status


@bp.post("/stories")
def create_story() -> Any:
    """Create a story."""
    user = auth.require("write")
    form = StoryForm()
    if not form.validate_on_submit():
        return _render_index(form, 422)
    db = get_session()
    try:
        story = stories.create_story(db, title=form.title.data,
                                     description=form.description.data or "",
                                     actor=user.username)
    except InvalidInput as exc:
        db.rollback()
        _attach_errors(form, exc.errors)
        return _render_index(form, 422)
    db.commit()
    flash(f"Story “{story.title}” created. Add its first report below.", "success")
    return redirect(url_for("web.story", story_id=story.id, _anchor="add-report"))


@bp.get("/stories/<int:story_id>")
def story(story_id: int) -> Any:
    """Show a story: its reports and its fact groups, conflicts first."""
    # The form to add a report shows only to those who may write: no form, no cost.
    may_write = users.can(auth.current_user(), "write")
    return _render_story(story_id, ReportForm(formdata=None) if may_write else None)


def _render_story(story_id: int, form: Any, status: int = 200,
                  form_error: str | None = None) -> Any:
    db = get_session()
    filters = _filters()
    # ``fact``: the facts holding a claim; ``with_pair``: the one fact holding a pair.
    focus_claim = request.args.get("fact", type=int)
    focus_pair = None if focus_claim is not None else request.args.get("with_pair", type=int)
    focus = (focus_claim, focus_pair) if focus_claim or focus_pair else None
    added = request.args.get("added", type=int)
    page = max(1, min(request.args.get("page", 1, type=int), 100_000))
    plan = stories.plan_facts(
        db, story_id, shown=PAIRS_SHOWN, focus_claim=focus_claim, focus_pair=focus_pair,
        first_report=added,
        offset=(page - 1) * FACTS_PER_PAGE, limit=FACTS_PER_PAGE,
        cache=current_app.extensions[stories.FACT_CACHE], **filters)
    found = plan.story  # read with the state the plan was made from: no query of its own
    reports_html, outlets, n_reports = _reports_part(db, story_id, plan, added)
    counts = replace(plan.counts, reports=n_reports)  # a plan is shared: never change it
    # The top of the page (the story and its counts) changes with every review; the rest
    # but the forms only when a fact shown changes, which most reviews of a big story
    # leave alone: each is kept under a key of all it shows, the same for every visitor.
    head_key = ("head", found, counts.reports, counts.claims, counts.pairs,
                *(tuple(sorted(c.items())) for c in (counts.by_status, counts.by_label,
                                                     counts.unreviewed_by_label)),
                request.script_root)
    heads = current_app.extensions[HEADS]
    head_html = heads.get(head_key)
    if head_html is None:
        head_html = _render_part("stories/_head.html", story=found, counts=counts,
                                 script_root=request.script_root)
        heads.put(head_key, head_html)
    fact_keys = _fact_keys(plan, filters=filters, focus=focus, added=added)
    page_key = ("page", story_id, plan.key, tuple(sorted(filters.items())), focus, added,
                page, FACTS_PER_PAGE, plan.total, request.script_root, *fact_keys)
    pages = current_app.extensions[PAGES]
    page_html = pages.get(page_key)
    if page_html is None:
        page_html = _page_part(db, plan, fact_keys, reports_html, outlets, filters=filters,
                               focus=focus, added=added, page=page)
        pages.put(page_key, page_html)
    return render_template(
        "stories/show.html", story=found, head_html=head_html, page_html=page_html,
        form=form, form_error=form_error,
        delete_form=ConfirmForm() if users.can(auth.current_user(), "admin") else None,
    ), status


def _page_part(db: Any, plan: stories.FactPlan, fact_keys: list[tuple[Any, ...]],
               reports_html: Markup, outlets: list[str], *, filters: dict[str, Any],
               focus: tuple[int | None, int | None] | None, added: int | None,
               page: int) -> Markup:
    """Render the story page below its counts but for the forms: the reports, the
    filters and a page of facts."""
    story_id = plan.story.id
    options_key = ("outlets", story_id, plan.key, filters.get("outlet"))
    outlet_options = current_app.extensions[PARTS].get(options_key)
    if outlet_options is None:
        outlet_options = _render_part("stories/_outlets.html", outlets=outlets,
                                      selected=filters.get("outlet"))
        current_app.extensions[PARTS].put(options_key, outlet_options)
    matches = stories.list_claims(db, story_id, q=filters["q"]) if "q" in filters else []
    return _render_part(
        "stories/_page.html", story=plan.story, reports_html=reports_html,
        facts_html=_fact_parts(db, plan, fact_keys, filters=filters, focus=focus,
                               added=added),
        filters=filters, outlet_options=outlet_options, matches=matches,
        focus=focus, page=page, last_page=max(1, -(-plan.total // FACTS_PER_PAGE)),
        total_facts=plan.total, per_page=FACTS_PER_PAGE, script_root=request.script_root,
        EDITOR_LABELS=EDITOR_LABELS, REVIEW_STATUSES=REVIEW_STATUSES)


# The story page's parts that are the same for every visitor are kept rendered, per
# process, under keys that hold everything they are made of (see factcheck.cache): a review
# changes the key of the one fact showing it, a new report or a rebuild the structure key
# of every part. Who is signed in, the CSRF tokens and the flashed messages are never in a
# part: they are rendered around the parts on every request.
PARTS = "factcheck.story_parts"
PARTS_KEPT = 500  # a fact is some 25 KB of HTML: about 12 MB a process at most
# Story pages below their counts (but the forms) of the last few views: a page of a
# 200-report story is some 300 KB.
PAGES = "factcheck.story_pages"
PAGES_KEPT = 16
HEADS = "factcheck.story_heads"  # the top of a story page: its counts (a few KB each)
HEADS_KEPT = 16


def _render_part(name: str, **context: Any) -> Markup:
    """Render a template without the request's context: a part must not hold it."""
    html = current_app.jinja_env.get_template(name).render(LABEL_ICONS=LABEL_ICONS, **context)
    return Markup(html)


def _reports_part(db: Any, story_id: int, plan: stories.FactPlan,
                  added: int | None) -> tuple[Markup, list[str], int]:
    """Return the rows of the reports table, the story's outlets and how many reports."""
    parts = current_app.extensions[PARTS]
    # Reports never change once stored, and the structure key tells any report added or
    # deleted; the claim counts come with the structure.
    key = ("reports", story_id, plan.key, added, request.script_root)
    found = parts.get(key)
    if found is None:
        reports = stories.list_reports(db, story_id, light=True)
        html = _render_part("stories/_reports.html", reports=reports, added=added,
                            claim_counts=plan.claims_per_report)
        found = (html, sorted({r.outlet for r in reports}), len(reports))
        parts.put(key, found)
    return found


def _fact_keys(plan: stories.FactPlan, *, filters: dict[str, Any],
               focus: tuple[int | None, int | None] | None,
               added: int | None) -> list[tuple[Any, ...]]:
    """Return the key each fact of the page is kept rendered under."""
    shared = (plan.story.id, plan.key, tuple(sorted(filters.items())), focus, added,
              request.script_root)
    # What a fact shows: its counts, which pairs (the machine's side of them is fixed by
    # the structure key) and the editors' reviews of those pairs.
    return [("fact", *shared, k, f.number, f.label, f.total, f.needs_review, f.claim_total,
             f.report_total, tuple(f.pair_ids), f.reviews, f.elsewhere)
            for k, f in enumerate(plan.facts)]


def _fact_parts(db: Any, plan: stories.FactPlan, keys: list[tuple[Any, ...]], *,
                filters: dict[str, Any], focus: tuple[int | None, int | None] | None,
                added: int | None) -> list[Markup]:
    """Return each fact of the page rendered, rendering only those not kept yet."""
    parts = current_app.extensions[PARTS]
    found = [parts.get(key) for key in keys]
    todo = [k for k, html in enumerate(found) if html is None]
    if todo:
        loaded = stories.load_facts(db, [plan.facts[k] for k in todo])
        for k, fact in zip(todo, loaded, strict=True):
            html = _render_part("stories/_fact.html", g=fact, loop={"index": k + 1},
                                story=plan.story, filters=filters, focus=focus,
                                added=added)
            parts.put(keys[k], html)
            found[k] = html
    return [html for html in found if html is not None]


def _attach_errors(form: Any, errors: dict[str, list[str]],
                   rename: dict[str, str] | None = None) -> list[str]:
    """Put service field errors next to the form's fields; return those with no field."""
    loose: list[str] = []
    for name, msgs in errors.items():
        name = (rename or {}).get(name, name)
        fld = getattr(form, name, None)
        if fld is None or not hasattr(fld, "errors"):
            loose.extend(msgs)
            continue
        fld.errors = [*list(fld.errors), *msgs]
    return loose


def _report_source(form: Any) -> tuple[str, str, bool, str | None]:
    """Return (field, text, is_html, fetched_url) from the one source the editor gave."""
    upload = form.file.data
    given = [name for name, present in (
        ("text", bool((form.text.data or "").strip())),
        ("file", bool(upload and getattr(upload, "filename", ""))),
        ("fetch_url", bool((form.fetch_url.data or "").strip())),
    ) if present]
    if not given:
        raise InvalidInput("The report has no text.", errors={"text": [
            "Paste the article, upload a file, or give an address to fetch it from."]})
    if len(given) > 1:
        raise InvalidInput("Give the report one way only.", errors={given[1]: [
            "Use one source: pasted text, a file, or an address — not several."]})
    source = given[0]
    if source == "text":
        return "text", form.text.data, False, None
    if source == "file":
        name = upload.filename.lower()
        if not name.endswith(REPORT_SUFFIXES):
            raise InvalidInput("The file type is not accepted.", errors={"file": [
                "Upload a .txt, .md, .html or .htm file."]})
        html = name.endswith((".html", ".htm")) or upload.mimetype == "text/html"
        try:
            body = decode_report_bytes(upload.read(), html=html)
        except NotText as exc:
            raise InvalidInput(f"The file is {exc}.", errors={"file": [
                f"The file is {exc}."]}) from None
        return "file", body, html, None
    cfg = current_app.config
    try:
        page = fetch_report(form.fetch_url.data.strip(), timeout=cfg["URL_FETCH_TIMEOUT"],
                            max_bytes=cfg["URL_FETCH_MAX_BYTES"],
                            allow_private=cfg["URL_FETCH_ALLOW_PRIVATE"])
    except FetchError as exc:
        # Whatever field the fetcher names, the editor typed the address in fetch_url.
        msgs = [m for ms in exc.errors.values() for m in ms] or [exc.message]
        raise FetchError(exc.message, errors={"fetch_url": msgs}) from exc
    return "fetch_url", page.text, page.html, page.final_url


@bp.post("/stories/<int:story_id>/reports")
def add_report(story_id: int) -> Any:
    """Add a report to a story from pasted text, an uploaded file or a URL."""
    user = auth.require("write")
    db = get_session()
    found = stories.get_story(db, story_id)
    form = ReportForm()
    if not form.validate_on_submit():
        return _render_story(story_id, form, 422, "The report was not added: see below.")
    source = "text"
    try:
        source, text, html, fetched = _report_source(form)
        result = ingest.add_report(
            db, found, outlet=form.outlet.data, text=text, html=html,
            title=form.title.data or None, url=form.url.data or fetched,
            published=form.published.data, actor=user.username)
    except InvalidInput as exc:  # also FetchError and EmptyReport
        db.rollback()
        rename = {"text": source, "html": source}
        loose = _attach_errors(form, exc.errors, rename)
        message = " ".join([f"The report was not added: {exc.message}", *loose])
        return _render_story(story_id, form, 422, message)
    db.commit()
    if not result.created:
        flash("This report is already in the story; nothing was added.", "info")
        return redirect(url_for("web.report", report_id=result.report.id))
    summary = ", ".join(f"{n} {lab}" for lab, n in sorted(
        result.labels.items(), key=lambda kv: stories.LABEL_ORDER.get(kv[0], 9)))
    n_claims = len(result.report.claims)
    flash(f"Added {result.report.outlet}: {n_claims} claim{'' if n_claims == 1 else 's'}, "
          f"{result.new_pairs} new pair{'' if result.new_pairs == 1 else 's'}"
          + (f" ({summary})." if summary else "."), "success")
    return redirect(url_for("web.story", story_id=story_id, added=result.report.id,
                            _anchor="facts"))


@bp.post("/stories/<int:story_id>/delete")
def delete_story(story_id: int) -> Response:
    """Delete a story (admins only)."""
    user = auth.require("admin")
    db = get_session()
    found = stories.get_story(db, story_id)
    title = found.title
    stories.delete_story(db, found, actor=user.username)
    db.commit()
    flash(f"Deleted the story “{title}”.", "info")
    return redirect(url_for("web.index"))


# ---------------------------------------------------------------- reports

@bp.get("/reports/<int:report_id>")
def report(report_id: int) -> str:
    """Show a report's cleaned text with every claim at its exact span."""
    db = get_session()
    found = stories.get_report(db, report_id)
    claims = stories.list_claims(db, found.story_id, report_id=report_id)
    pairs = stories.report_pairs(db, report_id)
    by_claim: dict[int, list[tuple[Pair, Claim]]] = {c.id: [] for c in claims}
    for p in pairs:
        if p.claim_a.report_id == report_id:
            by_claim.setdefault(p.claim_a_id, []).append((p, p.claim_b))
        if p.claim_b.report_id == report_id:
            by_claim.setdefault(p.claim_b_id, []).append((p, p.claim_a))
    worst = {cid: min((p.effective_label for p, _ in found_pairs),
                      key=lambda lab: stories.LABEL_ORDER.get(lab, 9))
             for cid, found_pairs in by_claim.items() if found_pairs}
    return render_template(
        "reports/show.html", report=found, story=found.story, claims=claims,
        segments=highlight(found.cleaned_text, claims), by_claim=by_claim, worst=worst,
        delete_form=ConfirmForm())


@bp.post("/reports/<int:report_id>/delete")
def delete_report(report_id: int) -> Response:
    """Delete a report with its claims and pairs (admins only)."""
    user = auth.require("admin")
    db = get_session()
    found = stories.get_report(db, report_id)
    story_id, outlet = found.story_id, found.outlet
    ingest.delete_report(db, report_id, actor=user.username)
    db.commit()
    flash(f"Deleted the report from {outlet}.", "info")
    return redirect(url_for("web.story", story_id=story_id))


# ---------------------------------------------------------------- pairs

@bp.get("/pairs/<int:pair_id>")
def pair(pair_id: int) -> Any:
    """Show a pair for review: both claims in context, the reasons, the history."""
    db = get_session()
    found = stories.get_pair(db, pair_id)
    form = ReviewForm(formdata=None, version=found.version, note=found.note or "")
    return _render_pair(found, form)


def _render_pair(found: Pair, form: Any, status: int = 200, error: str | None = None) -> Any:
    db = get_session()
    filters = _filters()
    ids = stories.pair_ids(db, found.story_id, **filters)
    prev_id = next_id = None
    if found.id in ids:
        k = ids.index(found.id)
        prev_id = ids[k - 1] if k > 0 else None
        next_id = ids[k + 1] if k + 1 < len(ids) else None
        position = (k + 1, len(ids))
    else:
        position = (0, len(ids))
    return render_template(
        "pairs/show.html", pair=found, story=stories.get_story(db, found.story_id),
        form=form, error=error, history=audit.history(db, "pair", found.id),
        prev_id=prev_id, next_id=next_id, position=position, filters=filters,
        sides=[(found.claim_a, sentence_of(found.claim_a)),
               (found.claim_b, sentence_of(found.claim_b))],
    ), status


@bp.post("/pairs/<int:pair_id>")
def review(pair_id: int) -> Any:
    """Record an editor's decision on a pair; a stale form gets a 409 and the fresh state."""
    user = auth.require("review")
    db = get_session()
    found = stories.get_pair(db, pair_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        return _render_pair(found, form, 422, "The review was not saved: see below.")
    action = form.action.data or ""
    label: str | None = form.label.data or None
    status: str | None = None
    if action == "confirm":
        label = found.label
    elif action == "reset":
        status, label = "unreviewed", None
    note = form.note.data if form.note.data is not None else None
    try:
        reviewed = _review(db, pair_id, version=form.version.data, actor=user.username,
                           label=label, status=status, note=note)
    except Conflict:
        db.rollback()
        fresh = stories.get_pair(db, pair_id)
        db.refresh(fresh)
        form = ReviewForm(formdata=None, version=fresh.version, note=form.note.data or "")
        return _render_pair(fresh, form, 409, (
            "Not saved: someone else changed this pair after you opened it "
            f"({fresh.reviewed_by or 'unknown'} at {_moment(fresh.reviewed_at)}). "
            "Below is its current state; your note is kept. Decide again."))
    except InvalidInput as exc:
        db.rollback()
        _attach_errors(form, exc.errors)
        return _render_pair(found, form, 422, f"The review was not saved: {exc.message}")
    db.commit()
    what = {"confirmed": f"confirmed as {reviewed.label}",
            "corrected": f"relabelled {reviewed.effective_label}",
            "unreviewed": "marked as not reviewed"}[reviewed.status]
    flash(f"Saved: pair {pair_id} {what}.", "success")
    return redirect(url_for("web.pair", pair_id=pair_id, **_filters()))


def _review(db: Any, pair_id: int, **kwargs: Any) -> Pair:
    """Call the review service, turning a lost race at flush time into a Conflict."""
    try:
        return review_pair(db, pair_id, **kwargs)
    except StaleDataError:
        raise Conflict(f"pair {pair_id} was changed by someone else") from None


# ---------------------------------------------------------------- users

@bp.get("/admin/users")
def user_list() -> Any:
    """List accounts and offer a form to add one (admins only)."""
    auth.require("admin")
    return _render_users(UserForm(formdata=None))


def _render_users(form: Any, status: int = 200) -> Any:
    return render_template("admin/users.html", users=users.list_users(get_session()),
                           form=form), status


@bp.post("/admin/users")
def create_user() -> Any:
    """Create an account (admins only)."""
    admin = auth.require("admin")
    form = UserForm()
    if not form.validate_on_submit():
        return _render_users(form, 422)
    db = get_session()
    try:
        made = users.create_user(db, form.username.data, role=form.role.data,
                                 password=form.password.data, actor=admin.username)
    except Conflict as exc:
        db.rollback()
        form.username.errors = [*list(form.username.errors), exc.message]
        return _render_users(form, 409)
    except InvalidInput as exc:
        db.rollback()
        _attach_errors(form, exc.errors)
        return _render_users(form, 422)
    db.commit()
    flash(f"Created {made.username} ({made.role}).", "success")
    return redirect(url_for("web.user_list"))


# ---------------------------------------------------------------- wiring

def _template_globals() -> dict[str, Any]:
    user = None
    if has_request_context():
        try:
            user = auth.current_user()
        except (Unauthorized, SQLAlchemyError):
            # A bad token, or a database that is down, is reported by the page itself; the
            # page's chrome (the header) must still render, e.g. on the 500 page.
            user = None
    return {"current_user": user, "may": lambda action: users.can(user, action),
            # No form data: an error page (a 413 ...) must not read the refused body.
            "signout_form": ConfirmForm(formdata=None) if user is not None else None,
            "LABEL_ICONS": LABEL_ICONS,
            "EDITOR_LABELS": EDITOR_LABELS, "REVIEW_STATUSES": REVIEW_STATUSES}


def _security_headers(response: Response) -> Response:
    """Forbid inline script and framing; stop MIME sniffing; keep referrers on-site."""
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if request.path.startswith("/api/"):
        if response.mimetype == "text/html":
            headers.setdefault("Content-Security-Policy", API_HTML_CSP)
    else:
        headers.setdefault("Content-Security-Policy", CSP)
    return response


def init_app(app: Flask) -> None:
    """Register the pages, CSRF protection, security headers and template helpers."""
    csrf = CSRFProtect(app)
    if "api" in app.blueprints:
        csrf.exempt(app.blueprints["api"])  # Bearer tokens, not cookies: no CSRF to fear
    app.register_blueprint(bp)
    app.extensions[stories.FACT_CACHE] = stories.FactCache()
    app.extensions[PARTS] = Lru[Any](PARTS_KEPT)
    app.extensions[PAGES] = Lru[Markup](PAGES_KEPT)
    app.extensions[HEADS] = Lru[Markup](HEADS_KEPT)
    app.after_request(_security_headers)
    app.context_processor(_template_globals)
    app.jinja_env.filters.update(value=format_value, day=_day, moment=_moment)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc: CSRFError) -> tuple[str, int]:
        return render_template(
            "errors/error.html", status=400, errors={},
            message="This form expired or was sent from elsewhere. Reload the page and try "
                    "again."), 400

