"""Pure parsers for the metadata lines of UN documents (the masthead and the closing).

Shared by the text readers and the PDF extractor: each function takes one line (or a short
text) as printed, tolerates the layout spaces and full-width digits Chinese PDFs carry, and
returns a plain value (ISO date, int, symbol string) or ``None`` when the line is not of that
kind. Nothing here knows about a particular document.
"""
from __future__ import annotations

import datetime
import re

from lineage.errors import SymbolError
from lineage.model.symbols import canonical_symbol
from lineage.script.chars import HAN

__all__ = [
    "fold_digits",
    "chinese_numeral_to_int",
    "english_ordinal_to_int",
    "parse_english_date",
    "parse_chinese_date",
    "parse_date",
    "is_date_line",
    "parse_session",
    "session_line",
    "agenda_line",
    "parse_agenda_items",
    "parse_distribution",
    "find_symbol",
    "find_symbols",
    "symbol_spans",
    "is_symbol_line",
    "strip_language_suffix",
    "parse_resolution_number",
    "parse_adoption_date",
    "parse_meeting",
    "parse_draft_reference",
    "find_lineage_references",
    "is_annex_label",
]

# Full-width digits (U+FF10..) and the ideographic zero used in dates such as 二〇二五年.
_DIGIT_FOLD = {0xFF10 + i: str(i) for i in range(10)}


def fold_digits(text: str) -> str:
    """Full-width digits to ASCII digits; everything else unchanged."""
    return text.translate(_DIGIT_FOLD)


# --- Chinese numerals -------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def chinese_numeral_to_int(text: str) -> int | None:
    """``八十`` -> 80, ``一百零五`` -> 105, ``十二`` -> 12, ``二〇二五`` -> 2025 (digit by digit);
    ASCII or full-width digits are accepted too. ``None`` if ``text`` is not a numeral."""
    s = fold_digits(text.strip())
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in s):
        return None
    if not any(ch in _CN_UNITS for ch in s):
        # Digit-by-digit form used for years: 二〇二五.
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            # A bare unit (十二) means one of it.
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit is not None:
        total += digit
    return total


# --- English ordinals -------------------------------------------------------------------------

_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_CARD_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_CARD_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}


def english_ordinal_to_int(text: str) -> int | None:
    """``Eightieth`` -> 80, ``eighty-first`` -> 81, ``one hundred and fifth`` -> 105,
    ``80th`` -> 80. ``None`` if not an ordinal."""
    s = text.strip().lower()
    m = re.fullmatch(r"(\d+)\s*(?:st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    words = [w for w in re.split(r"[\s\-]+", s) if w and w != "and"]
    if not words or words[-1] not in _ORD_UNITS:
        return None
    total = 0
    for w in words[:-1]:
        if w == "hundred":
            total = (total or 1) * 100
        elif w in _CARD_TENS:
            total += _CARD_TENS[w]
        elif w in _CARD_SMALL:
            total += _CARD_SMALL[w]
        else:
            return None
    last = _ORD_UNITS[words[-1]]
    if last == 100:
        return (total or 1) * 100
    return total + last


# --- dates ------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"],
        start=1,
    )
}
# French documents are UN documents too (``19 décembre 2025``, ``1er décembre 2025``).
_MONTHS.update({
    m: i
    for i, m in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"],
        start=1,
    )
})
# Abbreviated English months (``19 Dec. 2025``, ``Sept. 5, 2025``), keyed by what is printed.
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())[:12]})
_MONTHS["sept"] = 9
# Longest names first so ``Dec`` does not stop the match short of ``December``.
_MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
# A day number may carry its ordinal suffix: ``1st December 2025``, ``1er décembre 2025``.
_DAY_RE = r"\d{1,2}(?:st|nd|rd|th|er)?"
_EN_DATE_DMY = re.compile(rf"\b({_DAY_RE})\s+({_MONTH_RE})(?:\s*,\s+|\s+)(\d{{4}})\b", re.IGNORECASE)
_EN_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\s+({_DAY_RE})(?:\s*,\s*|\s+)(\d{{4}})\b", re.IGNORECASE)
_CN_NUM = r"[0-9０-９〇○零一二两三四五六七八九十百]+"
# The look-behind makes a search try each run of numerals once, from its start: tried from
# every position of a long run of digits, the search was quadratic in the run's length.
_CN_DATE = re.compile(rf"(?<![0-9０-９〇○零一二两三四五六七八九十百])({_CN_NUM})\s*年\s*({_CN_NUM})\s*月\s*({_CN_NUM})\s*日")


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2199:
        return None
    try:
        # A day the calendar lacks (31 February) is a misreading, not a date.
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def parse_english_date(text: str) -> str | None:
    """First date in Latin script in ``text`` as ISO: ``19 December 2025``, ``19 Dec. 2025``,
    ``1st December 2025``, ``December 19, 2025``, ``December 19 2025``, French
    ``19 décembre 2025``."""
    m = _EN_DATE_DMY.search(text)
    if m:
        return _iso(int(m.group(3)), _month(m.group(2)), _day(m.group(1)))
    m = _EN_DATE_MDY.search(text)
    if m:
        return _iso(int(m.group(3)), _month(m.group(1)), _day(m.group(2)))
    return None


