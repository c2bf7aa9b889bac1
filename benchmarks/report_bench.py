"""Time the report stage on the bundled comparison (or on two files given as arguments):
building the report model once, then each renderer. Best of N runs, in milliseconds.

    .venv/bin/python benchmarks/report_bench.py [OLD NEW] [--runs 20]
"""
from __future__ import annotations

import argparse
import time

from lineage.cli.app.corpus import find_bundled_pair
from lineage.compare.documents import compare_documents
from lineage.corpus import default_corpus_dir, load_entry_document, load_manifest
from lineage.read import read_document
from lineage.report import build_report
from lineage.report.html import render_html
from lineage.report.markdown import render_markdown
from lineage.report.terminal import render_terminal


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", metavar="FILE")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    if args.files:
        old, new = (read_document(f) for f in args.files)
    else:
        corpus = default_corpus_dir()
        pair = find_bundled_pair(load_manifest(corpus))
        old, new = load_entry_document(corpus, pair.old), load_entry_document(corpus, pair.new)
    comparison = compare_documents(old, new)
    report = build_report(comparison, old, new)
    print(f"{old.symbol} -> {new.symbol}: {len(comparison.pairs)} pairs")
    print(f"build_report    {_best(lambda: build_report(comparison, old, new), args.runs):7.2f} ms")
    print(f"render_terminal {_best(lambda: render_terminal(report), args.runs):7.2f} ms")
    print(f"render_markdown {_best(lambda: render_markdown(report), args.runs):7.2f} ms")
    print(f"render_html     {_best(lambda: render_html(report), args.runs):7.2f} ms "
          f"({len(render_html(report).encode()) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
