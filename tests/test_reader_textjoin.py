"""Joining the pieces of a paragraph, paragraph numbers, layout spaces."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineage.model.document import FootnoteRef
from lineage.read.textjoin import Inline, join_inline, split_number, squeeze_cjk_spaces


@pytest.mark.parametrize(
    "parts, joined",
    [
        (["特别是发展中国", "家，包括非洲国家"], "特别是发展中国家，包括非洲国家"),
        (["the same rights that people have", "offline must also be"], "the same rights that people have offline must also be"),
        (["must also be pro-", "tected online"], "must also be protected online"),
        (["a people-centred,", "inclusive"], "a people-centred, inclusive"),
        # A capital after a line-end hyphen: a word of its own, the hyphen stays and no space
        # is invented (issue 10: "Secretary- General" was a phantom change).
        (["in the Secretary-", "General's report"], "in the Secretary-General's report"),
        (["请所有会员国：", "(a) 制定国家数字战略；", "（b） 分享"], "请所有会员国：\n(a) 制定国家数字战略；\n（b） 分享"),
        # Digit|ideograph at a break: Word's autospacing gap, as on one line (lineage.script.lines).
        (["参加 2025", "年 12 月"], "参加 2025 年 12 月"),
        (["  indented  ", " text "], "indented text"),
    ],
)
def test_join(parts: list[str], joined: str) -> None:
    assert join_inline([Inline(p) for p in parts]).text == joined


def test_join_moves_footnote_offsets() -> None:
    a = Inline("《世界人权宣言》，", [FootnoteRef("2", 9)])
    b = Inline("在此社会中，", [])
    c = Inline("the Agen-", [FootnoteRef("3", 4)])
    d = Inline("da", [FootnoteRef("4", 2)])
    assert join_inline([a, b]) == Inline("《世界人权宣言》，在此社会中，", [FootnoteRef("2", 9)])
    assert join_inline([c, d]) == Inline("the Agenda", [FootnoteRef("3", 4), FootnoteRef("4", 10)])
    mark_only = Inline("", [FootnoteRef("5", 0)])
    assert join_inline([Inline("议程》"), mark_only]) == Inline("议程》", [FootnoteRef("5", 3)])


@given(st.lists(st.text(alphabet="我们重申，。 abc-(", min_size=1, max_size=12), min_size=1, max_size=6))
def test_join_keeps_every_non_space_character(parts: list[str]) -> None:
    joined = join_inline([Inline(p) for p in parts]).text
    # Only spaces, line breaks and hyphens at a break are added or removed.
    strip = str.maketrans("", "", " \n-")
    assert joined.translate(strip) == "".join(parts).translate(strip)


@pytest.mark.parametrize(
    "text, expected",
    [("1. 我们", ("1", "我们")), ("12.We", ("12", "We")), ("5 bis. We", ("5 bis", "We")), ("１２．我们", ("12", "我们")),
     ("1\\. escaped", ("1", "escaped")), ("80/173. 标题", None), ("2025 年", None), ("3.5 per cent", None), ("8.", None)],
)
def test_split_number(text: str, expected: tuple[str, str] | None) -> None:
    assert split_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("决 定 通 过", "决定通过"), ("大　会", "大会"), ("《世界人 权 宣 言 》 ，2在", "《世界人权宣言》，2在"),
     ("2025 年 12 月", "2025 年 12 月"), ("A/CONF.157/24 (Part I)和 A", "A/CONF.157/24 (Part I)和 A"),
     ("the  General Assembly", "the  General Assembly")],
)
def test_squeeze_cjk_spaces(text: str, expected: str) -> None:
    assert squeeze_cjk_spaces(text) == expected
