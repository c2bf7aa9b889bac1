"""What a first real user reported (issue 14, the small ones): each test reproduces one report
and failed before its fix. Expected values are written by hand from the inputs."""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.compare.documents import compare_documents
from lineage.model.document import Document, Heading, Paragraph, Source
from lineage.normalize import normalize
from lineage.read.textformat import format_document
from lineage.report.build import build_report
from lineage.report.model import PairView

ROOT = Path(__file__).parent.parent


def compare(text: str) -> str:
    return normalize(text, "compare").text


def doc(paragraphs, headings=(), symbol="X", language="zh") -> Document:
    return Document(
        symbol=symbol, language=language, source=Source(f"{symbol}.txt", "text"),
        paragraphs=[Paragraph(id=str(k + 1), number=str(k + 1), text=t) for k, t in enumerate(paragraphs)],
        headings=[Heading(text, before) for text, before in headings],
    )


# --- an ASCII full stop typed in Chinese text ------------------------------------------------


def test_ascii_full_stop_between_han_folds_like_the_comma() -> None:
    assert compare("加强网络.我们") == compare("加强网络。我们")
    assert compare("加强网络. 我们") == compare("加强网络。我们")
    assert compare("保护网络.") == compare("保护网络。")
    assert compare("保护网络,我们") == compare("保护网络，我们")  # the comma already folded


def test_ascii_full_stop_stays_in_latin_text_and_numbers() -> None:
    assert compare("A/80/L.41 Rev.1 and 70/125. Then") == "A/80/L.41 Rev.1 and 70/125. Then"
    assert compare("第 1.5 段") == "第1.5段"
    assert compare("见 A/RES/70/125.") == "见A/RES/70/125."
    # an ellipsis typed with dots is the ellipsis fold's business, not a full stop
    assert compare("在...基础上") == compare("在……基础上")


def test_ascii_full_stop_is_not_a_change_in_a_diff() -> None:
    old = doc(["我们决定加强网络。我们重申承诺。"])
    new = doc(["我们决定加强网络.我们重申承诺."])
    c = compare_documents(old, new)
    assert [p.kind for p in c.pairs] == ["unchanged"] and not c.changed


# --- a section letter added to a heading -----------------------------------------------------


@pytest.mark.parametrize("old_title, new_title", [
    ("引言", "A. 引言"), ("引言", "A．引言"), ("Introduction", "A. Introduction"),
    ("导言", "一、导言"), ("B. 导言", "C. 导言"), ("Follow-up", "IV. Follow-up"),
])
def test_section_label_added_to_a_heading_is_not_a_rename(old_title, new_title) -> None:
    paras = ["我们重申承诺。", "我们认识到机遇。"]
    c = compare_documents(doc(paras, [(old_title, "1")]), doc(paras, [(new_title, "1")]))
    [h] = c.headings
    assert (h.kind, h.old, h.new) == ("unchanged", old_title, new_title)
    assert not c.changed


def test_heading_renamed_beyond_its_label_is_still_a_rename() -> None:
    paras = ["我们重申承诺。", "我们认识到机遇。"]
    c = compare_documents(doc(paras, [("A. 引言", "1")]), doc(paras, [("A. 导言", "1")]))
    assert [h.kind for h in c.headings] == ["modified"]


# --- the side-by-side view shows each side's own characters ---------------------------------


def _views(report) -> list[PairView]:
    return [i for i in report.items if isinstance(i, PairView)]


def test_old_column_prints_the_old_characters() -> None:
    old_text = "我们重申（a）项承诺,并“加强”合作。"
    new_text = "我们重申(a)项承诺，并\"大力加强\"合作。"
    old, new = doc([old_text]), doc([new_text])
    report = build_report(compare_documents(old, new), old, new)
    [view] = _views(report)
    assert view.kind == "modified"
    old_column = "".join(s.text for p in view.old_parts for s in p.segments)
    new_column = "".join(s.text for p in view.new_parts for s in p.segments)
    assert old_column == old_text
    assert new_column == new_text


# --- labels for the two sides -----------------------------------------------------------------


@pytest.fixture
def same_symbol_pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "draft.txt", tmp_path / "final.txt"
    old.write_text(format_document(doc(["我们重申承诺。"], symbol="A/80/L.41")), encoding="utf-8")
    new.write_text(format_document(doc(["我们坚定重申承诺。"], symbol="A/80/L.41")), encoding="utf-8")
    return str(old), str(new)


