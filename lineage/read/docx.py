"""Reader for Word documents (``.docx``, Office Open XML), the form drafts circulate in.

The file is a ZIP of XML parts, read here with lxml (see docs/dependencies.md for why not
python-docx): ``word/document.xml`` (the paragraphs), ``word/numbering.xml`` (the lists that
number paragraphs, :mod:`lineage.read.docx_numbering`), ``word/styles.xml`` (what a style
numbers, makes bold or italic, or makes a heading), ``word/footnotes.xml`` and
``word/endnotes.xml``, ``word/settings.xml`` (the note number formats) and
``word/comments.xml`` (only counted: comments are not text).

Each Word paragraph becomes one source block, its number as Word displays it written in front
(``12.``, ``(a)``) and its footnote marks where they stand; from there the blocks mean what
the same blocks from a PDF mean (:func:`lineage.read.assemble.build_document`): the same text
as .docx and as PDF read to the same Document.

Tracked changes are resolved as the reader asks: ``accept`` (the text as it will stand: insertions
kept, deletions dropped, moves at their destination) or ``reject`` (the text before the
changes). A paragraph whose mark was deleted (accept) or inserted (reject) runs on into the
next one, as in Word; numbers and footnote marks are counted in the text so resolved.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lineage.errors import EmptyDocumentError, UnknownFormatError
from lineage.model.document import Document, ExtractionWarning, FootnoteRef, Source
from lineage.read.assemble import build_document
from lineage.read.docx_numbering import Numbering, W, format_number
from lineage.read.front import is_masthead_line
from lineage.read.textjoin import Block, Inline, split_number
from lineage.script.chars import is_cjk
from lineage.script.punctuation import CLAUSE_END

__all__ = ["CHANGES", "read_docx", "docx_blocks", "clean_docx_inline", "is_docx_zip"]

CHANGES = ("accept", "reject")
"""How tracked changes in a Word file are read: all accepted (the default) or all rejected."""

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = (WORD_MAIN, "application/vnd.ms-word.document.macroEnabled.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
               "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")

# A footnote mark inside a block's raw line: private-use delimiters around the note number.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARK_RE = re.compile(f"{_MARK_OPEN}([^{_MARK_CLOSE}]*){_MARK_CLOSE}")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
# Headings as the UN prints them: ``I. Introduction``, ``A. Follow-up``, ``第一章 ...``.
_UN_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.\s+\S|^第[一二三四五六七八九十]+[章节部分]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _on(el: etree._Element | None) -> bool | None:
    """A Word toggle property (``<w:b/>``, ``<w:i w:val="0"/>``): True, False, or None if absent."""
    if el is None:
        return None
    return el.get(_q("val"), "1") not in ("0", "false", "off")


def is_docx_zip(zf: zipfile.ZipFile) -> bool:
    """Does the archive's ``[Content_Types].xml`` name a WordprocessingML main document?"""
    try:
        types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    except KeyError:
        return False
    return any(t in types for t in _MAIN_TYPES)


# -- styles ---------------------------------------------------------------------------------

@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num: tuple[str, int] | None = None
    outline: int | None = None
    bold: bool | None = None
    italic: bool | None = None


def _styles(root: etree._Element | None) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    if root is None:
        return out
    for st in root.findall(_q("style")):
        s = _Style()
        name = st.find(_q("name"))
        s.name = name.get(_q("val"), "") if name is not None else ""
        based = st.find(_q("basedOn"))
        s.based_on = based.get(_q("val")) if based is not None else None
        ppr = st.find(_q("pPr"))
        if ppr is not None:
            s.num = _num_pr(ppr)
            ol = ppr.find(_q("outlineLvl"))
            if ol is not None:
                s.outline = int(ol.get(_q("val"), "9"))
        rpr = st.find(_q("rPr"))
        if rpr is not None:
            s.bold = _on(rpr.find(_q("b")))
            s.italic = _on(rpr.find(_q("i")))
        out[st.get(_q("styleId"), "")] = s
    return out


def _style_chain(styles: dict[str, _Style], sid: str | None) -> list[_Style]:
    chain: list[_Style] = []
    while sid and sid in styles and len(chain) < 20:
        chain.append(styles[sid])
        sid = styles[sid].based_on
    return chain


def _num_pr(ppr: etree._Element) -> tuple[str, int] | None:
    npr = ppr.find(_q("numPr"))
    if npr is None:
        return None
    num = npr.find(_q("numId"))
    lvl = npr.find(_q("ilvl"))
    return (num.get(_q("val"), "0") if num is not None else "0",
            int(lvl.get(_q("val"), "0")) if lvl is not None else 0)


# -- paragraphs -----------------------------------------------------------------------------

