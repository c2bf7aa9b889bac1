"""``lineage ingest``: many files into the corpus, extracted in parallel, written by one writer.

Worker processes read files (:func:`extract_one`: the Document plus the masthead's lineage
phrases); the calling process alone writes, each result through the corpus transaction of
:func:`lineage.corpus.store.add_document`, so a killed run leaves the corpus as it was after
its last whole addition (the transaction's journal rolls back a half-written one on the next
command). Resumable: a file whose sha256 the manifest already records (``source_sha256``) is
skipped before any extraction, so running the same command again continues where it stopped.
One bad file is reported with its reason and skipped; it never stops the batch.
"""
from __future__ import annotations

import dataclasses
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lineage.corpus.files import sha256_file
from lineage.corpus.manifest import load_manifest
from lineage.corpus.store import add_document
from lineage.errors import CorpusError, FileMissingError, LineageError
from lineage.model.document import Document
from lineage.read import read_document
from lineage.read.references import masthead_notes
from lineage.script.lines import english_words

__all__ = ["INPUT_SUFFIXES", "IngestResult", "IngestSummary", "extract_one", "find_inputs", "ingest"]

# What a folder is searched for (a file named on the command line is read whatever its name).
INPUT_SUFFIXES = (".pdf", ".txt", ".md", ".markdown")


@dataclass(frozen=True)
class IngestResult:
    """What became of one input file: ``added``, ``skipped`` or ``failed`` (with the reason)."""

    path: str
    status: str
    label: str | None = None
    text: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class IngestSummary:
    results: tuple[IngestResult, ...]

    def _of(self, status: str) -> list[IngestResult]:
        return [r for r in self.results if r.status == status]

    @property
    def added(self) -> list[IngestResult]:
        return self._of("added")

    @property
    def skipped(self) -> list[IngestResult]:
        return self._of("skipped")

    @property
    def failed(self) -> list[IngestResult]:
        return self._of("failed")


@dataclass(frozen=True)
class Extracted:
    """A worker's answer: the document and the masthead notes, or the reason it failed."""

    path: str
    document: Document | None = None
    notes: tuple[str, ...] = ()
    informal: bool = False
    error: str | None = None


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read: each file named, and every file with a known suffix under each folder
    (recursively, hidden names skipped), in a stable order without duplicates."""
    found: dict[str, Path] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES):
                        f = Path(root) / name
                        found.setdefault(os.path.realpath(f), f)
        elif p.is_file():
            found.setdefault(os.path.realpath(p), p)
        else:
            raise FileMissingError("no such file or folder", p)
    return list(found.values())


def _name_from_file(path: Path) -> str:
    """An informal draft's name from its file name: ``zero_draft-v2.pdf`` -> ``zero draft-v2``."""
    return " ".join(path.stem.replace("_", " ").split()) or path.name


def extract_one(path: str, workers: int | None = None) -> Extracted:
    """Read one file (runs in a worker process). Never raises: failures come back as text.
    ``workers``: processes reading a PDF's pages at once (None: by its size and the cores)."""
    try:
        if path.lower().endswith(".pdf"):
            # The hyphen policy's word list, read once per worker (kept by english_words):
            # each PDF is read in a child forked from here, which would otherwise read the
            # list again for every file (0.05 s of the 0.4 s a session PDF takes).
            english_words()
        doc = read_document(path, workers=workers)
        notes = tuple(masthead_notes(path))
        informal = False
        if not doc.symbol:
            # Informal drafts carry no symbol: the file name is the name people use for them.
            doc = dataclasses.replace(doc, symbol=_name_from_file(Path(path)))
            informal = True
        return Extracted(path, doc, notes, informal)
    except LineageError as exc:
        return Extracted(path, error=exc.reason)
    except Exception as exc:  # a reader bug must not stop the batch; it is reported as such
        return Extracted(path, error=f"unexpected {type(exc).__name__}: {exc}")


