"""The committed PDF fixtures are what ``tests/pdfs/index.toml`` says they are.

These tests read the committed files only (no generator, no fonts needed): every fixture is
listed and present, gold files are Documents, good PDFs open, the font set-ups are the ones
claimed (subset + ToUnicode vs. non-embedded CID), the page furniture sits where the layout
put it, and the error fixtures are broken in the way they claim.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from lineage.model.document import Document

pytestmark = pytest.mark.slow  # every test extracts or reads PDFs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PDFS = Path(__file__).parent / "pdfs"
INDEX = tomllib.loads((PDFS / "index.toml").read_text(encoding="utf-8"))["fixture"]
GOOD = [f for f in INDEX if f["expect"] == "ok"]
ERRORS = {f["name"]: f for f in INDEX if f["expect"] == "error"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _gold(entry: dict) -> Document:
    return Document.from_json((PDFS / entry["gold"]).read_text(encoding="utf-8"))


def _fonts(path: Path) -> dict[str, tuple[str, bool, bool]]:
    """Every font a page uses (key ``page:resource``): (BaseFont, embedded, has ToUnicode)."""
    out = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            fonts = resolve1(resolve1(page.page_obj.resources).get("Font", {}))
            for key, ref in fonts.items():
                font = resolve1(ref)
                out[f"{page.page_number}:{key}"] = (_base(font), _embedded(font), "ToUnicode" in font)
    return out


def _descriptor(font: dict) -> dict | None:
    if "DescendantFonts" in font:
        font = resolve1(resolve1(font["DescendantFonts"])[0])
    d = font.get("FontDescriptor")
    return resolve1(d) if d is not None else None


def _embedded(font: dict) -> bool:
    d = _descriptor(font)
    return d is not None and any(k in d for k in ("FontFile", "FontFile2", "FontFile3"))


def _base(font: dict) -> str:
    name = resolve1(font["BaseFont"])
    return name.name if hasattr(name, "name") else str(name)


def test_index_lists_every_file_and_every_listed_file_exists():
    listed = {f["file"] for f in INDEX} | {f["gold"] for f in GOOD}
    on_disk = {p.name for p in PDFS.iterdir() if p.suffix in (".pdf", ".json")}
    assert listed == on_disk
    assert len(GOOD) >= 6 and len(ERRORS) >= 6
    for f in INDEX:
        assert f["description"] and f["language"] is not None
        if f["expect"] == "error":
            assert f["error"] == "PdfError" and f["message_contains"]


@pytest.mark.parametrize("entry", GOOD, ids=lambda e: e["name"])
def test_gold_is_a_consistent_document(entry):
    doc = _gold(entry)
    assert doc.language == entry["language"]
    assert doc.source.path == f"tests/pdfs/{entry['file']}"
    paras = doc.all_paragraphs()
    assert paras and len({p.id for p in paras}) == len(paras)
    numbers = {f.number for f in doc.footnotes}
    for p in paras:
        assert p.text and p.text == p.text.strip()
        assert p.pages and all(1 <= n <= doc.source.pages for n in p.pages)
        assert p.pages == sorted(p.pages) and p.pages[-1] - p.pages[0] <= 1
        for r in p.footnote_refs:
            assert r.number in numbers and 0 <= r.offset <= len(p.text)
        # Layout spaces never separate two Chinese characters in the gold text.
        assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", p.text)
    for f in doc.footnotes:
        assert len(f.pages) == 1
    ids = {p.id for p in paras}
    assert all(h.before in ids for h in doc.headings)


@pytest.mark.parametrize("entry", GOOD, ids=lambda e: e["name"])
def test_good_pdfs_open_and_have_the_gold_page_count(entry):
    doc = _gold(entry)
    with pdfplumber.open(PDFS / entry["file"]) as pdf:
        assert len(pdf.pages) == doc.source.pages
        assert all(abs(p.width - 595.28) < 1 and abs(p.height - 841.89) < 1 for p in pdf.pages)  # A4
        text = pdf.pages[0].extract_text()
    assert doc.symbol.split("(")[0] in text.replace(" ", "")
    assert (PDFS / entry["file"]).stat().st_size < 1_000_000


def test_embedded_fixture_uses_subset_fonts_with_tounicode():
    fonts = _fonts(PDFS / "a-res-80-173-zh-subset.pdf")
    assert fonts
    for key, (base, embedded, to_unicode) in fonts.items():
        assert embedded and to_unicode, key
        assert re.match(r"^[A-Z]{6}\+", base), base  # subset tag
    bases = {base.split("+")[1] for base, _, _ in fonts.values()}
    assert any(b.startswith("UMing") for b in bases) and any(b.startswith("Liberation") for b in bases)


def test_cid_fixture_embeds_no_font():
    fonts = _fonts(PDFS / "a-res-80-173-zh-cid.pdf")
    assert fonts and not any(embedded for _, embedded, _ in fonts.values())
    assert any(base.startswith("STSong-Light") for base, _, _ in fonts.values())


def _words(page) -> list[dict]:
    return page.extract_words(keep_blank_chars=False, use_text_flow=False)


@pytest.mark.parametrize("name,symbol,job,pages", [
    ("a-res-80-173-zh-subset", "A/RES/80/173", "25-21063", 21),
    ("a-80-l41-zh-limited", "A/80/L.41", "25-20417", 4),
    ("a-res-70-125-en", "A/RES/70/125", "15-14366", 2),
    ("wsis-tunis-doc6-zh", "WSIS-05/TUNIS/DOC/6(Rev.1)-C", "05-62012", 2),
])
def test_running_header_and_footer_alternate_sides(name, symbol, job, pages):
    with pdfplumber.open(PDFS / f"{name}.pdf") as pdf:
        assert len(pdf.pages) == pages
        first = _words(pdf.pages[0])
        bottom = [w["text"] for w in first if w["top"] > 780]
        assert job in bottom and ("(C)" in bottom or "(E)" in bottom)
        assert not any(re.fullmatch(r"\d+/\d+", t) for t in bottom)  # no page mark on page 1
        for page in pdf.pages[1:]:
            n = page.page_number
            words = _words(page)
            head = [w for w in words if w["top"] < 60 and w["text"] == symbol]
            foot = {w["text"]: w for w in words if w["top"] > 780}
            assert len(head) == 1, n
            mark = foot[f"{n}/{pages}"]
            jobw = foot[job]
            if n % 2 == 0:  # even pages: symbol and page mark on the left
                assert head[0]["x0"] < 100 and mark["x0"] < 100 and jobw["x1"] > 495
            else:
                assert head[0]["x1"] > 495 and mark["x1"] > 495 and jobw["x0"] < 100


def test_paragraph_five_breaks_across_pages_around_footnotes():
    doc = _gold(next(e for e in GOOD if e["name"] == "a-res-80-173-zh-subset"))
    p5 = doc.paragraph("5")
    assert p5.pages == [2, 3]
    assert [f.number for f in doc.footnotes if f.pages == [2]] == ["2", "3", "4", "5"]
    with pdfplumber.open(PDFS / "a-res-80-173-zh-subset.pdf") as pdf:
        page = pdf.pages[1]
        rule = [ln for ln in page.lines if ln["top"] > 600 and ln["x1"] - ln["x0"] < 200]
        assert len(rule) == 1  # the short footnote separator
        below = [c for c in page.chars if c["top"] > rule[0]["top"] and c["top"] < 780]
        assert below and max(c["size"] for c in below) < 10  # footnotes are smaller
        assert "同上。" in "".join(c["text"] for c in below)


def test_footnote_marks_are_small_and_raised():
    with pdfplumber.open(PDFS / "a-res-80-173-zh-subset.pdf") as pdf:
        chars = pdf.pages[1].chars
    marks = [c for c in chars if c["text"] in "2345" and c["size"] < 8 and c["top"] < 600]
    assert len(marks) >= 4
    for m in marks:
        body = [c for c in chars if c["size"] == 12 and abs(c["x0"] - m["x0"]) < 30
                and abs(c["bottom"] - m["bottom"]) < 8]
        assert body and all(m["bottom"] < c["bottom"] - 2 for c in body)


def test_naive_extraction_shows_the_layout_artefacts():
    """Bare pdfplumber turns stretched CJK spacing and autospacing gaps into spaces, although
    the Chinese lines carry no space glyph (Word draws gaps, not spaces)."""
    with pdfplumber.open(PDFS / "a-res-80-173-zh-subset.pdf") as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages[:4])
        chars = pdf.pages[1].chars
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text)  # spurious spaces
    assert "2025 年" in text  # autospacing gap read as a space
    spaces = [i for i, c in enumerate(chars) if c["text"] == " "]
    assert spaces  # inside Latin runs such as "217 A (III)"
    for i in spaces:
        assert not HAN.match(chars[i - 1]["text"]) and not HAN.match(chars[i + 1]["text"])


def test_owner_password_fixture_is_encrypted_but_extracts():
    with pdfplumber.open(PDFS / "a-80-l41-zh-owner-password.pdf") as pdf:
        assert "Encrypt" in pdf.doc.xrefs[-1].get_trailer()
        text = pdf.pages[0].extract_text()
    assert HAN.search(text) and "A/80/L.41" in text


def test_error_fixtures_are_broken_as_claimed():
    raw = {n: (PDFS / e["file"]).read_bytes() for n, e in ERRORS.items()}
    assert raw["err-empty"] == b""
    assert not raw["err-not-a-pdf"].startswith(b"%PDF")
    assert raw["err-truncated"].startswith(b"%PDF") and b"%%EOF" not in raw["err-truncated"]
    with pdfplumber.open(PDFS / "err-zero-pages.pdf") as pdf:
        assert len(pdf.pages) == 0
    with pytest.raises(Exception):
        with pdfplumber.open(PDFS / "err-user-password.pdf") as pdf:
            pdf.pages[0].extract_text()
    with pdfplumber.open(PDFS / "err-image-only.pdf") as pdf:
        page = pdf.pages[0]
        assert not page.chars and len(page.images) == 1
    with pdfplumber.open(PDFS / "err-no-unicode-map.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "(cid:" in text and not HAN.search(text)