@dataclass
class _Para:
    """One paragraph as the chosen view of the changes shows it."""

    text: str = ""
    ppr: etree._Element | None = None
    bold: list[bool] = field(default_factory=list)  # per visible run with text
    italic_start: bool = False
    mark_gone: bool = False  # its paragraph mark is removed in this view: it runs on


class _Walker:
    """Reads the text of paragraphs (body and notes) under one view of the tracked changes."""

    def __init__(self, changes: str, styles: dict[str, _Style], notes: _Notes) -> None:
        self.accept = changes == "accept"
        self.styles = styles
        self.notes = notes
        self.in_field_code = False

    def _visible(self, tag: str) -> bool | None:
        """Is the content of a revision container shown in this view (None: not one)?"""
        if tag in ("ins", "moveTo"):
            return self.accept
        if tag in ("del", "moveFrom"):
            return not self.accept
        return None

    def paragraph(self, p: etree._Element) -> _Para:
        para = _Para()
        ppr = p.find(_q("pPr"))
        para.ppr = ppr
        if ppr is not None:
            if not self.accept:
                change = ppr.find(_q("pPrChange"))
                old = change.find(_q("pPr")) if change is not None else None
                if old is not None:
                    para.ppr = old  # the properties before the change (its numbering, its style)
            mark = ppr.find(_q("rPr"))
            if mark is not None:
                gone = "del" if self.accept else "ins"
                para.mark_gone = mark.find(_q(gone)) is not None or mark.find(
                    _q("moveFrom" if self.accept else "moveTo")) is not None
        pstyle = self.pstyle(para.ppr)
        self._children(p, para, pstyle)
        return para

    def pstyle(self, ppr: etree._Element | None) -> str | None:
        if ppr is None:
            return None
        ps = ppr.find(_q("pStyle"))
        return ps.get(_q("val")) if ps is not None else None

    def _children(self, el: etree._Element, para: _Para, pstyle: str | None) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if etree.QName(child).namespace != W:
                if tag in ("smartTag", "customXml"):  # other namespaces' wrappers: their content counts
                    self._children(child, para, pstyle)
                elif child.find(f".//{_q('r')}") is not None and tag not in ("AlternateContent",):
                    self._children(child, para, pstyle)
                continue
            shown = self._visible(tag)
            if shown is not None:
                if shown:
                    self._children(child, para, pstyle)
                continue
            if tag == "r":
                self._run(child, para, pstyle)
            elif tag in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "bdo", "dir"):
                self._children(child, para, pstyle)
            # pPr, bookmarks, comment ranges, proofing marks: no text

    def _run(self, r: etree._Element, para: _Para, pstyle: str | None) -> None:
        rpr = r.find(_q("rPr"))
        if rpr is not None and (_on(rpr.find(_q("vanish"))) or _on(rpr.find(_q("specVanish")))):
            return
        bold, italic = self._run_format(rpr, pstyle)
        custom_mark: str | None = None
        out = ""
        for el in r:
            if not isinstance(el.tag, str):
                continue
            tag = etree.QName(el).localname
            if tag == "fldChar":
                kind = el.get(_q("fldCharType"))
                self.in_field_code = kind == "begin"
                continue
            if self.in_field_code:
                continue  # a field's instructions (instrText), not its result
            if tag == "t" or (tag == "delText" and not self.accept):
                if custom_mark is not None:
                    # customMarkFollows: the run's text is the note's mark (``*``), not text.
                    out += f"{_MARK_OPEN}{el.text or ''}{_MARK_CLOSE}"
                    self.notes.set_custom(custom_mark, el.text or "")
                    custom_mark = None
                else:
                    out += el.text or ""
            elif tag in ("tab", "ptab"):
                out += "\t"
            elif tag in ("br", "cr"):
                out += "\n"
            elif tag == "noBreakHyphen":
                out += "-"
            elif tag == "sym":
                code = int(el.get(_q("char"), "20"), 16)
                out += chr(code - 0xF000) if code >= 0xF000 else chr(code)
            elif tag in ("footnoteReference", "endnoteReference"):
                kind = "footnote" if tag == "footnoteReference" else "endnote"
                nid = el.get(_q("id"), "")
                if _on(el.find(_q("customMarkFollows"))) or el.get(_q("customMarkFollows")) in ("1", "true"):
                    custom_mark = f"{kind}:{nid}"
                    continue
                out += f"{_MARK_OPEN}{self.notes.reference(kind, nid)}{_MARK_CLOSE}"
            # footnoteRef (the mark inside a note), softHyphen, drawings: no text
        if out:
            if not para.text.strip() and out.strip():
                para.italic_start = italic
            para.text += out
            if _MARK_RE.sub("", out).strip():
                para.bold.append(bold)

    def _run_format(self, rpr: etree._Element | None, pstyle: str | None) -> tuple[bool, bool]:
        bold = italic = None
        if rpr is not None:
            bold, italic = _on(rpr.find(_q("b"))), _on(rpr.find(_q("i")))
            rs = rpr.find(_q("rStyle"))
            for st in _style_chain(self.styles, rs.get(_q("val")) if rs is not None else None):
                bold = st.bold if bold is None else bold
                italic = st.italic if italic is None else italic
        for st in _style_chain(self.styles, pstyle or "Normal"):
            bold = st.bold if bold is None else bold
            italic = st.italic if italic is None else italic
        return bool(bold), bool(italic)


