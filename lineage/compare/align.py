"""Paragraph alignment: which paragraph of one version became which of another.

Works on ``compare``-normalised paragraph texts (pure functions over lists of strings), so the
caller decides what a paragraph is. The method, in six steps (from step 2 on, the
functions :func:`align_texts` calls in order):

1. **Scores.** A paragraph is a sequence of units, characters for Chinese (and other CJK
   languages) and lower-cased words otherwise; the similarity of two paragraphs is the Indel
   normalised similarity of their unit sequences, ``2 * LCS / (len_a + len_b)``, computed
   with rapidfuzz (:func:`lineage.compare.similarity.paragraph_similarity`). Bigram
   containment of ``a`` in ``b`` is the share of ``a``'s unit bigrams (character bigrams /
   word bigrams) found in ``b``: it finds the pieces of a split or merge, whose plain
   similarity to the whole is low.
2. **Candidates.** Identical texts pair up without scoring. For the rest, an inverted index of
   the old paragraphs' n-grams gives each new paragraph its :data:`CANDIDATES` old
   paragraphs sharing most n-grams; only those pairs are scored,
   so the work grows with the number of paragraphs times a constant, not with the square of
   the document's characters. N-grams found in many old paragraphs (boilerplate such as
   ``信息社会``; see :data:`STOP_FACTOR`) are not indexed.
3. **Splits and merges.** For each old paragraph, the consecutive new paragraphs that are each
   mostly contained in it (:data:`CONTAINMENT`) form a split when their joined text is more
   similar to it than any one of them is, by :data:`GROUP_MARGIN`, and at least
   :data:`MATCH_THRESHOLD` similar; merges are the same with the sides swapped.
4. **One-to-one matches.** Remaining pairs scoring at least :data:`MATCH_THRESHOLD` are taken
   greedily from the best score down (ties: the pair closer to the diagonal, then document
   order). A paragraph whose best counterpart scores lower stays inserted or deleted: an
   unrelated paragraph is never forced into a match.
5. **Spine.** The longest chain of matches that keeps the order on both sides (dynamic
   programming over the matches; ties broken by total similarity, so an edited paragraph
   leaves the chain before an unchanged one) is the spine. Matches off it are ``moved``.
6. **Gaps.** An old and a new paragraph still unmatched between the same two spine matches
   stand at the same place; they are matched if they score at least :data:`GAP_THRESHOLD`
   (a heavily rewritten paragraph). The spine is then recomputed.

The thresholds are measured, not guessed: ``benchmarks/alignment_bench.py --thresholds``
prints the similarity of true edited pairs against the best score of paragraphs with no
counterpart; ``docs/alignment.md`` records the figures.
"""
from __future__ import annotations

import math
import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import compress, repeat
from typing import AbstractSet, Literal, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from lineage.compare.similarity import char_units, containment_of, indel_similarity, word_units
from lineage.script.language import is_cjk_language

__all__ = [
    "MATCH_THRESHOLD",
    "GAP_THRESHOLD",
    "CONTAINMENT",
    "GROUP_MARGIN",
    "CANDIDATES",
    "STOP_FACTOR",
    "HEADING_THRESHOLD",
    "Match",
    "HeadingMatch",
    "longest_chain",
    "align_texts",
    "align_headings",
    "SECTION_LABEL",
    "without_section_label",
]

MATCH_THRESHOLD = 0.5
"""Least similarity of a one-to-one match (see the module docstring and docs/alignment.md)."""
GAP_THRESHOLD = 0.4
"""Least similarity of a one-to-one match between an old and a new paragraph left over in the
same gap of the spine (between the same two kept paragraphs): their place is evidence too."""
CONTAINMENT = 0.8
"""Least share of a piece's n-grams found in the whole, for the pieces of a split or merge."""
GROUP_MARGIN = 0.02
"""How much better the joined pieces must match the whole than the best single piece."""
REWORDED_CONTAINMENT = 0.5
"""Least containment of a piece that was reworded as it was split off or merged in (a clause
joined with ``, and`` instead of ``Also emphasizes``): admitted only beside a piece that meets
:data:`CONTAINMENT`, and only when joining gains :data:`REWORDED_MARGIN`."""
REWORDED_MARGIN = 0.1
CANDIDATES = 8
"""Old paragraphs scored per new paragraph (those sharing most indexed n-grams)."""
STOP_FACTOR = 2
"""N-grams found in more than ``STOP_FACTOR * sqrt(n)`` of the ``n`` old paragraphs (and more
than ``2 * CANDIDATES``) are not indexed: boilerplate says nothing about which paragraph is
which, and the cap keeps candidate search below quadratic on long documents."""
HEADING_THRESHOLD = 0.5
"""Least similarity of two headings matched without a structural anchor."""
SECTION_LABEL = re.compile(
    r"^[ \t\u3000]*(?:"
    r"(?:[A-Z]|[IVXLC]{1,6}|\d{1,3}|[一二三四五六七八九十]{1,3})[ \t\u3000]*[.．、]"
    r"|[(（](?:[A-Za-z]|[ivxlcIVXLC]{1,6}|\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"
    r")[ \t\u3000]*"
)
"""The label that numbers a section heading (``A.``, ``IV.``, ``一、``, ``(b)``): part of the
document's numbering, like a paragraph number, so adding or changing it renumbers the heading
and does not rename it."""


