"""Compare two versions of a document: paragraph alignment plus a word-level diff per pair.

``compare_documents(old, new)`` is the library function behind ``lineage diff``. It normalises
every paragraph and heading with the ``compare`` profile, aligns them (:mod:`lineage.compare.align`),
and diffs each matched pair on the printed texts (:mod:`lineage.compare.textdiff`). Split and merged
pairs are diffed on the pieces joined in document order with a line break between them.
``align_documents(old, new)`` does the same without the word diff (no ``ops``), for callers
that only need to know which paragraph became which.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable

from lineage.compare.align import align_headings, align_texts, without_section_label
from lineage.compare.textdiff import detect_language, diff_ops
from lineage.model.comparison import Comparison, DocRef, HeadingPair, Pair
from lineage.model.document import Document, Paragraph
from lineage.normalize import Normalized, normalize

__all__ = ["compare_documents", "align_documents", "document_language", "NormalCache",
           "PIECE_SEPARATOR"]

PIECE_SEPARATOR = "\n"
"""Joins the pieces of a split or merge before diffing (each piece starts a new line)."""


def document_language(old: Document, new: Document) -> str:
    """The language both texts are compared in: the new side's declared language, else the
    old side's, else guessed from the text."""
    declared = new.language or old.language
    if declared:
        return declared
    sample = "".join(p.text for p in [*old.all_paragraphs()[:20], *new.all_paragraphs()[:20]])
    return detect_language(sample)


def _docref(doc: Document) -> DocRef:
    return DocRef(symbol=doc.symbol, source=doc.source.path)


def _joined(paragraphs: list[Paragraph], idx: tuple[int, ...]) -> str:
    return PIECE_SEPARATOR.join(paragraphs[k].text for k in idx)


NormalCache = dict[tuple[str, str], Normalized]
"""Compare-normal forms by ``(language, printed text)``: see :func:`compare_documents`."""


def compare_documents(old: Document, new: Document, *,
                      normalized: NormalCache | None = None) -> Comparison:
    """Align and diff ``old`` against ``new``; see ``docs/json-contract.md`` for the shape.

    ``normalized``: a dict the caller keeps across comparisons (for a history of versions,
    where each version is compared twice) so that a paragraph is normalised once; the result
    is the same with or without it. Without it, each call normalises afresh."""
    return _compare(old, new, diff=True, cache=normalized)


def align_documents(old: Document, new: Document, *,
                    normalized: NormalCache | None = None) -> Comparison:
    """The pairs and heading pairs of :func:`compare_documents` (same kinds, ids and
    similarities) without the word diff: ``ops`` is None everywhere."""
    return _compare(old, new, diff=False, cache=normalized)


