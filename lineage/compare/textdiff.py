"""Word-level diff of two printed texts, computed on their ``compare``-normalised forms.

The one place that talks to diff-match-patch. The recipe:

1. normalise both texts with the ``compare`` profile, so that presentation-only differences
   (script slips, width, layout spaces, ASCII versus Chinese punctuation) are equal text;
2. diff the normalised texts character by character (``Diff_Timeout = 0``: the result must not
   depend on the machine's speed) and run semantic cleanup;
3. widen every change to word boundaries (jieba's words for Chinese, cut by
   :mod:`lineage.compare.zhwords`; ``\\w+`` runs for other languages), so that a change never
   cuts a word such as ``弥合`` in two;
4. map each run back to the printed characters through ``Normalized.offsets``.

Invariant (tested with hypothesis), for the :class:`SidedOp` list of ``diff_segments(old, new)``:

- joining ``seg.old`` over ``equal`` and ``delete`` segments gives ``old`` exactly, and joining
  ``seg.new`` over ``equal`` and ``insert`` segments gives ``new`` exactly;
- joining ``seg.norm`` over ``equal`` + ``delete`` gives the compare-normal form of ``old``, and
  over ``equal`` + ``insert`` that of ``new``: the two printed sides of an ``equal`` segment
  stand for the same normalised text, so they differ only in presentation.

:func:`diff_ops` shows an ``equal`` run with the new side's characters, a ``delete`` with the
old side's and an ``insert`` with the new side's: joining ``equal`` + ``insert`` ops gives the new
printed text exactly, and joining ``equal`` + ``delete`` ops gives the old printed text except
that presentation-only differences inside equal runs show the new side's characters. A change
the normaliser saw but whose printed span is empty cannot happen for real text (every
normalised character comes from at least one printed one); ``ops`` never hold empty runs.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import fast_diff_match_patch as _fast_dmp  # the C++ port of the same library, see _diff_main
from diff_match_patch import diff_match_patch

from lineage.compare.zhwords import ASCII_ALNUM, HAN_RUN, jieba_dictionary, run_boundaries
from lineage.model.comparison import DELETE, EQUAL, INSERT, Op, OpKind, merge_ops
from lineage.normalize import Normalized, normalize
from lineage.script.language import detect_language, is_cjk_language

__all__ = [
    "SidedOp",
    "detect_language",
    "is_cjk_language",
    "word_boundaries",
    "diff_segments",
    "diff_normalized",
    "diff_ops",
    "segments_to_ops",
]

_LATIN_WORD = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class SidedOp(Op):
    """A diff run (``text`` as :class:`~lineage.model.comparison.Op` shows it) that also
    keeps both printed sides: ``old`` is empty for an insert, ``new`` for a delete. ``norm``
    is the run in ``compare``-normalised text (for ``equal``, the same on both sides: the
    printed sides differ only in presentation). ``text`` may be empty where ``norm`` is not
    (a run the normaliser saw but whose printed side is empty)."""

    old: str = ""
    new: str = ""
    norm: str = ""


def _sided(op: OpKind, old: str, new: str, norm: str) -> SidedOp:
    return SidedOp(op, old if op == DELETE else new, old, new, norm)


class _Boundaries:
    """Word boundaries of a text, answered lazily: ``pos in bounds``.

    Chinese: jieba's dictionary segmentation without its HMM guesser (the HMM invents words
    across unknown character runs, which would make hunks larger for no reason). jieba cuts
    each run of Han/alphanumeric characters on its own and makes every other character a
    word, so segmenting only the runs a question touches gives the same answer as segmenting
    the whole text, at a fraction of the cost (a diff only asks near its changes).

    Most questions need no segmenting at all: jieba's words are dictionary words or single
    characters (and runs of single ASCII letters and digits, which it glues together), so a
    position inside a run that no dictionary word of the run straddles is a boundary whatever
    path jieba's dynamic programming picks. Only a straddled position needs the run cut.

    Other languages: runs of word characters, whitespace, and single punctuation marks."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.cjk = is_cjk_language(language)
        self._known: set[int] = {0, len(text)}
        if self.cjk:
            self._words = jieba_dictionary()
            self._blocks = [m.span() for m in HAN_RUN.finditer(text)]
            self._starts = [a for a, _ in self._blocks]
            self._done: set[int] = set()
        else:
            for m in _LATIN_WORD.finditer(text):
                self._known.add(m.start())
                self._known.add(m.end())

    def __contains__(self, pos: int) -> bool:
        if pos in self._known or not self.cjk:
            return pos in self._known
        k = bisect_right(self._starts, pos) - 1
        if k < 0 or pos >= self._blocks[k][1]:
            return True  # outside every Han/alphanumeric run: each character is a word
        if k in self._done:
            return False  # the run is cut and pos is not among its boundaries
        start, end = self._blocks[k]
        if not self._straddled(pos, start, end):
            return True
        self._done.add(k)
        self._known.update(start + at for at in run_boundaries(self.text[start:end], self._words))
        return pos in self._known

    def _straddled(self, pos: int, start: int, end: int) -> bool:
        """Whether jieba might put ``pos`` (strictly inside run ``[start, end)``) inside a
        word: some dictionary word of the run covers both ``pos - 1`` and ``pos``, or both are
        ASCII letters or digits (which jieba may glue into one word)."""
        text, get = self.text, self._words.get
        if ASCII_ALNUM.match(text, pos - 1) and ASCII_ALNUM.match(text, pos):
            return True
        # The dictionary holds every prefix of every word (with count 0 when the prefix is no
        # word): when text[i:pos + 1] is none, no word starting at i reaches past pos.
        for i in range(pos - 1, max(start, pos - self._words.longest) - 1, -1):
            j = pos + 1
            count = get(text[i:j])
            while count is not None:
                if count:
                    return True
                if j == end:
                    break
                j += 1
                count = get(text[i:j])
        return False


