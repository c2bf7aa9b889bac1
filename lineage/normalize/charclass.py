"""Character classes shared by the steps, as regex fragments (for use inside ``[...]``) and
as compiled single-character tests.

"CJK" here means characters that Chinese and Japanese typesetting sets without word spaces:
Han ideographs (with the radical and compatibility blocks a PDF font may map them to),
kana, CJK symbols and punctuation, and the full-width forms. Hangul is deliberately left out:
Korean separates words with spaces, so a space next to Hangul is not layout.
"""
from __future__ import annotations

import re

__all__ = [
    "HAN",
    "CJK",
    "NEUTRAL",
    "WIDE_ASCII",
    "HSPACE",
    "HSPACE_CHARS",
    "LINEBREAK",
    "is_cjk",
    "is_cjk_or_neutral",
]

#: Han ideographs: Extension A, URO, compatibility ideographs, Extensions B-H (planes 2-3),
#: the ideographic zero, and the radical blocks (they render as ideographs in PDF fonts).
HAN = (
    "\u2e80-\u2eff\u2f00-\u2fdf\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
#: Kana (Japanese) and its phonetic extensions.
KANA = "\u3040-\u30ff\u31f0-\u31ff"
#: CJK symbols and punctuation except the ideographic space U+3000 (that one is whitespace),
#: vertical and small forms, the full-width sentence punctuation ``！，：；？``, the white
#: parentheses, half-width CJK punctuation and half-width katakana.
CJK_PUNCT = "\u3001-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01\uff0c\uff1a\uff1b\uff1f\uff5f-\uffdc"
CJK = HAN + KANA + CJK_PUNCT

#: Full-width forms of ASCII letters, digits, brackets and signs (``（a）``, ``１２``): the
#: `compare` profile folds them to ASCII, so they are classed with what they fold to (not
#: CJK), which keeps spacing decisions the same before and after folding.
WIDE_ASCII = "\uff02-\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e\uffe0-\uffe6"

#: Characters shared by Chinese and Western typesetting (curly quotes, dashes, ellipsis,
#: middle dot, the full-width ASCII forms): next to a CJK character they are part of Chinese
#: text, elsewhere they are not.
NEUTRAL = "\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7" + WIDE_ASCII

#: Horizontal whitespace: space, tab, no-break spaces, the typographic spaces, the
#: ideographic space.
HSPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: The same as a plain string of the characters (for ``in`` tests and ``str.strip``).
HSPACE_CHARS = " \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
#: Line breaks of every convention (the pair CR LF is matched as one break by the steps).
LINEBREAK = "\n\r\v\f\u0085\u2028\u2029"

_CJK_CHAR = re.compile(f"[{CJK}]")
_CJK_OR_NEUTRAL_CHAR = re.compile(f"[{CJK}{NEUTRAL}]")


def is_cjk(ch: str) -> bool:
    """Whether the single character ``ch`` (may be empty: text edge) is CJK."""
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def is_cjk_or_neutral(ch: str) -> bool:
    return bool(ch) and _CJK_OR_NEUTRAL_CHAR.match(ch) is not None
