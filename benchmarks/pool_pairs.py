"""``lineage diff`` of every word-for-word draft -> adopted pair of the session's PDFs.

The plenary resolutions name their draft (``[without reference to a Main Committee
(A/80/L.n)]``); for the pairs below the bodies were compared word for word with an
independent extractor (poppler's ``pdftotext``, docs/extraction.md, "Draft -> adopted on the
real chains"): the adopted text is the draft's. ``lineage diff`` of each pair must then
report no changed paragraph and say so in one line (``Same text word for word: ...``).

Usage::

    .venv/bin/python benchmarks/pool_pairs.py DIR      # DIR holds A_80_L.15.pdf, A_RES_80_11.pdf, ...

Prints one Markdown row per pair (the one line found or not, the summary counts, the
changed pairs), then how many pairs pass. Runs the real command (``python -m
lineage.cli.main diff``), once as text (the one line) and once as JSON (what changed).
Exit 0 when every pair passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

# (draft, resolution): the 19 word-for-word pairs named in docs/extraction.md.
PAIRS = [
    ("A/80/L.11", "A/RES/80/10"), ("A/80/L.13", "A/RES/80/107"), ("A/80/L.14", "A/RES/80/108"),
    ("A/80/L.15", "A/RES/80/11"), ("A/80/L.27", "A/RES/80/111"), ("A/80/L.18", "A/RES/80/112"),
    ("A/80/L.24", "A/RES/80/115"), ("A/80/L.26", "A/RES/80/116"), ("A/80/L.34", "A/RES/80/117"),
    ("A/80/L.41", "A/RES/80/173"), ("A/80/L.21", "A/RES/80/174"), ("A/80/L.6", "A/RES/80/4"),
    ("A/80/L.5", "A/RES/80/5"), ("A/80/L.9", "A/RES/80/6"), ("A/80/L.7", "A/RES/80/7"),
    ("A/80/L.16", "A/RES/80/72"), ("A/80/L.12", "A/RES/80/73"), ("A/80/L.10", "A/RES/80/8"),
    ("A/80/L.17", "A/RES/80/109"),
]
SAME = "Same text word for word"


def _file(folder: Path, symbol: str) -> Path:
    return folder / (symbol.replace("/", "_") + ".pdf")


def _diff(old: Path, new: Path, fmt: str) -> str:
    cmd = [sys.executable, "-m", "lineage.cli.main", "diff", "--format", fmt, "--no-color", str(old), str(new)]
    if fmt == "json":
        cmd.remove("--no-color")
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{old.name} -> {new.name}: {out.stderr.strip()}")
    return out.stdout


def check_pair(folder: Path, draft: str, adopted: str) -> tuple[bool, str]:
    """Whether the pair passes, and its Markdown row."""
    old, new = _file(folder, draft), _file(folder, adopted)
    text = _diff(old, new, "text")
    said = any(line.startswith(SAME) for line in text.splitlines())
    report = json.loads(_diff(old, new, "json"))
    summary = report["summary"]
    changed = [p for p in report["pairs"] if p["kind"] != "unchanged"]
    what = "; ".join(
        f"{p['kind']} {','.join(p['old'] or []) or '-'}->{','.join(p['new'] or []) or '-'}" for p in changed[:6])
    ok = said and not changed
    counts = ", ".join(f"{k} {v}" for k, v in summary.items() if v)
    return ok, (f"| {draft} -> {adopted} | {'yes' if said else 'no'} | {counts} | {what or '-'} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args(argv)
    print("| pair | one line says word for word | summary | changed pairs |")
    print("|---|---|---|---|")
    passed = 0
    for draft, adopted in PAIRS:
        ok, row = check_pair(args.dir, draft, adopted)
        passed += ok
        print(row, flush=True)
    print(f"\n{passed} of {len(PAIRS)} pairs report no changed paragraph and say so in one line.")
    return 0 if passed == len(PAIRS) else 1


if __name__ == "__main__":
    sys.exit(main())
