"""Masthead parsers: dates, numerals, sessions, agenda items, distribution, symbols."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineage.read import masthead as mh
from lineage.read import read_document
from lineage.script import guess_language


@pytest.mark.parametrize(
    "text, iso",
    [
        ("19 December 2025", "2025-12-19"),
        ("18 November 2005", "2005-11-18"),
        ("1 February 2016", "2016-02-01"),
        ("December 19, 2025", "2025-12-19"),
        ("Distr.: General 19 December 2025", "2025-12-19"),
        ("2025 年 12 月 17 日", "2025-12-17"),
        ("2025年12月17日", "2025-12-17"),
        ("２０２５年１２月１７日", "2025-12-17"),
        ("二〇二五年十二月十七日", "2025-12-17"),
        ("2025 年 12 月 17 日大会决议", "2025-12-17"),
        ("no date here", None),
        ("2025 年 13 月 17 日", None),
        ("31 Smarch 2025", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert mh.parse_date(text) == iso


def test_is_date_line() -> None:
    assert mh.is_date_line("2025 年 12 月 17 日  ")
    assert mh.is_date_line("19 December 2025")
    assert not mh.is_date_line("2025 年 12 月 17 日大会决议")
    assert not mh.is_date_line("我们，参加 2025 年 12 月 16 日至 17 日在纽约举行的")


@pytest.mark.parametrize(
    "text, n",
    [("八十", 80), ("六十", 60), ("一百零五", 105), ("十二", 12), ("十", 10), ("二十一", 21),
     ("七十九", 79), ("一百", 100), ("二〇二五", 2025), ("80", 80), ("８０", 80), ("abc", None), ("", None)],
)
def test_chinese_numerals(text: str, n: int | None) -> None:
    assert mh.chinese_numeral_to_int(text) == n


_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Reference writer for 1..999 in the usual form (十二, 八十, 一百零五, 二百一十)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and units:
            return out + "零" + _DIGITS[units]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if units:
        out += _DIGITS[units]
    return out


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert mh.chinese_numeral_to_int(_to_chinese(n)) == n


@pytest.mark.parametrize(
    "text, session",
    [
        ("第八十届会议", "80"), ("第六十届", "60"), ("第七十九届会议", "79"), ("第一百零五届会议", "105"),
        ("第 80 届会议", "80"), ("Eightieth session", "80"), ("Sixtieth session", "60"),
        ("Eighty-first session", "81"), ("One hundred and fifth session", "105"), ("80th session", "80"),
        ("Tenth emergency special session", "10"), ("大会", None),
    ],
)
def test_parse_session(text: str, session: str | None) -> None:
    assert mh.parse_session(text) == session


def test_session_line_needs_the_whole_line() -> None:
    assert mh.session_line("第八十届会议") == "80"
    assert mh.session_line("Eightieth session") == "80"
    assert mh.session_line("在其第八十届会议上通过了关于信息社会世界首脑会议成果文件") is None


@pytest.mark.parametrize(
    "text, items",
    [
        ("议程项目 15", ["15"]),
        ("议程项目15", ["15"]),
        ("议程项目 15 和 116", ["15", "116"]),
        ("议程项目 １５", ["15"]),
        ("Agenda item 15", ["15"]),
        ("Agenda items 15 and 116", ["15", "116"]),
        ("Agenda items 18 (b), 20 and 21", ["18(b)", "20", "21"]),
        ("Item 15 of the provisional agenda", ["15"]),
        # Full-width brackets, as a Chinese masthead may print them: the letter was lost.
        ("议程项目 18（b）和 20", ["18(b)", "20"]),
        ("信息和通信技术促进可持续发展", None),
    ],
)
def test_agenda_items(text: str, items: list[str] | None) -> None:
    assert mh.parse_agenda_items(text) == items


def test_distribution() -> None:
    assert mh.parse_distribution("Distr.: General") == "General"
    assert mh.parse_distribution("Distr.: Limited  ") == "Limited"
    assert mh.parse_distribution("Distr. GENERAL") == "General"
    assert mh.parse_distribution("General Assembly") is None


@pytest.mark.parametrize(
    "line, symbol",
    [
        ("A/RES/80/173", "A/RES/80/173"),
        ("A/80/L.41", "A/80/L.41"),
        ("A/C.2/80/L.12/Rev.1", "A/C.2/80/L.12/Rev.1"),
        ("WSIS-05/TUNIS/DOC/6(Rev.1)-C", "WSIS-05/TUNIS/DOC/6(Rev.1)-C"),
        ("WSIS-03/GENEVA/DOC/4", "WSIS-03/GENEVA/DOC/4"),
        ("[未经发交主要委员会而通过 (A/80/L.41)]", "A/80/L.41"),
        ("见 A/CONF.157/24 (Part I)", "A/CONF.157/24"),
        ("A/HRC/17/31，附件。", "A/HRC/17/31"),
        ("See E/CN.16/2025/3.", "E/CN.16/2025/3"),
        ("见 A/60/687。", "A/60/687"),
        ("第 70/125 号决议", None),  # a resolution number, not a symbol
        ("no symbol", None),
    ],
)
def test_find_symbol(line: str, symbol: str | None) -> None:
    assert mh.find_symbol(line) == symbol


def test_symbol_line() -> None:
    assert mh.is_symbol_line("  A/RES/80/173 ")
    assert not mh.is_symbol_line("[未经发交主要委员会而通过 (A/80/L.41)]")


def test_resolution_number_line() -> None:
    assert mh.parse_resolution_number("80/173. 关于信息社会") == ("A/RES/80/173", "关于信息社会")
    assert mh.parse_resolution_number("- 80/173. 关于") == ("A/RES/80/173", "关于")
    assert mh.parse_resolution_number("70/125.\tOutcome document") == ("A/RES/70/125", "Outcome document")
    assert mh.parse_resolution_number("第 70/125 号决议") is None
    assert mh.parse_draft_reference("[未经发交主要委员会而通过 (A/80/L.41)]") == "A/80/L.41"


def test_adoption_date_and_meeting() -> None:
    assert mh.parse_adoption_date("2025 年 12 月 17 日大会决议") == "2025-12-17"
    assert mh.parse_adoption_date("Resolution adopted by the General Assembly on 17 December 2025") == "2025-12-17"
    assert mh.parse_adoption_date("回顾 2025 年 3 月 27 日大会通过的第 79/277 号决议") is None
    assert mh.parse_meeting("第 68 次全体会议") == 68
    assert mh.parse_meeting("68th plenary meeting") == 68
    assert mh.parse_meeting("第六十八次全体会议") == 68
    assert mh.parse_meeting("在第 68 次全体会议上") is None


def test_guess_language() -> None:
    assert guess_language("我们重申对信息社会世界首脑会议的承诺 (A/RES/80/173)") == "zh"
    assert guess_language("We reaffirm the vision of the World Summit") == "en"
    assert guess_language("Nous réaffirmons la vision et les principes des sommets") == "fr"
    assert guess_language("12345 ...") is None


@pytest.mark.parametrize("text", ["31 February 2025", "2025 年 2 月 30 日", "April 31, 2025", "二〇二五年二月二十九日"])
def test_day_the_calendar_lacks_is_no_date(text: str) -> None:
    # A misread day (OCR, a typo in a draft) must not become an impossible ISO date.
    assert mh.parse_date(text) is None
    assert not mh.is_date_line(text)


def test_leap_day_is_a_date() -> None:
    assert mh.parse_date("29 February 2024") == "2024-02-29"


# --- forms the reviewer found unread (each case failed before the fix) --------------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        ("19 Dec. 2025", "2025-12-19"),
        ("19 Dec 2025", "2025-12-19"),
        ("5 Sept. 2025", "2025-09-05"),
        ("1st December 2025", "2025-12-01"),
        ("22nd September 2025", "2025-09-22"),
        ("December 19 2025", "2025-12-19"),
        ("Dec. 19, 2025", "2025-12-19"),
        ("December 1st, 2025", "2025-12-01"),
        ("19 décembre 2025", "2025-12-19"),
        ("1er décembre 2025", "2025-12-01"),
        ("3 août 2025", "2025-08-03"),
        ("Distr. : Générale 19 décembre 2025", "2025-12-19"),
    ],
)
def test_more_date_forms(text: str, iso: str) -> None:
    assert mh.parse_date(text) == iso


@pytest.mark.parametrize(
    "line", ["19 Dec. 2025", "19 Dec 2025", "1st December 2025", "December 19, 2025",
             "December 19 2025", "19 décembre 2025", "２０２５年１２月１７日", "2025年12月17日"],
)
def test_more_date_lines(line: str) -> None:
    assert mh.is_date_line(line)


@pytest.mark.parametrize(
    "text",
    ["32 Dec. 2025", "30 Feb 2025", "February 30 2025", "31 septembre 2025", "29 févr 2025",
     "December 192025", "19 Decem 2025", "２０２５年２月３０日"],
)
def test_impossible_or_malformed_dates_refused(text: str) -> None:
    # The calendar check covers the new forms too; run-together or half-words are no dates.
    assert mh.parse_date(text) is None
    assert not mh.is_date_line(text)


@pytest.mark.parametrize(
    "line, symbols",
    [
        ("Ａ/80/L.41", ["A/80/L.41"]),
        ("Ａ／８０／Ｌ.４１", ["A/80/L.41"]),
        ("A /80/ L.41", ["A/80/L.41"]),
        ("A/80/L. 41", ["A/80/L.41"]),
        ("见Ａ／ＲＥＳ／８０／１７３。", ["A/RES/80/173"]),
        ("A/C.2/80/L.12/REV.1", ["A/C.2/80/L.12/Rev.1"]),  # spelled as lineage.model.symbols does
        # A slash spaced on both sides separates two symbols; it does not join them.
        ("A/80/L.41 / A/80/L.42", ["A/80/L.41", "A/80/L.42"]),
        ("and/or 1/2", []),
    ],
)
def test_find_symbols_tolerates_width_and_spaces(line: str, symbols: list[str]) -> None:
    assert mh.find_symbols(line) == symbols


def test_symbol_spans_point_into_the_printed_line() -> None:
    line = "联合国　Ａ／ＲＥＳ／８０／１７３"
    [(start, end, sym)] = mh.symbol_spans(line)
    assert (line[start:end], sym) == ("Ａ／ＲＥＳ／８０／１７３", "A/RES/80/173")
    assert mh.symbol_spans("United Nations A /80/ L.41") == [(15, 26, "A/80/L.41")]


def test_full_width_and_spaced_symbol_lines() -> None:
    assert mh.is_symbol_line("Ａ／８０／Ｌ.４１")
    assert mh.is_symbol_line(" A /80/ L.41 ")
    assert not mh.is_symbol_line("A/80/L.41 / A/80/L.42")


@pytest.mark.parametrize(
    "line, items",
    [
        ("Provisional agenda item 15", ["15"]),
        ("Provisional agenda items 15 and 116", ["15", "116"]),
        ("Item 15 of the provisional agenda", ["15"]),
        ("临时议程项目 15", ["15"]),
        ("临时议程项目１５", ["15"]),
        # A sentence that mentions an agenda item is not the masthead's agenda line.
        ("在临时议程项目 15 下审议", None),
        ("The provisional agenda item 15 was deferred", None),
    ],
)
def test_provisional_agenda_lines(line: str, items: list[str] | None) -> None:
    assert mh.agenda_line(line) == items


def test_text_reader_takes_full_width_and_provisional_masthead(tmp_path) -> None:
    # The Chinese draft fixture with its corner printed full-width (the reader drops the layout
    # spaces, leaving 联合国Ａ／８０／Ｌ.４１), an abbreviated date and a provisional agenda label.
    src = Path(__file__).parent / "data" / "readers" / "textlayer" / "a-80-l41-zh-limited.txt"
    text = src.read_text(encoding="utf-8")
    for old, new in [("联 合 国 A/80/L.41", "联 合 国 Ａ／８０／Ｌ.４１"), ("8 December 2025", "9 Dec. 2025"),
                     ("议程项目 15", "临时议程项目 16")]:
        assert old in text
        text = text.replace(old, new, 1)
    variant = tmp_path / "variant.txt"
    variant.write_text(text, encoding="utf-8")
    doc, base = read_document(variant), read_document(src)
    assert (doc.symbol, doc.date, doc.agenda_items) == ("A/80/L.41", "2025-12-09", ["16"])
    assert (doc.title, doc.preamble, doc.paragraphs) == (base.title, base.preamble, base.paragraphs)
