"""The speed targets of issue 11, measured in one go, each against a baseline run in the same
process and printed as a ratio (figures and machine in docs/performance.md).

    .venv/bin/python benchmarks/speed_targets.py            # everything (about 12 minutes)
    .venv/bin/python benchmarks/speed_targets.py --quick    # corpus views at 1,000 documents
    .venv/bin/python benchmarks/speed_targets.py --only startup zh-diff

Targets (CPU time = user + system of the whole process, interpreter start included):

- ``startup``: ``lineage --help`` under 2x ``python -c pass``;
- ``zh-diff``: ``lineage diff`` of the two Chinese corpus texts (the reconstructed WSIS+20 draft
  and A/RES/80/173) under 0.3 s and 60 MiB; ``git diff --no-index --word-diff`` of the same
  files is the baseline;
- ``corpus``: ``lineage graph`` of a 10,000-document corpus under 1 s, ``lineage topic`` under
  10 s (both shapes of ``benchmarks/make_corpus.py``); ``corpus_views_bench.py`` shows the
  growth over three sizes;
- ``align``: the paragraph alignment (``align_documents``) at most the time of the greedy
  baseline on the 135-paragraph pair of ``alignment_bench.py --speed``; a second row times
  the alignment stage alone (``align_texts``) against the greedy baseline on the same
  compare-normalised texts;
- ``extract``: ``extract_pdf`` (the default pdfium engine, in one reading child) at least 10x
  bare pdfplumber ``extract_text()`` and within 4x of poppler's ``pdftotext``, on the real
  52-page A/80/L.17 and the generated 308-page PDF (``tools.pdffixtures.long``); CPU time of
  this process and its children, best of 3 (pdfplumber: one run). For information, the
  default reading of these long PDFs (several readers at once) in CPU and in wall time
  against one reader and ``pdftotext``; ``extraction_bench.py --speed-only`` has every engine
  and the memory figures.

Timed runs are repeated and the median kept (other jobs on a shared machine only add time);
nothing here is asserted by the tests.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus_views_bench import best_of, child_env, corpus, run_measured, view_argv  # noqa: E402

TEXTS = REPO / "corpora" / "texts"
ZH_OLD = TEXTS / "WSIS+20_outcome_draft-reconstructed.zh.txt"
ZH_NEW = TEXTS / "A-RES-80-173.zh.txt"
LINEAGE = [sys.executable, "-m", "lineage.cli.main"]
TARGETS = ("startup", "zh-diff", "corpus", "align", "extract")


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), {platform.machine()}, Python {platform.python_version()}"


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median CPU seconds and peak MiB of each command, the commands interleaved run by run
    (so that a burst of load on the machine hits all of them alike)."""
    env = child_env()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for argv in commands.values():
        run_measured(argv, env)  # warm-up: page cache, .pyc files, lineage's cache folder
    for _ in range(runs):
        for name, argv in commands.items():
            cpu, mib, code = run_measured(argv, env)
            if code not in (0, 1):  # git diff and lineage diff --fail-on-change use 1
                raise SystemExit(f"failed ({code}): {' '.join(argv)}")
            samples[name].append((cpu, mib))
    return {name: (statistics.median(c for c, _ in s), max(m for _, m in s)) for name, s in samples.items()}


def row(target: str, measured: str, baseline: str, ratio: str, limit: str, met: bool | None) -> str:
    """A row of the table; ``met`` None: a figure for information, no target."""
    verdict = "-" if met is None else "yes" if met else "NO"
    return f"| {target} | {measured} | {baseline} | {ratio} | {limit} | {verdict} |"


def startup(runs: int) -> list[str]:
    m = medians({"pass": [sys.executable, "-c", "pass"], "help": LINEAGE + ["--help"]}, runs)
    (base, _), (helped, _) = m["pass"], m["help"]
    return [row("`lineage --help`", f"{helped * 1000:.0f} ms", f"`python -c pass` {base * 1000:.0f} ms",
                f"{helped / base:.2f}x", "< 2x", helped < 2 * base)]


def zh_diff(runs: int) -> list[str]:
    git = ["git", "diff", "--no-index", "--word-diff", str(ZH_OLD), str(ZH_NEW)]
    m = medians({"git": git, "lineage": LINEAGE + ["diff", str(ZH_OLD), str(ZH_NEW)]}, runs)
    (base, _), (cpu, mib) = m["git"], m["lineage"]
    return [
        row("Chinese `lineage diff`, CPU", f"{cpu:.3f} s", f"`git diff --word-diff` {base * 1000:.1f} ms",
            f"{cpu / base:.0f}x", "< 0.3 s", cpu < 0.3),
        row("Chinese `lineage diff`, peak memory", f"{mib:.0f} MiB", "", "", "< 60 MiB", mib < 60),
    ]


def corpus_views(size: int, work: Path) -> list[str]:
    rows = []
    env = child_env()
    base = min(run_measured([sys.executable, "-c", "pass"], env)[0] for _ in range(5))
    for shape in ("sessions", "chain"):
        folder = corpus(work, shape, size)
        for view, limit in (("graph", 1.0), ("topic", 10.0)):
            argv = view_argv(view, folder, shape)
            run_measured(argv, env)  # parses the manifest into the cache folder
            cpu, mib = best_of(argv, 3, env)
            rows.append(row(f"`lineage {view}`, {size:,} documents ({shape})", f"{cpu:.2f} s, {mib:.0f} MiB",
                            f"`python -c pass` {base * 1000:.0f} ms", f"{cpu / base:.0f}x",
                            f"< {limit:g} s", cpu < limit))
    return rows


