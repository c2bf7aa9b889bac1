"""Gold documents for the official UN PDFs of ``tests/pdfs/real/``, made WITHOUT the project's
extractor: words and their boxes come from poppler (``pdftotext -bbox-layout``), and the
structure from the small, explicit rules below plus per-file facts (masthead, where the body
starts, headings) read off the rendered pages by a person. The output was then checked by eye
against the rendered pages (see ``docs/fixtures.md``, section "Real UN PDFs").

    python -m tools.make_real_gold                 # all files with a spec, writes *.gold.json
    python -m tools.make_real_gold A-RES-80-173.en --review   # print page breaks/marks/hyphens

Only ``lineage.model`` is imported (to write ``lineage.document/1``); nothing of
``lineage.read``. Needs poppler-utils (``pdftotext``) on PATH; tests do not.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lineage.model.document import (
    Document,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
)

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "pdfs" / "real"

# --- per-file facts, read off the rendered pages ---------------------------------------------


@dataclass
class Spec:
    symbol: str
    date: str  # contract `date`: adoption date of a resolution, masthead date of a draft
    distribution: str
    agenda_items: list[str]  # as lineage.read.masthead documents them: "23(a)" for "23 (a)"
    title: str
    start: str  # first words of the first body paragraph (everything before is front matter)
    issued: str = ""  # masthead date of a resolution (model field `issued`)
    # the adopting paragraph of a resolution that adopts a text printed after it (`formula`)
    formula: str = ""
    # a draft's sponsors, from its "...:* draft resolution" line (`sponsors`); a draft
    # "submitted by the Vice-Chair/President" names no sponsors
    sponsors: str = ""
    # headings printed before the first body paragraph (outcome document title, "Annex")
    front_headings: list[str] = field(default_factory=list)
    # extra texts (start of a block) that are headings although the rules cannot tell
    headings: list[str] = field(default_factory=list)
    # blocks that start a new paragraph/heading at a page top although set at the margin
    not_continuation: list[str] = field(default_factory=list)
    # rows that end the body (closing block)
    stop: str = r"^\d+(st|nd|rd|th) plenary meeting$"


L5_FORMULA = ("Adopts the Doha Political Declaration of the “World Social Summit” under the title "
              "“the Second World Summit for Social Development”, as contained in the annex to the "
              "present resolution.")
L13_SPONSORS = (
    "Albania, Antigua and Barbuda, Armenia, Australia, Austria, Bahamas (The), Bangladesh, Barbados, "
    "Belgium, Belize, Bosnia and Herzegovina, Botswana, Brazil, Bulgaria, Burundi, Cabo Verde, "
    "Cameroon, Canada, Chile, Colombia, Costa Rica, Côte d’Ivoire, Croatia, Cyprus, Democratic "
    "Republic of the Congo, Denmark, Djibouti, Dominica, Dominican Republic, Egypt, Equatorial "
    "Guinea, Estonia, Fiji, Finland, France, Gabon, Gambia, Germany, Ghana, Greece, Grenada, Guinea, "
    "Guyana, Honduras, Hungary, Iceland, Indonesia, Ireland, Italy, Jamaica, Japan, Jordan, Kenya, "
    "Kiribati, Kyrgyzstan, Latvia, Lebanon, Lithuania, Luxembourg, Madagascar, Maldives, Malta, "
    "Marshall Islands, Mauritania, Mauritius, Mexico, Micronesia (Federated States of), Monaco, "
    "Mongolia, Montenegro, Morocco, Mozambique, Nauru, Netherlands (Kingdom of the), New Zealand, "
    "Nigeria, North Macedonia, Norway, Palau, Papua New Guinea, Philippines, Poland, Portugal, "
    "Republic of Korea, Republic of Moldova, Romania, Saint Kitts and Nevis, Saint Lucia, Saint "
    "Vincent and the Grenadines, Senegal, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, "
    "Solomon Islands, South Africa, Spain, Sri Lanka, State of Palestine, Suriname, Sweden, "
    "Switzerland, Thailand, Timor-Leste, Tonga, Tuvalu, Uganda, Ukraine, United Kingdom of Great "
    "Britain and Northern Ireland, Uruguay, Vanuatu, Viet Nam and Zambia")

SPECS: dict[str, Spec] = {
    "A-C.2-80-L.3.en": Spec(
        symbol="A/C.2/80/L.3", date="2025-10-10", distribution="Limited", agenda_items=["23(a)"],
        title="Operational activities for development of the United Nations system",
        start="Reaffirming its resolution 79/226", sponsors="Iraq"),
    "A-C.2-80-L.59.en": Spec(
        symbol="A/C.2/80/L.59", date="2025-11-18", distribution="Limited", agenda_items=["23(a)"],
        title="Operational activities for development of the United Nations system",
        start="Reaffirming its resolution 79/226"),
    "A-RES-80-155.en": Spec(
        symbol="A/RES/80/155", date="2025-12-15", issued="2025-12-18", distribution="General",
        agenda_items=["23(a)"],
        title="Operational activities for development of the United Nations system",
        start="Reaffirming its resolution 79/226"),
    "A-80-L.13.en": Spec(
        symbol="A/80/L.13", date="2025-11-13", distribution="Limited", agenda_items=["75(b)"],
        title="Agreement under the United Nations Convention on the Law of the Sea on the "
              "Conservation and Sustainable Use of Marine Biological Diversity of Areas beyond "
              "National Jurisdiction",
        start="Recalling its resolution 72/249", sponsors=L13_SPONSORS),
    "A-RES-80-107.en": Spec(
        symbol="A/RES/80/107", date="2025-12-09", issued="2025-12-09", distribution="General",
        agenda_items=["75(b)"],
        title="Agreement under the United Nations Convention on the Law of the Sea on the "
              "Conservation and Sustainable Use of Marine Biological Diversity of Areas beyond "
              "National Jurisdiction",
        start="Recalling its resolution 72/249"),
    "A-RES-80-173.en": Spec(
        symbol="A/RES/80/173", date="2025-12-17", issued="2025-12-19", distribution="General",
        agenda_items=["15"],
        title="Outcome document of the high-level meeting of the General Assembly on the overall "
              "review of the implementation of the outcomes of the World Summit on the "
              "Information Society",
        start="We, the Ministers and heads",
        formula="Adopts the following outcome document of the high-level meeting of the General "
                "Assembly on the overall review of the implementation of the outcomes of the World "
                "Summit on the Information Society at its eightieth session:",
        front_headings=[("Outcome document of the high-level meeting of the General Assembly on "
                         "the overall review of the implementation of the outcomes of the World "
                         "Summit on the Information Society")],
        # top of page 17, after paragraph 103 whose last line on page 16 is nearly full
        headings=["Development of the World Summit on the Information Society framework"]),
    "A-80-L.5.en": Spec(
        symbol="A/80/L.5", date="2025-10-06", distribution="Limited", agenda_items=["25(b)"],
        title="Doha Political Declaration of the “World Social Summit” under the title “the "
              "Second World Summit for Social Development”",
        start="We, Heads of State and Government", formula=L5_FORMULA,
        front_headings=[("Annex Doha Political Declaration of the “World Social Summit” under "
                         "the title “the Second World Summit for Social Development”")]),
    "A-RES-80-5.en": Spec(
        symbol="A/RES/80/5", date="2025-11-04", issued="2025-11-04", distribution="General", agenda_items=["25(b)"],
        title="Doha Political Declaration of the “World Social Summit” under the title “the "
              "Second World Summit for Social Development”",
        start="We, Heads of State and Government", formula=L5_FORMULA,
        front_headings=[("Annex Doha Political Declaration of the “World Social Summit” under "
                         "the title “the Second World Summit for Social Development”")]),
    "A-80-L.17.en": Spec(
        symbol="A/80/L.17", date="2025-11-25", distribution="Limited", agenda_items=["75(a)"],
        title="Sustainable fisheries, including through the 1995 Agreement for the Implementation "
              "of the Provisions of the United Nations Convention on the Law of the Sea of "
              "10 December 1982 relating to the Conservation and Management of Straddling Fish "
              "Stocks and Highly Migratory Fish Stocks, and related instruments",
        start="Reaffirming its annual resolutions",
        sponsors="Canada, Greece, Iceland, Monaco, Norway, Philippines, Portugal, Spain, Sweden and "
                 "United Kingdom of Great Britain and Northern Ireland"),
    "A-RES-80-109.en": Spec(
        symbol="A/RES/80/109", date="2025-12-09", issued="2025-12-09", distribution="General",
        agenda_items=["75(a)"],
        title="Sustainable fisheries, including through the 1995 Agreement for the Implementation "
              "of the Provisions of the United Nations Convention on the Law of the Sea of "
              "10 December 1982 relating to the Conservation and Management of Straddling Fish "
              "Stocks and Highly Migratory Fish Stocks, and related instruments",
        start="Reaffirming its annual resolutions"),
}

# --- poppler words -> rows ------------------------------------------------------------------


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def h(self) -> float:
        return self.y1 - self.y0


@dataclass
class Row:
    page: int
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def body_h(self) -> float:
        return max(w.h for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pages(pdf: Path) -> tuple[list[list[Row]], float]:
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages: list[list[Row]] = []
    height = 792.0
    for n, chunk in enumerate(out.split("<page ")[1:], start=1):
        m = _PAGE.search("<page " + chunk)
        height = float(m.group(2))
        words = [Word(html.unescape(t), float(a), float(b), float(c), float(d))
                 for a, b, c, d, t in _WORD.findall(chunk)]
        pages.append(group_rows(n, words))
    return pages, height


def group_rows(page: int, words: list[Word]) -> list[Row]:
    """Words on one baseline band form a row (a raised mark joins the row it overlaps)."""
    rows: list[Row] = []
    for w in sorted(words, key=lambda w: (w.y1, w.x0)):
        for r in rows:
            ref = max(r.words, key=lambda v: v.h)
            top, bot = ref.y0, ref.y1
            overlap = min(bot, w.y1) - max(top, w.y0)
            if overlap > 0.5 * min(w.h, ref.h):
                r.words.append(w)
                break
        else:
            rows.append(Row(page, [w]))
    for r in rows:
        r.words.sort(key=lambda w: w.x0)
        r.words = glue(r.words)
    rows.sort(key=lambda r: r.y1)
    return rows


def glue(words: list[Word]) -> list[Word]:
    """Poppler cuts a word where justification moved a glyph (``State|s``, ``sub|-item``,
    ``e|-``): in these PDFs a real space is never narrower than 1.6 pt (measured over all
    ten files), the cuts are at most 1.5 pt; pieces of different size (a mark) stay apart."""
    out: list[Word] = []
    for w in words:
        p = out[-1] if out else None
        if p and w.x0 - p.x1 < 1.55 and abs(w.h - p.h) < 0.2 * max(w.h, p.h):
            out[-1] = Word(p.text + w.text, p.x0, min(p.y0, w.y0), w.x1, max(p.y1, w.y1))
        else:
            out.append(w)
    return out


def is_mark(w: Word, row: Row) -> bool:
    """A footnote mark: digits (or *) in small type raised above the row's baseline."""
    big = row.body_h
    return (bool(re.fullmatch(r"\d{1,3}|\*", w.text)) and w.h < 0.8 * big
            and w.y1 < max(v.y1 for v in row.words) - 1.5)


