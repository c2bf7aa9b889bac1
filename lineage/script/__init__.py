"""Facts about writing systems, each decided once (the package imports nothing else of ours).

- :mod:`lineage.script.chars`: character classes (Han, kana, bopomofo, Hangul, CJK
  punctuation, full-width forms, neutral punctuation, spaces, line breaks) and what "CJK"
  means: written without word spaces, for spacing and for tokenising alike. Hangul is not
  CJK (Korean writes word spaces); U+3000 is whitespace; full-width ASCII forms are classed
  with the ASCII they fold to.
- :mod:`lineage.script.language`: the one "is this Chinese?" rule, language guesses, which
  language tags are tokenised by character, n-gram sizes.
- :mod:`lineage.script.punctuation`: sentence and clause ends, closing quotes and brackets.
- :mod:`lineage.script.lines`: the line-join separator and the one line-end hyphen policy.
- :mod:`lineage.script.width`: terminal display width (import it from there: it loads wcwidth,
  which the other facts do not need).

``docs/script.md`` explains each decision; ``tests/data/script/*.tsv`` holds the cases.
"""
from __future__ import annotations

from lineage.script.chars import (
    BOPOMOFO,
    CJK,
    CJK_LETTERS,
    CJK_PUNCT,
    HAN,
    HANGUL,
    HSPACE,
    HSPACE_CHARS,
    KANA,
    LINEBREAK,
    NEUTRAL,
    WIDE_ASCII,
    char_classes,
    has_cjk,
    is_cjk,
    is_cjk_letter,
    is_han,
    is_hangul,
    is_kana,
    is_latin_alnum,
    is_neutral,
    is_space,
)
from lineage.script.language import (
    CJK_LANGUAGES,
    NGRAM_ALPHABETIC,
    NGRAM_CJK,
    detect_language,
    gram_size,
    guess_language,
    is_chinese,
    is_cjk_language,
)
from lineage.script.lines import (
    DASHES,
    HYPHENS,
    Words,
    collect_words,
    english_words,
    hyphen_kept,
    is_layout_space,
    join_break,
    joins_tight,
    line_separator,
)
from lineage.script.punctuation import (
    CLAUSE_END,
    CLOSERS,
    SENTENCE_END,
    SENTENCE_SPLIT,
    ends_clause,
)

__all__ = [
    "BOPOMOFO",
    "CJK",
    "CJK_LANGUAGES",
    "CJK_LETTERS",
    "CJK_PUNCT",
    "CLAUSE_END",
    "CLOSERS",
    "DASHES",
    "HAN",
    "HANGUL",
    "HSPACE",
    "HSPACE_CHARS",
    "HYPHENS",
    "KANA",
    "LINEBREAK",
    "NEUTRAL",
    "NGRAM_ALPHABETIC",
    "NGRAM_CJK",
    "SENTENCE_END",
    "SENTENCE_SPLIT",
    "WIDE_ASCII",
    "Words",
    "char_classes",
    "collect_words",
    "detect_language",
    "ends_clause",
    "english_words",
    "gram_size",
    "guess_language",
    "has_cjk",
    "hyphen_kept",
    "is_chinese",
    "is_cjk",
    "is_cjk_language",
    "is_cjk_letter",
    "is_han",
    "is_hangul",
    "is_kana",
    "is_latin_alnum",
    "is_layout_space",
    "is_neutral",
    "is_space",
    "join_break",
    "joins_tight",
    "line_separator",
]
