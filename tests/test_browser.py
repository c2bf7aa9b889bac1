"""The HTML pages (the redline, the topic page) in a real browser: headless Chromium driven by Playwright.

Uses Debian's Chromium (``bash scripts/install-browser.sh``, run by ``make test``), never a
browser downloaded by Playwright. Skipped, saying so, only when no Chromium can be found.
Checks: insertions and deletions are visible and styled as a redline; the side-by-side switch
works (with JavaScript disabled too); the hostile strings of the fixture show as text, no
dialog opens, no element from them exists; the page requests nothing but its own file; the
print view is the clean inline redline. Screenshots go to the test's tmp dir and to
``test-output/browser/`` (paths printed; ``pytest -s`` shows them).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.report import build_report
from lineage.report.html import render_html
from lineage.trace.corpusview import CorpusView
from lineage.trace.topic_render import render_topic
from lineage.trace.topic_timeline import topic_timeline
from lineage.trace.topics import get_topic
from support.browser import Watched, save_screenshot
from support.paths import REPO
from support.report_fixture import IMG, SCRIPT, fixture

pytestmark = pytest.mark.slow  # a browser start per module, a page load per test

@pytest.fixture(scope="module")
def redline(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("redline") / "fixture.redline.html"
    path.write_text(render_html(build_report(*fixture())), encoding="utf-8")
    return path


def test_redline_is_visible_and_styled(browser, redline, tmp_path):
    w = Watched(browser, redline.as_uri())
    try:
        ins = w.page.locator(".inline ins", has_text="所有")
        dele = w.page.locator(".inline del", has_text="我们注意到人工智能的迅速发展。")
        assert ins.is_visible() and dele.is_visible()
        assert "underline" in w.style(".inline ins", "textDecorationLine")
        assert "line-through" in w.style(".inline del", "textDecorationLine")
        assert w.style(".inline ins", "color") == "rgb(11, 79, 179)"   # blue
        assert w.style(".inline del", "color") == "rgb(179, 20, 28)"   # red
        assert not w.page.locator(".side").first.is_visible()           # inline by default
        save_screenshot(w.page, "redline-inline.png", tmp_path)
        assert w.dialogs == []
        assert w.requests == [w.url]
    finally:
        w.close()


def test_side_by_side_switch(browser, redline, tmp_path):
    w = Watched(browser, redline.as_uri())
    try:
        w.page.click("label[for=view-side]")
        side = w.page.locator("#new-4 .side")
        assert side.is_visible() and not w.page.locator("#new-4 .inline").is_visible()
        cols = side.locator(".col")
        assert cols.count() == 2
        assert cols.nth(0).locator("del").count() == 1 and cols.nth(0).locator("ins").count() == 0
        assert cols.nth(1).locator("ins").count() == 2 and cols.nth(1).locator("del").count() == 0
        # the two columns sit next to each other
        left, right = cols.nth(0).bounding_box(), cols.nth(1).bounding_box()
        assert right["x"] > left["x"] + left["width"] - 1 and abs(right["y"] - left["y"]) < 2
        save_screenshot(w.page, "redline-side-by-side.png", tmp_path)
        w.page.click("label[for=view-inline]")
        assert w.page.locator("#new-4 .inline").is_visible() and not side.is_visible()
        assert w.requests == [w.url] and w.dialogs == []
    finally:
        w.close()


def test_switch_works_without_javascript(browser, redline):
    w = Watched(browser, redline.as_uri(), javascript=False)
    try:
        assert w.page.locator("#new-2 .inline ins").first.is_visible()
        w.page.click("label[for=view-side]")
        assert w.page.locator("#new-2 .side").is_visible()
    finally:
        w.close()


def test_hostile_text_is_shown_not_run(browser, redline):
    w = Watched(browser, redline.as_uri())
    try:
        body = w.page.inner_text("body")
        assert SCRIPT in body and IMG in body
        assert w.page.eval_on_selector_all("script", "els => els.length") == 0
        assert w.page.eval_on_selector_all("img", "els => els.length") == 0
        assert w.page.eval_on_selector_all("[onerror]", "els => els.length") == 0
        assert w.page.locator(".inline del", has_text=SCRIPT).is_visible()
        assert w.page.locator(".inline ins", has_text=IMG).is_visible()
        assert w.dialogs == [] and w.requests == [w.url]
    finally:
        w.close()


def test_moved_paragraph_links_work(browser, redline):
    w = Watched(browser, redline.as_uri())
    try:
        w.page.click("#new-10 a[href='#moved-from-8']")
        assert w.page.evaluate("location.hash") == "#moved-from-8"
        w.page.click("#moved-from-8 a")
        assert w.page.evaluate("location.hash") == "#new-10"
    finally:
        w.close()


def test_print_view_is_a_clean_inline_redline(browser, redline, tmp_path):
    w = Watched(browser, redline.as_uri(), media="print")
    try:
        assert not w.page.locator(".toolbar").is_visible()
        assert not w.page.locator("nav.toc").is_visible()
        assert w.page.locator("#new-4 .inline").is_visible()
        assert not w.page.locator("#new-4 .side").is_visible()
        assert w.page.locator("#new-4 .inline .num").inner_text().startswith("4.")
        pdf = tmp_path / "redline.pdf"
        w.page.pdf(path=str(pdf))
        assert pdf.stat().st_size > 1000
    finally:
        w.close()


# Han character, full-width comma, Han character, in one text node of a paragraph.
_COMMA_WIDTHS = """el => {
  const node = [...el.childNodes].find(n => n.nodeType === 3 && /[\\u4e00-\\u9fff]，[\\u4e00-\\u9fff]/.test(n.data));
  const i = node.data.search(/[\\u4e00-\\u9fff]，[\\u4e00-\\u9fff]/);
  const r = document.createRange();
  const width = k => { r.setStart(node, k); r.setEnd(node, k + 1); return r.getBoundingClientRect().width; };
  return [width(i), width(i + 1), width(i + 2)];
}"""


def test_topic_page_sets_chinese_in_the_cjk_serif_face(browser, tmp_path):
    """The topic page shares the redline's skeleton: Chinese paragraphs marked lang="zh", in
    the CJK serif stack, whose full-width comma takes exactly one character's width (no gap,
    no squeeze) between two Han characters."""
    corpus = CorpusView.open(REPO / "tests" / "data" / "lineage_corpus")
    page = tmp_path / "topic.html"
    page.write_text(render_topic(topic_timeline(corpus, get_topic("igf")), "html"), encoding="utf-8")
    w = Watched(browser, page.as_uri())
    try:
        para = 'p.para[lang="zh"]'
        assert w.style(para, "fontFamily").startswith('"Noto Serif CJK SC"')
        assert w.page.eval_on_selector("html", "e => e.lang") == "en"
        han, comma, after = w.page.eval_on_selector(f"{para} >> nth=0", _COMMA_WIDTHS)
        assert abs(comma - han) < 0.5 and abs(after - han) < 0.5
        assert w.requests == [w.url]
    finally:
        w.close()
