"""The JSON API under /api/v1, documented by an OpenAPI 3 document at /api/v1/openapi.json.

Thin views: parse with a schema, check the caller's role, call one service, commit once,
dump with a schema. Errors are raised as our exception tree and rendered as JSON by
``factcheck.app.register_error_handlers``.

Who may do what (``Authorization: Bearer <token>``; see ``flask --app wsgi tokens create``):

    reads (GET, POST /compare)     anyone when READ_ACCESS=open, else any user (viewer+)
    add/change stories, reports    editor or admin ("write")
    review pairs (PATCH /pairs)    editor or admin ("review")
    delete stories and reports     admin only ("admin")
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Flask, Request, Response, current_app, jsonify, request, url_for
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType
from werkzeug.utils import secure_filename

from . import auth, export, pipeline, schemas
from .cache import Lru
from .db import get_session
from .errors import Conflict, EmptyReport
from .models import Claim, Pair, Report, Story
from .services import ingest, review, stories
from .services.fetch import fetch_report


class JsonParser(FlaskParser):
    """webargs' parser, refusing JSON nested deeper than Python can parse with a 400."""

    def _raw_load_json(self, req: Request) -> Any:
        try:
            return super()._raw_load_json(req)
        except RecursionError:
            # json.loads recurses once per level: '[' * 100_000 would otherwise be a 500.
            raise BadRequest("The JSON body is nested too deeply.") from None


class ApiBlueprint(Blueprint):
    """flask-smorest's Blueprint with our JSON parser."""

    ARGUMENTS_PARSER = JsonParser()


blp = ApiBlueprint("api", __name__, url_prefix="/api/v1", description="factcheck JSON API")

ID = "int(min=1, max=2147483647)"  # ids past 32 bits are 404s, never database overflows
BEARER: list[dict[str, list[str]]] = [{"bearerAuth": []}]
F = TypeVar("F", bound=Callable[..., Any])
# Where an app keeps the JSON of pairs it has listed (``app.extensions``), and how many.
PAIR_JSON_CACHE = "factcheck.pair_json_cache"
PAIR_JSON_KEPT = 5_000  # some 1.5 KB each: about 8 MB a process at most
LINK_HEADER = {"Link": {"description": "RFC 8288 links to the first, prev, next and last pages",
                        "schema": {"type": "string"}}}


class FactcheckApi(Api):
    """flask-smorest's Api, documenting our error shape instead of its own."""

    ERROR_SCHEMA = schemas.ErrorSchema


def permission(action: str) -> Callable[[F], F]:
    """Check the caller may do ``action`` before the request body is even parsed."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if action != "read":
                # Changes need a token: a cookie would let any page the editor visits
                # send a change in their name (CSRF), as the API takes no CSRF token.
                auth.require(action, token_only=True)
            elif current_app.config["READ_ACCESS"] == "token":
                auth.require(action)
            elif request.headers.get("Authorization"):
                auth.current_user()  # a bad token is refused even where none is needed
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


@blp.before_request
def _check_body() -> None:
    """Refuse bodies over the size limit (413) and bodies that are not JSON (415)."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and (request.content_length or 0) > limit:
        raise RequestEntityTooLarge(f"The request body is larger than {limit} bytes.")
    if limit and request.content_length is None and "chunked" in request.headers.get(
            "Transfer-Encoding", "").lower():
        _buffer_chunked_body(limit)
    if not request.is_json:
        raise UnsupportedMediaType("Send the request body as JSON "
                                   "(Content-Type: application/json).")


def _buffer_chunked_body(limit: int) -> None:
    """Read a chunked body up to ``limit`` bytes, refusing a longer one with 413.

    Werkzeug cuts a chunked body at the limit without a word, which would reach the parser
    as truncated JSON (a 400); reading one byte more tells the two apart.
    """
    body = request.environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise RequestEntityTooLarge(f"The request body is larger than {limit} bytes.")
    request.environ.update({"wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body)),
                            "wsgi.input_terminated": False})
    request.environ.pop("HTTP_TRANSFER_ENCODING", None)


