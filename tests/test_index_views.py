"""``topic``, ``history``, ``blame`` (and ``graph``) with the corpus index (issue 12, part 2):
the same output whether the texts come from a fresh index or are read, the texts read (with
one note) when the index is stale, never a stale result. On the bundled corpus plus the
official UN documents (support.session_corpus), Chinese and English."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import lineage.trace.corpusview as corpusview
from lineage.cli.main import main
from lineage.corpus.index import build_index, documents_matching, index_path, index_status, indexed_documents
from lineage.corpus.manifest import load_entry_document, load_manifest
from lineage.errors import CorpusError
from lineage.normalize import normalize
from lineage.trace.blame import blame
from lineage.trace.corpusview import CorpusView
from lineage.trace.history import paragraph_history
from lineage.trace.topic_timeline import topic_timeline
from lineage.trace.topics import get_topic, term_fragments
from support.cli import assert_error
from support.session_corpus import build_session_corpus

# Each command in text and JSON: what a user runs on the session's corpus.
COMMANDS = [
    ["topic", "igf"],
    ["topic", "igf", "--lang", "en"],
    ["topic", "human-rights"],
    ["topic", "--term", "Internet Governance Forum", "--term", "数字鸿沟"],
    ["topic", "--term", "论坛"],  # too short for the trigram index: the paragraphs are scanned
    ["topic", "ai"],  # likewise, "AI" with case aside
    ["topic", "--term=()"],  # nothing to look up: every text is matched
    ["history", "A/RES/80/173", "99"],
    ["history", "A/RES/80/173", "99", "--lang", "en"],
    ["history", "WSIS+20 outcome draft (reconstructed)", "pp3"],
    ["blame", "A/RES/80/173"],
    ["blame", "A/RES/80/173", "--lang", "en"],
    ["blame", "A/RES/80/155"],
    ["graph"],
]
RUNS = [c + f for c in COMMANDS for f in ([], ["--format", "json"])]


def run(argv: list[str], folder: Path, capsys) -> tuple[int, str, str]:
    code = main([*argv, "--corpus", str(folder)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The corpus without an index (tests copy it before building one)."""
    return build_session_corpus(tmp_path_factory.mktemp("views") / "corpus")


