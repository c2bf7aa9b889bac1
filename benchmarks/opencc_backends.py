"""Time OpenCC's t2s conversion of a text with whichever ``opencc`` module this interpreter
imports, to compare the C++ binding (``opencc``, the project's dependency) with the pure Python
``opencc-python-reimplemented``. Both install a module named ``opencc``, so run this script
with two interpreters, the second from a throw-away venv:

    .venv/bin/python benchmarks/opencc_backends.py
    python3 -m venv /tmp/occ-venv && /tmp/occ-venv/bin/pip install opencc-python-reimplemented
    /tmp/occ-venv/bin/python benchmarks/opencc_backends.py --number 5
"""
from __future__ import annotations

import argparse
import timeit
from pathlib import Path

import opencc

SEED = Path(__file__).resolve().parent.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="time OpenCC t2s with the installed backend")
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--number", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")

    converter = opencc.OpenCC("t2s")
    out = converter.convert(text)
    per_call = min(timeit.repeat(lambda: converter.convert(text), number=args.number, repeat=args.repeat))
    per_call /= args.number
    build = min(timeit.repeat(lambda: opencc.OpenCC("t2s"), number=3, repeat=3)) / 3
    diffs = [(i, a, b) for i, (a, b) in enumerate(zip(text, out)) if a != b]
    print(f"module: {opencc.__file__}")
    print(f"convert: {per_call * 1e3:.3f} ms/call ({len(text) / per_call / 1e6:.2f} Mchar/s)")
    print(f"build converter: {build * 1e3:.1f} ms")
    print(f"same length: {len(out) == len(text)}; differences: {diffs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
