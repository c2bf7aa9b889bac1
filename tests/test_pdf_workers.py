"""A PDF read by several processes at once (``extract_pdf(..., workers=N)``): each reads every
Nth page, the parent puts the document together; the document must be the one a single
reader makes, with either engine. Several PDFs read side by side (``extract_pdfs``,
``read_documents``): one process a PDF, a bounded number at once."""
from __future__ import annotations

import os
import time
from concurrent.futures import Future
from functools import partial
from pathlib import Path

import pytest

import lineage.read.pdf as pdf_package
from lineage.corpus import ingest
from lineage.errors import LineageError, PdfLimitError
from lineage.read import read_document, read_documents
from lineage.read.pdf import extract_pdf, extract_pdfs
from lineage.read.pdf.extract import BYTES_PER_WORKER, MAX_WORKERS, reading_workers
from lineage.read.pdf.limits import Limits
from lineage.read.pdf.sandbox import run_isolated_each
from support import hostile_pdfs as H

PDFS = Path(__file__).resolve().parent / "pdfs"


@pytest.mark.parametrize("name", ["real/A-80-L.5.en.pdf", "a-res-80-173-zh-subset.pdf", "a-res-70-125-en.pdf"])
def test_shared_out_pages_give_the_same_document(name):
    one = extract_pdf(PDFS / name, workers=1).to_dict()
    assert len(one["paragraphs"]) > 3  # a real reading, not an empty one
    for workers in (2, 3):
        assert extract_pdf(PDFS / name, workers=workers).to_dict() == one


def test_shared_out_pages_with_the_pdfplumber_engine():
    pdf = PDFS / "real" / "A-C.2-80-L.59.en.pdf"  # 4 pages
    one = extract_pdf(pdf, "pdfplumber", workers=1).to_dict()
    assert extract_pdf(pdf, "pdfplumber", workers=3).to_dict() == one


def test_more_workers_than_pages():
    pdf = PDFS / "real" / "A-C.2-80-L.59.en.pdf"
    assert extract_pdf(pdf, workers=6).to_dict() == extract_pdf(pdf, workers=1).to_dict()


def test_errors_of_a_shared_out_reading_are_the_same(tmp_path):
    bad = tmp_path / "zero.pdf"
    bad.write_bytes((PDFS / "err-zero-pages.pdf").read_bytes())
    with pytest.raises(Exception, match="the PDF has no pages") as one:
        extract_pdf(bad, workers=1)
    with pytest.raises(type(one.value), match="the PDF has no pages"):
        extract_pdf(bad, workers=2)


def _outcome(pdf: Path, workers: int) -> object:
    try:
        return extract_pdf(pdf, workers=workers).to_dict()
    except LineageError as exc:
        return (type(exc).__name__, exc.reason)


@pytest.mark.parametrize("in_place", [False, True])
def test_damaged_pdfs_give_the_same_outcome_with_several_readers(tmp_path, in_place):
    """Seeded byte mutants of multi-page PDFs: the same document, or the same error (class and
    reason: the earliest page's), whatever the number of readers. (pdfium reads a damaged
    font differently after other pages than without them: without the second reading of
    extract_pdf, 1 of the first 16 mutants and 2 of the second gave other text with two or
    three readers.)"""
    sources = [PDFS / "real" / "A-80-L.13.en.pdf", PDFS / "real" / "A-C.2-80-L.59.en.pdf",
               PDFS / "a-res-70-125-en.pdf"]
    kinds = set()
    for name, data in H.byte_mutants(sources, seed=1 if in_place else 20261206, count=16, in_place=in_place):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        one = _outcome(pdf, 1)
        kinds.add(type(one).__name__)
        assert _outcome(pdf, 2) == one, name
        assert _outcome(pdf, 3) == one, name
    assert kinds == {"dict", "tuple"}  # both documents and errors were compared


def test_default_number_of_workers(tmp_path, monkeypatch):
    small = tmp_path / "small.pdf"
    small.write_bytes(b"%PDF-1.4\n" + b" " * (BYTES_PER_WORKER - 100))
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b" " * (10 * BYTES_PER_WORKER))
    medium = tmp_path / "medium.pdf"
    medium.write_bytes(b"%PDF-1.4\n" + b" " * (BYTES_PER_WORKER + 10))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    assert reading_workers(small) == 1
    assert reading_workers(medium) == 2
    assert reading_workers(big) == MAX_WORKERS
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert reading_workers(big) == 1  # one core: one reader
    assert reading_workers(tmp_path / "missing.pdf") == 1


def test_read_document_passes_the_number_on(monkeypatch):
    seen = []
    real = pdf_package.extract_pdf

    def spy(path, engine=None, **kw):
        seen.append(kw.get("workers"))
        return real(path, engine, **kw)

    monkeypatch.setattr(pdf_package, "extract_pdf", spy)
    read_document(PDFS / "real" / "A-C.2-80-L.59.en.pdf", workers=2)
    assert seen == [2]


