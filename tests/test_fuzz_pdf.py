"""A brief seeded run of the PDF byte-mutation fuzzer (benchmarks/fuzz_pdf.py; the long run
and its figures are in docs/security.md): every mutant extracted in a child process with a
memory limit and a timeout gives a result or one clean error line, never a traceback or a
hang. Kept to a few mutants so that it stays well under 30 s; ``LINEAGE_FUZZ_MUTANTS=N``
runs more."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.fuzz,
              pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork and RLIMIT_AS")]


def _fuzzer():
    spec = importlib.util.spec_from_file_location("fuzz_pdf", REPO / "benchmarks" / "fuzz_pdf.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_pdf", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_mutated_pdfs_give_a_result_or_one_clean_error(tmp_path):
    fuzz = _fuzzer()
    fuzz.warm_up()
    n = int(os.environ.get("LINEAGE_FUZZ_MUTANTS", "6"))
    bad = []
    kinds = set()
    for i in range(n):
        out, _ = fuzz.run_one(i, seed=2026, timeout=60, memory_mb=1536, scratch=tmp_path)
        kinds.add(out.kind)
        if out.kind not in ("ok", "error"):
            bad.append(f"mutant {i} ({out.fixture}, {out.recipe}): {out.kind}: {out.detail}")
    assert not bad, "\n".join(bad)
    assert kinds <= {"ok", "error"}


def test_the_mutations_are_seeded():
    fuzz = _fuzzer()
    import random

    data = (REPO / "tests" / "pdfs" / "wsis-tunis-doc6-zh.pdf").read_bytes()
    a = fuzz.mutate(data, random.Random("7:3"))
    b = fuzz.mutate(data, random.Random("7:3"))
    c = fuzz.mutate(data, random.Random("7:4"))
    assert a == b and a[0] != data and a != c


def test_the_harness_extracts_an_intact_fixture(tmp_path):
    """The harness must see a good PDF as ok: when every extraction failed the same way under
    its memory limit (tests/test_pdf_fuzz_findings.py), every mutant was a "clean error" and
    the brief run passed while testing nothing."""
    fuzz = _fuzzer()
    fuzz.warm_up()
    pdf = tmp_path / "intact.pdf"
    pdf.write_bytes((REPO / "tests" / "pdfs" / "wsis-tunis-doc6-zh.pdf").read_bytes())
    kind, detail, _, peak = fuzz.extract_in_child(pdf, timeout=60, memory_mb=1536)
    assert (kind, detail) == ("ok", "")
    assert peak > 0