def without_section_label(heading: str) -> str:
    """``A. 引言`` -> ``引言``; a heading that is nothing but a label stays as it is."""
    bare = SECTION_LABEL.sub("", heading, count=1)
    return bare if bare.strip() else heading
_MAX_GROUP = 6  # pieces of one split or merge considered at most
_DIGITS: tuple[tuple[int, Literal["B", "H", "I", "Q"]], ...] = ((1, "B"), (2, "H"), (4, "I"), (8, "Q"))  # counter widths in bytes, memoryview codes


@dataclass(frozen=True)
class Match:
    """One aligned group: indices into the old and new text lists, the contract's kind, and
    the similarity that decided it (None for inserted and deleted)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    kind: str
    similarity: float | None = None


@dataclass(frozen=True)
class HeadingMatch:
    """Heading ``old`` (index into the old headings, None if inserted) matched to ``new``."""

    old: int | None
    new: int | None
    kind: str
    similarity: float | None = None


class _Units:
    """Units (for scoring) and n-grams (for indexing and containment) of one text."""

    __slots__ = ("units", "grams")

    def __init__(self, text: str, cjk: bool) -> None:
        grams: set
        units: str | list[str]
        if cjk:
            units = chars = char_units(text)
            if len(chars) > 1:
                grams = _bigrams(chars)
            else:
                grams = {chars} if chars else set()
        else:
            units = words = word_units(text)
            grams = ({(words[k], words[k + 1]) for k in range(len(words) - 1)}
                     if len(words) > 2 else {(w,) for w in words})
        self.units = units
        self.grams = grams


def _bigrams(text: str) -> set[int]:
    """The distinct character bigrams of ``text`` (two characters or more), each as one
    integer: the text's UTF-32 code units read two at a time as 64-bit integers, once from
    the first character and once from the second, so that C code makes every pair (a Python
    loop slicing two-character strings costs twice as much). Equal integers, equal bigrams:
    that is all the index and the containment measure need."""
    raw = text.encode("utf-32-le", "surrogatepass")
    n = len(text)
    grams = set(memoryview(raw[:8 * (n // 2)]).cast("Q"))
    grams.update(memoryview(raw[4:4 + 8 * ((n - 1) // 2)]).cast("Q"))
    return grams


class _UnitCache(dict):
    """``_Units`` of a list of texts by index, built on first use: identical paragraphs
    (most of a typical version pair) are never tokenised. A dict, so that a lookup of units
    already built costs no Python call."""

    def __init__(self, texts: Sequence[str], cjk: bool) -> None:
        super().__init__()
        self.texts = texts
        self.cjk = cjk

    def __missing__(self, k: int) -> _Units:
        units = self[k] = _Units(self.texts[k], self.cjk)
        return units


def _sim(a: _Units, b: _Units) -> float:
    """:func:`~lineage.compare.similarity.paragraph_similarity` of two tokenised texts."""
    return indel_similarity(a.units, b.units)


class _Overlap:
    """How many n-grams an unresolved old and an unresolved new paragraph share (all of
    them, boilerplate included): ``len(old.grams & new.grams)``, counted by
    :func:`_candidates` for every such pair at once, so that containment needs no set
    intersection."""

    __slots__ = ("rank", "counts")

    def __init__(self) -> None:
        self.rank: dict[int, int] = {}  # old index -> its counter in ``counts``
        self.counts: dict[int, Sequence[int]] = {}  # new index -> one counter per old

    def shared(self, i: int, j: int) -> int:
        return self.counts[j][self.rank[i]]


def _candidates(old: _UnitCache, new: _UnitCache, old_ids: list[int],
                new_ids: list[int], overlap: _Overlap | None = None) -> dict[int, list[int]]:
    """For each new paragraph of ``new_ids``, the :data:`CANDIDATES` old paragraphs of
    ``old_ids`` (ascending) sharing most indexed n-grams (ties: document order); only old
    paragraphs sharing at least one. ``overlap``, if given, receives the shared n-grams of
    every pair."""
    if not old_ids or not new_ids:
        return {j: [] for j in new_ids}
    # The inverted index holds, for each n-gram, one integer with a fixed-width counter
    # ("digit") per old paragraph, set to 1 where the paragraph has the n-gram. Adding up
    # the integers of a new paragraph's n-grams (in C, by sum) counts the n-grams it shares
    # with every old paragraph at once; a digit is wide enough for the largest count.
    most = max(len(new[j].grams) for j in new_ids)
    width, code = next((w, c) for w, c in _DIGITS if most < 1 << (8 * w))
    index: dict = {}
    get = index.get
    for r, i in enumerate(old_ids):
        digit = 1 << (8 * width * r)
        for g in old[i].grams:
            index[g] = get(g, 0) + digit
    # An n-gram's number of old paragraphs is the number of digits set to 1 in its integer;
    # none can be in more old paragraphs than the index holds. Boilerplate is counted in full
    # and then taken away again (the overlap wants the full count).
    cap = max(2 * CANDIDATES, int(STOP_FACTOR * math.sqrt(len(old.texts))))
    boiler: dict = {}
    if len(old_ids) > cap:
        boiler = {g: index[g] for g in
                  compress(index.keys(), map(cap.__lt__, map(int.bit_count, index.values())))}
    if overlap is not None:
        overlap.rank = {i: r for r, i in enumerate(old_ids)}
    size = width * len(old_ids)
    positions = range(len(old_ids))
    result: dict[int, list[int]] = {}
    for j in new_ids:
        grams = new[j].grams
        full = total = sum(map(get, grams, repeat(0)))
        if boiler:
            # Each of these digits is at most the full count's: no borrow between them.
            total -= sum(map(boiler.__getitem__, grams.intersection(boiler)))
        shared = memoryview(total.to_bytes(size, sys.byteorder)).cast(code)
        if overlap is not None:
            overlap.counts[j] = shared if total == full else memoryview(
                full.to_bytes(size, sys.byteorder)).cast(code)
        # Most shared first, then document order (a reverse sort is stable), none sharing
        # nothing.
        best = sorted(positions, key=shared.__getitem__, reverse=True)[:CANDIDATES]
        result[j] = [old_ids[r] for r in best if shared[r]]
    return result


def _unresolved(old_texts: Sequence[str], new_texts: Sequence[str]) -> tuple[list[int], list[int]]:
    """Indices whose text is not sure to find an identical partner: only these need fuzzy
    candidates. When a text occurs ``a`` times in the old list and ``b`` in the new, the
    side with fewer copies is resolved; the extra copies of the other side are not."""
    count_old = Counter(old_texts)
    count_new = Counter(new_texts)
    old_ids = [i for i, t in enumerate(old_texts) if count_old[t] > count_new.get(t, 0)]
    new_ids = [j for j, t in enumerate(new_texts) if count_new[t] > count_old.get(t, 0)]
    return old_ids, new_ids


def _runs(indices: list[int]) -> list[list[int]]:
    """Maximal runs of consecutive integers in a sorted list."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _join(units: _UnitCache, idx: list[int], cjk: bool) -> _Units:
    joined = _Units("", cjk)
    if cjk:
        joined.units = "".join(units[k].units for k in idx)
    else:
        joined.units = [w for k in idx for w in units[k].units]
    joined.grams = set().union(*(units[k].grams for k in idx))
    return joined


