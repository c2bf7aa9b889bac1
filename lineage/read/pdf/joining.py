"""Joining printed lines into one paragraph text by the one rule of
:mod:`lineage.script.lines`: Chinese lines join with nothing, English ones with a space, a
line-end hyphen stays unless the evidence (the document's own words, the English word list)
says hyphenation put it there."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from lineage.read.pdf.records import Mark
from lineage.script.lines import CONTEXT, Words, join_break

__all__ = ["TextBuilder"]


@dataclass
class TextBuilder:
    """Accumulates lines of one paragraph or footnote, with their marks moved to offsets of
    the joined text. ``newline_before`` starts a sub-item on a new line of the text.
    ``words``: the document's words, the evidence for line-end hyphens."""

    words: Words = field(default_factory=Words)
    text: str = ""
    marks: list[Mark] = field(default_factory=list)

    def add(self, line_text: str, marks: Iterable[Mark] = (), newline_before: bool = False) -> None:
        line_text = line_text.strip()
        if not self.text:
            sep = ""
        elif newline_before:
            sep = "\n"
        else:
            cut, sep = join_break(self.text[-CONTEXT:], line_text[:CONTEXT], self.words)
            if cut:
                end = len(self.text) - cut
                self.text = self.text[:end]
                self.marks = [Mark(m.number, min(m.offset, end)) for m in self.marks]
        base = len(self.text) + len(sep)
        self.text = self.text + sep + line_text
        self.marks.extend(Mark(m.number, base + m.offset) for m in marks)
