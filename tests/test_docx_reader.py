"""The Word reader (lineage.read.docx, lineage.read.office).

Gold is never the reader's output: the fixtures of tests/docx/ were made by
tools/make_docx_fixtures.py from the checked gold of tests/pdfs/real/ (English) and from the
corpus text of A/RES/80/173 (Chinese); tests/pdfs/independent/docx-*.docx were written for the
PDF fixtures with their own gold. Small cases spell their OOXML out (support.ooxml).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from lineage.cli.options import CHANGES as CLI_CHANGES
from lineage.errors import UnknownFormatError
from lineage.model.document import Document
from lineage.read import read_document
from lineage.read.docx import CHANGES
from lineage.read.docx_numbering import format_number
from lineage.read.textformat import parse_corpus_text
from support.ooxml import write_docx

HERE = Path(__file__).parent
DOCX = HERE / "docx"
REAL = HERE / "pdfs" / "real"
INDEPENDENT = HERE / "pdfs" / "independent"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def gold(path: Path) -> Document:
    return Document.from_json(path.read_text(encoding="utf-8"))


def assert_same_document(got: Document, want: Document, squeeze_cjk_gaps: bool = False) -> None:
    """Metadata, paragraph ids/numbers/texts/footnote marks, headings and footnotes as in gold."""
    def text(s: str) -> str:
        # A Chinese typist may key the gap between an ideograph and a digit or not.
        return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u4e00-\u9fff])", "", s) \
            if squeeze_cjk_gaps else s

    for key in ("symbol", "date", "distribution", "session", "agenda_items", "title", "language"):
        assert getattr(got, key) == getattr(want, key), key
    assert [p.id for p in got.preamble] == [p.id for p in want.preamble]
    assert [(p.id, p.number) for p in got.paragraphs] == [(p.id, p.number) for p in want.paragraphs]
    for a, b in zip(got.all_paragraphs(), want.all_paragraphs()):
        assert text(a.text) == text(b.text), a.id
        if not squeeze_cjk_gaps:
            assert [(r.number, r.offset) for r in a.footnote_refs] == [(r.number, r.offset) for r in b.footnote_refs], a.id
        else:
            assert [r.number for r in a.footnote_refs] == [r.number for r in b.footnote_refs], a.id
        assert a.section == b.section, a.id
    assert [(h.text, h.before) for h in got.headings] == [(h.text, h.before) for h in want.headings]
    assert [(f.number, text(f.text)) for f in got.footnotes] == [(f.number, text(f.text)) for f in want.footnotes]


FIXTURES = [
    ("A-C.2-80-L.3.en.pydocx.docx", REAL / "A-C.2-80-L.3.en.gold.json"),
    ("A-C.2-80-L.59.en.pydocx.docx", REAL / "A-C.2-80-L.59.en.gold.json"),
    ("A-RES-80-155.en.pydocx.docx", REAL / "A-RES-80-155.en.gold.json"),
    ("A-RES-80-155.en.lo.docx", REAL / "A-RES-80-155.en.gold.json"),
    ("A-RES-80-173.zh.pydocx.docx", DOCX / "A-RES-80-173.zh.gold.json"),
    ("A-RES-80-173.zh.lo.docx", DOCX / "A-RES-80-173.zh.gold.json"),
]


@pytest.mark.parametrize("name,gold_path", FIXTURES, ids=[f[0] for f in FIXTURES])
def test_real_text_as_word_reads_as_its_source(name: str, gold_path: Path) -> None:
    doc = read_document(DOCX / name)
    assert doc.source.kind == "docx"
    assert_same_document(doc, gold(gold_path))
    assert not [w for w in doc.warnings if w.code.startswith(("paragraph-", "footnote-"))]


@pytest.mark.parametrize("changes,gold_name", [("accept", "A-C.2-80-L.59.en"), ("reject", "A-C.2-80-L.3.en")])
def test_tracked_changes_accepted_or_rejected(changes: str, gold_name: str) -> None:
    """L.3 edited into L.59 with Word's revisions: accepting gives L.59, rejecting gives L.3
    (paragraphs inserted and deleted whole, numbers and footnote numbers counted in each view)."""
    doc = read_document(DOCX / "L.3-to-L.59.tracked.docx", changes)
    assert_same_document(doc, gold(REAL / f"{gold_name}.gold.json"))


@pytest.mark.parametrize("name", ["docx-en", "docx-zh"])
def test_independent_word_files_read_as_their_gold(name: str) -> None:
    """Word files written for the PDF fixtures (document grid, tab-set masthead, headers):
    the docx-zh source was typed without the gaps Word's autospacing shows, its gold has them."""
    assert_same_document(read_document(INDEPENDENT / f"{name}.docx"), gold(INDEPENDENT / f"{name}.gold.json"),
                         squeeze_cjk_gaps=name.endswith("zh"))


