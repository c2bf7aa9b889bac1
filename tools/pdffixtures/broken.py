"""Error fixtures: files an extractor must refuse with one clear message.

Each function writes one file and returns nothing; what the extractor must say about each is
recorded in ``tests/pdfs/index.toml`` by ``tools/make_pdf_fixtures.py``.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

__all__ = [
    "write_image_only",
    "write_truncated",
    "write_not_a_pdf",
    "write_zero_pages",
    "write_empty",
    "write_no_unicode_map",
]

FIXED_DATE = "D:20251219000000+00'00'"


def write_image_only(source_pdf: Path, out: Path, page_index: int = 0) -> None:
    """A 'scanned' PDF: page ``page_index`` of ``source_pdf`` as a grey JPEG, no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    pdf = pdfium.PdfDocument(str(source_pdf))
    page = pdf[page_index]
    w, h = page.get_size()
    img = page.render(scale=100 / 72, grayscale=True).to_pil().convert("L")
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=55, optimize=True)
    buf.seek(0)
    c = Canvas(str(out), pagesize=(w, h), invariant=1, pageCompression=1)
    c.setCreator("scanner imitation: lineage tools/pdffixtures")
    c.drawImage(ImageReader(buf), 0, 0, width=w, height=h)
    c.showPage()
    c.save()


def write_truncated(source_pdf: Path, out: Path, keep: float = 0.55) -> None:
    """The first ``keep`` fraction of a good PDF: an interrupted download (no xref, no trailer)."""
    data = source_pdf.read_bytes()
    out.write_bytes(data[: int(len(data) * keep)])


def write_not_a_pdf(out: Path) -> None:
    """What a failed download saved under a .pdf name: an HTML error page."""
    out.write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>Not Found</h1><p>The requested document A/RES/80/173 was not found on "
        "this server.</p></body></html>\n",
        encoding="utf-8",
    )


def write_zero_pages(out: Path) -> None:
    """A syntactically valid PDF whose page tree is empty."""
    import pikepdf

    with pikepdf.new() as pdf:
        pdf.docinfo["/Producer"] = "lineage tools/pdffixtures"
        pdf.docinfo["/CreationDate"] = FIXED_DATE
        pdf.save(out, deterministic_id=True, static_id=True)


def write_empty(out: Path) -> None:
    out.write_bytes(b"")


def _drop_cmap(pdf, descriptor) -> None:
    """Remove the embedded font's own cmap too: pdfminer falls back to it and would otherwise
    print plausible but wrong ideographs instead of ``(cid:NNN)``."""
    import pikepdf
    from fontTools.ttLib import TTFont

    stream = descriptor.get("/FontFile2")
    if stream is None:
        return
    font = TTFont(io.BytesIO(stream.read_bytes()), recalcTimestamp=False)
    if "cmap" in font:
        del font["cmap"]
    buf = io.BytesIO()
    font.save(buf)
    descriptor.FontFile2 = pikepdf.Stream(pdf, buf.getvalue())


def write_no_unicode_map(out: Path, font_path: Path, text_lines: list[str]) -> None:
    """Chinese text in an embedded Type0 (Identity-H) font whose ToUnicode map is removed, so
    extractors get ``(cid:NNN)`` instead of characters."""
    import pikepdf
    from fpdf import FPDF

    fpdf = FPDF(format="A4")
    fpdf.set_creation_date(datetime(2025, 12, 19, tzinfo=timezone.utc))
    fpdf.add_font("SungtiL", fname=str(font_path))
    fpdf.add_page()
    fpdf.set_font("SungtiL", size=12)
    for ln in text_lines:
        fpdf.multi_cell(0, 9, ln, new_x="LMARGIN", new_y="NEXT")
        fpdf.ln(3)
    raw = bytes(fpdf.output())
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for _, font in fonts.items():
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
                for desc in font.get("/DescendantFonts", []):
                    _drop_cmap(pdf, desc.FontDescriptor)
        for key in list(pdf.docinfo.keys()):
            del pdf.docinfo[key]
        pdf.docinfo["/Producer"] = "lineage tools/pdffixtures"
        pdf.save(out, deterministic_id=True, static_id=True)
