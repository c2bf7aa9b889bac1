"""The Word redline: the report as a .docx whose differences are Word revisions.

What a negotiator opens in Word: the new version with the old one's text as tracked changes,
so that Review > Accept all gives the new text and Reject all the old one.

- words deleted and inserted are ``w:del`` / ``w:ins`` runs (author ``lineage``, the date of
  the run); a paragraph inserted or deleted whole has its paragraph mark inserted or deleted
  too; a split is one old paragraph whose new paragraph marks are insertions, a merge old
  paragraphs whose marks are deletions;
- a moved paragraph is a move: ``w:moveFrom`` where it stood (the old text), ``w:moveTo``
  where it went (the new text), linked by a named move range;
- paragraph numbers are typed in front of the text (``12.``), changed as revisions when the
  paragraph was renumbered; section headings in Word's ``Heading 1`` style;
- footnotes are real footnotes: a reference both versions make to the same note is plain, a
  reference only one makes is deleted or inserted with the note it points to;
- every run carries an East Asian font (``w:rFonts w:eastAsia``) so Chinese text is set in
  a Chinese face; the page header names both versions, the footer numbers the pages.

Equal runs show the new version's characters (as every rendering of the report does), so
Reject all gives the old text up to presentation-only differences (full-width digits,
spacing) that the comparison does not count as changes. The parts are written with lxml's
element factory, one function per part; nothing is written to disk here.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import etree

from lineage.model.comparison import Op
from lineage.model.document import Document, Paragraph
from lineage.report.model import MovedFrom, PairView, Report, SectionStart
from lineage.script.chars import has_cjk

__all__ = ["AUTHOR", "render_docx"]

AUTHOR = "lineage"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LATIN_FONT = "Times New Roman"
EAST_ASIAN_FONT = "SimSun"


def _w(tag: str, *children: etree._Element | None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{W}}}{tag}", nsmap={"w": W, "r": R})
    for k, v in attrs.items():
        el.set(f"{{{W}}}{k}" if ":" not in k else k, v)
    for c in children:
        if c is not None:
            el.append(c)
    return el


@dataclass
class _Note:
    id: int
    text: str


class _Writer:
    def __init__(self, old: Document, new: Document, date: str) -> None:
        self.old, self.new = old, new
        self.date = date
        self.rev = 0
        self.moves = 0
        self.ranges = 0
        self.move_names: dict[str, str] = {}
        self.notes: list[_Note] = []
        self.lang = new.language or old.language

    # -- runs --------------------------------------------------------------------------
    def _rpr(self, text: str, deleted: bool = False) -> etree._Element:
        rpr = _w("rPr", _w("rFonts", ascii=LATIN_FONT, hAnsi=LATIN_FONT, eastAsia=EAST_ASIAN_FONT,
                           **({"hint": "eastAsia"} if has_cjk(text) else {})))
        if self.lang == "zh" or has_cjk(text):
            rpr.append(_w("lang", eastAsia="zh-CN"))
        return rpr

    def run(self, text: str, deleted: bool = False) -> list[etree._Element]:
        """Runs for ``text``; a line break inside (a sub-item) is ``w:br``."""
        out = []
        for k, piece in enumerate(text.split("\n")):
            r = _w("r", self._rpr(piece, deleted))
            if k:
                r.append(_w("br"))
            if piece:
                t = _w("delText" if deleted else "t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")
                r.append(t)
            out.append(r)
        return out

    def note_run(self, text: str) -> etree._Element:
        self.notes.append(_Note(len(self.notes) + 1, text))
        rpr = _w("rPr", _w("rStyle", val="FootnoteReference"))
        return _w("r", rpr, _w("footnoteReference", id=str(self.notes[-1].id)))

    def revision(self, kind: str, *runs: etree._Element) -> etree._Element:
        self.rev += 1
        return _w(kind, *runs, id=str(self.rev), author=AUTHOR, date=self.date)

    def mark(self, kind: str) -> etree._Element:
        """A paragraph mark's revision (``ins``, ``del``, ``moveFrom``, ``moveTo``)."""
        self.rev += 1
        return _w(kind, id=str(self.rev), author=AUTHOR, date=self.date)

    # -- paragraphs --------------------------------------------------------------------
    def paragraph(self, content: list[etree._Element], style: str | None = None,
                  mark: str | None = None) -> etree._Element:
        ppr = _w("pPr")
        if style:
            ppr.append(_w("pStyle", val=style))
        if mark:
            ppr.append(_w("rPr", self.mark(mark)))
        return _w("p", ppr, *content)

    def segments(self, segs: tuple[Op, ...], old: Paragraph | None, new: Paragraph | None,
                 old_at: int = 0, new_at: int = 0) -> list[etree._Element]:
        """Runs for ``segs`` with the footnote references of both sides placed at their
        offsets (``old_at``/``new_at``: where these segments start in each side's text)."""
        old_refs = _refs(old, self.old, old_at)
        new_refs = _refs(new, self.new, new_at)
        out: list[etree._Element] = []
        o, n = 0, 0

        def refs_at(pos_old: int | None, pos_new: int | None) -> None:
            olds = old_refs.pop(pos_old, []) if pos_old is not None else []
            news = new_refs.pop(pos_new, []) if pos_new is not None else []
            for text in news:
                if text in olds:
                    olds.remove(text)
                    out.append(self.note_run(text))
                else:
                    out.append(self.revision("ins", self.note_run(text)))
            for text in olds:
                out.append(self.revision("del", self.note_run(text)))

        for seg in segs:
            if seg.op == "equal":
                cuts = sorted({c - o for c in old_refs if o < c < o + len(seg.text)}
                              | {c - n for c in new_refs if n < c < n + len(seg.text)})
                start = 0
                refs_at(o, n)
                for cut in [*cuts, len(seg.text)]:
                    out.extend(self.run(seg.text[start:cut]))
                    refs_at(o + cut, n + cut)
                    start = cut
                o += len(seg.text)
                n += len(seg.text)
            elif seg.op == "delete":
                cuts = sorted(c - o for c in old_refs if o < c < o + len(seg.text))
                start = 0
                refs_at(o, None)
                for cut in [*cuts, len(seg.text)]:
                    out.append(self.revision("del", *self.run(seg.text[start:cut], deleted=True)))
                    refs_at(o + cut, None)
                    start = cut
                o += len(seg.text)
            else:
                cuts = sorted(c - n for c in new_refs if n < c < n + len(seg.text))
                start = 0
                refs_at(None, n)
                for cut in [*cuts, len(seg.text)]:
                    out.append(self.revision("ins", *self.run(seg.text[start:cut])))
                    refs_at(None, n + cut)
                    start = cut
                n += len(seg.text)
        for pos in sorted(old_refs):  # marks past the end (should not happen): keep them
            refs_at(pos, None)
        for pos in sorted(new_refs):
            refs_at(None, pos)
        return out

    def number(self, old_id: str | None, new_id: str | None) -> list[etree._Element]:
        old_label = _label(old_id)
        new_label = _label(new_id)
        if old_label == new_label:
            return self.run(old_label) if old_label else []
        out: list[etree._Element] = []
        if old_label:
            out.append(self.revision("del", *self.run(old_label, deleted=True)))
        if new_label:
            out.append(self.revision("ins", *self.run(new_label)))
        return out


