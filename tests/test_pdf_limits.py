"""Resource limits for untrusted PDFs (issue 15, findings 4-6; docs/security.md, "PDF"):
hand-made hostile PDFs, each run through the CLI in a subprocess with a timeout, must end in
one line and exit 2 (or, where the PDF is readable, a document) - never a traceback, a hang
or a memory blow-up - with either engine."""
from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import time
import zlib
from functools import partial
from pathlib import Path

import pytest

from lineage.errors import LineageError, PdfError, PdfLimitError
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.limits import Limits, prescan
from lineage.read.pdf.sandbox import run_isolated, run_isolated_all
from support import hostile_pdfs as H

REPO = Path(__file__).resolve().parent.parent
PDFS = REPO / "tests" / "pdfs"
ENGINES = ("pdfium", "pdfplumber")


def _cli(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "lineage.cli.main", *argv], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=timeout)


def _one_line_error(p: subprocess.CompletedProcess, path: Path, *words: str) -> None:
    assert p.returncode == 2, p.stderr
    assert p.stdout == ""
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    assert lines[0].startswith(f"lineage: {path}: ")
    for w in words:
        assert w in lines[0]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", ["self-mediabox", "self-resources"])
def test_reference_cycle_is_refused_not_followed(tmp_path, case, engine):
    """``6 0 obj 6 0 R endobj`` as /MediaBox or /Resources hung `extract` forever (pdfminer
    resolves the reference in a loop); it is refused before any library reads the file."""
    pdf = H.HOSTILE[case](tmp_path / f"{case}.pdf")
    _one_line_error(_cli("extract", "--engine", engine, str(pdf), timeout=60), pdf, "limit: reference cycles")


def test_reference_chain_cycle_through_several_objects(tmp_path):
    objs = H.simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 4 0 R >>")
    objs[6], objs[7], objs[8] = b"7 0 R", b"8 0 R", b"6 0 R"
    pdf = H.write_pdf(tmp_path / "chain.pdf", objs)
    with pytest.raises(PdfLimitError, match="leads back to itself"):
        prescan(pdf)


def test_reference_chain_depth_is_bounded(tmp_path):
    objs = H.simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox 10 0 R /Contents 4 0 R >>")
    for k in range(10, 30):
        objs[k] = b"%d 0 R" % (k + 1)
    objs[30] = b"[0 0 612 792]"
    pdf = H.write_pdf(tmp_path / "long-chain.pdf", objs)
    prescan(pdf)  # 20 links: fine
    with pytest.raises(PdfLimitError, match="object-reference depth"):
        prescan(pdf, Limits(max_reference_depth=10))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", ["self-length", "no-mediabox", "parent-cycle", "deep-page-tree", "deep-form-nesting"])
def test_broken_structure_is_a_document_or_a_typed_error(tmp_path, case, engine):
    """A page without /MediaBox, a stream whose /Length refers to itself, a page tree that
    contains itself or is 3,000 levels deep, forms drawing each other 3,000 deep: a document
    (pdfium reads a page without /MediaBox as US Letter, as viewers do) or a PdfError - in
    the isolated child, whose time limit per page would stop a hang."""
    pdf = H.HOSTILE[case](tmp_path / f"{case}.pdf")
    try:
        doc = extract_pdf(pdf, engine=engine)
    except PdfError as exc:
        assert exc.path == str(pdf) and "\n" not in exc.message
    else:
        assert doc.source.pages >= 1


@pytest.mark.parametrize("case", ["no-mediabox", "deep-page-tree"])
def test_broken_structure_through_the_cli(tmp_path, case):
    """The findings' own inputs gave a traceback and exit 1 through the CLI."""
    pdf = H.HOSTILE[case](tmp_path / f"{case}.pdf")
    for engine in ENGINES:
        p = _cli("extract", "--engine", engine, "--format", "json", str(pdf), timeout=90)
        assert "Traceback" not in p.stderr
        if p.returncode == 0:
            assert '"schema": "lineage.document/1"' in p.stdout and p.stderr == ""
        else:
            _one_line_error(p, pdf)


