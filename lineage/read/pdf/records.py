"""Typed records for what a PDF page holds, so the layout logic never sees pdfplumber's dicts.

Coordinates are PDF points with the origin at the top left of the page (pdfplumber's
convention): ``top`` grows downwards, ``bottom > top``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Char", "Rule", "PageData", "Mark", "Line"]


class Char(NamedTuple):
    """One glyph as the text layer gives it (``text`` may be more than one code point for
    ligatures, or ``(cid:N)`` when the font has no Unicode map).

    A named tuple rather than a frozen dataclass: a document has hundreds of thousands of
    glyphs, and a frozen dataclass takes four times as long to build (a fifth of extraction)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    upright: bool = True


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal stroke or thin filled rectangle (a footnote separator, an underline)."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class PageData:
    """One page reduced to what extraction needs. ``number`` is 1-based."""

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rules: tuple[Rule, ...] = ()
    has_images: bool = False
    # The largest share of the page's area one image covers (a scan's page image: ~1.0).
    image_cover: float = 0.0


@dataclass(frozen=True, slots=True)
class Mark:
    """A superscript footnote mark that stood at character ``offset`` of its line's text."""

    number: str
    offset: int


@dataclass(slots=True)
class Line:
    """A printed line: its text built from the glyphs (superscript marks taken out into
    ``marks``), its box, dominant font size and whether most of it is bold or italic."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    marks: tuple[Mark, ...] = ()
    # The text of the pieces the line falls into at wide gaps (a hanging number and its
    # paragraph text, a header's left and right parts); ``pieces[0]`` starts the line.
    pieces: tuple[str, ...] = field(default_factory=tuple)
    italic: bool = False  # most of it set in an italic face

    @property
    def height(self) -> float:
        return self.bottom - self.top
