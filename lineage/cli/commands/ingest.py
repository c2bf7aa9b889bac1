"""``lineage ingest PATH...``: files or folders of documents into the corpus, in parallel."""
from __future__ import annotations

import argparse
import contextlib
import sys

__all__ = ["HELP", "register", "run"]

HELP = "add files or folders of documents (PDF, Markdown, text) to the corpus, in parallel"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest",
        help=HELP,
        description="Read every file given (folders: every .pdf, .txt, .md inside, recursively) in "
        "worker processes and add each to the corpus as 'lineage add' would, one locked write at a "
        "time. Files whose sha256 the manifest already records are skipped without being read, so "
        "running the command again after an interruption continues where it stopped. A file that "
        "cannot be read is reported and skipped. Documents without a symbol (informal drafts) are "
        "named after their file. Exit 1 when any file failed.",
    )
    p.add_argument("paths", metavar="PATH", nargs="+", help="a file or a folder of files")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes extracting in parallel (default: the number of CPUs)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="read on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a local "
                   "cluster of --jobs workers; this process still does every write (needs dask[distributed])")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus folder (default: $LINEAGE_CORPUS, else ./corpora)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import os

    from lineage.corpus.ingest import IngestResult, ingest
    from lineage.corpus.manifest import default_corpus_dir
    from lineage.errors import UsageError
    from lineage.report.escape import escape_terminal

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    jobs = args.jobs or os.cpu_count() or 1
    corpus = args.corpus or default_corpus_dir()
    bar = None

    def line(r: IngestResult) -> str:
        what = f"{r.status:7}  {escape_terminal(r.path)}"
        if r.label:
            what += f"  {escape_terminal(r.label)}"
        if r.reason and r.status != "added":
            what += f": {escape_terminal(r.reason)}"
        return what

    def on_start(total: int, to_read: int) -> None:
        nonlocal bar
        if sys.stderr.isatty() and to_read:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="file", desc="ingest", file=sys.stderr)
        elif not sys.stderr.isatty():
            print(f"{total} files, {total - to_read} already in the corpus or repeated, "
                  f"{to_read} to read with {jobs} job(s)", flush=True)

    def on_result(r: IngestResult) -> None:
        if bar is not None:
            bar.update(1)
            if r.status == "failed":
                bar.write(line(r), file=sys.stderr)
        else:
            print(line(r), flush=True)

    try:
        if args.scheduler:
            from lineage.corpus.cluster import dask_extractor_on_demand

            with contextlib.ExitStack() as stack:
                summary = ingest(args.paths, corpus, jobs=jobs, on_start=on_start, on_result=on_result,
                                 extract=dask_extractor_on_demand(args.scheduler, jobs, stack))
        else:
            summary = ingest(args.paths, corpus, jobs=jobs, on_start=on_start, on_result=on_result)
    finally:
        if bar is not None:
            bar.close()
    print(f"{len(summary.added)} added, {len(summary.skipped)} skipped, {len(summary.failed)} failed "
          f"(corpus {corpus})")
    for r in summary.failed:
        print(f"  failed: {escape_terminal(r.path)}: {escape_terminal(r.reason or '')}")
    return 1 if summary.failed else 0