def _write(corpus_dir: Path, got: Extracted, known: dict[str, str]) -> IngestResult:
    """The parent's half: one locked transaction per document."""
    if got.error is not None or got.document is None:
        return IngestResult(got.path, "failed", reason=got.error or "nothing was read")
    doc = got.document
    if not doc.language:
        return IngestResult(got.path, "failed", label=doc.symbol, reason="the document's language is unknown")
    try:
        entry = add_document(corpus_dir, doc, source_file=got.path, text_notes=got.notes,
                             kind="informal-draft" if got.informal else None)
    except CorpusError as exc:
        if "already in the corpus" in exc.reason:
            # Another file of the same document (another printing, a re-download) got there first.
            return IngestResult(got.path, "skipped", label=f"{doc.symbol} ({doc.language})",
                                reason="the corpus already has this document from another file")
        return IngestResult(got.path, "failed", label=doc.symbol, reason=exc.reason)
    if entry.source_sha256:
        known[entry.source_sha256] = entry.label
    return IngestResult(got.path, "added", label=entry.label, text=entry.text)


def _extract_all(files: list[Path], jobs: int) -> Iterator[Extracted]:
    """Extractions as they finish: in this process for one job, else in a pool of ``jobs``
    worker processes with at most two files queued per worker (bounded memory). A worker that
    dies (a crash in a PDF library) fails only the file it held; the pool is started again.
    A single file is read in this process too: a long PDF then gets its pages shared out
    among the cores instead (``extract_pdf``'s readers)."""
    if jobs <= 1 or len(files) == 1:
        for f in files:
            yield extract_one(str(f))
        return
    pending = [str(f) for f in reversed(files)]
    while pending:
        running: dict[Future, str] = {}
        broken = False
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            while (pending or running) and not broken:
                while pending and len(running) < 2 * jobs:
                    path = pending.pop()
                    # The pool keeps the cores busy with whole files: one process a PDF.
                    running[pool.submit(extract_one, path, 1)] = path
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = running.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken = True
                        yield Extracted(path, error="the worker process reading it died")
            if broken:
                # The others in flight were lost with the pool, not failed: read them again.
                pending.extend(running.values())
                running.clear()


def ingest(paths: Iterable[str | Path], corpus_dir: str | Path, *, jobs: int = 1,
           on_start: Callable[[int, int], None] | None = None,
           on_result: Callable[[IngestResult], None] | None = None,
           extract: Callable[[list[Path]], Iterable[Extracted]] | None = None) -> IngestSummary:
    """Add every file of ``paths`` (files or folders) to the corpus; see the module docstring.

    ``on_start(total, to_read)`` is called once the inputs are known, ``on_result`` after each
    file (skipped ones first), for progress reports. ``extract`` replaces the local worker pool
    (:func:`lineage.corpus.cluster.dask_extractor` reads on a Dask cluster)."""
    corpus_dir = Path(corpus_dir)
    files = find_inputs(paths)
    manifest = load_manifest(corpus_dir, missing_ok=True)
    known = {e.source_sha256: e.label for e in manifest if e.source_sha256}
    results: list[IngestResult] = []

    def report(r: IngestResult) -> None:
        results.append(r)
        if on_result is not None:
            on_result(r)

    todo: list[Path] = []
    seen: dict[str, str] = {}
    skipped: list[IngestResult] = []
    for f in files:
        try:
            digest = sha256_file(f)
        except OSError as exc:
            skipped.append(IngestResult(str(f), "failed", reason=f"cannot read it ({exc.strerror or exc})"))
            continue
        if digest in known:
            skipped.append(IngestResult(str(f), "skipped", label=known[digest], reason="already in the corpus"))
        elif digest in seen:
            skipped.append(IngestResult(str(f), "skipped", reason=f"same bytes as {seen[digest]}"))
        else:
            seen[digest] = str(f)
            todo.append(f)
    if on_start is not None:
        on_start(len(files), len(todo))
    for r in skipped:
        report(r)
    unanswered = {str(f) for f in todo}
    for got in (extract(todo) if extract is not None else _extract_all(todo, jobs)):
        unanswered.discard(got.path)
        report(_write(corpus_dir, got, known))
    # Every file is accounted for: one an extractor lost (a scheduler bug, a dropped future)
    # is a failure the summary names, never a file silently left out.
    for f in todo:
        if str(f) in unanswered:
            report(IngestResult(str(f), "failed", reason="no result came back from the reader"))
    return IngestSummary(tuple(results))
