"""The manifest from the command line (issue 14): ``add --date``, ``corpus set``, ``corpus
link``/``unlink``, dates a symbol implies, and timelines that never put an undated document
after a dated one silently. Expected values written by hand."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lineage.corpus.manifest import load_manifest
from lineage.model.document import Document, Paragraph, Source
from lineage.model.symbols import implied_year
from lineage.read.textformat import format_document


def write_doc(path: Path, symbol: str | None, paragraphs: list[str], date: str | None = None) -> str:
    doc = Document(symbol=symbol, language="zh", date=date, source=Source(path.name, "text"),
                   paragraphs=[Paragraph(id=str(k + 1), number=str(k + 1), text=t)
                               for k, t in enumerate(paragraphs)])
    path.write_text(format_document(doc), encoding="utf-8")
    return str(path)


TUNIS = ["我们认识到需要召开互联网治理论坛。", "我们请秘书长召集互联网治理论坛的新论坛。"]
RES = ["我们认识到需要召开互联网治理论坛。", "我们决定将互联网治理论坛确立为常设论坛。"]


@pytest.fixture
def corpus(tmp_path: Path, run_cli) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    code, _, err = run_cli("add", write_doc(tmp_path / "res.txt", "A/RES/80/173", RES),
                           "--date", "2025-12-17", "--corpus", str(folder))
    assert code == 0, err
    return folder


def manifest_bytes(folder: Path) -> bytes:
    return (folder / "manifest.toml").read_bytes()


@pytest.mark.parametrize("symbol, year", [
    ("A/RES/70/125", "2015"), ("A/80/L.41", "2025"), ("A/RES/80/173", "2025"),
    ("WSIS-05/TUNIS/DOC/6(Rev.1)", "2005"), ("WSIS-03/GENEVA/DOC/4", "2003"),
    ("S/RES/2222 (2015)", "2015"), ("E/CN.4/Sub.2/1998/L.1", "1998"), ("A/C.3/78/L.60", "2023"),
    ("WSIS+20 zero draft", None),
])
def test_implied_year(symbol, year) -> None:
    assert implied_year(symbol) == year


def test_add_date(corpus: Path) -> None:
    [entry] = load_manifest(corpus).entries
    assert (entry.date, entry.date_inferred) == ("2025-12-17", False)


def test_add_bad_date_changes_nothing(corpus: Path, tmp_path: Path, run_cli) -> None:
    before = manifest_bytes(corpus)
    code, out, err = run_cli("add", write_doc(tmp_path / "t.txt", "A/RES/70/125", RES),
                             "--date", "2015-13-40", "--corpus", str(corpus))
    assert code == 2 and err.count("\n") == 1 and "2015-13-40" in err
    assert manifest_bytes(corpus) == before
    assert not (corpus / "texts" / "A-RES-70-125.zh.txt").exists()


def test_undated_document_gets_the_year_its_symbol_implies(corpus, tmp_path, run_cli) -> None:
    code, out, err = run_cli("add", write_doc(tmp_path / "t.txt", "WSIS-05/TUNIS/DOC/6(Rev.1)", TUNIS),
                             "--corpus", str(corpus))
    assert code == 0, err
    assert "2005 is the year its symbol implies" in out
    entry = load_manifest(corpus).find("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh")
    assert (entry.date, entry.date_inferred) == ("2005", True)
    assert "date_inferred = true" in manifest_bytes(corpus).decode()


def test_undated_name_warns(corpus, tmp_path, run_cli) -> None:
    code, out, _ = run_cli("add", write_doc(tmp_path / "z.txt", None, TUNIS), "--symbol", "WSIS+20 zero draft",
                           "--kind", "informal-draft", "--corpus", str(corpus))
    assert code == 0 and "warning: WSIS+20 zero draft (zh) has no date" in out


def test_timeline_orders_an_undated_2005_text_first(corpus, tmp_path, run_cli) -> None:
    run_cli("add", write_doc(tmp_path / "t.txt", "WSIS-05/TUNIS/DOC/6(Rev.1)", TUNIS), "--corpus", str(corpus))
    code, out, err = run_cli("topic", "igf", "--corpus", str(corpus), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [d["symbol"] for d in data["documents"]] == ["WSIS-05/TUNIS/DOC/6(Rev.1)", "A/RES/80/173"]
    assert data["documents"][0]["date_inferred"] is True
    assert any("WSIS-05/TUNIS/DOC/6(Rev.1)" in w for w in data["warnings"])
    _, text, _ = run_cli("topic", "igf", "--corpus", str(corpus))
    assert "2005 (inferred)" in text


def test_hand_written_manifest_without_date_is_placed_by_its_symbol(corpus, tmp_path, run_cli) -> None:
    run_cli("add", write_doc(tmp_path / "t.txt", "WSIS-05/TUNIS/DOC/6(Rev.1)", TUNIS), "--corpus", str(corpus))
    path = corpus / "manifest.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('date = "2005"\ndate_inferred = true\n', ""), encoding="utf-8")
    assert load_manifest(corpus).find("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh").date is None
    code, out, err = run_cli("graph", "--corpus", str(corpus), "--format", "json")
    assert code == 0, err
    nodes = json.loads(out)["nodes"]
    assert [(n["symbol"], n["date"], n["date_inferred"]) for n in nodes] == [
        ("WSIS-05/TUNIS/DOC/6(Rev.1)", "2005", True), ("A/RES/80/173", "2025-12-17", False)]


def test_corpus_set(corpus, run_cli) -> None:
    code, out, err = run_cli("corpus", "set", "a/res/80/173", "title=WSIS+20 outcome", "notes=checked by hand",
                             "--corpus", str(corpus))
    assert code == 0, err
    [entry] = load_manifest(corpus).entries
    assert (entry.title, entry.notes) == ("WSIS+20 outcome", "checked by hand")
    code, _, _ = run_cli("corpus", "set", "A/RES/80/173", "notes=", "--corpus", str(corpus))
    assert code == 0 and load_manifest(corpus).entries[0].notes is None


def test_corpus_set_date_clears_inferred(corpus, tmp_path, run_cli) -> None:
    run_cli("add", write_doc(tmp_path / "t.txt", "WSIS-05/TUNIS/DOC/6(Rev.1)", TUNIS), "--corpus", str(corpus))
    code, _, err = run_cli("corpus", "set", "WSIS-05/TUNIS/DOC/6(Rev.1)", "date=2005-11-18", "--corpus", str(corpus))
    assert code == 0, err
    entry = load_manifest(corpus).find("WSIS-05/TUNIS/DOC/6(Rev.1)", "zh")
    assert (entry.date, entry.date_inferred) == ("2005-11-18", False)


@pytest.mark.parametrize("args, message", [
    (["A/RES/80/173", "date=2025-02-30"], "date '2025-02-30'"),
    (["A/RES/80/173", "kind=treaty"], "unknown kind 'treaty'"),
    (["A/RES/80/173", "text=texts/x.txt"], "cannot set 'text'"),
    (["A/RES/80/173", "revises=A/80/L.41"], "lineage corpus link"),
    (["A/RES/80/173", "date"], "not KEY=VALUE"),
    (["A/RES/70/125", "date=2015"], "not in the corpus"),
])
def test_corpus_set_refuses_bad_values(corpus, run_cli, args, message) -> None:
    before = manifest_bytes(corpus)
    code, _, err = run_cli("corpus", "set", *args, "--corpus", str(corpus))
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert manifest_bytes(corpus) == before


def test_corpus_link_and_unlink(corpus, run_cli) -> None:
    code, _, err = run_cli("corpus", "link", "a/80/l.41", "A/RES/80/173", "--kind", "adopted-from",
                           "--corpus", str(corpus))
    assert code == 0, err
    assert load_manifest(corpus).entries[0].adopted_from == ("A/80/L.41",)
    _, out, _ = run_cli("graph", "--corpus", str(corpus))
    assert "adopted from: A/80/L.41" in out
    before = manifest_bytes(corpus)
    code, _, err = run_cli("corpus", "link", "A/80/L.41", "A/RES/80/173", "--kind", "adopted-from",
                           "--corpus", str(corpus))
    assert code == 2 and "already" in err and manifest_bytes(corpus) == before
    code, _, err = run_cli("corpus", "link", "A/RES/80/173", "A/RES/80/173", "--kind", "revises",
                           "--corpus", str(corpus))
    assert code == 2 and "itself" in err and manifest_bytes(corpus) == before
    code, _, err = run_cli("corpus", "unlink", "A/80/L.41", "A/RES/80/173", "--corpus", str(corpus))
    assert code == 0, err
    assert load_manifest(corpus).entries[0].adopted_from == ()
    code, _, err = run_cli("corpus", "unlink", "A/80/L.41", "A/RES/80/173", "--corpus", str(corpus))
    assert code == 2 and "no link" in err


def test_corpus_link_needs_the_later_document(corpus, run_cli) -> None:
    code, _, err = run_cli("corpus", "link", "A/80/L.41", "A/RES/99/1", "--kind", "revises", "--corpus", str(corpus))
    assert code == 2 and "A/RES/99/1 is not in the corpus" in err
