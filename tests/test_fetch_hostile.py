"""``lineage fetch`` against a hostile server (issue 15, findings 7 and part of 9): a server
that drips bytes is stopped by ``--timeout`` as a whole; redirects go to http(s) on the same
host only; the base URL is validated; what the server says reaches the terminal escaped; a
killed fetch's temporary folder is removed by the next fetch."""
from __future__ import annotations

import http.server
import os
import signal
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from lineage.corpus.download import DownloadPolicy, download
from lineage.corpus.fetch import base_url
from lineage.errors import FetchError, UsageError
from support.cli import assert_error

GOOD_PDF = Path(__file__).parent / "pdfs" / "wsis-tunis-doc6-zh.pdf"


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        symbol = urllib.parse.parse_qs(url.query).get("s", [""])[0]
        self.server.hits.append(url.path)  # type: ignore[attr-defined]
        if url.path == "/drip":  # headers at once, then one byte every 0.2 s, forever
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                while not self.server.stopping:  # type: ignore[attr-defined]
                    self.wfile.write(b"%")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        if url.path == "/drip-headers":  # the status line, then a header a byte at a time
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                while not self.server.stopping:  # type: ignore[attr-defined]
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            self.close_connection = True
            return
        if url.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", urllib.parse.unquote(url.path[len("/to/"):]))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if url.path == "/evil-reason":
            self.send_response(404, "Not Found\x1b[2J\x1b]0;owned\x07")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if url.path == "/evil-title":
            body = b"<html><head><title>Gone\x1b[2J\x1b[31m red</title></head></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if url.path == "/pdf":
            body = GOOD_PDF.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        pass


@pytest.fixture
def server():
    srv = Server(("127.0.0.1", 0), Hostile)
    srv.hits = []  # type: ignore[attr-defined]
    srv.stopping = False  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv, f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.stopping = True
        srv.shutdown()
        srv.server_close()


ONE_SECOND = DownloadPolicy(timeout=1.0, retries=0, backoff=0.0)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_is_stopped_by_the_timeout(server, path):
    _, root = server
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not finish within 1 s|timed out after 1 s"):
        download(root + path, ONE_SECOND)
    # each read arrives well within the per-read timeout: only a whole-download deadline stops it
    assert time.monotonic() - started < 10


def test_the_cli_timeout_bounds_the_whole_download(server, run_cli, tmp_path):
    _, root = server
    code, out, err = run_cli("fetch", "A/RES/80/1", "--lang", "zh", "--corpus", str(tmp_path / "c"),
                             "--base-url", root + "/drip", "--timeout", "1", "--retries", "0")
    assert code == 2 and "1 s" in err
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("target, reason", [
    ("ftp://127.0.0.1/x.pdf", "only http\\(s\\) redirects"),
    ("file:///etc/passwd", "only http\\(s\\) redirects|is not allowed"),  # urllib refuses it first
    ("http://localhost:{port}/pdf", "another host"),
    ("http://example.invalid/pdf", "another host"),
])
def test_redirects_leave_neither_scheme_nor_host(server, target, reason):
    srv, root = server
    target = target.format(port=srv.server_address[1])
    with pytest.raises(FetchError, match=reason):
        download(f"{root}/to/{urllib.parse.quote(target, safe='')}", ONE_SECOND)
    assert "/pdf" not in srv.hits  # not even on this same machine under another name


def test_a_same_host_redirect_is_followed(server):
    _, root = server
    got = download(f"{root}/to/{urllib.parse.quote('/pdf', safe='')}", ONE_SECOND)
    assert got.data == GOOD_PDF.read_bytes() and got.final_url.endswith("/pdf")


@pytest.mark.parametrize("url, reason", [
    ("http://h/x#frag", "fragment"),
    ("http://h/x?s=A/RES/1/1", "already sets s="),
    ("http://h/x?L=en", "already sets l="),
    ("http://h/x y", "spaces"),
    ("http://h:port/x", "malformed"),
    ("ftp://h/x", "http(s)"),
])
def test_the_base_url_is_validated(url, reason):
    with pytest.raises(UsageError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        base_url(url)


def test_a_fragment_in_base_url_is_one_error(run_cli, tmp_path):
    assert_error(run_cli("fetch", "A/RES/80/1", "--lang", "zh", "--corpus", str(tmp_path),
                         "--base-url", "http://127.0.0.1:9/x#"), None, "fragment")


@pytest.mark.parametrize("path", ["/evil-reason", "/evil-title"])
def test_what_the_server_says_reaches_the_terminal_escaped(server, run_cli, tmp_path, path):
    _, root = server
    code, out, err = run_cli("fetch", "A/RES/80/1", "--lang", "zh", "--corpus", str(tmp_path / "c"),
                             "--base-url", root + path, "--retries", "0")
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err and "\\u001b[2J" in err
    assert err.count("\n") == 1


def test_a_killed_fetch_leaves_a_folder_that_the_next_fetch_removes(server, run_cli, tmp_path, monkeypatch):
    _, root = server
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    corpus = tmp_path / "c"
    pid = os.fork()
    if pid == 0:  # a fetch that dies while its scratch folder exists
        try:
            import lineage.corpus.fetch as fetch

            def die(path, *args, **kwargs):
                os.kill(os.getpid(), signal.SIGKILL)

            fetch.read_document = die
            from lineage.cli.main import main

            main(["fetch", "WSIS-05/TUNIS/DOC/6(Rev.1)", "--lang", "zh", "--corpus", str(corpus),
                  "--base-url", root + "/pdf"])
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    left = list((tmp_path / "tmp").iterdir())
    assert [p.name[:14] for p in left] == ["lineage-fetch-"]
    code, _, err = run_cli("fetch", "WSIS-05/TUNIS/DOC/6(Rev.1)", "--lang", "zh", "--corpus", str(corpus),
                           "--base-url", root + "/pdf")
    assert code == 0, err
    assert list((tmp_path / "tmp").iterdir()) == []
