"""Make the Word fixtures of tests/docx/ from real texts, two ways.

Sources (the gold of each fixture is its source, never what lineage reads back):

- English: the gold documents of tests/pdfs/real/ (A/C.2/80/L.3, A/C.2/80/L.59, A/RES/80/155),
  each checked by eye against the official PDF;
- Chinese: the corpus text of A/RES/80/173 (corpora/texts/A-RES-80-173.zh.txt).

1. python-docx (``*.pydocx.docx``): the package, styles and numbering part from python-docx's
   template; paragraphs written as WordprocessingML: operative paragraphs and their sub-items
   numbered by Word lists (``%1.``, ``(%2)``, ``(%3)``: decimal, lowerLetter, lowerRoman),
   ``5 bis`` typed by hand, a list restarted with ``startOverride`` where the source numbering
   starts again, headings in ``Heading 1``, preambular verbs in italics, the masthead as lines,
   real footnotes (``word/footnotes.xml``) referenced from the text.
2. LibreOffice (``*.lo.docx``): the same content written as flat ODF (``.fodt``: ``text:list``
   with a list style, ``text:note`` footnotes), converted by ``soffice --convert-to docx``.
3. Tracked changes (``L.3-to-L.59.tracked.docx``): the text of A/C.2/80/L.3 edited into that of
   A/C.2/80/L.59 as Word records it: words deleted (``w:del``) and inserted (``w:ins``),
   whole paragraphs deleted and inserted with their paragraph marks, footnote references
   inside revisions. Accept all gives L.59, reject all gives L.3.

Run: ``python tools/make_docx_fixtures.py`` (LibreOffice needed for the ``.lo.docx`` files).
"""
from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.model.document import Document  # noqa: E402
from lineage.read.textformat import parse_corpus_text  # noqa: E402

OUT = REPO / "tests" / "docx"
REAL = REPO / "tests" / "pdfs" / "real"
WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
AUTHOR, DATE = "Delegation", "2025-11-18T10:00:00Z"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_ORDINALS = {70: "Seventieth", 80: "Eightieth"}
_CN_ORDINALS = {70: "七十", 80: "八十"}
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_EN_ADVERBS = {"also", "further", "again", "moreover", "furthermore", "with", "that"}


@dataclass
class Unit:
    """One Word paragraph to write."""

    kind: str  # masthead, title, pp, op, sub, heading
    text: str
    refs: list[tuple[int, str]] = field(default_factory=list)  # (offset, footnote key)
    number: str | None = None  # op: the number as printed; sub: its label ("a", "ii")
    level: int = 0  # sub: 1 for (a), 2 for (i)
    bold: bool = False


