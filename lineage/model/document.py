"""The document model: plain dataclasses that serialise to ``lineage.document/1``.

A :class:`Document` is what every reader (PDF, seed-style Markdown, plain text, corpus text)
produces and every later stage consumes. ``to_dict``/``from_dict`` follow
``docs/json-contract.md`` exactly; ``to_json`` is deterministic (same document, same bytes).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DOCUMENT_SCHEMA",
    "FootnoteRef",
    "SourceSpan",
    "Paragraph",
    "Heading",
    "Footnote",
    "ExtractionWarning",
    "Source",
    "Document",
    "dumps",
]

DOCUMENT_SCHEMA = "lineage.document/1"


def dumps(obj: Any) -> str:
    """Deterministic JSON: UTF-8 text (no ASCII escaping), two-space indent, trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote mark that stood in a paragraph at character ``offset`` of its ``text``."""

    number: str
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "offset": self.offset}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FootnoteRef:
        return cls(number=str(d["number"]), offset=int(d["offset"]))


@dataclass(frozen=True)
class SourceSpan:
    """Where a paragraph came from: a page (PDFs) and/or a 1-based line range (text files)."""

    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "line_start": self.line_start, "line_end": self.line_end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SourceSpan:
        return cls(page=d.get("page"), line_start=d.get("line_start"), line_end=d.get("line_end"))


@dataclass(frozen=True)
class Paragraph:
    """A preambular (``number is None``, id ``pp1``...) or operative (id = printed number)
    paragraph. ``text`` is whole, as printed, without number or footnote marks."""

    id: str
    text: str
    number: str | None = None
    section: str | None = None
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    spans: list[SourceSpan] = field(default_factory=list)

    @property
    def is_preambular(self) -> bool:
        return self.number is None

    def to_dict(self) -> dict[str, Any]:
        # Same keys for preambular and operative paragraphs, so programs need no special case.
        return {
            "id": self.id,
            "number": self.number,
            "text": self.text,
            "section": self.section,
            "footnote_refs": [r.to_dict() for r in self.footnote_refs],
            "pages": list(self.pages),
            "spans": [s.to_dict() for s in self.spans],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Paragraph:
        return cls(
            id=str(d["id"]),
            text=d["text"],
            number=None if d.get("number") is None else str(d["number"]),
            section=d.get("section"),
            footnote_refs=[FootnoteRef.from_dict(r) for r in d.get("footnote_refs", [])],
            pages=[int(p) for p in d.get("pages", [])],
            spans=[SourceSpan.from_dict(s) for s in d.get("spans", [])],
        )


@dataclass(frozen=True)
class Heading:
    """A section heading; ``before`` is the id of the first paragraph after it (None at the end).
    ``level`` is 1 for a top section, 2 for a subsection, when the source shows it.
    ``footnote_refs``: marks printed in the heading (``Dialogue with the Executive
    Secretaries ...³``), in the JSON only when there are some."""

    text: str
    before: str | None
    level: int | None = None
    footnote_refs: list[FootnoteRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "before": self.before}
        if self.level is not None:
            d["level"] = self.level
        if self.footnote_refs:
            d["footnote_refs"] = [r.to_dict() for r in self.footnote_refs]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Heading:
        return cls(text=d["text"], before=d.get("before"), level=d.get("level"),
                   footnote_refs=[FootnoteRef.from_dict(r) for r in d.get("footnote_refs", [])])


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str
    pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"number": self.number, "text": self.text}
        if self.pages:
            d["pages"] = list(self.pages)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Footnote:
        return cls(number=str(d["number"]), text=d["text"], pages=[int(p) for p in d.get("pages", [])])


@dataclass(frozen=True)
class ExtractionWarning:
    """Something a reader was unsure of (``code`` is a stable kebab-case key)."""

    code: str
    message: str
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "page": self.page}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExtractionWarning:
        return cls(code=d["code"], message=d["message"], page=d.get("page"))


@dataclass(frozen=True)
class Source:
    """The file a document was read from. ``kind``: ``pdf``, ``markdown``, ``text``, ``corpus``."""

    path: str
    kind: str
    sha256: str | None = None
    pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "pages": self.pages}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(path=d["path"], kind=d["kind"], sha256=d.get("sha256"), pages=d.get("pages"))


@dataclass(frozen=True)
class Document:
    symbol: str | None
    language: str | None
    source: Source
    date: str | None = None
    distribution: str | None = None
    session: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    title: str | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[ExtractionWarning] = field(default_factory=list)
    # Front and closing matter that is no paragraph, kept as printed: ``issued`` (the
    # masthead date, when ``date`` is the adoption date), ``formula`` (an adopting paragraph
    # such as "Adopts the following outcome document ...:"), ``sponsors`` (a draft's list),
    # ``meeting`` (the closing "68th plenary meeting"). Serialised only when present.
    issued: str | None = None
    formula: str | None = None
    sponsors: str | None = None
    meeting: str | None = None

    def all_paragraphs(self) -> list[Paragraph]:
        """Preambular then operative paragraphs, in document order."""
        return [*self.preamble, *self.paragraphs]

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.all_paragraphs():
            if p.id == pid:
                return p
        raise KeyError(pid)

    def footnote(self, number: str) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": DOCUMENT_SCHEMA,
            "symbol": self.symbol,
            "language": self.language,
            "date": self.date,
            "distribution": self.distribution,
            "session": self.session,
            "agenda_items": list(self.agenda_items),
            "title": self.title,
            "source": self.source.to_dict(),
            "preamble": [p.to_dict() for p in self.preamble],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "headings": [h.to_dict() for h in self.headings],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "warnings": [w.to_dict() for w in self.warnings],
        } | {k: v for k, v in (("issued", self.issued), ("formula", self.formula),
                               ("sponsors", self.sponsors), ("meeting", self.meeting)) if v is not None}

    def to_json(self) -> str:
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        schema = d.get("schema", DOCUMENT_SCHEMA)
        if schema != DOCUMENT_SCHEMA:
            raise ValueError(f"unsupported schema {schema!r}, expected {DOCUMENT_SCHEMA!r}")
        return cls(
            symbol=d.get("symbol"),
            language=d.get("language"),
            source=Source.from_dict(d["source"]),
            date=d.get("date"),
            distribution=d.get("distribution"),
            session=d.get("session"),
            agenda_items=[str(a) for a in d.get("agenda_items", [])],
            title=d.get("title"),
            preamble=[Paragraph.from_dict(p) for p in d.get("preamble", [])],
            paragraphs=[Paragraph.from_dict(p) for p in d.get("paragraphs", [])],
            headings=[Heading.from_dict(h) for h in d.get("headings", [])],
            footnotes=[Footnote.from_dict(f) for f in d.get("footnotes", [])],
            warnings=[ExtractionWarning.from_dict(w) for w in d.get("warnings", [])],
            issued=d.get("issued"),
            formula=d.get("formula"),
            sponsors=d.get("sponsors"),
            meeting=d.get("meeting"),
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))