def _groups(old: _UnitCache, new: _UnitCache, cand: dict[int, list[int]],
            sims: dict[tuple[int, int], float], best_of: dict[int, float],
            cjk: bool, swap: bool, overlap: _Overlap) -> list[tuple[float, int, tuple[int, ...]]]:
    """Split proposals ``(score, whole, pieces)``: pieces of ``new`` cut from one ``old``
    paragraph. With ``swap`` the caller passed the sides swapped (merges)."""
    out: list[tuple[float, int, tuple[int, ...]]] = []
    shared = overlap.shared
    for i, js in cand.items():
        # Only a candidate with a candidate neighbour can be part of a run of two or more;
        # the others need no containment.
        if len(js) < 2:
            continue
        near = set(js)
        linked = [j for j in js if j - 1 in near or j + 1 in near]
        if not linked:
            continue
        # Bigram containment of each piece in the whole: the shared n-grams, counted with the
        # candidates, over the piece's (what similarity.containment computes from the sets).
        contained = {j: containment_of(shared(j, i) if swap else shared(i, j), len(new[j].grams))
                     for j in linked if len(new[j].grams) >= 4}
        key = (lambda j, i=i: (j, i)) if swap else (lambda j, i=i: (i, j))
        # Pieces that are plainly parts of the whole first; a reworded piece is tried only
        # when they make no group, so it never drags a neighbour into a good one.
        for least, margin in ((CONTAINMENT, GROUP_MARGIN), (REWORDED_CONTAINMENT, REWORDED_MARGIN)):
            found = []
            for run in _runs(sorted(j for j, c in contained.items() if c >= least)):
                if len(run) < 2 or len(run) > _MAX_GROUP:
                    continue
                if not any(contained[j] >= CONTAINMENT for j in run):
                    continue
                score = _sim(old[i], _join(new, run, cjk))
                single = max(sims.get(key(j), 0.0) for j in run)
                # A piece that matches some other paragraph at least as well belongs there.
                if (score >= MATCH_THRESHOLD and score >= single + margin
                        and all(best_of.get(j, 0.0) <= score or sims.get(key(j), 0.0) >= best_of[j]
                                for j in run)):
                    found.append((score, i, tuple(run)))
            if found:
                out.extend(found)
                break
    return out


