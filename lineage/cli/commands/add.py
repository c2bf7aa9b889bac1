"""``lineage add FILE``: put a document into the corpus (canonical text + manifest entry)."""
from __future__ import annotations

import argparse

from lineage.cli.options import add_changes_option, add_engine_option

__all__ = ["HELP", "register", "run"]

HELP = "add a document (PDF, Word, converter Markdown, text) to the corpus"


def register(subparsers: argparse._SubParsersAction) -> None:
    from lineage.corpus.manifest import KINDS, ORIGINS

    p = subparsers.add_parser(
        "add",
        help=HELP,
        description="Read FILE, write its canonical text to the corpus (texts/) and its entry to "
        "manifest.toml, atomically. Symbol and language come from the masthead unless given. "
        "A PDF is copied to pdfs/. An entry that already has a text is replaced only with --force.",
    )
    p.add_argument("file", metavar="FILE", help="the document to add")
    p.add_argument("--symbol", help="document symbol (default: from the masthead)")
    p.add_argument("--lang", help="language code, e.g. zh, en (default: from the document)")
    p.add_argument("--kind", choices=list(KINDS), help="kind of document (default: from the symbol)")
    p.add_argument("--origin", choices=list(ORIGINS),
                   help="where the text comes from (default: official-pdf for a PDF, else converted-text)")
    p.add_argument("--title", help="title for the manifest (default: the document's)")
    p.add_argument("--adopted-from", action="append", metavar="SYMBOL", help="draft it was adopted from (repeatable)")
    p.add_argument("--revises", action="append", metavar="SYMBOL", help="text it revises (repeatable)")
    p.add_argument("--builds-on", action="append", metavar="SYMBOL", help="earlier document it builds on (repeatable)")
    p.add_argument("--notes", help="free notes for the manifest")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.add_argument("--force", action="store_true", help="replace an entry that already has a text")
    add_changes_option(p)
    add_engine_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.cli.app.corpus import add_file
    from lineage.corpus.manifest import default_corpus_dir

    corpus = args.corpus or default_corpus_dir()
    entry = add_file(args.file, corpus, symbol=args.symbol, language=args.lang, kind=args.kind,
                     origin=args.origin, title=args.title, adopted_from=args.adopted_from,
                     revises=args.revises, builds_on=args.builds_on, notes=args.notes, force=args.force,
                     changes=args.changes)
    print(f"added {entry.label} to {corpus}: {entry.text}")
    return 0