def word_boundaries(text: str, language: str | None) -> set[int]:
    """All positions in ``text`` (0..len) where a word starts or ends (see _Boundaries)."""
    bounds = _Boundaries(text, language)
    return {k for k in range(len(text) + 1) if k in bounds}


@lru_cache(maxsize=1)
def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # no time limit: same input, same diff on every machine
    return dmp


_FAST_OP = {"=": 0, "-": -1, "+": 1}


def _diff_main(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's ``diff_main(a, b, checklines=False)`` with no time limit.

    The character diff is the costly part of a comparison, and diff-match-patch's Python port
    runs it in Python; ``fast_diff_match_patch`` (the same library's C++ port, a dependency)
    computes the diff instead, several times faster. Both ports run the same
    algorithm (Myers' bisection, no half-match without a time limit, the same merge pass) and
    give the same diff: ``tests/test_fast_paths.py`` checks it on generated texts and real
    paragraphs, and the benchmark's 17,000 diffs were compared one by one. The cleanups stay
    in Python."""
    return [(_FAST_OP[op], text) for op, text in
            _fast_dmp.diff(a, b, timelimit=0, checklines=False, cleanup="No", counts_only=False)]


def _dissolve_chaff(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Turn an equality with changes on both sides and fewer than two letters or digits (a
    coincidental ``的`` or ``，`` inside a rewritten clause) into a deletion plus an insertion."""
    out: list[tuple[int, str]] = []
    for k, (op, text) in enumerate(diffs):
        inner = 0 < k < len(diffs) - 1
        if (op == 0 and inner and diffs[k - 1][0] != 0 and diffs[k + 1][0] != 0
                and not _two_alnum(text)):
            out.append((-1, text))
            out.append((1, text))
        else:
            out.append((op, text))
    return out


_ALNUM = re.compile(r"[^\W_]")  # \w is str.isalnum() plus "_"


def _two_alnum(text: str) -> bool:
    """Whether ``text`` holds at least two letters or digits (``str.isalnum``), found by the
    regex engine without a Python step per character of a long equal run."""
    first = _ALNUM.search(text)
    return first is not None and _ALNUM.search(text, first.end()) is not None


def _equal_blocks(a: str, b: str, cjk: bool) -> list[tuple[int, int, int]]:
    """Equal runs of the character diff of ``a`` and ``b`` as ``(start_a, start_b, length)``.

    diff-match-patch's semantic cleanup dissolves every equality no longer than the edits
    around it; tuned for alphabetic text, it swallows Chinese two-character words that stand
    between two edits (``鼓励各国弥合`` for two separate edits). For Chinese we therefore keep
    its lossless pass (which slides edits onto natural boundaries) and dissolve only
    one-character coincidences; word snapping does the rest."""
    dmp = _dmp()
    diffs = _diff_main(a, b)
    if cjk:
        dmp.diff_cleanupSemanticLossless(diffs)
        diffs = _dissolve_chaff(diffs)
        dmp.diff_cleanupMerge(diffs)
    else:
        dmp.diff_cleanupSemantic(diffs)
    blocks: list[tuple[int, int, int]] = []
    i = j = 0
    for op, text in diffs:
        if op == 0:
            blocks.append((i, j, len(text)))
            i += len(text)
            j += len(text)
        elif op == -1:
            i += len(text)
        else:
            j += len(text)
    return blocks


def _snap(blocks: list[tuple[int, int, int]], len_a: int, len_b: int,
          bounds_a: _Boundaries, bounds_b: _Boundaries) -> list[tuple[int, int, int]]:
    """Shrink equal runs so that each change starts and ends on a word boundary of both
    texts. A run's end that touches no change (start or end of both texts) stays put."""
    out: list[tuple[int, int, int]] = []
    for a, b, n in blocks:
        if (a, b) != (0, 0):
            while n > 0 and not (a in bounds_a and b in bounds_b):
                a, b, n = a + 1, b + 1, n - 1
        if (a + n, b + n) != (len_a, len_b):
            while n > 0 and not (a + n in bounds_a and b + n in bounds_b):
                n -= 1
        if n > 0:
            out.append((a, b, n))
    return out


def _cut(norm: Normalized, i: int, after_change: bool) -> int:
    """Printed position of normalised boundary ``i``. The ends map to the ends, so that
    characters the normaliser dropped there still belong to some run. Right after a change,
    layout whitespace the normaliser dropped (``注意到 2024``) is left to the equal run that
    follows, so a change shows only the characters that changed."""
    if i == len(norm.text):
        return len(norm.original)
    if i == 0:
        return 0
    p = norm.offsets[i]
    if after_change and not norm.text[i - 1].isspace():
        floor = norm.offsets[i - 1]
        while p - 1 > floor and norm.original[p - 1].isspace():
            p -= 1
    return p


def diff_segments(old: str, new: str, language: str | None = None) -> list[SidedOp]:
    """Diff ``old`` against ``new`` (printed texts); see the module docstring."""
    if language is None:
        language = detect_language(old + new)
    return diff_normalized(normalize(old, "compare", language),
                           normalize(new, "compare", language), language)


def diff_normalized(na: Normalized, nb: Normalized, language: str | None) -> list[SidedOp]:
    """:func:`diff_segments` for texts the caller already normalised (``compare`` profile)."""
    old, new = na.original, nb.original
    a, b = na.text, nb.text
    if a == b:
        return [_sided(EQUAL, old, new, a)] if (old or new) else []
    blocks = _snap(_equal_blocks(a, b, is_cjk_language(language)), len(a), len(b),
                   _Boundaries(a, language), _Boundaries(b, language))
    # Regions in order: equal blocks and the changes between them, as normalised spans.
    regions: list[tuple[str, int, int, int, int]] = []
    pa = pb = 0
    for sa, sb, n in blocks:
        if (sa, sb) != (pa, pb):
            regions.append(("change", pa, sa, pb, sb))
        regions.append((EQUAL, sa, sa + n, sb, sb + n))
        pa, pb = sa + n, sb + n
    if (pa, pb) != (len(a), len(b)):
        regions.append(("change", pa, len(a), pb, len(b)))
    # One printed cut per boundary and side, shared by the two regions it separates.
    cuts_a = [0]
    cuts_b = [0]
    for kind, a0, a1, b0, b1 in regions:
        changed = kind == "change"
        cuts_a.append(_cut(na, a1, changed and a1 > a0))
        cuts_b.append(_cut(nb, b1, changed and b1 > b0))
    # Runs alternate (a change is a delete and/or an insert, then an equal block follows),
    # and every run kept here is non-empty on its printed or its normalised side: no two
    # neighbours share a kind, so nothing needs merging.
    segments: list[SidedOp] = []
    for k, (kind, a0, a1, b0, b1) in enumerate(regions):
        old_part = old[cuts_a[k]:cuts_a[k + 1]]
        new_part = new[cuts_b[k]:cuts_b[k + 1]]
        if kind == EQUAL:
            segments.append(_sided(EQUAL, old_part, new_part, a[a0:a1]))
        else:
            if old_part or a1 > a0:
                segments.append(_sided(DELETE, old_part, "", a[a0:a1]))
            if new_part or b1 > b0:
                segments.append(_sided(INSERT, "", new_part, b[b0:b1]))
    return segments


def segments_to_ops(segments: list[SidedOp]) -> list[Op]:
    """Printed ops: deletions in old characters, equal runs and insertions in new ones."""
    return merge_ops(segments)


def diff_ops(old: str | Normalized, new: str | Normalized,
             language: str | None = None) -> list[Op]:
    """The ``ops`` of a comparison pair: ``[]`` when the texts are the same after ``compare``
    normalisation, else the printed runs of :func:`diff_segments`. Either text may be given
    already normalised."""
    if isinstance(old, str) or isinstance(new, str):
        old_text = old if isinstance(old, str) else old.original
        new_text = new if isinstance(new, str) else new.original
        if language is None:
            language = detect_language(old_text + new_text)
        old = old if isinstance(old, Normalized) else normalize(old, "compare", language)
        new = new if isinstance(new, Normalized) else normalize(new, "compare", language)
    segments = diff_normalized(old, new, language)
    if all(s.op == EQUAL for s in segments):
        return []
    return segments_to_ops(segments)
