"""One document in two languages: a bridge.

Official UN documents are issued in six languages with the same paragraph numbering, so two
texts of one symbol in different languages are the same document: paragraph ``99`` of the
English A/RES/80/173 *is* paragraph ``99`` of the Chinese one. Comparing their words means
nothing (every paragraph would be "inserted" and "deleted"); comparing their structure checks
that both texts were read right. :func:`check_bridge` pairs the paragraphs by id and reports
every structural mismatch: paragraphs only one side has, different counts of preambular or
operative paragraphs, of headings, of footnotes, of footnote marks in a paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lineage.model.document import Document
from lineage.model.symbols import document_key

__all__ = ["BridgeCheck", "check_bridge", "is_bridge", "languages_differ"]


def languages_differ(a: Document, b: Document) -> bool:
    """Both texts say their language, and the languages differ (``zh`` vs ``en``; ``zh`` and
    ``zh-Hans`` are one language)."""
    if not a.language or not b.language:
        return False
    return a.language.split("-")[0].lower() != b.language.split("-")[0].lower()


def is_bridge(a: Document, b: Document) -> bool:
    """The same symbol in two languages."""
    return bool(a.symbol and b.symbol) and document_key(a.symbol or "") == document_key(b.symbol or "") \
        and languages_differ(a, b)


@dataclass(frozen=True)
class BridgeCheck:
    """Two language versions of one document, paired by paragraph id. ``pairs``: the ids both
    have, in the order of ``a``; ``only_a`` / ``only_b``: ids one side lacks; ``mismatches``:
    every structural difference in words (empty when the structures agree)."""

    symbol: str | None
    language_a: str | None
    language_b: str | None
    pairs: tuple[str, ...]
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()
    mismatches: tuple[str, ...] = field(default=())

    @property
    def consistent(self) -> bool:
        return not self.mismatches

    def to_dict(self) -> dict:
        return {"symbol": self.symbol, "languages": [self.language_a, self.language_b],
                "paired": len(self.pairs), "only_a": list(self.only_a), "only_b": list(self.only_b),
                "mismatches": list(self.mismatches)}


def _count(what: str, a: int, b: int, la: str, lb: str) -> list[str]:
    return [] if a == b else [f"{what}: {a} in {la}, {b} in {lb}"]


def check_bridge(a: Document, b: Document) -> BridgeCheck:
    """Pair ``a`` and ``b`` (one document in two languages) by paragraph id and list where
    their structures differ."""
    la, lb = a.language or "?", b.language or "?"
    ids_a = [p.id for p in a.all_paragraphs()]
    ids_b = [p.id for p in b.all_paragraphs()]
    set_a, set_b = set(ids_a), set(ids_b)
    pairs = tuple(i for i in ids_a if i in set_b)
    only_a = tuple(i for i in ids_a if i not in set_b)
    only_b = tuple(i for i in ids_b if i not in set_a)
    problems: list[str] = []
    problems += _count("preambular paragraphs", len(a.preamble), len(b.preamble), la, lb)
    problems += _count("operative paragraphs", len(a.paragraphs), len(b.paragraphs), la, lb)
    problems += _count("headings", len(a.headings), len(b.headings), la, lb)
    problems += _count("footnotes", len(a.footnotes), len(b.footnotes), la, lb)
    if only_a:
        problems.append(f"only in {la}: {', '.join(only_a)}")
    if only_b:
        problems.append(f"only in {lb}: {', '.join(only_b)}")
    marks = [pid for pid in pairs
             if len(a.paragraph(pid).footnote_refs) != len(b.paragraph(pid).footnote_refs)]
    if marks:
        problems.append(f"footnote marks differ in paragraph {', '.join(marks)}")
    # Headings stand before the same paragraphs in every language version.
    before_a = [h.before for h in a.headings]
    before_b = [h.before for h in b.headings]
    if len(before_a) == len(before_b) and before_a != before_b:
        moved = [f"{x}/{y}" for x, y in zip(before_a, before_b) if x != y]
        problems.append(f"headings stand before different paragraphs ({la}/{lb}: {', '.join(map(str, moved))})")
    return BridgeCheck(a.symbol or b.symbol, a.language, b.language, pairs, only_a, only_b, tuple(problems))
