"""Terminal tables and widths: ``simple_table`` prints what tabulate prints, and the characters
``lineage.script.width`` measures without wcwidth take the width wcwidth gives them.

tabulate and wcwidth are the gold here (independent libraries); the point of our code is only
to avoid importing them (start-up time, docs/performance.md)."""
from __future__ import annotations

import random
import sys

import pytest
import wcwidth
from tabulate import tabulate

from lineage.report.table import simple_table
from lineage.script.width import cell_width, display_width, one_column, shorten

# Characters that make widths differ from lengths, or that tabulate treats specially: wide
# Han and full-width forms, combining marks, emoji and their joiners and selectors, the
# conjoining jamo of width 0, spaces tabulate strips (U+3000 too), dashes our labels print,
# soft hyphen, zero-width space, a control character (wcswidth -1).
_POOL = ("a", "Z", "7", " ", "-", "(", "¶", "–", "—", "−", "→", "é", "ß", "Ω", "中", "文", "（", "）",
         "Ａ", "\u3000", "\u0301", "\u200b", "\u00ad", "\u1160", "😀", "\u200d", "\ufe0f", "👍🏽", "ｶ",
         "\x07", "True", "False", "12", "3.5")


def _cell(rng: random.Random) -> str:
    return "".join(rng.choice(_POOL) for _ in range(rng.choice((0, 1, 1, 2, 3, 5, 9))))


def _gold(rows: list[list[str]], headers: list[str], colalign: tuple[str, ...]) -> str:
    return tabulate(rows, headers=headers, tablefmt="simple", colalign=colalign or None, disable_numparse=True)


@pytest.mark.parametrize("seed", range(300))
def test_simple_table_prints_what_tabulate_prints(seed: int) -> None:
    rng = random.Random(seed)
    ncols = rng.randint(1, 4)
    headers = [_cell(rng) for _ in range(ncols)]
    rows = [[_cell(rng) for _ in range(ncols)] for _ in range(rng.randint(1, 6))]
    colalign = tuple(rng.choice(("left", "right")) for _ in range(rng.randint(0, ncols)))
    assert simple_table(rows, headers, colalign) == _gold(rows, headers, colalign)


@pytest.mark.parametrize("rows, headers, colalign", [
    # the diff report's summary and renumbering tables, English and Chinese
    ([["unchanged", "125", "same text"], ["moved", "1", "changed its place"]], ["kind", "count", "meaning"],
     ("left", "right", "left")),
    ([["9–30", "8–29", "renumbered (−1)"], ["—", "86", "inserted"]], ["old", "new", "change"], ()),
    ([["未改动", "125", "文字相同"], ["脚注", "0", "新增、删除或修改的脚注"]], ["类别", "数量", "含义"],
     ("left", "right", "left")),
    # what tabulate prints its own way: line breaks, ANSI colour, no rows, other alignments
    ([["a\nbb", "c"]], ["x", "y"], ()),
    ([["\x1b[31mred\x1b[0m", "c"]], ["x", "y"], ()),
    ([], ["x", "y"], ("right",)),
    ([["a", "b"]], ["x", "y"], ("center", "left")),
])
def test_simple_table_on_the_reports_tables_and_the_special_cases(rows, headers, colalign) -> None:
    assert simple_table(rows, headers, colalign) == _gold(rows, headers, colalign)


def test_every_character_known_to_take_one_column_takes_one_in_wcwidth() -> None:
    # Every code point: the rule on Unicode properties must never disagree with wcwidth.
    wrong = [f"U+{cp:04X}" for cp in range(sys.maxunicode + 1)
             if one_column(chr(cp)) and wcwidth.wcwidth(chr(cp)) != 1]
    assert wrong == []
    assert one_column("–") and one_column("é") and one_column("a")
    assert not one_column("中") and not one_column("\u0301") and not one_column("\u1160") and not one_column("\x07")


@pytest.mark.parametrize("seed", range(200))
def test_widths_equal_wcwidth(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 12)))
    assert display_width(text) == sum(max(wcwidth.wcwidth(ch), 0) for ch in text)
    assert cell_width(text) == wcwidth.wcswidth(text)


def test_shorten_cuts_by_columns() -> None:
    assert shorten("paragraph 12 (a)", 8) == "paragra…"
    assert shorten("中文中文中文", 6) == "中文…"
    assert shorten("short", 8) == "short"
    assert shorten("abc", 0) == "…"
    assert shorten(None, 5) == ""
