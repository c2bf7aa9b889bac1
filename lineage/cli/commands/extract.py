"""``lineage extract FILE.pdf``: the document a UN PDF holds, as JSON, text or Markdown."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "extract the document of a UN PDF (paragraphs, footnotes, masthead)"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.cli.app.document import EXTRACT_FORMATS

    p = subparsers.add_parser(
        "extract",
        help=HELP,
        description="Extract FILE.pdf into the document model: masthead metadata, preambular and "
        "operative paragraphs (whole across lines and pages), headings, footnotes linked to their "
        "marks; running headers, footers and page marks removed. Prints the lineage.document/1 "
        "JSON (default), text or Markdown.",
    )
    p.add_argument("file", metavar="FILE.pdf", help="the PDF to extract")
    p.add_argument("--format", choices=EXTRACT_FORMATS, default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.document import extract_to_string
    from lineage.cli.output import check_output_path, write_output

    if args.output:
        check_output_path(args.output, [args.file])
    out = extract_to_string(args.file, args.format)
    if args.output:
        write_output(args.output, out, [args.file])
    else:
        sys.stdout.write(out)
    return 0
