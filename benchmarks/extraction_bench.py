"""Extraction benchmark: accuracy of ``lineage.read.pdf.extract_pdf`` against the gold documents of
every fixture in ``tests/pdfs/index.toml`` and ``tests/pdfs/independent/`` next to pdfplumber's bare ``page.extract_text()``,
speed (pages per second) of both and of poppler's ``pdftotext`` on the same PDFs in the same
run, and peak memory on a long (300-page) PDF made by ``tools.pdffixtures.long``.

Run from the repository root:

    .venv/bin/python benchmarks/extraction_bench.py            # everything (about 2 minutes)
    .venv/bin/python benchmarks/extraction_bench.py --no-long  # fixtures only

Prints Markdown tables (docs/extraction.md shows a run).
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
import time
from pathlib import Path

import pdfplumber
from rapidfuzz.distance import Levenshtein
from tabulate import tabulate

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # test support (mutations, accuracy) lives with the tests

from lineage.model.document import Document# noqa: E402
from lineage.read.pdf import extract_pdf# noqa: E402
from support.accuracy import compare_to_gold, squash  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PDFS = REPO / "tests" / "pdfs"
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])[ \u3000]+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])")


def bare_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        parts = []
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            page.close()
    return "\n".join(parts)


def furniture_tokens(path: Path) -> set[str]:
    """Tokens printed in the top/bottom 70 pt of pages (header, job number, page mark), read
    with bare pdfplumber; page 1's top is the masthead and is left out."""
    tokens: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            boxes = [(0, page.height - 70, page.width, page.height)]
            if page.page_number > 1:
                boxes.append((0, 0, page.width, 70))
            for box in boxes:
                tokens.update(t for t in (page.crop(box).extract_text() or "").split() if len(t) >= 3)
            page.close()
    return tokens


def doc_cer(text: str, gold: Document) -> float:
    want = squash("".join(p.text for p in gold.all_paragraphs()) + "".join(f.text for f in gold.footnotes))
    return Levenshtein.distance(squash(text), want) / max(1, len(want))


def accuracy_rows(fixtures: list[tuple[str, Path, Document]]) -> tuple[list[list], list[list]]:
    ours, base = [], []
    for name, path, gold in fixtures:
        doc = extract_pdf(path)
        furn = furniture_tokens(path)
        acc = compare_to_gold(doc, gold, furn)
        mine = {p.id: p for p in doc.all_paragraphs()}
        exact = sum(1 for p in gold.all_paragraphs() if p.id in mine and squash(mine[p.id].text) == squash(p.text))
        fn_exact = sum(1 for f in gold.footnotes if (g := doc.footnote(f.number)) and squash(g.text) == squash(f.text))
        our_text = "".join(p.text for p in doc.all_paragraphs()) + "".join(f.text for f in doc.footnotes)
        cjk_spaces = sum(len(_CJK_SPACE.findall(p.text)) for p in doc.all_paragraphs())
        ours.append([name, doc.source.pages, f"{acc.paragraph_cer:.4f}", f"{acc.footnote_cer:.4f}",
                     f"{doc_cer(our_text, gold):.4f}", "yes" if acc.ids_match else "no",
                     f"{exact}/{acc.paragraphs}", f"{fn_exact}/{acc.footnotes}",
                     f"{acc.refs_placed}/{acc.refs_expected}", acc.furniture_leaks, cjk_spaces])
        bare = bare_text(path)
        sb = squash(bare)
        found = sum(1 for p in gold.all_paragraphs() if squash(p.text) in sb)
        fn_found = sum(1 for f in gold.footnotes if squash(f.text) in sb)
        leaks = sum(bare.count(t) for t in furn)
        base.append([name, f"{doc_cer(bare, gold):.4f}", f"{found}/{acc.paragraphs}", f"{fn_found}/{acc.footnotes}",
                     f"0/{acc.refs_expected}", leaks, len(_CJK_SPACE.findall(bare))])
    return ours, base


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def speed_rows(paths: list[tuple[str, Path]], repeat: int, total: bool = True) -> list[list]:
    rows = []
    have_poppler = shutil.which("pdftotext") is not None
    sums = [0, 0.0, 0.0, 0.0]
    for name, path in paths:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        t_ours = timed(lambda: extract_pdf(path), repeat)
        t_bare = timed(lambda: bare_text(path), repeat)
        t_pop = timed(lambda: subprocess.run(["pdftotext", "-q", str(path), "-"], check=True,
                                             stdout=subprocess.DEVNULL), repeat) if have_poppler else None
        rows.append([name, pages, f"{pages / t_ours:.1f}", f"{pages / t_bare:.1f}",
                     f"{pages / t_pop:.1f}" if t_pop else "n/a", f"{t_ours / t_bare:.2f}"])
        sums[0] += pages
        sums[1] += t_ours
        sums[2] += t_bare
        sums[3] += t_pop or 0.0
    if total and len(paths) > 1:
        n, a, b, c = sums
        rows.append(["all PDFs above", n, f"{n / a:.1f}", f"{n / b:.1f}", f"{n / c:.1f}" if c else "n/a", f"{a / b:.2f}"])
    return rows


