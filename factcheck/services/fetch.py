"""Fetch a report from a URL, safely: http(s) only, no private addresses, capped in size,
time and redirects, HTML or text only.

Every host name is resolved here and *every* address it resolves to is checked before we
connect; the connection then goes to the checked address (so a second DNS answer cannot
swap in a private one), and redirects are followed by hand so each hop is checked again.
Only the standard library is used: ``http.client`` lets us pin the address and stream the
body, which higher-level clients hide.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import re
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "factcheck/1 (+report fetcher)"
CHUNK = 16 * 1024
# Names that point at cloud metadata services whatever they resolve to.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data",
                            "metadata.azure.com"})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254", "168.63.129.16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: its body as text, whether it is HTML, and the URL it ended at."""

    text: str
    html: bool
    final_url: str


def _refuse(message: str) -> FetchError:
    return FetchError(message, errors={"url": [message]})


def address_allowed(ip: IPAddress) -> bool:
    """Return whether ``ip`` is a public unicast address we may connect to."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return False
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Return every address ``host`` resolves to (a literal address resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise _refuse(f"The host {host!r} could not be resolved.") from exc
    found: list[IPAddress] = []
    for *_rest, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in found:
            found.append(ip)
    if not found:
        raise _refuse(f"The host {host!r} has no address.")
    return found


def _connect_any(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    """Connect to the first of the checked addresses that answers (IPv6 may be unrouted)."""
    last: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            last = exc
    raise last or OSError("no address to connect to")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to addresses checked beforehand, whatever DNS says now."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses

    def connect(self) -> None:
        """Connect to a pinned address."""
        self.sock = _connect_any(self._addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to checked addresses; the certificate is checked for the host."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self._ctx = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._ctx)
        self._addresses = addresses

    def connect(self) -> None:
        """Connect to a pinned address and start TLS for the host name."""
        raw = _connect_any(self._addresses, self.port, self.timeout)
        self.sock = self._ctx.wrap_socket(raw, server_hostname=self.host)


def _check_url(url: str) -> tuple[str, str, int, str]:
    """Return (scheme, host, port, path) of a URL we may fetch, or raise FetchError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refuse("The URL is not valid.") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _refuse("Only http and https URLs are fetched.")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise _refuse("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise _refuse("URLs with a user name or password are not fetched.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _charset(content_type: Message, head: bytes) -> str | None:
    """Return the declared charset (header, byte order mark or <meta>), if it is known."""
    declared = content_type.get_content_charset()
    candidates = [declared] if declared else []
    if head.startswith(codecs.BOM_UTF8):
        candidates.insert(0, "utf-8-sig")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.insert(0, "utf-16")
    meta = _META_CHARSET.search(head[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(body: bytes, content_type: Message) -> str:
    """Decode a body with its declared or sniffed charset (UTF-8, else Windows-1252)."""
    charset = _charset(content_type, body)
    if charset:
        return body.decode(charset, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def fetch_report(url: str, *, timeout: float = 10.0, max_bytes: int = 5 * 1024 * 1024,
                 allow_private: bool = False, max_redirects: int = 5) -> FetchedPage:
    """Fetch ``url`` under the safety rules and return its body."""
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(max_redirects + 1):
        scheme, host, port, path = _check_url(current)
        if not allow_private and host in METADATA_HOSTS:
            raise _refuse(f"The host {host!r} is a cloud metadata service.")
        addresses = resolve(host, port)
        if not allow_private:
            for ip in addresses:
                if not address_allowed(ip):
                    raise _refuse(f"The host {host!r} resolves to a private or reserved "
                                  f"address ({ip}); it is not fetched.")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _refuse(f"The page took longer than {timeout:g} seconds.")
        conn_cls = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        conn = conn_cls(host, port, [str(ip) for ip in addresses], remaining)
        try:
            location = _get(conn, host, port, scheme, path, deadline, timeout, max_bytes)
        finally:
            conn.close()
        if isinstance(location, FetchedPage):
            return FetchedPage(location.text, location.html, current)
        current = urljoin(current, location)
    raise _refuse(f"The URL redirects more than {max_redirects} times.")


def _get(conn: http.client.HTTPConnection, host: str, port: int, scheme: str, path: str,
         deadline: float, timeout: float, max_bytes: int) -> FetchedPage | str:
    """Send one GET; return the page, or the Location of a redirect."""
    default_port = 443 if scheme == "https" else 80
    host_header = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in host_header:
        host_header = f"[{host_header}]"
    if port != default_port:
        host_header += f":{port}"
    response: http.client.HTTPResponse | None = None
    try:
        conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host_header)
        conn.putheader("User-Agent", USER_AGENT)
        conn.putheader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
        conn.putheader("Accept-Encoding", "identity")
        conn.endheaders()
        response = conn.getresponse()
        if response.status in REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise _refuse(f"The server redirected without a Location ({response.status}).")
            return location
        if response.status >= 400:
            raise _refuse(f"The server answered {response.status} {response.reason}.")
        message = Message()
        message["Content-Type"] = response.getheader("Content-Type") or ""
        ctype = message.get_content_type()
        if ctype not in ALLOWED_TYPES:
            raise _refuse(f"The page is {ctype!r}; only HTML and plain text are fetched.")
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise _refuse(f"The page is larger than {max_bytes} bytes.")
        chunks: list[bytes] = []
        size = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _refuse(f"The page took longer than {timeout:g} seconds.")
            if conn.sock is not None:
                # A server that drips bytes slowly never trips a per-read timeout; the
                # deadline covers the whole download.
                conn.sock.settimeout(remaining)
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _refuse(f"The page is larger than {max_bytes} bytes.")
            chunks.append(chunk)
    except TimeoutError as exc:
        raise _refuse(f"The page took longer than {timeout:g} seconds.") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise _refuse(f"The page could not be fetched: {exc}.") from exc
    finally:
        # Close the body's file too: closing the connection alone leaves the socket open
        # while the response still holds it.
        if response is not None:
            response.close()
    body = b"".join(chunks)
    return FetchedPage(decode(body, message), ctype != "text/plain", "")
