"""Readers: turn a file into a :class:`~lineage.model.document.Document`.

``read_document(path)`` looks at the file's bytes and picks the reader:

- a PDF (``%PDF-`` magic or a ``.pdf`` name) -> ``lineage.read.pdf.extract_pdf``;
- a corpus canonical text -> ``lineage.read.textformat.parse_corpus_text``;
- converter Markdown (``<sup>`` marks, ``#`` headings, links) -> :func:`parse_markdown`;
- any other UTF-8 text -> :func:`parse_plaintext`.

Every failure is a typed :class:`~lineage.errors.InputError` naming the file.
"""
from __future__ import annotations

from pathlib import Path

from lineage.read.textformat import looks_like_corpus_text, parse_corpus_text
from lineage.errors import EmptyDocumentError, EncodingError, FileMissingError, UnknownFormatError
from lineage.corpus.files import sha256_file
from lineage.model.document import Document
from lineage.read.markdown import looks_like_markdown, parse_markdown
from lineage.read.plaintext import parse_plaintext

__all__ = ["read_document", "read_text_document", "read_text_file", "parse_markdown", "parse_plaintext"]

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


def _read_bytes(p: Path) -> bytes:
    if not p.exists():
        raise FileMissingError("no such file", p)
    if p.is_dir():
        raise FileMissingError("is a directory, not a file", p)
    if not p.is_file():
        raise FileMissingError("not a regular file", p)
    try:
        with open(p, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise FileMissingError(f"cannot read: {exc.strerror or exc}", p) from exc


def read_text_file(path: str | Path) -> str:
    """The text of the file at ``path`` as the text readers see it (UTF-8, BOM dropped, line
    ends made ``\n``), with the same typed errors: for tools that work on the raw text."""
    p = Path(path)
    return _decode(_read_bytes(p), p)


def read_document(path: str | Path, engine: str | None = None) -> Document:
    """Read ``path`` (PDF, corpus text, converter Markdown or plain text) into a Document.
    ``engine`` picks the PDF character source (``"pdfium"`` or ``"pdfplumber"``; None: the
    default, see ``lineage.read.pdf.extract_pdf``)."""
    p = Path(path)
    data = _read_bytes(p)
    if data.lstrip()[:5] == b"%PDF-" or p.suffix.lower() == ".pdf":
        return _read_pdf(p, engine)
    doc = read_text_document(data, p)
    if doc.source.sha256 is None:
        doc.source.sha256 = sha256_file(p)
    return doc


def read_text_document(data: bytes, path: str | Path) -> Document:
    """Decode ``data`` (the bytes of the file at ``path``) and read it as text."""
    text = _decode(data, path)
    if not text.strip():
        raise EmptyDocumentError("the file is empty", path)
    doc = _read_corpus_text(text, path)
    if doc is None:
        if looks_like_markdown(text):
            doc = parse_markdown(text, path)
        else:
            doc = parse_plaintext(text, path)
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
        raise UnknownFormatError("unknown format: binary data, not a PDF or a text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})",
                            path) from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > len(sample) // 100:
        raise UnknownFormatError("unknown format: binary data, not a PDF or a text", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_pdf(path: Path, engine: str | None = None) -> Document:
    try:
        from lineage.read.pdf import extract_pdf
    except ImportError as exc:
        raise UnknownFormatError(f"PDF support is not installed ({exc})", path) from exc
    return extract_pdf(path, engine)


def _read_corpus_text(text: str, path: str | Path) -> Document | None:
    if not looks_like_corpus_text(text):
        return None
    return parse_corpus_text(text, path)
