"""Reading PDFs with several processes (docs/extraction.md, "Several readers for a long PDF" and
"Several PDFs side by side"), against one process at a time, measured in the same run.

    .venv/bin/python benchmarks/parallel_reading.py            # 5 runs of each, interleaved
    .venv/bin/python benchmarks/parallel_reading.py --runs 9

Two tables, wall seconds and CPU seconds (this process and its reaped children), best of the
runs, the two ways interleaved run by run so that a burst of load hits both:

- one long PDF: ``extract_pdf(path, workers=1)`` (one reader) against ``extract_pdf(path)``
  (the default: several readers for a PDF over 256 KiB);
- several PDFs, as ``lineage diff`` and a history read them: one ``read_document`` after
  another (each PDF in one child, the way before) against ``read_documents`` (the PDFs side
  by side). The documents must be equal (checked).

Figures and the machine are in docs/performance.md; nothing here is asserted by the tests.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from functools import partial
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lineage.read import read_document, read_documents  # noqa: E402
from lineage.read.pdf import extract_pdf  # noqa: E402
from lineage.read.pdf.extract import reading_workers  # noqa: E402

REAL = REPO / "tests" / "pdfs" / "real"
LONG = ["A-80-L.17.en.pdf", "A-RES-80-109.en.pdf", "A-RES-80-173.en.pdf"]
SETS = [
    ["A-C.2-80-L.59.en.pdf", "A-RES-80-155.en.pdf"],
    ["A-80-L.17.en.pdf", "A-RES-80-109.en.pdf"],
    ["A-80-L.5.en.pdf", "A-RES-80-5.en.pdf", "A-80-L.13.en.pdf", "A-RES-80-107.en.pdf"],
]


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _both(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[tuple[float, float], ...]:
    """Best (wall, CPU) of each, the two run alternately after a warm-up run of each."""
    best = [[float("inf"), float("inf")], [float("inf"), float("inf")]]
    first()
    second()  # warm-up: page cache, imports, the engine
    for _ in range(runs):
        for k, fn in enumerate((first, second)):
            t, c = time.perf_counter(), _cpu()
            fn()
            best[k][0] = min(best[k][0], time.perf_counter() - t)
            best[k][1] = min(best[k][1], _cpu() - c)
    return tuple((w, c) for w, c in best)


def _one_after_another(paths: list[Path]) -> list[object]:
    return [read_document(p, workers=1) for p in paths]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    print(f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}; "
          f"command: python benchmarks/parallel_reading.py --runs {args.runs}\n")
    print("| PDF | readers (default) | wall, one reader | wall, default | ratio | CPU, one reader | CPU, default |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in LONG:
        path = REAL / name
        (w1, c1), (wd, cd) = _both(partial(extract_pdf, path, workers=1), partial(extract_pdf, path), args.runs)
        assert extract_pdf(path, workers=1).to_dict() == extract_pdf(path).to_dict()
        print(f"| {name} | {reading_workers(path)} | {w1:.2f} s | {wd:.2f} s | {w1 / wd:.2f}x faster "
              f"| {c1:.2f} s | {cd:.2f} s |")
    print()
    print("| PDFs | wall, one after another | wall, side by side | ratio | CPU, one after another | "
          "CPU, side by side |")
    print("|---|---:|---:|---:|---:|---:|")
    for names in SETS:
        paths = [REAL / n for n in names]
        (w1, c1), (wd, cd) = _both(partial(_one_after_another, paths), partial(read_documents, paths), args.runs)
        assert [d.to_dict() for d in read_documents(paths)] == [read_document(p).to_dict() for p in paths]
        print(f"| {' + '.join(n.removesuffix('.en.pdf') for n in names)} | {w1:.2f} s | {wd:.2f} s "
              f"| {w1 / wd:.2f}x faster | {c1:.2f} s | {cd:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