def parse_chinese_date(text: str) -> str | None:
    """First Chinese date in ``text`` (``2025 年 12 月 17 日``, ``２０２５年１２月１７日``,
    ``二〇二五年十二月十七日``) as ISO."""
    m = _CN_DATE.search(text)
    if not m:
        return None
    parts = [chinese_numeral_to_int(g) for g in m.groups()]
    if any(p is None for p in parts):
        return None
    return _iso(parts[0], parts[1], parts[2])  # type: ignore[arg-type]


def parse_date(text: str) -> str | None:
    """First English or Chinese date in ``text`` as ISO ``YYYY-MM-DD``."""
    return parse_chinese_date(text) or parse_english_date(text)


def is_date_line(line: str) -> bool:
    """The whole line is a date (the masthead date or the closing date), nothing else."""
    s = line.strip().rstrip(".。")
    for rx in (_CN_DATE, _EN_DATE_DMY, _EN_DATE_MDY):
        m = rx.fullmatch(s)
        if m and parse_date(s):
            return True
    return False


# --- session, agenda, distribution ------------------------------------------------------------

_CN_SESSION = re.compile(rf"第\s*({_CN_NUM}|[0-9０-９]+)\s*届(?:会议|常会|特别会议|紧急特别会议)?")
_EN_SESSION = re.compile(
    r"\b((?:[A-Za-z]+[\s\-]+){0,4}?[A-Za-z]+|\d+(?:st|nd|rd|th))\s+(?:special\s+|emergency\s+special\s+)?session\b",
    re.IGNORECASE,
)


def parse_session(line: str) -> str | None:
    """``第八十届会议`` -> ``"80"``; ``Eightieth session`` -> ``"80"``."""
    m = _CN_SESSION.search(line)
    if m:
        n = chinese_numeral_to_int(m.group(1))
        return str(n) if n else None
    m = _EN_SESSION.search(line)
    if m:
        words = m.group(1).split()
        # Try the longest tail of words that reads as an ordinal ("General Assembly Eightieth").
        for i in range(len(words)):
            n = english_ordinal_to_int(" ".join(words[i:]))
            if n:
                return str(n)
    return None


# A sub-item's letter may stand in full-width brackets in a Chinese masthead: 18（b）.
_ITEM = r"\d+(?:\s*[(（][a-z][)）])?"
_AGENDA_RE = re.compile(
    rf"(?:议程项目|Agenda\s+items?|Items?)\s*({_ITEM}(?:\s*(?:,|，|、|和|及|and|&)\s*{_ITEM})*)",
    re.IGNORECASE,
)


