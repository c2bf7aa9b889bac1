"""Throughput of the `compare` normalisation on the seed, next to the bare OpenCC conversion
of the same text, measured in the same run.

    .venv/bin/python benchmarks/normalize_bench.py [FILE] [--repeat N] [--number N]

Target (issue 2): the whole `compare` profile costs at most 3 times the OpenCC conversion.
Each figure is the best of ``--repeat`` rounds of ``--number`` calls (the minimum is the
least disturbed by other processes). "compare + offsets/changes" also builds the full
offset list and the change list, which `normalize` derives on first use.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.normalize import normalize  # noqa: E402
from lineage.normalize.chinese import to_simplified  # noqa: E402

SEED = REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


def best_of(funcs: dict, number: int, repeat: int) -> dict[str, float]:
    """Seconds per call of each function, best of ``repeat`` rounds. The rounds of the
    functions alternate, so a burst of load on the machine hits all of them alike."""
    best = {name: float("inf") for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            best[name] = min(best[name], timeit.timeit(func, number=number) / number)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=100)
    args = parser.parse_args(argv)

    text = args.file.read_text(encoding="utf-8")
    to_simplified(text)  # build the cached converter outside the timing
    normalize(text, "compare")

    def full() -> None:
        result = normalize(text, "compare")
        result.offsets, result.changes  # noqa: B018 - force the derived fields

    timings = best_of(
        {
            "bare OpenCC t2s": lambda: to_simplified(text),
            "display": lambda: normalize(text, "display"),
            "compare": lambda: normalize(text, "compare"),
            "compare + offsets/changes": full,
        },
        args.number,
        args.repeat,
    )
    rows = list(timings.items())
    base = rows[0][1]
    print(f"file: {args.file.name} ({len(text)} characters)")
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{'':28s} {'ms/call':>9s} {'Mchar/s':>9s} {'x OpenCC':>9s}")
    for name, seconds in rows:
        rate = len(text) / seconds / 1e6
        print(f"{name:28s} {seconds * 1e3:9.3f} {rate:9.2f} {seconds / base:9.2f}")
    ratio = rows[2][1] / base
    verdict = "meets" if ratio <= 3 else "misses"
    print(f"compare / OpenCC = {ratio:.2f} ({verdict} the 3x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