def _label(pid: str | None) -> str:
    """The printed number of an operative paragraph id (``12``, ``5 bis``; ``#2`` suffixes of
    repeated numbers dropped), with its period and a space; preambular paragraphs have none."""
    if pid is None or pid.startswith("pp"):
        return ""
    return f"{pid.split('#')[0]}. "


def _refs(p: Paragraph | None, doc: Document, at: int) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if p is None:
        return out
    for r in p.footnote_refs:
        note = doc.footnote(r.number)
        out.setdefault(r.offset - at, []).append(note.text if note else r.number)
    return out


def _side_len(segs: tuple[Op, ...], side: str) -> int:
    skip = "insert" if side == "old" else "delete"
    return sum(len(s.text) for s in segs if s.op != skip)


def _pair(w: _Writer, view: PairView) -> list[etree._Element]:
    old_ps = [w.old.paragraph(r.id) for r in view.old]
    new_ps = [w.new.paragraph(r.id) for r in view.new]
    parts = view.inline_parts
    out: list[etree._Element] = []
    many_new = len(new_ps) > 1
    many_old = len(old_ps) > 1
    old_at = new_at = 0
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        old_p = old_ps[k] if many_old else (old_ps[0] if old_ps else None)
        new_p = new_ps[k] if many_new else (new_ps[0] if new_ps else None)
        old_id: str | None
        new_id: str | None
        if many_new:
            old_id = old_ps[0].id if (k == 0 and old_ps) else None
            new_id = part.ref.id
        elif many_old:
            old_id = part.ref.id
            new_id = new_ps[0].id if (k == 0 and new_ps) else None
        else:
            old_id = old_ps[0].id if old_ps else None
            new_id = new_ps[0].id if new_ps else None
        runs = w.number(old_id, new_id)
        runs += w.segments(part.segments, old_p, new_p, old_at if not many_old else 0,
                           new_at if not many_new else 0)
        if not many_old:
            old_at += _side_len(part.segments, "old")
        if not many_new:
            new_at += _side_len(part.segments, "new")
        mark = None
        if view.kind == "inserted":
            mark = "ins"
        elif view.kind == "deleted":
            mark = "del"
        elif not last and many_new:
            mark = "ins"  # a split: the new paragraph breaks are insertions
        elif not last and many_old:
            mark = "del"  # a merge: the old paragraph breaks are deletions
        out.append(w.paragraph(runs, mark=mark))
    return out