@pytest.mark.parametrize("fmt, head", [
    ("text", "lineage diff: zero draft → Rev.1"),
    ("md", "### lineage diff: zero draft → Rev\\.1"),  # Markdown escapes the dot
])
def test_old_and_new_labels(run_cli, same_symbol_pair, fmt, head) -> None:
    code, out, err = run_cli("diff", *same_symbol_pair, "--format", fmt,
                             "--old-label", "zero draft", "--new-label", "Rev.1")
    assert code == 0, err
    assert head in out


def test_old_and_new_labels_in_html(run_cli, same_symbol_pair) -> None:
    code, out, err = run_cli("diff", *same_symbol_pair, "--format", "html",
                             "--old-label", "zero draft", "--new-label", "Rev.1")
    assert code == 0, err
    assert "<title>Redline: zero draft → Rev.1</title>" in out
    assert "old: zero draft" in out and "new: Rev.1" in out


# --- the usage hint names the subcommand ------------------------------------------------------


def test_extra_argument_points_to_the_subcommand_help(run_cli) -> None:
    # (`lineage diff A B C` is a history of three versions since main's `docx` work: the extra
    # argument is given to `lineage history`, which takes exactly SYMBOL and PARAGRAPH.)
    code, out, err = run_cli("history", "A/RES/80/173", "5", "third.txt", "--corpus", str(ROOT / "corpora"))
    assert code == 2
    assert err.count("\n") == 1
    assert "third.txt" in err and "'lineage history --help'" in err


def test_unknown_option_points_to_the_subcommand_help(run_cli) -> None:
    code, _, err = run_cli("graph", "--colour")
    assert code == 2 and "'lineage graph --help'" in err


# --- the topic page says its languages --------------------------------------------------------


def test_topic_page_languages_and_fonts(run_cli) -> None:
    code, out, err = run_cli("topic", "igf", "--corpus", str(ROOT / "corpora"), "--format", "html")
    assert code == 0, err
    assert 'lang="und"' not in out
    assert '<html lang="en">' in out
    assert 'lang="zh"' in out  # the Chinese paragraphs say so
    body_rule = next(line for line in out.splitlines() if "font-family" in line)
    assert "Serif CJK" in body_rule or "Songti" in body_rule  # not a sans-serif stack


# --- report labels in Chinese -----------------------------------------------------------------


@pytest.fixture
def fixture_pair(tmp_path: Path) -> tuple[str, str]:
    from support.report_fixture import new_document, old_document
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(format_document(old_document()), encoding="utf-8")
    new.write_text(format_document(new_document()), encoding="utf-8")
    return str(old), str(new)


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_chinese_labels_without_scores(run_cli, fixture_pair, fmt) -> None:
    code, out, err = run_cli("diff", *fixture_pair, "--ui", "zh", "--format", fmt)
    assert code == 0, err
    # the fixture moves old paragraph 8 to 10 after old 7, modifies 2, splits 5, adds a heading
    assert "移自原第 8 段（原在原第 7 段之后）" in out
    assert "第 2 段" in out and "修改" in out and "拆分" in out and "标题新增" in out
    assert "similarity" not in out and "相似度" not in out
    for english in ("moved here", "heading added", "Summary", "(new)", "(old)"):
        assert english not in out


def test_chinese_labels_with_scores(run_cli, fixture_pair) -> None:
    import re
    _, english, _ = run_cli("diff", *fixture_pair)
    [score] = re.findall(r"^¶ 2  modified, similarity (0\.\d\d)$", english, re.M)
    code, out, _ = run_cli("diff", *fixture_pair, "--ui", "zh", "--scores")
    assert code == 0
    assert f"第 2 段  修改, 相似度 {score}" in out  # the same figure, in Chinese words


def test_english_report_keeps_scores_unless_turned_off(run_cli, fixture_pair) -> None:
    _, out, _ = run_cli("diff", *fixture_pair)
    assert "¶ 2  modified, similarity 0." in out
    _, out, _ = run_cli("diff", *fixture_pair, "--no-scores")
    assert "¶ 2  modified\n" in out and "similarity 0." not in out
