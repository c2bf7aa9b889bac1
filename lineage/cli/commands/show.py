"""``lineage show FILE``: read a document (PDF, corpus text, converter Markdown, plain text) and
print it as the reader understood it."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_changes_option, add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "read a document and print it (metadata, paragraphs, headings, footnotes)"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.report.document import FORMATS

    p = subparsers.add_parser(
        "show",
        help=HELP,
        description="Read FILE (PDF, Word, corpus text, converter Markdown or plain text) and print the "
        "document as read: text for people, md for Markdown, json for the lineage.document/1 contract.",
    )
    p.add_argument("file", metavar="FILE", help="the document to read")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    add_changes_option(p)
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.document import show_document

    sys.stdout.write(show_document(args.file, args.format, args.changes))
    return 0
