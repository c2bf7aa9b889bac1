"""Languages as a bridge (issue 14): one symbol in two languages is one document. Expected
values read from the two texts (the official English PDF and the Chinese converter text of
A/RES/80/173 in corpora/), not from the code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lineage.compare.bridge import check_bridge, is_bridge
from lineage.corpus.manifest import load_entry_document, load_manifest
from lineage.model.document import Document, Heading, Paragraph, Source

ROOT = Path(__file__).parent.parent
CORPORA = ROOT / "corpora"
EN = str(CORPORA / "texts" / "A-RES-80-173.en.txt")
ZH = str(CORPORA / "texts" / "A-RES-80-173.zh.txt")


@pytest.fixture(scope="module")
def en_zh() -> tuple[Document, Document]:
    m = load_manifest(CORPORA)
    return (load_entry_document(CORPORA, m.find("A/RES/80/173", "en")),
            load_entry_document(CORPORA, m.find("A/RES/80/173", "zh")))


def test_the_corpus_holds_both_languages_of_one_symbol() -> None:
    langs = sorted(e.language for e in load_manifest(CORPORA).by_symbol("A/RES/80/173"))
    assert langs == ["en", "zh"]


def test_check_bridge_on_the_real_pair(en_zh) -> None:
    en, zh = en_zh
    assert is_bridge(en, zh)
    check = check_bridge(en, zh)
    # 8 preambular + 127 operative paragraphs in both; the English PDF prints the document's
    # title as a heading above pp1, which the Chinese converter text does not have.
    assert len(check.pairs) == 135 and not check.only_a and not check.only_b
    assert check.mismatches == ("headings: 18 in en, 17 in zh",)


def _doc(lang: str, ids: list[str], headings=()) -> Document:
    return Document(symbol="A/RES/1/1", language=lang, source=Source("x", "text"),
                    paragraphs=[Paragraph(id=i, number=i, text=f"{lang} {i}") for i in ids],
                    headings=[Heading(t, b) for t, b in headings])


def test_check_bridge_reports_what_one_side_lacks() -> None:
    check = check_bridge(_doc("en", ["1", "2", "3"], [("A", "1"), ("B", "3")]),
                         _doc("fr", ["1", "3"], [("A", "1"), ("B", "2")]))
    assert check.pairs == ("1", "3") and check.only_a == ("2",)
    assert "operative paragraphs: 3 in en, 2 in fr" in check.mismatches
    assert "only in en: 2" in check.mismatches
    assert any(m.startswith("headings stand before different paragraphs") for m in check.mismatches)
    assert not is_bridge(_doc("zh", ["1"]), _doc("zh-Hans", ["1"]))


def test_diff_of_one_document_in_two_languages(run_cli) -> None:
    code, out, err = run_cli("diff", EN, ZH)
    assert code == 0 and err == ""
    assert "are the same document in two languages" in out and "135 paragraphs paired" in out
    assert "[-" not in out and "inserted" not in out


def test_diff_also_shows_both_languages(run_cli) -> None:
    code, out, _ = run_cli("diff", EN, ZH, "--also", "zh")
    assert code == 0
    i = out.index("¶ 99\n")
    block = out[i:i + 600]
    assert "[en] We decide that the Internet Governance Forum shall be made a permanent forum" in block
    assert "[zh] 我们决定将互联网治理论坛确立为联合国的一个常设论坛" in block
    code, html, _ = run_cli("diff", EN, ZH, "--format", "html")
    assert '<td lang="zh">我们决定将互联网治理论坛确立为联合国的一个常设论坛' in html


def test_cross_language_diff_without_bridge_warns(run_cli) -> None:
    code, out, err = run_cli("diff", str(CORPORA / "texts" / "A-RES-70-125.en.txt"), ZH)
    assert code == 0
    assert err.count("\n") == 1 and "warning:" in err and "bridge" in err


def test_also_beside_a_diff(run_cli) -> None:
    draft = str(CORPORA / "texts" / "WSIS+20_outcome_draft-reconstructed.zh.txt")
    code, out, err = run_cli("diff", draft, ZH, "--also", "en", "--paragraph", "99", "--corpus", str(CORPORA))
    assert code == 0, err
    assert "[en] We decide that the Internet Governance Forum shall be made a permanent forum" in out
    code, html, _ = run_cli("diff", draft, ZH, "--also", "en", "--paragraph", "99",
                            "--corpus", str(CORPORA), "--format", "html")
    assert 'class="para also" lang="en"' in html
    code, _, err = run_cli("diff", draft, ZH, "--also", "fr", "--corpus", str(CORPORA))
    assert code == 2 and "no fr text" in err


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    """The corpus of the issue's 'done when': English and Chinese A/RES/80/173, English
    A/RES/70/125."""
    from lineage.cli.main import main
    folder = tmp_path_factory.mktemp("bridge") / "corpus"
    for name in ("A-RES-80-173.zh.txt", "A-RES-80-173.en.txt", "A-RES-70-125.en.txt"):
        assert main(["add", str(CORPORA / "texts" / name), "--corpus", str(folder)]) == 0
    return folder


def test_topic_crosses_the_bridge(run_cli, three) -> None:
    code, out, err = run_cli("topic", "igf", "--corpus", str(three), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    docs = [(d["symbol"], d["language"]) for d in data["documents"]]
    assert docs == [("A/RES/70/125", "en"), ("A/RES/80/173", "en"), ("A/RES/80/173", "zh")]
    zh = data["documents"][2]
    assert (zh["previous"], zh["bridged_from"]) == ("A/RES/80/173", "en")
    # the IGF paragraphs are the same ten in both languages (read in both texts)
    assert [p["id"] for p in zh["paragraphs"]] == ["pp8", "96", "97", "98", "99", "100", "101", "102", "103", "125"]
    assert {p["status"] for p in zh["paragraphs"]} == {"unchanged"}
    assert data["bridges"] == ["A/RES/80/173 (en ⇄ zh)"]
    _, text, _ = run_cli("topic", "igf", "--corpus", str(three))
    assert "crossed from en to zh through the bridge A/RES/80/173" in text


def test_graph_marks_the_bridge(run_cli) -> None:
    code, out, _ = run_cli("graph", "A/RES/80/173", "--corpus", str(CORPORA))
    assert out.splitlines()[0] == "A/RES/80/173  2025-12-17  resolution  [en, zh] bridge *"


def test_history_crosses_to_the_language_with_earlier_versions(run_cli) -> None:
    code, out, err = run_cli("history", "A/RES/80/173", "99", "--lang", "en", "--corpus", str(CORPORA))
    assert code == 0, err
    assert "Crossed to zh through the bridge A/RES/80/173 (en ⇄ zh), paragraph 99: 2 versions in zh" in out
    # the reconstructed draft's paragraph 98 is the earlier version, in Chinese
    assert "WSIS+20 outcome draft (reconstructed)  2025-11  paragraph 98  first version" in out
    code, out, _ = run_cli("history", "A/RES/80/173", "99", "--lang", "en", "--corpus", str(CORPORA),
                           "--format", "json")
    assert json.loads(out)["crossed"]["language"] == "zh"


def test_bridge_and_crossed_json_follow_their_schemas(run_cli, three) -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from lineage.model.schemas import all_schemas, json_schema
    registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in all_schemas().items())

    def valid(name: str, out: str) -> None:
        Draft202012Validator(json_schema(name), registry=registry).validate(json.loads(out))

    valid("lineage.bridge/1", run_cli("diff", EN, ZH, "--format", "json")[1])
    valid("lineage.topic/1", run_cli("topic", "igf", "--corpus", str(three), "--format", "json")[1])
    valid("lineage.trace.history/1", run_cli("history", "A/RES/80/173", "99", "--lang", "en", "--corpus",
                                             str(CORPORA), "--format", "json")[1])
    valid("lineage.trace.graph/1", run_cli("graph", "--corpus", str(CORPORA), "--format", "json")[1])
