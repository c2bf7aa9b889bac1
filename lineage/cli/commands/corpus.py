"""``lineage corpus list|show|set|link|unlink``: what the corpus holds, and its manifest
changed from the command line (atomically, under the corpus lock: lineage.corpus.edit)."""
from __future__ import annotations

import argparse
import sys

from lineage.errors import UsageError

# typing.TYPE_CHECKING without importing typing at start-up (see lineage.cli.main).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from lineage.corpus.manifest import Entry

__all__ = ["HELP", "register", "run_list", "run_show", "run_set", "run_link", "run_unlink"]

HELP = "list the documents of the corpus, show one, or edit its manifest entry (set, link, unlink)"

_LINK_KINDS = ("revises", "adopted-from", "builds-on")  # lineage.corpus.edit.LINK_KINDS


def _corpus_option(p: argparse.ArgumentParser) -> None:
    from lineage.corpus.listing import FORMATS

    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "corpus",
        help=HELP,
        description="List the documents of the corpus (manifest.toml) or show one entry.",
    )
    sub = p.add_subparsers(dest="corpus_command", metavar="ACTION")
    p_list = sub.add_parser("list", help="a table of the documents, marking which have text",
                            description="List every manifest entry: symbol, language, date, kind, "
                            "origin, whether the corpus has its text, title.")
    _corpus_option(p_list)
    p_list.set_defaults(func=run_list)
    p_show = sub.add_parser("show", help="one entry and a summary of its text",
                            description="Show the manifest entry of SYMBOL and a summary of its "
                            "text (json: the entry and the whole document).")
    p_show.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/RES/80/173")
    p_show.add_argument("--lang", default=None, help="language, when the symbol has several")
    _corpus_option(p_show)
    p_show.set_defaults(func=run_show)
    p_set = sub.add_parser("set", help="set fields of an entry (date, kind, title, origin, notes)",
                           description="Set manifest fields of SYMBOL (every language version "
                           "unless --lang): KEY=VALUE, an empty VALUE clears the field. Keys: "
                           "date, kind, title, origin, notes. Validated and written atomically.")
    p_set.add_argument("symbol", metavar="SYMBOL", help="document symbol or name")
    p_set.add_argument("values", metavar="KEY=VALUE", nargs="+", help="e.g. date=2015-12-16")
    p_set.add_argument("--lang", default=None, help="only this language version")
    p_set.add_argument("--corpus", metavar="DIR", default=None,
                       help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p_set.set_defaults(func=run_set)
    p_link = sub.add_parser("link", help="record that NEW revises / was adopted from / builds on OLD",
                            description="Record a lineage link: NEW --kind OLD (NEW revises OLD, "
                            "NEW was adopted from OLD, NEW builds on OLD). NEW must be in the corpus; "
                            "OLD may be a document it does not list yet.")
    p_link.add_argument("old", metavar="OLD", help="the earlier document")
    p_link.add_argument("new", metavar="NEW", help="the later document")
    p_link.add_argument("--kind", choices=_LINK_KINDS, required=True, help="what NEW is to OLD")
    p_link.add_argument("--corpus", metavar="DIR", default=None,
                        help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p_link.set_defaults(func=run_link)
    p_unlink = sub.add_parser("unlink", help="remove the links from NEW to OLD",
                              description="Remove every manifest link from NEW to OLD.")
    p_unlink.add_argument("old", metavar="OLD", help="the earlier document")
    p_unlink.add_argument("new", metavar="NEW", help="the later document")
    p_unlink.add_argument("--corpus", metavar="DIR", default=None,
                          help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p_unlink.set_defaults(func=run_unlink)
    p.set_defaults(func=_no_action)


def _no_action(args: argparse.Namespace) -> int:
    raise UsageError("corpus: no action given; choose list or show, or change the manifest with set, "
                     "link or unlink (see 'lineage corpus --help')")


def run_list(args: argparse.Namespace) -> int:
    from lineage.corpus.listing import corpus_listing
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(corpus_listing(args.corpus or default_corpus_dir(), args.format))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from lineage.corpus.listing import show_entry
    from lineage.corpus.manifest import default_corpus_dir

    sys.stdout.write(show_entry(args.corpus or default_corpus_dir(), args.symbol, args.lang, args.format))
    return 0


def _said(entries: Iterable[Entry]) -> str:
    return ", ".join(e.label for e in entries)


def run_set(args: argparse.Namespace) -> int:
    from lineage.corpus.edit import parse_assignments, set_fields
    from lineage.corpus.manifest import default_corpus_dir

    corpus = args.corpus or default_corpus_dir()
    entries = set_fields(corpus, args.symbol, parse_assignments(args.values), args.lang)
    print(f"set {', '.join(args.values)} on {_said(entries)} in {corpus}")
    return 0


def run_link(args: argparse.Namespace) -> int:
    from lineage.corpus.edit import link
    from lineage.corpus.manifest import default_corpus_dir

    corpus = args.corpus or default_corpus_dir()
    entries = link(corpus, args.old, args.new, args.kind)
    print(f"linked {_said(entries)} --{args.kind}--> {args.old} in {corpus}")
    return 0


def run_unlink(args: argparse.Namespace) -> int:
    from lineage.corpus.edit import unlink
    from lineage.corpus.manifest import default_corpus_dir

    corpus = args.corpus or default_corpus_dir()
    entries = unlink(corpus, args.old, args.new)
    print(f"unlinked {_said(entries)} from {args.old} in {corpus}")
    return 0