def _moved_runs(w: _Writer, paras: list[Paragraph], kind: str, name: str) -> list[etree._Element]:
    """The content of a moved paragraph: its number and text (with footnote references) in one
    ``w:moveFrom``/``w:moveTo`` inside its named range."""
    deleted = kind == "moveFrom"
    doc = w.old if deleted else w.new
    w.ranges += 1
    rng = 1000 + w.ranges
    runs: list[etree._Element] = []
    for k, p in enumerate(paras):
        if k:
            runs += w.run("\n")
        runs += w.run(_label(p.id), deleted) if _label(p.id) else []
        pos = 0
        for r in sorted(p.footnote_refs, key=lambda r: r.offset):
            runs += w.run(p.text[pos:r.offset], deleted)
            note = doc.footnote(r.number)
            runs.append(w.note_run(note.text if note else r.number))
            pos = r.offset
        runs += w.run(p.text[pos:], deleted)
    return [_w(f"{kind}RangeStart", id=str(rng), name=name, author=AUTHOR, date=w.date),
            w.revision(kind, *[r for r in runs if len(r)]),
            _w(f"{kind}RangeEnd", id=str(rng))]


def _move_name(w: _Writer, pair_anchor: str) -> str:
    """The name linking a move's two ranges, made by whichever end comes first."""
    if pair_anchor not in w.move_names:
        w.moves += 1
        w.move_names[pair_anchor] = f"move{w.moves}"
    return w.move_names[pair_anchor]


def _moved_from(w: _Writer, item: MovedFrom) -> etree._Element:
    paras = [w.old.paragraph(r.id) for r in item.old]
    name = _move_name(w, item.pair_anchor)
    return w.paragraph(_moved_runs(w, paras, "moveFrom", name), mark="moveFrom")


def _section(w: _Writer, item: SectionStart) -> etree._Element:
    mark = {"inserted": "ins", "deleted": "del"}.get(item.kind)
    return w.paragraph(w.segments(item.segments, None, None), style="Heading1", mark=mark)


def _line(w: _Writer, old: str | None, new: str | None, style: str) -> etree._Element | None:
    if not old and not new:
        return None
    if old == new:
        return w.paragraph(w.run(new or ""), style=style)
    segs: list[Op] = []
    if old:
        segs.append(Op("delete", old))
    if new:
        segs.append(Op("insert", new))
    mark = "ins" if not old else ("del" if not new else None)
    return w.paragraph(w.segments(tuple(segs), None, None), style=style, mark=mark)


