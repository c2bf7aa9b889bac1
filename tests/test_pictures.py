"""Pictures (issue 14): the topic timeline chart and the version graph as inline SVG. Counts
checked against the timeline they draw; drawn in a real browser (visible, Chinese labels
rendered, nothing fetched, printable) where Chromium is installed (tests/test_browser.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.browser import Watched as _Watched  # browser: tests/conftest.py
from support.browser import save_screenshot as _save

ROOT = Path(__file__).parent.parent
CORPUS = str(ROOT / "corpora")


@pytest.fixture(scope="module")
def topic_page(tmp_path_factory) -> Path:
    from lineage.cli.main import main
    path = tmp_path_factory.mktemp("pictures") / "topic.html"
    assert main(["topic", "igf", "--corpus", CORPUS, "--format", "html", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def graph_page(tmp_path_factory) -> Path:
    from lineage.cli.main import main
    path = tmp_path_factory.mktemp("pictures") / "graph.html"
    assert main(["graph", "A/RES/80/173", "--corpus", CORPUS, "--format", "html", "-o", str(path)]) == 0
    return path


def test_topic_chart_opens_the_page_with_one_bar_per_document(topic_page) -> None:
    html = topic_page.read_text(encoding="utf-8")
    assert html.index("<svg") < html.index("<table>")
    assert "<script" not in html
    # the bundled corpus: Tunis (zh), 70/125 (en), the draft (zh), 80/173 (en and zh); the
    # draft has 11 IGF paragraphs, all new; 80/173 (zh) 10 unchanged + 1 modified + 1 dropped
    titles = re.findall(r"<rect class=\"seg (\w+)\"[^>]*><title>([^<]*)</title>", html)
    # (the segments carry the change words of lineage.report.labels: new -> inserted, dropped -> deleted)
    assert ("inserted", "WSIS+20 outcome draft (reconstructed) (zh): 11 inserted") in titles
    assert any(t.startswith("A/RES/80/173 (zh): ") and s == "deleted" for s, t in titles)
    assert html.count('class="lang"') == 5
    assert "⇄ bridge" in html and "bridge: A/RES/80/173 in 2 languages" in html


def test_graph_svg_and_html(run_cli) -> None:
    code, svg, err = run_cli("graph", "A/RES/80/173", "--corpus", CORPUS, "--format", "svg")
    assert code == 0, err
    assert svg.startswith("<svg") and svg.count('class="node') == 11
    assert '<g class="node bridge">' in svg and "⇄ en, zh" in svg
    assert svg.count('class="edge ') >= 10 and "adopted from" in svg
    code, html, _ = run_cli("graph", "--corpus", CORPUS, "--format", "html")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html


def test_pictures_in_the_browser(browser, topic_page, graph_page, tmp_path) -> None:
    for page_path, name in ((topic_page, "topic-chart.png"), (graph_page, "graph.png")):
        url = page_path.as_uri()
        w = _Watched(browser, url)
        try:
            box = w.page.eval_on_selector("svg", "e => { const r = e.getBoundingClientRect(); "
                                          "return [r.width, r.height]; }")
            assert box[0] > 300 and box[1] > 150  # drawn, not collapsed
            assert w.requests == [url] and not w.dialogs  # nothing fetched, nothing run
            _save(w.page, name, tmp_path)
        finally:
            w.close()
    # Chinese text in the page renders with width (a missing font would still lay out boxes;
    # a zero width means the text was not drawn at all)
    w = _Watched(browser, topic_page.as_uri(), media="print")
    try:
        width = w.page.eval_on_selector("p[lang=zh]", "e => e.getBoundingClientRect().width")
        assert width > 50
        assert w.page.eval_on_selector("svg", "e => getComputedStyle(e).display") != "none"
    finally:
        w.close()