def test_same_text_as_word_and_as_pdf_compares_equal() -> None:
    import json

    from lineage.cli.app.diff import diff_files

    result = diff_files(INDEPENDENT / "docx-en.docx", INDEPENDENT / "docx-en.pdf", fmt="json")
    assert not result.changed
    pairs = json.loads(result.text)["pairs"]
    assert len(pairs) == 9 and {p["kind"] for p in pairs} == {"unchanged"}


def test_cli_changes_option(run_cli) -> None:
    tracked = str(DOCX / "L.3-to-L.59.tracked.docx")
    code, out, _ = run_cli("show", tracked, "--changes", "reject")
    assert code == 0 and "A/C.2/80/L.3" in out and "A/C.2/80/L.59" not in out
    code, out, _ = run_cli("show", tracked)
    assert code == 0 and "A/C.2/80/L.59" in out
    code, out, _ = run_cli("diff", tracked, str(DOCX / "A-C.2-80-L.59.en.pydocx.docx"), "--fail-on-change")
    assert code == 0, out  # accepted, the tracked draft is L.59
    code, out, _ = run_cli("diff", tracked, str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"), "--changes", "reject",
                           "--fail-on-change")
    assert code == 0, out
    code, out, _ = run_cli("diff", tracked, str(DOCX / "A-C.2-80-L.3.en.pydocx.docx"), "--fail-on-change")
    assert code == 1


def test_cli_and_reader_agree_on_the_change_modes() -> None:
    assert CLI_CHANGES == CHANGES


# -- numbering ----------------------------------------------------------------------------

def _p(text: str, num: tuple[int, int] | None = None, extra_ppr: str = "", runs: str | None = None) -> str:
    numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    body = runs if runs is not None else f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p><w:pPr>{numpr}{extra_ppr}</w:pPr>{body}</w:p>"


_LEVELS = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
           '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
           '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>')
NUMBERING = (f'<w:abstractNum w:abstractNumId="0">{_LEVELS}</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>')
FRONT = _p("The General Assembly,") + _p("Recalling its resolutions,")


def test_numbers_as_word_shows_them(tmp_path: Path) -> None:
    body = (FRONT + _p("Decides one;", (1, 0)) + _p("Decides two:", (1, 0)) + _p("first;", (1, 1))
            + _p("second, including:", (1, 1)) + _p("small;", (1, 2)) + _p("smaller;", (1, 2))
            + _p("third;", (1, 1)) + _p("2 bis.\tDecides also;") + _p("Decides three;", (1, 0))
            + _p("not a number;", (3, 0)) + _p("Annex", extra_ppr="", runs='<w:r><w:rPr><w:b/></w:rPr><w:t>Annex</w:t></w:r>')
            + _p("Restarted;", (2, 0)) + _p("II. Follow-up and review") + _p("Again;", (2, 0)))
    doc = read_document(write_docx(tmp_path / "n.docx", body, numbering=NUMBERING))
    assert [p.id for p in doc.paragraphs] == ["1", "2", "2 bis", "3", "1#2", "2#2"]
    assert doc.paragraph("2").text == "Decides two:\n(a) first;\n(b) second, including:\n(i) small;\n(ii) smaller;\n(c) third;"
    assert doc.paragraph("3").text == "Decides three; not a number;"
    # a heading by its bold, and one by the UN pattern (a roman numeral, no final punctuation)
    assert [(h.text, h.before) for h in doc.headings] == [("Annex", "1#2"), ("II. Follow-up and review", "2#2")]


