"""One vocabulary: the similarity measures (one function per meaning, values computed by hand
here), the change words every output uses, and the one HTML page skeleton."""
from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lineage.compare.similarity import (
    char_ngrams,
    character_similarity,
    containment,
    indel_similarity,
    mutual_containment,
    ngram_containment,
    paragraph_similarity,
    paragraph_units,
    reuse_score,
    two_way_containment,
)
from lineage.model.comparison import Op, merge_ops
from lineage.model.document import Document, Paragraph, Source
from lineage.report import build_report
from lineage.report.html import render_html
from lineage.report.markdown import render_markdown
from lineage.report.page import BASE_CSS, CSP
from lineage.report.terminal import render_terminal
from lineage.trace.topic_render import render_topic
from lineage.trace.topic_timeline import TopicChange, TopicEntry, TopicTimeline
from lineage.trace.topics import get_topic, match_document
from support.paths import REPO
from support.report_fixture import fixture

# --------------------------------------------------------------------------- measures

# (a, b, expected): 2·LCS / (len_a + len_b), worked out by hand.
INDEL = [
    ("abcd", "abce", 6 / 8),        # LCS abc
    ("", "", 1.0),                  # two empty texts are the same text
    ("abc", "", 0.0),
    (["we", "note", "the", "report"], ["we", "welcome", "the", "report"], 6 / 8),
]


@pytest.mark.parametrize("a, b, expected", INDEL)
def test_indel_similarity(a, b, expected) -> None:
    assert indel_similarity(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("part, whole, expected", [
    ({1, 2, 3, 4}, {1, 2, 9}, 0.5),
    ({1}, set(), 0.0),
    (set(), {1}, 0.0),               # nothing to find: not "all of it found"
])
def test_containment(part, whole, expected) -> None:
    assert containment(part, whole) == expected


@pytest.mark.parametrize("a, b, language, expected", [
    # words for alphabetic text, case folded: [we note the report] / [we welcome the report]
    ("We note the report.", "we welcome the Report", "en", 6 / 8),
    # characters for Chinese, layout spaces left out: LCS 我们 of 我们注意到 / 我们欢迎
    ("我们注意到", "我们 欢迎", "zh", 4 / 9),
    # the same Chinese text scored as words is one word against one other: nothing shared
    ("我们注意到", "我们欢迎", "en", 0.0),
])
def test_paragraph_similarity_units_by_language(a, b, language, expected) -> None:
    assert paragraph_similarity(a, b, language) == pytest.approx(expected)


def test_paragraph_units() -> None:
    assert paragraph_units("Data-driven  Policy", False) == ["data", "driven", "policy"]
    assert paragraph_units("我们 注意到\n进展", True) == "我们注意到进展"


def test_character_ngrams() -> None:
    assert char_ngrams("abcd", 3) == {"abc", "bcd"}
    assert char_ngrams("ab", 3) == {"ab"} and char_ngrams("", 3) == set()


def test_reuse_measures() -> None:
    short, long = "abcdef", "abcdefghijklmnop"
    assert ngram_containment(short, long) == 1.0                # its one 6-gram occurs
    assert ngram_containment(long, short) == pytest.approx(1 / 11)  # one of its 11 6-grams
    assert mutual_containment(long, short) == 1.0
    assert character_similarity(short, long) == pytest.approx(12 / 22)
    # taken up whole into a longer text: containment (weighted 0.9) beats similarity
    assert reuse_score(short, long) == pytest.approx(0.9)
    # a rewording: similarity beats containment (9-character text, n = 6: 4 grams, 1 kept)
    assert reuse_score("abcdefghi", "abcdefxyz") == pytest.approx(max(12 / 18, 0.9 * 1 / 4))
    # two-way: the harmonic mean of 1 (short in long) and 1/11 (long in short)
    assert two_way_containment(short, long) == pytest.approx(2 * (1 / 11) / (1 + 1 / 11))
    # sets made once by a caller comparing one text with many are used as given
    assert two_way_containment("zzzzzzz", "yyyyyyy", 6, ({"abcdef"}, {"abcdef", "bcdefg"})) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- diff runs

def test_merge_ops_drops_empty_runs_and_joins_neighbours() -> None:
    runs = [Op("equal", "a"), Op("equal", ""), Op("equal", "b"), Op("delete", "c"),
            Op("insert", ""), Op("delete", "d"), Op("insert", "e")]
    assert merge_ops(runs) == [Op("equal", "ab"), Op("delete", "cd"), Op("insert", "e")]


# --------------------------------------------------------------------------- change words

RETIRED = re.compile(r"\b(added|removed|dropped|new paragraph)\b")


def _topic_timeline() -> TopicTimeline:
    """A topic across a Chinese and an English document; one paragraph taken up reworded."""
    topic = get_topic("igf")
    zh = Document(symbol="A/RES/1/1", language="zh", source=Source(path="t", kind="text"),
                  paragraphs=[Paragraph(id="1", number="1", text="我们决定延长互联网治理论坛的任务期限，"
                                        "并请秘书长提供支持。")])
    zh2 = Document(symbol="A/RES/2/1", language="zh", source=Source(path="t", kind="text"),
                   paragraphs=[Paragraph(id="1", number="1", text="我们决定将互联网治理论坛确立为常设论坛，"
                                         "并请秘书长提供支持。")])
    en = Document(symbol="A/RES/2/1", language="en", source=Source(path="t", kind="text"),
                  paragraphs=[Paragraph(id="1", number="1", text="We decide that the Internet "
                                        "Governance Forum shall be a permanent forum.")])
    first = TopicEntry("A/RES/1/1", "zh", "2015-12-16", None, match_document(topic, zh))
    second = TopicEntry("A/RES/2/1", "zh", "2025-12-17", None, match_document(topic, zh2),
                        previous="A/RES/1/1")
    second.changes.append(TopicChange("1", "modified", "1", 0.8, [Op("equal", "我们决定")]))
    english = TopicEntry("A/RES/2/1", "en", "2025-12-17", None, match_document(topic, en))
    return TopicTimeline(topic, [first, second, english])


def test_no_output_uses_a_retired_change_word() -> None:
    report = build_report(*fixture())
    outputs = {
        "terminal": render_terminal(report, color=False),
        "markdown": render_markdown(report),
        "html": render_html(report),
        **{f"topic {fmt}": render_topic(_topic_timeline(), fmt) for fmt in ("text", "md", "html")},
    }
    for name, text in outputs.items():
        assert not RETIRED.search(text), f"{name}: {RETIRED.search(text).group(0)!r}"
    assert "footnote 2 inserted" in outputs["terminal"] and "(heading inserted)" in outputs["terminal"]


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """String literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_change_words_have_one_home() -> None:
    """Renderers, history and topics take their change words from lineage/report/labels.py;
    only the JSON keys of lineage.topic/1 (topic_timeline.py) keep the old names."""
    allowed = {"labels.py", "topic_timeline.py"}
    found = [f"{p.relative_to(REPO)}:{line}: {text!r}"
             for folder in ("lineage/report", "lineage/trace")
             for p in sorted((REPO / folder).glob("*.py")) if p.name not in allowed
             for line, text in _string_constants(p) if RETIRED.search(text)]
    assert found == []


def test_each_measure_is_labelled_with_its_own_name() -> None:
    topic = render_topic(_topic_timeline(), "text")
    assert "reuse score 0.80" in topic and "similarity" not in topic
    assert "similarity 0." in render_terminal(build_report(*fixture()), color=False)


# --------------------------------------------------------------------------- HTML pages

class _Elements(HTMLParser):
    """(tag, attributes, own text) of every element, with the lang in force at it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None], str | None]] = []
        self.found: list[tuple[str, dict[str, str | None], str | None]] = []
        self.texts: list[tuple[str | None, str]] = []  # (lang in force, text)

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        lang = a.get("lang") or (self.stack[-1][2] if self.stack else None)
        if tag not in ("meta", "br", "input", "link"):
            self.stack.append((tag, a, lang))
        self.found.append((tag, a, lang))

    def handle_endtag(self, tag) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data) -> None:
        if data.strip() and self.stack and self.stack[-1][0] not in ("style", "title"):
            self.texts.append((self.stack[-1][2], data))


