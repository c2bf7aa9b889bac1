"""``lineage verify``: a corpus whose texts came from PDFs passes when nothing changed and fails
when a text is edited by one character or the PDF is not the one recorded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lineage.corpus import add_document, load_manifest
from lineage.pdf import extract_pdf
from lineage.verify import char_diff, verify_corpus

TESTS = Path(__file__).parent
FIXTURE = TESTS / "pdfs" / "a-80-l41-zh-limited.pdf"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the repository's corpus with one entry extracted from a fixture PDF."""
    folder = tmp_path / "corpus"
    shutil.copytree(TESTS.parent / "corpora", folder)
    add_document(folder, extract_pdf(FIXTURE), source_file=FIXTURE)
    return folder


def _text_path(corpus: Path) -> Path:
    entry = next(e for e in load_manifest(corpus) if e.source and e.source.endswith(".pdf"))
    return corpus / entry.text


def test_clean_copy_passes(corpus, run_cli):
    code, out, err = run_cli("verify", str(corpus))
    assert code == 0, out + err
    assert "1 checked, 0 failed" in out
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
    entry = next(e for e in load_manifest(corpus) if e.source and e.source.endswith(".pdf"))
    with open(corpus / entry.source, "ab") as fh:
        fh.write(b"\n% appended\n")
    code, out, _ = run_cli("verify", str(corpus))
    assert code == 1
    assert "sha256" in out


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
