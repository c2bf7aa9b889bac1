"""Ingest and index on a Dask cluster (``--scheduler ADDRESS`` or ``--scheduler local``).

Workers do the costly, pure part: reading files (:func:`lineage.corpus.ingest.extract_one`)
and computing index rows (:func:`lineage.corpus.index.document_rows`: normalisation, comparable
forms, MinHash signatures). The client, this process, does every write: the corpus through its
transactions, the index in one SQLite transaction, exactly as the local runs, so resumability
and the result are the same (``tests/test_cluster.py`` checks byte-identical texts and the same
index as ``--jobs 2``). Workers read the input files and the corpus texts by path: on a real
cluster they need the same file system (NFS, a shared volume) as the client.

Dask is an optional dependency (the ``cluster`` extra); without it ``--scheduler`` is a
one-line error naming the package to install.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from lineage.corpus.index import DocRows, document_rows
from lineage.corpus.ingest import Extracted, extract_one
from lineage.corpus.manifest import Entry
from lineage.errors import UsageError

__all__ = ["dask_client", "dask_extractor", "dask_extractor_on_demand", "dask_index_rows"]

# Seconds to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 30
# Files in flight per worker thread: enough to keep workers busy, bounded client memory.
_IN_FLIGHT = 4


@contextlib.contextmanager
def dask_client(scheduler: str, workers: int = 2) -> Iterator[Any]:
    """A Dask client: on a new local cluster of ``workers`` processes for ``local``, else
    connected to the scheduler at ``scheduler`` (``tcp://host:8786``)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'dask[distributed]' "
                         "(or install lineage with the [cluster] extra)") from None
    if scheduler == "local":
        # silence_logs: a worker's late heartbeat at shutdown on a loaded machine is logged
        # with a traceback; a file a worker fails on is reported by the client anyway.
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield client


def dask_extractor(client: Any) -> Callable[[list[Path]], Iterator[Extracted]]:
    """An ``extract`` function for :func:`lineage.corpus.ingest.ingest`: files read on the
    cluster's workers, results as they finish."""
    from dask.distributed import as_completed

    def extract(files: list[Path]) -> Iterator[Extracted]:
        paths = [str(f) for f in files]
        if not paths:
            return
        threads = max(1, sum(client.nthreads().values()))
        window = threads * _IN_FLIGHT
        pending = iter(paths)
        # islice, not zip(pending, range(window)): zip takes one more path from the iterator
        # before it sees the range is done, and that file was never read.
        # One process a PDF (workers=1): the cluster's threads already keep its cores busy.
        first = [client.submit(extract_one, p, 1, pure=False) for p in itertools.islice(pending, window)]
        names = {f.key: p for f, p in zip(first, paths)}
        running = as_completed(first)
        for fut in running:
            try:
                yield fut.result()
            except Exception as exc:  # a worker died on it (KilledWorker) or the cluster failed
                yield Extracted(names.get(fut.key, "?"), error=f"the Dask worker reading it failed ({type(exc).__name__})")
            nxt = next(pending, None)
            if nxt is not None:
                new = client.submit(extract_one, nxt, 1, pure=False)
                names[new.key] = nxt
                running.add(new)

    return extract


def dask_extractor_on_demand(scheduler: str, workers: int, stack: contextlib.ExitStack,
                             ) -> Callable[[list[Path]], Iterator[Extracted]]:
    """As :func:`dask_extractor`, the client made (the local cluster started, the scheduler
    reached) only when there is a file to read: a run that skips everything starts nothing.
    The client lives as long as ``stack``."""

    def extract(files: list[Path]) -> Iterator[Extracted]:
        if not files:
            return iter(())
        client = stack.enter_context(dask_client(scheduler, workers))
        return dask_extractor(client)(files)

    return extract


def dask_index_rows(client: Any) -> Callable[[Path, list[Entry]], Iterable[DocRows]]:
    """A ``compute`` function for :func:`lineage.corpus.index.build_index`: each text's rows
    computed on a worker, returned in the entries' order."""

    def compute(corpus_dir: Path, entries: list[Entry]) -> Iterable[DocRows]:
        if not entries:
            return []
        futures = client.map(document_rows, [corpus_dir] * len(entries), entries, pure=False)
        return (f.result() for f in futures)

    return compute
