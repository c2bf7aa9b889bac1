"""``lineage verify``: a corpus whose texts came from PDFs passes when nothing changed and fails
when a text is edited by one character or the PDF is not the one recorded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lineage.corpus import add_document, load_manifest
from lineage.corpus.verify import char_diff, verify_corpus

TESTS = Path(__file__).parent
FIXTURE = TESTS / "pdfs" / "a-80-l41-zh-limited.pdf"


@pytest.fixture
def corpus(tmp_path, extracted_pdf) -> Path:
    """A copy of the repository's corpus with one entry extracted from a fixture PDF."""
    folder = tmp_path / "corpus"
    shutil.copytree(TESTS.parent / "corpora", folder)
    add_document(folder, extracted_pdf(FIXTURE), source_file=FIXTURE)
    return folder


def _fixture_entry(corpus: Path):
    return load_manifest(corpus).find("A/80/L.41", "zh")


def _text_path(corpus: Path) -> Path:
    return corpus / _fixture_entry(corpus).text


def test_clean_copy_passes(corpus, run_cli):
    code, out, err = run_cli("verify", str(corpus))
    assert code == 0, out + err
    # the fixture entry and the bundled corpus's own entries with a PDF source
    checked = sum(1 for e in load_manifest(corpus) if e.source and e.source.endswith(".pdf"))
    assert checked >= 2 and f"{checked} checked, 0 failed" in out
    assert verify_corpus(corpus).ok


def test_one_character_edit_fails_and_names_the_paragraph(corpus, run_cli):
    path = _text_path(corpus)
    text = path.read_text(encoding="utf-8")
    assert "加强国际合作" in text
    path.write_text(text.replace("加强国际合作", "加强国际協作", 1), encoding="utf-8")
    code, out, _ = run_cli("verify", str(corpus))
    assert code == 1
    assert "FAIL A/80/L.41 (zh)" in out
    assert "paragraph 12 bis: " in out
    assert "[-協-]{+合+}" in out


def test_sha256_mismatch_fails(corpus, run_cli):
    entry = _fixture_entry(corpus)
    with open(corpus / entry.source, "ab") as fh:
        fh.write(b"\n% appended\n")
    code, out, _ = run_cli("verify", str(corpus))
    assert code == 1
    assert "sha256" in out


def test_unreadable_pdf_fails_the_check(corpus, run_cli):
    from lineage.corpus.files import sha256_file

    entry = _fixture_entry(corpus)
    pdf = corpus / entry.source
    pdf.write_bytes(pdf.read_bytes()[:2000])  # cut short, and recorded as such
    manifest = corpus / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(entry.source_sha256, sha256_file(pdf)),
                        encoding="utf-8")
    code, out, _ = run_cli("verify", str(corpus))
    assert code == 1
    assert "truncated or corrupt" in out


def test_json_report(corpus, run_cli):
    import json

    code, out, _ = run_cli("verify", str(corpus), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert data["checks"][0]["status"] == "ok"


def test_missing_corpus_is_a_usage_error(tmp_path, run_cli):
    code, out, err = run_cli("verify", str(tmp_path / "nowhere"))
    assert code == 2
    assert err.startswith("lineage: ")


def test_char_diff_shows_the_change_in_context():
    assert char_diff("我们重申合作。", "我们重申協作。", context=2) == "…重申[-合-]{+協+}作。…"


def test_the_repository_corpus_matches_its_pdfs(run_cli):
    """What CI proves on every run: each bundled text still matches the PDF it came from."""
    repo_corpus = TESTS.parent / "corpora"
    with_pdf = [e for e in load_manifest(repo_corpus) if e.source and e.source.endswith(".pdf")]
    assert with_pdf, "the bundled corpus should hold at least one text extracted from a PDF"
    code, out, err = run_cli("verify", str(repo_corpus))
    assert code == 0, out + err
    assert f"{len(with_pdf)} checked, 0 failed" in out


def test_char_diff_stays_short_when_a_whole_paragraph_differs():
    old, new = "甲" * 500, "乙" * 500
    shown = char_diff(old, new, longest=20)
    assert shown == f"…[-{'甲' * 10}…{'甲' * 10}-]{{+{'乙' * 10}…{'乙' * 10}+}}…"


def test_text_report_cannot_drive_the_terminal():
    from lineage.corpus.verify import Difference, EntryCheck, VerifyReport, render_verify

    check = EntryCheck("A/1 (en)", "t.txt", "a.pdf", "differs", "1 difference(s)",
                       [Difference("paragraph 1", char_diff("act now", "act\x1b[2J now"))])
    out = render_verify(VerifyReport("c", [check]))
    assert "\x1b" not in out and "{+\\u001b[2J+}" in out


def test_a_missing_pdf_fails_its_entry_and_the_others_are_still_checked(corpus, run_cli):
    (corpus / _fixture_entry(corpus).source).unlink()
    code, out, err = run_cli("verify", str(corpus))
    assert code == 1, err
    assert "FAIL A/80/L.41 (zh)" in out and "cannot read the source PDF" in out
    assert "ok   A/RES/70/125 (en)" in out


def test_a_missing_text_fails_its_entry(corpus, run_cli):
    """An entry without a PDF is not compared, but its text file must still be there."""
    seed_entry = load_manifest(corpus).find("A/RES/80/173", "zh")
    (corpus / seed_entry.text).unlink()
    code, out, _ = run_cli("verify", str(corpus))
    assert code == 1
    assert f"FAIL A/RES/80/173 (zh): {seed_entry.text} <- {seed_entry.source}: the text file" in out


@pytest.mark.parametrize("batch", [1, 2, 16])
def test_pdfs_read_side_by_side_give_the_report_of_one_by_one(corpus, monkeypatch, batch):
    """verify reads the PDFs of several entries at once (extract_pdfs); the checks must be
    those of each entry verified on its own, in manifest order, a failing one included."""
    from lineage.corpus import verify as verify_module

    path = _text_path(corpus)
    path.write_text(path.read_text(encoding="utf-8").replace("加强国际合作", "加强国际協作", 1), encoding="utf-8")
    one_by_one = [verify_module.verify_entry(corpus, e).to_dict() for e in load_manifest(corpus)
                  if e.text and e.source and e.source.endswith(".pdf")]
    assert len(one_by_one) >= 2 and {c["status"] for c in one_by_one} == {"ok", "differs"}
    monkeypatch.setattr(verify_module, "_BATCH", batch)
    assert [c.to_dict() for c in verify_corpus(corpus).checks] == one_by_one