class _Notes:
    """Footnote and endnote numbers in order of reference, as Word numbers them."""

    def __init__(self, footnote_fmt: str, endnote_fmt: str) -> None:
        self.fmt = {"footnote": footnote_fmt, "endnote": endnote_fmt}
        self.count = {"footnote": 0, "endnote": 0}
        self.order: list[tuple[str, str, str]] = []  # (kind, id, number shown)

    def reference(self, kind: str, nid: str) -> str:
        self.count[kind] += 1
        number = format_number(self.count[kind], self.fmt[kind])
        self.order.append((kind, nid, number))
        return number

    def set_custom(self, key: str, mark: str) -> None:
        kind, nid = key.split(":", 1)
        self.order.append((kind, nid, mark))


def _part(zf: zipfile.ZipFile, name: str, path: str | Path) -> etree._Element | None:
    try:
        data = zf.read(name)
    except KeyError:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnknownFormatError(f"corrupt Word file: {name} is not well-formed XML ({exc.msg})", path) from exc


def _note_format(settings: etree._Element | None, kind: str, default: str) -> str:
    if settings is None:
        return default
    fmt = settings.find(f"{_q(kind + 'Pr')}/{_q('numFmt')}")
    return fmt.get(_q("val"), default) if fmt is not None else default


def _merge(paras: list[_Para]) -> list[_Para]:
    """Join each paragraph whose mark is gone in this view to the one after it."""
    out: list[_Para] = []
    carry: _Para | None = None
    for para in paras:
        if carry is not None:
            keep = carry if carry.text.strip() else para
            para = _Para(text=carry.text + para.text, ppr=keep.ppr, bold=carry.bold + para.bold,
                         italic_start=carry.italic_start if carry.text.strip() else para.italic_start,
                         mark_gone=para.mark_gone)
            carry = None
        if para.mark_gone:
            carry = para
            continue
        out.append(para)
    if carry is not None:
        out.append(carry)
    return out


def _flatten(text: str) -> str:
    """The paragraph's text as a PDF of it prints it: a line break or a tab inside is a space.
    The gap Word's autospacing shows between an ideograph and a Latin letter or digit is not
    a character (``第79/323号`` stays as typed): the comparison's normalisation treats both
    spellings alike, and a document's own text is kept as its author keyed it."""
    return re.sub(r"[ \t\n\u00a0]*[\t\n][ \t\n\u00a0]*", " ", text).strip()


def docx_blocks(zf: zipfile.ZipFile, path: str | Path, changes: str = "accept") -> tuple[list[Block], list[ExtractionWarning]]:
    """Cut the Word document in ``zf`` into source blocks (one per paragraph, numbers written
    in, then one block per footnote and endnote) under the view ``changes`` of its revisions."""
    if changes not in CHANGES:
        raise ValueError(f"changes must be one of {CHANGES}, not {changes!r}")
    document = _part(zf, "word/document.xml", path)
    if document is None:
        raise UnknownFormatError("corrupt Word file: word/document.xml is missing", path)
    body = document.find(_q("body"))
    if body is None:
        raise UnknownFormatError("corrupt Word file: the document has no body", path)
    styles = _styles(_part(zf, "word/styles.xml", path))
    numbering = Numbering(_part(zf, "word/numbering.xml", path))
    settings = _part(zf, "word/settings.xml", path)
    notes = _Notes(_note_format(settings, "footnote", "decimal"), _note_format(settings, "endnote", "lowerRoman"))
    walker = _Walker(changes, styles, notes)
    # Paragraphs in reading order, table cells included; not those of text boxes inside them
    # twice (a text box's paragraphs are under the run that anchors it).
    paras = [walker.paragraph(p) for p in body.iter(_q("p"))
             if not any(etree.QName(a).localname == "txbxContent" for a in p.iterancestors())]
    paras = _merge(paras)

    blocks: list[Block] = []
    started = False  # past the masthead and titles: the formula or a punctuated paragraph seen
    for i, para in enumerate(paras, start=1):
        text = _flatten(para.text)
        pstyle = walker.pstyle(para.ppr)
        chain = _style_chain(styles, pstyle)
        num = (_num_pr(para.ppr) if para.ppr is not None else None) or next((s.num for s in chain if s.num), None)
        label = numbering.label(*num) if num is not None else None
        if not _MARK_RE.sub("", text).strip():
            continue
        if label is not None and label[0].strip():
            sep = "" if label[1] == "nothing" else " "
            text = f"{label[0]}{sep}{text}"
        kind = _kind(text, para, chain, started, label is not None)
        plain = _MARK_RE.sub("", text).rstrip()
        # The adopting formula ("Adopts the following outcome document:") is still front
        # matter: the bold title after it is the outcome document's.
        if kind == "text" and ((plain[-1:] in CLAUSE_END and plain[-1:] not in ":：" and not is_masthead_line(plain))
                               or split_number(plain)):
            started = True
        if kind == "heading":
            started = True
        blocks.append(Block(kind, [text], i, i))

    warnings: list[ExtractionWarning] = []
    blocks += _note_blocks(zf, path, walker, notes, len(paras))
    comments = _part(zf, "word/comments.xml", path)
    n_comments = len(comments.findall(_q("comment"))) if comments is not None else 0
    if n_comments:
        warnings.append(ExtractionWarning(
            "comments-ignored", f"{n_comments} comment{'s' if n_comments != 1 else ''} in the file ignored: comments are not text"))
    return blocks, warnings