# --- furniture --------------------------------------------------------------------------------


def strip_furniture(pages: list[list[Row]], height: float, symbol: str) -> list[list[Row]]:
    """Drop the running header (rows above and including the one with the symbol, or text
    repeated in the top band of other pages) and the footer (page mark, job number, barcode;
    on page 1 everything from the job number down)."""
    top_texts: dict[str, int] = {}
    for rows in pages[1:]:
        for r in rows:
            if r.y1 < 130:
                top_texts[r.text] = top_texts.get(r.text, 0) + 1
    kept = []
    for n, rows in enumerate(pages, start=1):
        header_bottom = 0.0
        footer_top = height
        for r in rows:
            if n > 1 and r.y1 < 130 and (symbol in r.text.split() or top_texts.get(r.text, 0) > 1):
                header_bottom = max(header_bottom, r.y1)
            if r.y0 > height - 110 and any(
                re.fullmatch(rf"\d{{2}}-\d{{5}}|\d+/{len(pages)}|\*\d{{7}}\*", w.text) for w in r.words
            ):
                footer_top = min(footer_top, r.y0)
        if n == 1:
            footer_top = min([footer_top] + [r.y0 for r in rows if r.text.startswith("Please recycle")])
        kept.append([r for r in rows if r.y1 > header_bottom + 0.1 and r.y0 < footer_top - 0.1])
    return kept


