"""The corpus views (graph, topic, history, blame) on generated corpora of growing size.

    .venv/bin/python benchmarks/corpus_views_bench.py                      # 1,000 / 3,000 / 10,000
    .venv/bin/python benchmarks/corpus_views_bench.py --sizes 300 1000     # quicker
    .venv/bin/python benchmarks/corpus_views_bench.py --work /tmp/corpora  # keep the corpora

Each corpus comes from ``benchmarks/make_corpus.py`` (paragraphs of the bundled seed text;
``sessions``: families of drafts, revisions and resolutions, 40 a session, each building on the
previous session's; ``chain``: one text revised N-1 times). Each view runs as a whole ``lineage``
command in a fresh process (interpreter start included), CPU time (user + system) and peak
memory of that process:

- ``graph``: the whole corpus as a text tree;
- ``topic igf``: every text of the corpus;
- ``history`` and ``blame``: the newest resolution of the first family (sessions) or the newest
  revision (chain), paragraph 1: the longest lineage in the corpus.

Each view is measured twice: reading the texts (no ``index.sqlite`` in the corpus) and with a
fresh corpus index (``lineage index --jobs 1``, built in between; its CPU time is printed as
the ``index`` row). The two runs of a view must print the same bytes (checked).

The growth column divides the time per document at a size by the time per document at the
smallest size: 1.0 is linear growth, above it super-linear. The manifest of a large corpus is
parsed once into the cache folder (``lineage.read.cache``); the first run of each size does that and
is not timed (one untimed run per view also warms the page cache).
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from make_corpus import make_corpus  # noqa: E402

VIEWS = ("graph", "topic", "history", "blame")
SHAPES = ("sessions", "chain")
SOURCES = ("texts", "index")


def child_env() -> dict[str, str]:
    """The environment of a timed ``lineage`` process: this checkout first, bytecode written
    and read (an installed package has its .pyc files; without them every run recompiles)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_measured(argv: list[str], env: dict[str, str] | None = None,
                 stdout: int | object = subprocess.DEVNULL) -> tuple[float, float, int]:
    """(CPU seconds, peak MiB, exit code) of one process running ``argv``."""
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL,  # type: ignore[arg-type]
                            env=env or child_env(), cwd=REPO)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def best_of(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Fastest CPU time and its peak memory over ``repeat`` runs (other jobs on the machine
    only ever add time)."""
    runs = []
    for _ in range(repeat):
        cpu, mib, code = run_measured(argv, env)
        if code != 0:
            raise SystemExit(f"failed ({code}): {' '.join(argv)}")
        runs.append((cpu, mib))
    return min(runs)


def newest(folder: Path, shape: str) -> str:
    text = (folder / "manifest.toml").read_text(encoding="utf-8")
    if shape == "chain":
        revs = [int(n) for n in re.findall(r'symbol = "A/1/L\.1/Rev\.(\d+)"', text)]
        return f"A/1/L.1/Rev.{max(revs)}" if revs else "A/1/L.1"
    sessions = [int(n) for n in re.findall(r'symbol = "A/RES/(\d+)/1"', text)]
    return f"A/RES/{max(sessions)}/1"


def view_argv(view: str, folder: Path, shape: str) -> list[str]:
    base = [sys.executable, "-m", "lineage.cli.main"]
    target = newest(folder, shape)
    return base + {
        "graph": ["graph"],
        "topic": ["topic", "igf"],
        "history": ["history", target, "1"],
        "blame": ["blame", target],
    }[view] + ["--corpus", str(folder)]


def corpus(work: Path, shape: str, size: int) -> Path:
    folder = work / f"{shape}-{size}"
    if not (folder / "manifest.toml").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus(folder, size, shape)
    return folder


def output_of(argv: list[str], env: dict[str, str]) -> bytes:
    """What the command prints (the untimed run), to compare the texts and index runs."""
    with tempfile.TemporaryFile() as fh:
        run_measured(argv, env, stdout=fh)  # also caches the manifest, warms the page cache
        fh.seek(0)
        return fh.read()


Results = dict[tuple[str, str, int, str], tuple[float, float]]


def measure(work: Path, sizes: list[int], shapes: tuple[str, ...], views: tuple[str, ...],
            repeat: int) -> Results:
    results: Results = {}
    env = child_env()
    for shape in shapes:
        for size in sizes:
            folder = corpus(work, shape, size)
            (folder / "index.sqlite").unlink(missing_ok=True)
            printed: dict[str, bytes] = {}
            for source in SOURCES:
                if source == "index":
                    argv = [sys.executable, "-m", "lineage.cli.main", "index", "--jobs", "1", "--corpus", str(folder)]
                    cpu, mib, code = run_measured(argv, env)
                    if code != 0:
                        raise SystemExit(f"failed ({code}): {' '.join(argv)}")
                    results[(shape, "index", size, source)] = (cpu, mib)
                    print(f"  {shape:8} {'index':8} {size:>6} docs  {cpu:7.2f} s  {mib:6.0f} MiB  (build)",
                          file=sys.stderr)
                for view in views:
                    argv = view_argv(view, folder, shape)
                    out = output_of(argv, env)
                    if printed.setdefault(view, out) != out:
                        raise SystemExit(f"{view} prints something else with the index: {' '.join(argv)}")
                    results[(shape, view, size, source)] = best_of(argv, repeat, env)
                    cpu, mib = results[(shape, view, size, source)]
                    print(f"  {shape:8} {view:8} {size:>6} docs  {cpu:7.2f} s  {mib:6.0f} MiB  ({source})",
                          file=sys.stderr)
            (folder / "index.sqlite").unlink(missing_ok=True)
    return results


def table(results: Results, sizes: list[int]) -> str:
    lines = ["| shape | view | from | " + " | ".join(f"{s:,} docs" for s in sizes)
             + " | growth per document, smallest to largest |",
             "|---|---|---|" + "---:|" * len(sizes) + "---:|"]
    for shape in SHAPES:
        for view in (*VIEWS, "index"):
            for source in SOURCES:
                row = [results.get((shape, view, s, source)) for s in sizes]
                if not all(row):
                    continue
                cells = [f"{cpu:.2f} s, {mib:.0f} MiB" for cpu, mib in row]  # type: ignore[misc]
                small, large = row[0][0] / sizes[0], row[-1][0] / sizes[-1]  # type: ignore[index]
                what = "(build)" if view == "index" else source
                lines.append(f"| {shape} | {view} | {what} | " + " | ".join(cells) + f" | {large / small:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--views", nargs="+", choices=VIEWS, default=list(VIEWS))
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per measurement (best kept)")
    parser.add_argument("--work", type=Path, help="folder for the generated corpora (kept; default: a temporary one)")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    work = args.work or Path(tempfile.mkdtemp(prefix="lineage-corpora-"))
    try:
        print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs; corpora in {work}", file=sys.stderr)
        results = measure(work, sizes, tuple(args.shapes), tuple(args.views), args.repeat)
        print(table(results, sizes))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
