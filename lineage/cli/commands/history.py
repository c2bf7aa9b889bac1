"""``lineage history SYMBOL PARA``: one paragraph through every version of its text."""
from __future__ import annotations

import argparse

__all__ = ["HELP", "register", "run"]

HELP = "one paragraph through every version of its text"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.cli.output import add_output_option
    from lineage.trace.history import TRACE_HISTORY_FORMATS

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
    p.add_argument("--format", choices=TRACE_HISTORY_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    add_output_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_history
    from lineage.cli.output import check_output_path, emit
    from lineage.corpus.manifest import default_corpus_dir

    if args.output:
        check_output_path(args.output)
    emit(args.output, show_history(args.corpus or default_corpus_dir(), args.symbol, args.paragraph,
                                  args.lang, args.format))
    return 0