def align() -> list[str]:
    import alignment_bench as ab  # noqa: E402 - sets up the test-support path it needs

    doc = ab.read_document(ab.SEED_TEXT)
    ab.compare_documents(doc, doc)  # warm-up: dictionary, caches
    case = ab.mutate(doc, 20251217, ab.Rates(edited_share=0.2))
    ours = ab._best_of(ab.align_documents, case.old, case.new, repeat=15)
    greedy = ab._best_of(ab.greedy_baseline, case.old, case.new, repeat=15)
    # The aligner alone: both methods given the same compare-normalised texts (the stage
    # before alignment, which (a) skips on the printed texts above).
    keys_old, keys_new = ab.compare_keys(case.old, case.new)
    language = ab.document_language(case.old, case.new)
    texts = ab._best_of(ab.align_texts, keys_old, keys_new, language, repeat=15)
    greedy_texts = ab._best_of(ab.greedy_texts, keys_old, keys_new, repeat=15)
    size = len(doc.all_paragraphs())
    return [row(f"alignment of the {size}-paragraph pair (`align_documents`: normalising, aligning, "
                "headings)", f"{ours * 1000:.1f} ms", f"greedy (a) on the printed texts {greedy * 1000:.1f} ms",
                f"{ours / greedy:.2f}x", "<= 1x", ours <= greedy),
            row(f"the aligner alone on the {size}-paragraph pair (`align_texts`, compare-normalised texts)",
                f"{texts * 1000:.1f} ms", f"greedy (a) on the same texts {greedy_texts * 1000:.1f} ms",
                f"{texts / greedy_texts:.2f}x", "<= 1x", texts <= greedy_texts)]


def extraction(work: Path) -> list[str]:
    import shutil
    import subprocess

    import extraction_bench as eb  # noqa: E402 - sets up the paths it needs

    from lineage.read.pdf.extract import reading_workers
    from tools.pdffixtures.long import make_long_pdf

    long_pdf, _ = make_long_pdf(work, pages=300)
    rows = []
    have_poppler = shutil.which("pdftotext") is not None
    for name, path in (("A/80/L.17 (real)", eb.PDFS / "real" / "A-80-L.17.en.pdf"), ("long-300 (generated)", long_pdf)):
        # The targets are CPU per page: one reader, the cheapest in CPU and how `lineage
        # ingest` reads each of several files. The default for a long PDF, several readers, is
        # timed below: less wall time for a little more CPU.
        ours = eb.timed(lambda path=path: eb.extract_pdf(path, workers=1), 3)
        bare = eb.timed(lambda path=path: eb.bare_text(path), 1)
        rows.append(row(f"`extract_pdf`, {name}, CPU, one reader", f"{ours:.2f} s", f"bare pdfplumber {bare:.2f} s",
                        f"{bare / ours:.1f}x faster", ">= 10x", bare >= 10 * ours))
        pop = pop_wall = 0.0
        if have_poppler:
            def poppler(path: Path = path) -> None:
                subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, stdout=subprocess.DEVNULL)

            pop = eb.timed(poppler, 3)
            pop_wall = wall_best(poppler, 3)
            rows.append(row(f"`extract_pdf`, {name}, CPU, one reader", f"{ours:.2f} s", f"`pdftotext` {pop:.2f} s",
                            f"{ours / pop:.1f}x", "<= 4x", ours <= 4 * pop))
        readers = reading_workers(path)
        default = f"`extract_pdf`, {name}, {readers} readers (the default)"
        shared_cpu = eb.timed(lambda path=path: eb.extract_pdf(path), 3)
        shared = wall_best(lambda path=path: eb.extract_pdf(path), 3)
        one = wall_best(lambda path=path: eb.extract_pdf(path, workers=1), 3)
        if have_poppler:
            rows.append(row(f"{default}, CPU", f"{shared_cpu:.2f} s", f"`pdftotext` {pop:.2f} s",
                            f"{shared_cpu / pop:.1f}x", "(information)", None))
        rows.append(row(f"{default}, wall time", f"{shared:.2f} s", f"one reader {one:.2f} s",
                        f"{one / shared:.2f}x faster", "(information)", None))
        if have_poppler:
            rows.append(row(f"{default}, wall time", f"{shared:.2f} s", f"`pdftotext` {pop_wall:.2f} s",
                            f"{shared / pop_wall:.1f}x", "(information)", None))
    return rows


def wall_best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=TARGETS, default=list(TARGETS))
    parser.add_argument("--quick", action="store_true", help="corpus views at 1,000 documents, fewer runs")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (startup, zh-diff)")
    parser.add_argument("--work", type=Path, help="folder for the generated corpora (kept)")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else args.runs
    print(f"Machine: {machine()}; `nproc` = {os.cpu_count()}")
    print(f"Command: {' '.join(['python', 'benchmarks/speed_targets.py', *(argv if argv is not None else sys.argv[1:])])}")
    print()
    print("| target | measured | baseline (same run) | ratio | limit | met |")
    print("|---|---:|---|---:|---|---|")
    if "startup" in args.only:
        print("\n".join(startup(runs)), flush=True)
    if "zh-diff" in args.only:
        print("\n".join(zh_diff(runs)), flush=True)
    if "corpus" in args.only:
        work = args.work or Path(tempfile.mkdtemp(prefix="lineage-corpora-"))
        try:
            print("\n".join(corpus_views(1000 if args.quick else 10000, work)), flush=True)
        finally:
            if args.work is None:
                import shutil

                shutil.rmtree(work, ignore_errors=True)
    if "align" in args.only:
        print("\n".join(align()), flush=True)
    if "extract" in args.only:
        with tempfile.TemporaryDirectory(prefix="lineage-extract-") as tmp:
            print("\n".join(extraction(Path(tmp))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
