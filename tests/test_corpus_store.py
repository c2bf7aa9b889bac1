"""Adding to the corpus: entries, --force, placeholders, source copies, all-or-nothing writes."""
from __future__ import annotations

import dataclasses

import pytest

import lineage.corpus.txn as store  # the transaction does the writing
from lineage.cli.app.corpus import add_file
from lineage.corpus import load_entry_document, load_manifest
from lineage.corpus.files import sha256_file
from lineage.corpus.manifest import Entry
from lineage.corpus.store import add_document, guess_kind, register_entry
from lineage.errors import CorpusError, SymbolError
from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source
from support.paths import SEED


def doc(symbol="A/80/L.41", language="zh", text="我们重申。") -> Document:
    return Document(
        symbol=symbol, language=language, source=Source("/somewhere/l41.md", "markdown"),
        date="2025-12-10", title="成果文件",
        preamble=[Paragraph("pp1", "回顾，")],
        paragraphs=[Paragraph("1", text, "1", "导言", [FootnoteRef("1", 2)])],
        headings=[Heading("导言", "1")],
        footnotes=[Footnote("1", "第 70/125 号决议。")],
    )


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()} | {p.relative_to(folder).as_posix() + "/": b"" for p in folder.rglob("*") if p.is_dir()}


def test_add_writes_text_and_entry(tmp_path):
    entry = add_document(tmp_path, doc(), builds_on=["A/RES/70/125"])
    assert entry.text == "texts/A-80-L.41.zh.txt"
    assert (entry.kind, entry.origin, entry.date, entry.title) == ("draft", "converted-text", "2025-12-10", "成果文件")
    m = load_manifest(tmp_path)
    assert m.find("A/80/L.41", "zh") == entry
    back = load_entry_document(tmp_path, entry)
    assert dataclasses.replace(back, source=doc().source) == doc()
    # The text records the origin by file name only, so it does not depend on the machine.
    assert "origin-path: l41.md\n" in (tmp_path / entry.text).read_text(encoding="utf-8")


def test_refuses_to_replace_without_force_and_replaces_with_it(tmp_path):
    add_document(tmp_path, doc(), adopted_from=None, builds_on=["A/RES/70/125"], notes="first")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match=r"A/80/L.41 \(zh\) is already in the corpus .*use --force"):
        add_document(tmp_path, doc(text="新的。"))
    assert snapshot(tmp_path) == before
    entry = add_document(tmp_path, doc(text="新的。"), force=True)
    # Links and notes of the replaced entry are kept unless new ones are given.
    assert entry.builds_on == ("A/RES/70/125",) and entry.notes == "first"
    assert load_entry_document(tmp_path, entry).paragraphs[0].text == "新的。"
    assert len(load_manifest(tmp_path)) == 1


def test_completes_a_placeholder(tmp_path):
    register_entry(tmp_path, Entry("A/80/L.41", "draft", date="2025-12", title="Outcome document",
                                   builds_on=("A/RES/79/277",)))
    entry = add_document(tmp_path, doc())  # no force needed: the placeholder has no text
    [only] = load_manifest(tmp_path).entries
    assert only == entry
    assert entry.language == "zh" and entry.builds_on == ("A/RES/79/277",)
    assert entry.date == "2025-12-10"  # the document's own date is more precise
    with pytest.raises(CorpusError, match="already in the corpus"):
        register_entry(tmp_path, Entry("A/80/L.41", "draft", language="zh"), force=True)


def test_completes_a_hand_written_placeholder_spelled_another_way(tmp_path):
    # A hand-edited manifest lists the draft as "a/80/l.41"; the graph already takes that for
    # A/80/L.41, so adding the text completes that entry (under the canonical spelling)
    # instead of being refused as a second entry of the same document.
    (tmp_path / "manifest.toml").write_text(
        '[[document]]\nsymbol = "a/80/l.41"\nkind = "draft"\nbuilds_on = ["A/RES/79/277"]\n', encoding="utf-8")
    entry = add_document(tmp_path, doc())
    [only] = load_manifest(tmp_path).entries
    assert only == entry
    assert entry.key == ("A/80/L.41", "zh") and entry.builds_on == ("A/RES/79/277",)
    assert load_entry_document(tmp_path, entry).paragraphs[0].text == "我们重申。"