def parse_agenda_items(line: str) -> list[str] | None:
    """``议程项目 15 和 116`` / ``Agenda items 15 and 116`` / ``Item 15 of the provisional
    agenda`` -> ``["15", "116"]``; sub-items keep their letter: ``"18(b)"``."""
    s = fold_digits(line)
    if not re.search(r"议程项目|agenda", s, re.IGNORECASE):
        return None
    m = _AGENDA_RE.search(s)
    if not m:
        return None
    items = re.findall(_ITEM, m.group(1))
    return [re.sub(r"\s+", "", it).replace("（", "(").replace("）", ")") for it in items] or None


_DISTR_RE = re.compile(r"Distr\.?\s*[:：]?\s*(General|Limited|Restricted)\b", re.IGNORECASE)


def parse_distribution(line: str) -> str | None:
    """``Distr.: General`` -> ``"General"`` (also Limited, Restricted)."""
    m = _DISTR_RE.search(line)
    return m.group(1).capitalize() if m else None


# --- symbols ----------------------------------------------------------------------------------

# A UN symbol: a series/organ prefix, then slash-separated parts, e.g. A/RES/80/173,
# A/C.2/80/L.12/Rev.1, WSIS-05/TUNIS/DOC/6(Rev.1)-C, A/CONF.157/24. This only finds where a
# symbol is; :func:`lineage.model.symbols.parse_symbol` spells it. Typed or laid-out symbols carry
# stray spaces (``A /80/ L.41``, ``A/80/L. 41``): one space either side of a slash and after a
# designation's dot is taken, but never on both sides of one slash, so the two symbols of
# ``A/80/L.41 / A/80/L.42`` are not run together.
_SLASH = r"(?:[ \t]/|/[ \t]?)"
_SYMBOL_RE = re.compile(
    # Not inside a word or another symbol; but Chinese sets a symbol right after an
    # ideograph (``见A/60/687``, ``联合国Ａ／８０／Ｌ.４１`` once layout spaces are gone).
    rf"(?<![/.])(?<!(?![{HAN}])\w)"
    r"(?:[A-Z]{1,8}(?:-\d{2})?|[A-Z]{1,8}\.\d+)"
    rf"(?:{_SLASH}(?:[A-Z][A-Za-z]*(?:\.[ \t]?\d+|\.|\d+)?|\d+)(?:\.\d+)*"
    r"(?:\((?:Rev|Add|Corr|Amend)\.\d+\))?(?:-[A-Z])?)+"
)


# Full-width ASCII forms (U+FF01..FF5E) and the other slashes parse_symbol folds, one
# character for one, so a match in the folded line has the same offsets in the printed one.
_SYMBOL_FOLD: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_SYMBOL_FOLD.update(dict.fromkeys(map(ord, "\u2044\u2215\u29f8"), "/"))
_SYMBOL_FOLD[0x3000] = " "


def _symbol_text(line: str) -> str:
    """``line`` with full-width letters, digits and slashes as ASCII (what the NFKC folding
    of :func:`lineage.model.symbols.parse_symbol` does to them), so ``Ａ／８０／Ｌ.４１`` is found."""
    return line.translate(_SYMBOL_FOLD)


def _spell(raw: str) -> str:
    """The symbol as :mod:`lineage.model.symbols` spells it; a form it does not take (a summit
    document's language letter, ``...(Rev.1)-C``) keeps its printed spelling, spaces removed."""
    try:
        return canonical_symbol(raw)
    except SymbolError:
        return re.sub(r"\s+", "", raw)


def symbol_spans(line: str) -> list[tuple[int, int, str]]:
    """Every UN document symbol in ``line`` as ``(start, end, symbol)``: where it is printed
    in ``line`` and its canonical spelling (``A /80/ L.41``, ``Ａ／８０／Ｌ.４１`` -> ``A/80/L.41``)."""
    out = []
    for m in _SYMBOL_RE.finditer(_symbol_text(line)):
        raw = m.group(0).rstrip(" \t")
        if "/" in raw and re.search(r"\d", raw):
            out.append((m.start(), m.start() + len(raw), _spell(raw)))
    return out


