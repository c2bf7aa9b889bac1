"""A Word document (.docx, WordprocessingML written directly, no library) for the
independent fixtures: what a UN Chinese Word file carries and LibreOffice has to lay out
from Word's model: the document grid (``w:docGrid linesAndChars``, which stretches every
ideograph to the character pitch), automatic list numbering for the operative paragraphs
and the sub-items, real footnotes with the Word separator, even/odd and first-page
headers and footers with PAGE/NUMPAGES fields, autospacing between Asian and Latin text,
the masthead set with tab stops instead of a table.

Used by ``tools/make_independent_pdfs.py``."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["write_docx"]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/header3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

_PARTS = [("styles", "styles.xml"), ("settings", "settings.xml"), ("numbering", "numbering.xml"),
          ("footnotes", "footnotes.xml"), ("header", "header1.xml"), ("header", "header2.xml"),
          ("header", "header3.xml"), ("footer", "footer1.xml"), ("footer", "footer2.xml"), ("footer", "footer3.xml")]

DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
            + "".join(f'<Relationship Id="rId{i + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>\n'
                      for i, (kind, target) in enumerate(_PARTS))
            + "</Relationships>\n")


def _styles(latin: str, cjk: str, size_pt: float, note_pt: float) -> str:
    hs, ns = int(size_pt * 2), int(note_pt * 2)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults>
 <w:rPrDefault><w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{cjk}" w:cs="{latin}"/>
  <w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/><w:snapToGrid w:val="1"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
 <w:pPr><w:jc w:val="both"/><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Masthead"><w:name w:val="Masthead"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:jc w:val="left"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:snapToGrid w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SingleTxt"><w:name w:val="SingleTxt"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="H1"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="240" w:after="120"/></w:pPr>
 <w:rPr><w:b/><w:bCs/><w:rFonts w:eastAsia="Noto Sans CJK SC"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:jc w:val="left"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="284" w:hanging="284"/><w:snapToGrid w:val="0"/></w:pPr>
 <w:rPr><w:sz w:val="{ns}"/><w:szCs w:val="{ns}"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
 <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:snapToGrid w:val="0"/></w:pPr>
 <w:rPr><w:b/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:snapToGrid w:val="0"/></w:pPr>
 <w:rPr><w:sz w:val="17"/></w:rPr></w:style>
</w:styles>
"""


SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {W}>
<w:evenAndOddHeaders/>
<w:defaultTabStop w:val="567"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
"""


def _numbering(starts: list[int], hanging: bool = True, subitem_format: str = "（%1）") -> str:
    """Abstract 1: operative paragraphs ``1.`` hanging at the margin; abstract 2: sub-items
    ``（a）``. One ``w:num`` per run of paragraphs, restarting at the run's first number."""
    nums = "".join(
        f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{s}"/></w:lvlOverride></w:num>'
        for i, s in enumerate(starts))
    nums += f'<w:num w:numId="{len(starts) + 1}"><w:abstractNumId w:val="2"/></w:num>'
    IND = ('<w:tabs><w:tab w:val="num" w:pos="567"/></w:tabs><w:ind w:left="567" w:hanging="567"/>' if hanging
           else '<w:tabs><w:tab w:val="num" w:pos="1134"/></w:tabs><w:ind w:left="0" w:firstLine="567"/>')
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
  <w:pPr>{IND}</w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{subitem_format}"/><w:lvlJc w:val="left"/>
  <w:pPr><w:tabs><w:tab w:val="num" w:pos="1134"/></w:tabs><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>