def commit(session: Session) -> None:
    """Commit the request's one unit of work; a lost race becomes a 409, not a 500."""
    try:
        session.commit()
    except (IntegrityError, StaleDataError) as exc:
        session.rollback()
        raise Conflict("Someone else changed the same data at the same moment; "
                       "reload and try again.") from exc


_PAGE_STAND_IN = 987654321


def paged(items: list[Any], total: int, args: dict[str, Any]) -> tuple[dict[str, Any], int,
                                                                      dict[str, str]]:
    """Return a page body with its total and RFC 8288 Link headers (first/prev/next/last)."""
    page, per_page = args["page"], args["per_page"]
    last = max(1, math.ceil(total / per_page))
    rels: dict[str, int] = {"first": 1}
    if page > 1:
        rels["prev"] = min(page - 1, last)
    if page < last:
        rels["next"] = page + 1
    rels["last"] = last
    query = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
    # One url_for with a stand-in page number, then the numbers put in: building four
    # URLs was a tenth of a page of pairs' cost. Values are URL-encoded ("=" is "%3D"),
    # so "page=<stand-in>" can only be the page parameter itself.
    url = url_for(str(request.endpoint), _external=True, **(request.view_args or {}),
                  **query, page=_PAGE_STAND_IN, per_page=per_page)
    marker = f"page={_PAGE_STAND_IN}"
    links = [f'<{url.replace(marker, f"page={number}")}>; rel="{rel}"'
             for rel, number in rels.items()]
    body = {"items": items, "total": total, "page": page, "per_page": per_page}
    return body, 200, {"Link": ", ".join(links)}


def window(args: dict[str, Any]) -> tuple[int, int]:
    """Return the (offset, limit) of the page asked for."""
    return (args["page"] - 1) * args["per_page"], args["per_page"]


# --- turning rows into the shapes of schemas.py ----------------------------------------------


def value_data(value: dict[str, Any]) -> dict[str, Any]:
    """Return a stored value with its dates spelled out when it is a date."""
    data = dict(value)
    data["dates"] = None
    if value.get("kind") == "date":
        try:
            data["dates"] = [date.fromordinal(int(value["low"])).isoformat(),
                             date.fromordinal(int(value["high"])).isoformat()]
        except (KeyError, TypeError, ValueError, OverflowError):
            data["dates"] = None
    return data


def claim_data(claim: Claim) -> dict[str, Any]:
    """Return a stored claim with its report's outlet and publication time."""
    return {
        "id": claim.id, "report_id": claim.report_id, "story_id": claim.story_id,
        "position": claim.position, "text": claim.text, "start": claim.start, "end": claim.end,
        "sentence_start": claim.sentence_start, "sentence_end": claim.sentence_end,
        "values": [value_data(v) for v in claim.values], "polarity": claim.polarity,
        "hedged": claim.hedged, "attribution": claim.attribution, "checkable": claim.checkable,
        "kind": claim.kind, "frame": claim.frame, "outlet": claim.report.outlet,
        "published": claim.report.published_at,
    }


def pair_data(pair: Pair) -> dict[str, Any]:
    """Return a stored pair with both claims, the machine's judgement and the review."""
    return {
        "id": pair.id, "story_id": pair.story_id, "claim_a": claim_data(pair.claim_a),
        "claim_b": claim_data(pair.claim_b), "label": pair.label,
        "confidence": pair.confidence, "similarity": pair.similarity,
        "reasons": list(pair.reasons), "explanation": pair.explanation,
        "effective_label": pair.effective_label, "editor_label": pair.editor_label,
        "status": pair.status, "note": pair.note, "reviewed_by": pair.reviewed_by,
        "reviewed_at": pair.reviewed_at, "version": pair.version,
    }


