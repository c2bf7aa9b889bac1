"""Paragraph numbers as Word displays them, computed from ``word/numbering.xml``.

Word stores no number in the text of an automatically numbered paragraph: the paragraph
names a list (``w:numPr``: ``w:numId`` and a level ``w:ilvl``, directly or through its style)
and Word counts. A list instance (``w:num``) points at an abstract definition
(``w:abstractNum``) whose levels give the start value, the format (``decimal``,
``lowerLetter``, ``lowerRoman``...) and the pattern (``w:lvlText``: ``%1.``, ``(%2)``). List
instances of one abstract definition share their counters, unless an instance overrides a
level's start (``w:lvlOverride/w:startOverride``), which restarts it the first time it is used.
A level restarts when a paragraph at a shallower level is numbered (or at the level
``w:lvlRestart`` names).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

__all__ = ["W", "Numbering", "format_number"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(_q("val"), default)


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_CN_DIGITS = "〇一二三四五六七八九"


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word's letter numbering repeats the letter after z: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in Word's number format ``fmt`` (unknown formats: decimal)."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional",
               "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after a paragraph at this level (1-based) or shallower
    legal: bool = False  # w:isLgl: the other levels' numbers shown as decimals
    suffix: str = "tab"


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # whole levels overridden


def _level(el: etree._Element) -> _Level:
    lvl = _Level()
    lvl.start = int(_val(el.find(_q("start")), "1") or 1)
    lvl.fmt = _val(el.find(_q("numFmt")), "decimal") or "decimal"
    lvl.text = _val(el.find(_q("lvlText")), "") or ""
    restart = el.find(_q("lvlRestart"))
    if restart is not None:
        lvl.restart = int(_val(restart, "0") or 0)
    legal = el.find(_q("isLgl"))
    lvl.legal = legal is not None and _val(legal, "1") not in ("0", "false")
    lvl.suffix = _val(el.find(_q("suff")), "tab") or "tab"
    return lvl


class Numbering:
    """The list definitions of one document and the counters as its paragraphs are read.
    Call :meth:`label` once per numbered paragraph, in document order."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()  # instances whose start overrides were applied
        if root is None:
            return
        for ab in root.findall(_q("abstractNum")):
            aid = ab.get(_q("abstractNumId"), "")
            self.abstracts[aid] = {int(lv.get(_q("ilvl"), "0")): _level(lv) for lv in ab.findall(_q("lvl"))}
        for num in root.findall(_q("num")):
            inst = _Instance(_val(num.find(_q("abstractNumId")), "") or "")
            for ov in num.findall(_q("lvlOverride")):
                ilvl = int(ov.get(_q("ilvl"), "0"))
                so = ov.find(_q("startOverride"))
                if so is not None:
                    inst.starts[ilvl] = int(_val(so, "1") or 1)
                lv = ov.find(_q("lvl"))
                if lv is not None:
                    inst.levels[ilvl] = _level(lv)
            self.instances[num.get(_q("numId"), "")] = inst

    def _def(self, inst: _Instance, ilvl: int) -> _Level | None:
        return inst.levels.get(ilvl) or self.abstracts.get(inst.abstract, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counters for a paragraph of list ``num_id`` at level ``ilvl``; return
        the label Word shows (``12.``, ``(a)``) and what follows it (``tab``, ``space``,
        ``nothing``), or None when the paragraph shows no number (``numId`` 0, a bullet, an
        unknown list)."""
        inst = self.instances.get(num_id)
        if num_id in ("", "0") or inst is None:
            return None
        level = self._def(inst, ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(inst.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in inst.starts.items():
                counters[lv] = start - 1
        counters[ilvl] = counters.get(ilvl, self._start(inst, ilvl) - 1) + 1
        for deeper in [lv for lv in counters if lv > ilvl]:
            d = self._def(inst, deeper)
            restart_at = d.restart if d is not None and d.restart is not None else None
            # lvlRestart 0: never restart; N: restart after a level-N (1-based) paragraph.
            if restart_at is None or (restart_at and ilvl < restart_at):
                counters.pop(deeper)
        if level.fmt == "bullet" or not level.text:
            return None

        def shown(lv: int) -> str:
            d = self._def(inst, lv) or _Level()
            n = counters.get(lv, self._start(inst, lv))
            if lv != ilvl and level.legal:
                return str(n)
            return format_number(n, d.fmt)

        text = level.text
        for lv in range(8, -1, -1):  # %10 does not exist; longest first is safe anyway
            if f"%{lv + 1}" in text:
                text = text.replace(f"%{lv + 1}", shown(lv))
        return text, level.suffix

    def _start(self, inst: _Instance, ilvl: int) -> int:
        d = self._def(inst, ilvl)
        return d.start if d is not None else 1