def test_register_entry_refuses_duplicates(tmp_path):
    register_entry(tmp_path, Entry("A/RES/70/125", "resolution", date="2015-12-16"))
    with pytest.raises(CorpusError, match="A/RES/70/125 is already in the corpus"):
        register_entry(tmp_path, Entry("A/RES/70/125", "resolution"))
    register_entry(tmp_path, Entry("A/RES/70/125", "resolution", date="2015-12-17"), force=True)
    assert load_manifest(tmp_path).find("A/RES/70/125", None).date == "2015-12-17"


def test_needs_symbol_language_and_paragraphs(tmp_path):
    with pytest.raises(CorpusError, match=r"no symbol: give one \(--symbol\)"):
        add_document(tmp_path, doc(symbol=None))
    with pytest.raises(CorpusError, match="no language"):
        add_document(tmp_path, doc(language=None))
    with pytest.raises(CorpusError, match="no paragraph"):
        add_document(tmp_path, dataclasses.replace(doc(), preamble=[], paragraphs=[]))
    with pytest.raises(CorpusError, match="unknown kind 'speech'"):
        add_document(tmp_path, doc(), kind="speech")
    assert list(tmp_path.iterdir()) == []


def test_copies_a_pdf_source_into_pdfs(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "in"
    outside.mkdir()
    pdf = outside / "A_80_L41.pdf"
    pdf.write_bytes(b"%PDF-1.7\nnot really\n")
    entry = add_document(corpus, doc(), source_file=pdf)
    assert (entry.source, entry.origin) == ("pdfs/A-80-L.41.zh.pdf", "official-pdf")
    assert (corpus / entry.source).read_bytes() == pdf.read_bytes()
    assert entry.source_sha256 == sha256_file(pdf)
    text = (corpus / entry.text).read_text(encoding="utf-8")
    assert f"origin-path: pdfs/A-80-L.41.zh.pdf\norigin-sha256: {entry.source_sha256}\n" in text


def test_source_inside_the_corpus_is_referenced_not_copied(tmp_path):
    (tmp_path / "sources").mkdir()
    src = tmp_path / "sources" / "seed.md"
    src.write_text("x", encoding="utf-8")
    entry = add_document(tmp_path, doc(), source_file=src)
    assert entry.source == "sources/seed.md"
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == ["seed.md"]


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_nothing_half_written_when_a_write_fails(tmp_path, monkeypatch, fail_at):
    corpus, outside = tmp_path / "corpus", tmp_path / "in"
    outside.mkdir()
    pdf = outside / "l41.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    add_document(corpus, doc("A/RES/70/125", text="旧的。"), source_file=pdf)  # an older text to restore
    before = snapshot(corpus)
    calls = {"n": 0}
    real = store.atomic_write_bytes

    def flaky(path, data):
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(store, "atomic_write_bytes", flaky)
    # Writes: the PDF copy, the text, the manifest.
    with pytest.raises(CorpusError, match="cannot write the corpus .*nothing was changed"):
        add_document(corpus, doc("A/RES/70/125", text="新的。"), source_file=pdf, force=True)
    assert snapshot(corpus) == before
    calls["n"] = 0
    with pytest.raises(CorpusError):
        add_document(corpus, doc("A/80/L.41"), source_file=pdf)
    assert snapshot(corpus) == before  # new folders and files removed again
    calls["n"] = 0
    with pytest.raises(CorpusError):
        add_document(tmp_path / "fresh", doc(), source_file=pdf)
    assert not (tmp_path / "fresh").exists()


def test_add_file_reads_the_seed(tmp_path):
    entry = add_file(SEED, tmp_path, builds_on=["A/RES/70/125"])
    assert (entry.symbol, entry.language, entry.kind, entry.origin) == ("A/RES/80/173", "zh", "resolution", "converted-text")
    assert entry.source == "sources/A-RES-80-173.zh.txt" and entry.source_sha256 == sha256_file(SEED)
    assert len(load_entry_document(tmp_path, entry).paragraphs) == 127


def test_links_are_canonical_symbols(tmp_path):
    entry = add_document(tmp_path, doc(), builds_on=["a/res/70/125", "A/RES/70/125", "WSIS+20 zero draft"],
                         revises=[" a/c.2/80/l.12 "])
    assert entry.builds_on == ("A/RES/70/125", "WSIS+20 zero draft")
    assert entry.revises == ("A/C.2/80/L.12",)


def test_add_file_overrides_symbol_and_language(tmp_path):
    entry = add_file(SEED, tmp_path, symbol="a/80/l.41", language="zh")
    assert entry.symbol == "A/80/L.41" and entry.kind == "draft"
    with pytest.raises(SymbolError):
        add_file(SEED, tmp_path, symbol="not a symbol at all")


def test_add_file_asks_for_a_symbol(tmp_path):
    plain = tmp_path / "note.txt"
    plain.write_text("我们重申对信息社会的承诺。\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="give one with --symbol"):
        add_file(plain, tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()


@pytest.mark.parametrize(
    "symbol, kind",
    [("A/RES/80/173", "resolution"), ("A/80/L.41", "draft"), ("A/C.2/80/L.12/Rev.1", "draft"),
     ("WSIS-05/TUNIS/DOC/6(Rev.1)", "summit-outcome"), ("A/80/PV.68", "verbatim-record"),
     ("A/DEC/79/555", "decision"), ("E/2025/1", "other")],
)
def test_guess_kind(symbol, kind):
    assert guess_kind(symbol) == kind


PDFS = SEED.parents[2] / "tests" / "pdfs"


def test_add_file_extracts_a_pdf_and_keeps_it(tmp_path, extracted_pdf):
    pdf = PDFS / "a-80-l41-zh-limited.pdf"
    entry = add_file(pdf, tmp_path, revises=["A/80/L.41/zero-draft"])
    assert (entry.symbol, entry.language, entry.kind, entry.origin) == ("A/80/L.41", "zh", "draft", "official-pdf")
    assert entry.source == "pdfs/A-80-L.41.zh.pdf"
    assert (tmp_path / entry.source).read_bytes() == pdf.read_bytes()
    assert entry.source_sha256 == sha256_file(pdf)
    stored = load_entry_document(tmp_path, entry)
    extracted = extracted_pdf(pdf)
    assert dataclasses.replace(stored, source=None) == dataclasses.replace(extracted, source=None)
    assert stored.source.pages == extracted.source.pages  # origin-pages


@pytest.mark.parametrize("name", ["err-image-only.pdf", "err-truncated.pdf", "err-not-a-pdf.pdf"])
def test_add_file_bad_pdf_writes_nothing(tmp_path, name):
    from lineage.errors import InputError

    with pytest.raises(InputError):
        add_file(PDFS / name, tmp_path / "corpus", symbol="A/80/L.41", language="zh")
    assert not (tmp_path / "corpus").exists()


def test_notes_of_another_origin_are_dropped_on_replace(tmp_path):
    add_document(tmp_path, doc(), origin="excerpt", notes="EXCERPT: paragraphs 1-8 only")
    again = add_document(tmp_path, doc(), origin="excerpt", force=True)
    assert again.notes == "EXCERPT: paragraphs 1-8 only"  # same origin: still true
    official = add_document(tmp_path, doc(), origin="official-pdf", force=True)
    assert official.notes is None and official.origin == "official-pdf"
    assert load_manifest(tmp_path).find("A/80/L.41", "zh").notes is None


def test_invalid_language_names_the_entry_once(tmp_path):
    with pytest.raises(CorpusError) as err:
        add_document(tmp_path, doc(language="../x"))
    assert str(err.value).count("A/80/L.41") == 1 and "not a language code" in str(err.value)