def find_symbols(line: str) -> list[str]:
    """Every UN document symbol in ``line``, in order, spelled canonically."""
    return [sym for _, _, sym in symbol_spans(line)]


def find_symbol(line: str) -> str | None:
    """The first UN document symbol in ``line`` (``A/RES/80/173``, ``A/80/L.41``, ...)."""
    found = find_symbols(line)
    return found[0] if found else None


def is_symbol_line(line: str) -> bool:
    """The line holds a symbol and nothing else (masthead corner, running header)."""
    s = _symbol_text(line).strip()
    m = _SYMBOL_RE.fullmatch(s)
    return m is not None and find_symbol(s) is not None


_LANGUAGE_SUFFIX = re.compile(r"^(.*(?:\)|\d))-[ACEFRS]$")


def strip_language_suffix(symbol: str) -> str:
    """The document's symbol without the language version mark that summit documents carry:
    ``WSIS-05/TUNIS/DOC/6(Rev.1)-C`` -> ``WSIS-05/TUNIS/DOC/6(Rev.1)`` (C for Chinese)."""
    m = _LANGUAGE_SUFFIX.match(symbol)
    return m.group(1) if m and symbol.startswith("WSIS-") else symbol


_RES_NUMBER_RE = re.compile(r"^(?:[-*+]\s+)?(\d{1,3})/(\d{1,4})\s*[.．]\s*(.*)$")


def parse_resolution_number(line: str) -> tuple[str, str] | None:
    """The resolution number line ``80/173. Title`` -> ``("A/RES/80/173", "Title")``."""
    m = _RES_NUMBER_RE.match(fold_digits(line.strip()))
    if not m:
        return None
    return f"A/RES/{int(m.group(1))}/{int(m.group(2))}", m.group(3).strip()


_CN_ADOPTED = re.compile(rf"^\s*{_CN_DATE.pattern}\s*(?:大会|安全理事会|经济及社会理事会)?\s*(?:通过的)?决议\s*$")
# The heading line only: a preambular paragraph may well say "the first resolution adopted by
# the General Assembly on 24 January 1946, ...".
_EN_ADOPTED = re.compile(r"^\s*Resolution\s+adopted\s+by\s+the\s+.+?\s+on\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$",
                         re.IGNORECASE)


def parse_adoption_date(line: str) -> str | None:
    """The date a resolution was adopted, from its heading line: ``2025 年 12 月 17 日大会决议``,
    ``Resolution adopted by the General Assembly on 17 December 2025``."""
    s = line.strip()
    if _CN_ADOPTED.match(s):
        return parse_chinese_date(s)
    m = _EN_ADOPTED.search(s)
    if m:
        return parse_english_date(m.group(1))
    return None


_MEETING_RE = re.compile(
    r"^\s*(?:第\s*([0-9０-９]+|[一二三四五六七八九十百零〇]+)\s*次全体会议"
    r"|(\d+)(?:st|nd|rd|th)\s+plenary\s+meeting)\s*[.。]?\s*$",
    re.IGNORECASE,
)


def parse_meeting(line: str) -> int | None:
    """The closing meeting line ``第 68 次全体会议`` / ``68th plenary meeting`` -> 68."""
    m = _MEETING_RE.match(line)
    if not m:
        return None
    return chinese_numeral_to_int(m.group(1)) if m.group(1) else int(m.group(2))


def parse_draft_reference(line: str) -> str | None:
    """The bracketed note under a resolution's title naming its draft:
    ``[未经发交主要委员会而通过 (A/80/L.41)]``, ``[without reference to a Main Committee
    (A/80/L.41)]`` -> ``"A/80/L.41"``."""
    s = line.strip()
    if not (s.startswith("[") and s.endswith("]")):
        return None
    return find_symbol(s)


