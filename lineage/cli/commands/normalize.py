"""``lineage normalize FILE``: print the normalised text of a file, or with ``--explain``
the changes each normalisation step made and where."""
from __future__ import annotations

import argparse
import sys

from lineage.normalize import PROFILES
from lineage.cli.normalize_files import normalize_file
from lineage.cli.engine_option import add_engine_option

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "normalize",
        help="print the normalised text of a file (or explain each change)",
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
    sys.stdout.write(normalize_file(args.file, args.profile, args.explain))
    return 0
