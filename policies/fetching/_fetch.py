"""The fetch itself: resolve once, check every address, connect to the checked address, re-check redirects."""
from __future__ import annotations

import posixpath
import socket
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from ._addresses import IPAddress, is_public_address, parse_ip_literal

ALLOWED_CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/octet-stream": "",  # the document sniffer decides
}
REDIRECTS = {301, 302, 303, 307, 308}
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch failed. ``str()`` is a sentence for people; ``transient`` says whether retrying may help."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


class FetchRefused(FetchError):
    """The URL is not one we fetch: wrong scheme, or a non-public address. Nothing was connected to."""


@dataclass(frozen=True)
class FetchPolicy:
    #: Host names (exactly as written in the URL) whose addresses are not checked. Tests only.
    allowed_test_hosts: frozenset[str] = frozenset()
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 45.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 3
    user_agent: str = "PolicyLens policy tracker (+https://policylens.example/bot)"


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    address: str  # the address we connected to
    redirects: tuple[str, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        """A filename hint for the document sniffer, from the path and the content type."""
        name = posixpath.basename(unquote(urlsplit(self.url).path)) or "policy"
        suffix = ALLOWED_CONTENT_TYPES.get(self.content_type, "")
        if suffix and not name.lower().endswith((suffix, ".htm")):
            name = f"{name}{suffix}"
        return name[-200:]


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    request_path: str
    addresses: tuple[IPAddress, ...]


def validate_url(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of a URL we are willing to fetch; FetchRefused otherwise (no DNS lookup)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchRefused("This is not a valid web address.") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchRefused("Only http:// and https:// addresses can be tracked.")
    if not parts.hostname:
        raise FetchRefused("This web address has no host name.")
    if parts.username or parts.password:
        raise FetchRefused("Web addresses with a user name or password cannot be tracked.")
    host = parts.hostname.rstrip(".").lower()
    if "%" in host or any(c.isspace() for c in host):
        raise FetchRefused("This web address has an invalid host name.")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80)


def _resolve(url: str, policy: FetchPolicy, resolver) -> _Target:
    scheme, host, port = validate_url(url)
    parts = urlsplit(url.strip())
    request_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    allowed = host in policy.allowed_test_hosts or f"{host}:{port}" in policy.allowed_test_hosts
    try:
        literal = parse_ip_literal(host)
    except ValueError as exc:
        raise FetchRefused("This web address points to an invalid IP address.") from exc
    if literal is not None:
        addresses: tuple[IPAddress, ...] = (literal.ipv4_mapped or literal,) if literal.version == 6 else (literal,)
    else:
        try:
            host.encode("idna")
            infos = resolver(host, port, type=socket.SOCK_STREAM)
        except UnicodeError as exc:
            raise FetchRefused("This web address has an invalid host name.") from exc
        except socket.gaierror as exc:
            transient = exc.errno in (getattr(socket, "EAI_AGAIN", -3),)
            raise FetchError(f"The host name {host} could not be found.", transient=transient) from exc
        found = []
        for info in infos:
            address = parse_ip_literal(str(info[4][0]))
            if address is not None and address not in found:
                found.append(address)
        if not found:
            raise FetchError(f"The host name {host} could not be found.")
        addresses = tuple(found)
    if not allowed:
        # Every address must be public: a name that also resolves to 127.0.0.1 is refused outright.
        for address in addresses:
            if not is_public_address(address):
                raise FetchRefused(
                    f"{host} points to a private or reserved address ({address}); only public web sites can be fetched."
                )
    return _Target(scheme, host, port, request_path, addresses)


def _host_header(target: _Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def _open(target: _Target, policy: FetchPolicy):
    timeout = urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout)
    headers = {
        "Host": _host_header(target),
        "User-Agent": policy.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/pdf,"
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.8,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    last_error: Exception | None = None
    for address in target.addresses:
        if target.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                str(address), target.port, timeout=timeout, retries=False, maxsize=1, block=False,
                server_hostname=target.host, assert_hostname=target.host, cert_reqs="CERT_REQUIRED",
            )
        else:
            pool = urllib3.HTTPConnectionPool(str(address), target.port, timeout=timeout, retries=False, maxsize=1)
        try:
            response = pool.urlopen(
                "GET", target.request_path, headers=headers, redirect=False, retries=False,
                preload_content=False, decode_content=False, assert_same_host=False,
            )
        except (NewConnectionError, ConnectTimeoutError) as exc:
            last_error = exc
            pool.close()
            continue
        return pool, response, address
    raise _translate(last_error or NewConnectionError(None, "no address"))


def _translate(exc: Exception) -> FetchError:
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError | TimeoutError | socket.timeout):
        return FetchError("The site did not answer in time.", transient=True)
    if isinstance(exc, SSLError):
        return FetchError("The site's security certificate could not be verified.")
    if isinstance(exc, NewConnectionError):
        return FetchError("The site refused the connection or could not be reached.", transient=True)
    if isinstance(exc, ProtocolError):
        return FetchError("The connection to the site broke off.", transient=True)
    return FetchError("The page could not be fetched.", transient=True)


