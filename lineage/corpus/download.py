"""Download one file over HTTP(S) with the standard library: timeouts, a few retries with
backoff for transient failures only, a size limit, a check that a complete body arrived, and
an optional progress bar. Used by :mod:`lineage.corpus.fetch`; nothing here knows about UN documents.

The server is untrusted. ``timeout`` bounds each attempt as a whole (connection, headers and
body), not only each read: a watchdog shuts the socket down at the deadline, so a server
that drips a byte a second is stopped too. Redirects are followed only to HTTP(S) on the
same host (an HTTPS download is never redirected to plain HTTP), at most five times. The
size limit applies to the body as sent and as decoded.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import IO, Callable, TextIO

from lineage import __version__
from lineage.errors import FetchError, TransientError
from lineage.report.escape import escape_terminal

__all__ = ["DownloadPolicy", "Download", "download", "TransientError", "stderr_if_tty"]

USER_AGENT = f"lineage/{__version__} (UN document lineage toolkit)"
_CHUNK = 64 * 1024
# Status codes worth another try: the server said "later", or something between us broke.
_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class DownloadPolicy:
    timeout: float = 30.0  # seconds for one attempt: connection, headers and whole body
    retries: int = 3  # extra attempts after the first, for transient failures only
    backoff: float = 1.0  # first wait in seconds; doubled after each failed attempt
    max_bytes: int = 200 * 1024 * 1024
    progress_threshold: int = 1024 * 1024  # show a bar for bodies larger than this


@dataclass(frozen=True)
class Download:
    url: str
    final_url: str
    status: int
    content_type: str | None
    data: bytes
    attempts: int


def _progress_bar(stream: TextIO, total: int | None) -> Callable[[int], None]:
    def show(done: int) -> None:
        if total:
            width = 30
            filled = int(width * done / total)
            stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done * 100 // total:3d}% {done // 1024} KiB")
        else:
            stream.write(f"\r{done // 1024} KiB")
        stream.flush()

    return show


class _Deadline:
    """Shuts down the sockets of one attempt when its time is up, wherever the client is
    blocked (connecting, reading a header line, reading the body)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to http(s) on the same host, never from https to http."""

    max_redirections = 5

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: http.client.HTTPMessage, newurl: str) -> urllib.request.Request | None:
        old = urllib.parse.urlsplit(req.full_url)
        new = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        where = f"the server redirected to {escape_terminal(new.geturl())[:200]}"
        if new.scheme not in ("http", "https"):
            raise FetchError(f"{where}: only http(s) redirects are followed", req.full_url)
        if (new.hostname or "").lower() != (old.hostname or "").lower():
            raise FetchError(f"{where}: redirects to another host are not followed", req.full_url)
        if old.scheme == "https" and new.scheme == "http":
            raise FetchError(f"{where}: a redirect from https to plain http is not followed", req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener whose connections report their sockets to ``deadline``."""

    class Http(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Https(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            # typeshed omits the _context HTTPSHandler.__init__ sets (the stdlib's own https_open reads it)
            return self.do_open(Https, req, context=self._context)  # type: ignore[attr-defined]

    return urllib.request.build_opener(HttpHandler, HttpsHandler, _RedirectHandler)


def _open(url: str, policy: DownloadPolicy, deadline: _Deadline) -> http.client.HTTPResponse:
    """The response to a GET of ``url``, redirects followed; failures as typed errors."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/pdf,*/*;q=0.5"})
    try:
        return _opener(deadline).open(request, timeout=policy.timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        # urllib's redirect-loop message runs over several lines; the first says it all
        reason = f"HTTP {exc.code} {str(exc.reason).splitlines()[0] if exc.reason else ''}".strip()
        if exc.code in _TRANSIENT_STATUS:
            raise TransientError(reason, url) from None
        raise FetchError(reason, url) from None
    except TimeoutError as exc:
        raise TransientError(f"timed out after {policy.timeout:g} s", url) from exc
    except urllib.error.URLError as exc:
        if deadline.expired:
            raise TransientError(f"timed out after {policy.timeout:g} s", url) from None
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise TransientError(f"timed out after {policy.timeout:g} s", url) from None
        if isinstance(exc.reason, ssl.SSLCertVerificationError):
            raise FetchError(f"TLS certificate rejected: {exc.reason}", url) from None
        if isinstance(exc.reason, OSError):  # refused, reset, DNS failure: may pass
            raise TransientError(f"cannot connect: {exc.reason}", url) from None
        raise FetchError(f"cannot open: {exc.reason}", url) from None
    except (OSError, http.client.HTTPException) as exc:
        if deadline.expired:
            raise TransientError(f"timed out after {policy.timeout:g} s", url) from None
        raise TransientError(f"connection failed: {exc}", url) from exc
    except ValueError as exc:  # malformed URL
        raise FetchError(f"invalid URL: {exc}", url) from None


def _read_body(response: http.client.HTTPResponse, url: str, policy: DownloadPolicy,
               progress_stream: TextIO | None, deadline: _Deadline) -> bytes:
    """The whole body as sent (before any content decoding), within the size limit."""
    header = response.headers.get("Content-Length")
    expected: int | None = int(header) if header and header.isdigit() else None
    if expected is not None and expected > policy.max_bytes:
        raise FetchError(f"file is {expected} bytes, more than the limit of {policy.max_bytes}", url)
    show = None
    if progress_stream is not None and (expected is None or expected > policy.progress_threshold):
        show = _progress_bar(progress_stream, expected)
    chunks: list[bytes] = []
    received = 0
    try:
        while True:
            # read1: what has arrived (read() would wait for a whole chunk from a slow server)
            chunk = response.read1(_CHUNK)
            if deadline.expired:
                raise TransientError(f"the download did not finish within {policy.timeout:g} s "
                                     f"({received} bytes received)", url)
            if not chunk:
                break
            received += len(chunk)
            if received > policy.max_bytes:
                raise FetchError(f"body exceeds the limit of {policy.max_bytes} bytes", url)
            chunks.append(chunk)
            if show:
                show(received)
    except TimeoutError as exc:
        raise TransientError(f"timed out after {policy.timeout:g} s while reading", url) from exc
    except (OSError, http.client.HTTPException) as exc:  # reset, TLS failure, short chunked body
        if deadline.expired:
            raise TransientError(f"the download did not finish within {policy.timeout:g} s "
                                 f"({received} bytes received)", url) from None
        raise TransientError(f"connection broke while reading: {exc}", url) from exc
    finally:
        if show and progress_stream is not None:  # show is set only with a stream
            progress_stream.write("\n")
            progress_stream.flush()
    if deadline.expired:
        raise TransientError(f"the download did not finish within {policy.timeout:g} s "
                             f"({received} bytes received)", url)
    # http.client stops quietly when the server closes early; a short body is an error.
    if expected is not None and received != expected:
        raise TransientError(f"truncated body: received {received} of {expected} bytes", url)
    return b"".join(chunks)


def _decode(data: bytes, encoding: str | None, url: str, policy: DownloadPolicy) -> bytes:
    """``data`` without its ``Content-Encoding``. urllib asks for ``identity`` but does not
    decode what a server compresses anyway; the size limit applies to the decoded body too,
    so a small compressed body cannot expand without bound."""
    encoding = (encoding or "identity").strip().lower()
    if encoding == "identity":
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"the server sent the body with an unsupported encoding {encoding!r}", url)
    # wbits 32 + 15: a gzip or a zlib header, whichever is there ("deflate" means zlib)
    inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, policy.max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"the {encoding} body is corrupt: {exc}", url) from None
    if len(out) > policy.max_bytes:
        raise FetchError(f"decompressed body exceeds the limit of {policy.max_bytes} bytes", url)
    if not inflater.eof:
        raise TransientError(f"truncated {encoding} body", url)
    return out


def _fetch_once(url: str, policy: DownloadPolicy, progress_stream: TextIO | None) -> Download:
    deadline = _Deadline(policy.timeout)
    try:
        with _open(url, policy, deadline) as response:
            data = _read_body(response, url, policy, progress_stream, deadline)
            return Download(
                url=url,
                final_url=response.geturl(),
                status=response.status,
                content_type=response.headers.get_content_type() if response.headers else None,
                data=_decode(data, response.headers.get("Content-Encoding"), url, policy),
                attempts=1,
            )
    finally:
        deadline.cancel()


def download(
    url: str,
    policy: DownloadPolicy = DownloadPolicy(),
    *,
    progress: TextIO | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Download:
    """GET ``url`` into memory. Retries transient failures ``policy.retries`` times, waiting
    ``backoff``, ``2*backoff``, ... between attempts; raises :class:`FetchError` (or its
    :class:`TransientError` subclass when the retries ran out). ``progress``: a stream for the
    progress bar (``None``: no bar; callers pass stderr only when it is a terminal)."""
    wait = policy.backoff
    attempt = 0
    while True:
        attempt += 1
        try:
            result = _fetch_once(url, policy, progress)
        except TransientError as exc:
            if attempt > policy.retries:
                if policy.retries:
                    raise TransientError(f"{exc.reason} (gave up after {attempt} attempts)", url) from None
                raise
            if progress is not None:
                print(f"lineage: {escape_terminal(exc.reason)}; retrying in {wait:g} s", file=progress)
            sleep(wait)
            wait *= 2
            continue
        return Download(result.url, result.final_url, result.status, result.content_type, result.data, attempt)


def stderr_if_tty() -> TextIO | None:
    """stderr when it is a terminal (where a progress bar belongs), else None."""
    return sys.stderr if sys.stderr.isatty() else None
