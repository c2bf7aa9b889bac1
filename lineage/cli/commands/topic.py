"""``lineage topic NAME [SYMBOL ...]`` or ``lineage topic --term X [--term Y …] [SYMBOL ...]``:
a topic's paragraphs across documents, in date order."""
from __future__ import annotations

import argparse

from lineage.errors import UsageError

__all__ = ["HELP", "register", "run"]

HELP = "follow a topic (igf, human-rights, ...) across documents"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.cli.output import add_output_option
    from lineage.trace.topic_render import TOPIC_FORMATS

    p = subparsers.add_parser(
        "topic",
        help=HELP,
        description="List, in date order across the chosen documents (default: every text of the "
        "corpus), the paragraphs on topic NAME and how their wording changed from one document to "
        "the next, with a timeline table. Topics are data files (lineage/data/topics/*.toml, plus "
        "CORPUS/topics/*.toml); NAME is a topic's name in any case or one of its terms (IGF, "
        "互联网治理论坛). With --term, the topic is the terms given, and every argument is a SYMBOL.",
    )
    p.add_argument("name", metavar="NAME", nargs="?",
                   help="topic name or one of its terms, e.g. igf, human-rights, IGF, 互联网治理论坛")
    p.add_argument("symbols", metavar="SYMBOL", nargs="*", help="documents to look at (default: all with text)")
    p.add_argument("--lang", default=None, help="only texts in this language")
    p.add_argument("--format", choices=TOPIC_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--term", action="append", default=[], metavar="TERM",
                   help="search for TERM instead of a named topic (any language; repeatable: a "
                   "paragraph with any of the terms is on the topic)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    add_output_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_topic
    from lineage.cli.output import check_output_path, emit
    from lineage.corpus.manifest import default_corpus_dir

    name, symbols = args.name, list(args.symbols)
    if args.term:
        # No topic name with --term: what argparse took for one is the first document.
        symbols = ([name] if name else []) + symbols
        name = None
    elif not name:
        raise UsageError("topic: give a topic NAME or --term TERM (see 'lineage topic --help')")
    if args.output:
        check_output_path(args.output)
    emit(args.output, show_topic(args.corpus or default_corpus_dir(), name, symbols, args.lang,
                                 args.format, args.term))
    return 0