def _document(w: _Writer, report: Report) -> etree._Element:
    body = _w("body")
    for el in (_line(w, report.old.symbol, report.new.symbol, "Symbol"),
               _line(w, report.old.title, report.new.title, "Title")):
        if el is not None:
            body.append(el)
    for item in report.items:
        if isinstance(item, SectionStart):
            body.append(_section(w, item))
        elif isinstance(item, MovedFrom):
            body.append(_moved_from(w, item))
        else:
            if item.kind == "moved" and item.moved_from:
                name = _move_name(w, item.anchor)
                body.append(w.paragraph(_moved_runs(w, [w.new.paragraph(r.id) for r in item.new], "moveTo", name),
                                        mark="moveTo"))
                continue
            for p in _pair(w, item):
                body.append(p)
    body.append(_w("sectPr",
                   _w("headerReference", **{f"{{{R}}}id": "rIdHeader", "type": "default"}),
                   _w("footerReference", **{f"{{{R}}}id": "rIdFooter", "type": "default"}),
                   _w("footnotePr", _w("numFmt", val="decimal")),
                   _w("pgSz", w="11906", h="16838"),
                   _w("pgMar", top="1440", right="1304", bottom="1440", left="1304", header="708",
                      footer="708", gutter="0")))
    return _w("document", body)


def _footnotes(w: _Writer) -> etree._Element:
    root = _w("footnotes")
    root.append(_w("footnote", _w("p", _w("r", _w("separator"))), type="separator", id="-1"))
    root.append(_w("footnote", _w("p", _w("r", _w("continuationSeparator"))), type="continuationSeparator", id="0"))
    for note in w.notes:
        ref = _w("r", _w("rPr", _w("rStyle", val="FootnoteReference")), _w("footnoteRef"))
        root.append(_w("footnote", _w("p", _w("pPr", _w("pStyle", val="FootnoteText")), ref, *w.run(" " + note.text)),
                       id=str(note.id)))
    return root


def _header_footer(w: _Writer, report: Report) -> tuple[etree._Element, etree._Element]:
    header = _w("hdr", w.paragraph(w.run(f"lineage redline: {report.old.label} → {report.new.label}"),
                                   style="Header"))
    instr = _w("instrText")
    instr.text = " PAGE "
    instr.set(_XML_SPACE, "preserve")
    footer = _w("ftr", _w("p", _w("pPr", _w("jc", val="center")),
                          _w("r", _w("fldChar", fldCharType="begin")), _w("r", instr),
                          _w("r", _w("fldChar", fldCharType="separate")), *w.run("1"),
                          _w("r", _w("fldChar", fldCharType="end"))))
    return header, footer


_STYLES = f"""<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{EAST_ASIAN_FONT}" w:cs="{LATIN_FONT}"/>
<w:sz w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
<w:pPr><w:jc w:val="left"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Symbol"><w:name w:val="Symbol"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""
_SETTINGS = f"""<w:settings xmlns:w="{W}"><w:trackRevisions/><w:defaultTabStop w:val="567"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat/></w:settings>"""
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_PKG_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""


def _core(report: Report, date: str) -> str:
    from xml.sax.saxutils import escape

    title = escape(f"lineage redline: {report.old.label} → {report.new.label}")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{title}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created></cp:coreProperties>')


def _xml(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def render_docx(report: Report, old: Document, new: Document, *, date: datetime | None = None) -> bytes:
    """The report as the bytes of a .docx with tracked changes (see the module docstring).
    ``old``/``new`` are the documents the report compares (for their footnotes)."""
    when = (date or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    w = _Writer(old, new, stamp)
    document = _document(w, report)
    header, footer = _header_footer(w, report)
    buf = io.BytesIO()
    # Fixed timestamps inside the ZIP: the same report and date give the same bytes.
    stamp_zip = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, data: bytes | str) -> None:
            zf.writestr(zipfile.ZipInfo(name, stamp_zip), data, zipfile.ZIP_DEFLATED)

        put("[Content_Types].xml", _CONTENT_TYPES)
        put("_rels/.rels", _PKG_RELS)
        put("docProps/core.xml", _core(report, stamp))
        put("word/_rels/document.xml.rels", _DOC_RELS)
        put("word/document.xml", _xml(document))
        put("word/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _STYLES)
        put("word/settings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _SETTINGS)
        put("word/footnotes.xml", _xml(_footnotes(w)))
        put("word/header1.xml", _xml(header))
        put("word/footer1.xml", _xml(footer))
    return buf.getvalue()

