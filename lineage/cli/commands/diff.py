"""``lineage diff OLD NEW``: what changed between two versions, paragraph by paragraph."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_changes_option, add_engine_option
from lineage.cli.terminal import wants_color
from lineage.errors import UsageError

__all__ = ["HELP", "register", "run"]

HELP = "compare two versions: renumbering, moves, splits, merges and word-level changes"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.cli.app.diff import FORMATS

    p = subparsers.add_parser(
        "diff",
        help=HELP,
        description="Compare OLD with NEW (PDF, Word, corpus text, converter Markdown or plain text). "
        "text: a terminal report; md: Markdown for a pull-request comment; html: a self-contained "
        "redline (inline and side by side, printable); json: the lineage.diff/1 contract; docx: a Word "
        "document with the changes as tracked revisions (Accept all gives NEW, Reject all OLD); pdf: "
        "the HTML redline printed by headless Chromium (both need -o FILE). "
        "Exit status: 0, or 1 with --fail-on-change when the texts differ; 2 on bad input.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier version")
    p.add_argument("new", metavar="NEW", help="the later version")
    p.add_argument("more", metavar="LATER", nargs="*",
                   help="more versions, oldest first: every version in one report (text, md, html "
                   "or json: lineage.history/1), the paragraphs of the last with their path through all")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--fail-on-change", action="store_true",
                   help="exit 1 when anything substantive differs (0 when only presentation differs)")
    p.add_argument("--changed-only", action="store_true",
                   help="show only changed paragraphs (text, md, html)")
    p.add_argument("--paragraph", metavar="N", action="append", default=[],
                   help="show only paragraph N (old or new id, e.g. 12 or pp3); repeatable")
    p.add_argument("--topic", metavar="NAME",
                   help="show only paragraphs on topic NAME (see `lineage topic`)")
    p.add_argument("--no-color", action="store_true",
                   help="mark changes with [-…-]{+…+} even on a terminal")
    add_changes_option(p)
    add_engine_option(p)
    p.set_defaults(func=run)


def _color(args: argparse.Namespace) -> bool:
    """Colour only for the text format written to a terminal."""
    return args.format == "text" and not args.output and wants_color(args.no_color)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.diff import BINARY_FORMATS, diff_files
    from lineage.cli.output import check_output_path, write_output, write_output_bytes

    inputs = (args.old, args.new, *args.more)
    if args.more:
        return _run_history(args, inputs)
    if args.format in BINARY_FORMATS and not args.output:
        raise UsageError(f"--format {args.format} writes a file: give it with -o FILE (see 'lineage diff --help')")
    if args.output:
        check_output_path(args.output, inputs)
    result = diff_files(
        args.old, args.new, fmt=args.format, color=_color(args), changed_only=args.changed_only,
        paragraphs=frozenset(args.paragraph), topic=args.topic, changes=args.changes,
    )
    if result.data is not None:
        write_output_bytes(args.output, result.data, inputs)
    elif args.output:
        write_output(args.output, result.text, inputs)
    else:
        sys.stdout.write(result.text)
    return 1 if args.fail_on_change and result.changed else 0


def _run_history(args: argparse.Namespace, inputs: tuple[str, ...]) -> int:
    from lineage.cli.app.diff import diff_versions
    from lineage.cli.output import check_output_path, write_output

    if args.paragraph or args.topic:
        raise UsageError("--paragraph and --topic apply to two versions; a history shows every paragraph "
                         "(--changed-only hides the ones no revision changed; see 'lineage diff --help')")
    if args.output:
        check_output_path(args.output, inputs)
    result = diff_versions(list(inputs), fmt=args.format, changes=args.changes, changed_only=args.changed_only)
    if args.output:
        write_output(args.output, result.text, inputs)
    else:
        sys.stdout.write(result.text)
    return 1 if args.fail_on_change and result.changed else 0