</w:abstractNum>
{nums}
</w:numbering>
"""


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(instr: str, shown: str) -> str:
    return f'<w:fldSimple w:instr=" {instr} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'


def _hf(kind: str, body: str) -> str:
    tag = "hdr" if kind == "header" else "ftr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {W}>{body}</w:{tag}>\n'


def write_docx(path: Path, *, latin: str, cjk: str, size_pt: float, note_pt: float, symbol: str,
               short_title: str, job: str, job_first: str, masthead: list[str], front: list[tuple[str, str]],
               paragraphs: list[tuple[str, object]], notes: dict[str, str], closing: list[str],
               typed_text, hanging: bool = True, raised_note_numbers: bool = True,
               hyphenate: bool = False, doc_grid: bool = True, subitem_format: str = "（%1）",
               heading_align: str = "center") -> None:
    """``paragraphs``: ("pre", Par) / ("num", Par) / ("heading", (label, text)); a Par whose
    number has a letter part (``25 bis``) is typed, the others use Word's numbering; lines of
    its text after the first are auto-numbered sub-items. ``typed_text`` turns gold text into
    what a typist keys in. ``masthead``: lines, a tab between the left and right items.
    ``hanging``: paragraph numbers hang at the margin (else they stand in the first-line
    indent and the text wraps to the margin); ``raised_note_numbers``: the number before a
    footnote's text is superscript (else plain, followed by a tab); ``doc_grid``: Word's
    Chinese character grid."""
    body: list[str] = []
    for i, line in enumerate(masthead):
        left, _, right = line.partition("\t")
        ppr = '<w:pPr><w:pStyle w:val="Masthead"/><w:tabs><w:tab w:val="left" w:pos="2268"/><w:tab w:val="left" w:pos="6237"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
        if i == 0:
            ppr += '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="000000"/></w:pBdr>'
        ppr += "</w:pPr>"
        rpr = "<w:b/><w:sz w:val=\"36\"/>" if i < 2 else ""
        if right:
            parts = right.split("\t")
            runs = _run(left, "<w:b/>" if i == 0 else "") + "".join(
                "<w:r><w:tab/></w:r>" + _run(p, rpr if j == 0 and i > 0 else ("<w:b/><w:sz w:val=\"36\"/>" if i == 0 else ""))
                for j, p in enumerate(parts))
        else:
            runs = _run(left, rpr)
        body.append(f"<w:p>{ppr}{runs}</w:p>")
    for style, text in front:
        jc, b = {"center_bold": ("center", True), "center": ("center", False), "plain": ("both", False),
                 "resno": ("left", True), "indent": ("both", False)}[style]
        ind = '<w:ind w:left="1134" w:hanging="1134"/>' if style == "resno" else (
            '<w:ind w:firstLine="480"/>' if style == "indent" else "")
        runs = "".join(("<w:r><w:tab/></w:r>" if k else "") + _run(piece, "<w:b/>" if b else "")
                       for k, piece in enumerate(text.split("\t")))
        body.append(f'<w:p><w:pPr><w:jc w:val="{jc}"/>{ind}</w:pPr>{runs}</w:p>')

    note_ids: list[str] = []
    starts: list[int] = []
    num_of_run: int | None = None
    prev_number: int | None = None
    sub_num = None

    def inline(text: str, refs: list[tuple[str, int]], italic_first: bool = False) -> str:
        out, pos = [], 0
        if italic_first:
            word = text.split(" ", 1)[0]
            out.append(_run(word, "<w:i/>"))
            pos = len(word)
        for n, off in sorted(refs, key=lambda r: r[1]):
            out.append(_run(typed_text(text[pos:off])))
            note_ids.append(n)
            out.append(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{len(note_ids)}"/></w:r>')
            pos = off
        out.append(_run(typed_text(text[pos:])))
        return "".join(out)

    for kind, obj in paragraphs:
        if kind == "heading":
            label, text = obj  # type: ignore[misc]
            lab = f'{_run(label)}<w:r><w:tab/></w:r>' if label else ""
            ind = '<w:ind w:left="567" w:hanging="567"/>' if label else ""
            body.append(f'<w:p><w:pPr><w:pStyle w:val="H1"/><w:jc w:val="{heading_align}"/>{ind}</w:pPr>{lab}{_run(text)}</w:p>')
            continue
        p = obj
        first, *subs = p.text.split("\n")
        head_refs = [r for r in p.refs if r[1] <= len(first)]
        italic = bool(getattr(p, "italic_words", 0))
        if kind == "pre":
            body.append(f'<w:p><w:pPr><w:ind w:firstLine="{480 if doc_grid else 567}"/></w:pPr>{inline(first, head_refs, italic)}</w:p>')
        elif p.number and p.number.isdigit():
            n = int(p.number)
            if prev_number is None or n != prev_number + 1:
                starts.append(n)
                num_of_run = len(starts)
            prev_number = n
            body.append(f'<w:p><w:pPr><w:pStyle w:val="{"SingleTxt" if hanging else "Normal"}"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_of_run}"/></w:numPr></w:pPr>{inline(first, head_refs, italic)}</w:p>')
        else:
            body.append(f'<w:p><w:pPr><w:pStyle w:val="SingleTxt"/></w:pPr>{_run(p.number + ".")}<w:r><w:tab/></w:r>{inline(first, head_refs)}</w:p>')
        start = len(first) + 1
        for s in subs:
            m = re.match(r"(\S+)(\s*)(.*)", s)
            rest_at = start + m.start(3)
            refs = [(nn, o - rest_at) for nn, o in p.refs if rest_at <= o <= start + len(s)]
            sub_num = "SUBNUM"
            body.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{sub_num}"/></w:numPr><w:ind w:left="1134" w:hanging="567"/></w:pPr>{inline(m.group(3), refs)}</w:p>')
            start += len(s) + 1
    for line in closing:
        body.append(f'<w:p><w:pPr><w:jc w:val="right"/><w:spacing w:after="0"/></w:pPr>{_run(line)}</w:p>')

    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId14"/><w:headerReference w:type="even" r:id="rId15"/>'
            '<w:headerReference w:type="first" r:id="rId16"/><w:footerReference w:type="default" r:id="rId17"/>'
            '<w:footerReference w:type="even" r:id="rId18"/><w:footerReference w:type="first" r:id="rId19"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:titlePg/>' + ('<w:docGrid w:type="linesAndChars" w:linePitch="360" w:charSpace="4300"/>' if doc_grid else '')
            + '</w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
           + "\n".join(body).replace('w:numId w:val="SUBNUM"', f'w:numId w:val="{len(starts) + 1}"')
           + sect + "</w:body></w:document>\n")

    fn = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>',
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
          '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for i, n in enumerate(note_ids, start=1):
        fn.append(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                  + ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>' if raised_note_numbers
                     else '<w:r><w:footnoteRef/></w:r>')
                  + '<w:r><w:tab/></w:r>'
                  f'{_run(typed_text(notes[n]))}</w:p></w:footnote>')
    fn.append("</w:footnotes>\n")

    page = _field("PAGE", "1") + _run("/") + _field("NUMPAGES", "1")
    headers = {
        "header1.xml": _hf("header", f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{_run(short_title)}<w:r><w:tab/></w:r>{_run(symbol)}</w:p>'),
        "header2.xml": _hf("header", f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{_run(symbol)}<w:r><w:tab/></w:r>{_run(short_title)}</w:p>'),
        "header3.xml": _hf("header", '<w:p><w:pPr><w:pStyle w:val="Masthead"/></w:pPr></w:p>'),
        "footer1.xml": _hf("footer", f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{_run(job)}<w:r><w:tab/></w:r>{page}</w:p>'),
        "footer2.xml": _hf("footer", f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{page}<w:r><w:tab/></w:r>{_run(job)}</w:p>'),
        "footer3.xml": _hf("footer", f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{_run(job_first)}<w:r><w:tab/></w:r>{_run("*" + job.replace("-", "") + "*")}</w:p>'),
    }
    # Fixed timestamps: the zip is reproducible.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name: str, data: str) -> None:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        put("[Content_Types].xml", CONTENT_TYPES)
        put("_rels/.rels", RELS)
        put("word/_rels/document.xml.rels", DOC_RELS)
        put("word/document.xml", doc)
        put("word/styles.xml", _styles(latin, cjk, size_pt, note_pt))
        put("word/settings.xml", SETTINGS.replace("<w:evenAndOddHeaders/>", "<w:evenAndOddHeaders/><w:autoHyphenation/>")
            if hyphenate else SETTINGS)
        put("word/numbering.xml", _numbering(starts, hanging, subitem_format))
        put("word/footnotes.xml", "".join(fn))
        for name, data in headers.items():
            put(f"word/{name}", data)
