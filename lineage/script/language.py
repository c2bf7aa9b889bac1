"""Which language a text is in, as far as script decides it, and what follows from it.

One rule answers "is this Chinese?" (:func:`is_chinese`): CJK letters (ideographs, kana,
bopomofo) make up at least a fifth of the letters. A fifth, not a half: an ideograph is about
a word while a Latin word takes five letters or so, so a Chinese text full of Latin symbols
(``A/RES/70/125 号决议``) still counts, and an English text quoting a Chinese name does not.
Digits and punctuation are not letters and do not vote.

Language tags (BCP 47, ``zh``, ``zh-Hans``, ``en``) decide where a document states its
language: Chinese and Japanese are tokenised by character (and a dictionary segmenter), every
other language by runs of word characters (Korean included: it writes word spaces).
"""
from __future__ import annotations

import re
import unicodedata

from lineage.script.chars import cjk_letters

__all__ = [
    "CJK_LANGUAGES",
    "NGRAM_ALPHABETIC",
    "NGRAM_CJK",
    "detect_language",
    "gram_size",
    "guess_language",
    "is_chinese",
    "is_cjk_language",
]

#: Languages written without word spaces (tokenised by character / dictionary).
CJK_LANGUAGES = ("zh", "ja")
#: n-gram sizes for matching passages: a Chinese character carries about a word's meaning,
#: so 3 characters; 6 characters (about a word and a half) for alphabetic text.
NGRAM_CJK = 3
NGRAM_ALPHABETIC = 6


def is_cjk_language(language: str | None) -> bool:
    """Whether a language tag names a language written without word spaces."""
    return bool(language) and language.split("-")[0].lower() in CJK_LANGUAGES  # type: ignore[union-attr]


def _counts(text: str) -> tuple[int, int]:
    """CJK letters and letters (``str.isalpha``) of ``text``; counted in C, as this runs over
    whole documents."""
    return sum(map(str.isalpha, cjk_letters(text))), sum(map(str.isalpha, text))


def is_chinese(text: str) -> bool:
    """The one "is this Chinese?" rule: CJK letters are at least a fifth of the letters
    (and there is one). Text without letters is not Chinese."""
    cjk, letters = _counts(text)
    return cjk > 0 and cjk * 5 >= letters


_EN_WORDS = {"the", "and", "of", "to", "in", "that", "for", "with", "on", "its"}
_FR_WORDS = {"le", "la", "les", "des", "et", "du", "une", "dans", "pour", "sur"}
_ES_WORDS = {"el", "los", "las", "del", "y", "una", "para", "con", "por", "que"}
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")


def guess_language(text: str) -> str | None:
    """``zh`` by :func:`is_chinese`, else ``en``/``fr``/``es`` by common function words
    (``en`` when none is found); ``None`` for text without letters."""
    cjk, letters = _counts(text)
    if letters == 0:
        return None
    if cjk * 5 >= letters:
        return "zh"
    words = _LATIN_WORD.findall(unicodedata.normalize("NFC", text.lower()))
    scores = {
        "en": sum(w in _EN_WORDS for w in words),
        "fr": sum(w in _FR_WORDS for w in words),
        "es": sum(w in _ES_WORDS for w in words),
    }
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "en"


def detect_language(text: str) -> str:
    """``"zh"`` or ``"en"``: the tokenising a text needs when its document states no
    language."""
    return "zh" if is_chinese(text) else "en"


def gram_size(text: str, language: str | None = None) -> int:
    """The n-gram size for matching ``text``: by the language tag when there is one, else by
    :func:`is_chinese`."""
    cjk = is_cjk_language(language) if language else is_chinese(text)
    return NGRAM_CJK if cjk else NGRAM_ALPHABETIC
