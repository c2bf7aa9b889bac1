"""Footnote changes of one aligned pair, for the report.

A pair's footnotes are the ones its paragraphs reference. Footnote numbers follow their
position in the document, so a footnote that only changed number is not a change; what a
reader needs is a footnote inserted into or deleted from the paragraph, or one whose text was
modified (the change words of :mod:`lineage.report.labels`).
"""
from __future__ import annotations

from typing import Sequence

from lineage.compare.textdiff import diff_ops
from lineage.model.document import Document, Paragraph
from lineage.normalize import normalize
from lineage.report.labels import DELETED, INSERTED, MODIFIED
from lineage.report.model import FootnoteChange

__all__ = ["footnote_changes"]


def _refs(doc: Document, paragraphs: Sequence[Paragraph]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for p in paragraphs:
        for ref in p.footnote_refs:
            if ref.number in seen:
                continue
            seen.add(ref.number)
            note = doc.footnote(ref.number)
            out.append((ref.number, note.text if note else ""))
    return out


def _key(text: str, language: str | None) -> str:
    return normalize(text, "compare", language).text


def footnote_changes(old_doc: Document, old: Sequence[Paragraph],
                     new_doc: Document, new: Sequence[Paragraph]) -> tuple[FootnoteChange, ...]:
    """Footnotes inserted into, deleted from or modified in the paragraphs of one pair.

    Footnotes with the same text (after ``compare`` normalisation) are the same footnote
    whatever their numbers; the rest are paired in order as edited footnotes, and what is left
    over was inserted or deleted.
    """
    old_refs = _refs(old_doc, old)
    new_refs = _refs(new_doc, new)
    if not old_refs and not new_refs:
        return ()
    lang = new_doc.language or old_doc.language
    new_keys = [_key(t, lang) for _, t in new_refs]
    matched_new: set[int] = set()
    unmatched_old: list[tuple[str, str]] = []
    for number, text in old_refs:
        key = _key(text, lang)
        hit = next((j for j, k in enumerate(new_keys) if k == key and j not in matched_new), None)
        if hit is None:
            unmatched_old.append((number, text))
        else:
            matched_new.add(hit)
    unmatched_new = [r for j, r in enumerate(new_refs) if j not in matched_new]
    changes: list[FootnoteChange] = []
    for (on, ot), (nn, nt) in zip(unmatched_old, unmatched_new):
        ops = diff_ops(ot, nt, lang)
        changes.append(FootnoteChange(MODIFIED, on, nn, ot, nt, tuple(ops)))
    for on, ot in unmatched_old[len(unmatched_new):]:
        changes.append(FootnoteChange(DELETED, on, None, ot, ""))
    for nn, nt in unmatched_new[len(unmatched_old):]:
        changes.append(FootnoteChange(INSERTED, None, nn, "", nt))
    return tuple(changes)
