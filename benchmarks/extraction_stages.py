"""Time the stages of ``lineage.read.pdf.extract_pdf`` one by one on one PDF: pdfminer/pdfplumber
parsing by the chosen engine (``iter_pages``), line building (``page_lines``), page analysis (``analyse_pages``)
and assembly (``to_document``), in CPU seconds of this process (steadier than wall time on a
shared machine). Shows where extraction time goes and whether a change to the
layout stages made them slower.

    .venv/bin/python benchmarks/extraction_stages.py PDF            # e.g. a fixture
    .venv/bin/python benchmarks/extraction_stages.py --long 300     # the long benchmark PDF
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.model.document import Source  # noqa: E402
from lineage.read.pdf.analyse import analyse_pages  # noqa: E402
from lineage.read.pdf.assemble import to_document  # noqa: E402
from lineage.read.pdf.boundary import iter_pages, open_pdf  # noqa: E402
from lineage.read.pdf.extract import page_lines  # noqa: E402


def stage_times(path: Path, engine: str = "pdfium") -> dict[str, float]:
    times: dict[str, float] = {}
    t = time.process_time()
    with open_pdf(path, engine) as pdf:
        pages = list(iter_pages(pdf, path))
    times["parse (iter_pages)"] = time.process_time() - t
    t = time.process_time()
    lines = [page_lines(p)[0] for p in pages]
    times["lines (page_lines)"] = time.process_time() - t
    t = time.process_time()
    analysis = analyse_pages(lines)
    times["analyse_pages"] = time.process_time() - t
    t = time.process_time()
    to_document(analysis, Source(path=str(path), kind="pdf"))
    times["to_document"] = time.process_time() - t
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf", nargs="?", type=Path)
    ap.add_argument("--long", type=int, metavar="PAGES", help="make and time the long benchmark PDF")
    ap.add_argument("--engine", choices=("pdfium", "pdfplumber"), default="pdfium", help="character source")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.long:
            from tools.pdffixtures.long import make_long_pdf

            path, _ = make_long_pdf(tmp, pages=args.long)
        elif args.pdf:
            path = args.pdf
        else:
            ap.error("give a PDF or --long PAGES")
        for name, seconds in stage_times(path, args.engine).items():
            print(f"{name:20} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
