"""A corpus from a stranger (issue 15, finding 3 and part of 9): symbolic links and special
files inside the corpus are refused, not followed, reads are bounded, every other entry is
still checked; a deeply nested manifest is one clear error."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from lineage.corpus import add_document, load_manifest
from lineage.corpus.manifest import load_entry_document
from lineage.corpus.verify import verify_corpus
from lineage.errors import CorpusError
from lineage.read.pdf import extract_pdf
from support.cli import assert_error

TESTS = Path(__file__).parent
FIXTURE = TESTS / "pdfs" / "a-80-l41-zh-limited.pdf"


@pytest.fixture(scope="module")
def pdf_doc():
    return extract_pdf(FIXTURE)


@pytest.fixture
def corpus(tmp_path, pdf_doc) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(TESTS.parent / "corpora", folder)
    add_document(folder, pdf_doc, source_file=FIXTURE)
    return folder


def _relink(path: Path, target: str | Path) -> None:
    path.unlink()
    path.symlink_to(target)


def test_verify_refuses_links_to_dev_zero_and_outside_and_checks_the_rest(corpus, run_cli, tmp_path):
    manifest = load_manifest(corpus)
    fixture = manifest.find("A/80/L.41", "zh")
    seed = manifest.find("A/RES/80/173", "zh")
    pdf_entries = [e for e in manifest if e.source and e.source.endswith(".pdf") and e is not fixture]
    assert pdf_entries, "the bundled corpus has PDF entries that must still be checked"
    outside = tmp_path / "outside.txt"
    shutil.copy(corpus / seed.text, outside)
    _relink(corpus / fixture.source, "/dev/zero")  # hashed forever before the fix
    _relink(corpus / seed.text, outside)  # passed before the fix: out of the corpus
    other = pdf_entries[0]
    _relink(corpus / other.text, "/dev/zero")  # 17 GB before the fix
    started = time.monotonic()
    code, out, err = run_cli("verify", str(corpus))
    assert time.monotonic() - started < 120  # a hang shows up as the test timing out, not as a slow pass
    assert code == 1, err
    assert f"FAIL {fixture.label}" in out and f"FAIL {seed.label}" in out and f"FAIL {other.label}" in out
    assert out.count("symbolic link") == 3
    for e in pdf_entries[1:]:
        assert f"ok   {e.label}" in out  # the others are still checked
    assert f"{len(pdf_entries) + 2} checked, 3 failed" in out


def test_a_fifo_as_a_text_fails_its_entry_without_blocking(corpus):
    seed = load_manifest(corpus).find("A/RES/80/173", "zh")
    (corpus / seed.text).unlink()
    os.mkfifo(corpus / seed.text)  # opening a FIFO for reading would wait for a writer
    report = verify_corpus(corpus)
    [bad] = [c for c in report.checks if not c.ok]
    assert bad.label == seed.label and "not a regular file" in bad.message


def test_readers_refuse_a_symlinked_text(corpus, run_cli):
    seed = load_manifest(corpus).find("A/RES/80/173", "zh")
    _relink(corpus / seed.text, "/dev/zero")
    with pytest.raises(CorpusError, match="symbolic link"):
        load_entry_document(corpus, seed)
    assert_error(run_cli("corpus", "list", "--corpus", str(corpus)), corpus / "manifest.toml", "symbolic link")


def test_a_symlinked_folder_is_refused(corpus, tmp_path):
    seed = load_manifest(corpus).find("A/RES/80/173", "zh")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(corpus / "texts", elsewhere)
    shutil.rmtree(corpus / "texts")
    (corpus / "texts").symlink_to(elsewhere)
    with pytest.raises(CorpusError, match="symbolic link"):
        load_entry_document(corpus, seed)


def test_a_symlinked_manifest_is_refused(tmp_path, run_cli):
    (tmp_path / "manifest.toml").symlink_to("/dev/zero")
    assert_error(run_cli("corpus", "list", "--corpus", str(tmp_path)), tmp_path / "manifest.toml", "symbolic link")


def test_a_deeply_nested_manifest_is_one_error(tmp_path, run_cli):
    depth = 100_000
    (tmp_path / "manifest.toml").write_text("x = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert_error(run_cli("corpus", "list", "--corpus", str(tmp_path)), tmp_path / "manifest.toml",
                 "nested too deeply")


def test_a_journal_naming_a_file_outside_the_corpus_is_refused(tmp_path, run_cli):
    """A pull request can commit .lineage-txn/ too: recovery must not delete what it names."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.toml").write_text('schema = "lineage.corpus-manifest/1"\n', encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (corpus / ".lineage-txn").mkdir()
    (corpus / ".lineage-txn" / "journal.json").write_text(
        '{"manifest_sha256": "0", "files": [{"path": "../victim.txt", "backup": null}], "dirs": []}',
        encoding="utf-8")
    assert_error(run_cli("corpus", "list", "--corpus", str(corpus)), None, "outside the corpus files")
    assert victim.read_text(encoding="utf-8") == "keep"