def _kind(text: str, para: _Para, chain: list[_Style], started: bool, numbered: bool) -> str:
    """``heading``, ``bold`` (a title before the paragraphs) or ``text``."""
    plain = _MARK_RE.sub("", text).strip()
    if numbered and split_number(plain):
        return "text"
    styled = next((int(m.group(1)) for s in chain if (m := _HEADING_STYLE.match(s.name))), None)
    outline = next((s.outline for s in chain if s.outline is not None), None)
    if para.ppr is not None and (ol := para.ppr.find(_q("outlineLvl"))) is not None:
        outline = int(ol.get(_q("val"), "9"))
    is_title_style = any(s.name.lower() in ("title", "subtitle") for s in chain)
    unpunctuated = bool(plain) and plain[-1] not in CLAUSE_END
    limit = 40 if any(is_cjk(ch) for ch in plain) else 120
    all_bold = bool(para.bold) and all(para.bold)
    if not started:
        if (all_bold or is_title_style or styled is not None) and unpunctuated and not is_masthead_line(plain):
            return "bold"
        return "text"
    if styled is not None or (outline is not None and outline < 9) or is_title_style:
        return "heading"
    if unpunctuated and len(plain) <= limit and not numbered and (all_bold or _UN_HEADING.match(plain)):
        return "heading"
    return "text"


def _note_blocks(zf: zipfile.ZipFile, path: str | Path, walker: _Walker, notes: _Notes, after: int) -> list[Block]:
    parts = {"footnote": _part(zf, "word/footnotes.xml", path), "endnote": _part(zf, "word/endnotes.xml", path)}
    by_id: dict[tuple[str, str], etree._Element] = {}
    for kind, root in parts.items():
        if root is None:
            continue
        for note in root.findall(_q(kind)):
            if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            by_id[(kind, note.get(_q("id"), ""))] = note
    blocks: list[Block] = []
    for k, (kind, nid, number) in enumerate(notes.order, start=1):
        note = by_id.get((kind, nid))
        if note is None:
            continue
        texts = [_flatten(_MARK_RE.sub("", walker.paragraph(p).text)) for p in note.iter(_q("p"))]
        text = " ".join(t for t in texts if t)
        if text:
            blocks.append(Block("footnote", [text], after + k, after + k, number=number))
    return blocks


def clean_docx_inline(raw: str) -> Inline:
    """A block line of the Word reader -> its text and footnote marks (the marks are removed;
    the text around them is as typed)."""
    out = ""
    refs: list[FootnoteRef] = []
    pos = 0
    for m in _MARK_RE.finditer(raw):
        out += raw[pos:m.start()]
        refs.append(FootnoteRef(m.group(1), len(out)))
        pos = m.end()
    out += raw[pos:]
    return Inline(out, refs)


def read_docx(path: str | Path, changes: str = "accept", sha256: str | None = None,
              display_path: str | Path | None = None) -> Document:
    """Read the Word document at ``path`` into a Document; tracked changes accepted or rejected."""
    p = Path(path)
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnknownFormatError(f"corrupt Word file: not a valid ZIP archive ({exc})", display_path or p) from exc
    with zf:
        try:
            blocks, warnings = docx_blocks(zf, display_path or p, changes)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise UnknownFormatError(f"corrupt Word file: {exc}", display_path or p) from exc
    source = Source(path=str(display_path or p), kind="docx", sha256=sha256)
    doc = build_document(blocks, clean_docx_inline, source)
    if not doc.preamble and not doc.paragraphs:
        raise EmptyDocumentError("no paragraph found in the Word document", display_path or p)
    doc.warnings[:0] = warnings
    return doc