def test_a_pool_of_ingest_jobs_reads_each_pdf_in_one_process(monkeypatch):
    """`lineage ingest --jobs N` keeps the cores busy with whole files: a PDF read by several
    processes in each of N jobs would only crowd them."""
    submitted = []

    class Pool:
        def __init__(self, max_workers):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, fn, *args):
            submitted.append((fn, args))
            fut: Future = Future()
            fut.set_result(ingest.Extracted(args[0], error="not read"))
            return fut

    monkeypatch.setattr(ingest, "ProcessPoolExecutor", Pool)
    got = list(ingest._extract_all([Path("a.pdf"), Path("b.pdf")], jobs=2))
    assert sorted(g.path for g in got) == ["a.pdf", "b.pdf"]  # in the order they finish
    assert submitted == [(ingest.extract_one, ("a.pdf", 1)), (ingest.extract_one, ("b.pdf", 1))]


def test_several_pdfs_side_by_side(tmp_path):
    """`extract_pdfs`: one process a PDF, each document the one a single reader makes, each
    failure in its own place."""
    good = [PDFS / "real" / "A-C.2-80-L.59.en.pdf", PDFS / "a-res-70-125-en.pdf"]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100 + b"\n%%EOF\n")
    got = extract_pdfs([good[0], broken, tmp_path / "missing.pdf", good[1]], at_once=2)
    assert got[0].to_dict() == extract_pdf(good[0], workers=1).to_dict()
    assert got[3].to_dict() == extract_pdf(good[1], workers=1).to_dict()
    with pytest.raises(LineageError) as one:
        extract_pdf(broken)
    assert isinstance(got[1], type(one.value)) and got[1].reason == one.value.reason
    assert isinstance(got[2], LineageError) and got[2].reason == "no such file"
    assert got[1].path == str(broken) and got[2].path == str(tmp_path / "missing.pdf")


def test_read_documents_raises_the_first_failure_in_order(tmp_path):
    good = PDFS / "real" / "A-C.2-80-L.59.en.pdf"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100 + b"\n%%EOF\n")
    text = tmp_path / "notes.txt"
    text.write_text("")  # an empty text: EmptyDocumentError
    docs = read_documents([good, PDFS / "a-res-70-125-en.pdf"])
    assert [d.source.path for d in docs] == [str(good), str(PDFS / "a-res-70-125-en.pdf")]
    with pytest.raises(LineageError) as info:
        read_documents([good, broken, text])
    assert info.value.path == str(broken)
    with pytest.raises(LineageError) as info:
        read_documents([text, good, broken])
    assert info.value.path == str(text)


def _crowd(progress, folder: Path):
    """A job that notes how many jobs are running while it runs."""
    mine = folder / str(os.getpid())
    mine.touch()
    time.sleep(0.3)
    seen = len(list(folder.iterdir()))
    mine.unlink()
    return seen


@pytest.mark.parametrize("at_once", [1, 2])
def test_jobs_run_at_most_so_many_at_once(tmp_path, at_once):
    folder = tmp_path / "running"
    folder.mkdir()
    jobs = [(partial(_crowd, folder=folder), tmp_path / f"{k}.pdf") for k in range(4)]
    seen = run_isolated_each(jobs, at_once=at_once)
    assert max(seen) == at_once


def test_a_slow_page_among_several_pdfs_stops_that_one(tmp_path):
    """The others are read to the end (`lineage verify` reports each entry)."""
    marker = tmp_path / "pid"
    def slow(progress):
        for page in range(1, 5):  # ends after the other was stopped, each page in time
            progress(page)
            time.sleep(0.3)
        return "done"

    jobs = [(slow, tmp_path / "a.pdf"), (partial(H.hang_on_page, page=3, marker=marker), tmp_path / "b.pdf"), (lambda progress: "also", tmp_path / "c.pdf")]
    got = run_isolated_each(jobs, Limits(page_seconds=0.5), at_once=2)
    assert got[0] == "done" and got[2] == "also"
    assert isinstance(got[1], PdfLimitError) and got[1].path == str(tmp_path / "b.pdf")
    assert "page 3 took longer than 0.5 s (limit: time per page)" in got[1].reason
    with pytest.raises(ProcessLookupError):
        os.kill(int(marker.read_text()), 0)


def test_ingest_of_one_file_reads_it_here_with_the_default_readers(monkeypatch):
    """No pool for one file: its pages may be shared out among the cores instead."""
    calls = []

    class NoPool:
        def __init__(self, max_workers):
            raise AssertionError("a pool was started for one file")

    monkeypatch.setattr(ingest, "ProcessPoolExecutor", NoPool)
    monkeypatch.setattr(ingest, "extract_one", lambda path, workers=None: calls.append((path, workers)) or
                        ingest.Extracted(path, error="not read"))
    got = list(ingest._extract_all([Path("a.pdf")], jobs=4))
    assert [g.path for g in got] == ["a.pdf"] and calls == [("a.pdf", None)]