# --- assembling text ---------------------------------------------------------------------------


class Text:
    """Text built from rows: a line end with a hyphen joins without a space (Word does not
    hyphenate UN documents: the hyphen is part of the word); a dash glued to the word before
    (``2021–``) joins without a space, a free-standing one with a space; marks become refs."""

    def __init__(self) -> None:
        self.text = ""
        self.refs: list[FootnoteRef] = []

    def add_row(self, row: Row, skip: int = 0, newline: bool = False) -> None:
        words = row.words[skip:]
        glued = False
        if self.text:
            if newline:
                self.text = self.text.rstrip() + "\n"
            elif self.text.endswith("-") or re.search(r"\S–$", self.text):
                glued = True
            else:
                self.text += " "
        for i, w in enumerate(words):
            if is_mark(w, row):
                self.text = self.text.rstrip(" ")
                self.refs.append(FootnoteRef(w.text, len(self.text)))
                if i + 1 < len(words):
                    self.text += " "
                continue
            if self.text and not self.text.endswith((" ", "\n")) and not glued:
                self.text += " "
            glued = False
            # U+2011 (non-breaking hyphen) is written "-", as the extractor's own tests want
            self.text += w.text.replace("\u2011", "-")


@dataclass
class Block:
    kind: str  # "pp", "op", "heading"
    number: str | None
    text: Text
    pages: list[int]


