"""The canonical corpus text format: round trips, determinism, parse errors."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.errors import CorpusError, LineError
from lineage.model.document import (
    Document,
    ExtractionWarning,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
    SourceSpan,
)
from lineage.read import textformat
from lineage.read.textformat import (
    format_document,
    looks_like_corpus_text,
    parse_corpus_file,
    parse_corpus_header,
    parse_corpus_text,
)


def same_but_source(a: Document, b: Document) -> bool:
    return dataclasses.replace(a, source=b.source) == b


# Text that stresses the format: structure characters, quotes, backslashes, escapes that look
# real, every kind of space and invisible character, line separators, lone surrogates.
_NASTY = list('#@[]|<>{}"\\=:,;*- \t\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u3000\u200b\ufeff\ud800\ue000') + [
    "\\u{41}", "\\n", "| ", "@paragraph 1", "%lineage-corpus-text 1", "我们", "（a）", "業",
]
text = st.lists(st.one_of(st.sampled_from(_NASTY), st.text(max_size=6)), max_size=8).map("".join)
short = st.one_of(st.sampled_from(["1", "5 bis", "pp1", "", " ", "a@b", '"x"']), text)
opt = st.one_of(st.none(), short)
ints = st.integers(min_value=-3, max_value=10_000)
opt_int = st.one_of(st.none(), ints)


@st.composite
def paragraphs(draw, prefix: str):
    ident = draw(st.one_of(st.just(f"{prefix}{draw(st.integers(1, 9))}"), short))
    return Paragraph(
        id=ident,
        text=draw(text),
        number=draw(st.one_of(st.just(ident), opt)),
        section=draw(opt),
        footnote_refs=draw(st.lists(st.builds(FootnoteRef, short, st.integers(0, 500)), max_size=3)),
        pages=draw(st.lists(ints, max_size=3)),
        spans=draw(st.lists(st.builds(SourceSpan, opt_int, opt_int, opt_int), max_size=2)),
    )


@st.composite
def documents(draw):
    preamble = draw(st.lists(paragraphs("pp"), max_size=4))
    ops = draw(st.lists(paragraphs(""), max_size=5))
    ids = [p.id for p in preamble + ops]
    before = st.one_of(st.none(), short, st.sampled_from(ids) if ids else st.none())
    return Document(
        symbol=draw(opt),
        language=draw(opt),
        source=draw(st.builds(Source, short, st.sampled_from(["pdf", "markdown", "text"]), opt,
                              opt_int)),
        date=draw(opt),
        distribution=draw(opt),
        session=draw(opt),
        agenda_items=draw(st.lists(short, max_size=3)),
        title=draw(st.one_of(st.none(), text)),
        preamble=preamble,
        paragraphs=ops,
        headings=draw(st.lists(st.builds(Heading, text, before, opt_int), max_size=4)),
        footnotes=draw(st.lists(st.builds(Footnote, short, text, st.lists(ints, max_size=2)), max_size=3)),
        warnings=draw(st.lists(st.builds(ExtractionWarning, short, text, opt_int), max_size=2)),
    )


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(documents())
def test_round_trip_any_document(doc):
    out = format_document(doc)
    back = parse_corpus_text(out, "x.txt")
    assert same_but_source(back, doc)
    # Deterministic, and a fixed point: formatting the parsed document gives the same bytes.
    assert format_document(back, origin=doc.source) == out
    # Valid UTF-8 whatever the text held (lone surrogates are escaped).
    out.encode("utf-8")
    assert looks_like_corpus_text(out)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(documents())
def test_every_text_line_is_prefixed_and_has_no_trailing_space(doc):
    out = format_document(doc)
    for line in out.split("\n")[1:]:
        assert line == line.rstrip(), line
        assert "\r" not in line


def _doc() -> Document:
    return Document(
        symbol="A/80/L.41",
        language="zh",
        source=Source(path="drafts/l41.pdf", kind="pdf", sha256="ab" * 32, pages=21),
        date="2025-12-10",
        distribution="Limited",
        session="80",
        agenda_items=["15"],
        title="信息和通信技术促进可持续发展",
        preamble=[Paragraph("pp1", "回顾大会第 70/125 号决议，"), Paragraph("pp2", "重申……，")],
        paragraphs=[
            Paragraph("1", "我们重申……《世界人权宣言》，在此社会中……", "1", "导言",
                      [FootnoteRef("2", 12)], [2]),
            Paragraph("2", "我们决定：\n(a) 第一项；\n(b) 第二项。", "2", "导言", [], [2, 3]),
            Paragraph("3", "互联网治理论坛……", "3", "互联网治理", [], [3]),
        ],
        headings=[Heading("导言", "1", 1), Heading("互联网治理", "3", 1)],
        footnotes=[Footnote("2", "第 217 A (III) 号决议。", [2])],
        warnings=[ExtractionWarning("number-out-of-sequence", "paragraph 3 follows 1", 3)],
    )


def test_layout_of_a_typical_document():
    # Checked by eye: implied values (section, number, before) are not repeated, each
    # paragraph is one block, sub-items are lines of their own.
    assert format_document(_doc()) == """\
