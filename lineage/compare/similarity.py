"""The similarity measures, one function per meaning, each named for what it computes.

Two formulas underlie them all:

- :func:`indel_similarity`: ``2 * LCS / (len_a + len_b)`` of two sequences (rapidfuzz's
  Indel normalised similarity), 1.0 for two empty ones. How much of two texts one
  insert/delete edit script keeps; symmetric.
- :func:`containment`: the share of one set of n-grams found in another. How much of a part
  occurs in a whole; not symmetric, and blind to order.

The measures apply them to different units, for different questions (in quotes: the name a
reader sees next to the figure):

- :func:`paragraph_similarity`, "similarity" (``lineage diff``, ``history``; the
  ``similarity`` of ``lineage.diff/1``): Indel over :func:`paragraph_units`, characters for
  CJK languages and lower-cased words otherwise. What the aligner pairs paragraphs by.
- bigram containment (not shown): the share of a paragraph's unit bigrams found in another;
  the aligner's evidence for the pieces of a split or merge (``lineage.compare.align``, which
  builds the bigrams as integers for its index and measures them with :func:`containment`).
- :func:`character_similarity` (shown only inside the reuse score): Indel over the
  characters of ``comparable`` text (``lineage.compare.reuse``).
- :func:`ngram_containment`, "containment" (``lineage blame``): the share of a passage's
  character n-grams (``lineage.script.language.gram_size``: 3 for Chinese, 6 otherwise)
  found in another.
- :func:`mutual_containment`, "% of its wording" (``history``'s earlier texts): the larger
  containment of either text in the other.
- :func:`two_way_containment`, "text reuse" (``lineage graph``'s links found from the
  documents: a resolution's closest draft): the harmonic mean of the containments of each text
  in the other, high only when each holds most of the other.
- :func:`reuse_score`, "reuse score" (``lineage topic``): the larger of the character
  similarity and 0.9 x the mutual containment.

``docs/alignment.md`` (*Similarity measures*) says why each is used where it is.
"""
from __future__ import annotations

import re
from typing import AbstractSet, Hashable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from lineage.script.language import gram_size, is_cjk_language

__all__ = [
    "indel_similarity",
    "containment",
    "containment_of",
    "char_units",
    "word_units",
    "paragraph_units",
    "paragraph_similarity",
    "char_ngrams",
    "character_similarity",
    "ngram_containment",
    "containment_in",
    "most_similar",
    "mutual_containment",
    "two_way_containment",
    "reuse_score",
    "REUSE_CONTAINMENT_WEIGHT",
]

_WORD = re.compile(r"\w+", re.UNICODE)

REUSE_CONTAINMENT_WEIGHT = 0.9
"""Weight of containment in :func:`reuse_score`: a passage taken up whole into a longer one
scores just below an identical one."""


def indel_similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """``2 * LCS / (len(a) + len(b))``, 0..1; 1.0 when both are empty."""
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def most_similar(a: str, candidates: Sequence[str]) -> int | None:
    """The index of the first of ``candidates`` with the highest :func:`indel_similarity` to
    ``a`` (None when there are none): one call into rapidfuzz for thousands of candidates."""
    found = process.extractOne(a, candidates, scorer=Indel.normalized_similarity, processor=None)
    return None if found is None else found[2]


def containment(part: AbstractSet[Hashable], whole: AbstractSet[Hashable]) -> float:
    """Share of ``part``'s elements found in ``whole``, 0..1; 0.0 when ``part`` is empty."""
    return containment_of(len(part & whole), len(part)) if part else 0.0


def containment_of(shared: int, size: int) -> float:
    """:func:`containment` from its counts, for a caller that counted the elements a part
    of ``size`` elements shares with the whole some cheaper way (the aligner's index)."""
    return shared / size if size else 0.0


def char_units(text: str) -> str:
    """A CJK paragraph's units: its characters, layout whitespace left out."""
    return "".join(text.split())


def word_units(text: str) -> list[str]:
    """An alphabetic paragraph's units: its lower-cased ``\\w+`` words."""
    return _WORD.findall(text.lower())


