"""The line-end hyphen policy over a folder of real PDFs, without gold made by our code.

Every PDF of DIR is read by poppler's ``pdftotext -layout`` (an independent reader that keeps
line-end hyphens as printed). Each line ending in ``letters-`` followed by a line starting
with a lower-case letter is a break ``head-|tail``. What is right for a break is taken from
how the whole folder prints the compound in mid-line: ``head-tail`` more often than
``headtail`` -> the hyphen belongs to the word; the other way -> hyphenation; neither printed
or a tie -> undecidable, not counted. For every decidable break, the policy
(:func:`lineage.script.lines.hyphen_kept`) is asked twice with the document's own lines as
evidence:

- **with the typesetter test**: ``Words.from_texts(lines)``, as the readers call it;
- **without**: the same document words given as a set (``Words(document=...)``), which says
  nothing about the typesetter, so only the frequency rule decides (the policy before the test);

and twice with the break alone (no other words of the document: a paragraph normalised on its
own, or a break the document's words do not settle), with no evidence (the frequency rule) and
with ``Words.from_texts([])`` (no sign of hyphenation).

It also prints how many line-end hyphens each document has and how many are certain
hyphenation, and which documents count as hyphenating.

Usage (poppler-utils must be installed)::

    .venv/bin/python benchmarks/hyphen_check.py DIR [--only GLOB]

Exit 0 always (a report).
"""
from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from pathlib import Path

from lineage.script.lines import Words, collect_words, hyphen_kept

_END = re.compile(r"\b([A-Za-z]+)-\s*$")
_START = re.compile(r"\s*([a-z]+)")
_MID = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def layout_lines(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-q", "-layout", str(pdf), "-"], capture_output=True, check=False)
    return out.stdout.decode("utf-8", "replace").splitlines()


def breaks(lines: list[str]) -> list[tuple[str, str]]:
    found = []
    for i, line in enumerate(lines):
        m = _END.search(line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        n = _START.match(lines[j]) if j < len(lines) else None
        if n:
            found.append((m.group(1), n.group(1)))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--only", default="*.pdf")
    args = ap.parse_args()
    docs = {p.name: layout_lines(p) for p in sorted(args.folder.glob(args.only))}
    usage: Counter[str] = Counter()
    for lines in docs.values():
        for line in lines:
            usage.update(w.lower() for w in _MID.findall(_END.sub("", line)))
    tally = Counter[str]()
    keys = ("without the typesetter test", "with the typesetter test",
            "the break alone, without the test", "the break alone, with the test")
    wrong: dict[str, list[str]] = {key: [] for key in keys}
    hyphenating = []
    per_doc = []
    for name, lines in docs.items():
        found = breaks(lines)
        words = Words.from_texts(lines)
        plain = Words(document=collect_words(lines))
        if words.hyphenates:
            hyphenating.append(name)
        per_doc.append(len(found))
        for head, tail in found:
            tally["breaks"] += 1
            hyphenated, joined = usage[f"{head}-{tail}".lower()], usage[f"{head}{tail}".lower()]
            if hyphenated == joined:
                continue
            tally["decidable"] += 1
            truth = hyphenated > joined
            tally["truth: hyphenation"] += not truth
            for key, evidence in zip(keys, (plain, words, None, Words.from_texts([]))):
                if hyphen_kept(head, tail, evidence) != truth:
                    wrong[key].append(f"{name}: {head}-|{tail} ({hyphenated} hyphenated, {joined} closed)")
    print(f"{len(docs)} PDFs, {tally['breaks']} line-end hyphens before a lower-case letter, "
          f"{tally['decidable']} decidable by the folder's mid-line usage, "
          f"{tally['truth: hyphenation']} of them typesetter hyphenation")
    print(f"documents that hyphenate (Words.hyphenates): {len(hyphenating)} {hyphenating[:20]}")
    for key in keys:
        print(f"\npolicy {key}: {len(wrong[key])} wrong")
        for row in wrong[key]:
            print("  " + row)


if __name__ == "__main__":
    main()