SUB = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]+)\)$")
NUM = re.compile(r"^(\d+)\.$")


def build(name: str, spec: Spec, review: bool = False) -> Document:
    pdf = REAL / f"{name}.pdf"
    pages, height = read_pages(pdf)
    pages = strip_furniture(pages, height, spec.symbol)
    body: list[Row] = []
    note_rows: list[Row] = []
    started = False
    stopped = False
    sizes = sorted(r.body_h for rows in pages for r in rows)
    body_h = sizes[len(sizes) // 2]
    for rows in pages:
        in_notes = False
        for r in rows:
            if not started:
                if spec.start in r.text[:60]:
                    started = True
                else:
                    continue
            if re.fullmatch(r"_{5,}", r.text):
                in_notes = True
                continue
            # footnotes are set in 9 pt under a separator that may be a graphic, not text
            if not in_notes and r.body_h < 0.93 * body_h and r.y0 > height / 2:
                in_notes = True
            if in_notes:
                note_rows.append(r)
            elif not stopped:
                if re.match(spec.stop, r.text):
                    stopped = True
                    continue
                body.append(r)
    blocks = segment(body, spec, review)
    footnotes = parse_notes(note_rows)
    # the closing meeting line, wherever it stands (A/RES/80/5 prints it before the annex)
    meeting = next((r.text for rows in pages for r in rows if re.match(spec.stop, r.text)), "")
    return to_document(name, pdf, spec, blocks, footnotes, len(pages), meeting)


def segment(body: list[Row], spec: Spec, review: bool) -> list[Block]:
    margin_by_page: dict[int, float] = {}
    for p in {r.page for r in body}:
        xs = sorted(round(r.x0) for r in body if r.page == p)
        margin_by_page[p] = min(xs, key=lambda x: (-xs.count(x), x)) if xs else 0
    right_by_page = {p: max(r.x1 for r in body if r.page == p) for p in margin_by_page}
    blocks: list[Block] = []
    last_number = 0
    prev: Row | None = None
    for r in body:
        margin = margin_by_page[r.page]
        indented = r.x0 > margin + 8
        first = r.words[0].text
        new_page = prev is None or prev.page != r.page
        gap = (r.y0 - prev.y1) if prev is not None and not new_page else 0.0
        pitch = r.body_h
        forced_heading = any(r.text.startswith(h) for h in spec.headings)
        # a row at the margin on top of a page continues the block before unless that block
        # ended on the previous page with a short (not justified) line: then it is a heading
        ended = (new_page and prev is not None and not indented and blocks
                 and prev.x1 < right_by_page[prev.page] - 12 and not prev.text.endswith("-"))
        m = NUM.match(first)
        numbered = bool(m) and int(m.group(1)) == last_number + 1 and len(r.words) > 1
        if numbered and not forced_heading:
            # operative numbers stand indented in resolutions, at the margin in declarations
            blocks.append(Block("op", m.group(1), Text(), [r.page]))
            blocks[-1].text.add_row(r, skip=1)
            last_number += 1
            kind = "op"
        elif forced_heading or ended or (not indented and gap > 0.45 * pitch and blocks
                                       and not new_page and blocks[-1].kind != "heading"):
            blocks.append(Block("heading", None, Text(), [r.page]))
            blocks[-1].text.add_row(r)
            kind = "heading-start"
        elif not indented and blocks and blocks[-1].kind == "heading" and not new_page and gap < 0.45 * pitch:
            blocks[-1].text.add_row(r)
            kind = "heading-cont"
        elif indented and SUB.match(first) and blocks:
            b = blocks[-1]
            b.text.add_row(r, newline=True)
            b.pages.append(r.page)
            kind = "sub"
        elif indented:
            if blocks and blocks[-1].kind == "op":
                # an indented unnumbered row after operative paragraphs: a new line of the
                # same paragraph (e.g. a quoted passage); flagged for review
                blocks[-1].text.add_row(r, newline=True)
                blocks[-1].pages.append(r.page)
                kind = "op-indented-cont?"
            else:
                blocks.append(Block("pp", None, Text(), [r.page]))
                blocks[-1].text.add_row(r)
                kind = "pp"
        else:
            b = blocks[-1]
            b.text.add_row(r)
            b.pages.append(r.page)
            kind = "cont"
        if review and (new_page or kind.endswith("?") or kind.startswith("heading") or kind == "sub"
                       or r.text.rstrip().endswith(("-", "–"))
                       or any(is_mark(w, r) for w in r.words)):
            print(f"p{r.page:>2} {kind:>18} x{r.x0 - margin:+5.0f} gap{gap:4.1f} | {r.text}")
        prev = r
    for b in blocks:
        b.pages = sorted(set(b.pages))
    return blocks


def parse_notes(rows: list[Row]) -> list[Footnote]:
    notes: list[tuple[str, Text, list[int]]] = []
    hs = sorted(r.body_h for r in rows)
    row_h = hs[len(hs) // 2] if hs else 0.0
    for r in rows:
        w0 = r.words[0]
        if len(r.words) == 1 and re.fullmatch(r"\d{1,3}", w0.text) and w0.h < 0.8 * row_h:
            # the raised number of a note, printed a little above its first line
            notes.append((w0.text, Text(), [r.page]))
        elif (w0.text == "*" or re.fullmatch(r"\d{1,3}", w0.text) and len(r.words) > 1
                and w0.y1 < r.words[1].y1 - 1.5):
            notes.append((w0.text, Text(), [r.page]))
            notes[-1][1].add_row(r, skip=1)
        else:
            _, t, pgs = notes[-1]
            t.add_row(r)
            pgs.append(r.page)
    return [Footnote(n, t.text, sorted(set(p))) for n, t, p in notes if n != "*"]


def to_document(name: str, pdf: Path, spec: Spec, blocks: list[Block], notes: list[Footnote],
                npages: int, meeting: str = "") -> Document:
    preamble: list[Paragraph] = []
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    pending: list[str] = list(spec.front_headings)
    section: str | None = None  # front headings title the document, they open no section
    for b in blocks:
        if b.kind == "heading":
            pending.append(b.text.text)
            section = b.text.text
            continue
        if b.kind == "pp":
            pid, number = f"pp{len(preamble) + 1}", None
        else:
            pid, number = b.number, b.number
        para = Paragraph(id=pid, number=number, text=b.text.text, section=section,
                         footnote_refs=list(b.text.refs), pages=b.pages)
        (preamble if b.kind == "pp" else paragraphs).append(para)
        for h in pending:
            headings.append(Heading(h, pid))
        pending = []
    for h in pending:
        headings.append(Heading(h, None))
    m = re.search(r"/(\d+)/", spec.symbol)
    return Document(
        symbol=spec.symbol, language="en",
        source=Source(path=f"tests/pdfs/real/{name}.pdf", kind="pdf",
                      sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(), pages=npages),
        date=spec.date or None, distribution=spec.distribution, session=m.group(1),
        agenda_items=spec.agenda_items, title=spec.title, preamble=preamble,
        paragraphs=paragraphs, headings=headings, footnotes=notes,
        issued=spec.issued or None, formula=spec.formula or None, sponsors=spec.sponsors or None,
        meeting=meeting or None)


def crosscheck(name: str, doc: Document) -> None:
    """A second engine (pdfium) as a word-bag check: words pdfium prints that the gold lacks
    (should be masthead, furniture, marks and front matter only) and gold words pdfium does
    not print (should be none)."""
    from collections import Counter

    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(REAL / f"{name}.pdf"))
    words = Counter()
    for page in pdf:
        words.update(re.findall(r"\w+", page.get_textpage().get_text_range()))
    gold = Counter()
    for p in doc.all_paragraphs():
        gold.update(re.findall(r"\w+", p.text))
    for f in doc.footnotes:
        gold.update(re.findall(r"\w+", f.text))
    for h in doc.headings:
        gold.update(re.findall(r"\w+", h.text))
    invented = gold - words
    left = Counter({w: n for w, n in (words - gold).items() if not w.isdigit()})
    print(f"{name}: gold words not in pdfium: {dict(invented)}")
    print(f"{name}: pdfium words not in gold: {sorted(left.elements())}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--review", action="store_true", help="print the rows worth checking by eye")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--crosscheck", action="store_true", help="word bags against pdfium")
    args = ap.parse_args(argv)
    for name in args.names or sorted(SPECS):
        doc = build(name, SPECS[name], args.review)
        if args.crosscheck:
            crosscheck(name, doc)
        if not args.dry_run:
            (REAL / f"{name}.gold.json").write_text(doc.to_json(), encoding="utf-8")
        print(f"{name}: {len(doc.preamble)} pp, {len(doc.paragraphs)} op, "
              f"{len(doc.headings)} headings, {len(doc.footnotes)} footnotes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
