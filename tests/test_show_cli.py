"""``lineage show``: the three formats on the seed, and one clean line for every bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lineage.model.document import DOCUMENT_SCHEMA, Document
from lineage.report.document import document_to_markdown, document_to_text

SEED = Path(__file__).parent.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


def test_show_json_follows_the_contract(run_cli) -> None:
    code, out, err = run_cli("show", str(SEED), "--format", "json")
    assert code == 0 and err == ""
    d = json.loads(out)
    assert d["schema"] == DOCUMENT_SCHEMA
    assert (d["symbol"], d["date"], d["session"], d["agenda_items"], d["distribution"], d["language"]) == (
        "A/RES/80/173", "2025-12-17", "80", ["15"], "General", "zh")
    assert d["title"] == "关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件"
    assert d["source"]["kind"] == "markdown"
    assert len(d["preamble"]) == 8 and d["preamble"][0]["text"].startswith("我们，参加")
    assert [p["id"] for p in d["paragraphs"]] == [str(i) for i in range(1, 128)]
    assert len(d["footnotes"]) == 12
    assert d["headings"][0] == {"text": "导言", "before": "1"}
    assert d["paragraphs"][0]["footnote_refs"] == [{"number": "2", "offset": 90}]
    assert "中小微型企業" in out  # UTF-8, not escaped
    assert Document.from_json(out).to_json() == out  # deterministic and lossless
    code2, out2, _ = run_cli("show", str(SEED), "--format", "json")
    assert out2 == out


def test_show_text_is_the_default(run_cli) -> None:
    code, out, err = run_cli("show", str(SEED))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["Symbol:", "A/RES/80/173"]
    assert "关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件" in lines
    assert "导言" in lines
    assert any(line.startswith("1. 我们重申对信息社会世界首脑会议") and "《世界人权宣言》，[2]在此社会中" in line
               for line in lines)
    assert any(line.startswith("127. ") for line in lines)
    assert "[12] 联合国，《条约汇编》，第 1577 卷，第 27531 号。" in lines


def test_show_markdown(run_cli) -> None:
    code, out, err = run_cli("show", str(SEED), "--format", "md")
    assert code == 0 and err == ""
    assert out.startswith("# 关于信息社会世界首脑会议成果文件")
    assert "## 导言" in out
    assert "**5.** 我们认识到" in out
    assert "[^2]: 第 217 A (III)号决议。" in out
    assert "《世界人权宣言》，[^2]在此社会中" in out


def test_renderers_handle_sub_items_and_markdown_characters() -> None:
    doc = Document.from_dict({
        "symbol": None, "language": "en", "source": {"path": "x.txt", "kind": "text"},
        "paragraphs": [{"id": "1", "number": "1", "text": "Decides *to*:\n(a) act [now];\n(b) report.",
                        "footnote_refs": [{"number": "1", "offset": 12}]}],
        "footnotes": [{"number": "1", "text": "See A/RES/1_2."}],
    })
    text = document_to_text(doc)
    assert "1. Decides *to*[1]:\n    (a) act [now];\n    (b) report." in text
    md = document_to_markdown(doc)
    assert "**1.** Decides \\*to\\*[^1]:  \n(a) act \\[now\\];  \n(b) report." in md
    assert "[^1]: See A/RES/1\\_2." in md


def test_footnote_marks_at_one_offset_keep_their_order() -> None:
    # Two marks after one word ("…决议。2 3"): they were put back reversed, [3][2].
    doc = Document.from_dict({
        "symbol": None, "language": "zh", "source": {"path": "x.txt", "kind": "text"},
        "paragraphs": [{"id": "1", "number": "1", "text": "重申决议。后文",
                        "footnote_refs": [{"number": "2", "offset": 5}, {"number": "3", "offset": 5}]}],
        "footnotes": [{"number": "2", "text": "甲。"}, {"number": "3", "text": "乙。"}],
    })
    assert "1. 重申决议。[2][3]后文" in document_to_text(doc)
    assert "**1.** 重申决议。[^2][^3]后文" in document_to_markdown(doc)


@pytest.mark.parametrize("fmt", ["json", "text", "md"])
def test_show_other_readers(run_cli, fmt: str) -> None:
    ref = Path(__file__).parent / "data" / "reference" / "tunis_agenda_zh_excerpt.txt"
    code, out, err = run_cli("show", str(ref), "--format", fmt)
    assert code == 0 and err == ""
    assert "我们认识到弥合数字鸿沟是一项艰巨的任务" in out


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp / "blank.md"
    blank.write_bytes(b"\n \n\t\n")
    latin1 = tmp / "latin1.txt"
    latin1.write_bytes("1. Résolution adoptée.\n".encode("latin-1"))
    binary = tmp / "data.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    png = tmp / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    no_paragraph = tmp / "masthead.txt"
    no_paragraph.write_text("Distr.: General\n19 December 2025\n", encoding="utf-8")
    return {
        "missing": (tmp / "nope.txt", "no such file"),
        "directory": (tmp, "is a directory"),
        "empty": (empty, "empty"),
        "blank": (blank, "empty"),
        "not utf-8": (latin1, "not UTF-8"),
        "binary": (binary, "unknown format"),
        "png": (png, "PNG"),
        "no paragraph": (no_paragraph, "no paragraph"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "blank", "not utf-8", "binary", "png",
                                  "no paragraph"])
def test_bad_input_one_line_exit_2(run_cli, tmp_path: Path, case: str) -> None:
    path, reason = _bad_inputs(tmp_path)[case]
    code, out, err = run_cli("show", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"lineage: {path}: ")
    assert reason in err
    assert "Traceback" not in err


def test_bad_format_is_a_usage_error(run_cli) -> None:
    code, _, err = run_cli("show", str(SEED), "--format", "xml")
    assert code == 2 and "invalid choice" in err


def test_unknown_format_is_a_typed_error() -> None:
    from lineage.errors import UsageError
    from lineage.report.document import render_document

    doc = Document.from_dict({"symbol": None, "language": "en", "source": {"path": "x.txt", "kind": "text"},
                              "paragraphs": [{"id": "1", "number": "1", "text": "Decides."}]})
    with pytest.raises(UsageError, match="unknown format 'html'"):
        render_document(doc, "html")