%lineage-corpus-text 1
symbol: A/80/L.41
language: zh
date: 2025-12-10
distribution: Limited
session: 80
agenda-item: 15
title: 信息和通信技术促进可持续发展
origin-kind: pdf
origin-path: drafts/l41.pdf
origin-sha256: abababababababababababababababababababababababababababababababab
origin-pages: 21

@preamble pp1
| 回顾大会第 70/125 号决议，

@preamble pp2
| 重申……，

@heading level=1
| 导言

@paragraph 1 pages=2 ref=2@12
| 我们重申……《世界人权宣言》，在此社会中……

@paragraph 2 pages=2,3
| 我们决定：
| (a) 第一项；
| (b) 第二项。

@heading level=1
| 互联网治理

@paragraph 3 pages=3
| 互联网治理论坛……

@footnote 2 pages=2
| 第 217 A (III) 号决议。

@warning number-out-of-sequence page=3
| paragraph 3 follows 1
"""


def test_source_is_the_corpus_file_and_origin_is_kept():
    text = format_document(_doc())
    parsed = parse_corpus_file(text, "corpora/texts/A-80-L.41.zh.txt")
    src = parsed.document.source
    assert (src.path, src.kind, src.pages) == ("corpora/texts/A-80-L.41.zh.txt", "corpus", 21)
    assert len(src.sha256) == 64
    assert parsed.origin == _doc().source


def test_notes_are_kept_but_not_in_the_document():
    text = format_document(_doc(), notes=["converted from the seed", " spaced "])
    parsed = parse_corpus_file(text)
    assert parsed.notes == ("converted from the seed", " spaced ")
    assert same_but_source(parsed.document, _doc())


def test_tolerates_crlf_bom_trailing_spaces_and_extra_blank_lines():
    text = format_document(_doc())
    mangled = "\ufeff" + text.replace("\n\n", "\n\n\n").replace("\n", "  \r\n").replace("%lineage-corpus-text 1  ", "%lineage-corpus-text 1")
    assert same_but_source(parse_corpus_text(mangled), _doc())


def test_looks_like_corpus_text():
    assert looks_like_corpus_text(format_document(_doc()))
    assert looks_like_corpus_text("\ufeff%lineage-corpus-text 2\n")
    assert not looks_like_corpus_text("## 大 会\n")
    assert not looks_like_corpus_text("")
    assert not looks_like_corpus_text("%lineage-corpus-textual\n")


@pytest.mark.parametrize(
    "body, line, reason",
    [
        ("", 1, "not a lineage corpus text"),
        ("hello\n", 1, "not a lineage corpus text"),
        ("%lineage-corpus-text 9\n", 1, "unsupported corpus text version '9'"),
        ("%lineage-corpus-text 1\nsymbol: A\nsymbol: B\n", 3, "'symbol' given twice"),
        ("%lineage-corpus-text 1\nsymbl: A\n", 2, "unknown header field 'symbl'"),
        ("%lineage-corpus-text 1\n| text\n", 2, "text line before any @block"),
        ("%lineage-corpus-text 1\n\n@para 1\n| x\n", 3, "unknown block '@para'"),
        ("%lineage-corpus-text 1\n\n@paragraph\n| x\n", 3, "@paragraph needs an id"),
        ("%lineage-corpus-text 1\n\n@paragraph 1 colour=red\n| x\n", 3, "unknown attribute 'colour'"),
        ("%lineage-corpus-text 1\n\n@paragraph 1 ref=2\n| x\n", 3, "ref must be NUMBER@OFFSET"),
        ("%lineage-corpus-text 1\n\n@paragraph 1 pages=2,x\n| x\n", 3, "pages must be an integer"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n|x\n", 4, "after '|' expected a space"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n|\"abc\n", 4, "no closing"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n|\"a\\qb\"\n", 4, "unknown escape"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n|\"\\u{110000}\"\n", 4, "bad \\u{…} escape"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n", 3, "has no '|' text line"),
        ("%lineage-corpus-text 1\n\n@paragraph 1 no-number number=2\n| x\n", 3, "contradict"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n| x\nsymbol: A\n", 5, "after the first @block"),
        ("%lineage-corpus-text 1\n\n@paragraph 1\n| x\n\n@preamble pp1\n| y\n", 6, "@preamble after an @paragraph"),
        ("%lineage-corpus-text 1\n\n@heading level=high\n| x\n", 3, "level must be an integer"),
        ("%lineage-corpus-text 1\norigin-path: a.pdf\n", 2, "origin-kind and origin-path go together"),
    ],
)
def test_parse_errors_name_file_and_line(body, line, reason):
    with pytest.raises(CorpusError) as exc:
        parse_corpus_text(body, "t.txt")
    assert exc.value.path == "t.txt"
    assert exc.value.reason.startswith(f"line {line}: "), exc.value.reason
    assert reason in exc.value.reason


def test_reformatting_a_parsed_text_keeps_pages_but_not_its_own_path():
    parsed = parse_corpus_text(format_document(_doc()), "corpora/texts/x.txt")
    again = format_document(parsed)
    assert "origin-path" not in again and "origin-pages: 21\n" in again
    assert same_but_source(parse_corpus_text(again), _doc())
    explicit = format_document(parsed, origin=Source("sources/x.txt", "corpus"))
    assert parse_corpus_file(explicit).origin == Source("sources/x.txt", "corpus")


def test_the_header_alone_parses_as_the_whole_text_does():
    text = format_document(_doc(), notes=["masthead: A/80/L.13"])
    header = parse_corpus_header(text, "t.txt")
    parsed = parse_corpus_file(text, "t.txt")
    assert header["symbol"] == [_doc().symbol]
    assert header["title"] == [_doc().title]
    assert header.get("agenda-item", []) == _doc().agenda_items
    assert header["note"] == ["masthead: A/80/L.13"]
    assert tuple(header["note"]) == parsed.notes
    # what comes after the first block is not read, even when it is broken
    assert parse_corpus_header("%lineage-corpus-text 1\nsession: 80\n@paragraph\n|x\n") == {"session": ["80"]}


@pytest.mark.parametrize("body, line, reason", [
    ("hello\n", 1, "not a lineage corpus text"),
    ("%lineage-corpus-text 1\nsymbol: A\nsymbol: B\n", 3, "'symbol' given twice"),
    ("%lineage-corpus-text 1\nsymbl: A\n", 2, "unknown header field 'symbl'"),
    ("%lineage-corpus-text 1\n| text\n", 2, "text line before any @block"),
])
def test_header_errors_are_those_of_the_whole_text(body, line, reason):
    with pytest.raises(CorpusError) as exc:
        parse_corpus_header(body, "t.txt")
    assert exc.value.reason.startswith(f"line {line}: ") and reason in exc.value.reason


_HEADER_LINES = ["symbol: A/80/L.41", "symbol: A/80/L.42", "title: 大会", "title:  padded", "title: trailing ",
                 'title: "quoted: \\"x\\""', 'note: "a', "title:", "title: ", "note: masthead: A/80/L.13",
                 "note: two", "agenda-item: 12", "agenda-item: 12", "session : 80", " session: 80", "session:80",
                 "Session: 80", "symbl: A", "| text", "", "  ", "title:\tx", "date: 2025-12-17\r", "origin-kind: text",
                 "@preamble pp1", "title: a\x1f", "title: \xa0a", "note: a  b", "origin-path: texts/x: y"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_HEADER_LINES), max_size=8))
def test_the_header_fast_path_agrees_with_the_field_checks(lines):
    # the gold: each line through the checks parse_corpus_file makes (textformat._header_field)
    expected: dict | str = {}
    for number, raw in enumerate(lines, start=2):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line.startswith("@"):
            break
        try:
            if line.startswith("|"):
                raise LineError("text line before any @block")
            if line.strip():
                textformat._header_field(line, expected)  # type: ignore[arg-type]
        except LineError as exc:
            expected = f"line {number}: {exc}"
            break
    text = "\n".join(["%lineage-corpus-text 1", *lines, "@paragraph 1", "| x"])
    for given_text in (text, text[:text.index("\n@")]):  # the whole text, or what read_corpus_header reads
        try:
            got: dict | str = parse_corpus_header(given_text)
        except CorpusError as exc:
            got = exc.reason
        assert got == expected
