"""``lineage corpus list|show``: what the corpus holds."""
from __future__ import annotations

import argparse
import sys

from lineage.errors import UsageError

__all__ = ["HELP", "register", "run_list", "run_show"]

HELP = "list the documents of the corpus, or show one"


def _corpus_option(p: argparse.ArgumentParser) -> None:
    from lineage.corpus.listing import FORMATS

    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "corpus",
        help=HELP,
        description="List the documents of the corpus (manifest.toml) or show one entry.",
    )
    sub = p.add_subparsers(dest="corpus_command", metavar="ACTION")
    p_list = sub.add_parser("list", help="a table of the documents, marking which have text",
                            description="List every manifest entry: symbol, language, date, kind, "
                            "origin, whether the corpus has its text, title.")
    _corpus_option(p_list)
    p_list.set_defaults(func=run_list)
    p_show = sub.add_parser("show", help="one entry and a summary of its text",
                            description="Show the manifest entry of SYMBOL and a summary of its "
                            "text (json: the entry and the whole document).")
    p_show.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/RES/80/173")
    p_show.add_argument("--lang", default=None, help="language, when the symbol has several")
    _corpus_option(p_show)
    p_show.set_defaults(func=run_show)
    p.set_defaults(func=_no_action)


def _no_action(args: argparse.Namespace) -> int:
    raise UsageError("corpus: no action given; choose list or show (see 'lineage corpus --help')")


def run_list(args: argparse.Namespace) -> int:
    from lineage.corpus.listing import corpus_listing
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(corpus_listing(args.corpus or default_corpus_dir(), args.format))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from lineage.corpus.listing import show_entry
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(show_entry(args.corpus or default_corpus_dir(), args.symbol, args.lang, args.format))
    return 0
