"""``lineage search TEXT``: every paragraph of the corpus that uses this wording, earliest first."""
from __future__ import annotations

import argparse
import sys

__all__ = ["HELP", "register", "run"]

HELP = "where has this wording been used? every paragraph containing it, earliest first"

FORMATS = ("text", "md", "html", "json")  # lineage.trace.search.SEARCH_FORMATS, without importing it
DEFAULT_LIMIT = 10  # lineage.trace.search.DEFAULT_LIMIT, likewise


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "search",
        help=HELP,
        description="List every paragraph of the corpus whose text contains TEXT (presentation "
        "differences ignored, as in diff), earliest first, so the first hit is where the language "
        "was first agreed. With --near, also the paragraphs that reuse most of TEXT with edits, "
        "with the words that differ. Lists the earliest 10 (--limit) and counts them all. Needs the "
        "corpus index (lineage index).",
    )
    p.add_argument("text", metavar="TEXT", help="the wording to look for (a phrase, a sentence, a paragraph)")
    p.add_argument("--near", action="store_true", help="also paragraphs that reuse most of TEXT with edits")
    p.add_argument("--threshold", type=float, default=0.6,
                   help="with --near: share of TEXT's character n-grams a paragraph must hold (default: 0.6)")
    p.add_argument("--lang", default=None, help="only texts in this language (zh, en, ...)")
    p.add_argument("--since", metavar="DATE", default=None, help="only documents dated DATE or later (YYYY[-MM[-DD]])")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help="list the earliest N hits (default: %(default)s; 0: all); every hit is counted")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_search
    from lineage.cli.output import check_output_path, write_output
    from lineage.corpus.manifest import default_corpus_dir

    if args.output:
        check_output_path(args.output)
    text = show_search(args.corpus or default_corpus_dir(), args.text, args.format, near=args.near,
                       language=args.lang, since=args.since, threshold=args.threshold,
                       limit=args.limit or None)
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