@pytest.mark.parametrize("n,fmt,want", [
    (1, "decimal", "1"), (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (27, "lowerLetter", "aa"),
    (3, "upperLetter", "C"), (12, "chineseCounting", "十二"), (20, "chineseCounting", "二十"), (5, "bullet", ""),
    (7, "decimalZero", "07"),
])
def test_format_number(n: int, fmt: str, want: str) -> None:
    assert format_number(n, fmt) == want


# -- tracked changes, notes, comments ------------------------------------------------------

REV = 'w:id="{}" w:author="A" w:date="2025-01-01T00:00:00Z"'


def test_revisions_inside_and_across_paragraphs(tmp_path: Path) -> None:
    r = REV.format
    body = (FRONT
            + _p("", (1, 0), runs=f'<w:r><w:t xml:space="preserve">Decides to </w:t></w:r><w:del {r(1)}><w:r><w:delText>consider</w:delText></w:r></w:del>'
                                 f'<w:ins {r(2)}><w:r><w:t>include</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> the item;</w:t></w:r>')
            # a paragraph deleted whole, its mark with it: it does not count in the numbering
            + _p("", (1, 0), extra_ppr=f"<w:rPr><w:del {r(3)}/></w:rPr>",
                 runs=f'<w:del {r(4)}><w:r><w:delText>Requests a report;</w:delText></w:r></w:del>')
            # moved here whole, with its paragraph mark
            + _p("", (1, 0), extra_ppr=f"<w:rPr><w:moveTo {r(7)}/></w:rPr>", runs=f'<w:moveTo {r(5)}><w:r><w:t>Moved here;</w:t></w:r></w:moveTo>')
            + _p("", (1, 0), runs=f'<w:r><w:t>Stays;</w:t></w:r><w:moveFrom {r(6)}><w:r><w:t xml:space="preserve"> Moved here;</w:t></w:r></w:moveFrom>'))
    path = write_docx(tmp_path / "t.docx", body, numbering=NUMBERING)
    accepted = read_document(path)
    assert [(p.id, p.text) for p in accepted.paragraphs] == [
        ("1", "Decides to include the item;"), ("2", "Moved here;"), ("3", "Stays;")]
    rejected = read_document(path, "reject")
    assert [(p.id, p.text) for p in rejected.paragraphs] == [
        ("1", "Decides to consider the item;"), ("2", "Requests a report;"), ("3", "Stays; Moved here;")]


def test_numbering_change_rejected_restores_the_old_properties(tmp_path: Path) -> None:
    r = REV.format
    body = (FRONT + _p("Decides one;", (1, 0))
            + _p("", (1, 0), extra_ppr=f'<w:pPrChange {r(1)}><w:pPr/></w:pPrChange>',
                 runs='<w:r><w:t>and also two;</w:t></w:r>'))
    path = write_docx(tmp_path / "c.docx", body, numbering=NUMBERING)
    assert [p.id for p in read_document(path).paragraphs] == ["1", "2"]
    assert [(p.id, p.text) for p in read_document(path, "reject").paragraphs] == [("1", "Decides one; and also two;")]


FOOTNOTES = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Resolution 70/1.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A/80/74.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="9"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> On behalf of the Group of 77.</w:t></w:r></w:p></w:footnote>')


def test_footnotes_numbered_in_order_of_reference(tmp_path: Path) -> None:
    """Word numbers notes by where they are referenced, not by id; a reference inside a deleted
    run is gone when the deletion is accepted, and the later notes move up."""
    r = REV.format
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'.format
    body = (_p("", runs='<w:r><w:t>Draft resolution</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="9"/><w:t>*</w:t></w:r>')
            + _p("The General Assembly,")
            + _p("", runs=f'<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Recalling</w:t></w:r><w:r><w:t xml:space="preserve"> the 2030 Agenda,</w:t></w:r>'
                          f'<w:del {r(1)}>{ref(3)}</w:del>{ref(7)}')
            + _p("", (1, 0), runs=f'<w:r><w:t>Takes note of the reports,</w:t></w:r>{ref(3)}<w:r><w:t xml:space="preserve"> and decides.</w:t></w:r>'))
    path = write_docx(tmp_path / "f.docx", body, numbering=NUMBERING, footnotes=FOOTNOTES)
    doc = read_document(path)
    assert doc.preamble[0].text == "Recalling the 2030 Agenda,"
    assert [(r.number, r.offset) for r in doc.preamble[0].footnote_refs] == [("1", 26)]
    assert [(r.number, r.offset) for r in doc.paragraphs[0].footnote_refs] == [("2", 26)]
    assert doc.paragraphs[0].text == "Takes note of the reports, and decides."
    assert [(f.number, f.text) for f in doc.footnotes] == [("*", "On behalf of the Group of 77."),
                                                            ("1", "Resolution 70/1."), ("2", "A/80/74.")]
    rejected = read_document(path, "reject")
    assert [(f.number, f.text) for f in rejected.footnotes][1:] == [("1", "A/80/74."), ("2", "Resolution 70/1."),
                                                                     ("3", "A/80/74.")]


def test_comments_hidden_text_and_field_codes_are_not_text(tmp_path: Path) -> None:
    body = (FRONT + _p("", (1, 0), runs=(
        '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Decides to meet on </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d MMMM" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5 May</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>(secret)</w:t></w:r><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>')))
    comments = '<w:comment w:id="0" w:author="B"><w:p><w:r><w:t>Check the date</w:t></w:r></w:p></w:comment>'
    doc = read_document(write_docx(tmp_path / "c.docx", body, numbering=NUMBERING, comments=comments))
    assert doc.paragraphs[0].text == "Decides to meet on 5 May."
    assert [w.code for w in doc.warnings].count("comments-ignored") == 1


# -- bad files ------------------------------------------------------------------------------

def test_corrupt_and_protected_files_get_one_clear_error(tmp_path: Path, run_cli) -> None:
    cases = {
        "truncated.docx": (DOCX / "A-C.2-80-L.3.en.pydocx.docx").read_bytes()[:3000],
        "no-body.docx": None,
        "bad-xml.docx": None,
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100,
    }
    write_docx(tmp_path / "no-body.docx", "")
    import zipfile
    with zipfile.ZipFile(tmp_path / "bad-xml.docx", "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", "<w:document><w:body>")
    for name, data in cases.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    reasons = {"truncated.docx": "ZIP", "no-body.docx": "no paragraph", "bad-xml.docx": "not well-formed",
               "locked.docx": "password"}
    for name, reason in reasons.items():
        code, out, err = run_cli("show", str(tmp_path / name))
        assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err, (name, err)
        assert err.startswith(f"lineage: {tmp_path / name}: ") and reason.lower() in err.lower(), (name, err)


def test_other_word_formats_need_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lineage.read.office as office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    rtf = tmp_path / "draft.rtf"
    rtf.write_text("{\\rtf1\\ansi 1. Decides.}", encoding="ascii")
    doc_file = tmp_path / "draft.doc"
    doc_file.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "WordDocument".encode("utf-16-le"))
    for path in (rtf, doc_file):
        with pytest.raises(UnknownFormatError, match="LibreOffice.*apt-get install libreoffice-writer"):
            read_document(path)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_odt_and_rtf_are_converted_with_libreoffice(tmp_path: Path) -> None:
    src = DOCX / "A-RES-80-155.en.pydocx.docx"
    want = gold(REAL / "A-RES-80-155.en.gold.json")
    with tempfile.TemporaryDirectory() as profile:
        for fmt in ("odt", "rtf"):
            subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                            "--convert-to", fmt, "--outdir", str(tmp_path), str(src)],
                           check=True, capture_output=True, timeout=180)
    for fmt in ("odt", "rtf"):
        doc = read_document(tmp_path / f"{src.stem}.{fmt}")
        assert doc.source.kind == fmt
        assert doc.source.path == str(tmp_path / f"{src.stem}.{fmt}")
        assert [p.text for p in doc.all_paragraphs()] == [p.text for p in want.all_paragraphs()]
        assert [f.text for f in doc.footnotes] == [f.text for f in want.footnotes]


def test_add_a_word_draft_to_a_corpus(tmp_path: Path, run_cli) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    code, out, err = run_cli("add", str(DOCX / "L.3-to-L.59.tracked.docx"), "--changes", "reject",
                             "--corpus", str(corpus))
    assert code == 0 and err == "" and "A/C.2/80/L.3" in out
    text = corpus / "texts" / "A-C.2-80-L.3.en.txt"
    doc = parse_corpus_text(text.read_text(encoding="utf-8"), text)
    want = gold(REAL / "A-C.2-80-L.3.en.gold.json")
    assert [(p.id, p.text) for p in doc.all_paragraphs()] == [(p.id, p.text) for p in want.all_paragraphs()]