def _compare(old: Document, new: Document, diff: bool,
             cache: NormalCache | None) -> Comparison:
    language = document_language(old, new)
    old_pars, new_pars = old.all_paragraphs(), new.all_paragraphs()
    old_texts = [p.text for p in old_pars]
    new_texts = [p.text for p in new_pars]

    # A printed text found as often on both sides needs no normalising to be paired: it is
    # its own key (identical printed texts have identical normal forms, and the aligner pairs
    # such texts without scoring them). Only the others are normalised; in a typical pair of
    # versions that is a fraction of the paragraphs.
    old_count = Counter(old_texts)
    new_count = Counter(new_texts)
    if cache is None:
        cache = {}

    def norm(text: str) -> Normalized:
        # normalize() is a pure function of the text and the language: a cached form is the
        # form a fresh call would give.
        found = cache.get((language, text))
        if found is None:
            found = cache[(language, text)] = normalize(text, "compare", language)
        return found

    old_get, new_get = old_count.get, new_count.get
    matches = align_texts(
        [t if old_count[t] == new_get(t, 0) else norm(t).text for t in old_texts],
        [t if new_count[t] == old_get(t, 0) else norm(t).text for t in new_texts],
        language)
    old_id = [p.id for p in old_pars]
    new_id = [p.id for p in new_pars]
    old_of, new_of = old_id.__getitem__, new_id.__getitem__
    pairs: list[Pair] = []
    old_to_new: dict[str, str] = {}
    for m in matches:
        kind = m.kind
        old_ids = list(map(old_of, m.old))
        new_ids = list(map(new_of, m.new))
        if kind == "inserted" or kind == "deleted":
            pairs.append(Pair(old_ids, new_ids, kind))
            continue
        first = new_ids[0]
        for o in old_ids:
            if o not in old_to_new:
                old_to_new[o] = first
        if not diff:
            ops = None
        elif kind == "unchanged":
            ops = []
        elif len(m.old) == 1 and len(m.new) == 1:
            ops = diff_ops(norm(old_pars[m.old[0]].text), norm(new_pars[m.new[0]].text),
                           language)
        else:
            ops = diff_ops(_joined(old_pars, m.old), _joined(new_pars, m.new), language)
        pairs.append(Pair(old_ids, new_ids, kind, m.similarity, ops))

    headings = (_heading_pairs(old, new, old_id, new_id, old_to_new, language, norm, diff)
                if old.headings or new.headings else [])
    return Comparison(old=_docref(old), new=_docref(new), pairs=pairs, headings=headings)


def _previous_ids(ids: list[str]) -> dict[str | None, str | None]:
    """For each paragraph id (and None, the end), the id of the paragraph before it."""
    return dict(zip([*ids, None], [None, *ids]))


def _heading_pairs(old: Document, new: Document, old_id: list[str], new_id: list[str],
                   old_to_new: dict[str, str], language: str,
                   norm: Callable[[str], Normalized], diff: bool) -> list[HeadingPair]:
    # A heading is anchored to a heading of the other side when the paragraph right after it,
    # or the one right before it, is matched to the paragraph at the same place there: then
    # they stand at the same place of the structure (either neighbour may have moved away).
    # ``old_id``, ``new_id``: the paragraph ids of each side in document order.
    old_prev, new_prev = _previous_ids(old_id), _previous_ids(new_id)
    # New headings by the paragraph after them and by the one before them.
    by_after: dict[str | None, list[int]] = defaultdict(list)
    by_before: dict[str | None, list[int]] = defaultdict(list)
    for j, h in enumerate(new.headings):
        by_after[h.before].append(j)
        by_before[new_prev.get(h.before)].append(j)
    anchored: set[tuple[int, int]] = set()
    for i, h in enumerate(old.headings):
        if h.before is not None:
            anchored.update((i, j) for j in by_after.get(old_to_new.get(h.before), ()))
        prev_id = old_prev.get(h.before)
        matched_before = old_to_new.get(prev_id) if prev_id is not None else None
        if matched_before is not None:
            anchored.update((i, j) for j in by_before.get(matched_before, ()))
    shared = {h.text for h in old.headings} & {h.text for h in new.headings}

    def key(text: str) -> str:
        # A section label (``A.``) numbers the heading: added or changed, it is a renumbering.
        return text if text in shared else norm(without_section_label(text)).text

    matches = align_headings([key(h.text) for h in old.headings],
                             [key(h.text) for h in new.headings], language, anchored)
    out: list[HeadingPair] = []
    for m in matches:
        ho = old.headings[m.old] if m.old is not None else None
        hn = new.headings[m.new] if m.new is not None else None
        ops = None
        if ho is not None and hn is not None and diff:
            ops = [] if m.kind == "unchanged" else diff_ops(ho.text, hn.text, language)
        out.append(HeadingPair(
            old=ho.text if ho else None,
            new=hn.text if hn else None,
            kind=m.kind,
            old_before=ho.before if ho else None,
            new_before=hn.before if hn else None,
            similarity=m.similarity,
            ops=ops,
        ))
    return out