@pytest.fixture(scope="module")
def indexed(corpus: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("indexed") / "corpus"
    shutil.copytree(corpus, folder)
    build_index(folder)
    assert index_status(folder).fresh
    return folder


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_same_output_with_a_fresh_index_and_without_one(argv, corpus, indexed, capsys):
    without = run(argv, corpus, capsys)
    assert not index_path(corpus).exists()
    with_index = run(argv, indexed, capsys)
    assert without[0] == 0, without
    assert with_index == without  # same exit code, same bytes, nothing on stderr
    assert without[2] == ""


def test_the_views_use_the_index_and_read_no_text(indexed, corpus, monkeypatch):
    """With a fresh index, not one text is read: the views answer from the index alone."""
    expected = {
        "topic": topic_timeline(CorpusView.open(corpus), get_topic("igf")).to_dict(),
        "history": paragraph_history(CorpusView.open(corpus), "A/RES/80/173", "99").to_dict(),
        "blame": blame(CorpusView.open(corpus), "A/RES/80/173").to_dict(),
    }

    def no_reading(*args, **kwargs):
        raise AssertionError("a text was read although the index is fresh")

    monkeypatch.setattr(corpusview, "load_entry_document", no_reading)
    view = CorpusView.open(indexed)
    assert view.uses_index and view.stale_note() is None
    assert topic_timeline(view, get_topic("igf")).to_dict() == expected["topic"]
    assert paragraph_history(view, "A/RES/80/173", "99").to_dict() == expected["history"]
    assert blame(view, "A/RES/80/173").to_dict() == expected["blame"]
    # The check is real: without the index the patched reader is reached.
    with pytest.raises(AssertionError, match="a text was read"):
        blame(CorpusView.open(indexed, use_index=False), "A/RES/80/173")


def _edit(folder: Path) -> None:
    """Change what the views report: A/RES/80/173 (zh) paragraph 99 loses the Forum."""
    text = folder / "texts" / "A-RES-80-173.zh.txt"
    old = text.read_text(encoding="utf-8")
    new = old.replace("互联网治理论坛", "联合国论坛")
    assert new != old
    text.write_text(new, encoding="utf-8")


def test_a_stale_index_gives_one_note_and_the_results_of_the_texts(corpus, indexed, tmp_path, capsys):
    stale = tmp_path / "stale"
    shutil.copytree(indexed, stale)
    _edit(stale)
    fresh_texts = tmp_path / "texts-only"
    shutil.copytree(corpus, fresh_texts)
    _edit(fresh_texts)
    assert index_status(stale).state == "stale"
    for argv in (["topic", "igf", "--format", "json"], ["history", "A/RES/80/173", "99"],
                 ["blame", "A/RES/80/173", "--format", "json"], ["graph"]):
        code, out, err = run(argv, stale, capsys)
        expected = run(argv, fresh_texts, capsys)
        assert (code, out) == expected[:2], argv  # the edited texts' result, not the index's
        assert err == ("note: not using the corpus index (it is stale: texts/A-RES-80-173.zh.txt changed since "
                       f"it was built); `lineage index --corpus {stale}` rebuilds it\n"), err
    # The edit shows: the stale index would have listed paragraph 99 on the IGF topic.
    before = run(["topic", "igf", "--format", "json"], indexed, capsys)[1]
    after = run(["topic", "igf", "--format", "json"], stale, capsys)[1]
    assert before != after
    # Rebuilt, the index is used again and the note is gone.
    build_index(stale)
    code, out, err = run(["topic", "igf", "--format", "json"], stale, capsys)
    assert (code, out, err) == (0, after, "")


def test_no_note_without_an_index(corpus, capsys):
    code, _, err = run(["blame", "A/RES/80/173"], corpus, capsys)
    assert code == 0 and err == ""


def test_a_text_missing_since_the_index_was_built_is_one_clean_error(indexed, tmp_path, capsys):
    """The index never answers for a text that is gone: the manifest names it, as without
    an index."""
    folder = tmp_path / "gone"
    shutil.copytree(indexed, folder)
    (folder / "texts" / "WSIS+20_outcome_draft-reconstructed.zh.txt").unlink()
    assert_error(run(["blame", "A/RES/80/173"], folder, capsys), folder / "manifest.toml",
                 "texts/WSIS+20_outcome_draft-reconstructed.zh.txt is missing")


@pytest.mark.parametrize("term, language, fragments", [
    # Words of an alphabetic term: each must stand in the text, whatever the spaces between.
    ("Internet Governance Forum", None, ("Internet", "Governance", "Forum")),
    ("multi-stakeholder", None, ("multi", "stakeholder")),
    ("IGF", None, ("IGF",)),
    ("U.N.", None, ("U", "N")),
    # A Chinese term is one run (the normalisation removes layout spaces between its characters).
    ("互联网治理论坛", None, ("互联网治理论坛",)),
    ("论坛", None, ("论坛",)),
    # Traditional characters: simplified as a Chinese text is, kept as a Japanese one is.
    ("網際網路", None, ("网际网路",)),
    ("網際網路", "ja", ("網際網路",)),
    # Full-width letters and punctuation inside a term.
    ("ＩＧＦ（论坛）", None, ("论坛",)),  # a Chinese term: its Han characters only
    ("()", None, ()),  # nothing to look up
])
def test_term_fragments(term, language, fragments):
    assert term_fragments(term, language) == fragments


def test_a_term_split_by_layout_is_found_with_the_index(corpus, tmp_path, capsys):
    """What the index looks texts up by must hold for every text the term matches: a Chinese
    term broken by layout spaces and a line break, in traditional characters, an English
    term across a line break with other case and a hyphen variant."""
    folder = tmp_path / "layout"
    shutil.copytree(corpus, folder)
    text = folder / "texts" / "WSIS+20_outcome_draft-reconstructed.zh.txt"
    old = text.read_text(encoding="utf-8")
    marker = "\n@preamble pp2"
    assert marker in old
    extra = ("\n@preamble pp1a\n| 我们注意到互联网 治理\n| 论 坛的工作，\n"
             "\n@preamble pp1b\n| recalling the INTERNET governance\n| forum and multi stakeholder work,\n"
             "\n@preamble pp1c\n| 重申網際網路治理論壇的作用，\n")
    # Operative paragraphs whose printed number is not their id: the index keeps the number.
    operative = "\n@paragraph 1 "
    assert operative in old
    numbered = ("\n@paragraph 0a number=0之二\n| 决定互联网治理论坛继续举行会议，\n"
                "\n@paragraph 0b no-number\n| 请互联网治理论坛提出报告，\n")
    text.write_text(old.replace(marker, extra + marker, 1).replace(operative, numbered + operative, 1),
                    encoding="utf-8")
    # A blank line inside a paragraph, in a text that holds the term nowhere else.
    other = folder / "texts" / "WSIS-05-TUNIS-DOC-6-Rev.1.zh.txt"
    other_text = other.read_text(encoding="utf-8")
    before = "\n@paragraph 2 "
    assert "数字合作路线图审议" not in other_text and before in other_text
    other.write_text(other_text.replace(before, "\n@paragraph 1z\n| 欢迎数字合作路线\n|\n| 图审议的结果，\n" + before, 1),
                     encoding="utf-8")
    topics = [["topic", "igf", "--format", "json"],
              ["topic", "--term", "数字合作路线图审议", "--format", "json"],
              ["topic", "igf"],
              ["topic", "--term", "Internet Governance Forum", "--term", "互联网治理论坛", "--format", "json"],
              ["topic", "--term", "網際網路治理論壇", "--term", "multi-stakeholder", "--format", "json"]]
    without = [run(argv, folder, capsys) for argv in topics]
    assert all(code == 0 for code, _, _ in without), without
    paragraphs = {p["id"]: p for d in json.loads(without[0][1])["documents"] for p in d["paragraphs"]}
    assert paragraphs["0a"]["number"] == "0之二" and paragraphs["0b"]["number"] is None
    wanted_ids = (["pp1a", "pp1b"], ["1z"], [], ["pp1a", "pp1b"], ["pp1b", "pp1c"])
    for argv, (_, out, _), wanted in zip(topics, without, wanted_ids):
        for pid in wanted:
            assert f'"id": "{pid}"' in out, (argv, pid)
    build_index(folder)
    assert [run(argv, folder, capsys) for argv in topics] == without


@pytest.mark.parametrize("groups", [
    [("Internet", "Governance", "Forum")],
    [("互联网治理论坛",), ("IGF",)],
    [("人权",), ("隐私",)],  # shorter than a trigram: the paragraphs are scanned
    [("ai",)],  # likewise, case aside
    [("人权",), ("digital", "divide")],  # both ways at once
])
def test_documents_matching_is_every_text_with_such_a_paragraph(indexed, groups):
    """The look-up against the texts themselves: each paragraph's normalised text, read from
    the file, searched in Python."""
    manifest = load_manifest(indexed)
    wanted = set()
    for entry in manifest:
        if not entry.has_text:
            continue
        doc = load_entry_document(indexed, entry)
        texts = [normalize(p.text, "compare", entry.language).text.lower() for p in doc.all_paragraphs()]
        if any(all(x.lower() in t for x in g) for g in groups for t in texts):
            wanted.add(entry.text)
    con = sqlite3.connect(index_path(indexed))
    try:
        paths = {doc_id: path for path, doc_id in indexed_documents(con).items()}
        found = {paths[d] for d in documents_matching(con, groups)}
    finally:
        con.close()
    assert wanted and found == wanted


def test_a_view_reads_the_index_it_checked_while_a_rebuild_waits(indexed, tmp_path):
    """A view holds a read transaction from its freshness check on: a rebuild started
    meanwhile cannot replace the rows under it (it fails, cleanly, once SQLite gives up)."""
    folder = tmp_path / "busy"
    shutil.copytree(indexed, folder)
    view = CorpusView.open(folder)
    assert view.uses_index
    before = blame(view, "A/RES/80/173").to_dict()
    _edit(folder)
    with pytest.raises(CorpusError, match="database is locked"):
        build_index(folder)
    assert blame(view, "A/RES/80/173").to_dict() == before
    view.close()
    build_index(folder)
    assert index_status(folder).fresh


def test_a_damaged_index_is_stale_and_the_texts_are_read(indexed, corpus, tmp_path, capsys):
    folder = tmp_path / "damaged"
    shutil.copytree(indexed, folder)
    index_path(folder).write_bytes(b"not a database" * 100)
    code, out, err = run(["blame", "A/RES/80/173", "--format", "json"], folder, capsys)
    assert (code, out) == run(["blame", "A/RES/80/173", "--format", "json"], corpus, capsys)[:2]
    assert err.startswith("note: not using the corpus index (it is stale: the index file is unreadable)")
    assert err.count("\n") == 1