def _months(iso: str, lang: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if lang == "zh":
        return f"{y}年{m}月{d}日"
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
    return f"{d} {names[m - 1]} {y}"


def _agenda(items: list[str], lang: str) -> str:
    shown = [re.sub(r"\((\w)\)", r" (\1)", a) for a in items]
    if lang == "zh":
        return "议程项目" + "和".join(shown)
    return ("Agenda item " if len(shown) == 1 else "Agenda items ") + " and ".join(shown)


def units_of(doc: Document) -> list[Unit]:
    """The masthead, title and paragraphs of a gold document as Word paragraphs."""
    lang = doc.language or "en"
    zh = lang == "zh"
    session = int(doc.session or 0)
    out = [Unit("masthead", "联合国" if zh else "United Nations"), Unit("masthead", doc.symbol or "")]
    out.append(Unit("masthead", "大会" if zh else "General Assembly"))
    out.append(Unit("masthead", f"Distr.: {doc.distribution or 'General'}"))
    is_res = "/RES/" in (doc.symbol or "")
    if doc.date and not is_res:
        out.append(Unit("masthead", _months(doc.date, lang)))
    out.append(Unit("masthead", f"第{_CN_ORDINALS.get(session, session)}届会议" if zh
                    else f"{_ORDINALS.get(session, str(session))} session"))
    if doc.agenda_items:
        out.append(Unit("masthead", _agenda(doc.agenda_items, lang)))
    if is_res and doc.date:
        out.append(Unit("masthead", f"{_months(doc.date, lang)}大会通过的决议" if zh
                        else f"Resolution adopted by the General Assembly on {_months(doc.date, lang)}"))
        number = "/".join(doc.symbol.split("/")[-2:])  # type: ignore[union-attr]
        out.append(Unit("title", f"{number}. {doc.title}", bold=True))
    else:
        out.append(Unit("title", doc.title or "", bold=True))
    out.append(Unit("masthead", "大会，" if zh else "The General Assembly,"))
    headings: dict[str | None, list[str]] = {}
    for h in doc.headings:
        headings.setdefault(h.before, []).append(h.text)
    for p in doc.all_paragraphs():
        if p.id == "pp1" and zh and p.text.startswith("我们"):
            # An outcome document: its formula and title come before the paragraphs.
            out.append(Unit("masthead", "通过以下成果文件："))
            out.append(Unit("title", doc.title or "", bold=True))
        for text in headings.get(p.id, []):
            out.append(Unit("heading", text))
        out.extend(_paragraph_units(p.text, [(r.offset, _note_key(doc, r.number)) for r in p.footnote_refs],
                                    "pp" if p.is_preambular else "op", p.number))
    for text in headings.get(None, []):
        out.append(Unit("heading", text))
    return out


def _note_key(doc: Document, number: str) -> str:
    note = doc.footnote(number)
    return note.text if note is not None else number


def _paragraph_units(text: str, refs: list[tuple[int, str]], kind: str, number: str | None) -> list[Unit]:
    """A paragraph and its sub-items (``\\n(a) ...``), each a Word paragraph."""
    out: list[Unit] = []
    start = 0
    level1 = 0
    for k, part in enumerate(text.split("\n")):
        end = start + len(part)
        prefs = [(o - start, key) for o, key in refs if start <= o <= end and (o < end or k == text.count("\n"))]
        if k == 0:
            out.append(Unit(kind, part, prefs, number))
        else:
            m = re.match(r"^[(（]([a-z]{1,3}|\d{1,2})[)）]\s*", part)
            label = m.group(1) if m else None
            body = part[m.end():] if m else part
            shift = m.end() if m else 0
            prefs = [(max(o - shift, 0), key) for o, key in prefs]
            level = 1
            if label and label in _ROMANS and not (label == _letter(level1 + 1)):
                level = 2
            elif label:
                level1 += 1
            out.append(Unit("sub", body if m else part, prefs, label, level))
        start = end + 1
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + n - 1) if 1 <= n <= 26 else "?"


# -- WordprocessingML --------------------------------------------------------------------

