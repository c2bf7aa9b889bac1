"""``lineage diff`` and ``lineage demo`` end to end, in-process, on files written to tmp_path.

The fixture's documents are written as corpus texts (the readers' canonical format), so the
real reader and the real aligner run; assertions are about the command's contract (formats,
exit codes, filters, files), not about the aligner's choices.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lineage.corpus.store import add_document
from lineage.read.textformat import format_document
from support.documents import with_text
from support.paths import CORPORA
from support.report_fixture import SCRIPT, new_document, old_document


@pytest.fixture
def pair_files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(format_document(old_document()), encoding="utf-8")
    new.write_text(format_document(new_document()), encoding="utf-8")
    return str(old), str(new)


def test_text_report_by_default(run_cli, pair_files):
    code, out, err = run_cli("diff", *pair_files)
    assert code == 0 and err == ""
    assert out.startswith("lineage diff: A/80/L.41 → A/RES/80/173")
    assert "Summary" in out and "{+所有+}" in out
    assert "\x1b" not in out  # captured output is not a terminal: plain markers


def test_json_follows_the_contract(run_cli, pair_files):
    code, out, _ = run_cli("diff", *pair_files, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "lineage.diff/1"
    old_ids = [i for p in data["pairs"] for i in p["old"]]
    new_ids = [i for p in data["pairs"] for i in p["new"]]
    assert sorted(old_ids) == sorted(p.id for p in old_document().all_paragraphs())
    assert sorted(new_ids) == sorted(p.id for p in new_document().all_paragraphs())
    assert sum(data["summary"].values()) == len(data["pairs"])


def test_fail_on_change_exit_codes(run_cli, pair_files, tmp_path):
    old, new = pair_files
    assert run_cli("diff", old, new, "--fail-on-change")[0] == 1
    assert run_cli("diff", old, old, "--fail-on-change")[0] == 0
    # presentation only: same text with layout spaces and a traditional character slip
    doc = old_document()
    doc = with_text(doc, doc.paragraphs[0].id, doc.paragraphs[0].text.replace("首脑会议", "首脑會議"))
    doc = with_text(doc, doc.preamble[0].id, "回顾大会第 70/125 号决议，")
    variant = tmp_path / "variant.txt"
    variant.write_text(format_document(doc), encoding="utf-8")
    code, out, _ = run_cli("diff", old, str(variant), "--fail-on-change", "--format", "json")
    assert code == 0, out


def test_output_file_html(run_cli, pair_files, tmp_path):
    target = tmp_path / "out" / "redline.html"
    code, out, _ = run_cli("diff", *pair_files, "--format", "html", "-o", str(target))
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in page and SCRIPT not in page
    assert not list(target.parent.glob(".*.tmp"))  # written atomically, nothing left behind


def test_markdown_format(run_cli, pair_files):
    code, out, _ = run_cli("diff", *pair_files, "--format", "md")
    assert code == 0 and out.startswith("### lineage diff:") and "<ins>" in out


def test_changed_only_and_paragraph_filters(run_cli, pair_files):
    _, full, _ = run_cli("diff", *pair_files)
    _, short, _ = run_cli("diff", *pair_files, "--changed-only")
    assert "= unchanged" in full and "= unchanged" not in short
    code, one, _ = run_cli("diff", *pair_files, "--paragraph", "2")
    assert code == 0 and "{+所有+}" in one and "{+严重+}" not in one


def test_unknown_paragraph_is_a_usage_error(run_cli, pair_files):
    code, out, err = run_cli("diff", *pair_files, "--paragraph", "99")
    assert code == 2 and out == "" and "99" in err and err.startswith("lineage: ")


def test_filters_do_not_apply_to_json(run_cli, pair_files):
    code, _, err = run_cli("diff", *pair_files, "--format", "json", "--changed-only")
    assert code == 2 and "json" in err


def test_missing_file_is_one_line_exit_2(run_cli, pair_files, tmp_path):
    code, out, err = run_cli("diff", pair_files[0], str(tmp_path / "nope.txt"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "nope.txt" in err


def test_no_half_written_file_on_error(run_cli, pair_files, tmp_path):
    target = tmp_path / "r.html"
    code, _, _ = run_cli("diff", pair_files[0], str(tmp_path / "nope.txt"), "--format", "html", "-o", str(target))
    assert code == 2 and not target.exists()


def test_demo_writes_the_redline_of_the_bundled_pair(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    new = new_document()
    add_document(corpus, new, kind="resolution", origin="converted-text", adopted_from=["A/80/L.41"])
    add_document(corpus, old_document(), kind="draft", origin="reconstructed")
    target = tmp_path / "redline.html"
    code, out, err = run_cli("demo", "--corpus", str(corpus), "-o", str(target))
    assert code == 0, err
    assert f"HTML redline: {target}" in out
    assert "A/80/L.41 → A/RES/80/173" in out and "reconstructed draft" in out
    assert "= unchanged" not in out  # the summary lists what changed
    assert "reconstructed draft" in target.read_text(encoding="utf-8")


def test_demo_without_a_bundled_pair_says_why(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    add_document(corpus, new_document(), kind="resolution", origin="converted-text")
    code, _, err = run_cli("demo", "--corpus", str(corpus))
    assert code == 2 and "reconstructed" in err


def test_topic_filter(run_cli, pair_files):
    code, out, _ = run_cli("diff", *pair_files, "--topic", "igf")
    assert code == 0 and "paragraphs on topic igf" in out
    assert "互联网治理论坛成为常设论坛" in out and "我们承诺弥合" not in out
    code, _, err = run_cli("diff", *pair_files, "--topic", "no-such-topic")
    assert code == 2 and "no-such-topic" in err


def test_demo_finds_the_bundled_pair_in_the_default_corpus(run_cli, tmp_path):
    """The repository's corpus holds the reconstructed draft of A/RES/80/173 (see
    scripts/reconstruct_draft.py); the demo compares it with the adopted text."""
    target = tmp_path / "demo.html"
    code, out, err = run_cli("demo", "--corpus", str(CORPORA), "-o", str(target))
    assert code == 0, err
    assert "→ A/RES/80/173" in out and "not an official text" in out
    assert out.rstrip().endswith(f"HTML redline: {target}")
    page = target.read_text(encoding="utf-8")
    assert "<del>" in page and "<ins>" in page and "not an official text" in page


def test_colour_only_on_a_terminal(monkeypatch):
    import argparse
    import sys

    from lineage.cli.commands import diff

    def args(**kw):
        base = dict(format="text", output=None, no_color=False)
        return argparse.Namespace(**{**base, **kw})

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert diff._color(args())
    assert not diff._color(args(no_color=True))
    assert not diff._color(args(format="md"))
    assert not diff._color(args(output="x.txt"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not diff._color(args())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not diff._color(args())


def test_nothing_to_show(run_cli, pair_files):
    old = pair_files[0]
    code, out, _ = run_cli("diff", old, old, "--changed-only", "--fail-on-change")
    assert code == 0 and "(no paragraph to show)" in out
