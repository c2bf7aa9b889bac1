"""Punctuation that ends a sentence or a clause, and what may close after it.

One set each, Chinese and Latin forms together:

- :data:`SENTENCE_END`: ``. 。 ! ? ！ ？``;
- :data:`CLAUSE_END`: those and ``, ; : ， ； ：``; a line ending in one may end a paragraph
  (UN paragraphs end with a comma, a semicolon or a full stop);
- :data:`CLOSERS`: closing quotes and brackets that may follow the punctuation
  (``…Society.”``, ``（A/60/687）``). Not the ASCII apostrophe: ``Member States'`` ends a word,
  not a quotation.

Sentences of a passage (for reuse matching) end at :data:`SENTENCE_END` or a semicolon (UN
operative paragraphs chain clauses with semicolons), with closers after it; a Latin full stop
only before a space or the end, so ``Rev.1`` and ``70/125.`` inside a sentence do not split it.
"""
from __future__ import annotations

import re

__all__ = ["CLAUSE_END", "CLOSERS", "SENTENCE_END", "SENTENCE_SPLIT", "ends_clause"]

SENTENCE_END = frozenset(".。!?！？")
CLAUSE_END = SENTENCE_END | frozenset(",;:，；：")
CLOSERS = frozenset("”’\")）」』")

_CJK_ENDERS = "。！？；"
_LATIN_ENDERS = ".!?;"
_CLOSERS = re.escape("".join(sorted(CLOSERS)))
#: Where a sentence ends, for splitting a passage into sentences (see the module docstring).
SENTENCE_SPLIT = re.compile(
    f"[{_CJK_ENDERS}]+[{_CLOSERS}]*|[{re.escape(_LATIN_ENDERS)}]+[{_CLOSERS}]*(?=\\s|$)"
)


def ends_clause(text: str, closers: bool = True) -> bool:
    """Whether ``text`` (trailing spaces ignored) ends with clause-ending punctuation, or with
    a closing quote or bracket when ``closers``."""
    s = text.rstrip()
    return bool(s) and (s[-1] in CLAUSE_END or (closers and s[-1] in CLOSERS))