def test_pdfium_reads_a_page_without_mediabox_as_letter(tmp_path):
    pdf = H.no_mediabox(tmp_path / "nomb.pdf")
    doc = extract_pdf(pdf, engine="pdfium")
    assert doc.title == "Hello hostile world"


def test_decompression_bomb_is_refused_with_bounded_memory(tmp_path):
    """A 1.1 MB content stream inflating to 1 GiB took 2.2 GB and exited 0; it is refused
    by the per-stream limit, counted in bounded chunks, never held."""
    pdf = H.bomb(tmp_path / "bomb.pdf", inflated=1 << 30)
    assert pdf.stat().st_size < 1_200_000
    # VmHWM: this process's own peak (ru_maxrss would carry pytest's over fork+exec).
    code = (
        "import sys\n"
        "from lineage.cli.main import main\n"
        "rc = main(['extract', sys.argv[1]])\n"
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    p = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, env=env,
                       timeout=300, cwd=REPO)
    assert p.returncode == 2
    assert "limit: decompressed bytes per stream" in p.stderr and "Traceback" not in p.stderr
    peak_kib = int(p.stdout.split()[-1])
    assert peak_kib < 400 * 1024  # the interpreter and libraries, not the gigabyte


def test_total_decompressed_bytes_are_bounded(tmp_path):
    pdf = H.bomb(tmp_path / "b.pdf", inflated=3 << 20)
    prescan(pdf)
    stream = pdf.read_bytes().split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    assert zlib.decompress(stream) == b" " * (3 << 20)  # the hand-made bomb is valid zlib
    with pytest.raises(PdfLimitError, match="per stream"):
        prescan(pdf, Limits(max_stream_bytes=2 << 20))
    with pytest.raises(PdfLimitError, match="per PDF"):
        prescan(pdf, Limits(max_decoded_bytes=2 << 20))


def test_page_time_limit_kills_the_child(tmp_path):
    """A page that never finishes (a loop inside the PDF library cannot be interrupted from
    Python) is stopped by the parent after the time limit; the child does not survive."""
    marker = tmp_path / "child.pid"
    hang = partial(H.hang_on_page, page=1, marker=marker)
    with pytest.raises(PdfLimitError, match=r"page 1 took longer than 0.5 s \(limit: time per page\)"):
        run_isolated(hang, tmp_path / "x.pdf", Limits(page_seconds=0.5))
    pid = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_memory_ceiling_in_the_child(tmp_path):
    def hog(progress):
        progress(3)
        return bytearray(600 << 20)

    with pytest.raises(PdfLimitError, match="page 3: needs more than 64 MiB"):
        run_isolated(hog, tmp_path / "x.pdf", Limits(memory_bytes=64 << 20))


def test_a_crash_in_the_child_is_one_error(tmp_path):
    def crash(progress):
        progress(2)
        faulthandler.disable()  # pytest's handler would print the child's stack
        os.kill(os.getpid(), signal.SIGSEGV)

    with pytest.raises(PdfLimitError, match=r"page 2: the PDF library stopped \(SIGSEGV\)"):
        run_isolated(crash, tmp_path / "x.pdf")


def test_typed_errors_and_results_cross_the_process_boundary(tmp_path):
    assert run_isolated(lambda progress: {"a": [1, 2]}, tmp_path / "x.pdf") == {"a": [1, 2]}

    def fail(progress):
        raise PdfError("broken on purpose", tmp_path / "x.pdf")

    with pytest.raises(PdfError, match="broken on purpose") as info:
        run_isolated(fail, tmp_path / "x.pdf")
    assert info.value.path == str(tmp_path / "x.pdf")


def test_several_children_at_once_give_their_results_in_order(tmp_path):
    fns = [lambda progress, k=k: (k, os.getpid()) for k in range(3)]
    got = run_isolated_all(fns, tmp_path / "x.pdf")
    assert [k for k, _ in got] == [0, 1, 2]
    assert len({pid for _, pid in got} | {os.getpid()}) == 4  # each in a process of its own