# The lean path of the pair list: rows straight from ``stories.pair_records`` to the JSON
# ``PairSchema`` would dump, without ORM instances or a schema walk per field (a page of 50
# pairs spent most of its time there). tests/api/test_pair_list.py holds it to the schema.
_VALUE_FIELDS = (("kind", str), ("low", float), ("high", float), ("unit", str),
                 ("bound", str), ("text", str), ("start", int), ("end", int))


def _opt(convert: Callable[[Any], Any], value: Any) -> Any:
    return None if value is None else convert(value)


def _value_dump(value: dict[str, Any]) -> dict[str, Any]:
    """Return a stored value as ``ValueSchema`` dumps ``value_data(value)``."""
    out = {name: _opt(convert, value[name]) for name, convert in _VALUE_FIELDS
           if name in value}
    dates = value_data(value)["dates"]
    out["dates"] = None if dates is None else [str(d) for d in dates]
    return out


def _claim_dump(row: Any, side: str) -> dict[str, Any]:
    """Return one side of a pair record as ``ClaimSchema`` dumps ``claim_data``."""
    def get(name: str) -> Any:
        return getattr(row, f"{side}_{name}")

    published = get("published")
    return {
        "id": _opt(int, get("id")), "report_id": _opt(int, get("report_id")),
        "story_id": _opt(int, get("story_id")), "position": _opt(int, get("position")),
        "text": _opt(str, get("text")), "start": _opt(int, get("start")),
        "end": _opt(int, get("end")), "sentence_start": _opt(int, get("sentence_start")),
        "sentence_end": _opt(int, get("sentence_end")),
        "values": [_value_dump(v) for v in get("values")],
        "polarity": _opt(str, get("polarity")), "hedged": _opt(bool, get("hedged")),
        "attribution": _opt(str, get("attribution")), "checkable": _opt(bool, get("checkable")),
        "kind": _opt(str, get("kind")), "frame": _opt(str, get("frame")),
        "outlet": _opt(str, get("outlet")),
        "published": None if published is None else published.isoformat(),
    }


def pair_record_dump(row: Any) -> dict[str, Any]:
    """Return a row of ``stories.pair_records`` exactly as ``PairSchema`` dumps the pair."""
    reviewed_at = row.reviewed_at
    return {
        "id": _opt(int, row.id), "story_id": _opt(int, row.story_id),
        "claim_a": _claim_dump(row, "a"), "claim_b": _claim_dump(row, "b"),
        "label": _opt(str, row.label), "confidence": _opt(float, row.confidence),
        "similarity": _opt(float, row.similarity),
        "reasons": [_opt(str, r) for r in row.reasons],
        "explanation": _opt(str, row.explanation),
        "effective_label": _opt(str, row.editor_label or row.label),
        "editor_label": _opt(str, row.editor_label), "status": _opt(str, row.status),
        "note": _opt(str, row.note), "reviewed_by": _opt(str, row.reviewed_by),
        "reviewed_at": None if reviewed_at is None else reviewed_at.isoformat(),
        "version": _opt(int, row.version),
    }


def report_data(report: Report, *, detail: bool = False,
                claim_count: int | None = None) -> dict[str, Any]:
    """Return a stored report; with ``detail``, its cleaned text and claims too."""
    data: dict[str, Any] = {
        "id": report.id, "story_id": report.story_id, "outlet": report.outlet,
        "title": report.title, "url": report.url, "published_at": report.published_at,
        "raw_format": report.raw_format, "content_hash": report.content_hash,
        "created_at": report.created_at,
        "claim_count": len(report.claims) if claim_count is None else claim_count,
    }
    if detail:
        data.update(cleaned_text=report.cleaned_text,
                    removed=[str(r) for r in report.removed or []],
                    claims=[claim_data(c) for c in report.claims])
    return data


def story_item(story: Story, counts: stories.StoryCounts) -> dict[str, Any]:
    """Return a story row and its counts in the shape of ``StorySchema``."""
    return {"id": story.id, "title": story.title, "description": story.description,
            "created_at": story.created_at, "updated_at": story.updated_at, "counts": counts}


