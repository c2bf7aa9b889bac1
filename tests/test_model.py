import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from lineage.model.comparison import Comparison, DocRef, Op, Pair
from lineage.model.document import (
    Document,
    ExtractionWarning,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
    SourceSpan,
)


def sample_document() -> Document:
    return Document(
        symbol="A/RES/80/173",
        language="zh",
        date="2025-12-17",
        distribution="General",
        session="80",
        agenda_items=["15"],
        title="成果文件",
        source=Source(path="x.pdf", kind="pdf", sha256="ab" * 32, pages=21),
        preamble=[Paragraph(id="pp1", text="我们，参加……", footnote_refs=[])],
        paragraphs=[
            Paragraph(
                id="1",
                number="1",
                text="我们重申对……",
                section="导言",
                footnote_refs=[FootnoteRef("2", 57)],
                pages=[2],
                spans=[SourceSpan(page=2, line_start=3, line_end=4)],
            )
        ],
        headings=[Heading(text="导言", before="1", level=1)],
        footnotes=[Footnote(number="1", text="第 79/323 号决议，附件。")],
        warnings=[ExtractionWarning(code="number-gap", message="2 missing", page=3)],
    )


def test_document_json_has_contract_shape():
    d = json.loads(sample_document().to_json())
    assert d["schema"] == "lineage.document/1"
    for key in ("symbol", "language", "date", "distribution", "session", "agenda_items", "title",
                "source", "preamble", "paragraphs", "headings", "footnotes", "warnings"):
        assert key in d
    assert d["source"] == {"path": "x.pdf", "kind": "pdf", "sha256": "ab" * 32, "pages": 21}
    para = d["paragraphs"][0]
    assert para["footnote_refs"] == [{"number": "2", "offset": 57}]
    assert para["number"] == "1" and para["section"] == "导言" and para["pages"] == [2]
    assert d["headings"][0]["before"] == "1"
    assert d["warnings"][0] == {"code": "number-gap", "message": "2 missing", "page": 3}


def test_document_json_is_utf8_not_ascii_escaped():
    assert "我们重申" in sample_document().to_json()


def test_document_round_trip():
    doc = sample_document()
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()


def test_unknown_schema_is_refused():
    d = sample_document().to_dict()
    d["schema"] = "lineage.document/9"
    try:
        Document.from_dict(d)
    except ValueError as exc:
        assert "lineage.document/9" in str(exc)
    else:
        raise AssertionError("schema not checked")


@given(st.lists(st.text(min_size=1), min_size=1, max_size=5))
def test_paragraph_texts_round_trip(texts):
    doc = sample_document()
    doc = replace(doc, paragraphs=[Paragraph(id=str(i + 1), number=str(i + 1), text=t)
                                   for i, t in enumerate(texts)])
    assert Document.from_json(doc.to_json()) == doc


def test_comparison_round_trip_and_summary():
    c = Comparison(
        old=DocRef("A/80/L.41", "a.pdf"),
        new=DocRef("A/RES/80/173", "b.pdf"),
        pairs=[
            Pair(["4"], ["4"], "modified", 0.97, [Op("equal", "我们"), Op("insert", "有意义的")]),
            Pair([], ["10 bis"], "inserted"),
            Pair(["17"], ["18"], "unchanged", 1.0, []),
        ],
    )
    d = json.loads(c.to_json())
    assert d["schema"] == "lineage.diff/1"
    assert d["summary"]["modified"] == 1 and d["summary"]["inserted"] == 1
    assert "ops" not in d["pairs"][1] and "similarity" not in d["pairs"][1]
    assert Comparison.from_json(c.to_json()) == c
    assert c.changed
