"""``lineage history SYMBOL PARA``: one paragraph through every version of its text."""
from __future__ import annotations

import argparse
import sys

__all__ = ["HELP", "register", "run"]

HELP = "one paragraph through every version of its text"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.trace.history import HISTORY_FORMATS

    p = subparsers.add_parser(
        "history",
        help=HELP,
        description="Follow paragraph PARA of SYMBOL through the versions the lineage graph links "
        "to it (revisions, the draft it was adopted from): its number and text in each, the diff "
        "from the previous version, the version it first appeared in, and earlier documents with "
        "a close variant.",
    )
    p.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/RES/80/173")
    p.add_argument("paragraph", metavar="PARA", help="paragraph id: an operative number (99) or pp1, pp2, …")
    p.add_argument("--lang", default=None, help="language of the texts (default: the one the corpus has)")
    p.add_argument("--format", choices=HISTORY_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_history
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(show_history(args.corpus or default_corpus_dir(), args.symbol, args.paragraph,
                                  args.lang, args.format))
    return 0
