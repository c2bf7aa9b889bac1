"""Every version in one report (``lineage diff V1 V2 V3 ...``, lineage.history/1).

The chain is real: A/C.2/80/L.3 (the first draft), A/C.2/80/L.59 (the facilitator's draft),
A/RES/80/155 (adopted), the last twice (as Word, then as the official PDF), in four formats
of input. What each paragraph's story must say comes from the gold texts, not from the code:
a paragraph of the resolution whose text is in L.3 has been there since L.3; one whose text
is not was inserted or reworded in L.59 (the resolution adopted L.59 unchanged)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from lineage.model.document import Document
from lineage.model.schemas import json_schema
from lineage.read import read_document
from lineage.report.versions import build_history, render_history

HERE = Path(__file__).parent
DOCX = HERE / "docx"
REAL = HERE / "pdfs" / "real"
CHAIN = [DOCX / "A-C.2-80-L.3.en.pydocx.docx", DOCX / "L.3-to-L.59.tracked.docx",
         DOCX / "A-RES-80-155.en.lo.docx", REAL / "A-RES-80-155.en.pdf"]
L3, L59, RES = "A/C.2/80/L.3", "A/C.2/80/L.59", "A/RES/80/155"


def gold(name: str) -> Document:
    return Document.from_json((REAL / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def history():
    return build_history([read_document(p) for p in CHAIN])


def test_every_paragraph_of_the_last_version_with_its_story(history) -> None:
    res, l3 = gold("A-RES-80-155.en"), gold("A-C.2-80-L.3.en")
    assert [p.id for p in history.paragraphs] == [p.id for p in res.all_paragraphs()]
    l3_texts = {p.text for p in l3.all_paragraphs()}
    labels = [v.label for v in history.versions]
    assert labels[:2] == [L3, L59] and labels[2].startswith(RES) and labels[3].startswith(RES)
    # The last version is the official PDF as lineage extracts it: where the extraction
    # differs from the gold text (a space lost before a quotation mark), that is a change.
    pdf = read_document(CHAIN[3])
    for p, g in zip(history.paragraphs, res.all_paragraphs()):
        assert len(p.path) == 4
        tail = f"reworded in {labels[3]}" if pdf.paragraph(g.id).text != g.text else "unchanged since"
        if g.text in l3_texts:
            assert p.story == f"in {L3}, {tail}", p.id
        else:
            assert p.story in (f"inserted in {L59}, {tail}", f"in {L3}, reworded in {L59}, {tail}"), p.id
    # pp8 and pp10 are new in L.59: not even reworded from anything in L.3
    assert history.paragraphs[7].story == f"inserted in {L59}, unchanged since"
    assert sum("unchanged since" in p.story for p in history.paragraphs) >= 20
    assert [s.change for s in history.paragraphs[7].path] == ["absent", "inserted", "unchanged", "unchanged"]
    assert history.steps[0].changed and not history.steps[1].changed
    # L.3's op 9 is gone from L.59 (its text is in no paragraph of L.59)
    l59_texts = {p.text for p in gold("A-C.2-80-L.59.en").all_paragraphs()}
    gone = [p.id for p in l3.all_paragraphs() if p.text not in l59_texts]
    assert {r.id for r in history.removed} <= set(gone) and history.removed


def test_json_follows_the_contract(history) -> None:
    data = json.loads(render_history(history, "json"))
    errors = list(Draft202012Validator(json_schema("lineage.history/1")).iter_errors(data))
    assert not errors, errors[:3]
    assert data["schema"] == "lineage.history/1" and len(data["versions"]) == 4
    bad = dict(data, paragraphs=[dict(data["paragraphs"][0], path=[{"version": 0, "id": None, "change": "absent",
                                                                     "ops": [{"op": "insert", "text": "x"}]}] * 2)])
    assert list(Draft202012Validator(json_schema("lineage.history/1")).iter_errors(bad))


def test_text_markdown_and_html(history) -> None:
    text = render_history(history, "text")
    assert f"¶ pp8  inserted in {L59}, unchanged since" in text and "{+Recalling its resolution 79/318" in text
    md = render_history(history, "md")
    assert "<ins>Recalling its resolution 79/318" in md
    html = render_history(history, "html")
    assert 'id="hide-unchanged"' in html and "<script" not in html and html.count('class="para untouched"') > 5
    short = render_history(history, "text", changed_only=True)
    assert "¶ pp1 " not in short and "¶ pp8 " in short


def test_cli(tmp_path: Path, run_cli) -> None:
    files = [str(p) for p in CHAIN[:3]]
    code, out, err = run_cli("diff", *files, "--format", "json")
    assert code == 0 and json.loads(out)["schema"] == "lineage.history/1"
    code, out, err = run_cli("diff", *files, "--fail-on-change", "--format", "md", "-o", str(tmp_path / "h.md"))
    assert code == 1 and out == "" and (tmp_path / "h.md").read_text(encoding="utf-8").startswith("### lineage diff: 3")
    for extra in (["--format", "docx", "-o", str(tmp_path / "x.docx")], ["--paragraph", "3"]):
        code, out, err = run_cli("diff", *files, *extra)
        assert code == 2 and out == "" and err.count("\n") == 1
