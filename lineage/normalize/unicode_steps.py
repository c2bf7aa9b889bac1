"""Steps about code points: invisible characters, look-alike ideographs, NFC, full-width forms.

Each step is ``text -> list[Edit]`` (positions in its input); see ``lineage.normalize.edits``.
"""
from __future__ import annotations

import re
import unicodedata

from lineage.normalize.edits import Edit, narrow_edit
from lineage.normalize.radicals import RADICAL_SUPPLEMENT
from lineage.normalize.scan import find_all
from lineage.script.chars import CJK, HSPACE, HSPACE_CHARS, LINEBREAK

__all__ = [
    "LOOKALIKE_TABLE",
    "invisible",
    "lookalikes",
    "nfc",
    "width",
    "cjk_punctuation",
    "INVISIBLE",
    "LOOKALIKE_BLOCKS",
    "WIDE_FORMS",
]

# --- invisible -----------------------------------------------------------------------------

# Soft hyphen, zero-width space, word joiner, BOM / zero-width no-break space. Zero-width
# joiner and non-joiner are kept: they carry meaning in Arabic, Indic scripts and emoji.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
# A soft hyphen at the end of a line marks where a word was split: the line break goes too.
# Patterns in this package start with one plain character class where they can: Python's
# regex engine then skips ahead fast; a leading repeat or alternation makes it try every
# position (several times slower on a long text).
_INVISIBLE_RE = re.compile(
    f"[{INVISIBLE}][{INVISIBLE}]*(?:(?<=\u00ad)[{HSPACE}]*(?:\r\n|[{LINEBREAK}])[{HSPACE}]*)?"
)


def invisible(text: str) -> list[Edit]:
    """Remove zero-width characters, BOMs and soft hyphens (a soft hyphen at a line end
    takes the line break with it: ``infor\\u00ad\\nmation`` -> ``information``)."""
    return [(m.start(), m.end(), "") for m in _INVISIBLE_RE.finditer(text)]


# --- look-alike ideographs -----------------------------------------------------------------

def _lookalike_table() -> dict[str, str]:
    # Radicals supplement: Unicode's EquivalentUnifiedIdeograph table (generated module).
    table = {chr(cp): chr(ideograph) for cp, ideograph in RADICAL_SUPPLEMENT.items()}
    # Kangxi radicals, and the two supplement radicals it lacks: a compatibility decomposition.
    for cp in range(0x2E80, 0x2FE0):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp) and chr(cp) not in table:
            table[chr(cp)] = folded
    # CJK compatibility ideographs: a canonical (singleton) decomposition to the unified one.
    for cp in [*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]:
        folded = unicodedata.normalize("NFD", chr(cp))
        if folded != chr(cp) and len(folded) == 1:
            table[chr(cp)] = folded
    return table


_LOOKALIKES = _lookalike_table()
LOOKALIKE_TABLE = {ord(k): v for k, v in _LOOKALIKES.items()}
"""For ``str.translate``: every look-alike ideograph this module folds (the PDF reader uses it
to give the characters a reader would type)."""
# The blocks as ranges (a class of ranges scans much faster than one of a thousand
# characters); characters of the blocks without a mapping are left alone.
LOOKALIKE_BLOCKS = "\u2e80-\u2fdf\uf900-\ufaff"
_LOOKALIKE_RE = re.compile(f"[{LOOKALIKE_BLOCKS}]")


def lookalikes(text: str) -> list[Edit]:
    """Fold ideograph look-alikes from PDF fonts to the unified ideograph: Kangxi radicals
    (``⼈`` U+2F08 -> ``人``), CJK Radicals Supplement forms (``⻅`` -> ``见``) and CJK
    compatibility ideographs (``U+F9D1`` -> ``六``; NFC would fold these too, this step
    names the cause). Compatibility ideographs of plane 2 (U+2F800-U+2FA1F) are left to
    ``nfc``, which folds them the same way, so that this step scans only two BMP blocks."""
    return [
        (m.start(), m.end(), _LOOKALIKES[m.group()])
        for m in _LOOKALIKE_RE.finditer(text)
        if m.group() in _LOOKALIKES
    ]


# --- NFC -------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\n]+")