def _story_out(session: Session, story: Story) -> dict[str, Any]:
    cache = current_app.extensions.get(stories.FACT_CACHE)
    counts = (stories.kept_counts(session, story.id, cache) if cache is not None
              else stories.story_counts(session, [story.id])[story.id])
    return story_item(story, counts)


# --- stories ------------------------------------------------------------------------------


@blp.route("/stories")
class Stories(MethodView):
    """The collection of stories."""

    @permission("read")
    @blp.arguments(schemas.PageArgsSchema(), location="query")
    @blp.response(200, schemas.StoryListSchema, headers=LINK_HEADER)
    def get(self, args: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """List stories, newest first, with counts of reports, claims and pairs."""
        session = get_session()
        offset, limit = window(args)
        rows, total = stories.list_stories(session, offset=offset, limit=limit)
        counts = stories.story_counts(session, [s.id for s in rows])
        return paged([story_item(s, counts[s.id]) for s in rows], total, args)

    @permission("write")
    @blp.arguments(schemas.StoryCreateSchema())
    @blp.response(201, schemas.StorySchema)
    @blp.doc(security=BEARER)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Create a story (editor)."""
        session = get_session()
        story = stories.create_story(session, title=data["title"],
                                     description=data.get("description", ""),
                                     actor=auth.actor_name())
        commit(session)
        return _story_out(session, story)


@blp.route(f"/stories/<{ID}:story_id>")
class StoryById(MethodView):
    """One story."""

    @permission("read")
    @blp.response(200, schemas.StorySchema)
    def get(self, story_id: int) -> dict[str, Any]:
        """Show a story with its counts."""
        session = get_session()
        return _story_out(session, stories.get_story(session, story_id))

    @permission("write")
    @blp.arguments(schemas.StoryUpdateSchema())
    @blp.response(200, schemas.StorySchema)
    @blp.doc(security=BEARER)
    def patch(self, data: dict[str, Any], story_id: int) -> dict[str, Any]:
        """Change a story's title or description (editor)."""
        session = get_session()
        story = stories.update_story(session, stories.get_story(session, story_id),
                                     title=data.get("title"),
                                     description=data.get("description"),
                                     actor=auth.actor_name())
        commit(session)
        return _story_out(session, story)

    @permission("admin")
    @blp.response(204)
    @blp.doc(security=BEARER)
    def delete(self, story_id: int) -> None:
        """Delete a story with its reports, claims and pairs (admin)."""
        session = get_session()
        stories.delete_story(session, stories.get_story(session, story_id),
                             actor=auth.actor_name())
        commit(session)


# --- reports ------------------------------------------------------------------------------


@blp.route(f"/stories/<{ID}:story_id>/reports")
class StoryReports(MethodView):
    """The reports of a story."""

    @permission("read")
    @blp.arguments(schemas.PageArgsSchema(), location="query")
    @blp.response(200, schemas.ReportListSchema, headers=LINK_HEADER)
    def get(self, args: dict[str, Any], story_id: int) -> tuple[dict[str, Any], int,
                                                                 dict[str, str]]:
        """List a story's reports in the order they were added."""
        session = get_session()
        stories.get_story(session, story_id)
        rows = stories.list_reports(session, story_id)
        claims = stories.claim_counts(session, story_id)  # one query, not one per report
        offset, limit = window(args)
        return paged([report_data(r, claim_count=claims.get(r.id, 0))
                      for r in rows[offset:offset + limit]], len(rows), args)

    @permission("write")
    @blp.arguments(schemas.ReportCreateSchema())
    @blp.response(201, schemas.ReportCreatedSchema,
                  description="The report was added; its claims were paired with the story's.")
    @blp.alt_response(200, schema=schemas.ReportCreatedSchema,
                      description="The same content was already in the story; nothing added.")
    @blp.doc(security=BEARER)
    def post(self, data: dict[str, Any], story_id: int) -> tuple[dict[str, Any], int]:
        """Add a report from its text, its HTML, or a URL to fetch (editor)."""
        session = get_session()
        story = stories.get_story(session, story_id)
        url = data.get("url")
        text, html = data.get("text"), None
        if "html" in data:
            text, html = data["html"], True
        outlet = data.get("outlet")
        if text is None and url:
            page = fetch_report(url, timeout=current_app.config["URL_FETCH_TIMEOUT"],
                                max_bytes=current_app.config["URL_FETCH_MAX_BYTES"],
                                allow_private=current_app.config["URL_FETCH_ALLOW_PRIVATE"])
            text, html, url = page.text, page.html, page.final_url
            outlet = outlet or (urlsplit(page.final_url).hostname or "web")
            if not text.strip():
                raise EmptyReport("The fetched page is empty.",
                                  errors={"url": ["The page is empty."]})
        published = data.get("published_at")
        result = ingest.add_report(session, story, outlet=outlet or "", text=text or "",
                                   html=bool(html), title=data.get("title"), url=url,
                                   published=published, actor=auth.actor_name())
        commit(session)
        body = report_data(result.report, detail=True)
        body.update(created=result.created, new_pairs=result.new_pairs)
        return body, 201 if result.created else 200


@blp.route(f"/reports/<{ID}:report_id>")
class ReportById(MethodView):
    """One report."""

    @permission("read")
    @blp.response(200, schemas.ReportDetailSchema)
    def get(self, report_id: int) -> dict[str, Any]:
        """Show a report with its cleaned text and claims."""
        return report_data(stories.get_report(get_session(), report_id), detail=True)

    @permission("admin")
    @blp.response(204)
    @blp.doc(security=BEARER)
    def delete(self, report_id: int) -> None:
        """Delete a report with its claims and pairs (admin)."""
        session = get_session()
        ingest.delete_report(session, report_id, actor=auth.actor_name())
        commit(session)


# --- claims, pairs, groups -------------------------------------------------------------------


@blp.route(f"/stories/<{ID}:story_id>/claims")
class StoryClaims(MethodView):
    """The claims of a story."""

    @permission("read")
    @blp.arguments(schemas.PageArgsSchema(), location="query")
    @blp.response(200, schemas.ClaimListSchema, headers=LINK_HEADER)
    def get(self, args: dict[str, Any], story_id: int) -> tuple[dict[str, Any], int,
                                                                 dict[str, str]]:
        """List a story's claims, report by report, in text order."""
        session = get_session()
        stories.get_story(session, story_id)
        rows = stories.list_claims(session, story_id)
        offset, limit = window(args)
        return paged([claim_data(c) for c in rows[offset:offset + limit]], len(rows), args)


@blp.route(f"/stories/<{ID}:story_id>/pairs")
class StoryPairs(MethodView):
    """The pairs of a story."""

    @permission("read")
    @blp.arguments(schemas.PairArgsSchema(), location="query")
    @blp.response(200, schemas.PairListSchema, headers=LINK_HEADER)
    def get(self, args: dict[str, Any], story_id: int) -> tuple[Response, int,
                                                                 dict[str, str]]:
        """List a story's pairs, conflicts first, filtered by label, status, confidence."""
        session = get_session()
        offset, limit = window(args)
        # Raises NotFound for an unknown story, in the query that reads what it checks.
        found = stories.pair_page(
            session, story_id, offset=offset, limit=limit,
            cache=current_app.extensions.get(stories.FACT_CACHE), label=args.get("label"),
            status=args.get("status"), min_confidence=args.get("min_confidence"),
            report_id=args.get("report"))
        return _pair_page(session, found, args)


def _pair_page(session: Session, found: stories.PairPage,
               args: dict[str, Any]) -> tuple[Response, int, dict[str, str]]:
    """Return the page of pairs ``found`` as ``PairListSchema`` would, from this process's
    cache of encoded pairs where a pair's stamp (see ``stories.pair_stamps``) is unchanged."""
    ids, total = found.ids, found.total
    app = current_app
    provider = app.json
    compact = getattr(provider, "compact", None)
    if compact is False or (compact is None and app.debug):
        # Indented JSON (debug): no cache, the schema's shape through jsonify.
        items = [pair_record_dump(row) for row in stories.pair_records(session, ids)]
        body, status, headers = paged(items, total, args)
        return jsonify(body), status, headers
    cache: Lru[str] = app.extensions[PAIR_JSON_CACHE]
    # A page found in the story's kept structure comes with its stamps; else read them.
    stamps = found.stamps if found.stamps is not None else stories.pair_stamps(session, ids)
    encoded: dict[int, str] = {}
    missing: list[int] = []
    for pid in ids:
        if pid not in stamps:
            continue  # deleted since the page was chosen
        text = cache.get((pid, stamps[pid]))
        if text is None:
            missing.append(pid)
        else:
            encoded[pid] = text
    for row in stories.pair_records(session, missing):
        # The encoding jsonify gives each item of a list: sorted keys, no spaces.
        text = provider.dumps(pair_record_dump(row), separators=(",", ":"))
        # The row may be newer than the stamp it was looked up under: keep it under its own.
        stamp = ((row.version, *stamps[row.id][1:]) if found.stamps is None
                 else stories.kept_stamp(stamps[row.id][0], row))
        cache.put((row.id, stamp), text)
        encoded[row.id] = text
    page, per_page = args["page"], args["per_page"]
    _body, status, headers = paged([], total, args)
    # jsonify's own layout of PairListSchema's keys, sorted: items, page, per_page, total.
    text = (f'{{"items":[{",".join(encoded[p] for p in ids if p in encoded)}],'
            f'"page":{int(page)},"per_page":{int(per_page)},"total":{int(total)}}}\n')
    return app.response_class(text, mimetype=provider.mimetype), status, headers  # type: ignore[attr-defined]


@blp.route(f"/pairs/<{ID}:pair_id>")
class PairById(MethodView):
    """One pair."""

    @permission("read")
    @blp.response(200, schemas.PairSchema)
    def get(self, pair_id: int) -> dict[str, Any]:
        """Show a pair with both claims and its review."""
        return pair_data(stories.get_pair(get_session(), pair_id))

    @permission("review")
    @blp.arguments(schemas.ReviewSchema())
    @blp.response(200, schemas.PairSchema)
    @blp.alt_response(409, schema=schemas.ErrorSchema,
                      description="The pair changed since `version`; reload it.")
    @blp.doc(security=BEARER)
    def patch(self, data: dict[str, Any], pair_id: int) -> dict[str, Any]:
        """Confirm or correct a pair's label, or add a note (editor); send the version seen."""
        session = get_session()
        try:
            pair = review.review_pair(session, pair_id, version=data["version"],
                                      actor=auth.actor_name(), label=data.get("label"),
                                      status=data.get("status"), note=data.get("note"))
        except StaleDataError as exc:
            # Another review of the same version committed between our read and our flush.
            session.rollback()
            raise Conflict(f"pair {pair_id} was changed by someone else; reload it and try "
                           "again") from exc
        commit(session)
        return pair_data(pair)


@blp.route(f"/stories/<{ID}:story_id>/groups")
class StoryGroups(MethodView):
    """The fact groups of a story."""

    @permission("read")
    @blp.response(200, schemas.GroupListSchema)
    def get(self, story_id: int) -> dict[str, Any]:
        """List a story's facts: connected pairs with the claims they join, conflicts first."""
        session = get_session()
        stories.get_story(session, story_id)
        groups = stories.fact_groups(session, story_id)
        items = [{"label": g.label, "topic": g.topic, "outlets": g.outlets,
                  "needs_review": g.needs_review, "claims": [claim_data(c) for c in g.claims],
                  "pairs": [pair_data(p) for p in g.pairs]} for g in groups]
        return {"items": items, "total": len(items)}


@blp.route(f"/stories/<{ID}:story_id>/report")
class StoryExport(MethodView):
    """A story's discrepancy report as a file."""

    @permission("read")
    @blp.arguments(schemas.ExportArgsSchema(), location="query")
    @blp.doc(responses={"200": {
        "description": "The report as a download (Content-Disposition: attachment).",
        "content": {"text/markdown": {"schema": {"type": "string"}},
                    "text/csv": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"type": "object"}},
                    "application/ld+json": {"schema": {"type": "object"}}}}})
    def get(self, args: dict[str, Any], story_id: int) -> Response:
        """Download a story's discrepancy report (?format=md|json|csv|html|...)."""
        session = get_session()
        stories.get_story(session, story_id)
        exported = export.export_story(
            session, story_id, args["format"], label=args.get("label"),
            status=args.get("status"), author=current_app.config["CLAIMREVIEW_AUTHOR"],
            base_url=current_app.config["PUBLIC_URL"] or request.host_url)
        name = secure_filename(exported.filename) or f"story-{story_id}.{args['format']}"
        response = Response(exported.content, content_type=exported.content_type)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


