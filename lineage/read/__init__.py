"""Readers: turn a file into a :class:`~lineage.model.document.Document`.

``read_document(path)`` looks at the file's bytes and picks the reader:

- a PDF (``%PDF-`` magic or a ``.pdf`` name) -> ``lineage.read.pdf.extract_pdf``;
- a Word document (a ZIP whose ``[Content_Types].xml`` names WordprocessingML) ->
  ``lineage.read.docx.read_docx``; ``.doc``, ``.odt`` and ``.rtf`` through LibreOffice
  (``lineage.read.office``);
- a corpus canonical text -> ``lineage.read.textformat.parse_corpus_text``;
- converter Markdown (``<sup>`` marks, ``#`` headings, links) -> :func:`parse_markdown`;
- any other UTF-8 text -> :func:`parse_plaintext`.

Every failure is a typed :class:`~lineage.errors.InputError` naming the file.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Sequence

from lineage.errors import (
    EmptyDocumentError,
    EncodingError,
    FileMissingError,
    InputError,
    LineageError,
    UnknownFormatError,
)
from lineage.model.document import Document
from lineage.read.digest import MAX_TEXT_BYTES, sha256_file
from lineage.read.textformat import looks_like_corpus_text, parse_corpus_text
from lineage.script.chars import is_cjk, is_neutral

if TYPE_CHECKING:
    from lineage.read.markdown import parse_markdown
    from lineage.read.plaintext import parse_plaintext

__all__ = ["is_pdf_file", "read_document", "read_documents", "read_text_document", "read_text_file", "parse_markdown", "parse_plaintext"]

# Word support (lxml) and PDF support (pdfium, the layout analysis) take about 0.15 s to
# import: each is loaded when a file of its kind is met, so reading a text pays for neither.
# The readers of Markdown and plain text (with the masthead, front-matter and line-joining
# rules, about 50 ms of regular expressions and records) likewise: a corpus text, which
# `lineage diff` and every corpus view read, needs only lineage.read.textformat. Importing
# this package loads none of them (nor does `from lineage.read import masthead`).
_OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
# names of this package defined by a reader module, loaded on first use (PEP 562)
_LAZY = {"parse_markdown": "markdown", "parse_plaintext": "plaintext"}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"lineage.read.{name}")


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_module(_LAZY[name]), name)

# Magic numbers of formats people hand us by mistake; they get a clearer message than
# "binary file".
_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (a .docx or .xlsx?)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF file",
}


def _read_bytes(p: Path, limit: int | None = MAX_TEXT_BYTES) -> bytes:
    """The file's bytes; an InputError past ``limit`` (None: no limit), before reading it."""
    if not p.exists():
        raise FileMissingError("no such file", p)
    if p.is_dir():
        raise FileMissingError("is a directory, not a file", p)
    if not p.is_file():
        raise FileMissingError("not a regular file", p)
    try:
        with open(p, "rb") as fh:
            if limit is not None and os.fstat(fh.fileno()).st_size > limit:
                raise InputError(f"is {os.fstat(fh.fileno()).st_size // 2**20} MB, more than a text "
                                 f"document can be ({limit // 2**20} MB); split it", p)
            return fh.read() if limit is None else fh.read(limit + 1)
    except OSError as exc:
        raise FileMissingError(f"cannot read: {exc.strerror or exc}", p) from exc


def is_pdf_file(p: Path) -> bool:
    """Is the file at ``p`` a PDF: a ``.pdf`` name, or the ``%PDF-`` magic in its first kilobyte
    (after blanks)? The one rule the readers, the corpus and the CLI sniff by."""
    if p.suffix.lower() == ".pdf":
        return True
    try:
        with open(p, "rb") as fh:
            return fh.read(1024).lstrip()[:5] == b"%PDF-"
    except OSError:
        return False


def read_text_file(path: str | Path) -> str:
    """The text of the file at ``path`` as the text readers see it (UTF-8, BOM dropped, line
    ends made ``\n``), with the same typed errors: for tools that work on the raw text."""
    p = Path(path)
    return _decode(_read_bytes(p), p)


