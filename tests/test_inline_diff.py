"""The one-line diffs that history and topic reports print."""
from lineage.model.comparison import Op
from lineage.report.inline import inline_diff, shown_similarity


def test_bracket_only_edit_reads_as_words():
    ops = [Op("equal", "ensure "), Op("delete", "["), Op("equal", "equitable"), Op("delete", "]"),
           Op("equal", " access")]
    assert inline_diff(ops) == "ensure [-[equitable]-]{+equitable+} access"
    assert inline_diff(ops, "html") == "ensure <del>[equitable]</del><ins>equitable</ins> access"


def test_styles_escape_document_text():
    ops = [Op("equal", "a"), Op("insert", "<b>*x*</b>")]
    assert inline_diff(ops, "html") == "a<ins>&lt;b&gt;*x*&lt;/b&gt;</ins>"
    assert inline_diff(ops, "md") == "a<ins>&lt;b&gt;\\*x\\*&lt;/b&gt;</ins>"


def test_md_marks_hold_next_to_spaces_and_punctuation():
    # ``**、有意义**`` after a Han character, or ``** twenty**`` with its space inside, is not
    # emphasis in CommonMark: the change would read as literal asterisks (checked by hand
    # against the CommonMark flanking rules).
    zh = [Op("equal", "公平"), Op("insert", "、有意义"), Op("equal", "的参与")]
    assert inline_diff(zh, "md") == "公平<ins>、有意义</ins>的参与"
    en = [Op("equal", "for"), Op("delete", " ten"), Op("insert", " twenty"), Op("equal", " years")]
    assert inline_diff(en, "md") == "for<del> ten</del><ins> twenty</ins> years"
    # a deleted space is still shown as deleted, not as plain text
    assert inline_diff([Op("equal", "a"), Op("delete", " "), Op("equal", "b")], "md") == "a<del> </del>b"


def test_md_escapes_entities_and_line_starts():
    ops = [Op("equal", "# 1. &copy; [x](http://e.org)\n- y")]
    assert inline_diff(ops, "md") == "\\# 1\\. &amp;copy; \\[x\\]\\(http\\://e\\.org\\) \\- y"


def test_no_ops_is_the_unchanged_text():
    assert inline_diff([], unchanged="(same)") == "(same)"


def test_a_changed_text_never_shows_similarity_one():
    assert shown_similarity(0.9991, [Op("equal", "x"), Op("insert", ",")]) == ">0.99"
    assert shown_similarity(0.9991, [Op("equal", "x")]) == "1.00"
    assert shown_similarity(0.8749, []) == "0.87"
