"""``lineage normalize FILE``: print the normalised text of a file, or with ``--explain``
the changes each normalisation step made and where."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "print the normalised text of a file (or explain each change)"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.normalize import PROFILES

    p = subparsers.add_parser(
        "normalize",
        help=HELP,
        description="Normalise FILE and print the result. A text file is normalised as a whole; "
        "a PDF paragraph by paragraph as the reader extracts it. 'display' (default) repairs "
        "extraction and encoding artefacts and keeps the text as printed; 'compare' also folds "
        "script, width, punctuation and layout differences, as comparison does.",
    )
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file or a PDF")
    p.add_argument(
        "--profile", choices=PROFILES, default="display", help="normalisation profile (default: display)"
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="list each change instead of the text: LINE:COL (PARAGRAPH:COL for a PDF), step, before -> after",
    )
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.document import normalize_file

    sys.stdout.write(normalize_file(args.file, args.profile, args.explain))
    return 0
