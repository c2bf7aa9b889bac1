"""Differential test of the two PDF character sources: pdfium (the default) and pdfplumber
must give the same document for every fixture PDF - generated (tests/pdfs), made by other
producers (tests/pdfs/independent) and official UN PDFs (tests/pdfs/real) - and the same
typed error for the ones that cannot be read. The layout logic is shared, so a difference
here is a difference in what the engines read: look at the rendered page to see which one is
right (docs/extraction.md, "Engines")."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lineage.cli.options import ENGINE_CHOICES
from lineage.errors import LineageError
from lineage.read import read_document
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.boundary import DEFAULT_ENGINE, ENGINES, default_engine, use_engine

PDFS = Path(__file__).parent / "pdfs"
ALL = sorted(p for p in PDFS.rglob("*.pdf"))
# The two 50-page real PDFs take pdfplumber about a minute each on a busy 2-core machine: they
# run when LINEAGE_FULL_DIFFERENTIAL=1 (and did, for the figures in docs/extraction.md).
LONG = {"A-80-L.17.en.pdf", "A-RES-80-109.en.pdf"}
FULL = os.environ.get("LINEAGE_FULL_DIFFERENTIAL") == "1"


def _outcome(path: Path, engine: str) -> object:
    try:
        return extract_pdf(path, engine=engine).to_dict()
    except LineageError as exc:
        # Counts in a message (glyphs without Unicode) may differ by the odd glyph that one
        # library merges; the error class and the reason must not.
        return type(exc).__name__, re.sub(r"\d+", "N", exc.message)


def test_every_fixture_set_is_present():
    folders = {p.parent.name for p in ALL}
    assert {"pdfs", "independent", "real"} <= folders
    assert len([p for p in ALL if p.parent.name == "real"]) == 11


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(PDFS)))
def test_engines_give_the_same_document(path: Path):
    if path.name in LONG and not FULL:
        pytest.skip("50-page PDF: set LINEAGE_FULL_DIFFERENTIAL=1")
    a = _outcome(path, "pdfium")
    b = _outcome(path, "pdfplumber")
    if isinstance(a, dict) and isinstance(b, dict):
        assert a["paragraphs"] == b["paragraphs"]
        assert a.get("footnotes") == b.get("footnotes")
    assert a == b


def test_pdfium_is_the_default():
    assert DEFAULT_ENGINE == "pdfium" == default_engine()
    assert ENGINES == ENGINE_CHOICES  # the CLI's list (kept light for start-up) agrees


def test_use_engine_reaches_read_document(monkeypatch):
    seen = []
    import lineage.read.pdf.boundary as boundary

    def spy(engine=None):
        seen.append(boundary.resolve_engine(engine))
        return seen[-1]

    monkeypatch.setattr("lineage.read.pdf.extract.resolve_engine", spy)
    pdf = PDFS / "a-res-70-125-en.pdf"
    with use_engine("pdfplumber"):
        read_document(pdf)
    read_document(pdf)
    read_document(pdf, engine="pdfplumber")
    assert seen == ["pdfplumber", "pdfium", "pdfplumber"]


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown PDF engine"):
        extract_pdf(PDFS / "a-res-70-125-en.pdf", engine="mupdf")


def test_cli_engine_option(run_cli):
    pdf = str(PDFS / "a-res-70-125-en.pdf")
    code_a, out_a, _ = run_cli("extract", pdf, "--engine", "pdfplumber")
    code_b, out_b, _ = run_cli("extract", pdf)
    assert code_a == code_b == 0
    assert out_a == out_b and '"paragraphs"' in out_a
    code, _, err = run_cli("show", pdf, "--engine", "nope")
    assert code == 2 and "--engine" in err


def _page_variants(tmp: Path) -> dict[str, Path]:
    """Page geometry the fixtures do not cover: a MediaBox inherited from the page tree (as
    fpdf2 writes it), a MediaBox whose corner is not the origin, a page turned by /Rotate
    with its text drawn turned back (so it reads upright on screen)."""
    from support.hostile_pdfs import simple_page_objects, write_pdf

    text = (b"BT /F1 11 Tf 72 700 Td (1. Welcomes the report of the Secretary-General;) Tj "
            b"0 -14 Td (2. Decides to remain seized of the matter.) Tj ET")
    out = {}
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R "
                               b"/Resources << /Font << /F1 5 0 R >> >> >>", content=text)
    objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>"
    out["inherited"] = write_pdf(tmp / "inherited.pdf", objs)
    shifted = b"q 1 0 0 1 100 50 cm " + text + b" Q"
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox [100 50 712 842] /Contents 4 0 R "
                               b"/Resources << /Font << /F1 5 0 R >> >> >>", content=shifted)
    out["offset-mediabox"] = write_pdf(tmp / "offset.pdf", objs)
    turned = b"q 0 1 -1 0 612 0 cm " + text.replace(b"72 700", b"72 520") + b" Q"
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 "
                               b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", content=turned)
    out["rotated"] = write_pdf(tmp / "rotated.pdf", objs)
    return out


@pytest.mark.parametrize("variant", ["inherited", "offset-mediabox", "rotated"])
def test_engines_agree_on_page_geometry(tmp_path, variant):
    pdf = _page_variants(tmp_path)[variant]
    a = _outcome(pdf, "pdfium")
    b = _outcome(pdf, "pdfplumber")
    assert a == b
    assert isinstance(a, dict)
    texts = [p["text"] for p in a["paragraphs"]]
    assert texts == ["Welcomes the report of the Secretary-General;", "Decides to remain seized of the matter."]
