"""The lineage graph: links from the manifest, revisions inferred from symbols, rendering."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.corpus.manifest import Entry, load_manifest
from lineage.errors import UsageError
from lineage.trace import graph as graph_module
from lineage.trace.graph import build_graph
from lineage.trace.graph_render import render_graph

CORPORA = Path(__file__).parent.parent / "corpora"
FIXTURE = Path(__file__).parent / "data" / "lineage_corpus"


def entry(symbol: str, date: str | None = None, kind: str = "draft", **links: tuple[str, ...]) -> Entry:
    return Entry(symbol=symbol, kind=kind, date=date, **links)


def edges(graph) -> set[tuple[str, str, str, bool]]:
    return {(e.source, e.kind, e.target, e.inferred) for e in graph.edges}


def test_revisions_inferred_from_symbols() -> None:
    g = build_graph([
        entry("A/80/L.41", "2025-12-01"),
        entry("A/80/L.41/Rev.1", "2025-12-05"),
        entry("A/80/L.41/Rev.2", "2025-12-09"),
        entry("A/80/L.41/Rev.2/Corr.1", "2025-12-10"),
        entry("A/RES/80/173", "2025-12-17", kind="resolution", adopted_from=("A/80/L.41/Rev.2",)),
    ])
    assert edges(g) == {
        ("A/80/L.41/Rev.1", "revises", "A/80/L.41", True),
        ("A/80/L.41/Rev.2", "revises", "A/80/L.41/Rev.1", True),
        ("A/80/L.41/Rev.2/Corr.1", "modifies", "A/80/L.41/Rev.2", True),
        ("A/RES/80/173", "adopted_from", "A/80/L.41/Rev.2", False),
    }
    assert g.versions("A/80/L.41/Rev.1") == [
        "A/80/L.41", "A/80/L.41/Rev.1", "A/80/L.41/Rev.2", "A/80/L.41/Rev.2/Corr.1", "A/RES/80/173",
    ]


def test_inference_skips_missing_versions_and_yields_to_the_manifest() -> None:
    g = build_graph([
        entry("a/80/l.41"),  # spelled loosely: nodes are keyed by the canonical symbol
        entry("A/80/L.41/Rev.3"),  # Rev.1 and Rev.2 are not in the corpus
        entry("A/C.2/80/L.12/Rev.1", revises=("A/C.2/80/L.9",)),  # the manifest says otherwise
        entry("A/C.2/80/L.12"),
        entry("WSIS-05/TUNIS/DOC/6(Rev.1)", kind="summit-outcome"),  # its original is not listed
    ])
    assert edges(g) == {
        ("A/80/L.41/Rev.3", "revises", "A/80/L.41", True),
        ("A/C.2/80/L.12/Rev.1", "revises", "A/C.2/80/L.9", False),
    }
    assert not g.nodes["A/C.2/80/L.9"].listed  # a link target the manifest does not list
    assert "WSIS-05/TUNIS/DOC/6" not in g.nodes


def test_informal_drafts_without_symbols() -> None:
    g = build_graph([
        entry("WSIS+20 zero draft", "2025-08-29", kind="informal-draft"),
        entry("WSIS+20 Rev.1", "2025-10-07", kind="informal-draft", revises=("WSIS+20 zero draft",)),
        entry("A/80/L.41", "2025-12-01", revises=("WSIS+20 Rev.1",)),
    ])
    assert g.versions("A/80/L.41") == ["WSIS+20 zero draft", "WSIS+20 Rev.1", "A/80/L.41"]


def test_reduced_drops_implied_builds_on_but_keeps_versions() -> None:
    g = build_graph([
        entry("A/RES/60/252", "2006-03-27", kind="resolution"),
        entry("A/RES/70/125", "2015-12-16", kind="resolution", builds_on=("A/RES/60/252",)),
        entry("A/80/L.41", "2025-12-01", builds_on=("A/RES/70/125", "A/RES/60/252")),
        entry("A/RES/80/173", "2025-12-17", kind="resolution", adopted_from=("A/80/L.41",),
              builds_on=("A/RES/70/125",)),
    ])
    assert edges(g.reduced()) == {
        ("A/RES/70/125", "builds_on", "A/RES/60/252", False),
        ("A/80/L.41", "builds_on", "A/RES/70/125", False),
        ("A/RES/80/173", "adopted_from", "A/80/L.41", False),
    }
    assert len(g.edges) == 5


def test_graph_of_the_bundled_manifest_shows_the_wsis_chain(run_cli) -> None:
    code, out, err = run_cli("graph", "A/RES/80/173")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("A/RES/80/173  2025-12-17  resolution  [en, zh]")  # the English text added (issue 14)
    assert "└─ adopted from: A/80/L.41  2025-12  draft" in lines[1]
    # every document of the WSIS chain the manifest lists (docs/domain.md) appears
    wsis = ["WSIS-03/GENEVA/DOC/4", "WSIS-03/GENEVA/DOC/5", "WSIS-05/TUNIS/DOC/6(Rev.1)", "WSIS-05/TUNIS/DOC/7",
            "A/RES/60/252", "A/RES/65/141", "A/RES/70/125", "A/RES/79/277", "A/80/L.41"]
    listed = {e.symbol for e in load_manifest(CORPORA)}
    for symbol in wsis:
        if symbol in listed:
            assert symbol in out
    chronology = lines[-1].removeprefix("oldest to newest: ").split(" → ")
    assert chronology[0] == "WSIS-03/GENEVA/DOC/4"
    assert chronology.index("A/RES/70/125") < chronology.index("A/80/L.41") < chronology.index("A/RES/80/173")


def test_graph_formats(run_cli) -> None:
    code, out, _ = run_cli("graph", "A/RES/80/173", "--format", "mermaid", "--corpus", str(FIXTURE))
    assert code == 0
    assert out.startswith("flowchart RL\n")
    assert '-.->|revises|' in out  # the inferred revision is drawn dashed
    assert out.count("-->|") + out.count("-.->|") == 4

    code, out, _ = run_cli("graph", "A/RES/80/173", "--format", "dot", "--corpus", str(FIXTURE))
    assert out.startswith("digraph lineage {") and out.rstrip().endswith("}")
    assert '"A/80/L.41/Rev.1" -> "A/80/L.41" [label="revises", style=dashed];' in out
    assert '"A/RES/80/173" -> "A/80/L.41/Rev.1" [label="adopted from"];' in out

    code, out, _ = run_cli("graph", "--format", "json", "--corpus", str(FIXTURE), "--all-links")
    data = json.loads(out)
    assert data["schema"] == "lineage.trace.graph/1"
    assert [n["symbol"] for n in data["nodes"]] == [
        "A/RES/60/252", "A/RES/70/125", "A/80/L.41", "A/80/L.41/Rev.1", "A/RES/80/173",
    ]
    assert {"source": "A/RES/80/173", "target": "A/RES/70/125", "kind": "builds_on", "inferred": False} in data["edges"]


def test_graph_text_tree_of_fixture(run_cli) -> None:
    code, out, _ = run_cli("graph", "A/80/L.41", "--corpus", str(FIXTURE))
    assert code == 0
    # checked by eye: newest first, each link labelled, the inferred one marked
    assert out.splitlines()[:5] == [
        "A/RES/80/173  2025-12-17  resolution  [zh]",
        "└─ adopted from: A/80/L.41/Rev.1  2025-12-10  draft  [zh]",
        "   └─ revises (inferred): A/80/L.41  2025-12-01  draft  [zh] *",
        "      └─ builds on: A/RES/70/125  2015-12-16  resolution  [zh]",
        "         └─ builds on: A/RES/60/252  2006-03-27  resolution  (listed, no text)",
    ]


@pytest.mark.parametrize("symbol, message", [
    ("A/RES/1/1", "not in the corpus manifest"),
    ("A//1", "invalid document symbol"),
])
def test_graph_errors(run_cli, symbol: str, message: str) -> None:
    code, out, err = run_cli("graph", symbol)
    assert code == 2 and out == "" and message in err


def test_informal_draft_names_are_looked_up_by_name() -> None:
    g = build_graph([entry("WSIS+20 zero draft", "2025-08-29", kind="informal-draft")])
    # Spaces typed differently are still the draft's name ...
    assert g.node("  WSIS+20   zero draft ").symbol == "WSIS+20 zero draft"
    # ... and a name the manifest does not list is reported as such, not as a bad symbol.
    with pytest.raises(UsageError, match="WSIS[+]20 zero drafts is neither a document symbol nor the name of a document"):
        g.node("WSIS+20 zero drafts")


def test_render_graph_of_empty_manifest() -> None:
    assert "no documents" in render_graph(build_graph([]), "text")


def test_order_follows_links_through_documents_without_text() -> None:
    # An undated informal draft linked only through a draft the corpus has no text of still
    # comes before the resolution; dates alone would put it last.
    g = build_graph([
        Entry(symbol="WSIS+20 draft", kind="informal-draft", language="zh", text="t/d.txt", origin="reconstructed"),
        entry("A/80/L.41", "2025-12", revises=("WSIS+20 draft",)),
        Entry(symbol="A/RES/80/173", kind="resolution", date="2025-12-17", language="zh", text="t/r.txt",
              origin="converted-text", adopted_from=("A/80/L.41",)),
        Entry(symbol="A/RES/70/125", kind="resolution", date="2015-12-16", language="zh", text="t/o.txt",
              origin="converted-text"),
    ])
    assert g.topological(["A/RES/80/173", "WSIS+20 draft", "A/RES/70/125"]) == [
        "A/RES/70/125", "WSIS+20 draft", "A/RES/80/173",
    ]
    assert g.versions("A/RES/80/173") == ["WSIS+20 draft", "A/80/L.41", "A/RES/80/173"]


def test_cycle_in_hand_written_links_is_ordered_by_date_and_fully_drawn() -> None:
    # L.1 and L.2 build on each other (a slip in a hand-edited manifest); L.9 is unrelated
    # and later. Dates must decide inside the cycle, and the tree must show every document.
    graph = build_graph([
        entry("A/80/L.1", "2025-01-01", builds_on=("A/80/L.2",)),
        entry("A/80/L.2", "2025-02-01", builds_on=("A/80/L.1",)),
        entry("A/80/L.9", "2025-03-01"),
        entry("A/80/L.3", "2025-04-01", builds_on=("A/80/L.2",)),
    ])
    assert graph.topological(graph.nodes) == ["A/80/L.1", "A/80/L.2", "A/80/L.9", "A/80/L.3"]
    text = render_graph(graph, "text")
    for symbol in ("A/80/L.1", "A/80/L.2", "A/80/L.3", "A/80/L.9"):
        assert symbol in text.split("oldest to newest")[0]
    assert text.endswith("oldest to newest: A/80/L.1 → A/80/L.2 → A/80/L.9 → A/80/L.3\n")


def test_cycle_next_to_an_unlinked_document_is_drawn() -> None:
    # Before: only documents without a parent started the tree, so a cycle beside any other
    # root vanished from it.
    graph = build_graph([
        entry("A/80/L.1", "2025-01-01", builds_on=("A/80/L.2",)),
        entry("A/80/L.2", "2025-02-01", builds_on=("A/80/L.1",)),
        entry("A/80/L.9", "2025-03-01"),
    ])
    tree = render_graph(graph, "text").split("\n\n")[0].splitlines()
    assert tree == [
        "A/80/L.9  2025-03-01  draft  (listed, no text)",
        "A/80/L.2  2025-02-01  draft  (listed, no text)",
        "└─ builds on: A/80/L.1  2025-01-01  draft  (listed, no text)",
        "   └─ builds on: A/80/L.2 (see above)",
    ]


def test_unknown_format_is_a_typed_error() -> None:
    # A KeyError from the renderer table before: a traceback for library callers.
    with pytest.raises(UsageError, match="unknown format 'png'"):
        render_graph(build_graph([]), "png")  # svg became a format (issue 14)


def test_corpus_view_has_text_of_an_unlisted_symbol_is_false() -> None:
    # A KeyError before, for a question with a plain answer.
    from lineage.trace.corpusview import CorpusView

    view = CorpusView.open(FIXTURE)
    assert view.has_text("a/res/80/173", "zh")
    assert not view.has_text("A/RES/80/173", "fr")
    assert not view.has_text("A/RES/1/1", "zh")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.sampled_from([None, "2025-01", "2025-02", "2024"])),
                min_size=1, max_size=12),
       st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.sampled_from(["revises", "builds_on"])),
                max_size=20),
       st.randoms(use_true_random=False))
def test_the_plain_topological_order_is_the_order_with_one_component_per_document(docs, links, rnd):
    # _kahn_plain (ranks as numbers, no components) against _kahn with each document its own
    # component, on random graphs: with and without cycles, ties in dates, links to documents
    # outside the keys asked for.
    entries = [entry(f"A/80/L.{i}", date) for i, date in dict(docs).items()]
    names = [e.symbol for e in entries]
    by_source: dict[str, dict[str, tuple[str, ...]]] = {}
    for a, b, kind in links:
        if f"A/80/L.{a}" in names and f"A/80/L.{b}" in names and a != b:
            targets = by_source.setdefault(f"A/80/L.{a}", {})
            targets[kind] = tuple(dict.fromkeys([*targets.get(kind, ()), f"A/80/L.{b}"]))
    graph = build_graph([Entry(e.symbol, e.kind, date=e.date, **by_source.get(e.symbol, {})) for e in entries])
    keys = [k for k in graph.nodes if rnd.random() < 0.7] or list(graph.nodes)
    rnd.shuffle(keys)
    out = graph._adjacent()[0]
    targets = {}
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key not in targets:
            targets[key] = [e.target for e in out.get(key, ())]
            todo.extend(targets[key])
    plain = graph_module._kahn_plain(keys, targets, graph.ranks())
    assert plain == graph_module._kahn(keys, targets, {k: k for k in targets}, graph.nodes)
