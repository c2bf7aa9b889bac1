"""The canonical corpus text format: one UTF-8 file per document, lossless to the model.

A file looks like this (``docs/corpus.md`` has the full grammar)::

    %lineage-corpus-text 1
    symbol: A/RES/80/173
    language: zh
    agenda-item: 15
    origin-kind: markdown
    origin-path: sources/000_cb2b676f44ca9b86.txt

    @preamble pp1
    | 我们，参加 …

    @heading
    | 导言

    @paragraph 1 ref=2@57
    | 我们重申对 …

    @footnote 2
    | 第 217 A (III)号决议。

Design choices, each for a reason:

- every text line starts with ``|``, so no text (``#``, ``@``, ``[``, blank-looking lines) can
  be mistaken for structure, and a changed paragraph is a small git diff of its own lines;
- ``| `` + the line as printed when it is safe to show raw; ``|"…"`` with ``\\``-escapes when
  it is not (leading or trailing whitespace, which editors eat; control, format and
  private-use characters, which are invisible or garbage and worth seeing in a review);
- a ``\\n`` inside a paragraph (sub-items) is simply a new ``|`` line;
- what follows from position is not repeated: a heading's ``before`` is the next paragraph, a
  paragraph's ``section`` is the text of the last heading, an operative paragraph's number is
  its id. Only a value that differs is written (``before=``, ``section=``, ``number=``, or the
  ``no-…`` flags for None), so any Document round-trips, not only well-formed ones.

``source`` is not stored as such: a parsed document's source is the corpus file it was read
from (kind ``corpus``, sha256 of its text). Where the text came from is kept in the
``origin-*`` header fields (see :class:`CorpusText`); ``origin-pages`` also becomes the parsed
source's ``pages``, because paragraph page numbers point into that paged original.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from lineage.errors import CorpusError
from lineage.model.document import (
    Document,
    ExtractionWarning,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
    SourceSpan,
)
from lineage.read.textcodec import (
    LineError,
    decode_text_line,
    decode_value,
    encode_text_lines,
    encode_token,
    encode_value,
    parse_int,
    parse_ints,
    read_token,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CorpusText",
    "format_document",
    "parse_corpus_text",
    "parse_corpus_file",
    "parse_corpus_header",
    "looks_like_corpus_text",
]

FORMAT_NAME = "%lineage-corpus-text"
FORMAT_VERSION = 1
_FIRST_LINE = f"{FORMAT_NAME} {FORMAT_VERSION}"

_KEY_RE = re.compile(r"[a-z][a-z0-9-]*")
_SPAN_RE = re.compile(r"(-?[0-9]+)?:(-?[0-9]+)?:(-?[0-9]+)?\Z")


@dataclass(frozen=True)
class CorpusText:
    """A parsed corpus file: the document, where its text came from, and free notes."""

    document: Document
    origin: Source | None = None
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- writing

# Header fields in the order they are written (agenda items and the title follow).
_HEADER_FIELDS = ("symbol", "language", "date", "distribution", "session")
# Optional metadata written after the title, when present.
_META_FIELDS = ("issued", "formula", "sponsors", "meeting")


def _origin_lines(doc: Document, origin: Source | None) -> Iterator[str]:
    if origin is None and doc.source.kind != "corpus":
        origin = doc.source
    if origin is not None:
        yield f"origin-kind: {encode_value(origin.kind)}"
        yield f"origin-path: {encode_value(origin.path)}"
        if origin.sha256 is not None:
            yield f"origin-sha256: {encode_value(origin.sha256)}"
    pages = doc.source.pages if origin is None else origin.pages
    if pages is not None:
        yield f"origin-pages: {pages}"


def _block(kind: str, ident: str | None, attrs: Iterable[str]) -> str:
    parts = [f"@{kind}"]
    if ident is not None:
        parts.append(encode_token(ident))
    parts.extend(attrs)
    return " ".join(parts)


def _paragraph_attrs(p: Paragraph, operative: bool, inherited_section: str | None) -> Iterator[str]:
    default_number = p.id if operative else None
    if p.number != default_number:
        yield "no-number" if p.number is None else f"number={encode_token(p.number)}"
    if p.section != inherited_section:
        yield "no-section" if p.section is None else f"section={encode_token(p.section)}"
    if p.pages:
        yield "pages=" + ",".join(str(n) for n in p.pages)
    for ref in p.footnote_refs:
        yield f"ref={encode_token(f'{ref.number}@{ref.offset}')}"
    for span in p.spans:
        yield "span=" + ":".join("" if v is None else str(v) for v in (span.page, span.line_start, span.line_end))


def _place_headings(headings: Sequence[Heading], ids: Sequence[str]) -> list[list[Heading]]:
    """Slot ``i`` holds the headings written before paragraph ``i`` (slot ``len(ids)``: at the
    end). Slots never go backwards, so the file keeps the order of ``doc.headings``."""
    slots: list[list[Heading]] = [[] for _ in range(len(ids) + 1)]
    pos = 0
    for h in headings:
        target = len(ids) if h.before is None else pos
        if h.before is not None:
            for j in range(pos, len(ids)):
                if ids[j] == h.before:
                    target = j
                    break
        pos = target
        slots[target].append(h)
    return slots


def format_document(doc: Document, *, origin: Source | None = None, notes: Sequence[str] = ()) -> str:
    """The canonical text of ``doc``: deterministic, ends with a newline.

    ``origin`` (default ``doc.source``) is written to the ``origin-*`` header fields; pass the
    source with a path relative to the corpus so the file does not depend on the machine. A
    document read from a corpus text has no origin of its own (its source is that file), so
    only its ``pages`` are written unless ``origin`` is given.
    """
    lines: list[str] = [_FIRST_LINE]
    for name in _HEADER_FIELDS:
        value = getattr(doc, name)
        if value is not None:
            lines.append(f"{name}: {encode_value(value)}")
    lines.extend(f"agenda-item: {encode_value(a)}" for a in doc.agenda_items)
    if doc.title is not None:
        lines.append(f"title: {encode_value(doc.title)}")
    for name in _META_FIELDS:  # front and closing matter a PDF has (docs/extraction.md)
        value = getattr(doc, name)
        if value is not None:
            lines.append(f"{name}: {encode_value(value)}")
    lines.extend(_origin_lines(doc, origin))
    lines.extend(f"note: {encode_value(n)}" for n in notes)

    blocks: list[list[str]] = []
    ordered = [(p, False) for p in doc.preamble] + [(p, True) for p in doc.paragraphs]
    ids = [p.id for p, _ in ordered]
    slots = _place_headings(doc.headings, ids)
    section: str | None = None
    for i in range(len(ordered) + 1):
        next_id = ids[i] if i < len(ordered) else None
        for h in slots[i]:
            attrs = [] if h.level is None else [f"level={h.level}"]
            if h.before != next_id:
                attrs.append("no-before" if h.before is None else f"before={encode_token(h.before)}")
            blocks.append([_block("heading", None, attrs), *encode_text_lines(h.text)])
            section = h.text
        if i < len(ordered):
            p, operative = ordered[i]
            head = _block("paragraph" if operative else "preamble", p.id, _paragraph_attrs(p, operative, section))
            blocks.append([head, *encode_text_lines(p.text)])
    for f in doc.footnotes:
        attrs = ["pages=" + ",".join(str(n) for n in f.pages)] if f.pages else []
        blocks.append([_block("footnote", f.number, attrs), *encode_text_lines(f.text)])
    for w in doc.warnings:
        attrs = [] if w.page is None else [f"page={w.page}"]
        blocks.append([_block("warning", w.code, attrs), *encode_text_lines(w.message)])

    for b in blocks:
        lines.append("")
        lines.extend(b)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- reading

# Attributes each block kind accepts; True marks the ones that may repeat.
_ATTRS: dict[str, dict[str, bool]] = {
    "preamble": {"number": False, "no-number": False, "section": False, "no-section": False,
                 "pages": False, "ref": True, "span": True},
    "heading": {"level": False, "before": False, "no-before": False},
    "footnote": {"pages": False},
    "warning": {"page": False},
}
_ATTRS["paragraph"] = _ATTRS["preamble"]
_FLAGS = frozenset({"no-number", "no-section", "no-before"})
_HAS_ID = frozenset({"preamble", "paragraph", "footnote", "warning"})
_SINGLE_HEADER = frozenset({"symbol", "language", "date", "distribution", "session", "title",
                            "issued", "formula", "sponsors", "meeting",
                            "origin-kind", "origin-path", "origin-sha256", "origin-pages"})
_MULTI_HEADER = frozenset({"agenda-item", "note"})
# A header line as written: a known field, ": ", a raw value (no quote first, no space at
# either end); a header of such lines and blank ones (see parse_corpus_header).
_FIELD_NAMES = "|".join(sorted(_SINGLE_HEADER | _MULTI_HEADER, key=len, reverse=True))
_HEADER_LINE = rf"(?:{_FIELD_NAMES}): [^\s\"](?:[^\n]*\S)?"
_USUAL_HEADER_RE = re.compile(rf"(?:{_HEADER_LINE})?(?:\n(?:{_HEADER_LINE})?)*")
_HEADER_LINE_RE = re.compile(rf"^({_FIELD_NAMES}): ([^\n]*)$", re.MULTILINE)


@dataclass
class _Block:
    kind: str
    ident: str | None
    attrs: dict[str, list[str | None]]
    line: int
    text_lines: list[str] = field(default_factory=list)

    def one(self, key: str) -> str | None:
        values = self.attrs.get(key)
        return values[0] if values else None

    @property
    def text(self) -> str:
        return "\n".join(self.text_lines)


def _parse_block_header(line: str, lineno: int) -> _Block:
    m = _KEY_RE.match(line, 1)
    kind = m.group() if m else ""
    if kind not in _ATTRS:
        raise LineError(f"unknown block '@{kind}' (known: {', '.join('@' + k for k in sorted(_ATTRS))})")
    assert m is not None  # "" is no block kind: raised above
    allowed = _ATTRS[kind]
    block = _Block(kind, None, {}, lineno)
    i = m.end()
    n = len(line)
    while True:
        while i < n and line[i].isspace():
            i += 1
        if i >= n:
            break
        if kind in _HAS_ID and block.ident is None:
            block.ident, i = read_token(line, i)
            continue
        km = _KEY_RE.match(line, i)
        if not km:
            raise LineError(f"expected an attribute at column {i + 1}")
        key, i = km.group(), km.end()
        if key not in allowed:
            raise LineError(f"unknown attribute {key!r} for @{kind} (known: {', '.join(sorted(allowed))})")
        value: str | None = None
        if i < n and line[i] == "=":
            if key in _FLAGS:
                raise LineError(f"{key!r} takes no value")
            value, i = read_token(line, i + 1)
        elif key not in _FLAGS:
            raise LineError(f"attribute {key!r} needs a value ({key}=…)")
        if key in block.attrs and not allowed[key]:
            raise LineError(f"attribute {key!r} given twice")
        block.attrs.setdefault(key, []).append(value)
    if kind in _HAS_ID and block.ident is None:
        raise LineError(f"@{kind} needs an id")
    for a, b in (("number", "no-number"), ("section", "no-section"), ("before", "no-before")):
        if a in block.attrs and b in block.attrs:
            raise LineError(f"{a!r} and {b!r} contradict each other")
    return block


def _build_paragraph(b: _Block, section: str | None) -> Paragraph:
    assert b.ident is not None
    operative = b.kind == "paragraph"
    number: str | None = b.ident if operative else None
    if "no-number" in b.attrs:
        number = None
    elif "number" in b.attrs:
        number = b.one("number")
    if "no-section" in b.attrs:
        section = None
    elif "section" in b.attrs:
        section = b.one("section")
    refs = []
    for value in b.attrs.get("ref", []):
        num, at, offset = (value or "").rpartition("@")
        if not at:
            raise LineError(f"ref must be NUMBER@OFFSET, got {value!r}")
        refs.append(FootnoteRef(number=num, offset=parse_int(offset, "ref offset")))
    spans = []
    for value in b.attrs.get("span", []):
        m = _SPAN_RE.match(value or "")
        if not m:
            raise LineError(f"span must be PAGE:LINE_START:LINE_END (parts may be empty), got {value!r}")
        page, start, end = (None if g is None else int(g) for g in m.groups())
        spans.append(SourceSpan(page=page, line_start=start, line_end=end))
    pages: list[int] = []
    if "pages" in b.attrs:
        value = b.one("pages")
        assert value is not None  # 'pages' is no flag: the block header required a value
        pages = parse_ints(value, "pages")
    return Paragraph(id=b.ident, text=b.text, number=number, section=section,
                     footnote_refs=refs, pages=pages, spans=spans)


def looks_like_corpus_text(text: str) -> bool:
    """True when ``text`` starts with this format's first line (any version)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return first == FORMAT_NAME or first.startswith(FORMAT_NAME + " ")


