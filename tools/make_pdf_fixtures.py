"""Regenerate the PDF fixtures under ``tests/pdfs/`` (see ``docs/fixtures.md``).

    .venv/bin/python -m tools.make_pdf_fixtures            # all fixtures + index.toml
    .venv/bin/python -m tools.make_pdf_fixtures NAME ...   # only these

Needs the dev-only packages reportlab, pikepdf, fpdf2 and the Debian fonts named in
``docs/fixtures.md``; the tests only read the committed files.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from lineage.corpus.files import atomic_write_text, sha256_file
from lineage.model.document import Source

from .pdffixtures import broken
from .pdffixtures.documents import (
    REPO,
    Spec,
    blocks_for,
    english_spec,
    limited_spec,
    load_seed_document,
    resolution_spec,
    with_pages,
    wsis_spec,
)
from .pdffixtures.layout import FootnoteSpec, layout_document
from .pdffixtures.render import draw_pdf, font_setup, measure

__all__ = ["OUT", "GOOD", "ERRORS", "render_spec", "write_index", "main"]

OUT = REPO / "tests" / "pdfs"


def render_spec(spec: Spec, out_dir: Path = OUT, encrypt=None) -> Path:
    """Render ``spec`` to ``out_dir/<name>.pdf`` and write its gold JSON beside it."""
    fonts = font_setup(spec.fonts, english=spec.english)
    if spec.leading is not None:
        fonts = dataclasses.replace(fonts, leading=spec.leading)
    footnotes = [FootnoteSpec(f.number, f.text) for f in spec.doc.footnotes]
    hyph = None
    if spec.english:
        from .pdffixtures.hyphen import hyphen_points

        hyph = hyphen_points
    laid = layout_document(blocks_for(spec), footnotes, fonts, measure, spec.furniture, hyph)
    pdf = out_dir / f"{spec.name}.pdf"
    draw_pdf(laid, pdf, title=spec.doc.title or spec.name, subject=spec.doc.symbol or "",
             initial_font=fonts.latin, encrypt=encrypt)
    src = Source(path=f"tests/pdfs/{pdf.name}", kind="pdf", sha256=sha256_file(pdf),
                 pages=len(laid.pages))
    gold = with_pages(spec.doc, laid.para_pages, laid.footnote_pages, src)
    atomic_write_text(out_dir / f"{spec.name}.gold.json", gold.to_json())
    return pdf


# Expected refusals: the class the extractor raises and a phrase its message must contain.
ERRORS = {
    "err-image-only": ("image-only page (a scan): no text layer at all", "no text layer"),
    "err-user-password": ("encrypted with a user password (the file cannot be opened without it)",
                          "password"),
    "err-truncated": ("the first 55% of a good PDF, as an interrupted download leaves it",
                      "truncated or corrupt"),
    "err-not-a-pdf": ("an HTML error page saved under a .pdf name", "not a PDF"),
    "err-zero-pages": ("a valid PDF whose page tree is empty", "no pages"),
    "err-empty": ("an empty file (0 bytes) with a .pdf name", "not a PDF"),
    "err-no-unicode-map": ("Chinese text in an embedded Type0 font whose ToUnicode map was removed: "
                           "pdfplumber yields (cid:NNN)", "Unicode"),
}

GOOD = ["a-res-80-173-zh-subset", "a-res-80-173-zh-cid", "a-80-l41-zh-limited", "wsis-tunis-doc6-zh",
        "a-res-70-125-en", "a-80-l41-zh-owner-password"]
OWNER_PASSWORD = "un-owner-only"
USER_PASSWORD = "secret"


def _spec(name: str) -> Spec:
    if name == "a-res-80-173-zh-subset":
        return resolution_spec(name, "embedded")
    if name == "a-res-80-173-zh-cid":
        return resolution_spec(name, "cid")
    if name in ("a-80-l41-zh-limited", "a-80-l41-zh-owner-password"):
        spec = limited_spec(name)
        if name.endswith("owner-password"):
            spec.description = ("permissions-only encryption (owner password, empty user password, "
                                "printing allowed, changes forbidden) of " + spec.description)
        return spec
    if name == "wsis-tunis-doc6-zh":
        return wsis_spec(name)
    if name == "a-res-70-125-en":
        return english_spec(name)
    raise KeyError(name)


def _encryption(name: str):
    from reportlab.lib.pdfencrypt import StandardEncryption

    if name == "a-80-l41-zh-owner-password":
        return StandardEncryption("", OWNER_PASSWORD, canPrint=1, canModify=0, canCopy=1,
                                  canAnnotate=0, strength=128)
    return None


def _make_error(name: str, out_dir: Path) -> Path:
    out = out_dir / f"{name}.pdf"
    if name == "err-image-only":
        src = out_dir / "a-80-l41-zh-limited.pdf"
        broken.write_image_only(src, out)
    elif name == "err-user-password":
        from reportlab.lib.pdfencrypt import StandardEncryption

        spec = limited_spec(name)
        fonts = font_setup(spec.fonts)
        laid = layout_document(blocks_for(spec), [FootnoteSpec(f.number, f.text) for f in spec.doc.footnotes],
                               fonts, measure, spec.furniture)
        draw_pdf(laid, out, title=spec.doc.title or "", subject=spec.doc.symbol or "",
                 initial_font=fonts.latin,
                 encrypt=StandardEncryption(USER_PASSWORD, OWNER_PASSWORD, strength=128))
    elif name == "err-truncated":
        broken.write_truncated(out_dir / "a-80-l41-zh-limited.pdf", out)
    elif name == "err-not-a-pdf":
        broken.write_not_a_pdf(out)
    elif name == "err-zero-pages":
        broken.write_zero_pages(out)
    elif name == "err-empty":
        broken.write_empty(out)
    elif name == "err-no-unicode-map":
        seed = load_seed_document()
        broken.write_no_unicode_map(out, Path(NO_UNICODE_FONT), [p.text for p in seed.paragraphs[:3]])
    else:
        raise KeyError(name)
    return out


NO_UNICODE_FONT = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"  # fonts-arphic-gbsn00lp


def _index_entry(name: str, spec: Spec | None) -> dict:
    if spec is not None:
        return {
            "name": name, "file": f"{name}.pdf", "gold": f"{name}.gold.json",
            "language": spec.doc.language, "expect": "ok", "fonts": spec.fonts,
            "encrypted": name.endswith("owner-password"),
            "description": spec.description, "origin": spec.origin,
        }
    what, phrase = ERRORS[name]
    return {
        "name": name, "file": f"{name}.pdf", "expect": "error", "error": "PdfError",
        "message_contains": phrase, "description": what,
        "language": "zh" if name in ("err-image-only", "err-user-password", "err-truncated",
                                     "err-no-unicode-map") else "",
    }


INDEX_HEADER = """\
# PDF fixtures of the extractor (lineage.read.pdf.extract_pdf), generated by
# `.venv/bin/python -m tools.make_pdf_fixtures` (see docs/fixtures.md). Do not edit by hand.
#
# expect = "ok": extract_pdf(file) must give the Document in `gold` (lineage.document/1).
#   The comparison ignores `source` (path, sha256, pages of the file) and paragraph `spans`,
#   and does not compare `warnings`. Paragraph and footnote `pages` are the pages the
#   generator laid them out on. Headings carry no `level` (the layout does not show one).
#   Whitespace convention of the gold `text`: a space stands where Word's autospacing drew a
#   gap between an ideograph and a Latin letter/digit (no glyph in the PDF), and none where
#   no gap was drawn (`2030年`). The generator never breaks a line where the rule
#   "space iff both sides are non-CJK, or one is an ideograph and the other a Latin
#   letter/digit" would rebuild the text wrongly, so that rule is safe at line breaks.
#   English lines ending in a hyphen are hyphenated words (de-hyphenate); the generator
#   never ends a line at a word's own hyphen. A sub-item starts a new line of its paragraph's
#   text with its label and one space (`\\n(a) 加强…`), as docs/json-contract.md says; a
#   lettered/numbered heading keeps its label (`A. 引言`).
# expect = "error": extract_pdf(file) must raise `error` (a lineage.errors class or a
#   subclass) whose message contains `message_contains` (case-insensitive).
"""


def write_index(out_dir: Path = OUT) -> None:
    import tomli_w

    entries = [_index_entry(n, _spec(n)) for n in GOOD] + [_index_entry(n, None) for n in ERRORS]
    atomic_write_text(out_dir / "index.toml", INDEX_HEADER + "\n" + tomli_w.dumps({"fixture": entries}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="fixtures to generate (default: all)")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    names = args.names or [*GOOD, *ERRORS]
    for name in names:
        if name in ERRORS:
            pdf = _make_error(name, OUT)
        else:
            pdf = render_spec(_spec(name), OUT, encrypt=_encryption(name))
        print(f"{pdf.relative_to(REPO)}  {pdf.stat().st_size} bytes")
    write_index(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