# --- stateless comparison ----------------------------------------------------------------------


def compared_claim(claim: pipeline.Claim, index: int, position: int,
                   report: pipeline.ReportInput) -> dict[str, Any]:
    """Return a claim of a compared report."""
    return {"report": index, "position": position, "text": claim.text, "start": claim.start,
            "end": claim.end, "values": [value_data(_value_dict(v)) for v in claim.values],
            "polarity": claim.polarity, "hedged": claim.hedged,
            "attribution": claim.attribution, "kind": claim.kind, "outlet": report.outlet,
            "published": report.published}


def _value_dict(value: pipeline.Value) -> dict[str, Any]:
    from .services.convert import value_to_dict

    return value_to_dict(value)


def comparison_data(result: pipeline.Comparison,
                    inputs: list[pipeline.ReportInput]) -> dict[str, Any]:
    """Return a comparison in the shape of ``ComparisonSchema``."""
    reports: list[dict[str, Any]] = []
    for n, (extracted, given) in enumerate(zip(result.reports, inputs, strict=True)):
        reports.append({"index": n, "outlet": given.outlet, "title": given.title or
                        extracted.cleaned.title, "published": given.published or
                        extracted.cleaned.published, "cleaned_text": extracted.cleaned.text,
                        "claims": [compared_claim(c, n, k, given)
                                   for k, c in enumerate(extracted.claims)]})
    pairs = []
    for p in result.pairs:
        j = p.judgement
        pairs.append({
            "claim_a": reports[p.report_a]["claims"][p.claim_a],
            "claim_b": reports[p.report_b]["claims"][p.claim_b],
            "label": j.label, "confidence": j.confidence, "similarity": j.similarity,
            "reasons": list(j.reasons), "explanation": j.explanation,
        })
    groups = [list(g) for g in result.groups] or pipeline.group_pairs(
        [((p.report_a, p.claim_a), (p.report_b, p.claim_b)) for p in result.pairs])
    return {"reports": reports, "pairs": pairs, "groups": groups}


@blp.route("/compare")
class Compare(MethodView):
    """Compare reports without storing anything."""

    @permission("read")
    @blp.arguments(schemas.CompareSchema())
    @blp.response(200, schemas.ComparisonSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Compare 2-20 reports with each other; nothing is stored."""
        inputs = []
        for n, item in enumerate(data["reports"]):
            published: datetime | None = item.get("published_at")
            inputs.append(pipeline.ReportInput(
                item["html"] if "html" in item else item["text"],
                outlet=(item.get("outlet") or "").strip() or f"report {n + 1}",
                published=published.date() if published else None, html="html" in item,
                title=item.get("title")))
        return comparison_data(pipeline.compare(inputs), inputs)


def init_app(app: Flask) -> None:
    """Register the API blueprint and its OpenAPI document."""
    app.config.setdefault("API_TITLE", "factcheck")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.extensions[PAIR_JSON_CACHE] = Lru[str](PAIR_JSON_KEPT)
    api = FactcheckApi(app)
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer",
                       "description": "`flask --app wsgi tokens create NAME`"})
    api.register_blueprint(blp)