def _check_first_line(first: str) -> None:
    if not (first == FORMAT_NAME or first.startswith(FORMAT_NAME + " ")):
        raise LineError(f"not a lineage corpus text (the first line must be {_FIRST_LINE!r})")
    version = first[len(FORMAT_NAME):].strip()
    if version != str(FORMAT_VERSION):
        raise LineError(f"unsupported corpus text version {version!r} (this lineage reads {FORMAT_VERSION})")


def parse_corpus_file(text: str, path: str | Path = "<text>") -> CorpusText:
    """Parse a corpus text; errors are :class:`CorpusError` naming ``path`` and the line."""
    lines = text.lstrip("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    lineno = 1
    try:
        _check_first_line(lines[0].rstrip("\r") if lines else "")
        for lineno, raw in enumerate(lines[1:], start=2):
            line = raw[:-1] if raw.endswith("\r") else raw  # tolerate CRLF checkouts
            if not line.strip():
                continue
            if line.startswith("|"):
                if not blocks:
                    raise LineError("text line before any @block")
                blocks[-1].text_lines.append(decode_text_line(line))
            elif line.startswith("@"):
                blocks.append(_parse_block_header(line, lineno))
            else:
                _header_field(line, header, after_blocks=bool(blocks))
        return _assemble(header, blocks, text, path)
    except LineError as exc:
        raise CorpusError(f"line {lineno}: {exc}", path) from None


def _header_field(line: str, header: dict[str, list[str]], after_blocks: bool = False) -> None:
    key, sep, value = line.partition(":")
    key = key.strip()
    if not sep or not _KEY_RE.fullmatch(key):
        raise LineError("expected 'key: value', '@block' or a '|' text line")
    if after_blocks:
        raise LineError(f"header field {key!r} after the first @block")
    if key not in _SINGLE_HEADER and key not in _MULTI_HEADER:
        known = ", ".join(sorted(_SINGLE_HEADER | _MULTI_HEADER))
        raise LineError(f"unknown header field {key!r} (known: {known})")
    if key in _SINGLE_HEADER and key in header:
        raise LineError(f"header field {key!r} given twice")
    header.setdefault(key, []).append(decode_value(value.strip()))


def parse_corpus_header(text: str, path: str | Path = "<text>") -> dict[str, list[str]]:
    """The header fields of a corpus text (or of its beginning: reading stops at the first
    ``@`` block), each key to its decoded values, checked as :func:`parse_corpus_file` checks
    them; for a view that needs a large corpus's metadata and none of its paragraphs."""
    text = text.lstrip("\ufeff")
    first, _, body = text.partition("\n")
    at = body.find("\n@")
    head = body if at < 0 and not body.startswith("@") else body[:max(at, 0)]
    if first == _FIRST_LINE and _USUAL_HEADER_RE.fullmatch(head):
        # Every line is blank or a known field, ": " and a value written raw (neither quoted
        # nor padded): taken as _header_field takes it, without checking each line again (a
        # corpus view reads the headers of every text). A field given twice goes the long way.
        pairs = _HEADER_LINE_RE.findall(head)
        header = {key: [value] for key, value in pairs}
        if len(header) == len(pairs):
            return header
        header = {}  # a field given more than once: agenda items and notes may be
        for key, value in pairs:
            if key in header and key not in _MULTI_HEADER:
                break
            header.setdefault(key, []).append(value)
        else:
            return header
    return _parse_header_lines(text, path)


def _parse_header_lines(text: str, path: str | Path) -> dict[str, list[str]]:
    lines = text.split("\n")
    header: dict[str, list[str]] = {}
    lineno = 1
    try:
        _check_first_line(lines[0].rstrip("\r"))
        for number, raw in enumerate(lines[1:], start=2):
            lineno = number  # for the error message
            line = raw[:-1] if raw.endswith("\r") else raw
            if line.startswith("@"):
                break
            if not line.strip():
                continue
            if line.startswith("|"):
                raise LineError("text line before any @block")
            _header_field(line, header)
    except LineError as exc:
        raise CorpusError(f"line {lineno}: {exc}", path) from None
    return header


def _assemble(header: dict[str, list[str]], blocks: list[_Block], text: str, path: str | Path) -> CorpusText:
    def one(key: str) -> str | None:
        return header[key][0] if key in header else None

    origin = None
    origin_pages = None
    if "origin-pages" in header:
        origin_pages = parse_int(header["origin-pages"][0], "origin-pages")
    if "origin-kind" in header or "origin-path" in header:
        if "origin-kind" not in header or "origin-path" not in header:
            raise LineError("origin-kind and origin-path go together")
        origin = Source(path=header["origin-path"][0], kind=header["origin-kind"][0],
                        sha256=one("origin-sha256"), pages=origin_pages)

    doc = Document(
        symbol=one("symbol"),
        language=one("language"),
        source=Source(path=str(path), kind="corpus",
                      sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                      pages=origin_pages),
        date=one("date"),
        distribution=one("distribution"),
        session=one("session"),
        agenda_items=list(header.get("agenda-item", [])),
        title=one("title"),
        issued=one("issued"),
        formula=one("formula"),
        sponsors=one("sponsors"),
        meeting=one("meeting"),
    )
    # Implicit values depend on what comes next (a heading's `before`), so resolve per block.
    section: str | None = None
    pending: list[int] = []  # indices into doc.headings of headings waiting for a paragraph
    seen_operative = False
    for b in blocks:
        try:
            if not b.text_lines:
                raise LineError(f"@{b.kind} has no '|' text line (write '|' for an empty text)")
            if b.kind == "heading":
                level = parse_int(b.one("level") or "", "level") if "level" in b.attrs else None
                before = b.one("before") if "before" in b.attrs else None
                h = Heading(text=b.text, before=before, level=level)
                if "before" not in b.attrs and "no-before" not in b.attrs:
                    pending.append(len(doc.headings))
                doc.headings.append(h)
                section = h.text
            elif b.kind in ("preamble", "paragraph"):
                if b.kind == "preamble" and seen_operative:
                    raise LineError("@preamble after an @paragraph (preambular paragraphs come first)")
                seen_operative = seen_operative or b.kind == "paragraph"
                for k in pending:
                    doc.headings[k] = replace(doc.headings[k], before=b.ident)
                pending.clear()
                para = _build_paragraph(b, section)
                (doc.paragraphs if b.kind == "paragraph" else doc.preamble).append(para)
            elif b.kind == "footnote":
                pages = parse_ints(b.one("pages") or "", "pages") if "pages" in b.attrs else []
                doc.footnotes.append(Footnote(number=b.ident or "", text=b.text, pages=pages))
            else:
                page = parse_int(b.one("page") or "", "page") if "page" in b.attrs else None
                doc.warnings.append(ExtractionWarning(code=b.ident or "", message=b.text, page=page))
        except LineError as exc:
            raise CorpusError(f"line {b.line}: {exc}", path) from None
    return CorpusText(document=doc, origin=origin, notes=tuple(header.get("note", [])))


def parse_corpus_text(text: str, path: str | Path = "<text>") -> Document:
    """The document of a corpus text (see :func:`parse_corpus_file` for origin and notes)."""
    return parse_corpus_file(text, path).document
