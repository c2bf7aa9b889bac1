"""``lineage index``: build or bring up to date the corpus index (index.sqlite)."""
from __future__ import annotations

import argparse

__all__ = ["HELP", "register", "run"]

HELP = "build the corpus index (full text, near-duplicate signatures) used by search"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "index",
        help=HELP,
        description="Build or update index.sqlite in the corpus folder: documents, paragraphs with "
        "their normalised text, an FTS5 trigram full-text index and MinHash LSH signatures of every "
        "sentence. Derived from the manifest and texts (git-ignored; the command adds it to the "
        "corpus's .gitignore); texts unchanged since the last build keep their rows.",
    )
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes reading texts (default: 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="compute the rows on a Dask cluster: a scheduler address or 'local' (--jobs workers); "
                   "this process writes the index (needs dask[distributed])")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lineage.corpus.index import build_index
    from lineage.corpus.manifest import default_corpus_dir
    from lineage.errors import UsageError

    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    corpus = args.corpus or default_corpus_dir()
    if args.scheduler:
        from lineage.corpus.cluster import dask_client, dask_index_rows

        with dask_client(args.scheduler, workers=max(args.jobs, 2)) as client:
            result = build_index(corpus, compute=dask_index_rows(client))
    else:
        result = build_index(corpus, jobs=args.jobs)
    print(f"indexed {result.documents} documents, {result.paragraphs} paragraphs in {result.path} "
          f"({result.read} texts read, {result.documents - result.read} unchanged, {result.removed} removed)")
    return 0
