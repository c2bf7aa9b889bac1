"""``lineage fetch SYMBOL --lang zh``: download the official PDF and add it to the corpus."""
from __future__ import annotations

import argparse
import sys

from lineage.cli.options import add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "download a document's official PDF by symbol and add it to the corpus"


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _seconds(text: str) -> float:
    # socket timeouts must be finite and above 0: 0 makes the socket non-blocking (every
    # connection "fails"), inf or 1e400 overflow deep inside the socket module.
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < 10**6:  # also refuses nan
        raise argparse.ArgumentTypeError("must be more than 0 and less than 1000000 seconds")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.corpus.download import DownloadPolicy
    from lineage.corpus.fetch import BASE_URL_ENV, DEFAULT_BASE_URL, LANGUAGES

    defaults = DownloadPolicy()
    p = subparsers.add_parser(
        "fetch",
        help=HELP,
        description="Download SYMBOL in language LANG from the UN Official Document System, check "
        "it is a PDF, store it under the corpus with its sha256, extract it, write its canonical "
        "text and add or update its manifest entry. Nothing is written unless all of it succeeds.",
    )
    p.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/RES/80/173")
    p.add_argument("--lang", required=True, choices=LANGUAGES, help="language version to fetch")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("--base-url", metavar="URL", default=None,
                   help=f"document access endpoint (default: ${BASE_URL_ENV}, else {DEFAULT_BASE_URL})")
    p.add_argument("--dry-run", action="store_true", help="print what would be done, do nothing")
    p.add_argument("--timeout", type=_seconds, default=defaults.timeout,
                   help=f"seconds one download attempt may take in all: connection, headers and body "
                   f"(default: {defaults.timeout:g})")
    p.add_argument("--retries", type=_count, default=defaults.retries,
                   help=f"extra attempts after a transient failure (default: {defaults.retries})")
    p.add_argument("--max-size", type=_count, default=defaults.max_bytes, metavar="BYTES",
                   help=f"refuse bodies larger than this (default: {defaults.max_bytes})")
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.corpus.download import DownloadPolicy, stderr_if_tty
    from lineage.corpus.fetch import fetch_document, plan_fetch
    from lineage.corpus.manifest import default_corpus_dir
    from lineage.report.escape import escape_terminal

    corpus = args.corpus or default_corpus_dir()
    if args.dry_run:
        sys.stdout.write(plan_fetch(args.symbol, args.lang, corpus, args.base_url).describe())
        return 0
    policy = DownloadPolicy(timeout=args.timeout, retries=args.retries, max_bytes=args.max_size)
    result = fetch_document(args.symbol, args.lang, corpus, base=args.base_url, policy=policy,
                            progress=stderr_if_tty())
    # the warnings quote the PDF's masthead, which a server can fill with anything
    sys.stdout.write(escape_terminal(result.describe()))
    return 0
