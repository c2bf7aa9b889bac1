"""The PDF redline (``lineage diff --format pdf``): the HTML redline printed by headless
Chromium. Read back with lineage's own PDF reading (the glyphs and lines of
lineage.read.pdf), every inserted and every deleted run of the report is on the pages, the
Chinese text comes back from embedded CJK fonts, and every page carries the header naming
both versions and its page number. Skipped, saying so, only without Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lineage.errors import OutputError
from lineage.read.pdf.boundary import iter_pages, open_pdf
from lineage.read.pdf.extract import page_lines
from lineage.report.build import build_report
from lineage.report.model import PairView, SectionStart
from lineage.report.pdf import find_chromium, render_pdf
from support.report_fixture import fixture

DOCX = Path(__file__).parent / "docx"
needs_chromium = pytest.mark.skipif(find_chromium() is None or shutil.which("pdffonts") is None,
                                    reason="no Chromium or pdffonts; `bash scripts/install-browser.sh`")


def _unembedded_fonts(path: Path) -> list[str]:
    """The fonts of ``path`` that poppler's ``pdffonts`` reports as not embedded (its columns
    are fixed-width, measured from the dashes under the header)."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    emb = spans[3]  # name, type, encoding, emb, sub, uni, object ID
    return [ln for ln in lines[2:] if ln[emb[0]:emb[1]].strip() != "yes"]


def _pages(path: Path) -> tuple[list[str], list[str]]:
    """Each page's text (lines joined) and the fonts of its glyphs."""
    texts, fonts = [], []
    with open_pdf(path) as pdf:
        for page in iter_pages(pdf, path):
            lines, _, _ = page_lines(page)
            texts.append("\n".join(ln.text for ln in lines.lines))
            fonts.extend(c.font for c in page.chars)
    return texts, fonts


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    comparison, old, new = fixture()
    report = build_report(comparison, old, new)
    path = tmp_path_factory.mktemp("pdf") / "redline.pdf"
    path.write_bytes(render_pdf(report))
    return report, path


@needs_chromium
def test_every_inserted_and_deleted_run_is_in_the_pdf(printed) -> None:
    report, path = printed
    texts, fonts = _pages(path)
    whole = _squash("".join(texts))
    runs = [s.text for item in report.items if isinstance(item, (PairView, SectionStart))
            for s in item.segments if s.op in ("insert", "delete") and s.text.strip()]
    assert len(runs) >= 10
    missing = [r for r in runs if _squash(r) not in whole]
    assert not missing
    # Chinese set in an embedded face: a named CJK font, or glyph outlines in Type 3 fonts
    # (Chromium writes the CFF outlines of Noto Serif CJK so; they carry no font name).
    assert any("CJK" in f for f in fonts) or not _unembedded_fonts(path), set(fonts)
    assert "弥合" in whole


@needs_chromium
def test_every_page_has_the_header_and_its_number(printed) -> None:
    report, path = printed
    texts, _ = _pages(path)
    assert len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert _squash(f"{report.old.label} → {report.new.label}") in _squash(text), n
        assert f"page {n} of {len(texts)}" in text, n


@needs_chromium
def test_cli_writes_the_pdf(tmp_path: Path, run_cli) -> None:
    out = tmp_path / "redline.pdf"
    code, stdout, err = run_cli("diff", str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"),
                                str(DOCX / "A-C.2-80-L.59.en.pydocx.docx"), "--format", "pdf", "-o", str(out))
    assert (code, stdout, err) == (0, "", "")
    texts, _ = _pages(out)
    assert "A/C.2/80/L.59" in texts[0]


def test_without_chromium_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli) -> None:
    monkeypatch.setenv("LINEAGE_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(OutputError, match="needs Chromium"):
        render_pdf(build_report(*fixture()))
    out = tmp_path / "r.pdf"
    code, stdout, err = run_cli("diff", str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"),
                                str(DOCX / "A-C.2-80-L.59.en.pydocx.docx"), "--format", "pdf", "-o", str(out))
    assert code == 2 and stdout == "" and err.count("\n") == 1 and "Chromium" in err
    assert not out.exists()
