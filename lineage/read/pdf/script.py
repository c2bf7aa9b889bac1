"""What PDF fonts do to characters: glyphs without a usable Unicode mapping, look-alike code
points. (Character classes are :mod:`lineage.script`'s.)"""
from __future__ import annotations

from lineage.normalize.unicode_steps import LOOKALIKE_TABLE

__all__ = [
    "is_garbage",
    "fold_lookalike",
]


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
