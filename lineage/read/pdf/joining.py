"""Joining printed lines into one paragraph text: Chinese lines join with nothing, English
ones with a space, a word broken with a hyphen at a line end is put back together."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from lineage.read.pdf.records import Mark
from lineage.read.pdf.script import is_cjk, is_wide_punct

__all__ = ["TextBuilder", "hyphenated_words", "line_separator"]

_QUOTES = set("“”‘’")
_HYPHEN_WORD = re.compile(r"[A-Za-z]+-[A-Za-z]+")
_WORD_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^([a-z]+)")


def line_separator(left: str, right: str) -> str:
    """What stands between two printed lines of one paragraph (the gap at a line end is
    invisible, so this is a rule): a space between two non-CJK characters (English, or a
    Latin run inside Chinese) and between an ideograph and a Latin letter or digit (Word's
    autospacing); nothing otherwise (Chinese text, full-width punctuation, Chinese quotes)."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    ca, cb = is_cjk(a) or is_wide_punct(a), is_cjk(b) or is_wide_punct(b)
    # Curly quotes serve both scripts: one takes the class of the text on the other side of
    # the break (``entitled`` + ``“Transforming`` is English, ``题为`` + ``“变革`` Chinese).
    if a in _QUOTES and b not in _QUOTES:
        ca = cb
    elif b in _QUOTES and a not in _QUOTES:
        cb = ca
    if not ca and not cb:
        return " "
    if (_is_han(a) and _latin_alnum(b)) or (_latin_alnum(a) and _is_han(b)):
        return " "
    return ""


def _is_han(ch: str) -> bool:
    return is_cjk(ch) and ch.isalpha() and not (0xFF00 <= ord(ch) <= 0xFFEF)


def _latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def hyphenated_words(texts: Iterable[str]) -> set[str]:
    """Hyphenated compounds printed whole somewhere (``multi-stakeholder``): a line-end
    hyphen inside one of these is kept."""
    out: set[str] = set()
    for t in texts:
        out.update(w.lower() for w in _HYPHEN_WORD.findall(t))
    return out


@dataclass
class TextBuilder:
    """Accumulates lines of one paragraph or footnote, with their marks moved to offsets of
    the joined text. ``newline_before`` starts a sub-item on a new line of the text."""

    keep_hyphens: set[str] = field(default_factory=set)
    text: str = ""
    marks: list[Mark] = field(default_factory=list)

    def add(self, line_text: str, marks: Iterable[Mark] = (), newline_before: bool = False) -> None:
        line_text = line_text.strip()
        if not self.text:
            sep = ""
        elif newline_before:
            sep = "\n"
        else:
            sep = line_separator(self.text, line_text)
            m_end, m_start = _WORD_END.search(self.text), _WORD_START.match(line_text)
            if m_end and m_start and f"{m_end.group(1)}-{m_start.group(1)}".lower() not in self.keep_hyphens:
                cut = len(self.text) - 1
                self.text = self.text[:-1]
                self.marks = [Mark(m.number, min(m.offset, cut)) for m in self.marks]
                sep = ""
            elif self.text.endswith("-") and m_start:
                sep = ""
        base = len(self.text) + len(sep)
        self.text = self.text + sep + line_text
        self.marks.extend(Mark(m.number, base + m.offset) for m in marks)
