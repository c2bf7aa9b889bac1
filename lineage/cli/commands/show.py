"""``lineage show FILE``: read a document (PDF, corpus text, converter Markdown, plain text) and
print it as the reader understood it."""
from __future__ import annotations

import argparse
import sys

from lineage.report.document import FORMATS, show_document
from lineage.cli.engine_option import add_engine_option

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "show",
        help="read a document and print it (metadata, paragraphs, headings, footnotes)",
        description="Read FILE (PDF, corpus text, converter Markdown or plain text) and print the "
        "document as read: text for people, md for Markdown, json for the lineage.document/1 contract.",
    )
    p.add_argument("file", metavar="FILE", help="the document to read")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(show_document(args.file, args.format))
    return 0
