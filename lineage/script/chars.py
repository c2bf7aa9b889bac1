"""Character classes, decided once: which characters are Han, kana, Hangul, CJK punctuation,
full-width forms, spaces and line breaks, and which of them count as "CJK".

Each class is a regex fragment (for use inside ``[...]``; the normaliser builds fast patterns
from them) and, where a caller needs it, a single-character test.

"CJK" means *written without word spaces*: Han ideographs (with the radical, stroke and
compatibility blocks a PDF font may map them to, and the extension blocks of planes 2 and 3),
kana, bopomofo, CJK symbols and punctuation and the full-width sentence punctuation
``！，：；？``. The same class decides spacing (a line break or a layout space next to a CJK
character is no word space) and tokenising (a CJK character is a word on its own, or a
dictionary segmenter cuts the run).

Deliberately not CJK:

- **Hangul**: Korean separates words with spaces, so a space next to Hangul is a word space
  and Korean words are runs of word characters, like Latin ones.
- **U+3000 ideographic space**: it is whitespace (:data:`HSPACE`), not a character.
- **Full-width ASCII forms** (``（a）``, ``１２``, ``Ａ``): the `compare` normalisation folds them
  to ASCII, so they are classed with what they fold to (:data:`WIDE_ASCII`, part of
  :data:`NEUTRAL`); spacing decisions are then the same before and after folding.
- **Neutral punctuation** shared by Chinese and Western typesetting (curly quotes, em dash,
  horizontal bar, ellipsis, middle dot, and the full-width ASCII forms): next to a CJK
  character it belongs to the Chinese text (no space), elsewhere it does not.
"""
from __future__ import annotations

import functools
import re

__all__ = [
    "BOPOMOFO",
    "CJK",
    "SEGMENTER_RUN",
    "CJK_LETTERS",
    "CJK_PUNCT",
    "HAN",
    "HANGUL",
    "HSPACE",
    "HSPACE_CHARS",
    "KANA",
    "LINEBREAK",
    "NEUTRAL",
    "WIDE_ASCII",
    "char_classes",
    "cjk_letters",
    "has_cjk",
    "is_cjk",
    "is_cjk_letter",
    "is_han",
    "is_hangul",
    "is_kana",
    "is_latin_alnum",
    "is_neutral",
    "is_space",
]

#: What jieba, the Chinese word segmenter, cuts as one run: its own class, kept exactly as
#: jieba defines it (``jieba.re_han_default``) so that our cuts equal jieba's
#: (``lineage.compare.zhwords``, tests/test_zhwords.py); narrower than :data:`HAN` on purpose.
SEGMENTER_RUN = "\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-"

#: Han ideographs: the radical blocks and CJK strokes (PDF fonts map glyphs to them), the
#: ideographic zero, Extension A, the unified block, the compatibility ideographs, and all of
#: planes 2 and 3 (Extensions B-I and the compatibility supplement).
HAN = (
    "\u2e80-\u2eff\u2f00-\u2fdf\u3007\u31c0-\u31ef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003ffff"
)
#: Kana (Japanese): hiragana, katakana, their phonetic extensions, half-width katakana.
KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
#: Bopomofo (Chinese phonetic symbols).
BOPOMOFO = "\u3100-\u312f\u31a0-\u31bf"
#: Hangul jamo and syllables, full and half width. Not CJK (see the module docstring).
HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc"
#: CJK symbols and punctuation except the ideographic space U+3000 (whitespace), vertical and
#: small forms, the full-width sentence punctuation ``！，：；？``, the white parentheses and the
#: half-width CJK punctuation.
CJK_PUNCT = "\u3001-\u3006\u3008-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01\uff0c\uff1a\uff1b\uff1f\uff5f-\uff65"
#: Characters written without word spaces (spacing and tokenising).
CJK = HAN + KANA + BOPOMOFO + CJK_PUNCT
#: The letters among them (ideographs, kana, bopomofo): what counts for "is this Chinese?"
#: and for Word's autospacing between an ideograph and a Latin letter or digit.
CJK_LETTERS = HAN + KANA + BOPOMOFO

