"""Topics as people ask for them (issue 14): names in any case or by one of their terms, ad
hoc terms, corpus topic files for every --topic, -o on every report command."""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.model.document import Document, Paragraph, Source
from lineage.read.textformat import format_document

ROOT = Path(__file__).parent.parent
CORPUS = str(ROOT / "corpora")


def first_line(out: str) -> str:
    return out.splitlines()[0]


@pytest.mark.parametrize("name", ["IGF", "Igf", "互联网治理论坛", "Internet Governance Forum", "ＩＧＦ"])
def test_topic_by_any_case_or_term(run_cli, name) -> None:
    code, out, err = run_cli("topic", name, "--corpus", CORPUS)
    assert code == 0, err
    assert first_line(out).startswith("Topic igf:")


def test_multistakeholder_is_a_topic(run_cli) -> None:
    for name in ("multistakeholder", "multi-stakeholder", "多利益攸关方"):
        code, out, err = run_cli("topic", name, "--corpus", CORPUS)
        assert code == 0, err
        assert first_line(out).startswith("Topic multistakeholder:")


def test_unknown_topic_suggests_terms(run_cli) -> None:
    code, _, err = run_cli("topic", "blockchain", "--corpus", CORPUS)
    assert code == 2 and "--term" in err and err.count("\n") == 1


def test_adhoc_terms_in_two_languages(run_cli) -> None:
    code, out, err = run_cli("topic", "--term", "sustainable development", "--term", "可持续发展",
                             "--corpus", CORPUS, "--format", "json")
    assert code == 0, err
    import json
    data = json.loads(out)
    assert data["topic"]["terms"] == ["sustainable development", "可持续发展"]
    counts = {d["symbol"]: d["summary"]["paragraphs"] for d in data["documents"]}
    assert counts["A/RES/80/173"] > 0 and counts["A/RES/70/125"] > 0  # zh and en texts


def test_adhoc_terms_with_symbols(run_cli) -> None:
    code, out, err = run_cli("topic", "--term", "互联网治理论坛", "A/RES/80/173", "--corpus", CORPUS)
    assert code == 0, err
    assert "A/RES/80/173" in out and "WSIS-05" not in out


def test_topic_needs_a_name_or_terms(run_cli) -> None:
    code, _, err = run_cli("topic", "--corpus", CORPUS)
    assert code == 2 and "--term" in err


@pytest.fixture
def own_topic(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "topics").mkdir(parents=True)
    (folder / "topics" / "broadband.toml").write_text(
        'name = "my-broadband"\ntitle = "Broadband"\n[terms]\nzh = ["宽带"]\n', encoding="utf-8")
    return folder


def _pair(tmp_path: Path) -> tuple[str, str]:
    def doc(texts):
        return Document(symbol="X", language="zh", source=Source("x.txt", "text"),
                        paragraphs=[Paragraph(id=str(k + 1), number=str(k + 1), text=t) for k, t in enumerate(texts)])
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(format_document(doc(["我们重申承诺。", "我们鼓励宽带建设。"])), encoding="utf-8")
    new.write_text(format_document(doc(["我们坚定重申承诺。", "我们鼓励加强宽带建设。"])), encoding="utf-8")
    return str(old), str(new)


def test_diff_topic_reads_corpus_topics(run_cli, tmp_path, own_topic, monkeypatch) -> None:
    monkeypatch.delenv("LINEAGE_CORPUS", raising=False)
    old, new = _pair(tmp_path)
    code, out, err = run_cli("diff", old, new, "--topic", "my-broadband", "--corpus", str(own_topic))
    assert code == 0, err
    assert "加强" in out and "坚定" not in out  # only the paragraph on the topic is shown
    monkeypatch.setenv("LINEAGE_CORPUS", str(own_topic))
    code, out, err = run_cli("diff", old, new, "--topic", "My-Broadband")
    assert code == 0, err
    assert "加强" in out and "坚定" not in out
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LINEAGE_CORPUS")
    code, _, err = run_cli("diff", old, new, "--topic", "my-broadband")
    assert code == 2 and "unknown topic 'my-broadband'" in err


@pytest.mark.parametrize("argv", [
    ["topic", "igf"],
    ["topic", "--term", "IGF"],
    ["graph", "A/RES/80/173"],
    ["history", "A/RES/80/173", "99"],
    ["blame", "A/RES/80/173"],
])
def test_report_commands_write_to_a_file(run_cli, tmp_path, argv) -> None:
    target = tmp_path / "out" / "report.txt"
    code, printed, err = run_cli(*argv, "--corpus", CORPUS)
    assert code == 0, err
    code, out, err = run_cli(*argv, "--corpus", CORPUS, "-o", str(target))
    assert code == 0, err
    assert out == "" and target.read_text(encoding="utf-8") == printed


def test_output_checked_before_work(run_cli, tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli("graph", "--corpus", CORPUS, "-o", str(tmp_path / "file" / "g.txt"))
    assert code == 2 and err.count("\n") == 1


def test_topic_labels_cover_each_paragraph_once() -> None:
    """The hand labels the benchmark measures on (benchmarks/topic_quality.py) name every
    paragraph of their documents exactly once, for the same four topics, with 0 or 1."""
    import csv
    import json

    from lineage.model.document import Document
    labels = ROOT / "tests" / "data" / "topics" / "labels-A-RES-80-173.en.tsv"
    lines = [ln for ln in labels.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    gold = Document.from_dict(json.loads((ROOT / "tests" / "pdfs" / "real" / "A-RES-80-173.en.gold.json")
                                         .read_text(encoding="utf-8")))
    assert [r["paragraph"] for r in rows] == [p.id for p in gold.all_paragraphs()]
    for r in rows:
        assert {r[t] for t in ("igf", "human-rights", "financing", "multistakeholder")} <= {"0", "1"}
    # spot checks read from the text: 99 makes the IGF permanent, 73 is article 19
    by_id = {r["paragraph"]: r for r in rows}
    assert by_id["99"]["igf"] == "1" and by_id["73"]["human-rights"] == "1"
