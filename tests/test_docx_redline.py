"""The Word redline (``lineage diff --format docx``): Accept all gives the new text, Reject all
the old one. Checked with an OOXML walker of our own (support.ooxml, not lineage's reader)
that applies the revisions as Word's Accept all / Reject all do, against the two documents'
paragraphs written out independently here; and LibreOffice must open the file and convert it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lineage.compare.documents import compare_documents
from lineage.model.document import Document
from lineage.normalize import normalize
from lineage.read import read_document
from lineage.report.build import build_report
from lineage.report.docx import AUTHOR, render_docx
from support.ooxml import footnote_texts, resolved_paragraphs
from support.report_fixture import fixture

DOCX = Path(__file__).parent / "docx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def printed(doc: Document) -> list[str]:
    """The document as the redline must print it: symbol, title, then headings and paragraphs
    in order, an operative paragraph's number before it, each footnote mark as [^its text]."""
    lines = [doc.symbol, doc.title]
    for p in doc.all_paragraphs():
        lines += [h.text for h in doc.headings if h.before == p.id]
        text = p.text
        for r in sorted(p.footnote_refs, key=lambda r: -r.offset):
            note = doc.footnote(r.number)
            text = text[:r.offset] + f"[^{note.text if note else r.number}]" + text[r.offset:]
        lines.append((f"{p.id.split('#')[0]}. " if p.number else "") + text)
    lines += [h.text for h in doc.headings if h.before is None]
    return [re.sub(r"\s+", " ", t).strip() for t in lines if t]


def resolved(path: Path, accept: bool) -> list[str]:
    notes = footnote_texts(path)
    return [re.sub(r"\[\^(-?\d+)\]", lambda m: f"[^{notes[m.group(1)]}]", t)
            for t in resolved_paragraphs(path, accept)]


def _key(lines: list[str], lang: str | None) -> list[str]:
    return [normalize(t, "compare", lang).text for t in lines]


def _redline(tmp_path: Path, old: Document, new: Document, comparison=None) -> Path:
    comparison = comparison or compare_documents(old, new)
    data = render_docx(build_report(comparison, old, new), old, new,
                       date=datetime(2025, 12, 1, 9, 30, tzinfo=timezone.utc))
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    return path


def _check(path: Path, old: Document, new: Document) -> None:
    assert resolved(path, accept=True) == printed(new)
    # Equal runs show the new version's characters: the old text comes back up to the
    # presentation differences the comparison does not count.
    assert _key(resolved(path, accept=False), old.language) == _key(printed(old), old.language)


def test_every_kind_of_change_accepts_to_new_and_rejects_to_old(tmp_path: Path) -> None:
    comparison, old, new = fixture()  # every pair kind, headings renamed/inserted, footnotes changed
    path = _redline(tmp_path, old, new, comparison)
    _check(path, old, new)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    for tag in ("w:del ", "w:ins ", "w:moveFrom ", "w:moveTo ", "w:moveFromRangeStart", "w:moveToRangeStart"):
        assert tag in xml, tag
    assert f'w:author="{AUTHOR}"' in xml and 'w:date="2025-12-01T09:30:00Z"' in xml
    assert 'w:eastAsia="SimSun"' in xml and 'w:pStyle w:val="Heading1"' in xml
    # Chinese runs say they are East Asian text
    assert re.search(r'w:hint="eastAsia"/>(?:<w:lang w:eastAsia="zh-CN"/>)?</w:rPr><w:t[^>]*>[^<]*[\u4e00-\u9fff]', xml)


@pytest.mark.parametrize("old_name,new_name", [
    ("A-C.2-80-L.3.en.pydocx.docx", "A-C.2-80-L.59.en.pydocx.docx"),
    ("A-C.2-80-L.59.en.pydocx.docx", "A-C.2-80-L.3.en.pydocx.docx"),
])
def test_real_negotiation_round_trip(tmp_path: Path, old_name: str, new_name: str) -> None:
    old, new = read_document(DOCX / old_name), read_document(DOCX / new_name)
    path = _redline(tmp_path, old, new)
    _check(path, old, new)
    # and lineage's own reader, in both modes, reads the two versions back
    for mode, want in (("accept", new), ("reject", old)):
        got = read_document(path, mode)
        assert [(p.id, p.text) for p in got.all_paragraphs()] == [(p.id, p.text) for p in want.all_paragraphs()]
        assert [f.text for f in got.footnotes] == [f.text for f in want.footnotes]


def test_same_input_same_bytes(tmp_path: Path) -> None:
    comparison, old, new = fixture()
    when = datetime(2025, 12, 1, tzinfo=timezone.utc)
    report = build_report(comparison, old, new)
    assert render_docx(report, old, new, date=when) == render_docx(report, old, new, date=when)


def test_cli_writes_the_docx(tmp_path: Path, run_cli) -> None:
    out = tmp_path / "sub" / "redline.docx"
    code, stdout, err = run_cli("diff", str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"),
                                str(DOCX / "A-C.2-80-L.59.en.pydocx.docx"), "--format", "docx", "-o", str(out))
    assert code == 0 and stdout == "" and err == ""
    assert zipfile.is_zipfile(out)
    code, stdout, err = run_cli("diff", str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"),
                                str(DOCX / "A-C.2-80-L.59.en.pydocx.docx"), "--format", "docx")
    assert code == 2 and stdout == "" and "-o FILE" in err and err.count("\n") == 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed; CI installs it")
def test_libreoffice_opens_the_redline(tmp_path: Path) -> None:
    """LibreOffice reads the tracked changes: its text export shows the document with the
    changes recorded (accepted view) and the PDF export works."""
    old, new = read_document(DOCX / "A-C.2-80-L.3.en.pydocx.docx"), read_document(DOCX / "A-C.2-80-L.59.en.pydocx.docx")
    path = _redline(tmp_path, old, new)
    with tempfile.TemporaryDirectory() as profile:
        for fmt in ("txt:Text (encoded):UTF8", "pdf"):
            subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                            "--convert-to", fmt, "--outdir", str(tmp_path), str(path)],
                           check=True, capture_output=True, timeout=180)
    text = (tmp_path / "redline.txt").read_text(encoding="utf-8-sig")
    assert "A/C.2/80/L.59" in text and "14. Decides to include" in text
    assert (tmp_path / "redline.pdf").read_bytes().startswith(b"%PDF")
