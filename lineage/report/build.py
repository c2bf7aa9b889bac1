"""Build the report model (:mod:`lineage.report.model`) from a comparison and its documents.

This is the only code that reads ``Comparison.pairs`` and their ``Op`` lists for display;
everything after it renders the :class:`~lineage.report.model.Report`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Iterable, Sequence

from lineage.model.comparison import (
    DELETE,
    EQUAL,
    INSERT,
    PAIR_KINDS,
    Comparison,
    HeadingPair,
    Op,
    OpKind,
    Pair,
    merge_ops,
)
from lineage.model.document import Document, Paragraph
from lineage.report.brackets import widen_bracket_edits
from lineage.report.footnotes import footnote_changes
from lineage.report.model import (
    DocInfo,
    Item,
    MovedFrom,
    PairView,
    ParaRef,
    Part,
    RenumberEntry,
    Report,
    SectionStart,
)

__all__ = ["build_report"]

# Separators an aligner may put between the texts it joins for a split or a merge; the first
# that reproduces the joined side exactly is taken, otherwise the boundaries are mapped.
_JOIN_SEPARATORS = ("", "\n", " ", "\n\n")
_NUMERIC = re.compile(r"\d+")


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower() or "x"


class _Anchors:
    """Deterministic, unique HTML-safe anchors (``new-5-bis``, ``old-7``, ``moved-from-8``)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, base: str) -> str:
        anchor, n = base, 2
        while anchor in self._used:
            anchor, n = f"{base}-{n}", n + 1
        self._used.add(anchor)
        return anchor


def _doc_info(doc: Document, note: str | None, label: str | None = None) -> DocInfo:
    return DocInfo(
        symbol=doc.symbol,
        title=doc.title,
        date=doc.date,
        distribution=doc.distribution,
        session=doc.session,
        agenda_items=tuple(doc.agenda_items),
        language=doc.language,
        source_path=doc.source.path,
        source_kind=doc.source.kind,
        sha256=doc.source.sha256,
        note=note,
        given_label=label,
    )


def _merge_runs(segments: Iterable[Op]) -> tuple[Op, ...]:
    return tuple(merge_ops(segments))


def _pair_segments(pair: Pair, old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Op, ...]:
    if pair.kind == "inserted":
        return _merge_runs(Op(INSERT, p.text) for p in new)
    if pair.kind == "deleted":
        return _merge_runs(Op(DELETE, p.text) for p in old)
    if pair.ops:
        # Bracket-only edits shown with their words (see lineage.report.brackets).
        return tuple(widen_bracket_edits(pair.ops))
    # Matched with no ops: the texts are the same after normalisation; show the new print.
    sep = "\n" if len(new) > 1 else ""
    return _merge_runs([Op(EQUAL, sep.join(p.text for p in new))])


