"""The corpus views on large and deep corpora: a chain of 10,000 revisions is drawn whole,
without recursion, and the views work on generated corpora (benchmarks/make_corpus.py).
Correctness only: speed is measured in benchmarks/corpus_views_bench.py."""
from __future__ import annotations

import importlib.util
import json

import pytest

from lineage.corpus.manifest import Entry
from lineage.trace.graph import build_graph
from lineage.trace.graph_render import MAX_DEPTH, render_graph
from support.paths import REPO

DEPTH = 10_000


def _day(i: int) -> str:
    year, rest = divmod(i, 336)
    return f"{1950 + year:04d}-{rest // 28 + 1:02d}-{rest % 28 + 1:02d}"


@pytest.fixture(scope="module")
def chain():
    # A/1/L.1, Rev.1 … Rev.9999: each revision inferred from its symbol alone
    entries = [Entry(symbol="A/1/L.1", kind="draft", date=_day(0))]
    entries += [Entry(symbol=f"A/1/L.1/Rev.{i}", kind="draft", date=_day(i)) for i in range(1, DEPTH)]
    return build_graph(entries)


def test_a_deep_chain_is_one_line_of_revisions(chain):
    assert len(chain.edges) == DEPTH - 1
    assert all(e.kind == "revises" and e.inferred for e in chain.edges)
    newest = f"A/1/L.1/Rev.{DEPTH - 1}"
    assert chain.ancestors(newest)[:2] == ["A/1/L.1", "A/1/L.1/Rev.1"]
    assert len(chain.versions(newest)) == DEPTH
    assert chain.descendants("A/1/L.1")[-1] == newest


def test_a_deep_chain_is_drawn_whole(chain):
    text = render_graph(chain, "text")  # a recursive walk raised RecursionError here
    tree, chronology = text.split("\n\noldest to newest: ")
    lines = tree.splitlines()
    # every document described once (the first line names the newest one)
    described = [line for line in lines if "  draft" in line]
    assert len(described) == DEPTH
    assert lines[0].startswith(f"A/1/L.1/Rev.{DEPTH - 1}  ")
    # each step down the chain is drawn: the parent of Rev.k is Rev.k-1
    for k in (DEPTH - 1, 5000, 37, 1):
        below = "A/1/L.1" if k == 1 else f"A/1/L.1/Rev.{k - 1}"
        assert f"revises (inferred): {below}" in tree
    # indentation stays bounded: deep branches continue in blocks of their own
    assert max(len(line) for line in lines) < 3 * MAX_DEPTH + 80
    # each branch cut at MAX_DEPTH goes on in exactly one block headed by that document
    cut = [line.rsplit(": ", 1)[1].split(" ")[0] for line in lines if line.endswith("(continued below)")]
    heads = [line.split("  ")[0] for line in lines if line.endswith("  (continued)")]
    assert cut == heads and len(cut) >= DEPTH // MAX_DEPTH - 1
    order = chronology.strip().split(" → ")
    assert order[0] == "A/1/L.1" and order[-1] == f"A/1/L.1/Rev.{DEPTH - 1}" and len(order) == DEPTH


def test_a_deep_chain_in_json(chain):
    data = json.loads(render_graph(chain, "json"))
    assert len(data["nodes"]) == DEPTH and len(data["edges"]) == DEPTH - 1


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus


@pytest.mark.parametrize("shape", ["sessions", "chain"])
def test_the_views_on_a_generated_corpus(tmp_path, run_cli, shape):
    entries = _make_corpus()(tmp_path, 60, shape=shape, families=8)
    assert len(entries) == 60
    newest = max(entries, key=lambda e: (e.date, e.symbol)).symbol if shape == "chain" else \
        [e.symbol for e in entries if e.kind == "resolution"][-1]
    code, out, err = run_cli("graph", "--corpus", str(tmp_path))
    assert code == 0, err
    assert out.count("  draft  [zh]") + out.count("  resolution  [zh]") == 60
    code, out, err = run_cli("topic", "igf", "--corpus", str(tmp_path), "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["documents"]) == 60
    code, out, err = run_cli("history", newest, "1", "--corpus", str(tmp_path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["versions"]
    code, out, err = run_cli("blame", newest, "--corpus", str(tmp_path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    # every version derives from earlier ones: most sentences come from an earlier text
    assert sum(1 for s in data["sentences"] if s["origin"] != data["symbol"]) > len(data["sentences"]) / 2
