"""The PDF redline: the HTML redline printed by headless Chromium with its print stylesheet.

Why Chromium and not a Python HTML-to-PDF library: the HTML redline is written for browsers
(its print stylesheet is tested in Chromium, tests/test_browser.py); Chromium lays out
Chinese with the system's CJK fonts (fonts-noto-cjk, installed by scripts/install-browser.sh)
and embeds the subsets it uses; the pure-Python options (xhtml2pdf, fpdf2's HTML) support
neither the CSS nor CJK line breaking, and WeasyPrint needs Pango and is a large
dependency for one output format.

How: Chromium runs headless with ``--remote-debugging-pipe`` and is driven over that pipe with
the DevTools protocol (newline-free JSON messages ended by NUL, on file descriptors 3 and 4:
no network port, no websocket library). ``Page.printToPDF`` with ``displayHeaderFooter``
puts a running header naming both versions and a footer "page N of M" on every page, which
the CSS ``@page`` margin boxes would do but Chromium does not implement. Chromium is found
as ``chromium``/``chromium-browser``/``google-chrome`` (or ``$LINEAGE_CHROMIUM``); without it the
error says how to install it. A timeout bounds the whole print.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

from lineage.errors import OutputError
from lineage.report.html import render_html
from lineage.report.model import Report

__all__ = ["PRINT_TIMEOUT", "find_chromium", "render_pdf", "print_html_to_pdf"]

PRINT_TIMEOUT = 120.0
"""Seconds Chromium gets to start, load the redline and print it."""

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-extensions", "--remote-debugging-pipe")
_INSTALL = ("install Chromium (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk, or "
            "`bash scripts/install-browser.sh`) or set LINEAGE_CHROMIUM to its path")


def find_chromium() -> str | None:
    """The Chromium (or Chrome) program: ``$LINEAGE_CHROMIUM``, else the first on PATH."""
    env = os.environ.get("LINEAGE_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if (found := shutil.which(name)):
            return found
    return None


def _templates(report: Report) -> tuple[str, str]:
    style = ("font-size:8pt;width:100%;margin:0 16mm;color:#5f6368;"
             "font-family:'Noto Serif CJK SC','Noto Serif',serif;")
    header = (f'<div style="{style}display:flex;justify-content:space-between">'
              f"<span>lineage redline</span><span>{escape(report.old.label)} → {escape(report.new.label)}</span></div>")
    footer = (f'<div style="{style}text-align:center">'
              'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')
    return header, footer


class _Pipe:
    """The DevTools protocol over Chromium's debugging pipe."""

    def __init__(self, write_fd: int, read_fd: int, deadline: float) -> None:
        self.w, self.r = write_fd, read_fd
        self.deadline = deadline
        self.next_id = 0
        self.buffer = b""

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode("utf-8") + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise OutputError(f"Chromium refused {method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def wait_for(self, method: str) -> dict[str, Any]:
        while True:
            msg = self.receive()
            if msg.get("method") == method:
                return msg

    def receive(self) -> dict[str, Any]:
        import select

        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise OutputError(f"Chromium did not print the redline within {PRINT_TIMEOUT:.0f} s")
            ready, _, _ = select.select([self.r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise OutputError("Chromium stopped before printing the redline")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)


def print_html_to_pdf(html_path: Path, header: str, footer: str, *, chromium: str | None = None) -> bytes:
    """Print the page at ``html_path`` with Chromium (print media, backgrounds, A4) and
    return the PDF's bytes. ``header``/``footer`` are Chromium's header/footer templates."""
    program = chromium or find_chromium()
    if program is None:
        raise OutputError(f"a PDF redline needs Chromium: {_INSTALL}")
    deadline = time.monotonic() + PRINT_TIMEOUT
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()
    with tempfile.TemporaryDirectory(prefix="lineage-chromium-") as profile:
        def child_fds() -> None:
            # The debugging pipe is fds 3 (commands in) and 4 (replies out) of the child.
            # dup2 makes them inheritable; the parent's other descriptors are not (PEP 446),
            # which is why close_fds can be off (it would close 3 and 4 after this hook).
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        try:
            proc = subprocess.Popen(
                [program, *CHROMIUM_ARGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                close_fds=False, preexec_fn=child_fds)  # noqa: PLW1509
        except OSError as exc:
            raise OutputError(f"cannot start Chromium ({program}): {exc.strerror or exc}; {_INSTALL}") from exc
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        pipe = _Pipe(to_chrome_w, from_chrome_r, deadline)
        try:
            target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            pipe.send("Page.enable", session=session)
            pipe.send("Page.navigate", {"url": html_path.resolve().as_uri()}, session=session)
            pipe.wait_for("Page.loadEventFired")
            result = pipe.send("Page.printToPDF", {
                "displayHeaderFooter": True, "headerTemplate": header, "footerTemplate": footer,
                "printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69,
                "marginTop": 0.8, "marginBottom": 0.8, "marginLeft": 0.63, "marginRight": 0.63,
            }, session=session)
            try:
                pipe.send("Browser.close")
            except OutputError:
                pass
        finally:
            os.close(to_chrome_w)
            os.close(from_chrome_r)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return base64.b64decode(result["data"])


def render_pdf(report: Report, *, chromium: str | None = None) -> bytes:
    """The report's HTML redline printed to PDF: a running header with both versions, page
    numbers in the footer, the print stylesheet's inline redline."""
    header, footer = _templates(report)
    with tempfile.TemporaryDirectory(prefix="lineage-pdf-") as tmp:
        page = Path(tmp) / "redline.html"
        page.write_text(render_html(report), encoding="utf-8")
        return print_html_to_pdf(page, header, footer, chromium=chromium)
