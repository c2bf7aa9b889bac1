"""Word files for tests, written and read without lineage's own code.

- :func:`write_docx`: a minimal WordprocessingML package from body XML (and optional numbering,
  footnotes, comments parts), so a test states exactly the OOXML it feeds the reader;
- :func:`resolved_paragraphs`: the paragraphs of a .docx with every tracked change accepted or
  rejected, as Word's "Accept all" / "Reject all" leave them (an independent walker: the test
  oracle for the DOCX redline writer).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'

_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
{extra}
</Types>"""
_PART_TYPES = {
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
}
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def write_docx(path: Path, body: str, **parts: str) -> Path:
    """A .docx whose body is ``body`` (``<w:p>`` elements, ``w:`` prefix bound) and whose
    other parts (``numbering``, ``footnotes``, ``endnotes``, ``comments``, ``styles``) hold the
    given inner XML."""
    extra = "\n".join(f'<Override PartName="/word/{name}.xml" ContentType="{_PART_TYPES[name]}"/>' for name in parts)
    rels = "".join(
        f'<Relationship Id="rId{i + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}" '
        f'Target="{name}.xml"/>' for i, name in enumerate(parts))
    roots = {"numbering": "numbering", "footnotes": "footnotes", "endnotes": "endnotes", "comments": "comments",
             "styles": "styles"}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", _TYPES.format(extra=extra))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                    f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        for name, inner in parts.items():
            zf.writestr(f"word/{name}.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:{roots[name]} {NS}>{inner}</w:{roots[name]}>')
    return path


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(el: ET.Element, accept: bool) -> str:
    out = ""
    for child in el:
        tag = child.tag.split("}")[1] if "}" in child.tag else child.tag
        if tag in ("del", "moveFrom"):
            if not accept:
                out += _text(child, accept)
        elif tag in ("ins", "moveTo"):
            if accept:
                out += _text(child, accept)
        elif tag in ("t", "delText"):
            out += child.text or ""
        elif tag == "tab":
            out += "\t"
        elif tag == "br":
            out += "\n"
        elif tag in ("footnoteReference", "endnoteReference"):
            out += f"[^{child.get(_q('id'))}]"
        elif tag in ("pPr", "rPr", "instrText"):
            continue
        else:
            out += _text(child, accept)
    return out


def resolved_paragraphs(path: Path, accept: bool, part: str = "word/document.xml") -> list[str]:
    """The text of each paragraph of ``part`` after "Accept all" (``accept``) or "Reject all":
    content of the revisions kept or dropped, and a paragraph whose mark was deleted (accept)
    or inserted (reject) joined to the next one. Footnote references as ``[^id]``."""
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read(part))
    out: list[str] = []
    carry = ""
    for p in root.iter(_q("p")):
        text = carry + _text(p, accept)
        mark = p.find(f"{_q('pPr')}/{_q('rPr')}")
        gone = mark is not None and mark.find(_q("del" if accept else "ins")) is not None
        if gone:
            carry = text
            continue
        carry = ""
        out.append(text)
    if carry:
        out.append(carry)
    return [re.sub(r"\s+", " ", t).strip() for t in out if t.strip()]


def footnote_texts(path: Path) -> dict[str, str]:
    """Footnote id -> its text (``word/footnotes.xml``), separators left out."""
    with zipfile.ZipFile(path) as zf:
        try:
            root = ET.fromstring(zf.read("word/footnotes.xml"))
        except KeyError:
            return {}
    out = {}
    for note in root.iter(_q("footnote")):
        if note.get(_q("type")) in ("separator", "continuationSeparator"):
            continue
        out[note.get(_q("id"))] = re.sub(r"\s+", " ", _text(note, True)).strip()
    return out
