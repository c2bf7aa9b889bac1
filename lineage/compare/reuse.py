"""Text reuse: does a passage (or a close variant of it) appear in another text?

Character n-gram containment (:func:`lineage.compare.similarity.ngram_containment`), the measure
text-reuse and plagiarism detection use: the share of a passage's n-grams that also occur in a
candidate. It tolerates small edits (a word inserted,
one replaced) that break exact equality, works for Chinese without word segmentation, and can be
indexed so one passage is tested against every sentence of a corpus at once.

Texts are compared in their comparison-normalised form (``lineage.normalize``, profile
``compare``), so width, script slips and layout spaces do not count as differences.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, Hashable, Iterable, TypeVar

from rapidfuzz import fuzz

from lineage.compare.similarity import char_ngrams, most_similar
from lineage.normalize import normalize
from lineage.script.punctuation import SENTENCE_SPLIT

__all__ = [
    "comparable",
    "comparable_from_normalized",
    "split_sentences",
    "ReuseIndex",
    "ReuseMatch",
    "best_window",
]

K = TypeVar("K", bound=Hashable)

# Where a sentence ends: lineage.script.punctuation.SENTENCE_SPLIT.
_SENTENCE_END = SENTENCE_SPLIT


class _Wording(dict):
    """``str.translate`` table that deletes whitespace and punctuation (Unicode categories
    P*) and keeps every other character; each character is classified once, on first sight,
    so that translating runs in C (blame and topic make every paragraph of a corpus
    comparable)."""

    def __missing__(self, codepoint: int) -> int | None:
        ch = chr(codepoint)
        kept = None if ch.isspace() or unicodedata.category(ch).startswith("P") else codepoint
        self[codepoint] = kept
        return kept


_WORDING = _Wording()


def comparable(text: str, language: str | None = None) -> str:
    """The form texts are compared in: comparison-normalised, case-folded, with whitespace and
    punctuation removed (they carry no wording)."""
    return comparable_from_normalized(normalize(text, "compare", language).text)


def comparable_from_normalized(text: str) -> str:
    """:func:`comparable` of a text already ``compare``-normalised."""
    return text.casefold().translate(_WORDING)


def best_window(passage: str, text: str) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` that best matches ``passage`` (fuzzy substring
    alignment, case-insensitive), widened to whole words: where a reused passage sits in a
    longer paragraph, so that a word diff shows its edits and not the rest of the paragraph."""
    if len(passage) >= len(text):
        return 0, len(text)
    low, query = _lower_in_place(text), _lower_in_place(passage)
    al = fuzz.partial_ratio_alignment(query, low)
    if al is None:
        return 0, len(text)
    start, end = al.dest_start, al.dest_end
    # The alignment window has the passage's length; an insertion makes the reused span longer.
    slack = len(passage) // 4 + 1
    spans = [(start, end)] + [(s, e) for s in range(max(0, start - slack), start + 1)
                              for e in range(end, min(len(text), end + slack) + 1)]
    # The first best-scoring window (the alignment's own on a tie), scored in one call: a few
    # thousand windows per hit, and ``search --near`` aligns every hit it shows.
    start, end = spans[most_similar(query, [low[s:e] for s, e in spans]) or 0]
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum() and text[start].isascii():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum() and text[end].isascii():
        end += 1
    return start, end


def _lower_in_place(text: str) -> str:
    """``text`` in lower case, one character for one, so that offsets into it are offsets into
    ``text`` (``"İ".lower()`` is two characters and would shift every offset after it; such a
    character is kept as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(low_c if len(low_c := c.lower()) == 1 else c for c in text)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the sentences of ``text`` (each keeps its final punctuation;
    sub-items on their own lines are sentences of their own)."""
    spans: list[tuple[int, int]] = []
    start = 0

    def add(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))

    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(text, line.start(), line.end()):
            add(start, m.end())
            start = m.end()
        add(start, line.end())
    return spans


@dataclass(frozen=True)
class ReuseMatch(Generic[K]):
    key: K
    score: float


@dataclass
class ReuseIndex(Generic[K]):
    """An inverted index of n-grams over passages, for "which earlier passages contain this
    one?" over a whole corpus. Keys are whatever the caller uses to name a passage."""

    n: int
    _postings: dict[str, set[K]] = field(default_factory=lambda: defaultdict(set))
    _sizes: dict[K, int] = field(default_factory=dict)

    def add(self, key: K, text: str) -> None:
        grams = char_ngrams(text, self.n)
        self._sizes[key] = len(grams)
        for g in grams:
            self._postings[g].add(key)

    def __len__(self) -> int:
        return len(self._sizes)

    def search(self, text: str, threshold: float, keys: Iterable[K] | None = None) -> list[ReuseMatch[K]]:
        """Passages containing at least ``threshold`` of ``text``'s n-grams (their
        :func:`~lineage.compare.similarity.ngram_containment`, computed for all at once),
        best first (ties: in the order they were added). ``keys`` limits the search to some
        passages."""
        grams = char_ngrams(text, self.n)
        if not grams:
            return []
        allowed = None if keys is None else set(keys)
        counts: dict[K, int] = defaultdict(int)
        for g in grams:
            for key in self._postings.get(g, ()):
                if allowed is None or key in allowed:
                    counts[key] += 1
        order = {k: i for i, k in enumerate(self._sizes)}
        hits = [ReuseMatch(k, c / len(grams)) for k, c in counts.items() if c / len(grams) >= threshold]
        hits.sort(key=lambda m: (-m.score, order[m.key]))
        return hits