# The phrases of a masthead that name an earlier document of the same text: the draft a
# plenary resolution was adopted from, the Main Committee report it came on, the draft a
# facilitator's text replaces. Matched on the first page's text joined into one line.
_REFERENCE_PATTERNS = (
    ("adopted_from", re.compile(r"\[\s*without\s+reference\s+to\s+a\s+Main\s+Committee\s*\(([^)]*)\)\s*\]", re.IGNORECASE)),
    ("adopted_from", re.compile(r"\[\s*未经发交主要委员会而通过\s*[(（]([^)）]*)[)）]\s*\]")),
    ("report", re.compile(r"\[\s*on\s+the\s+reports?\s+of\s+the\s+[\w\s-]{1,40}?\(([^)]*)\)\s*\]", re.IGNORECASE)),
    ("report", re.compile(r"\[\s*根据[^\]]{1,20}?报告\s*[(（]([^)）]*)[)）][^\]]{0,6}\]")),
    ("replaces", re.compile(r"on\s+the\s+basis\s+of\s+informal\s+consultations\s+on\s+draft\s+(?:resolution|decision)s?\s+"
                            r"((?:[A-Z]\S+)(?:\s*(?:,|and)\s*[A-Z]\S+)*)", re.IGNORECASE)),
    ("replaces", re.compile(r"根据关于(?:决议|决定)草案\s*([A-Z][^\s的]*)\s*的非正式协商")),
)


def find_lineage_references(text: str) -> list[tuple[str, str, str]]:
    """``(relation, symbol, phrase)`` for each masthead phrase in ``text`` that names an
    earlier document: ``adopted_from`` ("[without reference to a Main Committee
    (A/80/L.41)]"), ``report`` ("[on the report of the Second Committee (A/80/555, para. 7)]":
    a report, not the draft), ``replaces`` ("... on the basis of informal consultations on
    draft resolution A/C.2/80/L.3"). ``text`` may hold line breaks (they are read as spaces)."""
    flat = " ".join(text.split())
    found: list[tuple[str, str, str]] = []
    for relation, pattern in _REFERENCE_PATTERNS:
        for m in pattern.finditer(flat):
            for sym in find_symbols(m.group(1)):
                item = (relation, strip_language_suffix(sym), m.group(0))
                if item not in found:
                    found.append(item)
    return found


# --- language ---------------------------------------------------------------------------------


_SESSION_LINE_CN = re.compile(rf"^\s*第\s*(?:{_CN_NUM})\s*届(?:会议|常会|特别会议|紧急特别会议)?\s*$")
_SESSION_LINE_EN = re.compile(
    r"^\s*(?:[A-Za-z]+[\s\-]+){0,4}?(?:[A-Za-z]+|\d+(?:st|nd|rd|th))\s+"
    r"(?:special\s+|emergency\s+special\s+)?session\s*$",
    re.IGNORECASE,
)


def session_line(line: str) -> str | None:
    """Like :func:`parse_session`, but only when the whole line is the session line (so a
    sentence that mentions a session is not taken for the masthead)."""
    if _SESSION_LINE_CN.match(fold_digits(line)) or _SESSION_LINE_EN.match(line):
        return parse_session(line)
    return None


def agenda_line(line: str) -> list[str] | None:
    """Like :func:`parse_agenda_items`, but only for a line that starts with the agenda item
    label (``议程项目``, ``临时议程项目``, ``Agenda item(s)``, ``Provisional agenda item``,
    ``Item N of the provisional agenda``)."""
    label = r"^\s*(?:(?:临时)?议程项目|(?:Provisional\s+)?Agenda\s+items?\b|Items?\s+\d)"
    if re.match(label, line, re.IGNORECASE):
        return parse_agenda_items(line)
    return None


# "Annex", "Annex II", "Appendix", "附件", "附件一": the label printed over an annexed text's title.
_ANNEX_LABEL = re.compile(r"^\s*(?:(?:Annex|Appendix|Annexe|Anexo)(?:\s+[IVXL\d]{1,5})?|附件[一二三四五六七八九十\d]{0,3})\s*$")


def is_annex_label(line: str) -> bool:
    """Is ``line`` an annex label alone (``Annex``, ``Annex II``, ``附件``)?"""
    return bool(_ANNEX_LABEL.match(line))
