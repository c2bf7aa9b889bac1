"""``lineage fetch`` against a real HTTP server on 127.0.0.1 started by the tests.

The server plays ODS: ``/api/symbol/access?s=SYMBOL&l=LANG&t=pdf``. Which symbol is asked for
picks the behaviour (a PDF fixture, 404, an HTML page with 200, a truncated body, a server too
slow for the timeout, a transient 503, a body over the size limit). After every failure the
corpus folder must be byte for byte as it was.
"""
from __future__ import annotations

import gzip
import hashlib
import http.server
import io
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from lineage.corpus.download import DownloadPolicy, download
from lineage.corpus.fetch import access_url, check_pdf, fetch_document
from lineage.corpus.manifest import load_entry_document, load_manifest
from lineage.errors import FetchError

PDFS = Path(__file__).parent / "pdfs"
GOOD_PDF = PDFS / "wsis-tunis-doc6-zh.pdf"
UNREADABLE_PDF = PDFS / "err-image-only.pdf"
SLOW_SECONDS = 2.0
FAST = DownloadPolicy(timeout=0.5, retries=0, backoff=0.0)


class OdsHandler(http.server.BaseHTTPRequestHandler):
    """Answers by symbol; counts requests per symbol on the server object."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        symbol = query.get("s", [""])[0]
        server = self.server
        server.requests.append((url.path, symbol, query.get("l", [""])[0]))  # type: ignore[attr-defined]
        count = sum(1 for r in server.requests if r[1] == symbol)  # type: ignore[attr-defined]
        pdf = GOOD_PDF.read_bytes()
        if url.path != "/api/symbol/access":
            self._send(404, b"no such endpoint", "text/plain")
        elif symbol == "WSIS-05/TUNIS/DOC/6(Rev.1)":
            self._send(200, pdf, "application/pdf")
        elif symbol == "A/RES/404/1":
            self._send(404, b"<html><title>Not Found</title></html>", "text/html")
        elif symbol == "A/RES/200/1":
            page = b"<!DOCTYPE html><html><head><title>Document not found | ODS</title></head><body>Sorry</body></html>"
            self._send(200, page, "text/html")
        elif symbol == "A/RES/333/1":  # Content-Length larger than what is sent
            self._send(200, pdf[:1000], "application/pdf", length=len(pdf))
        elif symbol == "A/RES/999/1":  # too slow for the client's timeout
            time.sleep(SLOW_SECONDS)
            self._send(200, pdf, "application/pdf")
        elif symbol == "A/RES/503/1":  # fails once, then works
            if count == 1:
                self._send(503, b"busy", "text/plain")
            else:
                self._send(200, pdf, "application/pdf")
        elif symbol == "A/RES/666/1":  # a PDF header, but nothing an extractor can read
            self._send(200, UNREADABLE_PDF.read_bytes(), "application/pdf")
        elif symbol in ("A/RES/777/1", "A/RES/778/1"):  # gzip although the client asked for identity
            body = gzip.compress(pdf if symbol == "A/RES/777/1" else b"\0" * 5_000_000)
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif symbol == "A/RES/301/1":  # moved: the PDF is under another symbol
            self.send_response(302)
            self.send_header("Location", "/api/symbol/access?s=WSIS-05/TUNIS/DOC/6(Rev.1)&l=zh&t=pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"unknown", "text/plain")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the slow handler may still sleep when a test ends

    def handle_error(self, request, client_address) -> None:
        # The client gave up on the slow handler and closed the socket: expected here.
        pass


@pytest.fixture
def ods():
    server = QuietServer(("127.0.0.1", 0), OdsHandler)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/api/symbol/access"
    finally:
        server.shutdown()
        server.server_close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus with one metadata-only entry, as the bundled manifest lists the Tunis Agenda."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.toml").write_text(
        'schema = "lineage.corpus-manifest/1"\n\n[[document]]\nsymbol = "WSIS-05/TUNIS/DOC/6(Rev.1)"\n'
        'date = "2005-11-18"\nkind = "summit-outcome"\ntitle = "Tunis Agenda for the Information Society"\n'
        'builds_on = ["WSIS-03/GENEVA/DOC/4"]\n',
        encoding="utf-8",
    )
    return folder


def test_access_url_keeps_the_symbol_readable() -> None:
    assert access_url("A/RES/80/173", "zh", "https://documents.un.org/api/symbol/access") == (
        "https://documents.un.org/api/symbol/access?s=A/RES/80/173&l=zh&t=pdf"
    )
    assert access_url("WSIS-05/TUNIS/DOC/6(Rev.1)", "en", "http://h/x?k=1").startswith("http://h/x?k=1&s=WSIS-05")


def test_fetch_stores_pdf_text_and_manifest(ods, corpus: Path, run_cli) -> None:
    server, base = ods
    code, out, err = run_cli("fetch", "wsis-05/tunis/doc/6 (rev.1)", "--lang", "zh", "--corpus", str(corpus),
                             "--base-url", base)
    assert code == 0, err
    assert server.requests == [("/api/symbol/access", "WSIS-05/TUNIS/DOC/6(Rev.1)", "zh")]
    entry = load_manifest(corpus).find("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh")
    assert entry is not None and entry.origin == "official-pdf"
    # the metadata-only entry was completed, keeping what the manifest said
    assert entry.date == "2005-11-18" and entry.builds_on == ("WSIS-03/GENEVA/DOC/4",)
    pdf = corpus / entry.source
    assert pdf.read_bytes() == GOOD_PDF.read_bytes()
    assert entry.source_sha256 == hashlib.sha256(GOOD_PDF.read_bytes()).hexdigest()
    assert entry.source_sha256 in out
    doc = load_entry_document(corpus, entry)
    assert doc.symbol == "WSIS-05/TUNIS/DOC/6(Rev.1)" and doc.language == "zh"
    assert len(doc.paragraphs) == 8 and any("弥合数字鸿沟" in p.text for p in doc.all_paragraphs())
    # fetching again replaces the entry in place (same files, one entry)
    code, _, err = run_cli("fetch", "WSIS-05/TUNIS/DOC/6(Rev.1)", "--lang", "zh", "--corpus", str(corpus),
                           "--base-url", base)
    assert code == 0, err
    assert len(load_manifest(corpus).by_symbol("WSIS-05/TUNIS/DOC/6(Rev.1)")) == 1


def test_base_url_from_environment(ods, corpus: Path, run_cli, monkeypatch) -> None:
    server, base = ods
    monkeypatch.setenv("LINEAGE_ODS_URL", base)
    code, _, err = run_cli("fetch", "WSIS-05/TUNIS/DOC/6(Rev.1)", "--lang", "zh", "--corpus", str(corpus))
    assert code == 0, err
    assert len(server.requests) == 1


def test_dry_run_touches_nothing(ods, corpus: Path, run_cli) -> None:
    server, base = ods
    before = snapshot(corpus)
    code, out, _ = run_cli("fetch", "A/RES/80/173", "--lang", "zh", "--corpus", str(corpus), "--base-url", base,
                           "--dry-run")
    assert code == 0
    assert f"{base}?s=A/RES/80/173&l=zh&t=pdf" in out
    assert "texts/A-RES-80-173.zh.txt" in out
    assert server.requests == []
    assert snapshot(corpus) == before


@pytest.mark.parametrize(
    "symbol, message, attempts",
    [
        ("A/RES/404/1", "HTTP 404", 1),  # not transient: no retry
        ("A/RES/200/1", "HTML page (Document not found | ODS), not a PDF", 1),
        ("A/RES/333/1", "truncated body", 2),  # transient: retried once, then given up
        ("A/RES/999/1", "timed out", 2),
        ("A/RES/666/1", "cannot extract it", 1),
    ],
)
def test_failures_leave_the_corpus_untouched(ods, corpus: Path, run_cli, symbol: str, message: str,
                                             attempts: int) -> None:
    server, base = ods
    before = snapshot(corpus)
    code, out, err = run_cli("fetch", symbol, "--lang", "zh", "--corpus", str(corpus), "--base-url", base,
                             "--timeout", "0.5", "--retries", "1")
    assert code == 2
    assert out == ""
    assert err.startswith("lineage: http://127.0.0.1:") and message in err
    assert "Traceback" not in err
    assert len(server.requests) == attempts
    assert snapshot(corpus) == before  # nothing written, nothing half-written, no temp files


def test_failure_into_a_new_corpus_folder_creates_nothing(ods, tmp_path: Path, run_cli) -> None:
    _, base = ods
    target = tmp_path / "new-corpus"
    code, _, err = run_cli("fetch", "A/RES/200/1", "--lang", "zh", "--corpus", str(target), "--base-url", base)
    assert code == 2 and "not a PDF" in err
    assert not target.exists()


def test_transient_failure_is_retried(ods) -> None:
    server, base = ods
    waits: list[float] = []
    got = download(access_url("A/RES/503/1", "zh", base), DownloadPolicy(timeout=5, retries=3, backoff=0.25),
                   sleep=waits.append)
    assert got.attempts == 2 and got.data.startswith(b"%PDF-")
    assert waits == [0.25]


def test_backoff_doubles_and_gives_up(ods) -> None:
    server, base = ods
    waits: list[float] = []
    with pytest.raises(FetchError, match="gave up after 3 attempts"):
        download(access_url("A/RES/333/1", "zh", base), DownloadPolicy(timeout=5, retries=2, backoff=0.5),
                 sleep=waits.append)
    assert waits == [0.5, 1.0]


def test_size_limit(ods) -> None:
    _, base = ods
    with pytest.raises(FetchError, match="more than the limit"):
        download(access_url("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh", base), DownloadPolicy(max_bytes=1000, retries=0))


def test_progress_bar_for_large_bodies(ods) -> None:
    _, base = ods
    stream = io.StringIO()
    download(access_url("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh", base), DownloadPolicy(progress_threshold=1000),
             progress=stream)
    assert "100%" in stream.getvalue()
    quiet = io.StringIO()
    download(access_url("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh", base), DownloadPolicy(), progress=quiet)
    assert quiet.getvalue() == ""  # below the threshold: no bar


def test_check_pdf_names_what_it_got() -> None:
    check_pdf(b"%PDF-1.7\n...", "u")
    with pytest.raises(FetchError, match="empty body"):
        check_pdf(b"", "u")
    with pytest.raises(FetchError, match=r"HTML page \(Oops\)"):
        check_pdf(b"<html><head><title>Oops</title></head></html>", "u")
    with pytest.raises(FetchError, match="not a PDF"):
        check_pdf(b"PK\x03\x04zipfile", "u")


def test_bad_arguments(run_cli, corpus: Path) -> None:
    code, _, err = run_cli("fetch", "A//1", "--lang", "zh", "--corpus", str(corpus), "--dry-run")
    assert code == 2 and "invalid document symbol" in err
    code, _, err = run_cli("fetch", "A/RES/1/1", "--lang", "zh", "--corpus", str(corpus), "--dry-run",
                           "--base-url", "ftp://example.org/")
    assert code == 2 and "http(s) URL" in err


def test_fetch_document_reports_retries_and_masthead_mismatch(ods, corpus: Path) -> None:
    _, base = ods
    # The server answers A/RES/503/1 with a 503, then with the Tunis Agenda PDF.
    result = fetch_document("A/RES/503/1", "zh", corpus, base=base,
                            policy=DownloadPolicy(timeout=5, retries=2, backoff=0.0))
    assert result.attempts == 2 and result.paragraphs == 8
    assert result.warnings == ["the PDF's masthead says WSIS-05/TUNIS/DOC/6(Rev.1); stored as A/RES/503/1, as requested"]
    entry = load_manifest(corpus).find("A/RES/503/1", "zh")
    assert entry is not None and entry.kind == "resolution" and entry.source == result.plan.pdf_path


def test_gzip_body_is_decoded(ods) -> None:
    _, base = ods
    got = download(access_url("A/RES/777/1", "zh", base), FAST)
    assert got.data == GOOD_PDF.read_bytes()


def test_gzip_body_is_limited_after_decoding(ods) -> None:
    _, base = ods
    with pytest.raises(FetchError, match="decompressed body exceeds the limit of 1000000 bytes"):
        download(access_url("A/RES/778/1", "zh", base), DownloadPolicy(timeout=5, retries=0, max_bytes=1_000_000))


def test_redirect_is_followed(ods) -> None:
    _, base = ods
    got = download(access_url("A/RES/301/1", "zh", base), FAST)
    assert got.data == GOOD_PDF.read_bytes() and "s=WSIS-05" in got.final_url


@pytest.mark.parametrize("timeout", ["0", "inf", "1e400", "nan", "-1"])
def test_timeout_must_be_usable(run_cli, corpus: Path, timeout: str) -> None:
    # "inf" and "1e400" used to end in an OverflowError traceback from the socket module
    code, _, err = run_cli("fetch", "A/RES/80/173", "--lang", "zh", "--corpus", str(corpus),
                           "--base-url", "http://127.0.0.1:9/x", "--retries", "0", "--timeout", timeout)
    assert code == 2 and "argument --timeout" in err and "Traceback" not in err