def _clusters(line: str) -> list[tuple[int, int]]:
    """Spans of a starter and the characters that may compose with it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(line)):
        ch = line[i]
        # Conjoining Hangul vowels and trailing consonants compose although they are starters.
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff":
            continue
        spans.append((start, i))
        start = i
    spans.append((start, len(line)))
    return spans


def nfc(text: str) -> list[Edit]:
    """Unicode canonical composition: ``e`` + U+0301 -> ``é``. Only lines that are not already
    NFC are examined; each changed cluster (a starter and its combining marks) is one edit,
    or the whole line when composition crosses cluster boundaries (some Indic vowel signs)."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if unicodedata.is_normalized("NFC", line):
            continue
        target = unicodedata.normalize("NFC", line)
        pieces = []
        for i, j in _clusters(line):
            composed = unicodedata.normalize("NFC", line[i:j])
            pieces.append((i, j, composed))
        if "".join(p[2] for p in pieces) != target:
            edits.append(narrow_edit(m.start(), line, target))
            continue
        edits += [narrow_edit(m.start() + i, line[i:j], c) for i, j, c in pieces if c != line[i:j]]
    return edits


# --- width -----------------------------------------------------------------------------------

# The Chinese punctuation kept full-width in `compare`: ASCII forms of these next to Chinese
# text are web-copy slips (`我们认识到,考虑到`), while the ASCII forms are right in English.
_KEEP_WIDE = "，：；！？"
_TO_WIDE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}


def _width_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII: digits, letters, brackets, signs
        ch = chr(cp)
        if ch not in _KEEP_WIDE:
            table[ch] = chr(cp - 0xFEE0)
    for cp in [*range(0xFF5F, 0xFFDD), *range(0xFFE0, 0xFFE7)]:
        # White parentheses, half-width CJK punctuation and katakana, full-width signs.
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            table[chr(cp)] = folded
    return table


_WIDTH = _width_table()
# Full-width and half-width forms except the Chinese sentence punctuation kept full width.
WIDE_FORMS = "\uff02-\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uffef"
_WIDE_RE = re.compile(f"[{WIDE_FORMS}]")
_CJK_CHAR = re.compile(f"[{CJK}]")
_SPACE = frozenset(HSPACE_CHARS + LINEBREAK)


def _skippable(ch: str) -> bool:
    return ch in _SPACE or ch in _TO_WIDE


def _cjk_neighbours(text: str, positions: list[int]) -> list[bool]:
    """For each of the sorted ``positions``: whether the nearest neighbour of that character
    on either side is CJK, looking past whitespace and past other ASCII ``,:;!?`` (so
    ``和,,A`` folds both commas, and a second pass finds nothing left to fold).

    Every position inside one run of such characters has the same neighbours, so each run
    is walked once: linear in the text, where asking per position was quadratic in a long
    run (``!`` * 4000 took 8 s)."""
    out: list[bool] = []
    run_start = run_end = -1  # the run [run_start, run_end) of skippable characters last walked
    verdict = False
    for i in positions:
        if not run_start <= i < run_end:
            j = i
            while j > 0 and _skippable(text[j - 1]):
                j -= 1
            k = i + 1
            while k < len(text) and _skippable(text[k]):
                k += 1
            run_start, run_end = j, k
            verdict = (j > 0 and _CJK_CHAR.match(text, j - 1) is not None) or \
                (k < len(text) and _CJK_CHAR.match(text, k) is not None)
        out.append(verdict)
    return out


def width(text: str) -> list[Edit]:
    """Fold the forms that vary between half and full width to one form: full-width digits,
    letters, brackets and signs to ASCII (``（a）`` -> ``(a)``, ``１２`` -> ``12``), half-width
    CJK punctuation and katakana to full width (``｡`` -> ``。``). The Chinese sentence
    punctuation ``，：；！？`` stays full width (see :func:`cjk_punctuation`)."""
    return [
        (m.start(), m.end(), _WIDTH[m.group()])
        for m in _WIDE_RE.finditer(text)
        if m.group() in _WIDTH
    ]


def cjk_punctuation(text: str, chars: str = ",:;!?") -> list[Edit]:
    """An ASCII ``,:;!?`` next to Chinese text becomes the full-width form Chinese uses
    (``我们认识到,考虑到`` -> ``我们认识到，考虑到``, as in web copies of UN texts); one in
    Latin text or between digits stays (``Distr.: General``, ``1,000``). ``chars``: those
    of ``,:;!?`` that may occur."""
    found = find_all(text, chars)
    return [(i, i + 1, _TO_WIDE[text[i]]) for i, near in zip(found, _cjk_neighbours(text, found)) if near]
