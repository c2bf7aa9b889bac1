"""``lineage normalize``: output, profiles, --explain, errors (exit 2, one line)."""
from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SEED = TESTS.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.md"
    path.write_text("## 大 会\n\n2025 年 12 月 中小微型企業\n（a） 我们认识到,考虑到\n", encoding="utf-8")
    return path


def test_display_is_default(run_cli, sample: Path) -> None:
    code, out, err = run_cli("normalize", str(sample))
    assert (code, err) == (0, "")
    assert out == "## 大会\n\n2025 年 12 月中小微型企業\n（a）我们认识到,考虑到\n"


def test_compare_profile(run_cli, sample: Path) -> None:
    code, out, err = run_cli("normalize", str(sample), "--profile", "compare")
    assert (code, err) == (0, "")
    assert out == "##大会\n\n2025年12月中小微型企业(a)我们认识到，考虑到\n"


def test_explain_lists_changes_with_line_and_column(run_cli, sample: Path) -> None:
    code, out, err = run_cli("normalize", str(sample), "--profile", "compare", "--explain")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "3:18 simplify '業' -> '业'" in lines
    assert "4:1 width '（' -> '('" in lines
    assert "4:10 cjk_punctuation ',' -> '，'" in lines
    assert "1:3 mixed_spaces ' ' -> ''" in lines
    # in the order of the original text
    places = [tuple(map(int, line.split()[0].split(":"))) for line in lines]
    assert places == sorted(places)


def test_explain_display_on_the_seed(run_cli) -> None:
    code, out, _ = run_cli("normalize", str(SEED), "--explain")
    assert code == 0
    lines = out.splitlines()
    assert "5:5 cjk_spaces ' ' -> ''" in lines  # "## 大 会" on line 5 of the seed
    assert all(line.split()[1] in {"join_lines", "cjk_spaces", "collapse_spaces"} for line in lines)


def test_seed_compare_has_the_simplified_character(run_cli) -> None:
    code, out, _ = run_cli("normalize", str(SEED), "--profile", "compare")
    assert code == 0
    assert "促进中小微型企业参与数字经济" in out and "企業" not in out


def test_missing_file(run_cli, tmp_path: Path) -> None:
    code, out, err = run_cli("normalize", str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert err == f"lineage: {tmp_path / 'nope.txt'}: no such file\n"


def test_not_utf8(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Côte d'Ivoire".encode("latin-1"))
    code, out, err = run_cli("normalize", str(path))
    assert code == 2 and out == ""
    assert err == f"lineage: {path}: not UTF-8 (invalid byte 0xf4 at offset 1)\n"


def test_directory(run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli("normalize", str(tmp_path))
    assert code == 2 and "is a directory, not a file" in err


def test_bad_profile_is_usage_error(run_cli, sample: Path) -> None:
    code, _, err = run_cli("normalize", str(sample), "--profile", "print")
    assert code == 2 and "invalid choice" in err


def test_empty_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert run_cli("normalize", str(path)) == (2, "", f"lineage: {path}: the file is empty\n")


@pytest.mark.slow
def test_pdf_is_normalised_paragraph_by_paragraph(run_cli) -> None:
    code, out, err = run_cli("normalize", str(TESTS / "pdfs" / "a-res-80-173-zh-cid.pdf"), "--profile", "compare")
    assert (code, err) == (0, "")
    paragraphs = out.split("\n\n")
    assert any(p.startswith("我们，参加2025年12月16日至17日在纽约举行") for p in paragraphs)


def test_broken_pdf_is_a_typed_error(run_cli) -> None:
    path = TESTS / "pdfs" / "err-not-a-pdf.pdf"
    code, out, err = run_cli("normalize", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"lineage: {path}: ") and err.count("\n") == 1