def longest_chain(units: list[tuple[int, int, float]]) -> set[int]:
    """Indices (into ``units``) of the longest chain strictly increasing in both the new
    and the old position, ties broken by the larger total similarity. ``units`` are
    ``(new_pos, old_pos, similarity)``. Patience-style DP with a Fenwick tree of prefix
    maxima over old positions: O(n log n)."""
    if not units:
        return set()
    order = sorted(range(len(units)), key=lambda k: (units[k][0], units[k][1]))
    # Nothing moved (the common case): all the units form one chain, the only longest one.
    if all(units[a][0] < units[b][0] and units[a][1] < units[b][1]
           for a, b in zip(order, order[1:])):
        return set(order)
    olds = sorted({u[1] for u in units})
    rank = {o: r + 1 for r, o in enumerate(olds)}
    size = len(olds)
    # Node r of the tree holds the best (length, total) of a chain ending in its range of
    # old positions, and the unit that ends it.
    tree_key: list[tuple[int, float]] = [(0, 0.0)] * (size + 1)
    tree_unit: list[int] = [-1] * (size + 1)
    best: list[tuple[int, float]] = [(0, 0.0)] * len(units)
    prev: list[int] = [-1] * len(units)
    k = 0
    while k < len(order):
        # Units with the same new position cannot chain with each other: query them all
        # before any of them is inserted.
        first = units[order[k]][0]
        end = k + 1
        while end < len(order) and units[order[end]][0] == first:
            end += 1
        same = order[k:end]
        for u in same:
            r = rank[units[u][1]] - 1
            top, top_unit = (0, 0.0), -1
            while r > 0:
                if tree_key[r] > top:
                    top, top_unit = tree_key[r], tree_unit[r]
                r -= r & -r
            best[u] = (top[0] + 1, top[1] + units[u][2])
            prev[u] = top_unit
        for u in same:
            value = best[u]
            r = rank[units[u][1]]
            while r <= size:
                if value > tree_key[r]:
                    tree_key[r] = value
                    tree_unit[r] = u
                r += r & -r
        k = end
    last = max(order, key=lambda u: (best[u][0], best[u][1], -u))
    chain: set[int] = set()
    while last != -1:
        chain.add(last)
        last = prev[last]
    return chain