def _rpr(italic: bool = False, bold: bool = False, zh: bool = False, extra: str = "") -> str:
    inner = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + extra
    if zh:
        inner = '<w:rFonts w:eastAsia="SimSun"/>' + inner
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def _t(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<{tag} xml:space="preserve">{escape(text)}</{tag}>'


def _note_run(note_id: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


class Writer:
    """Numbering state and footnotes while a document's paragraphs are written."""

    def __init__(self, zh: bool, tracked: bool = False) -> None:
        self.zh = zh
        self.tracked = tracked  # one list throughout: each view of the changes counts its own
        self.notes: dict[str, int] = {}
        self.expected = 1  # the next number Word's operative list would show
        self.sub_expected = [0, 0, 0]
        self.num_id = 101
        self.extra_nums: list[tuple[int, int]] = []  # (numId, start) restarting the list
        self.rev = 0

    def note_id(self, key: str) -> int:
        if key not in self.notes:
            self.notes[key] = len(self.notes) + 1
        return self.notes[key]

    def ppr(self, u: Unit) -> tuple[str, str]:
        """The paragraph properties and any number typed by hand for unit ``u``."""
        if u.kind == "heading":
            return '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', ""
        if u.kind == "op":
            if u.number and u.number.isdigit():
                n = int(u.number)
                if n != self.expected and not self.tracked:
                    self.num_id += 1
                    self.extra_nums.append((self.num_id, n))
                self.expected = n + 1
                self.sub_expected = [0, 0, 0]
                return f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.num_id}"/></w:numPr></w:pPr>', ""
            return "<w:pPr/>", f"{u.number}.\t" if u.number else ""  # "5 bis." typed by hand
        if u.kind == "sub" and u.number:
            lvl = u.level
            want = _letter(self.sub_expected[1] + 1) if lvl == 1 else _ROMANS[min(self.sub_expected[2], 11)]
            if u.number == want:
                self.sub_expected[lvl] += 1
                if lvl == 1:
                    self.sub_expected[2] = 0
                return f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{self.num_id}"/></w:numPr></w:pPr>', ""
            o, c = ("（", "）") if self.zh else ("(", ")")
            return "<w:pPr/>", f"{o}{u.number}{c}\t"
        if u.kind == "title":
            return '<w:pPr><w:jc w:val="center"/></w:pPr>', ""
        return "<w:pPr/>", ""

    def tokens(self, u: Unit) -> list[tuple[str, str | None, bool]]:
        """(text, footnote key after it, italic) tokens of a unit."""
        italic_end = _italic_end(u) if u.kind == "pp" else 0
        cuts = sorted({0, len(u.text), italic_end, *(o for o, _ in u.refs)})
        pieces = re.findall(r"\S+|\s+", u.text) if not self.zh else list(u.text)
        out: list[tuple[str, str | None, bool]] = []
        pos = 0
        for piece in pieces:
            # Split a piece where a note mark or the end of the italics falls inside it.
            inner = [c for c in cuts if pos < c < pos + len(piece)]
            bounds = [pos, *inner, pos + len(piece)]
            for a, b in zip(bounds, bounds[1:]):
                out.append((u.text[a:b], None, a < italic_end))
                for o, key in u.refs:
                    if o == b:
                        out[-1] = (out[-1][0], key, out[-1][2])
            pos += len(piece)
        leading = [key for o, key in u.refs if o == 0]
        if leading and out:
            out.insert(0, ("", leading[0], False))
        return out

    def runs(self, toks: list[tuple[str, str | None, bool]], u: Unit, mode: str = "") -> str:
        out = ""
        for text, key, italic in toks:
            run = ""
            if text:
                run += f"<w:r>{_rpr(italic, u.bold, self.zh)}{_t(text, mode == 'del')}</w:r>"
            if key is not None:
                run += _note_run(self.note_id(key))
            out += run
        if mode and out:
            self.rev += 1
            tag = "w:del" if mode == "del" else "w:ins"
            out = f'<{tag} w:id="{self.rev}" w:author="{AUTHOR}" w:date="{DATE}">{out}</{tag}>'
        return out

    def paragraph(self, u: Unit, body: str, mark: str = "") -> str:
        ppr, typed = self.ppr(u)
        if mark:
            self.rev += 1
            tag = "w:del" if mark == "del" else "w:ins"
            mark_xml = f'<w:rPr><{tag} w:id="{self.rev}" w:author="{AUTHOR}" w:date="{DATE}"/></w:rPr>'
            ppr = ppr.replace("<w:pPr/>", "<w:pPr></w:pPr>").replace("</w:pPr>", mark_xml + "</w:pPr>")
        if typed:
            typed_run = f"<w:r>{_rpr(zh=self.zh)}{_t(typed, mark == 'del')}</w:r>"
            if mark:
                self.rev += 1
                tag = "w:del" if mark == "del" else "w:ins"
                typed_run = f'<{tag} w:id="{self.rev}" w:author="{AUTHOR}" w:date="{DATE}">{typed_run}</{tag}>'
            body = typed_run + body
        return f"<w:p {WNS}>{ppr}{body}</w:p>"


def _italic_end(u: Unit) -> int:
    """Where the italic opening verb of a preambular paragraph ends."""
    words = re.match(r"\S+", u.text)
    if not words or not u.text[:1].isupper():
        return 0
    end = words.end()
    nxt = re.match(r"\s+(\S+)", u.text[end:])
    if nxt and nxt.group(1).strip(",") in _EN_ADVERBS:
        end += nxt.end()
    return end


def _numbering_xml(zh: bool, extra: list[tuple[int, int]]) -> str:
    o, c = ("（", "）") if zh else ("(", ")")
    levels = [("decimal", "%1."), ("lowerLetter", f"{o}%2{c}"), ("lowerRoman", f"{o}%3{c}")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{1134 + 567 * i}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    nums = '<w:num w:numId="101"><w:abstractNumId w:val="90"/></w:num>'
    for num_id, start in extra:
        nums += (f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
                 f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
    return f'<w:abstractNum {WNS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>', nums


def _footnotes_xml(writer: Writer, zh: bool) -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r>{_rpr(zh=zh)}<w:t xml:space="preserve"> {escape(key)}</w:t></w:r></w:p></w:footnote>'
        for key, nid in writer.notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {WNS}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f"{notes}</w:footnotes>").encode()


def save(paragraphs: list[str], writer: Writer, path: Path) -> None:
    """Write paragraphs into a python-docx document with our list and footnotes parts."""
    d = docx.Document()
    body = d.element.body
    sect = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    for xml in paragraphs:
        sect.addprevious(parse_xml(xml))
    numbering = d.part.numbering_part.element
    abstract, nums = _numbering_xml(writer.zh, writer.extra_nums)
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(parse_xml(abstract))
    else:
        numbering.append(parse_xml(abstract))
    for num in re.findall(r"<w:num .*?</w:num>", nums.replace("<w:num ", f"<w:num {WNS} ")):
        numbering.append(parse_xml(num))
    if writer.notes:
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, _footnotes_xml(writer, writer.zh), d.part.package)
        d.part.relate_to(part, RT.FOOTNOTES)
    d.core_properties.author = AUTHOR
    d.save(str(path))


def write_plain(doc: Document, path: Path) -> None:
    zh = doc.language == "zh"
    writer = Writer(zh)
    paras = [writer.paragraph(u, writer.runs(writer.tokens(u), u)) for u in units_of(doc)]
    save(paras, writer, path)


# -- tracked changes -----------------------------------------------------------------------

def _similar(a: Unit, b: Unit) -> bool:
    if a.kind != b.kind and {a.kind, b.kind} != {"masthead", "title"}:
        return False
    wa, wb = set(a.text.split()), set(b.text.split())
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= 0.4


def _align(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Paragraphs paired in order (longest chain of similar pairs), the rest deleted/inserted."""
    n, m = len(old), len(new)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + 1 if _similar(old[i], new[j]) else 0)
    out: list[tuple[Unit | None, Unit | None]] = []
    i = j = 0
    while i < n and j < m:
        if _similar(old[i], new[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    out += [(u, None) for u in old[i:]] + [(None, u) for u in new[j:]]
    return out


def write_tracked(old: Document, new: Document, path: Path) -> None:
    writer = Writer(new.language == "zh", tracked=True)
    paras: list[str] = []
    for a, b in _align(units_of(old), units_of(new)):
        if a is None:
            paras.append(writer.paragraph(b, writer.runs(writer.tokens(b), b, "ins"), mark="ins"))
        elif b is None:
            paras.append(writer.paragraph(a, writer.runs(writer.tokens(a), a, "del"), mark="del"))
        else:
            ta, tb = writer.tokens(a), writer.tokens(b)
            sm = difflib.SequenceMatcher(None, [t[:2] for t in ta], [t[:2] for t in tb], autojunk=False)
            body = ""
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op == "equal":
                    body += writer.runs(tb[j1:j2], b)
                else:
                    body += writer.runs(ta[i1:i2], a, "del") + writer.runs(tb[j1:j2], b, "ins")
            paras.append(writer.paragraph(b, body))
    save(paras, writer, path)


# -- LibreOffice ---------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
  <style:text-properties fo:font-weight="bold"/></style:style>
 <text:list-style style:name="Ops">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-prefix="{o}" style:num-suffix="{c}" style:num-format="a"/>
  <text:list-level-style-number text:level="3" style:num-prefix="{o}" style:num-suffix="{c}" style:num-format="i"/>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="B" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>
"""


def write_fodt(doc: Document, path: Path) -> None:
    """The same paragraphs as flat ODF: lists for the numbers, text:note for the footnotes."""
    zh = doc.language == "zh"
    writer = Writer(zh)
    notes = {f.text: f for f in doc.footnotes}
    out = [FODT_HEAD.replace("{o}", "（" if zh else "(").replace("{c}", "）" if zh else ")")]
    open_list = False
    started = False
    for u in units_of(doc):
        ppr, typed = writer.ppr(u)  # the same numbering decisions as the Word writer
        inline = escape(typed.replace("\t", " "))
        for text, key, italic in writer.tokens(u):
            inline += f'<text:span text:style-name="I">{escape(text)}</text:span>' if italic else escape(text)
            if key is not None:
                nid = writer.note_id(key)
                inline += (f'<text:note text:id="ftn{nid}" text:note-class="footnote"><text:note-citation>{nid}'
                           f'</text:note-citation><text:note-body><text:p>{escape(notes[key].text if key in notes else key)}'
                           "</text:p></text:note-body></text:note>")
        numbered = "numId" in ppr
        if numbered:
            level = 0 if u.kind == "op" else u.level
            restart = re.search(r'numId w:val="(\d+)"', ppr).group(1)  # type: ignore[union-attr]
            start = dict(writer.extra_nums).get(int(restart)) if u.kind == "op" else None
            attrs = ' text:style-name="Ops"'
            if started and start is None:
                attrs += ' text:continue-numbering="true"'
            item = f'<text:list-item text:start-value="{start}">' if start else "<text:list-item>"
            nest_open = "<text:list><text:list-item>" * level
            nest_close = "</text:list-item></text:list>" * level
            out.append(f"<text:list{attrs}>{item}{nest_open}<text:p>{inline}</text:p>{nest_close}</text:list-item></text:list>\n")
            started = True
        elif u.kind == "heading":
            out.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{inline}</text:h>\n')
        elif u.bold:
            out.append(f'<text:p text:style-name="B">{inline}</text:p>\n')
        else:
            out.append(f"<text:p>{inline}</text:p>\n")
    del open_list
    out.append("</office:text></office:body></office:document>\n")
    path.write_text("".join(out), encoding="utf-8")


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for the .lo.docx fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation={Path(tmp).as_uri()}", "--headless", "--norestore",
                        "--convert-to", fmt, "--outdir", str(outdir), str(src)], check=True, capture_output=True,
                       timeout=180)
    return outdir / f"{src.stem}.{fmt.split(':')[0]}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    english = {n: Document.from_json((REAL / f"{n}.gold.json").read_text(encoding="utf-8"))
               for n in ("A-C.2-80-L.3.en", "A-C.2-80-L.59.en", "A-RES-80-155.en")}
    zh_path = REPO / "corpora" / "texts" / "A-RES-80-173.zh.txt"
    chinese = parse_corpus_text(zh_path.read_text(encoding="utf-8"), zh_path)
    # The Chinese gold is the corpus text itself, as the corpus reader reads it.
    (OUT / "A-RES-80-173.zh.gold.json").write_text(chinese.to_json(), encoding="utf-8")
    sources = {**english, "A-RES-80-173.zh": chinese}
    for name, doc in sources.items():
        write_plain(doc, OUT / f"{name}.pydocx.docx")
        print(f"{name}.pydocx.docx")
    write_tracked(english["A-C.2-80-L.3.en"], english["A-C.2-80-L.59.en"], OUT / "L.3-to-L.59.tracked.docx")
    print("L.3-to-L.59.tracked.docx")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("A-RES-80-155.en", "A-RES-80-173.zh"):
            fodt = Path(tmp) / f"{name}.lo.fodt"
            write_fodt(sources[name], fodt)
            made = soffice_convert(fodt, "docx:MS Word 2007 XML", Path(tmp))
            shutil.copyfile(made, OUT / f"{name}.lo.docx")
            print(f"{name}.lo.docx")


if __name__ == "__main__":
    main()
