"""``lineage topic NAME [SYMBOL ...]``: a topic's paragraphs across documents, in date order."""
from __future__ import annotations

import argparse
import sys

__all__ = ["HELP", "register", "run"]

HELP = "follow a topic (igf, human-rights, ...) across documents"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.trace.topic_render import TOPIC_FORMATS

    p = subparsers.add_parser(
        "topic",
        help=HELP,
        description="List, in date order across the chosen documents (default: every text of the "
        "corpus), the paragraphs on topic NAME and how their wording changed from one document to "
        "the next, with a timeline table. Topics are data files (lineage/data/topics/*.toml, plus "
        "CORPUS/topics/*.toml).",
    )
    p.add_argument("name", metavar="NAME", help="topic name, e.g. igf, human-rights, digital-divides")
    p.add_argument("symbols", metavar="SYMBOL", nargs="*", help="documents to look at (default: all with text)")
    p.add_argument("--lang", default=None, help="only texts in this language")
    p.add_argument("--format", choices=TOPIC_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_topic
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(show_topic(args.corpus or default_corpus_dir(), args.name, args.symbols, args.lang, args.format))
    return 0
