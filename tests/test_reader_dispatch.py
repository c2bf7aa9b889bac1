"""``read_document`` picks the reader from the file's bytes and name."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lineage.errors import EncodingError, FileMissingError, UnknownFormatError
from lineage.model.document import Document, Source
from lineage.read import read_document

SEED = Path(__file__).parent.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


def _fake_pdf_document(path, engine: str | None = None, workers: int | None = None) -> Document:
    return Document(symbol="A/80/L.41", language="en", source=Source(path=str(path), kind="pdf"))


@pytest.mark.parametrize("name, data", [("doc.pdf", b"%PDF-1.7\n..."), ("noext", b"%PDF-1.4\n..."),
                                        ("wrong.PDF", b"not really a pdf")])
def test_pdfs_go_to_the_pdf_extractor(tmp_path: Path, monkeypatch, name: str, data: bytes) -> None:
    import lineage.read.pdf

    monkeypatch.setattr(lineage.read.pdf, "extract_pdf", _fake_pdf_document)
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.source.kind == "pdf" and doc.source.path == str(path)


def test_corpus_text_goes_to_the_corpus_reader(tmp_path: Path) -> None:
    from lineage.read.textformat import format_document

    seed = read_document(SEED)
    path = tmp_path / "a_res_80_173.zh.txt"
    path.write_text(format_document(seed), encoding="utf-8")
    doc = read_document(path)
    assert doc.source.kind == "corpus"
    assert doc.all_paragraphs() == seed.all_paragraphs()
    assert (doc.headings, doc.footnotes, doc.symbol, doc.date) == (seed.headings, seed.footnotes, seed.symbol, seed.date)


def test_without_the_corpus_module_text_is_read_as_text(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "lineage.read.textformat", None)
    doc = read_document(SEED)
    assert doc.source.kind == "markdown" and len(doc.paragraphs) == 127


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    doc = read_document(path)
    seed = read_document(SEED)
    assert [p.text for p in doc.all_paragraphs()] == [p.text for p in seed.all_paragraphs()]
    assert doc.source.sha256 != seed.source.sha256  # the hash is of the bytes as they are


def test_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(FileMissingError):
        read_document(tmp_path)
    gb = tmp_path / "gb.txt"
    gb.write_bytes("1. 我们重申。".encode("gb18030"))
    with pytest.raises(EncodingError, match="not UTF-8"):
        read_document(gb)
    docx = tmp_path / "draft.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    with pytest.raises(UnknownFormatError, match="ZIP"):
        read_document(docx)