def paragraph_units(text: str, cjk: bool) -> str | list[str]:
    """The units a paragraph is compared in: :func:`char_units` for CJK languages,
    :func:`word_units` otherwise."""
    return char_units(text) if cjk else word_units(text)


def paragraph_similarity(a: str, b: str, language: str | None) -> float:
    """The score the aligner pairs paragraphs by (``similarity`` in ``lineage.diff/1``):
    :func:`indel_similarity` of their :func:`paragraph_units`. Texts are expected in their
    ``compare``-normalised form."""
    cjk = is_cjk_language(language)
    return indel_similarity(paragraph_units(a, cjk), paragraph_units(b, cjk))


def char_ngrams(text: str, n: int) -> set[str]:
    """The distinct character n-grams of ``text``; a text shorter than ``n`` is its own."""
    if len(text) < n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def containment_in(grams: AbstractSet[str], text: str, n: int) -> float:
    """``containment(grams, char_ngrams(text, n))`` for ``grams`` of size ``n``, without making
    the text's n-grams: a substring test per gram, many times faster when one query is checked
    against thousands of candidates (``lineage search --near``)."""
    if not grams:
        return 0.0
    if len(text) < n or len(min(grams, key=len)) != n:  # the short-text cases of char_ngrams
        return containment(grams, char_ngrams(text, n))
    return sum(map(text.__contains__, grams)) / len(grams)


def character_similarity(a: str, b: str) -> float:
    """:func:`indel_similarity` of two texts' characters (both already ``comparable``):
    finer than n-gram sets for short rewordings."""
    return indel_similarity(a, b)


def ngram_containment(passage: str, candidate: str, n: int | None = None) -> float:
    """Share of ``passage``'s character n-grams found in ``candidate`` (both already
    ``comparable``; ``n`` defaults to the passage's ``gram_size``). 1.0 when the passage
    occurs inside the candidate verbatim; tolerates a word inserted or replaced."""
    n = n or gram_size(passage)
    return containment(char_ngrams(passage, n), char_ngrams(candidate, n))


def mutual_containment(a: str, b: str, n: int | None = None,
                       grams: tuple[AbstractSet[str], AbstractSet[str]] | None = None) -> float:
    """The larger :func:`ngram_containment` of either text in the other: an old passage
    taken up whole into a longer new one counts, and so does a new one that shortens it.
    ``grams``: both texts' :func:`char_ngrams` of size ``n``, for a caller that compares each
    text with many others and makes each set once."""
    n = n or gram_size(a)
    ga, gb = grams if grams is not None else (char_ngrams(a, n), char_ngrams(b, n))
    return max(containment(ga, gb), containment(gb, ga))


def two_way_containment(a: str, b: str, n: int | None = None,
                        grams: tuple[AbstractSet[str], AbstractSet[str]] | None = None) -> float:
    """The harmonic mean of :func:`ngram_containment` of ``a`` in ``b`` and of ``b`` in ``a``:
    how close two versions are as wholes. Unlike :func:`mutual_containment`, a short draft
    wholly contained in a long resolution does not score 1. ``grams``: as for
    :func:`mutual_containment`."""
    n = n or gram_size(a)
    ga, gb = grams if grams is not None else (char_ngrams(a, n), char_ngrams(b, n))
    x, y = containment(ga, gb), containment(gb, ga)
    return 0.0 if x + y == 0 else 2 * x * y / (x + y)


def reuse_score(a: str, b: str, n: int | None = None,
                grams: tuple[AbstractSet[str], AbstractSet[str]] | None = None) -> float:
    """How likely ``b`` is the same passage as ``a``, reworded, extended or cut down: the
    larger of :func:`character_similarity` (rewordings) and
    :data:`REUSE_CONTAINMENT_WEIGHT` x :func:`mutual_containment` (a passage taken up whole
    into a longer one, which character similarity alone undervalues)."""
    if a == b:
        return 1.0  # what both measures give; versions repeat most paragraphs, so skip the work
    return max(character_similarity(a, b), REUSE_CONTAINMENT_WEIGHT * mutual_containment(a, b, n, grams))