_MEM_SNIPPET = """
import sys
sys.path.insert(0, {repo!r})
which, path = sys.argv[1], sys.argv[2]
if which == "extract_pdf":
    from lineage.read.pdf import extract_pdf
    extract_pdf(path)
elif which == "extract_text":
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.close()
else:  # the interpreter with the libraries imported, extracting nothing
    import pdfplumber
    from lineage.read.pdf import extract_pdf
# VmHWM is this process's own peak (ru_maxrss would carry the parent's over fork+exec).
with open("/proc/self/status") as fh:
    print(next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:")))
"""


def peak_rss_mb(which: str, path: Path) -> float:
    """Peak resident memory of a fresh interpreter doing one extraction (MB)."""
    out = subprocess.run([sys.executable, "-c", _MEM_SNIPPET.format(repo=str(REPO)), which, str(path)],
                         check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def machine() -> str:
    lines = [f"- python {platform.python_version()}, pdfplumber {pdfplumber.__version__}, "
             f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"]
    try:
        cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in cpu.splitlines() if ln.startswith("Model name")), "?")
        lines.append(f"- CPU: {model}")
    except OSError:
        pass
    if shutil.which("pdftotext"):
        ver = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
        lines.append(f"- {ver}")
    else:
        lines.append("- pdftotext not installed (apt-get install poppler-utils): its column shows n/a")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-long", action="store_true", help="skip the long PDF (speed/memory at scale)")
    ap.add_argument("--long-pages", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per PDF (best is kept)")
    args = ap.parse_args(argv)

    index = tomllib.loads((PDFS / "index.toml").read_text(encoding="utf-8"))["fixture"]
    fixtures = [(f["name"], PDFS / f["file"], Document.from_json((PDFS / f["gold"]).read_text(encoding="utf-8")))
                for f in index if f["expect"] == "ok"]
    # PDFs made by other producers (LibreOffice, Chromium): tests/pdfs/independent/README.md
    for gold_path in sorted((PDFS / "independent").glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        fixtures.append((f"independent/{stem}", gold_path.with_name(f"{stem}.pdf"),
                         Document.from_json(gold_path.read_text(encoding="utf-8"))))
    with tempfile.TemporaryDirectory() as tmp:
        long_path = None
        if not args.no_long:
            from tools.pdffixtures.long import make_long_pdf

            long_path, long_gold = make_long_pdf(tmp, pages=args.long_pages)
            fixtures.append((long_path.stem, long_path, long_gold))
        ours, base = accuracy_rows(fixtures)
        print("## Accuracy: lineage extract (extract_pdf)\n")
        print(tabulate(ours, headers=["fixture", "pages", "paragraph CER", "footnote CER", "text CER",
                                      "ids in order", "paragraphs exact", "footnotes exact",
                                      "refs placed", "furniture leaks", "CJK-CJK spaces"], tablefmt="github"))
        print("\n## Accuracy: bare pdfplumber page.extract_text() (baseline)\n")
        print(tabulate(base, headers=["fixture", "text CER", "paragraphs found whole", "footnotes found whole",
                                      "refs placed", "furniture tokens in text", "CJK-CJK spaces"],
                       tablefmt="github"))
        speed_set = [(n, p) for n, p, _ in fixtures if long_path is None or p != long_path]
        extract_pdf(speed_set[0][1])  # warm up: first-call imports are not extraction time
        speed = speed_rows(speed_set, args.repeat)
        if long_path is not None:
            speed += speed_rows([(long_path.stem, long_path)], 1, total=False)
        print("\n## Speed (pages per second, best of "
              f"{args.repeat} runs; 1 run for the long PDF)\n")
        print(tabulate(speed, headers=["PDF", "pages", "extract_pdf", "bare extract_text", "pdftotext",
                                       "extract_pdf / extract_text time"], tablefmt="github"))
        if long_path is not None:
            small = fixtures[0][1]
            mem = [
                ["imports only (no extraction)", "-", f"{peak_rss_mb('imports', small):.0f}"],
                ["extract_pdf", small.name, f"{peak_rss_mb('extract_pdf', small):.0f}"],
                ["extract_pdf", long_path.name, f"{peak_rss_mb('extract_pdf', long_path):.0f}"],
                ["bare extract_text", long_path.name, f"{peak_rss_mb('extract_text', long_path):.0f}"],
            ]
            print("\n## Peak memory (fresh interpreter per run, VmHWM)\n")
            print(tabulate(mem, headers=["run", "PDF", "peak RSS (MB)"], tablefmt="github"))
    print("\n## Machine\n")
    print(machine())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
