"""Extraction benchmark: accuracy of ``lineage.read.pdf.extract_pdf`` against the gold documents of
every fixture in ``tests/pdfs/index.toml`` and ``tests/pdfs/independent/`` next to pdfplumber's bare ``page.extract_text()``,
speed (pages per second, CPU time of the process and its children) of our extraction with each
engine (pdfium, pdfplumber), of bare pdfplumber ``extract_text()`` and of poppler's ``pdftotext``
on the same PDFs in the same run - the long (308-page) PDF made by ``tools.pdffixtures.long``
and the real 52-page A/80/L.17 - and peak memory of a child process at two page
counts (VmHWM of a fresh child interpreter: its ru_maxrss would carry the parent's peak over
fork+exec), to show it does not grow with the length of the PDF.

Run from the repository root:

    .venv/bin/python benchmarks/extraction_bench.py               # everything (several minutes)
    .venv/bin/python benchmarks/extraction_bench.py --speed-only  # engines, speed and memory
    .venv/bin/python benchmarks/extraction_bench.py --no-long     # fixtures only

Prints Markdown tables (docs/extraction.md shows a run).
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
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

from lineage.model.document import Document  # noqa: E402
from lineage.read.pdf import extract_pdf  # noqa: E402
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


def cpu_now() -> float:
    """CPU seconds of this process and of its reaped children (the extraction runs in a
    child by default; pdftotext is one)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = cpu_now()
        fn()
        best = min(best, cpu_now() - t)
    return best


ENGINE_RUNS = [
    ("extract_pdf pdfium", lambda p: extract_pdf(p, engine="pdfium")),
    ("extract_pdf pdfium in-process", lambda p: extract_pdf(p, engine="pdfium", isolate=False)),
    ("extract_pdf pdfplumber", lambda p: extract_pdf(p, engine="pdfplumber", isolate=False)),
]


def speed_rows(paths: list[tuple[str, Path]], repeat: int, total: bool = True) -> list[list]:
    """Pages per CPU second of each way of reading, and each one's ratio to bare pdfplumber
    ``extract_text()`` (issue 11's baseline), to our pdfplumber engine (what extraction cost
    before pdfium) and to pdftotext."""
    rows = []
    have_poppler = shutil.which("pdftotext") is not None
    for name, path in paths:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        times = {label: timed(lambda run=run, path=path: run(path), repeat) for label, run in ENGINE_RUNS}
        times["bare pdfplumber extract_text"] = timed(lambda path=path: bare_text(path), 1)
        if have_poppler:
            times["pdftotext"] = timed(lambda path=path: subprocess.run(["pdftotext", "-q", str(path), "-"],
                                                                        check=True, stdout=subprocess.DEVNULL), repeat)
        base = times["extract_pdf pdfplumber"]
        bare = times["bare pdfplumber extract_text"]  # issue 11's baseline: the target is 10x its pages/s
        pop = times.get("pdftotext")
        for label, t in times.items():
            rows.append([name, pages, label, f"{t:.2f}", f"{pages / t:.1f}", f"{bare / t:.1f}x", f"{base / t:.1f}x",
                         f"{t / pop:.1f}x" if pop else "n/a"])
    return rows


