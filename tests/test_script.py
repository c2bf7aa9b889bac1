"""The facts of lineage.script, each tested once, as data (tests/data/script/*.tsv), the way
ftfy keeps its cases: one row a case, known limitations marked ``xfail`` in the table and
run as strict xfails. The line joins run through every input route, so a route that stops
using the one rule fails here."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from lineage.normalize import normalize
from lineage.read.pdf.joining import TextBuilder
from lineage.read.textjoin import Inline, join_inline
from lineage.script import Words, char_classes, guess_language, is_chinese, join_break

DATA = Path(__file__).parent / "data" / "script"
PACKAGE = Path(__file__).parent.parent / "lineage"
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescape(s: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return [{k: _unescape(v) for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _params(name: str, key: str) -> list:
    out = []
    for row in _rows(name):
        marks = [pytest.mark.xfail(strict=True, reason=row["note"])] if row.get("status") == "xfail" else []
        out.append(pytest.param(row, id=row[key][:40], marks=marks))
    return out


@pytest.mark.parametrize("row", _params("chars.tsv", "codepoint"))
def test_character_classes(row: dict[str, str]) -> None:
    ch = chr(int(row["codepoint"].replace("U+", "0x"), 0))
    expected = frozenset() if row["classes"] == "-" else frozenset(row["classes"].split())
    assert char_classes(ch) == expected, row["note"]


@pytest.mark.parametrize("row", _params("language.tsv", "text"))
def test_is_chinese(row: dict[str, str]) -> None:
    assert is_chinese(row["text"]) is (row["is_chinese"] == "yes")
    assert guess_language(row["text"]) == (None if row["guess"] == "-" else row["guess"])


def _document(row: dict[str, str]) -> list[str]:
    return [] if row["words"] == "-" else [row["words"]]


def _join_break(row: dict[str, str]) -> str:
    left, right = row["line1"], row["line2"]
    cut, sep = join_break(left, right, Words.from_texts(_document(row)))
    return left[:len(left) - cut] + sep + right


def _normalize(row: dict[str, str]) -> str:
    # The document's other words stand in a paragraph of their own after the two lines.
    text = "\n\n".join([f"{row['line1']}\n{row['line2']}", *_document(row)])
    return normalize(text, "display").text.split("\n\n")[0]


def _pdf(row: dict[str, str]) -> str:
    tb = TextBuilder(words=Words.from_texts([row["line1"], row["line2"], *_document(row)]))
    tb.add(row["line1"])
    tb.add(row["line2"])
    return tb.text


def _text_readers(row: dict[str, str]) -> str:
    words = Words.from_texts([row["line1"], row["line2"], *_document(row)])
    return join_inline([Inline(row["line1"], words=words), Inline(row["line2"], words=words)]).text


ROUTES = {"join_break": _join_break, "normalize": _normalize, "pdf": _pdf, "text": _text_readers}


@pytest.mark.parametrize("route", list(ROUTES))
@pytest.mark.parametrize("row", _params("hyphens.tsv", "line1"))
def test_line_join(row: dict[str, str], route: str) -> None:
    assert ROUTES[route](row) == row["expected"], row["note"]


def test_normalize_idempotent_around_a_line_end_hyphen() -> None:
    # Hypothesis found it: a "-" alone on a line was a bullet in the first pass only.
    once = normalize("中\n- \n ", "display").text
    assert once == "中-"
    assert normalize(once, "display").text == once


def test_compare_folds_hyphen_forms() -> None:
    # Non-breaking and other hyphen forms are presentation for `compare`.
    assert normalize("Secretary\u2011General", "compare").text == "Secretary-General"
    assert normalize("Secretary\u2010General", "compare").text == "Secretary-General"


# A CJK range written out, or a width table of our own, outside lineage/script.
_FORBIDDEN = re.compile(
    r"\\u4e00|\\u3400|\\u9fff|\\u9fa5|\\uac00|\\u3040|\\u30ff|\\uff00|\\U00020000|一-|0x4e00|0x3400|0x9fff"
    r"|0xac00|0x3040|0x20000|east_asian_width|wcwidth",
    re.IGNORECASE,
)


def test_script_facts_have_one_home() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "script":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _FORBIDDEN.search(line):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}")
    assert not offenders, "script facts belong in lineage/script:\n" + "\n".join(offenders)
