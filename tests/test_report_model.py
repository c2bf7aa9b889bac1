"""The neutral report model, built from the hand-made fixture comparison."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineage.model.comparison import Comparison, DocRef, Op, Pair
from lineage.model.document import Document, Paragraph, Source
from lineage.report import ReportFilter, build_report, filter_report
from lineage.report.model import MovedFrom, PairView, SectionStart, format_ids
from support.report_fixture import IMG, SCRIPT, fixture


@pytest.fixture
def report():
    return build_report(*fixture())


def _side(segments, op):
    return "".join(s.text for s in segments if s.op in ("equal", op))


def test_fixture_ops_rebuild_both_texts():
    """The fixture is consistent: each pair's ops give back both texts (split pieces are
    joined with no separator, merged ones with a space, as the fixture says)."""
    comparison, old, new = fixture()
    sep = {"split": "", "merged": " "}
    for pair in comparison.pairs:
        if not pair.ops:
            continue
        joiner = sep.get(pair.kind, "")
        assert "".join(o.text for o in pair.ops if o.op != "insert") == \
            joiner.join(old.paragraph(i).text for i in pair.old)
        assert "".join(o.text for o in pair.ops if o.op != "delete") == \
            joiner.join(new.paragraph(i).text for i in pair.new)


def test_every_pair_once_in_order(report):
    comparison, _, _ = fixture()
    assert [(list(p.old_ids), list(p.new_ids)) for p in report.pairs] == \
        [(p.old, p.new) for p in comparison.pairs]
    assert [p.index for p in report.pairs] == list(range(len(comparison.pairs)))


def test_summary_counts(report):
    assert dict(report.summary) == {"unchanged": 4, "modified": 3, "moved": 1, "split": 1,
                                    "merged": 1, "inserted": 1, "deleted": 1}
    assert report.footnotes_changed == 2
    assert report.headings_changed == 2
    assert report.changed


def test_renumbering_map(report):
    rows = [(e.old, e.new, e.change, e.shift) for e in report.renumbering]
    assert rows == [
        ("3", "—", "deleted", None),
        ("—", "3", "inserted", None),
        ("5", "5, 6", "split", None),
        ("6, 7", "7", "merged", None),
        ("9–10", "8–9", "renumbered", -1),
        ("8", "10", "moved", None),
    ]


def test_renumbered_run_collapses_into_one_row():
    old = Document("X", "en", Source("a", "text"),
                   paragraphs=[Paragraph(str(i), f"text {i}", str(i)) for i in range(1, 8)])
    new = Document("X", "en", Source("b", "text"),
                   paragraphs=[Paragraph("1", "new first", "1")]
                   + [Paragraph(str(i + 1), f"text {i}", str(i + 1)) for i in range(1, 8)])
    pairs = [Pair([], ["1"], "inserted")] + [Pair([str(i)], [str(i + 1)], "unchanged", 1.0, [])
                                             for i in range(1, 8)]
    report = build_report(Comparison(DocRef("X", "a"), DocRef("X", "b"), pairs), old, new)
    assert [(e.old, e.new, e.change, e.count, e.shift) for e in report.renumbering] == [
        ("—", "1", "inserted", 1, None), ("1–7", "2–8", "renumbered", 7, 1)]


def test_split_parts_follow_the_new_paragraphs(report):
    split = next(p for p in report.pairs if p.kind == "split")
    assert [part.ref.id for part in split.inline_parts] == ["5", "6"]
    assert [part.ref.side for part in split.inline_parts] == ["new", "new"]
    assert _side(split.inline_parts[0].segments, "insert") == "我们重申人权在网上和网下同样适用。"
    assert split.inline_parts[1].segments == (
        Op("equal", "我们强调隐私权"), Op("insert", "和言论自由"), Op("equal", "的重要性。"))
    assert [part.ref.id for part in split.new_parts] == ["5", "6"]
    assert [part.ref.id for part in split.old_parts] == ["5"]


def test_merge_parts_follow_the_old_paragraphs(report):
    merged = next(p for p in report.pairs if p.kind == "merged")
    first, second = merged.inline_parts
    assert (first.ref.side, first.ref.id, second.ref.id) == ("old", "6", "7")
    # the joining space is not shown; each part's old side is that paragraph's text
    assert _side(first.segments, "delete") == "The Internet Governance Forum shall continue its work."
    assert _side(second.segments, "delete") == "Its mandate is extended by ten years."
    assert _side(merged.new_parts[0].segments, "insert") == merged.new[0].text


def test_parts_cut_with_the_aligners_line_break_separator():
    old = Document("X", "zh", Source("a", "text"), paragraphs=[Paragraph("1", "甲乙。丙丁。", "1")])
    new = Document("X", "zh", Source("b", "text"),
                   paragraphs=[Paragraph("1", "甲乙。", "1"), Paragraph("2", "丙丁戊。", "2")])
    pair = Pair(["1"], ["1", "2"], "split", 0.9,
                [Op("equal", "甲乙。"), Op("insert", "\n"), Op("equal", "丙丁"), Op("insert", "戊"),
                 Op("equal", "。")])
    view = build_report(Comparison(DocRef("X", "a"), DocRef("X", "b"), [pair]), old, new).pairs[0]
    assert [_side(p.segments, "insert") for p in view.new_parts] == ["甲乙。", "丙丁戊。"]
    assert [_side(p.segments, "insert") for p in view.inline_parts] == ["甲乙。", "丙丁戊。"]


def test_join_of_split_pieces_does_not_show_in_the_old_paragraph():
    """The aligner's line break between new pieces sits in an equal run when normalisation
    treats it as layout; the old paragraph must still read as one paragraph."""
    old = Document("X", "zh", Source("a", "text"), paragraphs=[Paragraph("1", "甲乙。丙丁。", "1")])
    new = Document("X", "zh", Source("b", "text"),
                   paragraphs=[Paragraph("1", "甲乙。", "1"), Paragraph("2", "丙丁戊。", "2")])
    pair = Pair(["1"], ["1", "2"], "split", 1.0, [Op("equal", "甲乙。\n丙丁"), Op("insert", "戊"), Op("equal", "。")])
    view = build_report(Comparison(DocRef("X", "a"), DocRef("X", "b"), [pair]), old, new).pairs[0]
    assert _side(view.old_parts[0].segments, "delete") == "甲乙。丙丁。"
    assert [_side(p.segments, "insert") for p in view.new_parts] == ["甲乙。", "丙丁戊。"]


def test_moved_pair_links_both_ways(report):
    moved = next(p for p in report.pairs if p.kind == "moved")
    marker = next(i for i in report.items if isinstance(i, MovedFrom))
    assert moved.moved_from == marker.anchor and marker.pair_anchor == moved.anchor
    assert moved.moved_from_after == "7"
    # the marker stands right after the pair that holds old paragraph 7 (the merge)
    items = list(report.items)
    before = items[items.index(marker) - 1]
    assert isinstance(before, PairView) and "7" in before.old_ids


def test_footnote_changes(report):
    by_new = {p.new_ids: p.footnote_changes for p in report.pairs}
    (changed,) = by_new[("8",)]
    assert changed.change == "modified"
    assert _side(changed.segments, "insert") == "第 70/125 号决议，第 63 段。"
    (added,) = by_new[("9",)]
    assert (added.change, added.new_number, added.new_text) == ("inserted", "2", f"See resolution 79/1, {SCRIPT}.")
    assert by_new[("9",)] and not by_new[("1",)]


def test_headings_become_section_items(report):
    sections = [i for i in report.items if isinstance(i, SectionStart)]
    assert [(s.title, s.kind) for s in sections] == [
        ("导言", "unchanged"), ("人权<i>与</i>网络", "unchanged"),
        ("互联网治理与数字合作", "modified"), ("后续行动", "inserted")]
    assert sections[2].segments == (Op("equal", "互联网治理"), Op("insert", "与数字合作"))


def test_anchors_are_unique_and_safe(report):
    anchors = [i.anchor for i in report.items if getattr(i, "anchor", None)]
    assert len(anchors) == len(set(anchors))
    assert all(a.replace("-", "").isalnum() and a.isascii() for a in anchors)


def test_hostile_text_is_kept_as_data(report):
    four = next(p for p in report.pairs if p.new_ids == ("4",))
    assert Op("delete", SCRIPT) in four.segments and Op("insert", IMG) in four.segments


def test_filter_changed_only(report):
    shown = filter_report(report, ReportFilter(changed_only=True))
    assert shown.selection == "changed paragraphs" and shown.summary == report.summary
    assert all(p.changed for p in shown.pairs)
    assert {p.new_ids for p in shown.pairs} >= {("8",), ("9",)}  # footnote-only changes stay
    assert ("1",) not in {p.new_ids for p in shown.pairs}
    # the renamed and the inserted heading stay even though they have no changed neighbour of their own
    assert [s.title for s in shown.items if isinstance(s, SectionStart) and s.changed] == [
        "互联网治理与数字合作", "后续行动"]


def test_filter_paragraph_matches_old_or_new_id(report):
    shown = filter_report(report, ReportFilter(paragraphs=frozenset({"9"})))
    assert [(p.old_ids, p.new_ids) for p in shown.pairs] == [(("9",), ("8",)), (("10",), ("9",))]
    only_moved = filter_report(report, ReportFilter(paragraphs=frozenset({"10"})))
    # the moved pair (new 10) keeps its marker; old 10 (now 9) is selected too
    assert any(isinstance(i, MovedFrom) for i in only_moved.items)


def test_filter_predicate_is_the_hook_for_topics(report):
    shown = filter_report(report, ReportFilter(predicate=lambda v: v.kind == "split"))
    assert [p.kind for p in shown.pairs] == ["split"]
    assert isinstance(shown.items[0], SectionStart)  # its section title comes along


def test_format_ids():
    assert format_ids(()) == "—"
    assert format_ids(["4", "5", "6", "9"]) == "4–6, 9"
    assert format_ids(["pp1", "pp2", "pp3", "1", "2"]) == "pp1–pp3, 1, 2"
    assert format_ids(["5", "5 bis", "6"]) == "5, 5 bis, 6"


@given(st.lists(st.sampled_from(["甲", "乙", "丙", "a", " ", "。"]), min_size=2, max_size=30),
       st.integers(min_value=1, max_value=29), st.sampled_from(["", "\n"]))
def test_split_cut_partitions_the_new_side(chars, cut, sep):
    """Whatever the cut point and separator, the parts of a split rebuild each new text."""
    text = "".join(chars)
    cut = min(cut, len(text) - 1)
    a, b = text[:cut], text[cut:]
    old = Document("X", "zh", Source("a", "text"), paragraphs=[Paragraph("1", a + b, "1")])
    new = Document("X", "zh", Source("b", "text"),
                   paragraphs=[Paragraph("1", a, "1"), Paragraph("2", b, "2")])
    ops = [Op("equal", a)] + ([Op("insert", sep)] if sep else []) + [Op("equal", b)]
    view = build_report(Comparison(DocRef("X", "a"), DocRef("X", "b"),
                                   [Pair(["1"], ["1", "2"], "split", 0.9, ops)]), old, new).pairs[0]
    assert [_side(p.segments, "insert") for p in view.new_parts] == [a, b]


def test_a_footnote_cited_twice_counts_once():
    from lineage.compare.documents import compare_documents
    from lineage.model.document import Footnote, FootnoteRef

    def doc(symbol: str, note: str) -> Document:
        cite = [FootnoteRef("1", 5)]
        return Document(symbol=symbol, language="en", source=Source(path=symbol, kind="text"),
                        paragraphs=[Paragraph(id="1", number="1", text="Recalls its resolution;", footnote_refs=cite),
                                    Paragraph(id="2", number="2", text="Reaffirms the resolution;", footnote_refs=cite)],
                        footnotes=[Footnote(number="1", text=note)])

    old, new = doc("A/1", "See A/70/125."), doc("A/2", "See A/RES/70/125.")
    report = build_report(compare_documents(old, new), old, new)
    # shown under both paragraphs that cite it, counted once in the summary
    assert [len(p.footnote_changes) for p in report.pairs] == [1, 1]
    assert report.footnotes_changed == 1
