"""Renderer properties the goldens do not make obvious: escaping, colour, wide characters."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from tabulate import tabulate

from lineage.model.comparison import Comparison, DocRef, Pair
from lineage.model.document import Document, Paragraph, Source
from lineage.report import ReportFilter, build_report, filter_report
from lineage.report.html import render_html
from lineage.report.markdown import escape_markdown, render_markdown
from lineage.report.terminal import render_terminal
from lineage.script.width import display_width
from support.report_fixture import IMG, SCRIPT, fixture


@pytest.fixture
def report():
    return build_report(*fixture())


class _Tags(HTMLParser):
    """Every start tag and attribute of a page, and its text, as the browser's parser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


# --------------------------------------------------------------------------- HTML

def test_html_has_no_script_no_handler_no_external_resource(report):
    page = _parse(render_html(report))
    names = {t for t, _ in page.tags}
    assert "script" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in page.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        for key in ("src", "href"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, attrs)  # only in-page links


def test_html_shows_hostile_strings_as_text(report):
    text = "".join(_parse(render_html(report)).text)
    assert SCRIPT in text and IMG in text
    assert "人权<i>与</i>网络" in text  # a section title with markup is text too


def test_html_forbids_fetches_and_scripts_by_policy(report):
    page = render_html(report)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "@import" not in page and "url(" not in page


def test_html_escapes_header_and_attributes():
    doc = Document('A/1"><script>x</script>', "en", Source('p"><img src=x onerror=alert(1)>.txt', "text"),
                   paragraphs=[Paragraph("1", "same", "1")])
    comparison = Comparison(DocRef(doc.symbol, "a"), DocRef(doc.symbol, "b"),
                            [Pair(["1"], ["1"], "unchanged", 1.0, [])])
    page = render_html(build_report(comparison, doc, doc))
    parsed = _parse(page)
    assert "script" not in {t for t, _ in parsed.tags} and "img" not in {t for t, _ in parsed.tags}
    assert 'A/1"><script>x</script>' in "".join(parsed.text)


def test_html_inline_by_default_and_side_by_side_available(report):
    page = render_html(report)
    assert re.search(r'<input type="radio" name="view" id="view-inline" [^>]*checked', page)
    assert 'id="view-side"' in page and "checked" not in page.split('id="view-side"')[1].split(">")[0]
    assert page.count('<div class="inline">') == page.count('<div class="side">') == len(report.pairs)


def test_html_links_moved_paragraph_both_ways(report):
    page = render_html(report)
    assert 'id="moved-from-8"' in page and 'href="#moved-from-8"' in page
    assert 'id="new-10"' in page and 'href="#new-10"' in page


def test_html_lists_changed_paragraphs_and_headings(report):
    nav = render_html(report).split('<nav class="toc"')[1].split("</nav>")[0]
    hrefs = re.findall(r'href="#([^"]+)"', nav)
    changed = [i.anchor for i in report.changed_items]
    assert hrefs == changed and "new-1" not in hrefs and "new-8" in hrefs  # footnote-only change


def test_html_print_stylesheet_hides_controls(report):
    css = render_html(report).split("@media print")[1]
    assert ".toolbar" in css and ".side { display: none !important; }" in css
    assert ".inline { display: block !important; }" in css


# --------------------------------------------------------------------------- Markdown

@pytest.mark.parametrize("text", [SCRIPT, IMG, "# title", "1. item", "- item", "**bold**",
                                  "[link](http://x)", "a | b", "~~x~~", "$x$", "`code`", "a\\b"])
def test_markdown_escape_leaves_no_active_syntax(text):
    out = escape_markdown(text)
    assert "<" not in out and ">" not in out
    for ch in "#*[]()|~$`-._!":
        assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c == ch), (text, out)


def test_markdown_marks_changes_with_del_and_ins(report):
    md = render_markdown(report)
    assert "<ins>所有</ins>" in md and "<del>我们注意到人工智能的迅速发展。</del>" in md
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_markdown_table_cells_cannot_break_the_table(report):
    for line in render_markdown(report).splitlines():
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4, line


# --------------------------------------------------------------------------- terminal

def test_terminal_plain_markers_without_colour(report):
    text = render_terminal(report, color=False)
    assert "\x1b" not in text
    assert "我们承诺弥合{+所有+}数字鸿沟" in text
    assert f"[-{SCRIPT}-]{{+{IMG}+}}" in text


def test_terminal_colour_marks(report):
    text = render_terminal(report, color=True)
    assert "\x1b[32;4m所有\x1b[0m" in text
    assert f"\x1b[31;9m{SCRIPT}\x1b[0m" in text
    assert "{+" not in text and "[-" not in text


def test_terminal_neutralises_control_characters():
    doc_old = Document("X", "en", Source("a", "text"), paragraphs=[Paragraph("1", "plain", "1")])
    doc_new = Document("X", "en", Source("b", "text"),
                       paragraphs=[Paragraph("1", "evil \x1b[2J\u202egnp.exe", "1")])
    comparison = Comparison(DocRef("X", "a"), DocRef("X", "b"), [Pair(["1"], ["1"], "modified", 0.2, None)])
    text = render_terminal(build_report(comparison, doc_old, doc_new), color=True)
    assert "\x1b[2J" not in text and "\u202e" not in text
    assert "\\u001b[2J" in text and "\\u202e" in text


def test_terminal_changed_only_drops_unchanged_runs(report):
    full = render_terminal(report)
    short = render_terminal(filter_report(report, ReportFilter(changed_only=True)))
    assert "= unchanged: ¶ 1" in full and "= unchanged" not in short
    assert "¶ 9 → 8" in short  # its footnote changed


def test_wide_characters_count_two_columns():
    assert display_width("导言") == 4 and display_width("ab") == 2 and display_width("（a）") == 5
    # Every table is printed by tabulate, which measures with wcwidth (a dependency).
    table = tabulate([["导言", "1"], ["互联网治理", "22"], ["IGF", "3"]], headers=("section", "n"),
                     tablefmt="simple", colalign=("left", "right"), disable_numparse=True)
    lines = table.splitlines()
    # every row ends at the same terminal column
    assert len({display_width(line) for line in lines}) == 1
    assert lines[2] == "导言          1"
