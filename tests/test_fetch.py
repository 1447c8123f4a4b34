"""Fetching a report from a URL: the happy paths against a local server, and every refusal."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.errors import FetchError
from factcheck.services import fetch
from factcheck.services.fetch import address_allowed, fetch_report

ARTICLE = "<html><head><title>Vote</title></head><body><p>The treaty was adopted.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    """Routes of a small news site with awkward corners."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        """Answer one of the routes below."""
        port = self.server.server_address[1]
        routes = {
            "/article": lambda: self._send(200, "text/html; charset=utf-8",
                                           ARTICLE.encode("utf-8")),
            "/latin1": lambda: self._send(200, "text/plain; charset=iso-8859-1",
                                          "Café de Flore, 5 ans".encode("latin-1")),
            "/meta": lambda: self._send(
                200, "text/html",
                '<html><head><meta charset="windows-1252"></head><body>€5 million</body>'
                '</html>'.encode("cp1252")),
            "/redirect": lambda: self._send(302, "text/plain", b"", Location="/article"),
            "/loop": lambda: self._send(302, "text/plain", b"", Location="/loop"),
            "/to-private": lambda: self._send(302, "text/plain", b"",
                                              Location="http://10.1.2.3/admin"),
            "/to-metadata": lambda: self._send(
                301, "text/plain", b"", Location="http://169.254.169.254/latest/meta-data/"),
            "/to-loopback": lambda: self._send(
                302, "text/plain", b"", Location=f"http://127.0.0.2:{port}/article"),
            "/pdf": lambda: self._send(200, "application/pdf", b"%PDF-1.4"),
            "/missing": lambda: self._send(404, "text/html", b"<p>gone</p>"),
        }
        if self.path in routes:
            routes[self.path]()
        elif self.path == "/big":
            # No Content-Length: the cap must hold while streaming, not trust a header.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
            except OSError:
                pass  # the client stopped reading at its cap and hung up, as it should
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"drip ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client hung up, as it should
        else:
            self._send(404, "text/plain", b"no such page")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """Serve ``Handler`` on a free loopback port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat only the test server's address as public, so later hops meet the real rules."""
    real = fetch.address_allowed
    monkeypatch.setattr(fetch, "address_allowed",
                        lambda ip: ip == ipaddress.ip_address("127.0.0.1") or real(ip))


def test_html_page_is_fetched_and_marked_html(site: str) -> None:
    page = fetch_report(site + "/article", allow_private=True)
    assert page.html is True
    assert "The treaty was adopted." in page.text
    assert page.final_url == site + "/article"


def test_declared_charset_decodes_plain_text(site: str) -> None:
    page = fetch_report(site + "/latin1", allow_private=True)
    assert page.html is False
    assert page.text == "Café de Flore, 5 ans"


def test_meta_charset_is_sniffed_when_the_header_has_none(site: str) -> None:
    page = fetch_report(site + "/meta", allow_private=True)
    assert "€5 million" in page.text


def test_redirects_are_followed_and_the_final_url_reported(site: str) -> None:
    page = fetch_report(site + "/redirect", allow_private=True)
    assert page.final_url == site + "/article"
    assert "adopted" in page.text


def test_redirect_loop_stops_at_max_redirects(site: str) -> None:
    with pytest.raises(FetchError, match="redirects more than 3 times"):
        fetch_report(site + "/loop", allow_private=True, max_redirects=3)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://10.0.0.1/",
    "http://192.168.1.1/", "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0/",
    "http://100.64.0.1/", "http://224.0.0.1/", "http://[::ffff:127.0.0.1]/",
    "http://[fd00:ec2::254]/",
])
def test_private_loopback_and_metadata_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_report(url, allow_private=False, timeout=2)
    assert info.value.errors["url"]


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd",
                                 "gopher://example.com/", "javascript:alert(1)",
                                 "http://user:pw@example.com/", "http:///nohost"])
def test_only_plain_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError):
        fetch_report(url, allow_private=True, timeout=2)


def test_a_host_with_one_private_address_among_public_ones_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "resolve", lambda host, port: [
        ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.7")])
    with pytest.raises(FetchError, match=r"10\.0\.0\.7"):
        fetch_report("http://news.example/", allow_private=False)


@pytest.mark.usefixtures("loopback_is_public")
@pytest.mark.parametrize("route", ["/to-private", "/to-metadata", "/to-loopback"])
def test_redirect_to_a_private_address_is_refused(site: str, route: str) -> None:
    # The first hop is allowed (the fixture), so the refusal comes from checking the redirect.
    with pytest.raises(FetchError, match=r"private or reserved|metadata"):
        fetch_report(site + route, allow_private=False)


@pytest.mark.usefixtures("loopback_is_public")
def test_first_hop_passes_the_address_check_when_public(site: str) -> None:
    assert "adopted" in fetch_report(site + "/article", allow_private=False).text


def test_oversize_body_is_cut_off_while_streaming(site: str) -> None:
    with pytest.raises(FetchError, match="larger than 65536 bytes"):
        fetch_report(site + "/big", allow_private=True, max_bytes=65536)


def test_the_same_body_under_the_cap_is_accepted(site: str) -> None:
    assert len(fetch_report(site + "/big", allow_private=True, max_bytes=10**6).text) > 65536


def test_slow_response_is_cut_off_at_the_deadline(site: str) -> None:
    with pytest.raises(FetchError, match=r"took longer than 0\.5 seconds"):
        fetch_report(site + "/slow", allow_private=True, timeout=0.5)


def test_other_content_types_are_refused(site: str) -> None:
    with pytest.raises(FetchError, match="application/pdf"):
        fetch_report(site + "/pdf", allow_private=True)


def test_error_status_is_refused_with_the_status(site: str) -> None:
    with pytest.raises(FetchError, match="404"):
        fetch_report(site + "/missing", allow_private=True)


@pytest.mark.parametrize(("address", "allowed"), [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False), ("10.2.3.4", False), ("169.254.169.254", False),
    ("100.100.100.200", False), ("::1", False), ("fe80::1", False), ("ff02::1", False),
    ("::ffff:10.0.0.1", False), ("240.0.0.1", False),
])
def test_address_policy(address: str, allowed: bool) -> None:
    assert address_allowed(ipaddress.ip_address(address)) is allowed


def test_the_next_checked_address_is_tried_when_one_does_not_answer(
        site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test server listens on 127.0.0.1 only, so ::1 refuses the connection.
    monkeypatch.setattr(fetch, "resolve", lambda host, port: [
        ipaddress.ip_address("::1"), ipaddress.ip_address("127.0.0.1")])
    port = site.rsplit(":", 1)[1]
    page = fetch_report(f"http://news.example:{port}/article", allow_private=True)
    assert "adopted" in page.text
