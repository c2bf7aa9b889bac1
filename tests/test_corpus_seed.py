"""The real seed through the corpus: format, parse, and the committed corpus text."""
from __future__ import annotations

import dataclasses

import pytest

from lineage.corpus import default_corpus_dir, load_entry_document, load_manifest
from lineage.corpus.files import sha256_file
from lineage.errors import CorpusError
from lineage.read import read_document
from lineage.read.textformat import format_document, parse_corpus_file, parse_corpus_text
from support.paths import CORPORA, SEED

SEED_SHA256 = "6418669d51596edd4ee6d6ca488073d18bf6ada3f2b8f0c78b3ff32dc617332d"


def without_source(doc):
    return dataclasses.replace(doc, source=None)


def test_seed_round_trips_through_the_format(seed_doc):
    text = format_document(seed_doc)
    back = parse_corpus_text(text, "seed.txt")
    assert without_source(back) == without_source(seed_doc)
    assert format_document(back, origin=seed_doc.source) == text


def test_committed_corpus_text_equals_reading_the_seed(seed_doc):
    manifest = load_manifest(CORPORA)
    entry = manifest.find("A/RES/80/173", "zh")
    assert entry is not None and entry.text == "texts/A-RES-80-173.zh.txt"
    doc = load_entry_document(CORPORA, entry)
    # If this fails after a reader change, regenerate the text:
    #   lineage add corpora/sources/000_cb2b676f44ca9b86.txt --force
    assert without_source(doc) == without_source(seed_doc)
    # The same through the generic reader, which dispatches corpus texts to the format.
    assert without_source(read_document(CORPORA / entry.text)) == without_source(seed_doc)


def test_committed_corpus_text_is_canonical_and_records_its_origin(seed_doc):
    path = CORPORA / "texts" / "A-RES-80-173.zh.txt"
    text = path.read_bytes().decode("utf-8")
    parsed = parse_corpus_file(text, path)
    assert parsed.origin.path == "sources/000_cb2b676f44ca9b86.txt"
    assert parsed.origin.sha256 == SEED_SHA256
    assert format_document(parsed.document, origin=parsed.origin) == text
    assert parsed.document.source.sha256 == sha256_file(path)


def test_committed_text_facts_checked_by_eye():
    text = (CORPORA / "texts" / "A-RES-80-173.zh.txt").read_text(encoding="utf-8")
    # Paragraph 5 is whole again: the footnote block that cut it is not inside it.
    block = text.split("\n@paragraph 5 ", 1)[1].split("\n\n", 1)[0]
    assert block.endswith("所面临的独特和新出现的信息和通信技术挑战。")
    assert "第 79/323 号决议" not in block
    assert "\n@heading\n| 导言\n\n@paragraph 1 ref=2@90 " in text


def test_manifest_entry_of_the_seed():
    entry = load_manifest(CORPORA).find("A/RES/80/173", "zh")
    assert entry.kind == "resolution"
    assert entry.origin == "converted-text"
    assert entry.source == "sources/000_cb2b676f44ca9b86.txt"
    assert entry.source_sha256 == SEED_SHA256 == sha256_file(SEED)
    assert entry.adopted_from == ("A/80/L.41",)
    assert {"A/RES/70/125", "WSIS-05/TUNIS/DOC/6(Rev.1)", "WSIS-05/TUNIS/DOC/7",
            "WSIS-03/GENEVA/DOC/4", "WSIS-03/GENEVA/DOC/5"} <= set(entry.builds_on)


def test_placeholder_entries_of_the_wsis_chain():
    manifest = load_manifest(CORPORA)
    expected = {  # dates from the domain brief
        "A/80/L.41": ("draft", "2025-12"),
        "A/RES/79/277": ("resolution", "2025-03-27"),
        "A/RES/70/125": ("resolution", "2015-12-16"),
        "A/RES/65/141": ("resolution", "2010-12-20"),
        "A/RES/60/252": ("resolution", "2006-03-27"),
        "WSIS-05/TUNIS/DOC/6(Rev.1)": ("summit-outcome", "2005-11-18"),
        "WSIS-05/TUNIS/DOC/7": ("summit-outcome", "2005-11-18"),
        "WSIS-03/GENEVA/DOC/4": ("summit-outcome", "2003-12-12"),
        "WSIS-03/GENEVA/DOC/5": ("summit-outcome", "2003-12-12"),
    }
    for symbol, (kind, date) in expected.items():
        entries = manifest.by_symbol(symbol)
        assert entries, symbol
        for entry in entries:  # a text may have been added since; the metadata stays
            assert entry.kind == kind and entry.date.startswith(date), symbol
            assert entry.title
    dated = [e.date for e in manifest if e.date]
    assert dated == sorted(dated)


def test_default_corpus_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("LINEAGE_CORPUS", raising=False)
    monkeypatch.chdir(CORPORA.parent)  # ./corpora of the current directory
    assert default_corpus_dir() == CORPORA.resolve()
    monkeypatch.setenv("LINEAGE_CORPUS", str(tmp_path))
    assert default_corpus_dir() == tmp_path


def test_readme_records_the_provenance_of_every_text():
    readme = (CORPORA / "README.md").read_text(encoding="utf-8")
    for entry in load_manifest(CORPORA):
        if entry.has_text:
            assert f"`{entry.text}`" in readme, f"corpora/README.md does not record {entry.label}"
            if entry.source_sha256:
                assert entry.source_sha256 in readme, entry.label


def test_default_corpus_dir_never_looks_beside_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("LINEAGE_CORPUS", raising=False)
    monkeypatch.chdir(tmp_path)  # no corpora/ here, though the package sits in a checkout
    with pytest.raises(CorpusError, match="no corpus given: pass --corpus DIR, set LINEAGE_CORPUS"):
        default_corpus_dir()
    (tmp_path / "corpora").mkdir()
    assert default_corpus_dir() == (tmp_path / "corpora").resolve()


def test_without_a_corpus_the_cli_says_so_in_one_line(monkeypatch, tmp_path, run_cli):
    monkeypatch.delenv("LINEAGE_CORPUS", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("corpus", "list")
    assert (code, out) == (2, "")
    assert err == ("lineage: no corpus given: pass --corpus DIR, set LINEAGE_CORPUS, or run from a "
                   "folder that holds corpora/\n")