def _boundaries(side_text: str, parts: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of ``side_text`` that belong to each part (separators excluded).

    The aligner joins the texts of a split or merge before diffing; the side rebuilt from the
    ops is that joined text (modulo presentation-only differences, which the ops show with
    the new side's characters). Find the separator that reproduces it, or else map the part
    boundaries through a character alignment.
    """
    for sep in _JOIN_SEPARATORS:
        if sep.join(parts) == side_text:
            spans, pos = [], 0
            for t in parts:
                spans.append((pos, pos + len(t)))
                pos += len(t) + len(sep)
            return spans
    joined = "".join(parts)
    cuts = [0]
    for t in parts[:-1]:
        cuts.append(cuts[-1] + len(t))
    matcher = difflib.SequenceMatcher(None, joined, side_text, autojunk=False)
    mapped = [_map_offset(matcher, c, len(side_text)) for c in cuts[1:]]
    starts = [0, *mapped]
    ends = [*mapped, len(side_text)]
    return list(zip(starts, ends))


def _map_offset(matcher: difflib.SequenceMatcher, offset: int, b_len: int) -> int:
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if a0 <= offset < a1 or (offset == a1 and tag == "equal"):
            return b0 + min(offset - a0, b1 - b0) if tag != "insert" else b0
    return b_len


def _cut(segments: Sequence[Op], side_op: OpKind, refs: Sequence[ParaRef]) -> tuple[Part, ...]:
    """Cut ``segments`` into one :class:`Part` per ref of the side whose op is ``side_op``.

    Characters of that side (``equal`` and ``side_op`` runs) advance the position; runs of the
    other side ride along with the part being filled. Separator characters between parts are
    dropped. A run of the other side at a boundary stays with the earlier part.
    """
    if len(refs) == 1:
        return (Part(refs[0], _merge_runs(segments)),)
    side_text = "".join(s.text for s in segments if s.op in (EQUAL, side_op))
    spans = _boundaries(side_text, [r.text for r in refs])
    buckets: list[list[Op]] = [[] for _ in refs]
    k, pos = 0, 0
    for seg in segments:
        if seg.op not in (EQUAL, side_op):
            buckets[k].append(seg)
            continue
        text, i = seg.text, 0
        while i < len(text):
            # Lazily move to the next part once this side's position passes the current end.
            while k + 1 < len(refs) and pos >= spans[k][1]:
                k += 1
            start, end = spans[k]
            if pos < start:  # separator characters between two parts
                skip = min(start - pos, len(text) - i)
                i, pos = i + skip, pos + skip
                continue
            take = len(text) - i if k + 1 == len(refs) else min(end - pos, len(text) - i)
            take = max(take, 1)
            buckets[k].append(Op(seg.op, text[i:i + take]))
            i, pos = i + take, pos + take
    return tuple(Part(r, _merge_runs(b)) for r, b in zip(refs, buckets))


def _without_joins(segments: Sequence[Op], side_op: OpKind, refs: Sequence[ParaRef]) -> list[Op]:
    """``segments`` without the characters that join the pieces of the side with several
    paragraphs (``side_op``'s side). Equal runs show the new side's characters, so the line
    break an aligner put between the new pieces of a split would otherwise show up inside
    the old paragraph (and the join of merged old pieces inside the new one)."""
    side_text = "".join(s.text for s in segments if s.op in (EQUAL, side_op))
    spans = _boundaries(side_text, [r.text for r in refs])
    out: list[Op] = []
    pos = 0
    for seg in segments:
        if seg.op not in (EQUAL, side_op):
            out.append(seg)
            continue
        if seg.op == side_op:
            out.append(seg)
            pos += len(seg.text)
            continue
        kept = "".join(ch for k, ch in enumerate(seg.text)
                       if any(a <= pos + k < b for a, b in spans))
        out.append(Op(EQUAL, kept))
        pos += len(seg.text)
    return list(_merge_runs(out))


def _in_own_characters(side: list[Op], printed: str) -> list[Op]:
    """``side`` (the old side's runs: equal and deleted) with every run in the
    characters ``printed`` has. Equal runs carry the new version's characters, so where the
    two versions differ only in presentation (``（a）`` and ``(a)``, ``,`` and ``，``) the old
    column would print the new characters; each run is mapped onto ``printed`` through a
    character alignment instead."""
    shown = "".join(s.text for s in side)
    if shown == printed or not side:
        return side
    matcher = difflib.SequenceMatcher(None, shown, printed, autojunk=False)
    out: list[Op] = []
    pos = 0
    for seg in side:
        start, end = pos, pos + len(seg.text)
        a = 0 if start == 0 else _map_offset(matcher, start, len(printed))
        b = len(printed) if end == len(shown) else _map_offset(matcher, end, len(printed))
        out.append(Op(seg.op, printed[a:b]))
        pos = end
    return [s for s in out if s.text]


def _pair_view(index: int, pair: Pair, old_doc: Document, new_doc: Document,
               anchors: _Anchors) -> PairView:
    old_ps = [old_doc.paragraph(i) for i in pair.old]
    new_ps = [new_doc.paragraph(i) for i in pair.new]
    old_refs = tuple(ParaRef("old", p.id, p.section, p.text) for p in old_ps)
    new_refs = tuple(ParaRef("new", p.id, p.section, p.text) for p in new_ps)
    segments = _pair_segments(pair, old_ps, new_ps)
    old_side = [s for s in segments if s.op != INSERT]
    new_side = [s for s in segments if s.op != DELETE]
    if len(new_refs) > 1:
        old_side = [s for s in _without_joins(segments, INSERT, new_refs) if s.op != INSERT]
    elif len(old_refs) > 1:
        new_side = [s for s in _without_joins(segments, DELETE, old_refs) if s.op != DELETE]
    if len(old_refs) == 1:
        old_side = _in_own_characters(old_side, old_refs[0].text)
    if len(old_refs) > 1:
        inline = _cut(segments, DELETE, old_refs)
    elif new_refs:
        inline = _cut(segments, INSERT, new_refs)
    else:
        inline = _cut(segments, DELETE, old_refs)
    base = f"new-{_slug(pair.new[0])}" if pair.new else f"old-{_slug(pair.old[0])}"
    section = (new_ps[0].section if new_ps else old_ps[0].section) if (new_ps or old_ps) else None
    return PairView(
        index=index,
        kind=pair.kind,
        anchor=anchors.make(base),
        old=old_refs,
        new=new_refs,
        similarity=pair.similarity,
        section=section,
        segments=segments,
        inline_parts=inline,
        old_parts=_cut(old_side, DELETE, old_refs) if old_refs else (),
        new_parts=_cut(new_side, INSERT, new_refs) if new_refs else (),
        footnote_changes=footnote_changes(old_doc, old_ps, new_doc, new_ps),
    )


def _place_moves(views: list[PairView], old_doc: Document, anchors: _Anchors) -> list[PairView | MovedFrom]:
    """Leave a :class:`MovedFrom` marker where each moved pair stood in the old version:
    right after the pair holding its nearest old predecessor that did not move itself."""
    old_order = [p.id for p in old_doc.all_paragraphs()]
    view_of_old = {i: v for v in views for i in v.old_ids}
    after: dict[int, list[MovedFrom]] = {}
    linked: dict[int, tuple[str, str | None]] = {}
    for v in views:
        if v.kind != "moved" or not v.old:
            continue
        pos = old_order.index(v.old_ids[0])
        host = -1
        for prev in reversed(old_order[:pos]):
            pv = view_of_old.get(prev)
            if pv is not None and pv.kind != "moved":
                host = pv.index
                break
        marker = MovedFrom(anchors.make(f"moved-from-{_slug(v.old_ids[0])}"), v.anchor, v.old, v.new)
        after.setdefault(host, []).append(marker)
        linked[v.index] = (marker.anchor, old_order[pos - 1] if pos else None)
    items: list[PairView | MovedFrom] = list(after.get(-1, []))
    for v in views:
        if v.index in linked:
            anchor, after_id = linked[v.index]
            v = replace(v, moved_from=anchor, moved_from_after=after_id)
        items.append(v)
        items.extend(after.get(v.index, []))
    return items


def _heading_start(h: HeadingPair, anchors: _Anchors) -> SectionStart:
    title = h.new if h.new is not None else (h.old or "")
    segments: tuple[Op, ...]
    if h.kind == "inserted":
        segments = (Op(INSERT, title),)
    elif h.kind == "deleted":
        segments = (Op(DELETE, title),)
    elif h.ops:
        segments = _merge_runs(h.ops)
    else:
        segments = (Op(EQUAL, title),)
    return SectionStart(title, h.kind, segments, _section_anchor(anchors, title))


def _section_anchor(anchors: _Anchors, title: str) -> str:
    slug = _slug(title)  # "x" for a title without ASCII letters (most Chinese headings)
    return anchors.make("section" if slug == "x" else f"section-{slug}")


def _with_headings(items: list[PairView | MovedFrom], headings: Sequence[HeadingPair],
                   anchors: _Anchors) -> list[Item]:
    """Put each heading before the pair holding the paragraph it stands before (new side;
    old side for a deleted heading); headings with nothing after them go last."""
    before_new: dict[str, list[HeadingPair]] = {}
    before_old: dict[str, list[HeadingPair]] = {}
    rest: list[HeadingPair] = []
    for h in headings:
        if h.new is not None and h.new_before is not None:
            before_new.setdefault(h.new_before, []).append(h)
        elif h.new is None and h.old_before is not None:
            before_old.setdefault(h.old_before, []).append(h)
        else:
            rest.append(h)
    out: list[Item] = []
    for item in items:
        if isinstance(item, PairView):
            starting = [h for pid in item.old_ids for h in before_old.pop(pid, [])]
            starting += [h for pid in item.new_ids for h in before_new.pop(pid, [])]
            # A move marker just before the heading that opened its old section goes under
            # that heading: the paragraph left from there, not from the previous section.
            under: list[Item] = []
            titles = {h.old for h in starting if h.old is not None}
            while out and isinstance(out[-1], MovedFrom) and all(r.section in titles for r in out[-1].old):
                under.insert(0, out.pop())
            out.extend(_heading_start(h, anchors) for h in starting)
            out.extend(under)
        out.append(item)
    leftovers = [*rest, *(h for hs in before_new.values() for h in hs),
                 *(h for hs in before_old.values() for h in hs)]
    out.extend(_heading_start(h, anchors) for h in leftovers)
    return out


def _with_sections(items: list[PairView | MovedFrom], anchors: _Anchors) -> list[Item]:
    """Without heading pairs: a section start wherever the new side's section changes."""
    out: list[Item] = []
    current: str | None = None
    for item in items:
        if isinstance(item, PairView) and item.section and item.section != current:
            current = item.section
            out.append(SectionStart(current, "unchanged", (Op(EQUAL, current),),
                                    _section_anchor(anchors, current)))
        out.append(item)
    return out


def _renumbering(views: Sequence[PairView]) -> tuple[RenumberEntry, ...]:
    """Rows for paragraphs that changed number or place. Consecutive 1:1 operative
    paragraphs shifted by the same amount collapse into one row (``4–20 → 5–21, +1``)."""
    rows: list[RenumberEntry] = []
    run: list[PairView] = []

    def flush() -> None:
        if not run:
            return
        first, last = run[0], run[-1]
        shift = int(first.new_ids[0]) - int(first.old_ids[0])
        rows.append(RenumberEntry(
            old=f"{first.old_ids[0]}–{last.old_ids[0]}" if len(run) > 1 else first.old_ids[0],
            new=f"{first.new_ids[0]}–{last.new_ids[0]}" if len(run) > 1 else first.new_ids[0],
            change="renumbered", count=len(run), shift=shift, anchor=first.anchor))
        run.clear()

    for v in views:
        simple = (v.kind in ("unchanged", "modified") and len(v.old) == 1 and len(v.new) == 1
                  and _NUMERIC.fullmatch(v.old_ids[0]) and _NUMERIC.fullmatch(v.new_ids[0]))
        if simple and v.renumbered:
            shift = int(v.new_ids[0]) - int(v.old_ids[0])
            if run and (shift != int(run[0].new_ids[0]) - int(run[0].old_ids[0])
                        or int(v.old_ids[0]) != int(run[-1].old_ids[0]) + 1):
                flush()
            run.append(v)
            continue
        flush()
        if v.kind in ("moved", "split", "merged", "inserted", "deleted"):
            rows.append(RenumberEntry(old=v.old_label, new=v.new_label, change=v.kind, anchor=v.anchor))
        elif v.renumbered and not all(r.preambular for r in (*v.old, *v.new)):
            # a "5 bis" that changed id; preambular paragraphs are unnumbered in print, so a
            # shift of their ids is not a renumbering anyone sees
            rows.append(RenumberEntry(old=v.old_label, new=v.new_label, change="renumbered", anchor=v.anchor))
    flush()
    return tuple(rows)


def build_report(comparison: Comparison, old_doc: Document, new_doc: Document, *,
                 old_note: str | None = None, new_note: str | None = None,
                 old_label: str | None = None, new_label: str | None = None,
                 ui: str = "en", scores: bool | None = None) -> Report:
    """Build the report model once; every renderer reads only this.

    ``old_note``/``new_note`` are shown in the header (for example that a text is a
    reconstruction, not an official document). ``old_label``/``new_label`` name the sides
    instead of their symbols (two drafts may carry the same masthead symbol). ``ui`` is the
    language of the report's own words (``en``, ``zh``); ``scores`` shows similarity scores
    (default: in English reports only; readers of a Chinese redline asked for the words).
    """
    anchors = _Anchors()
    views = [_pair_view(i, p, old_doc, new_doc, anchors) for i, p in enumerate(comparison.pairs)]
    placed = _place_moves(views, old_doc, anchors)
    headings = comparison.headings
    items = _with_headings(placed, headings, anchors) if headings else _with_sections(placed, anchors)
    counts = comparison.summary()
    # A footnote cited by several paragraphs is shown under each of them, but is one change.
    fn_changed = len({(c.old_number, c.new_number) for v in views for c in v.footnote_changes})
    return Report(
        old=_doc_info(old_doc, old_note, old_label),
        new=_doc_info(new_doc, new_note, new_label),
        summary=tuple((k, counts.get(k, 0)) for k in PAIR_KINDS),
        footnotes_changed=fn_changed,
        headings_changed=sum(1 for h in headings if h.kind != "unchanged"),
        renumbering=_renumbering(views),
        items=tuple(items),
        changed=comparison.changed or fn_changed > 0,
        ui=ui,
        scores=(ui == "en") if scores is None else scores,
    )
