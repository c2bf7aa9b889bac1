"""``lineage verify [CORPUS_DIR]``: every corpus text still matches its source PDF (exit 1 if not)."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "check that corpus texts still match the PDFs they were extracted from"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "verify",
        help=HELP,
        description="For each manifest entry whose source is a PDF: check the PDF's sha256, extract it "
        "again and compare with the corpus text paragraph by paragraph. Exit 0 when all match, 1 when "
        "any differs (the differing paragraphs are listed with a short character diff).",
    )
    p.add_argument("corpus", nargs="?", metavar="CORPUS_DIR",
                   help="the corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.corpus.verify import render_verify, verify_corpus

    report = verify_corpus(args.corpus)
    sys.stdout.write(render_verify(report, args.format))
    return 0 if report.ok else 1