#: Full-width forms of ASCII letters, digits, brackets and signs, and the full-width signs
#: U+FFE0-FFE6: folded to ASCII by `compare`, so not CJK (see the module docstring).
WIDE_ASCII = "\uff02-\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e\uffe0-\uffe6"
#: Punctuation shared by Chinese and Western typesetting, and the full-width ASCII forms.
NEUTRAL = "\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7" + WIDE_ASCII

#: Horizontal whitespace: space, tab, no-break spaces, the typographic spaces, the
#: ideographic space.
HSPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: The same as a plain string of the characters (for ``in`` tests and ``str.strip``).
HSPACE_CHARS = " \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
#: Line breaks of every convention (the pair CR LF counts as one break).
LINEBREAK = "\n\r\v\f\u0085\u2028\u2029"



@functools.cache
def _class(body: str) -> re.Pattern[str]:
    # Compiled on first use: a class with the Han blocks takes ~15 ms to compile, and most
    # commands need only some of these tests.
    return re.compile(f"[{body}]")


@functools.cache
def _runs(body: str) -> re.Pattern[str]:
    # Runs rather than single characters: findall over a long Chinese text would otherwise
    # make one string object per character (tens of MB for a long document).
    return re.compile(f"[{body}]+")


_SPACES = frozenset(HSPACE_CHARS + LINEBREAK)


def is_han(ch: str) -> bool:
    """A Han ideograph (or radical, stroke, compatibility ideograph). ``ch`` is one character
    or empty (a text edge: False), as for every test here."""
    return bool(ch) and _class(HAN).match(ch) is not None


def is_kana(ch: str) -> bool:
    return bool(ch) and _class(KANA).match(ch) is not None


def is_hangul(ch: str) -> bool:
    return bool(ch) and _class(HANGUL).match(ch) is not None


def is_cjk(ch: str) -> bool:
    """Written without word spaces: Han, kana, bopomofo, CJK punctuation (not Hangul, not
    U+3000, not the full-width ASCII forms)."""
    return bool(ch) and _class(CJK).match(ch) is not None


def is_cjk_letter(ch: str) -> bool:
    """A Han ideograph, kana or bopomofo (not punctuation)."""
    return bool(ch) and _class(CJK_LETTERS).match(ch) is not None


def is_neutral(ch: str) -> bool:
    """Punctuation shared by Chinese and Western text, or a full-width ASCII form."""
    return bool(ch) and _class(NEUTRAL).match(ch) is not None


def is_space(ch: str) -> bool:
    """Any whitespace, the ideographic space included."""
    return bool(ch) and (ch in _SPACES or ch.isspace())


def is_latin_alnum(ch: str) -> bool:
    """An ASCII letter or digit (the other side of Word's autospacing)."""
    return bool(ch) and ch.isascii() and ch.isalnum()


def cjk_letters(text: str) -> str:
    """The characters of ``text`` in :data:`CJK_LETTERS`, in order (one regex scan, for
    counting over a whole document)."""
    return "".join(_runs(CJK_LETTERS).findall(text))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any CJK character."""
    return _class(CJK).search(text) is not None


def char_classes(ch: str) -> frozenset[str]:
    """Every class ``ch`` belongs to, by name (``han``, ``kana``, ``bopomofo``, ``hangul``,
    ``cjk_punct``, ``wide_ascii``, ``neutral``, ``space``, ``cjk``, ``cjk_letter``): the table
    the tests check each character against."""
    tests = {
        "han": HAN, "kana": KANA, "bopomofo": BOPOMOFO, "hangul": HANGUL, "cjk_punct": CJK_PUNCT,
        "wide_ascii": WIDE_ASCII, "neutral": NEUTRAL, "cjk": CJK, "cjk_letter": CJK_LETTERS,
    }
    out = {name for name, body in tests.items() if _class(body).match(ch)}
    if is_space(ch):
        out.add("space")
    return frozenset(out)