def align_texts(old_texts: Sequence[str], new_texts: Sequence[str],
                language: str | None) -> list[Match]:
    """Align two lists of normalised paragraph texts.

    Returns matches covering every index of both sides exactly once, in the order of the new
    list, each deleted old paragraph placed right after the match holding the nearest old
    paragraph before it that kept its place (or first, if there is none). The steps are those
    of the module docstring."""
    cjk = is_cjk_language(language)
    old = _UnitCache(old_texts, cjk)
    new = _UnitCache(new_texts, cjk)
    sims = _exact_pairs(old_texts, new_texts)
    overlap = _Overlap()
    old_cands, new_cands = _score_candidates(old, new, sims, cjk, overlap)
    taken = _Taken()
    _take_groups(taken, old, new, old_cands, new_cands, sims, cjk, overlap)
    _take_one_to_one(taken, sims, len(old_texts), len(new_texts))
    chain = _spine_with_gaps(taken, old, new)
    return _final(taken, chain, old_texts, new_texts)


# A match while the alignment is under way: (old indices, new indices, kind, similarity), each
# index tuple in ascending order; made into a Match once its final kind is known.
_Draft = tuple[tuple[int, ...], tuple[int, ...], str, float]


class _Taken:
    """The matches made so far and the paragraphs they hold, on each side."""

    __slots__ = ("matches", "old", "new")

    def __init__(self) -> None:
        self.matches: list[_Draft] = []
        self.old: set[int] = set()
        self.new: set[int] = set()

    def add(self, match: _Draft) -> None:
        self.matches.append(match)
        self.old.update(match[0])
        self.new.update(match[1])


def _exact_pairs(old_texts: Sequence[str], new_texts: Sequence[str]) -> dict[tuple[int, int], float]:
    """Step 2, identical texts: every ``(old, new)`` pair of equal texts, 1.0 without
    scoring. They anchor everything else."""
    sims: dict[tuple[int, int], float] = {}
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(old_texts):
        by_text[t].append(i)
    for j, t in enumerate(new_texts):
        for i in by_text.get(t, ()):
            sims[(i, j)] = 1.0
    return sims


