"""The pure layout stages of the PDF extractor, on hand-made glyph and line records (no PDF)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.read.pdf.blocks import Column, segment
from lineage.read.pdf.footnotes import parse_footnotes, split_footnote_area
from lineage.read.pdf.furniture import find_furniture, piece_shape
from lineage.read.pdf.joining import TextBuilder
from lineage.read.pdf.lines import build_line, build_lines, group_lines
from lineage.read.pdf.records import Char, Line, Mark, Rule
from lineage.read.pdf.script import fold_lookalike, is_garbage
from lineage.script import Words, line_separator


def run(text: str, x: float, top: float = 100.0, size: float = 12.0, gap: float = 0.0,
        font: str = "Song", gaps: dict[int, float] | None = None) -> list[Char]:
    """Glyphs of ``text`` left to right: CJK glyphs one em wide, others half an em; ``gap``
    after every glyph, ``gaps[i]`` instead after glyph ``i``."""
    out = []
    for i, ch in enumerate(text):
        w = size if ord(ch) > 0x2E80 else size / 2
        out.append(Char(ch, x, x + w, top, top + size, size, font))
        x += w + (gaps or {}).get(i, gap)
    return out


def line_of(chars: list[Char]) -> Line:
    line = build_line(chars, 1)
    assert line is not None
    return line


# --- spaces from positions ----------------------------------------------------------------------

def test_justified_chinese_gets_no_spaces_however_wide_the_stretch():
    # Every gap stretched to a third of an em, as a justified line is.
    assert line_of(run("我们重申各国主权平等原则", 72, gap=4.0)).text == "我们重申各国主权平等原则"


def test_letter_spaced_title_reads_as_a_word():
    assert line_of(run("大会", 100, size=16, gap=16.0)).text == "大会"
    # ... also when the PDF carries an ideographic space between the letters.
    assert line_of(run("大\u3000会", 100, size=16)).text == "大会"


def test_autospacing_gap_between_chinese_and_digits_is_one_space_and_no_gap_is_none():
    # "2025 年" drawn with a quarter-em gap, "2030年" drawn tight, on a line whose CJK glyphs
    # are stretched by 1 pt; the stretch after a CJK glyph is not a space (：2030).
    chars = run("在2025年和2030年：2030", 72, gap=1.0, gaps={0: 4.0, 4: 4.0})
    assert line_of(chars).text == "在 2025 年和2030年：2030"


def test_english_words_split_at_gaps_without_space_glyphs():
    # No space glyph between the words, only a quarter-em of empty room; letters kerned tight.
    chars = run("We", 72, font="Times") + run("reaffirm", 72 + 12 + 3, font="Times", gap=-0.2)
    assert line_of(chars).text == "We reaffirm"


def test_superscript_mark_becomes_an_offset_not_text():
    chars = run("宣言》，", 72)
    x = chars[-1].x1
    chars.append(Char("2", x, x + 4, 96.0, 104.0, 7.0))  # smaller and raised
    chars += run("在此社会中", x + 7)
    line = line_of(chars)
    assert line.text == "宣言》，在此社会中"
    assert line.marks == (Mark("2", 4),)


def test_raised_letters_that_are_not_a_number_stay_text():
    chars = run("1", 72, font="Times") + [Char("e", 78, 81, 96.0, 104.0, 7.0, "Times")]
    assert line_of(chars).text == "1e"


def test_look_alike_code_points_are_folded():
    # U+2F08 KANGXI RADICAL MAN and U+F9B5 (a compatibility ideograph) print like 人 and 例.
    assert fold_lookalike("\u2f08\uf9b5。") == "人例。"
    assert line_of(run("\u2f08们", 72)).text == "人们"
    # A traditional character typed by mistake is a real character: kept.
    assert fold_lookalike("企業") == "企業"


def test_garbage_glyphs_are_recognised():
    assert is_garbage("(cid:123)")
    assert is_garbage("\ue001")
    assert not is_garbage("人")


def test_stacked_masthead_lines_beside_a_large_word_are_split():
    big = run("大会", 100, top=80, size=24, gap=24)
    distr = run("Distr.:General", 380, top=82, size=10)
    date = run("19December2025", 380, top=94, size=10)
    rows = group_lines(big + distr + date)
    texts = sorted("".join(c.text for c in r) for r in rows)
    assert texts == sorted(["大会", "Distr.:General", "19December2025"])


def test_lines_come_top_to_bottom():
    chars = run("第二行", 72, top=120) + run("第一行", 72, top=100)
    assert [ln.text for ln in build_lines(chars, 1)] == ["第一行", "第二行"]


# --- joining lines ------------------------------------------------------------------------------

def test_line_separator_rule():
    assert line_separator("发展中国", "家") == ""
    assert line_separator("of the", "Assembly") == " "
    assert line_separator("第", "70/125") == " "
    assert line_separator("70/125", "号") == " "
    assert line_separator("决议，", "A/60/687") == ""
    assert line_separator("“", "未来") == ""


def test_text_builder_dehyphenates_and_keeps_real_compounds():
    tb = TextBuilder(words=Words({"multi-stakeholder"}))
    tb.add("the implementa-")
    tb.add("tion of the multi-")
    tb.add("stakeholder model")
    assert tb.text == "the implementation of the multi-stakeholder model"


def test_text_builder_moves_marks_with_their_line():
    tb = TextBuilder()
    tb.add("我们认识到", [Mark("1", 2)])
    tb.add("发展", [Mark("2", 2)])
    assert tb.text == "我们认识到发展"
    assert [(m.number, m.offset) for m in tb.marks] == [("1", 2), ("2", 7)]


# --- furniture ----------------------------------------------------------------------------------

def mk(page: int, text: str, top: float, size: float = 12.0, x0: float = 72.0, x1: float = 520.0,
       pieces: tuple[str, ...] | None = None, marks: tuple[Mark, ...] = (), bold: bool = False) -> Line:
    return Line(page, text, x0, x1, top, top + size, size, bold, marks, pieces or (text,))


def test_headers_and_footers_found_by_repetition_with_digits_varying():
    pages = []
    for n in range(1, 6):
        lines = []
        if n > 1:
            lines.append(mk(n, "A/RES/80/173", 40, 9))
        body = "我们重申各国主权平等原则认识到数字发展"
        lines += [mk(n, "正文" + body[n:n + 6], 90), mk(n, "正文" + body[n + 6:n + 12], 110)]
        footer = "25-21063 (C)" if n == 1 else f"{n}/5 25-21063"
        pieces = ("25-21063 (C)",) if n == 1 else (f"{n}/5", "25-21063")
        lines.append(mk(n, footer, 800, 9, pieces=pieces))
        pages.append(lines)
    hits = find_furniture(pages, [842.0] * 5)
    for n, (lines, hit) in enumerate(zip(pages, hits), start=1):
        found = {lines[i].text for i in hit}
        assert all("正文" not in t for t in found)
        assert any("25-21063" in t for t in found), n
        if n > 1:
            assert "A/RES/80/173" in found
    assert piece_shape("2/21") == piece_shape("13/21")


def test_a_line_that_repeats_in_the_body_is_not_furniture():
    pages = [[mk(n, "同上。", 400), mk(n, f"{n}", 800, 9)] for n in range(1, 4)]
    hits = find_furniture(pages, [842.0] * 3)
    assert all(0 not in h for h in hits)


# --- footnotes ----------------------------------------------------------------------------------

def test_footnote_area_starts_under_the_short_rule_and_parses_numbers():
    lines = [
        mk(1, "正文最后一行", 700),
        mk(1, "第 79/323 号决议，附件。", 750, 9, marks=(Mark("1", 0),)),
        mk(1, "见 A/60/687。", 762, 9, marks=(Mark("2", 0),)),
    ]
    rules = [Rule(72, 216, 745, 745.5)]
    cut = split_footnote_area(lines, rules, 12.0, 72.0, 520.0)
    assert cut == 1
    started, carry = parse_footnotes(lines[cut:], None, set())
    assert [(f.number, f.builder.text) for f in started] == [("1", "第 79/323 号决议，附件。"), ("2", "见 A/60/687。")]
    assert carry is started[-1]


def test_a_footnote_continued_on_the_next_page_joins_its_first_part():
    first, carry = parse_footnotes([mk(1, "See the report of the", 750, 9, marks=(Mark("3", 0),))], None, set())
    more, carry = parse_footnotes([mk(2, "Secretary-General.", 750, 9)], carry, set())
    assert more == []
    assert first[0].builder.text == "See the report of the Secretary-General."
    assert first[0].pages == [1, 2]


def test_no_rule_and_no_small_lines_means_no_footnotes():
    lines = [mk(1, "正文", 700), mk(1, "正文二", 720)]
    assert split_footnote_area(lines, [], 12.0, 72.0, 520.0) == 2


# --- blocks -------------------------------------------------------------------------------------

COL = Column(left=108.0, right=520.0, size=12.0, outer=72.0)


def test_paragraph_crossing_a_page_stays_one_block_and_numbers_start_blocks():
    lines = [
        mk(1, "1. 第一段开始", 100, x0=72, pieces=("1.", "第一段开始")),
        mk(1, "第一段继续到页底", 118, x0=108),
        mk(2, "第一段在下一页结束。", 80, x0=108, x1=300),
        mk(2, "2. 第二段。", 104, x0=72, x1=200, pieces=("2.", "第二段。")),
    ]
    blocks = segment(lines, COL)
    assert [len(b.lines) for b in blocks] == [3, 1]
    assert blocks[0].pages == [1, 2]


def test_sub_items_indented_preamble_and_bold_heading_start_blocks():
    lines = [
        mk(1, "导言", 80, x0=108, x1=140, bold=True),
        mk(1, "回顾大会决议，", 100, x0=132, x1=300),
        mk(1, "3. 我们呼吁：", 120, x0=72, x1=250, pieces=("3.", "我们呼吁：")),
        mk(1, "(a) 加强合作；", 140, x0=108, x1=250, pieces=("(a)", "加强合作；")),
        mk(1, "(b) 分享做法。", 160, x0=108, x1=250, pieces=("(b)", "分享做法。")),
    ]
    blocks = segment(lines, COL)
    assert [b.kind for b in blocks] == ["heading", "text", "text", "text", "text"]


def test_a_short_unpunctuated_line_before_a_numbered_paragraph_is_a_heading():
    lines = [
        mk(1, "前一段结束。", 80, x0=108, x1=200),
        mk(1, "互联网治理", 104, x0=108, x1=170),
        mk(1, "4. 我们重申。", 128, x0=72, x1=250, pieces=("4.", "我们重申。")),
    ]
    assert [b.kind for b in segment(lines, COL)] == ["text", "heading", "text"]


def test_a_number_alone_on_its_line_joins_the_text_after_it():
    # The A/RES/70/125 text layer has "8." alone on a line, then the paragraph.
    lines = [
        mk(1, "communities.", 80, x0=108, x1=170),
        mk(1, "8.", 104, x0=72, x1=84),
        mk(1, "We reaffirm that Internet governance should continue to follow the", 118, x0=108),
        mk(1, "provisions set forth in the outcomes.", 132, x0=108, x1=300),
    ]
    blocks = segment(lines, COL)
    assert [[ln.text for ln in b.lines][0] for b in blocks] == ["communities.", "8."]
    assert len(blocks[1].lines) == 3

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=60, deadline=None)
@given(text=st.text(_HAN, min_size=2, max_size=30), stretch=st.floats(0.0, 12.0),
       size=st.sampled_from([9.0, 10.5, 12.0, 16.0]))
def test_property_chinese_lines_never_get_spaces(text, stretch, size):
    assert line_of(run(text, 72, size=size, gap=stretch)).text == text


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=8), min_size=1, max_size=8),
       space=st.floats(0.2, 0.6))
def test_property_english_words_come_back_with_single_spaces(words, space):
    chars: list = []
    x = 72.0
    for w in words:
        chars += run(w, x, font="Times")
        x = chars[-1].x1 + space * 12.0
    assert line_of(chars).text == " ".join(words)
