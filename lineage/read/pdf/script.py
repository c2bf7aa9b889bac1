"""Character classes that decide spacing, and folding of PDF-font look-alike code points."""
from __future__ import annotations

from lineage.normalize.unicode_steps import LOOKALIKE_TABLE

__all__ = [
    "is_cjk",
    "is_wide_punct",
    "is_space",
    "is_garbage",
    "fold_lookalike",
]


def is_cjk(ch: str) -> bool:
    """Han ideographs, kana, hangul, CJK punctuation and full-width forms: characters between
    which printed Chinese never has a word space."""
    if not ch:
        return False
    cp = ord(ch[0])
    return (
        0x2E80 <= cp <= 0x2FDF  # radicals supplement, Kangxi radicals
        or 0x3000 <= cp <= 0x303F  # CJK symbols and punctuation
        or 0x3040 <= cp <= 0x30FF  # kana
        or 0x3100 <= cp <= 0x31FF
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x4E00 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= cp <= 0xFE4F  # vertical/compatibility forms
        or 0xFF00 <= cp <= 0xFFEF  # full-width and half-width forms
        or 0x20000 <= cp <= 0x3FFFF
    )


def is_wide_punct(ch: str) -> bool:
    """Typographic punctuation that sits next to Chinese without a space even when the
    font is a Latin one: curly quotes, dashes, the ellipsis, the middle dot."""
    return ch in "“”‘’—–…·"


def is_space(ch: str) -> bool:
    return ch.isspace() or ch == "\u3000"


def is_garbage(text: str) -> bool:
    """A glyph whose font has no usable Unicode mapping: pdfminer's ``(cid:N)`` placeholder,
    a private-use code point, or U+FFFD."""
    if text.startswith("(cid:"):
        return True
    for ch in text:
        cp = ord(ch)
        if 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp <= 0x10FFFF or cp == 0xFFFD:
            return True
    return False


# Hyphens that print as "-": HYPHEN, NON-BREAKING HYPHEN (Word's Ctrl+Shift+-, common in
# UN symbols and "Secretary-General"), SOFT HYPHEN (an optional hyphen printed at a line end).
_HYPHENS = {0x2010: "-", 0x2011: "-", 0x00AD: "-"}


_FOLD = {**LOOKALIKE_TABLE, **_HYPHENS}


def fold_lookalike(text: str) -> str:
    """Fold look-alike code points (what some PDF fonts map their glyphs to) to the character
    a reader would type: Kangxi radicals, radicals-supplement forms and compatibility
    ideographs to the unified ideograph (the table of ``lineage.normalize``'s ``lookalikes``
    step), the hyphen look-alikes (U+2010, U+2011, U+00AD) to ``-``. Only those code points:
    full-width punctuation and every other printed character stay as printed."""
    return text.translate(_FOLD)