def _parse(page: str) -> _Elements:
    p = _Elements()
    p.feed(page)
    return p


def _head(page: str) -> str:
    return page[: page.index("<title>")]


def test_redline_and_topic_page_share_one_skeleton() -> None:
    redline = render_html(build_report(*fixture()))
    topic = render_topic(_topic_timeline(), "html")
    assert _head(redline) == _head(topic)
    for page in (redline, topic):
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
        assert f'content="{CSP}"' in page and BASE_CSS in page
        assert page.count("@media print") == 1


_HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("kind", ["redline", "topic"])
def test_every_chinese_text_is_marked_chinese(kind: str) -> None:
    page = (render_html(build_report(*fixture())) if kind == "redline"
            else render_topic(_topic_timeline(), "html"))
    parsed = _parse(page)
    wrong = [(lang, text[:30]) for lang, text in parsed.texts if _HAN.search(text) and lang != "zh"]
    assert wrong == []
    assert 'lang="und"' not in page
    # the page's own words are English, also around Chinese text
    chrome = "Summary" if kind == "redline" else "inserted"
    assert ("en", chrome) in parsed.texts


def test_topic_page_marks_each_document_in_its_language() -> None:
    parsed = _parse(render_topic(_topic_timeline(), "html"))
    paras = [(a.get("lang"), tag) for tag, a, _ in parsed.found if a.get("class") == "para"]
    assert [lang for lang, _ in paras] == ["zh", "zh", "en"]


def test_topic_page_uses_the_cjk_serif_fonts() -> None:
    page = render_topic(_topic_timeline(), "html")
    body = re.search(r"body \{[^}]*font-family: ([^;]+);", page)
    assert body is not None and body.group(1).startswith('"Noto Serif CJK SC"')
    assert "system-ui, sans-serif; max-width" not in page