def _read_body(response, policy: FetchPolicy, deadline: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > policy.max_bytes:
        raise FetchError(f"The page is larger than the {policy.max_bytes // (1024 * 1024)} MB limit.")
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        decoder = zlib.decompressobj(47)  # zlib or gzip header, detected
    elif encoding == "identity":
        decoder = None
    else:
        raise FetchError(f"The site sent the page in an encoding we do not read ({encoding}).")
    body = bytearray()
    too_big = FetchError(f"The page is larger than the {policy.max_bytes // (1024 * 1024)} MB limit.")
    for chunk in response.stream(CHUNK, decode_content=False):
        if time.monotonic() > deadline:
            raise FetchError("The site took too long to send the page.", transient=True)
        if decoder is None:
            body += chunk
        else:
            # Decompress in bounded steps, so a small gzip bomb cannot expand past the cap in memory.
            data = chunk
            while data:
                body += decoder.decompress(data, policy.max_bytes + 1 - len(body))
                data = decoder.unconsumed_tail
                if len(body) > policy.max_bytes:
                    raise too_big
        if len(body) > policy.max_bytes:
            raise too_big
    return bytes(body)


def fetch(url: str, policy: FetchPolicy | None = None, *, resolver=socket.getaddrinfo) -> FetchResult:
    """GET a policy page. Raises FetchRefused (nothing was connected to) or FetchError (with ``transient``)."""
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    redirects: list[str] = []
    current = url.strip()
    while True:
        target = _resolve(current, policy, resolver)
        try:
            pool, response, address = _open(target, policy)
        except HTTPError as exc:
            raise _translate(exc) from exc
        try:
            status = response.status
            if status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"The site sent a redirect (HTTP {status}) without saying where to.")
                if len(redirects) >= policy.max_redirects:
                    raise FetchError(
                        f"The page redirected more than {policy.max_redirects} times (a redirect loop?)."
                    )
                current = urljoin(current, location.strip())
                redirects.append(current)
                continue
            if status in TRANSIENT_STATUSES or status >= 500:
                raise FetchError(f"The site returned an error (HTTP {status}).", transient=True)
            if status != 200:
                reason = {404: "not found", 410: "gone", 401: "login required", 403: "access denied"}.get(status)
                raise FetchError(f"The site returned HTTP {status}{f' ({reason})' if reason else ''}.")
            content_type = (response.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
            if content_type and content_type not in ALLOWED_CONTENT_TYPES:
                raise FetchError(
                    f"The address serves {content_type}, not a web page or a document we can read (HTML, PDF, Word)."
                )
            body = _read_body(response, policy, deadline)
        except (ReadTimeoutError, ProtocolError, SSLError, TimeoutError, zlib.error) as exc:
            if isinstance(exc, zlib.error):
                raise FetchError("The site sent a damaged compressed page.") from exc
            raise _translate(exc) from exc
        finally:
            response.release_conn()
            response.close()
            pool.close()
        return FetchResult(
            url=current, status=status, content_type=content_type, body=body, address=str(address),
            redirects=tuple(redirects),
        )