def test_the_error_of_the_earliest_page_is_the_one_raised(tmp_path):
    """As a reading in one process would have met it first, whichever child finished first."""
    path = tmp_path / "x.pdf"

    def late(progress):
        progress(7)
        raise PdfError("page 7 is broken", path)

    def early(progress):
        progress(2)
        time.sleep(0.3)  # fails after the other
        raise PdfLimitError("page 2 is too big", path)

    with pytest.raises(PdfLimitError, match="page 2 is too big"):
        run_isolated_all([late, early, lambda progress: "fine"], path)

    def dies(progress):
        progress(4)
        os._exit(3)

    with pytest.raises(PdfError, match=r"page 4: extraction failed in its child process \(exit 3\)"):
        run_isolated_all([lambda progress: "fine", dies], path)


def test_a_slow_page_stops_every_child(tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()

    def slow(progress):
        (pids / str(os.getpid())).touch()
        progress(1)
        time.sleep(0.1)
        progress(3)  # each page within the limit
        time.sleep(60)

    with pytest.raises(PdfLimitError, match=r"page 2 took longer than 0.5 s \(limit: time per page\)"):
        run_isolated_all([slow, partial(H.hang_on_page, page=2, marker=pids)], tmp_path / "x.pdf", Limits(page_seconds=0.5))
    assert len(list(pids.iterdir())) == 2
    for marker in pids.iterdir():
        with pytest.raises(ProcessLookupError):
            os.kill(int(marker.name), 0)


def test_isolated_and_in_process_extraction_agree():
    pdf = PDFS / "a-res-70-125-en.pdf"
    assert extract_pdf(pdf, isolate=True).to_dict() == extract_pdf(pdf, isolate=False).to_dict()


@pytest.mark.parametrize("workers", [1, 2])
def test_glyphs_per_page_limit(workers):
    with pytest.raises(PdfLimitError, match="page 1 has .* glyphs, over the limit of 100 .limit: glyphs per page"):
        extract_pdf(PDFS / "a-res-70-125-en.pdf", limits=Limits(max_page_glyphs=100), workers=workers)


def test_close_error_does_not_mask_the_real_error(tmp_path, monkeypatch):
    """pdfplumber's close() re-reads the pages and raised over the real error (a traceback,
    and in `verify` the loss of every other entry's report)."""
    import pdfplumber.pdf

    def bad_close(self):
        raise KeyError("MediaBox")

    monkeypatch.setattr(pdfplumber.pdf.PDF, "close", bad_close)
    # After a good read, a failing close changes nothing.
    doc = extract_pdf(PDFS / "a-res-70-125-en.pdf", engine="pdfplumber", isolate=False)
    assert doc.paragraphs
    # The error that stopped the reading is the one reported.
    with pytest.raises(PdfError, match="no text layer"):
        extract_pdf(PDFS / "err-image-only.pdf", engine="pdfplumber", isolate=False)

    def bad_page(page, number):
        raise PdfError("page 1: the real error", "x.pdf")

    monkeypatch.setattr("lineage.read.pdf.plumber.page_record", bad_page)
    with pytest.raises(PdfError, match="the real error"):
        extract_pdf(PDFS / "a-res-70-125-en.pdf", engine="pdfplumber", isolate=False)


@pytest.mark.parametrize("engine", ENGINES)
def test_fuzz_mutants_give_a_document_or_a_typed_error(tmp_path, engine):
    """Seeded byte mutations of fixture PDFs (a short run; the fuzzing harness of docs/security.md runs many):
    each gives a document or a LineageError, in bounded time - never another exception."""
    sources = [PDFS / "a-res-70-125-en.pdf", PDFS / "wsis-tunis-doc6-zh.pdf", PDFS / "real" / "A-80-L.13.en.pdf"]
    for name, data in H.byte_mutants(sources, seed=15 + len(engine), count=12):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        try:
            extract_pdf(pdf, engine=engine)
        except LineageError:
            pass
