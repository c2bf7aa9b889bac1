"""``lineage blame SYMBOL``: the earliest text each sentence of a document comes from."""
from __future__ import annotations

import argparse
import sys

__all__ = ["HELP", "register", "run"]

HELP = "mark each sentence with the earliest version or document it appears in"


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.trace.blame import BLAME_FORMATS, DEFAULT_THRESHOLD

    p = subparsers.add_parser(
        "blame",
        help=HELP,
        description="Split SYMBOL's text into sentences and mark each with the earliest earlier "
        "version or earlier document of the corpus that contains it or a close variant (character "
        "n-gram containment), or as new.",
    )
    p.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/RES/80/173")
    p.add_argument("--lang", default=None, help="language of the texts (default: the one the corpus has)")
    p.add_argument("--threshold", type=_share, default=DEFAULT_THRESHOLD,
                   help=f"share of a sentence's n-grams an earlier text must contain (default: {DEFAULT_THRESHOLD})")
    p.add_argument("--format", choices=BLAME_FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.trace import show_blame
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(show_blame(args.corpus or default_corpus_dir(), args.symbol, args.lang, args.format,
                                args.threshold))
    return 0
