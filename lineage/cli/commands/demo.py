"""``lineage demo``: the main job on the bundled corpus (a reconstructed draft against the
resolution it became): writes the HTML redline, prints the summary and the file's path."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.terminal import wants_color

__all__ = ["HELP", "register", "run"]

HELP = "compare the bundled draft with the adopted resolution; write the HTML redline"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help=HELP,
        description="Find the bundled comparison in the corpus (the entry of origin "
        "'reconstructed' and the document it is linked to), write its HTML redline (default: "
        "out/redline-OLD-vs-NEW.html), print what changed and the path of the HTML file.",
    )
    p.add_argument("--corpus", metavar="DIR", help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write the HTML redline")
    p.add_argument("--no-color", action="store_true", help="no ANSI colour even on a terminal")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.corpus import run_demo
    from lineage.corpus.manifest import default_corpus_dir

    result = run_demo(args.corpus or default_corpus_dir(), args.output, color=wants_color(args.no_color))
    sys.stdout.write(result.summary)
    sys.stdout.write(f"\nHTML redline: {result.html_path}\n")
    return 0