def _score_candidates(old: _UnitCache, new: _UnitCache, sims: dict[tuple[int, int], float],
                      cjk: bool, overlap: _Overlap) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Step 2, candidates: score each unresolved new paragraph against its candidate old
    paragraphs (into ``sims``). Returns the candidates of each old and of each new
    paragraph: pieces of splits and merges are looked for among them only, since a
    paragraph with an identical partner is no piece."""
    old_cands: dict[int, list[int]] = defaultdict(list)
    new_cands: dict[int, list[int]] = {}
    # No candidate pair is scored yet: an unresolved old and an unresolved new paragraph
    # never have the same text (one side has more copies of a text than the other, not both).
    for j, olds in _candidates(old, new, *_unresolved(old.texts, new.texts), overlap).items():
        if not olds:
            continue
        if cjk:
            for _, score, k in _score_all(new[j].units, [old[i].units for i in olds]):
                sims[(olds[k], j)] = score
        else:
            nj = new[j]
            for i in olds:
                sims[(i, j)] = _sim(old[i], nj)
        for i in olds:
            old_cands[i].append(j)
        new_cands[j] = olds
    return old_cands, new_cands


def _best_scores(sims: dict[tuple[int, int], float]) -> tuple[dict[int, float], dict[int, float]]:
    """The best score of each old and of each new paragraph over all scored pairs."""
    best_old: dict[int, float] = defaultdict(float)
    best_new: dict[int, float] = defaultdict(float)
    for (i, j), s in sims.items():
        if s > best_old[i]:
            best_old[i] = s
        if s > best_new[j]:
            best_new[j] = s
    return best_old, best_new


def _take_groups(taken: _Taken, old: _UnitCache, new: _UnitCache,
                 old_cands: dict[int, list[int]], new_cands: dict[int, list[int]],
                 sims: dict[tuple[int, int], float], cjk: bool, overlap: _Overlap) -> None:
    """Step 3, splits and merges: the proposals of both kinds, best score first, each taken
    when none of its paragraphs is taken yet."""
    best_old, best_new = _best_scores(sims)
    proposals: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]
    proposals = [(s, (i,), pieces, "split")
                 for s, i, pieces in _groups(old, new, old_cands, sims, best_new, cjk, False, overlap)]
    proposals += [(s, pieces, (j,), "merged")
                  for s, j, pieces in _groups(new, old, new_cands, sims, best_old, cjk, True, overlap)]
    proposals.sort(key=lambda p: (-p[0], p[1], p[2]))
    for s, olds, news, kind in proposals:
        if taken.old.isdisjoint(olds) and taken.new.isdisjoint(news):
            taken.add((olds, news, kind, s))


def _take_one_to_one(taken: _Taken, sims: dict[tuple[int, int], float],
                     n_old: int, n_new: int) -> None:
    """Step 4, one-to-one matches: pairs of at least :data:`MATCH_THRESHOLD` whose two
    paragraphs are both free, greedily. Best score first, then nearer the diagonal, then
    document order: the sort key is the tuple itself (each (i, j) occurs once, so no two
    keys tie)."""
    size_old, size_new = max(n_old, 1), max(n_new, 1)
    ranked = sorted([(-s, abs(i / size_old - j / size_new), i, j)
                     for (i, j), s in sims.items() if s >= MATCH_THRESHOLD])
    matches, used_old, used_new = taken.matches, taken.old, taken.new
    for neg, _, i, j in ranked:
        if i not in used_old and j not in used_new:
            matches.append(((i,), (j,), "match", -neg))
            used_old.add(i)
            used_new.add(j)


def _chain(matches: list[_Draft]) -> set[int]:
    """Indices into ``matches`` of the spine: the longest order-keeping chain."""
    return longest_chain([(news[0], olds[0], s) for olds, news, _, s in matches])


def _spine_with_gaps(taken: _Taken, old: _UnitCache, new: _UnitCache) -> set[int]:
    """Steps 5 and 6, spine and gaps: the spine of the matches taken; then the one-to-one
    matches of free paragraphs in the same gap of it are taken too, and the spine is
    recomputed. Returns the spine (indices into ``taken.matches``)."""
    chain = _chain(taken.matches)
    spine = sorted((taken.matches[k] for k in chain), key=lambda m: m[1][0])
    gap_matches = _gap_matches(spine, [i for i in range(len(old.texts)) if i not in taken.old],
                               [j for j in range(len(new.texts)) if j not in taken.new], old, new)
    if gap_matches:
        for m in gap_matches:
            taken.add(m)
        chain = _chain(taken.matches)
    return chain


def _final(taken: _Taken, chain: set[int], old_texts: Sequence[str],
           new_texts: Sequence[str]) -> list[Match]:
    """The contract's kinds: a one-to-one match off the spine is ``moved``, on it
    ``unchanged`` or ``modified``; free new paragraphs are ``inserted``, free old ones
    ``deleted`` (placed by :func:`_order`)."""
    final: list[Match] = []
    spine_of_old: dict[int, int] = {}
    for k, (olds, news, kind, s) in enumerate(taken.matches):
        if k in chain:
            for i in olds:
                spine_of_old[i] = k
            if kind == "match":
                kind = "unchanged" if old_texts[olds[0]] == new_texts[news[0]] else "modified"
        elif kind == "match":
            kind = "moved"
        final.append(Match(olds, news, kind, s))
    used_new = taken.new
    final += [Match((), (j,), "inserted") for j in range(len(new_texts)) if j not in used_new]
    return _order(final, len(old_texts), taken.old, spine_of_old)


def _gap_matches(spine: list[_Draft], free_old: list[int], free_new: list[int],
                 old: _UnitCache, new: _UnitCache) -> list[_Draft]:
    """One-to-one matches between unmatched paragraphs in the same gap of the spine."""
    old_starts = [m[0][0] for m in spine]
    new_starts = [m[1][0] for m in spine]
    by_gap: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in free_old:
        by_gap[bisect_right(old_starts, i)][0].append(i)
    for j in free_new:
        by_gap[bisect_right(new_starts, j)][1].append(j)
    out: list[_Draft] = []
    for gap in sorted(by_gap):
        olds, news = by_gap[gap]
        scored = sorted(((_sim(old[i], new[j]), i, j) for i in olds for j in news),
                        key=lambda t: (-t[0], t[1], t[2]))
        used_o: set[int] = set()
        used_n: set[int] = set()
        for s, i, j in scored:
            if s >= GAP_THRESHOLD and i not in used_o and j not in used_n:
                out.append(((i,), (j,), "match", s))
                used_o.add(i)
                used_n.add(j)
    return out


def _order(matches: list[Match], n_old: int, used_old: set[int],
           spine_of_old: dict[int, int]) -> list[Match]:
    """``matches`` (every one holds a new paragraph) in the order of the new list, each
    deleted old paragraph right after the match holding the nearest old paragraph before it
    on the spine (``spine_of_old``: old index -> index into ``matches``), or first."""
    order = sorted(range(len(matches)), key=lambda k: matches[k].new[0])
    position = [0] * len(matches)
    for p, k in enumerate(order):
        position[k] = p
    after: dict[int, list[Match]] = defaultdict(list)  # position -> deletions following it
    anchor = -1  # the position of the spine match of the nearest spine old paragraph so far
    for i in range(n_old):
        on_spine = spine_of_old.get(i)
        if on_spine is not None:
            anchor = position[on_spine]
        elif i not in used_old:
            after[anchor].append(Match((i,), (), "deleted"))
    if not after:
        return [matches[k] for k in order]
    out = list(after[-1])
    for p, k in enumerate(order):
        out.append(matches[k])
        out.extend(after[p])
    return out


def _similarity_table(old: Sequence[str], new: Sequence[str], cjk: bool) -> list[list[float]]:
    """``_sim`` of every old text against every new one (only units are needed, no n-grams).
    For Chinese, one rapidfuzz call scores a whole row in C; the scores are the same."""
    if not cjk:
        ou = [_Units(t, cjk) for t in old]
        nu = [_Units(t, cjk) for t in new]
        return [[_sim(a, b) for b in nu] for a in ou]
    old_chars = [char_units(t) for t in old]
    new_chars = [char_units(t) for t in new]
    table = []
    for a in old_chars:
        row = [0.0] * len(new_chars)
        for _, score, j in _score_all(a, new_chars):
            row[j] = score
        table.append(row)
    return table


def _score_all(units: str, choices: list[str]) -> list[tuple[str, float, int]]:
    """``(choice, _sim, index)`` of ``units`` against every choice, in one rapidfuzz call
    (C loops instead of a Python call per pair; the query is prepared once). Strings only;
    rapidfuzz scores every choice, 0.0 included, and two empty texts 1.0 as ``_sim`` does."""
    return process.extract(units, choices, scorer=Indel.normalized_similarity, limit=None)


def align_headings(old: Sequence[str], new: Sequence[str], language: str | None,
                   anchored: AbstractSet[tuple[int, int]] = frozenset()) -> list[HeadingMatch]:
    """Align two lists of normalised heading texts, keeping their order.

    ``anchored`` holds the heading pairs that stand before paragraphs the paragraph alignment
    matched: a heading at the same place of the structure is the same heading renamed, even
    when few of its words survive. Others need :data:`HEADING_THRESHOLD`. Headings are few, so
    a plain quadratic DP (weighted longest common subsequence) is fine here."""
    cjk = is_cjk_language(language)
    n, m = len(old), len(new)

    # The similarity and the DP score of every pair, computed once (the walk back reads them).
    sims = _similarity_table(old, new, cjk)
    scores: list[list[float | None]] = [[None] * m for _ in range(n)]
    for i in range(n):
        text, row_sims, score_row = old[i], sims[i], scores[i]
        for j in range(m):
            s = row_sims[j]
            same = 1.0 if text == new[j] else 0.0
            if (i, j) in anchored:
                score_row[j] = 1.0 + s + same
            elif s >= HEADING_THRESHOLD:
                score_row[j] = s + same

    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, row_scores = table[i], table[i + 1], scores[i]
        for j in range(m - 1, -1, -1):
            # max() spelled out: the same values, without two calls per cell.
            best = below[j]
            if row[j + 1] > best:
                best = row[j + 1]
            score = row_scores[j]
            if score is not None and below[j + 1] + score > best:
                best = below[j + 1] + score
            row[j] = best
    out: list[HeadingMatch] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m:
            score = scores[i][j]
            if score is not None and table[i][j] == table[i + 1][j + 1] + score:
                out.append(HeadingMatch(i, j, "unchanged" if old[i] == new[j] else "modified",
                                        sims[i][j]))
                i, j = i + 1, j + 1
                continue
        if i < n and (j == m or table[i][j] == table[i + 1][j]):
            out.append(HeadingMatch(i, None, "deleted"))
            i += 1
        else:
            out.append(HeadingMatch(None, j, "inserted"))
            j += 1
    return out