def read_document(path: str | Path, changes: str = "accept", engine: str | None = None,
                  workers: int | None = None) -> Document:
    """Read ``path`` (PDF, Word, corpus text, converter Markdown or plain text) into a
    Document. ``changes``: how tracked changes in a word-processor file are read, ``accept``
    (the text as it will stand) or ``reject`` (as it stood before them). ``engine`` picks the
    PDF character source (``"pdfium"`` or ``"pdfplumber"``; None: the default) and
    ``workers`` how many processes read a PDF's pages at once (None: by its size and the
    cores), see ``lineage.read.pdf.extract_pdf``."""
    p = Path(path)
    if p.is_file() and is_pdf_file(p):
        # PDFs have their own limits (lineage.read.pdf)
        return _module("pdf").extract_pdf(p, engine, workers=workers)
    data = _read_bytes(p)
    if data.lstrip()[:5] == b"%PDF-":  # the magic after more than a kilobyte of blanks
        return _module("pdf").extract_pdf(p, engine, workers=workers)
    if data.startswith(_OFFICE_MAGIC) or data.lstrip()[:5] == b"{\\rtf":
        office = _module("office")
        kind = office.office_kind(data, p)
        if kind is not None:
            return office.read_office(p, kind, changes, sha256=sha256_file(p))
    doc = read_text_document(data, p)
    if doc.source.sha256 is None:
        doc = replace(doc, source=replace(doc.source, sha256=sha256_file(p)))
    return doc


def read_documents(paths: Sequence[str | Path], changes: str = "accept",
                   engine: str | None = None) -> list[Document]:
    """Each file as :func:`read_document` reads it, the PDFs among them read side by side
    (``lineage.read.pdf.extract_pdfs``: one process a PDF, as many at once as there are
    cores). Raises the error of the first file, in order, that cannot be read."""
    files = [Path(p) for p in paths]
    pdfs = [k for k, p in enumerate(files) if p.is_file() and is_pdf_file(p)]
    if len(pdfs) < 2:
        return [read_document(p, changes, engine) for p in files]
    read = dict(zip(pdfs, _module("pdf").extract_pdfs([files[k] for k in pdfs], engine)))
    out: list[Document] = []
    for k, p in enumerate(files):
        got = read[k] if k in read else read_document(p, changes, engine)
        if isinstance(got, LineageError):
            raise got
        out.append(got)
    return out


def read_text_document(data: bytes, path: str | Path) -> Document:
    """Decode ``data`` (the bytes of the file at ``path``) and read it as text."""
    text = _decode(data, path)
    if not text.strip():
        raise EmptyDocumentError("the file is empty", path)
    doc = _read_corpus_text(text, path)
    if doc is None:
        markdown = _module("markdown")
        if markdown.looks_like_markdown(text):
            doc = markdown.parse_markdown(text, path)
        else:
            doc = _module("plaintext").parse_plaintext(text, path)
    if not doc.preamble and not doc.paragraphs:
        raise EmptyDocumentError("no paragraph found in the text", path)
    return doc


def _decode(data: bytes, path: str | Path) -> str:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UnknownFormatError(f"unknown format: this is {what}, not a PDF or a text", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingError("text is UTF-16; save it as UTF-8", path)
    if b"\x00" in data[:8192]:
        _refuse_utf16(data, path)
        raise UnknownFormatError("unknown format: binary data, not a PDF or a text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _refuse_utf16(data, path)
        raise EncodingError(f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})",
                            path) from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > len(sample) // 100:
        raise UnknownFormatError("unknown format: binary data, not a PDF or a text", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _textlike(ch: str) -> bool:
    """ASCII text, whitespace, Latin-1 letters, general punctuation, or a character of Chinese
    text: what a UN document in UTF-16 decodes to, and random bytes not."""
    o = ord(ch)
    return 32 <= o < 127 or ch in "\n\r\t" or 0xA0 <= o <= 0x17F or 0x2000 <= o <= 0x206F or is_cjk(ch) \
        or is_neutral(ch)


def _refuse_utf16(data: bytes, path: str | Path) -> None:
    """EncodingError when ``data`` (not UTF-8, or holding NULs) reads as UTF-16 without a
    byte order mark; Windows tools write it so, and "binary data" would mislead."""
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return
    for codec, order in (("utf-16-be", "big-endian"), ("utf-16-le", "little-endian")):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if sum(map(_textlike, text)) >= 0.95 * len(text):
            raise EncodingError(f"text is UTF-16 ({order}, without a byte order mark); save it as UTF-8", path)


def _read_corpus_text(text: str, path: str | Path) -> Document | None:
    if not looks_like_corpus_text(text):
        return None
    return parse_corpus_text(text, path)
