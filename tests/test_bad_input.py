"""Bad input at every entry point: a clear refusal, the service still up, the database as it was.

One table per entry point (the JSON API, the web form, the command line). Each row is sent
to an app holding a story with a pair and a user per role; the test checks the status and
the message, that every table reads exactly as before, and that a normal request still
works afterwards. Bodies of 10 and 100 MB are streamed from a generator that counts what is
read, so the test proves the size cap refuses them without reading them and never holds
them in memory.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from factcheck.cli import main
from factcheck.db import get_db, session_scope
from factcheck.models import Report
from factcheck.services import ingest

from .world import World, build_world, csrf_token, dump

API = "/api/v1"
MB = 1024 * 1024
FUTURE = (datetime.now(UTC).date() + timedelta(days=3)).isoformat()
TEXT = "The treaty took five years to finalize. More than 150 countries signed it."
NUMBERS = "Totals: " + ", ".join(str(i) for i in range(100_000)) + "."
HOSTILE_HTML = ("<html><body><article><p>The treaty took five years.</p>"
                "<script>alert('owned')</script><iframe src='https://evil.example/'></iframe>"
                "<p onclick=\"alert(2)\">More than 150 countries signed it.</p>"
                "</article></body></html>")


class Body(io.RawIOBase):
    """A request body of ``size`` bytes made on demand (``head``, then filler); counts reads.

    Nothing of the body exists in memory until it is read, so a 100 MB request costs
    nothing unless the app reads it, and ``read_so_far`` tells whether it did.
    """

    def __init__(self, size: int, head: bytes = b"") -> None:
        super().__init__()
        self.size, self.head, self.pos, self.read_so_far = size, head, 0, 0

    def readable(self) -> bool:
        """Say the body can be read."""
        return True

    def seekable(self) -> bool:
        """Say the body can be measured (the test client seeks to its end)."""
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``offset``; the test client only measures the length this way."""
        self.pos = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos += offset
        return self.pos

    def tell(self) -> int:
        """Return the position."""
        return self.pos

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` with the next bytes of the body."""
        view = memoryview(buffer).cast("B")
        n = max(0, min(len(view), self.size - self.pos))
        for k in range(n):  # byte by byte only within the short head
            if self.pos + k >= len(self.head):
                view[k:n] = b"a" * (n - k)
                break
            view[k] = self.head[self.pos + k]
        self.pos += n
        self.read_so_far += n
        return n


@pytest.fixture(scope="module")
def world(module_database_url: str,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The shared world, built once per database for this module."""
    made = build_world(module_database_url, tmp_path_factory.mktemp("bad-input"))
    yield made
    get_db(made.app).engine.dispose()


def still_up(world: World) -> None:
    """Check that normal requests still work after a refused one."""
    client = world.app.test_client()
    assert client.get(f"{API}/stories/{world.story_id}").status_code == 200
    assert client.get(f"/stories/{world.story_id}").status_code == 200


# ---------------------------------------------------------------- the JSON API

def _json(value: Any) -> dict[str, Any]:
    return {"data": json.dumps(value), "content_type": "application/json"}


def _raw(data: bytes) -> dict[str, Any]:
    return {"data": data, "content_type": "application/json"}


def _streamed(size: int, *, chunked: bool = False) -> dict[str, Any]:
    # The Body itself is made by the test: a stream is used up once read.
    if chunked:
        return {"stream": size, "content_type": "application/json",
                "headers": {"Transfer-Encoding": "chunked"},
                "environ_overrides": {"wsgi.input_terminated": True}}
    return {"stream": size, "content_type": "application/json"}


REPORTS = "/stories/{story_id}/reports"
API_CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    # (case, method, path, request, status, what the message must say)
    ("empty body", "POST", "/stories", _raw(b""), 422, "title"),
    ("white space only", "POST", "/stories", _raw(b" \n\t "), 400, "not valid JSON"),
    ("binary", "POST", "/stories", _raw(bytes(range(256)) * 4), 400, "not UTF-8"),
    ("invalid UTF-8 in a string", "POST", "/stories", _raw(b'{"title": "caf\xe9 \xff"}'),
     400, "not UTF-8"),
    ("Latin-1", "POST", "/stories", _raw('{"title": "Zürich"}'.encode("latin-1")), 400,
     "not UTF-8"),
    ("UTF-16 with BOM", "POST", "/stories", _raw('{"title": "Zürich"}'.encode("utf-16")),
     400, "not UTF-8"),
    ("10 MB", "POST", "/stories", _streamed(10 * MB), 413, "larger than"),
    ("100 MB", "POST", REPORTS, _streamed(100 * MB), 413, "larger than"),
    ("100 MB chunked", "POST", REPORTS, _streamed(100 * MB, chunked=True), 413,
     "larger than"),
    ("nested 100,000 deep", "POST", "/stories", _raw(b"[" * 100_000 + b"]" * 100_000), 400,
     "nested too deeply"),
    ("nested in a field", "POST", "/compare",
     _raw(b'{"reports": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), 400, "nested too deeply"),
    ("a million-item array", "POST", "/stories", _json({"title": [0] * 1_000_000}), 422,
     "title"),
    ("thousands of reports to compare", "POST", "/compare",
     _json({"reports": [{"text": "a"}] * 5_000}), 422, "reports"),
    ("wrong types", "POST", REPORTS, _json({"outlet": ["A"], "text": {"t": 1}}), 422,
     "outlet"),
    ("a number for a string", "PATCH", "/stories/{story_id}", _json({"title": 7}), 422,
     "title"),
    ("unknown field", "POST", "/stories", _json({"title": "t", "colour": "red"}), 422,
     "colour"),
    ("date in the future", "POST", REPORTS,
     _json({"outlet": "A", "text": TEXT, "published_at": FUTURE}), 422, "published_at"),
    ("impossible date", "POST", REPORTS,
     _json({"outlet": "A", "text": TEXT, "published_at": "2024-02-30"}), 422, "published_at"),
    ("date-time without a date", "POST", REPORTS,
     _json({"outlet": "A", "text": TEXT, "published_at": "T12:00"}), 422, "published_at"),
    ("empty report", "POST", REPORTS, _json({"outlet": "A", "text": ""}), 422, "text"),
    ("white space report", "POST", REPORTS, _json({"outlet": "A", "text": " \n\t "}), 422,
     "text"),
    ("binary report", "POST", REPORTS,
     _json({"outlet": "A", "text": "\x01\x02\x03\x04\x05\x06\x07\x08" * 200}), 422, "text"),
    ("report with NUL", "POST", REPORTS, _json({"outlet": "A", "text": "a\x00b"}), 422,
     "text"),
    ("oversized report", "POST", REPORTS,
     _json({"outlet": "A", "text": "The treaty took five years. " * 40_000}), 422, "text"),
    ("HTML that is only script", "POST", REPORTS,
     _json({"outlet": "A", "html": "<script>alert(1)</script><iframe src=x></iframe>"}), 422,
     "html"),
    ("review: version as a string", "PATCH", "/pairs/{pair_id}",
     _json({"label": "agree", "version": "1"}), 422, "version"),
    ("review: unknown label", "PATCH", "/pairs/{pair_id}",
     _json({"label": "maybe", "version": 1}), 422, "label"),
    ("review: a list", "PATCH", "/pairs/{pair_id}", _json([1, 2]), 422, "_schema"),
    ("compare: reports not a list", "POST", "/compare", _json({"reports": "x"}), 422,
     "reports"),
]


@pytest.mark.parametrize(("method", "path", "request_kwargs", "status", "says"),
                         [pytest.param(*c[1:], id=c[0]) for c in API_CASES])
def test_bad_api_input_is_refused_and_changes_nothing(
        world: World, method: str, path: str, request_kwargs: dict[str, Any], status: int,
        says: str) -> None:
    before = dump(world.app)
    kwargs = dict(request_kwargs)
    kwargs["headers"] = {**kwargs.get("headers", {}), **world.bearer("editor")}
    if "stream" in kwargs:
        kwargs["input_stream"] = Body(kwargs.pop("stream"), b'{"title": "')
    got = world.app.test_client().open(API + path.format(**world.ids()), method=method,
                                       **kwargs)
    assert got.status_code == status, got.get_data(as_text=True)[:300]
    body = got.get_json()
    assert body["status"] == status and set(body) == {"code", "status", "message", "errors"}
    assert says in body["message"] or says in body["errors"], body
    stream = kwargs.get("input_stream")
    if isinstance(stream, Body):
        # Refused on its declared size, or after at most one byte past the cap when chunked.
        assert stream.read_so_far <= world.app.config["MAX_CONTENT_LENGTH"] + 1
    assert dump(world.app) == before
    still_up(world)


def test_html_with_script_and_iframe_is_stored_without_them(world: World) -> None:
    client = world.app.test_client()
    got = client.post(f"{API}/stories/{world.story_id}/reports", headers=world.bearer("editor"),
                      json={"outlet": "Hostile", "html": HOSTILE_HTML})
    try:
        assert got.status_code == 201, got.get_json()
        cleaned = got.get_json()["cleaned_text"]
        assert "five years" in cleaned and "150 countries" in cleaned
        for gone in ("<script", "alert", "<iframe", "evil.example", "onclick"):
            assert gone not in cleaned
        page = client.get(f"/reports/{got.get_json()['id']}").text
        assert "alert(" not in page and "<iframe" not in page
    finally:
        _delete_report(world, got.get_json().get("id"))


def _delete_report(world: World, report_id: int | None) -> None:
    """Undo a report a test added, so the shared world stays as it was built."""
    if report_id is not None:
        with session_scope(world.app) as session:
            ingest.delete_report(session, report_id)


# ---------------------------------------------------------------- the web form

def multipart(fields: dict[str, Any]) -> tuple[bytes, str]:
    """Return ``fields`` encoded as a browser sends the form: a body and its content type.

    Encoded here, in memory, because the test client spools large forms to a temporary
    file it never closes.
    """
    values = {name: FileStorage(io.BytesIO(value[0]), filename=value[1])
              if isinstance(value, tuple) else value for name, value in fields.items()}
    boundary, body = encode_multipart(values)
    return body, f"multipart/form-data; boundary={boundary}"


def _form(**fields: Any) -> dict[str, Any]:
    return {"outlet": "Gamma", **fields}


def _upload(content: bytes, name: str = "report.txt") -> dict[str, Any]:
    return _form(file=(content, name))


WEB_CASES: list[tuple[str, str, dict[str, Any] | int, int, str]] = [
    # (case, path, form fields or a streamed body size, status, what the page must say)
    ("no text at all", REPORTS, _form(), 422, "Paste the article"),
    ("white space only", REPORTS, _form(text=" \n\t "), 422, "Paste the article"),
    ("binary pasted", REPORTS, _form(text="\x01\x02\x03\x04\x05\x06\x07\x08" * 200), 422,
     "not binary data"),
    ("NUL pasted", REPORTS, _form(text="The vote\x00 was held."), 422, "NUL"),
    ("oversized paste", REPORTS, _form(text="The treaty took five years. " * 40_000), 422,
     "characters; at most"),
    ("date in the future", REPORTS, _form(text=TEXT, published=FUTURE), 422, "in the future"),
    ("impossible date", REPORTS, _form(text=TEXT, published="2024-02-30"), 422,
     "Not a valid date"),
    ("outlet too long", REPORTS, _form(text=TEXT, outlet="A" * 201), 422,
     "longer than 200"),
    ("HTML that is only script", REPORTS,
     _upload(b"<script>alert(1)</script><iframe src=x></iframe>", "a.html"), 422,
     "No article text"),
    ("empty file", REPORTS, _upload(b""), 422, "The report is empty"),
    ("binary file", REPORTS, _upload(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 50), 422,
     "not UTF-8"),
    ("invalid UTF-8 file", REPORTS, _upload(b"The treaty \xff\xfe took five years."), 422,
     "not UTF-8 text (byte 11)"),
    ("Latin-1 file", REPORTS, _upload("Zürich: the treaty took five years.".encode("latin-1")),
     422, "not UTF-8 text (byte 1)"),
    ("UTF-16 file with a broken BOM body", REPORTS, _upload(b"\xff\xfe\x00\xd8"), 422,
     "not valid UTF-16"),
    ("a file type we do not read", REPORTS, _upload(b"%PDF-1.7", "report.pdf"), 422,
     "Upload a .txt"),
    ("10 MB paste", REPORTS, 10 * MB, 413, "larger"),
    ("100 MB paste", REPORTS, 100 * MB, 413, "larger"),
    ("100 MB sign-in", "/signin", 100 * MB, 413, "larger"),
    ("story without a title", "/stories", {"title": "  "}, 422, "Give the story a title"),
    ("review: version not a number", "/pairs/{pair_id}", {"version": "x", "label": "agree"},
     422, "The review was not saved"),
    ("review: unknown label", "/pairs/{pair_id}", {"version": "1", "label": "maybe"}, 422,
     "Invalid value"),
]


@pytest.mark.parametrize(("path", "sent", "status", "says"),
                         [pytest.param(*c[1:], id=c[0]) for c in WEB_CASES])
def test_bad_web_form_input_is_refused_and_changes_nothing(
        world: World, path: str, sent: dict[str, Any] | int, status: int, says: str) -> None:
    client = world.client("editor")
    token = csrf_token(client)
    before = dump(world.app)
    url = path.format(**world.ids())
    stream: Body | None = None
    if isinstance(sent, int):
        head = f"csrf_token={token}&outlet=X&text=".encode()
        stream = Body(sent, head)
        got = client.post(url, input_stream=stream,
                          content_type="application/x-www-form-urlencoded")
    else:
        body, content_type = multipart({"csrf_token": token, **sent})
        got = client.post(url, data=body, content_type=content_type)
    assert got.status_code == status, got.text[:500]
    assert got.mimetype == "text/html"
    assert says in got.text, re.sub(r"\s+", " ", got.text)[-1500:]
    if stream is not None:
        assert stream.read_so_far == 0  # refused on its declared size, before reading
    assert dump(world.app) == before
    still_up(world)


def test_a_utf16_file_with_a_byte_order_mark_is_read(world: World) -> None:
    client = world.client("editor")
    text = "Zürich — the treaty took five years. More than 150 countries signed it."
    got = client.post(f"/stories/{world.story_id}/reports", data={
        "csrf_token": csrf_token(client), "outlet": "Unicode Times",
        "file": (io.BytesIO(text.encode("utf-16")), "report.txt")},
        content_type="multipart/form-data")
    assert got.status_code == 302, got.text[-800:]
    with session_scope(world.app) as session:
        report = session.scalars(select(Report).where(Report.outlet == "Unicode Times")).one()
        assert report.cleaned_text == text
        report_id = report.id
    _delete_report(world, report_id)


def test_an_html_file_declaring_its_charset_is_read_in_it(world: World) -> None:
    client = world.client("editor")
    html = ('<html><head><meta charset="windows-1252"></head><body><article><p>In Zürich '
            "the treaty took five years to finalize.</p></article></body></html>")
    got = client.post(f"/stories/{world.story_id}/reports", data={
        "csrf_token": csrf_token(client), "outlet": "Old Page",
        "file": (io.BytesIO(html.encode("cp1252")), "page.html")},
        content_type="multipart/form-data")
    assert got.status_code == 302, got.text[-800:]
    with session_scope(world.app) as session:
        report = session.scalars(select(Report).where(Report.outlet == "Old Page")).one()
        assert "In Zürich the treaty took five years" in report.cleaned_text
        report_id = report.id
    _delete_report(world, report_id)


@pytest.mark.parametrize("entry", ["api", "web"])
def test_a_text_of_a_hundred_thousand_numbers_is_stored_with_valid_spans(
        world: World, entry: str) -> None:
    client = world.client("editor")
    if entry == "api":
        got = client.post(f"{API}/stories/{world.story_id}/reports", json={
            "outlet": "Counter", "text": NUMBERS}, headers=world.bearer("editor"))
        assert got.status_code == 201, got.get_json()
    else:
        got = client.post(f"/stories/{world.story_id}/reports", data={
            "csrf_token": csrf_token(client), "outlet": "Counter", "text": NUMBERS})
        assert got.status_code == 302, got.text[-800:]
    with session_scope(world.app) as session:
        report = session.scalars(select(Report).where(Report.outlet == "Counter")).one()
        assert report.cleaned_text == NUMBERS
        for claim in report.claims:
            assert report.cleaned_text[claim.start:claim.end] == claim.text
        report_id = report.id
    _delete_report(world, report_id)


# ---------------------------------------------------------------- the command line

FILE_CASES: list[tuple[str, bytes, str]] = [
    # (case, file content, what the error must say)
    ("empty", b"", "has no report text"),
    ("white space only", b" \n\t \n", "has no report text"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 50, "not UTF-8"),
    ("invalid UTF-8", b"The treaty \xff took five years.", "not UTF-8 text (byte 11)"),
    ("Latin-1", "Zürich: the treaty took five years.".encode("latin-1"),
     "not UTF-8 text (byte 1)"),
    ("control characters", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 200, "not binary data"),
    ("NUL", b"The vote\x00 was held.", "NUL"),
    ("10 MB", b"The treaty took five years. " * (10 * MB // 28), "at most 1,000,000"),
    ("date in the future", f"---\npublished: {FUTURE}\n---\n{TEXT}".encode(), "in the future"),
    ("impossible date", f"---\npublished: 2024-02-30\n---\n{TEXT}".encode(),
     "not an ISO date"),
]


@pytest.mark.parametrize(("content", "says"),
                         [pytest.param(*c[1:], id=c[0]) for c in FILE_CASES])
def test_compare_names_a_bad_file_and_exits_2(tmp_path: Path, content: bytes,
                                              says: str) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(content)
    got = CliRunner().invoke(main, ["compare", str(good), str(bad)])
    assert got.exit_code == 2, got.output
    assert f"{bad}: " in got.output and says in got.output
    assert got.exception is None or isinstance(got.exception, SystemExit)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_compare_reads_files_that_carry_a_byte_order_mark(tmp_path: Path,
                                                          encoding: str) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Zürich: the treaty took five years to finalize.", encoding="utf-8")
    text = "Zürich: the treaty took seven years to finalize."
    b.write_bytes(text.encode(encoding) if encoding != "utf-16-be"
                  else b"\xfe\xff" + text.encode("utf-16-be"))
    got = CliRunner().invoke(main, ["compare", str(a), str(b)])
    assert got.exit_code == 0, got.output
    assert "“Zürich: the treaty took seven years to finalize.”" in got.output


def test_compare_of_a_hundred_thousand_numbers_finishes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(NUMBERS, encoding="utf-8")
    got = CliRunner().invoke(main, ["compare", str(a), str(b)])
    assert got.exit_code == 0, got.output
    assert "b (undated):" in got.output


@pytest.mark.parametrize(("content", "says"),
                         [pytest.param(*c[1:], id=c[0]) for c in FILE_CASES
                          if c[0] not in ("empty", "white space only")]
                         + [pytest.param(b"", "The report is empty", id="empty"),
                            pytest.param(b"  \n", "The report is empty", id="white space")])
def test_ingest_names_a_bad_file_exits_1_and_stores_nothing(
        world: World, tmp_path: Path, content: bytes, says: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(content)
    before = dump(world.app)
    got = world.app.test_cli_runner().invoke(args=["ingest", str(folder), "--story", "New"])
    assert got.exit_code == 1, got.output
    failed = [line for line in got.output.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and "bad.txt" in failed[0] and says in failed[0], got.output
    assert "0 reports added, 0 already stored, 1 failed, in 0 stories" in got.output
    assert dump(world.app) == before


JSONL_CASES: list[tuple[str, bytes, str]] = [
    ("not JSON", b"{not json\n", "not valid JSON"),
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
    ("no articles list", b'{"cluster_id": "c", "articles": "none"}\n', "no 'articles' list"),
    ("an article that is not an object", b'{"articles": [7]}\n', "not an object"),
    ("text of the wrong type", b'{"articles": [{"text": ["a"]}]}\n', "no text"),
    ("a date that is not one", b'{"articles": [{"text": "The vote was held.", '
                               b'"date": "the 45th of Smarch"}]}\n', "not a date"),
    ("binary text", json.dumps({"articles": [{"text": "\x01\x02\x03\x04" * 300}]}).encode()
     + b"\n", "not binary data"),
]


@pytest.mark.parametrize(("content", "says"),
                         [pytest.param(*c[1:], id=c[0]) for c in JSONL_CASES])
def test_ingest_jsonl_names_a_bad_line_exits_1_and_stores_nothing(
        world: World, tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "clusters.jsonl"
    path.write_bytes(content)
    before = dump(world.app)
    got = world.app.test_cli_runner().invoke(args=["ingest", str(path)])
    assert got.exit_code == 1, got.output
    assert "failed: " in got.output and says in got.output, got.output
    assert "Traceback" not in got.output
    assert dump(world.app) == before


@pytest.mark.parametrize(("args", "content", "says"), [
    (["ingest"], b"\xff\xfe{not text", "not UTF-8"),
    (["restore"], b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (["restore"], b"\x89PNG\r\n\x1a\n\x00\x00\xff", "not a JSON story dump"),
    (["restore"], b'{"format": "something else"}', "dump"),
])
def test_database_commands_refuse_unreadable_files_and_store_nothing(
        world: World, tmp_path: Path, args: list[str], content: bytes, says: str) -> None:
    path = tmp_path / "input.jsonl"
    path.write_bytes(content)
    before = dump(world.app)
    got = world.app.test_cli_runner().invoke(args=[*args, str(path)])
    assert got.exit_code not in (0, None), got.output
    assert says in got.output and "Traceback" not in got.output, got.output
    assert dump(world.app) == before


@pytest.mark.parametrize(("rows", "says"), [
    (b'{"a": "x"}\n', "string fields 'a' and 'b'"),
    (b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
    (b"{nope\n", "not valid JSON"),
    (b"\xff\xfe\n", "not UTF-8"),
])
def test_eval_names_a_bad_pair_file(tmp_path: Path, rows: bytes, says: str) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(rows)
    got = CliRunner().invoke(main, ["eval", str(path)])
    assert got.exit_code == 1, got.output
    assert str(path) in got.output and says in got.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_ingest_reads_a_report_file_that_carries_a_byte_order_mark(
        world: World, tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wire.txt").write_bytes(
        ("---\noutlet: Wire\n---\nZürich: " + TEXT).encode(encoding))
    got = world.app.test_cli_runner().invoke(args=["ingest", str(folder), "--story", "BOM"])
    assert got.exit_code == 0, got.output
    with session_scope(world.app) as session:
        stored = session.scalars(select(Report).where(Report.outlet == "Wire")).all()
        assert [r.cleaned_text.startswith("Zürich: The treaty") for r in stored] == [True]
