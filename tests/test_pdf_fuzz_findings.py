"""Causes found by the long PDF fuzzing run (benchmarks/fuzz_pdf.py; docs/security.md,
"Fuzzing"), one test each: the run's mutant is named where a test replays one."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from lineage.errors import PdfError
from lineage.read.pdf.sandbox import run_isolated

REPO = Path(__file__).resolve().parent.parent
PDFS = REPO / "tests" / "pdfs"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork and RLIMIT_AS")


def _cli(*argv: str, memory_mb: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def limit() -> None:
        if memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    return subprocess.run([sys.executable, "-m", "lineage.cli.main", *argv], capture_output=True, text=True,
                          env=env, timeout=120, preexec_fn=limit)


@needs_fork
def test_an_inherited_memory_limit_below_the_sandbox_ceiling_is_kept():
    """Under `ulimit -v 1536000` (the fuzzer's own limit, a container's) the extraction child
    tried to raise its limit to 2 GiB over its size, setrlimit failed, and every PDF - the
    fuzzer's mutants and intact fixtures alike - was "extraction failed in its child process
    (exit 70)": the fuzzer counted each mutant as a clean refusal and tested nothing."""
    pdf = PDFS / "wsis-tunis-doc6-zh.pdf"
    limited = _cli("extract", str(pdf), memory_mb=1536)
    assert limited.returncode == 0, limited.stderr
    assert limited.stderr == ""
    assert limited.stdout == _cli("extract", str(pdf)).stdout
    assert "信息社会突尼斯议程" in limited.stdout  # the title, as the gold file has it


@needs_fork
def test_a_bug_in_the_child_is_one_line_naming_the_exception_and_where(tmp_path):
    """An exception that is not a LineageError (a bug in the reader) used to come back as
    "extraction failed in its child process (exit 70)", which says nothing and which the
    fuzzer could not tell from a clean refusal; now it is one line naming it, its place and
    the word the fuzzer counts as a traceback."""
    def broken(progress):
        progress(4)
        return [][1]

    with pytest.raises(PdfError) as info:
        run_isolated(broken, tmp_path / "x.pdf")
    message = str(info.value.reason)
    assert message.startswith("page 4: internal error while reading the PDF (IndexError: list index out of range "
                              "(at test_pdf_fuzz_findings.py:"), message
    assert "\n" not in message