_MEM_SNIPPET = """
import sys
sys.path.insert(0, {repo!r})
which, path = sys.argv[1], sys.argv[2]
if which.startswith("extract_pdf"):
    from lineage.read.pdf import extract_pdf
    extract_pdf(path, engine=which.split(":")[1], isolate=False)
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
    """Peak resident memory (VmHWM) of a fresh interpreter doing one extraction (MB)."""
    out = subprocess.run([sys.executable, "-c", _MEM_SNIPPET.format(repo=str(REPO)), which, str(path)],
                         check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def isolation_rows(path: Path, repeat: int) -> list[list]:
    """What reading in a child process costs (wall and CPU) on one short PDF."""
    from lineage.read.pdf.limits import prescan

    rows = []
    for label, fn in [("in-process", lambda: extract_pdf(path, isolate=False)),
                      ("in a child (default)", lambda: extract_pdf(path, isolate=True)),
                      ("prescan alone", lambda: prescan(path))]:
        wall = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            wall = min(wall, time.perf_counter() - t)
        rows.append([path.name, label, f"{wall * 1000:.0f}", f"{timed(fn, repeat) * 1000:.0f}"])
    return rows


def machine() -> str:
    import pypdfium2

    lines = [f"- python {platform.python_version()}, pdfplumber {pdfplumber.__version__}, "
             f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO} (pdfium {pypdfium2.version.PDFIUM_INFO}), "
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
    ap.add_argument("--speed-only", action="store_true", help="skip the accuracy tables")
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
    real = PDFS / "real" / "A-80-L.17.en.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        long_path = short_long = None
        if not args.no_long:
            from tools.pdffixtures.long import make_long_pdf

            long_path, long_gold = make_long_pdf(tmp, pages=args.long_pages)
            short_long, _ = make_long_pdf(Path(tmp) / "short", pages=max(20, args.long_pages // 3))
            fixtures.append((long_path.stem, long_path, long_gold))
        if not args.speed_only:
            ours, base = accuracy_rows(fixtures)
            print("## Accuracy: lineage extract (extract_pdf)\n")
            print(tabulate(ours, headers=["fixture", "pages", "paragraph CER", "footnote CER", "text CER",
                                          "ids in order", "paragraphs exact", "footnotes exact",
                                          "refs placed", "furniture leaks", "CJK-CJK spaces"], tablefmt="github"))
            print("\n## Accuracy: bare pdfplumber page.extract_text() (baseline)\n")
            print(tabulate(base, headers=["fixture", "text CER", "paragraphs found whole", "footnotes found whole",
                                          "refs placed", "furniture tokens in text", "CJK-CJK spaces"],
                           tablefmt="github"))
        extract_pdf(fixtures[0][1])  # warm up: first-call imports are not extraction time
        speed_set = [("A/80/L.17 (real)", real)]
        if long_path is not None:
            speed_set.append((long_path.stem + " (generated)", long_path))
            same = extract_pdf(long_path, engine="pdfium").to_dict() == \
                extract_pdf(long_path, engine="pdfplumber", isolate=False).to_dict()
            print(f"\nlong PDF: both engines give the same document: {'yes' if same else 'NO'}")
        print("\n## Speed (CPU seconds of the process and its children, best of "
              f"{args.repeat} runs; bare extract_text 1 run)\n")
        print(tabulate(speed_rows(speed_set, args.repeat),
                       headers=["PDF", "pages", "reader", "CPU s", "pages/s", "speed-up vs bare extract_text",
                                "speed-up vs pdfplumber engine", "time vs pdftotext"], tablefmt="github"))
        print("\n## Reading in a child process (wall and CPU milliseconds, best of "
              f"{args.repeat})\n")
        print(tabulate(isolation_rows(PDFS / "real" / "A-80-L.13.en.pdf", args.repeat),
                       headers=["PDF", "how", "wall ms", "CPU ms"], tablefmt="github"))
        if long_path is not None and short_long is not None:
            mem = [["imports only (no extraction)", "-", f"{peak_rss_mb('imports', real):.0f}"]]
            for which in ("extract_pdf:pdfium", "extract_pdf:pdfplumber", "extract_text"):
                for pdf in (short_long, long_path):
                    with pdfplumber.open(pdf) as doc:
                        n = len(doc.pages)
                    mem.append([which.replace(":", " "), f"{pdf.name} ({n} pages)", f"{peak_rss_mb(which, pdf):.0f}"])
            print("\n## Peak memory (fresh interpreter per run, VmHWM, in-process extraction)\n")
            print(tabulate(mem, headers=["run", "PDF", "peak RSS (MB)"], tablefmt="github"))
    print("\n## Machine\n")
    print(machine())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
