"""How close an extracted document is to a gold one: the figures the extraction tests assert
and the benchmark prints. Pure; compares :class:`~lineage.model.document.Document` objects."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from lineage.model.document import Document, Paragraph

__all__ = ["squash", "Accuracy", "compare_to_gold", "furniture_leaks"]

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text with every whitespace character removed (layout spaces are not scored)."""
    return _WS.sub("", text)


def _squashed_offset(text: str, offset: int) -> int:
    return len(squash(text[:offset]))


def _refs(p: Paragraph) -> list[tuple[str, int]]:
    return [(r.number, _squashed_offset(p.text, r.offset)) for r in p.footnote_refs]


@dataclass
class Accuracy:
    """Figures for one extracted document against its gold."""

    paragraphs: int = 0
    paragraph_errors: int = 0  # edit distance summed over paragraphs (whitespace removed)
    paragraph_chars: int = 0
    ids_match: bool = False
    footnotes: int = 0
    footnote_errors: int = 0
    footnote_chars: int = 0
    refs_expected: int = 0
    refs_placed: int = 0  # same number at the same offset (whitespace removed)
    furniture_leaks: int = 0
    differing: list[str] = field(default_factory=list)  # ids of paragraphs/footnotes that differ

    @property
    def paragraph_cer(self) -> float:
        return self.paragraph_errors / self.paragraph_chars if self.paragraph_chars else 0.0

    @property
    def footnote_cer(self) -> float:
        return self.footnote_errors / self.footnote_chars if self.footnote_chars else 0.0


def compare_to_gold(got: Document, gold: Document, furniture: Iterable[str] = ()) -> Accuracy:
    """Compare paragraph by paragraph (matched by id) and footnote by footnote (by number)."""
    acc = Accuracy()
    got_pars = {p.id: p for p in got.all_paragraphs()}
    gold_pars = gold.all_paragraphs()
    acc.ids_match = [p.id for p in got.all_paragraphs()] == [p.id for p in gold_pars]
    acc.paragraphs = len(gold_pars)
    for gp in gold_pars:
        want = squash(gp.text)
        acc.paragraph_chars += len(want)
        p = got_pars.get(gp.id)
        have = squash(p.text) if p else ""
        d = Levenshtein.distance(have, want)
        acc.paragraph_errors += d
        if d:
            acc.differing.append(gp.id)
        acc.refs_expected += len(gp.footnote_refs)
        if p:
            mine = set(_refs(p))
            acc.refs_placed += sum(1 for r in _refs(gp) if r in mine)
    got_fns = {f.number: f for f in got.footnotes}
    acc.footnotes = len(gold.footnotes)
    for gf in gold.footnotes:
        want = squash(gf.text)
        acc.footnote_chars += len(want)
        f = got_fns.get(gf.number)
        d = Levenshtein.distance(squash(f.text) if f else "", want)
        acc.footnote_errors += d
        if d:
            acc.differing.append(f"fn{gf.number}")
    acc.furniture_leaks = len(furniture_leaks(got, gold, furniture))
    return acc


def furniture_leaks(got: Document, gold: Document, furniture: Iterable[str]) -> list[str]:
    """Paragraph ids whose extracted text holds a furniture string (running header, job
    number, page mark) that its gold text does not."""
    gold_text = {p.id: squash(p.text) for p in gold.all_paragraphs()}
    leaks = []
    marks = [squash(s) for s in furniture if squash(s)]
    for p in got.all_paragraphs():
        have = squash(p.text)
        for m in marks:
            if m in have and have.count(m) > gold_text.get(p.id, "").count(m):
                leaks.append(p.id)
                break
    return leaks
