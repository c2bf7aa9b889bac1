"""The one-line diffs that history and topic reports print."""
from lineage.comparison import Op
from lineage.report.inline import inline_diff, shown_similarity


def test_bracket_only_edit_reads_as_words():
    ops = [Op("equal", "ensure "), Op("delete", "["), Op("equal", "equitable"), Op("delete", "]"),
           Op("equal", " access")]
    assert inline_diff(ops) == "ensure [-[equitable]-]{+equitable+} access"
    assert inline_diff(ops, "html") == "ensure <del>[equitable]</del><ins>equitable</ins> access"


def test_styles_escape_document_text():
    ops = [Op("equal", "a"), Op("insert", "<b>*x*</b>")]
    assert inline_diff(ops, "html") == "a<ins>&lt;b&gt;*x*&lt;/b&gt;</ins>"
    assert inline_diff(ops, "md") == "a**\\<b\\>\\*x\\*\\</b\\>**"


def test_no_ops_is_the_unchanged_text():
    assert inline_diff([], unchanged="(same)") == "(same)"


def test_a_changed_text_never_shows_similarity_one():
    assert shown_similarity(0.9991, [Op("equal", "x"), Op("insert", ",")]) == ">0.99"
    assert shown_similarity(0.9991, [Op("equal", "x")]) == "1.00"
    assert shown_similarity(0.8749, []) == "0.87"
