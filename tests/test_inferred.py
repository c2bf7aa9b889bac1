"""Lineage found from the documents alone (issue 12, part 4): the chains of the official UN
PDFs in tests/pdfs/real, as their README lists them, with no link in the manifest."""
from __future__ import annotations

import json
import shutil

import pytest

from lineage.corpus.index import build_index
from lineage.corpus.manifest import load_manifest
from lineage.corpus.store import add_document
from lineage.trace import inferred
from lineage.trace.graph import load_graph
from lineage.trace.inferred import infer_links, with_inferred
from support.session_corpus import REAL, build_session_corpus, gold_document

# tests/pdfs/real/README.md: L.59 is the facilitator's draft replacing L.3; each resolution
# is "the resolution adopted from" its draft; A/RES/80/173's draft (A/80/L.41) is not in the pool.
CHAINS = {
    ("A/C.2/80/L.59", "A/C.2/80/L.3", "revises"),
    ("A/RES/80/155", "A/C.2/80/L.59", "adopted_from"),
    ("A/RES/80/107", "A/80/L.13", "adopted_from"),
    ("A/RES/80/5", "A/80/L.5", "adopted_from"),
    ("A/RES/80/109", "A/80/L.17", "adopted_from"),
    ("A/RES/80/173", "A/80/L.41", "adopted_from"),
}


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    return build_session_corpus(tmp_path_factory.mktemp("pool") / "corpus", bundled=False)


def _found(folder):
    graph = load_graph(folder)
    assert not any(e.kind in ("adopted_from", "revises") for e in graph.edges)  # the manifest says nothing
    return {(lk.source, lk.target, lk.kind): lk for lk in infer_links(folder, graph)}


def test_the_chains_come_out_exactly_from_the_documents(pool):
    links = _found(pool)
    assert set(links) == CHAINS
    assert links[("A/RES/80/107", "A/80/L.13", "adopted_from")].evidence == \
        "[without reference to a Main Committee (A/80/L.13)]"
    assert links[("A/RES/80/107", "A/80/L.13", "adopted_from")].confidence == 1.0
    silent = links[("A/RES/80/155", "A/C.2/80/L.59", "adopted_from")]
    # The resolution names the Second Committee's report, not the draft: found by session,
    # agenda item, title and text reuse, the facilitator's text being closer than L.3.
    assert silent.method == "session-match" and "A/80/555" in silent.evidence and "23(a)" in silent.evidence
    assert 0.9 <= silent.confidence <= 1.0


def test_the_same_links_with_a_fresh_index(pool, tmp_path):
    work = tmp_path / "c"
    shutil.copytree(pool, work)
    build_index(work)
    assert set(_found(work)) == CHAINS


def test_without_masthead_notes_the_session_match_still_finds_the_right_drafts(tmp_path):
    folder = tmp_path / "c"
    names = ("A-80-L.13.en", "A-RES-80-107.en", "A-C.2-80-L.3.en", "A-C.2-80-L.59.en", "A-RES-80-155.en")
    for name in names:  # as `lineage add` would: no masthead notes at all
        add_document(folder, gold_document(name), source_file=REAL / f"{name}.pdf")
    links = _found(folder)
    assert {(s, t) for s, t, k in links if k == "adopted_from"} == {
        ("A/RES/80/107", "A/80/L.13"), ("A/RES/80/155", "A/C.2/80/L.59")}
    assert not any(k == "revises" for _, _, k in links)  # nothing said L.59 replaces L.3


def test_no_link_to_a_draft_of_another_item(tmp_path):
    folder = tmp_path / "c"
    for name in ("A-80-L.13.en", "A-RES-80-155.en", "A-RES-80-5.en"):
        add_document(folder, gold_document(name), source_file=REAL / f"{name}.pdf")
    # A/RES/80/155's draft is not here; L.13 is of the same session but another item and text.
    assert not [lk for lk in _found(folder).values() if lk.source in ("A/RES/80/155", "A/RES/80/5")]


