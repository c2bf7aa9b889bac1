"""Word-level diff on printed text (lineage.compare.textdiff)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.compare.textdiff import detect_language, diff_ops, diff_segments, word_boundaries
from lineage.model.comparison import Op
from lineage.normalize import normalize


def changes(ops: list[Op]) -> list[tuple[str, str]]:
    return [(o.op, o.text) for o in ops if o.op != "equal"]


def test_chinese_words_are_not_cut():
    ops = diff_ops("我们鼓励各国弥合数字鸿沟。", "我们促请各国缩小数字鸿沟。", "zh")
    # Two separate edits, each a whole word: 弥合 -> 缩小 is never shown as 弥[合] etc.
    assert changes(ops) == [("delete", "鼓励"), ("insert", "促请"),
                            ("delete", "弥合"), ("insert", "缩小")]
    assert ops[0] == Op("equal", "我们")


def test_qualifier_insertion_is_one_hunk():
    ops = diff_ops("各国政府和其他利益攸关方公平的参与", "各国政府和其他利益攸关方公平和有意义的参与", "zh")
    assert changes(ops) == [("insert", "和有意义")]


def test_clause_deletion():
    old = "我们认识到，数字技术可能助长对信息的操纵，对社会和个人有害，对享受人权产生负面影响。"
    new = "我们认识到，数字技术可能助长对信息的操纵，对享受人权产生负面影响。"
    deleted = [t for op, t in changes(diff_ops(old, new, "zh")) if op == "delete"]
    assert len(deleted) == 1 and "社会和个人有害" in deleted[0]


def test_english_hunks_are_whole_words():
    ops = diff_ops("The Assembly encourages States to act.",
                   "The Assembly urges all States to act now.", "en")
    assert changes(ops) == [("delete", "encourages"), ("insert", "urges"),
                            ("insert", "all "), ("insert", " now")]
    # No hunk starts or ends inside a word.
    for op in ops:
        if op.op != "equal":
            assert op.text.strip(" ").isalpha() or op.text.strip() == ""


def test_identical_after_normalisation_gives_no_ops():
    assert diff_ops("我们欢迎中小微型企業的参与。", "我们欢迎中小微型企业的参与。", "zh") == []
    assert diff_ops("same text", "same text", "en") == []


def test_presentation_noise_inside_an_edit_stays_equal():
    # 企業 (traditional slip) vs 企业: only the real edit (鼓励 -> 促请) shows; the equal run
    # shows the new side's characters.
    ops = diff_ops("我们鼓励中小微型企業参与。", "我们促请中小微型企业参与。", "zh")
    assert changes(ops) == [("delete", "鼓励"), ("insert", "促请")]
    assert "".join(o.text for o in ops if o.op != "delete") == "我们促请中小微型企业参与。"


def test_word_boundaries_chinese():
    bounds = word_boundaries("弥合数字鸿沟", "zh")
    assert 1 not in bounds  # inside 弥合
    assert {0, 2, 6} <= bounds


def test_detect_language():
    assert detect_language("我们重申各国主权平等原则。") == "zh"
    assert detect_language("We reaffirm the principle of sovereign equality.") == "en"


# --- invariants -------------------------------------------------------------------------

CJK_TEXT = st.text(alphabet="我们鼓励促请各国弥合缩小数字鸿沟，。、的和有意義义企業业 （）(),;:２2a", max_size=40)
EN_TEXT = st.text(alphabet="abc de fg, . ;\nXYZ１1", max_size=40)


def check_invariants(old: str, new: str, language: str) -> None:
    """The diff invariant (see lineage.compare.textdiff's docstring), stated on segments:

    1. joining ``old`` over equal + delete segments gives the old printed text exactly, and
       ``new`` over equal + insert segments the new one;
    2. joining ``norm`` over equal + delete gives the old compare-normal form, over equal +
       insert the new one: both sides of an equal run stand for the same normalised text;
    3. ``ops`` are the segments as printed (deletions in old characters, equal runs and
       insertions in new ones), so equal + insert ops give the new text exactly; ``[]``
       exactly when the texts are the same after normalisation.
    """
    na = normalize(old, "compare", language).text
    nb = normalize(new, "compare", language).text
    segments = diff_segments(old, new, language)
    assert "".join(s.old for s in segments if s.op != "insert") == old
    assert "".join(s.new for s in segments if s.op != "delete") == new
    assert "".join(s.norm for s in segments if s.op != "insert") == na
    assert "".join(s.norm for s in segments if s.op != "delete") == nb
    for s in segments:
        if s.op == "insert":
            assert not s.old
        elif s.op == "delete":
            assert not s.new
    ops = diff_ops(old, new, language)
    assert (ops == []) == (na == nb)
    if ops:
        assert "".join(o.text for o in ops if o.op != "delete") == new
        shown = [(s.op, s.old if s.op == "delete" else s.new) for s in segments]
        assert [(o.op, o.text) for o in ops] == [(op, t) for op, t in shown if t]
        assert all(o.text for o in ops)


@settings(max_examples=150, deadline=None)
@given(CJK_TEXT, CJK_TEXT)
def test_invariants_chinese(old, new):
    check_invariants(old, new, "zh")


@settings(max_examples=150, deadline=None)
@given(EN_TEXT, EN_TEXT)
def test_invariants_english(old, new):
    check_invariants(old, new, "en")


def test_deterministic():
    old = "我们重申各国主权平等原则。我们相信，各国政府公平、有意义的参与至关重要。"
    new = "我们再次确认各国主权平等原则。我们相信，各国政府公平和有意义的参与至关重要。"
    assert diff_ops(old, new, "zh") == diff_ops(old, new, "zh")
