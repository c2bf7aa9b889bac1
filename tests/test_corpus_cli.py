"""`lineage corpus list|show` and `lineage add`: outputs and exit codes, in-process."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from lineage.corpus import load_manifest
from lineage.corpus.manifest import Entry
from lineage.corpus.store import register_entry
from support.paths import CORPORA, SEED


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


@pytest.fixture
def corpus(tmp_path, run_cli):
    register_entry(tmp_path, Entry("WSIS-05/TUNIS/DOC/7", "summit-outcome", date="2005-11-18",
                                   title="Tunis Commitment"))
    code, out, err = run_cli("add", str(SEED), "--corpus", str(tmp_path), "--adopted-from", "A/80/L.41",
                             "--builds-on", "A/RES/70/125", "--builds-on", "WSIS-05/TUNIS/DOC/7")
    assert (code, err) == (0, "")
    assert out == f"added A/RES/80/173 (zh) to {tmp_path}: texts/A-RES-80-173.zh.txt\n"
    return tmp_path


def test_list_table(corpus, run_cli):
    code, out, err = run_cli("corpus", "list", "--corpus", str(corpus))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["symbol", "lang", "date", "kind", "origin", "text", "title"]
    assert lines[2].split() == ["WSIS-05/TUNIS/DOC/7", "2005-11-18", "summit-outcome", "-", "Tunis", "Commitment"]
    row = lines[3]
    assert row.split()[:6] == ["A/RES/80/173", "zh", "2025-12-17", "resolution", "converted-text", "yes"]
    # The Chinese title is cut at 44 display columns (22 characters), not 44 characters.
    title = row[lines[0].index("title"):]
    assert title == "关于信息社会世界首脑会议成果文件执行情况全…" and width(title) == 43
    # Columns line up: every row has its cells where the header has them.
    for line in lines[2:4]:
        assert line[lines[0].index("text")] in "-y"
    assert lines[-1] == "2 documents, 1 with text"


def test_list_json(corpus, run_cli):
    code, out, _ = run_cli("corpus", "list", "--corpus", str(corpus), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "lineage.corpus/1"
    assert [(d["symbol"], d["has_text"]) for d in data["documents"]] == [
        ("WSIS-05/TUNIS/DOC/7", False), ("A/RES/80/173", True)]
    assert data["documents"][1]["builds_on"] == ["A/RES/70/125", "WSIS-05/TUNIS/DOC/7"]
    assert "\\u" not in out and "关于" in out  # UTF-8, not ASCII escapes


def test_list_the_repository_corpus_by_default(run_cli, monkeypatch):
    monkeypatch.delenv("LINEAGE_CORPUS", raising=False)
    monkeypatch.chdir(CORPORA.parent)  # the default is ./corpora of the current directory
    code, out, _ = run_cli("corpus", "list")
    assert code == 0
    manifest = load_manifest(CORPORA)
    assert out.endswith(f"{len(manifest)} documents, {sum(e.has_text for e in manifest)} with text\n")
    assert "A/RES/80/173" in out and "WSIS-03/GENEVA/DOC/4" in out


def test_list_uses_lineage_corpus_env(corpus, run_cli, monkeypatch):
    monkeypatch.setenv("LINEAGE_CORPUS", str(corpus))
    code, out, _ = run_cli("corpus", "list")
    assert code == 0 and out.endswith("2 documents, 1 with text\n")


def test_show(corpus, run_cli):
    code, out, _ = run_cli("corpus", "show", "a/res/80/173", "--corpus", str(corpus))
    assert code == 0
    assert "symbol: A/RES/80/173\nlanguage: zh\n" in out
    assert "builds_on: A/RES/70/125, WSIS-05/TUNIS/DOC/7\n" in out
    assert out.endswith("contents: 8 preambular and 127 operative paragraphs, 17 headings, 12 footnotes, 0 warnings\n")
    code, out, _ = run_cli("corpus", "show", "WSIS-05/TUNIS/DOC/7", "--corpus", str(corpus), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["entry"]["title"] == "Tunis Commitment" and data["document"] is None
    code, out, _ = run_cli("corpus", "show", "A/RES/80/173", "--lang", "zh", "--corpus", str(corpus), "--format", "json")
    assert len(json.loads(out)["document"]["paragraphs"]) == 127


@pytest.mark.parametrize(
    "argv, message",
    [
        (["corpus", "show", "A/RES/1/1"], "A/RES/1/1 is not in the corpus"),
        (["corpus", "show", "A/RES/80/173", "--lang", "en"], "is not in the corpus in language 'en'"),
        (["add", "SEED"], r"A/RES/80/173 (zh) is already in the corpus (texts/A-RES-80-173.zh.txt); use --force"),
        (["add", "missing.md"], "missing.md: no such file"),
        (["add", "SEED", "--symbol", "nonsense symbol"], "000_cb2b676f44ca9b86.txt: invalid document symbol 'nonsense symbol'"),
        (["add", "PDFS/err-image-only.pdf", "--symbol", "A/1/1"], "err-image-only.pdf: no text layer"),
    ],
)
def test_errors_exit_2_with_one_line(corpus, run_cli, argv, message):
    before = (corpus / "manifest.toml").read_bytes()
    pdfs = CORPORA.parent / "tests" / "pdfs"
    argv = [str(SEED) if a == "SEED" else a.replace("PDFS/", f"{pdfs}/") for a in argv]
    code, out, err = run_cli(*argv, "--corpus", str(corpus))
    assert code == 2 and out == ""
    assert err.startswith("lineage: ") and err.count("\n") == 1, err
    assert message in err
    assert (corpus / "manifest.toml").read_bytes() == before


def test_add_force_and_overrides(corpus, run_cli):
    code, out, err = run_cli("add", str(SEED), "--corpus", str(corpus), "--force", "--notes", "again")
    assert (code, err) == (0, "")
    entry = load_manifest(corpus).find("A/RES/80/173", "zh")
    assert entry.notes == "again" and entry.adopted_from == ("A/80/L.41",)
    code, _, err = run_cli("add", str(SEED), "--corpus", str(corpus), "--symbol", "A/80/L.41",
                           "--origin", "reconstructed", "--kind", "draft")
    assert (code, err) == (0, "")
    draft = load_manifest(corpus).find("A/80/L.41", "zh")
    assert (draft.origin, draft.kind, draft.text) == ("reconstructed", "draft", "texts/A-80-L.41.zh.txt")


def test_add_plain_text_without_symbol_asks_for_one(tmp_path, run_cli):
    plain = tmp_path / "note.txt"
    plain.write_text("我们重申对信息社会的承诺。\n", encoding="utf-8")
    code, out, err = run_cli("add", str(plain), "--corpus", str(tmp_path / "c"))
    assert code == 2 and "--symbol" in err
    code, out, err = run_cli("add", str(plain), "--corpus", str(tmp_path / "c"), "--symbol", "A/80/L.41",
                             "--lang", "zh")
    assert (code, err) == (0, "")


def test_add_bad_choice_is_usage_error(corpus, run_cli):
    code, _, err = run_cli("add", str(SEED), "--corpus", str(corpus), "--kind", "speech")
    assert code == 2 and "invalid choice: 'speech'" in err


def test_corpus_without_action_prints_usage(run_cli):
    code, out, err = run_cli("corpus")
    assert code == 2 and "list" in err and out == ""


def test_missing_manifest(tmp_path, run_cli):
    code, _, err = run_cli("corpus", "list", "--corpus", str(tmp_path))
    assert code == 2
    assert err == f"lineage: {tmp_path / 'manifest.toml'}: no corpus manifest here (expected manifest.toml; set --corpus or LINEAGE_CORPUS)\n"


def test_add_informal_draft_keeps_its_name_and_joins_the_chain(tmp_path, run_cli):
    """Informal drafts have no UN symbol: `--kind informal-draft` takes any name as given."""
    data = Path(__file__).parent / "data" / "realism"
    corpus = str(tmp_path / "c")
    code, _, err = run_cli("add", str(data / "en_zero_draft.txt"), "--symbol", "DigCoop zero draft",
                           "--corpus", corpus)
    assert code == 2 and "--kind informal-draft" in err
    assert not (tmp_path / "c" / "manifest.toml").exists()
    code, out, err = run_cli("add", str(data / "en_zero_draft.txt"), "--symbol", "DigCoop  zero draft",
                             "--kind", "informal-draft", "--corpus", corpus)
    assert code == 0, err
    code, out, err = run_cli("add", str(data / "en_rev1.txt"), "--symbol", "DigCoop Rev.1",
                             "--kind", "informal-draft", "--revises", "DigCoop zero draft",
                             "--corpus", corpus)
    assert code == 0, err
    code, out, err = run_cli("graph", "DigCoop Rev.1", "--corpus", corpus)
    assert code == 0, err
    assert "└─ revises: DigCoop zero draft" in out


def test_show_finds_an_informal_draft_however_its_name_is_spaced(tmp_path, run_cli):
    # `lineage add` stores "DigCoop  zero draft" as "DigCoop zero draft"; `corpus show` must
    # find it when typed either way, as `graph` does.
    register_entry(tmp_path, Entry("DigCoop zero draft", "informal-draft", date="2025-08-29"))
    for typed in ("DigCoop zero draft", "DigCoop  zero draft "):
        code, out, err = run_cli("corpus", "show", typed, "--corpus", str(tmp_path))
        assert (code, err) == (0, ""), err
        assert out.startswith("symbol: DigCoop zero draft\n")


def test_show_finds_a_hand_written_entry_by_its_canonical_symbol(tmp_path, run_cli):
    (tmp_path / "manifest.toml").write_text('[[document]]\nsymbol = "a/80/l.41"\nkind = "draft"\n',
                                            encoding="utf-8")
    code, out, err = run_cli("corpus", "show", "A/80/L.41", "--corpus", str(tmp_path))
    assert (code, err) == (0, ""), err
    assert out.startswith("symbol: a/80/l.41\n")