def test_manifest_links_win(pool, tmp_path):
    work = tmp_path / "c"
    shutil.copytree(pool, work)
    manifest = (work / "manifest.toml").read_text(encoding="utf-8")
    # A person says A/RES/80/107 was adopted from another text: that stands, the masthead yields.
    manifest = manifest.replace('symbol = "A/RES/80/107"\n', 'symbol = "A/RES/80/107"\n', 1)
    entry_start = manifest.index('symbol = "A/RES/80/107"')
    entry_end = manifest.index("[[document]]", entry_start)
    manifest = manifest[:entry_end] + 'adopted_from = ["A/80/L.99"]\n\n' + manifest[entry_end:]
    (work / "manifest.toml").write_text(manifest, encoding="utf-8")
    load_manifest(work)
    graph = load_graph(work)
    links = infer_links(work, graph)
    assert not [lk for lk in links if lk.source == "A/RES/80/107"]
    shown = with_inferred(graph, links)
    assert [(e.target, e.inferred) for e in shown.out_edges("A/RES/80/107")] == [("A/80/L.99", False)]


def test_graph_shows_the_chain_with_its_evidence(pool, run_cli):
    code, out, err = run_cli("graph", "A/RES/80/155", "--corpus", str(pool))
    assert code == 0, err
    assert "adopted from (inferred): A/C.2/80/L.59" in out and "revises (inferred): A/C.2/80/L.3" in out
    assert "found from the documents:" in out
    assert "masthead: on the basis of informal consultations on draft resolution A/C.2/80/L.3" in out
    code, out, _ = run_cli("graph", "A/RES/80/107", "--corpus", str(pool), "--format", "json")
    data = json.loads(out)
    assert data["inferred"] == [{"source": "A/RES/80/107", "target": "A/80/L.13", "kind": "adopted_from",
                                 "method": "masthead", "evidence": "[without reference to a Main Committee (A/80/L.13)]",
                                 "confidence": 1.0}]
    assert {"source": "A/RES/80/107", "target": "A/80/L.13", "kind": "adopted_from", "inferred": True} in data["edges"]


def test_graph_says_when_the_index_is_stale(pool, tmp_path, run_cli):
    work = tmp_path / "c"
    shutil.copytree(pool, work)
    build_index(work)
    text = work / "texts" / "A-80-L.13.en.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out, err = run_cli("graph", "A/RES/80/107", "--corpus", str(work))
    assert code == 0 and "index" in err and "stale" in err and "A-80-L.13.en.txt" in err
    assert "adopted from (inferred): A/80/L.13" in out  # read from the texts instead


def test_the_headers_kept_between_commands_give_the_same_links_and_follow_a_changed_text(
        pool, tmp_path, monkeypatch):
    # lineage.trace.inferred keeps the header fields of a large corpus's texts in the cache
    # folder; here every corpus counts as large.
    monkeypatch.setattr(inferred, "CACHE_MIN_TEXTS", 1)
    monkeypatch.setenv("LINEAGE_CACHE_DIR", str(tmp_path / "cache"))
    work = tmp_path / "c"
    shutil.copytree(pool, work)
    first = _found(work)
    assert set(first) == CHAINS and list((tmp_path / "cache").glob("headers-*.bin"))
    # The second command reads no header: every text still is the file it was.
    read = inferred.CorpusHeaders.read
    monkeypatch.setattr(inferred.CorpusHeaders, "read", lambda *a, **k: pytest.fail("a header was read again"))
    again = _found(work)
    assert again == first
    # A text rewritten (as `lineage add` replaces one) is read again: its masthead note is gone.
    monkeypatch.setattr(inferred.CorpusHeaders, "read", read)
    text = next((work / "texts").glob("A-RES-80-107.*"))
    kept = text.read_text(encoding="utf-8")
    text.write_text("".join(line for line in kept.splitlines(keepends=True) if not line.startswith("note:")),
                    encoding="utf-8")
    assert ("A/RES/80/107", "A/80/L.13", "adopted_from") in first
    changed = _found(work)
    assert changed[("A/RES/80/107", "A/80/L.13", "adopted_from")].method == "session-match"
    text.write_text(kept, encoding="utf-8")
    assert _found(work) == first
    # A damaged cache file is read as no cache.
    for cached in (tmp_path / "cache").glob("headers-*.bin"):
        cached.write_bytes(b"\x00damaged")
    assert _found(work) == first
