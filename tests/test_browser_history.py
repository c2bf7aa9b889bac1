"""The history of every version (``lineage diff V1 V2 V3 ... --format html``) in Chromium:
each revision in its version's colour, the path strip with a cell per version, and the
CSS-only switch that hides the paragraphs no revision changed (with JavaScript off too).
Uses the browser of tests/test_browser.py (Debian's Chromium; skipped, saying so, without)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.read import read_document
from lineage.report.versions import build_history, render_history
from lineage.report.versions_html import VERSION_COLOURS
from support.browser import Watched, save_screenshot

HERE = Path(__file__).parent
CHAIN = [HERE / "docx" / "A-C.2-80-L.3.en.pydocx.docx", HERE / "docx" / "L.3-to-L.59.tracked.docx",
         HERE / "docx" / "A-RES-80-155.en.lo.docx", HERE / "docx" / "A-RES-80-155.en.pydocx.docx"]


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, int, int]:
    history = build_history([read_document(p) for p in CHAIN])
    path = tmp_path_factory.mktemp("history") / "history.html"
    path.write_text(render_history(history, "html"), encoding="utf-8")
    touched = sum(1 for p in history.paragraphs if p.ever_changed or p.origin > 0)
    return path, len(history.paragraphs), touched


def _visible(w) -> int:
    return w.page.eval_on_selector_all("section.para", "els => els.filter(e => e.offsetParent !== null).length")


def test_history_shows_each_revision_in_its_colour(browser, page, tmp_path):  # noqa: F811
    path, total, touched = page
    w = Watched(browser, path.as_uri())
    try:
        assert _visible(w) == total
        step = w.page.locator("#p-pp8 .step")
        assert step.count() == 1 and step.locator("ins").first.is_visible()
        assert w.style("#p-pp8 .step", "borderLeftColor") == _rgb(VERSION_COLOURS[1])  # the L.59 revision
        assert w.page.locator("#p-pp8 .strip span").count() == 4                     # one cell per version
        assert "line-through" in w.style("#p-pp9 .step del", "textDecorationLine")
        save_screenshot(w.page, "history.png", tmp_path)
        assert w.requests == [w.url] and w.dialogs == []
    finally:
        w.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_hide_unchanged_paragraphs(browser, page, tmp_path, javascript):  # noqa: F811
    path, total, touched = page
    w = Watched(browser, path.as_uri(), javascript=javascript)
    try:
        w.page.click("label[for=hide-unchanged]")
        assert 0 < touched == _visible(w) < total
        assert w.page.locator("#p-pp8").is_visible() and not w.page.locator("#p-pp1").is_visible()
        if javascript:
            save_screenshot(w.page, "history-changed-only.png", tmp_path)
        w.page.click("label[for=hide-unchanged]")
        assert _visible(w) == total
    finally:
        w.close()
