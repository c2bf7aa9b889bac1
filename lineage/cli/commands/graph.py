"""``lineage graph [SYMBOL]``: the lineage of a document as a tree, Mermaid, DOT or JSON."""
from __future__ import annotations

import argparse

__all__ = ["HELP", "register", "run"]

HELP = "the lineage of a document: versions and earlier documents it builds on"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.cli.output import add_output_option
    from lineage.trace.graph_render import GRAPH_FORMATS

    p = subparsers.add_parser(
        "graph",
        help=HELP,
        description="Print the lineage graph of the corpus manifest (revises, adopted_from, "
        "builds_on; revisions inferred from symbols where the manifest is silent). With SYMBOL, "
        "only the documents linked to it.",
    )
    p.add_argument("symbol", metavar="SYMBOL", nargs="?", help="document symbol, e.g. A/RES/80/173")
    p.add_argument("--format", choices=GRAPH_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--all-links", action="store_true",
                   help="also show builds_on links that other links already imply")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    add_output_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_graph
    from lineage.cli.output import check_output_path, emit
    from lineage.corpus.manifest import default_corpus_dir
    from lineage.runtime import cycle_collection_paused

    if args.output:
        check_output_path(args.output)
    # The graph holds a few objects per document until it is printed, none of them in a
    # reference cycle; the cycle collector would only walk them again and again as they
    # accumulate (8 % of the instructions and more of the time at 10,000 documents,
    # docs/performance.md). Off while the graph is built, as it was before afterwards.
    with cycle_collection_paused():
        out = show_graph(args.corpus or default_corpus_dir(), args.symbol, args.format, args.all_links)
    emit(args.output, out)
    return 0
