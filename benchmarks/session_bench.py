"""A whole session as a corpus: ingest, index and search at scale (issue 12, part 5).

    .venv/bin/python benchmarks/session_bench.py --pool /tmp/pool/pdfs --files 40   # everything
    nice -n 10 .venv/bin/python benchmarks/session_bench.py --files all --work /tmp/session/full  # whole pool
    .venv/bin/python benchmarks/session_bench.py --pool /tmp/pool/pdfs --only ingest
    .venv/bin/python benchmarks/session_bench.py --only tokenizer                    # trigram vs jieba
    .venv/bin/python benchmarks/session_bench.py --only scale --sizes 10000 100000 1000000 --work /tmp/search1m

The pool: the 543 PDFs of the 80th session in the public repository named in
tests/pdfs/real/README.md, extracted outside the repository, e.g.

    G=/work/.mirror/wannli+mandate-pipeline/repo
    for f in $(git --git-dir=$G ls-tree -r --name-only HEAD data/pdfs | grep -E 'A_(80|C\\.[0-9]_80|RES_80)_'); do
        git --git-dir=$G show HEAD:$f > /tmp/pool/pdfs/$(basename $f); done

Parts:

- ``ingest``: ``lineage ingest`` of ``--files`` PDFs of the pool (every k-th by name, so drafts,
  committee drafts and resolutions all come in) with ``--jobs 1`` and ``--jobs 2``, each into a
  fresh corpus, as a separate process: wall time and peak memory (resident set of the whole
  process tree, sampled every 0.1 s); then a second run (everything skipped) and ``lineage index``.
- ``--files all``: the whole pool, with ``--jobs 2``, ``--jobs 1`` and a local Dask cluster
  (``--runs`` picks and orders them), each into a fresh corpus under ``--work``: the ingest, the
  same command again, ``lineage index``; wall, CPU seconds of the process tree, peak memory,
  exit code, the summary's counts and the load average, one row per command.
- ``search``: latency of ``lineage.trace.search.search`` (in process, index open and checked
  per call as the command does, ``limit`` the command's default) on the ingested pool, exact
  and ``--near``, median of 7: wall and CPU time.
- ``scale``: the same on generated corpora of ``--sizes`` paragraphs (real pool paragraphs
  with seeded word swaps, 100 to a document; ``--queries`` queries of each kind), built with
  ``lineage index --jobs N``, timed; a size above ``--max-built`` is made of editions of the
  largest built one (copies under new symbols and later dates) and indexed by ``build_index``
  with those paragraphs' rows reused (the SQLite side of the build is real, the per-paragraph
  normalisation and signatures are not redone); the growth exponent between sizes.
- ``tokenizer``: FTS5 trigram against jieba-segmented ``unicode61`` on the Chinese texts of the
  bundled corpus: recall and precision of substring queries against a plain scan, index size.
"""
from __future__ import annotations

import argparse
import hashlib
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.corpus.index import DocRows, build_index, index_path  # noqa: E402
from lineage.corpus.manifest import MANIFEST_NAME, Entry, Manifest, load_manifest, manifest_to_toml  # noqa: E402
from lineage.corpus.store import text_path_for  # noqa: E402
from lineage.model.document import Document, Paragraph, Source  # noqa: E402
from lineage.read.textformat import format_document  # noqa: E402
from lineage.trace.search import DEFAULT_LIMIT, search  # noqa: E402

WORK = Path("/tmp/session-bench")


def _tree_rss(pid: int) -> int:
    """Resident set (bytes) of ``pid`` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of ``pid`` itself (not its children), from /proc."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_pids(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return pids


def run_measured(argv: list[str], log: Path | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak tree RSS bytes, exit code) of a command; its standard output goes to
    ``log`` when given. Also sets ``run_measured.cpu`` (user + system seconds of the command and
    the children it reaped, from wait4) and ``run_measured.cpu_tree`` (the sum over every process
    of the tree seen by the sampler of its own last-sampled CPU time: counts workers that are not
    reaped by the command, e.g. Dask's, up to 0.1 s each)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    out = open(log, "w") if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
    peak = 0
    cpu_seen: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            for p in _tree_pids(proc.pid):
                try:
                    cpu_seen[p] = _proc_cpu(p)
                except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                    pass
            time.sleep(0.1)

    t = threading.Thread(target=sample)
    t.start()
    _, status, usage = os.wait4(proc.pid, 0)  # CPU time of the command and its reaped workers
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    stop.set()
    t.join()
    if log is not None:
        out.close()  # type: ignore[union-attr]
    run_measured.cpu = usage.ru_utime + usage.ru_stime  # type: ignore[attr-defined]
    run_measured.cpu_tree = sum(cpu_seen.values())  # type: ignore[attr-defined]
    return wall, peak, code


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "lineage.cli.main", *args]


def pick(pool: Path, n: int) -> list[Path]:
    files = sorted(pool.glob("*.pdf"))
    if n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def bench_ingest(pool: Path, n: int) -> Path:
    files = pick(pool, n)
    src = WORK / "input"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for f in files:
        os.link(f, src / f.name) if f.stat().st_dev == src.stat().st_dev else shutil.copy(f, src / f.name)
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"\n## ingest: {len(files)} PDFs of the pool ({mb:.1f} MB)\n")
    print("| run | wall s | CPU s | files/s | peak RSS MB | exit |\n|---|---:|---:|---:|---:|---:|")
    results = {}
    for jobs in (1, 2):
        corpus = WORK / f"corpus-j{jobs}"
        shutil.rmtree(corpus, ignore_errors=True)
        wall, peak, code = run_measured(_cli("ingest", str(src), "--corpus", str(corpus), "--jobs", str(jobs)))
        results[jobs] = wall
        print(f"| ingest --jobs {jobs} | {wall:.1f} | {run_measured.cpu:.1f} | {len(files) / wall:.2f} | "
              f"{peak / 1e6:.0f} | {code} |")
    corpus = WORK / "corpus-j2"
    wall, peak, code = run_measured(_cli("ingest", str(src), "--corpus", str(corpus), "--jobs", "2"))
    print(f"| second run (all skipped) | {wall:.1f} | {run_measured.cpu:.1f} | | {peak / 1e6:.0f} | {code} |")
    for jobs in (1, 2):
        (corpus / "index.sqlite").unlink(missing_ok=True)
        wall, peak, code = run_measured(_cli("index", "--corpus", str(corpus), "--jobs", str(jobs)))
        print(f"| index --jobs {jobs} | {wall:.1f} | {run_measured.cpu:.1f} | | {peak / 1e6:.0f} | {code} |")
    a = sorted((corpus / "texts").iterdir())
    b = sorted((WORK / "corpus-j1" / "texts").iterdir())
    same = [p.name for p in a] == [p.name for p in b] and all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    print(f"\nspeed-up --jobs 2 / --jobs 1: {results[1] / results[2]:.2f}x; texts byte-identical: {same}")
    con = sqlite3.connect(index_path(corpus))
    docs, paras = (con.execute("SELECT count(*) FROM documents").fetchone()[0],
                   con.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
    con.close()
    print(f"corpus: {docs} texts, {paras} paragraphs; index {index_path(corpus).stat().st_size / 1e6:.1f} MB")
    return corpus


def _counts(log: Path) -> str:
    """added/skipped/failed from the command's summary line."""
    for line in reversed(log.read_text(errors="replace").splitlines()):
        if " added, " in line and " failed" in line:
            return line.split(" (corpus")[0]
    return "no summary"


RUNS = {  # name: the ingest options of one configuration
    "j2": ["--jobs", "2"],
    "j1": ["--jobs", "1"],
    "dask": ["--scheduler", "local", "--jobs", "2"],
}


def bench_full(pool: Path, work: Path, runs: list[str]) -> None:
    """The whole pool, one configuration after another, each into a fresh corpus under
    ``work``: the ingest, the same command again (everything must be skipped), ``lineage index``
    with the same options. One table row per command, printed as it finishes; each command's
    output in ``work/<run>-<step>.log``."""
    files = sorted(pool.glob("*.pdf"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"\n## ingest: all {len(files)} PDFs of the pool ({mb:.1f} MB), corpora under {work}\n")
    print("| run | wall s | CPU s (wait4) | CPU s (tree) | CPU s/file | peak RSS MB | exit | load 1 min before/after | result |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    for name in runs:
        opts = RUNS[name]
        corpus = work / f"corpus-{name}"
        shutil.rmtree(corpus, ignore_errors=True)
        steps = (("ingest", _cli("ingest", str(pool), "--corpus", str(corpus), *opts)),
                 ("again", _cli("ingest", str(pool), "--corpus", str(corpus), *opts)),
                 ("index", _cli("index", "--corpus", str(corpus), *opts)))
        for step, argv in steps:
            log = work / f"{name}-{step}.log"
            before = os.getloadavg()[0]
            wall, peak, code = run_measured(argv, log)
            after = os.getloadavg()[0]
            cpu, tree = run_measured.cpu, run_measured.cpu_tree  # type: ignore[attr-defined]
            per = f"{max(cpu, tree) / len(files):.2f}" if step == "ingest" else ""
            last = log.read_text(errors="replace").strip().splitlines()[-1:] or [""]
            result = _counts(log) if step != "index" else last[0]
            print(f"| {step} {' '.join(opts)} | {wall:.1f} | {cpu:.1f} | {tree:.1f} | {per} | {peak / 1e6:.0f} | "
                  f"{code} | {before:.1f}/{after:.1f} | {result} |", flush=True)


def _median_wall_cpu_ms(fn, runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn()``: on a shared machine the CPU time is what
    the call costs (the index is in the page cache), the wall time what it took with the load."""
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _queries(corpus: Path, rng: random.Random) -> tuple[str, str]:
    """An exact phrase (eight words of a paragraph) and a reworded sentence of another."""
    con = sqlite3.connect(index_path(corpus))
    rows = con.execute("SELECT text FROM paragraphs p JOIN documents d ON d.id = p.doc "
                       "WHERE d.language = 'en' AND length(text) > 300 ORDER BY p.id").fetchall()
    con.close()
    text = rows[rng.randrange(len(rows))][0]
    words = text.split()
    start = rng.randrange(0, max(1, len(words) - 8))
    phrase = " ".join(words[start:start + 8])
    other = rows[rng.randrange(len(rows))][0].split()[:40]
    for i in rng.sample(range(len(other)), k=max(1, len(other) // 10)):
        other[i] = "reworded"
    return phrase, " ".join(other)


def bench_search(corpus: Path, label: str, rng: random.Random) -> None:
    phrase, reworded = _queries(corpus, rng)
    exact = _median_wall_cpu_ms(partial(search, corpus, phrase, limit=DEFAULT_LIMIT), 7)
    near = _median_wall_cpu_ms(partial(search, corpus, reworded, near=True, limit=DEFAULT_LIMIT), 7)
    n_exact = search(corpus, phrase).total_exact
    n_near = search(corpus, reworded, near=True).total
    print(f"| {label} | {exact[0]:.1f} | {exact[1]:.1f} | {n_exact} | {near[0]:.1f} | {near[1]:.1f} | {n_near} |")


def _mutated(text: str, rng: random.Random, vocab: list[str]) -> str:
    words = text.split()
    for i in rng.sample(range(len(words)), k=max(1, len(words) // 8)):
        words[i] = rng.choice(vocab)
    return " ".join(words)


def _seed_texts(source: Path) -> list[str]:
    con = sqlite3.connect(index_path(source))
    texts = [r[0] for r in con.execute("SELECT text FROM paragraphs p JOIN documents d ON d.id = p.doc "
                                       "WHERE d.language = 'en' AND length(text) > 80 ORDER BY p.id")]
    con.close()
    return texts


def write_generated(corpus: Path, size: int, texts: list[str], rng: random.Random) -> None:
    """``size`` paragraphs, 100 to a document, written as corpus texts with one manifest write
    (``lineage add`` per document rewrites the manifest each time: quadratic at 10,000 texts)."""
    vocab = sorted({w for t in texts for w in t.split() if w.isalpha()})
    shutil.rmtree(corpus, ignore_errors=True)
    (corpus / "texts").mkdir(parents=True)
    entries = []
    for d in range(math.ceil(size / 100)):
        paras = [Paragraph(id=str(i + 1), number=str(i + 1), text=_mutated(rng.choice(texts), rng, vocab))
                 for i in range(min(100, size - d * 100))]
        symbol, date = f"A/GEN/{d + 1}", f"{2010 + d % 15}-{1 + d % 12:02d}-01"
        doc = Document(symbol=symbol, language="en", source=Source(path="generated", kind="text"),
                       date=date, paragraphs=paras)
        rel = text_path_for(symbol, "en")
        (corpus / rel).write_text(format_document(doc), encoding="utf-8")
        entries.append(Entry(symbol=symbol, kind="other", language="en", date=date, origin="reconstructed", text=rel))
    (corpus / MANIFEST_NAME).write_text(manifest_to_toml(Manifest(tuple(entries))), encoding="utf-8")


def build_generated(texts: list[str], size: int, rng: random.Random, jobs: int) -> Path:
    corpus = WORK / f"gen-{size}"
    if not (corpus / MANIFEST_NAME).exists():
        t = time.perf_counter()
        write_generated(corpus, size, texts, rng)
        print(f"(wrote {size} paragraphs in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
    if not index_path(corpus).exists():
        wall, peak, code = run_measured(_cli("index", "--corpus", str(corpus), "--jobs", str(jobs)))
        print(f"| {size} | `lineage index --jobs {jobs}` | {wall:.0f} | {run_measured.cpu:.0f} | {size / wall:.0f} | "
              f"{peak / 1e6:.0f} | {index_path(corpus).stat().st_size / 1e6:.0f} | {code} |")
    else:  # built before: bring it up to date
        build_index(corpus, jobs=jobs)
    return corpus


def write_editions(base: Path, corpus: Path, copies: int) -> dict[str, str]:
    """``copies`` editions of ``base``'s texts (edition e: symbol A/GEN/e/k, the date e*15
    years later); returns each new text's path -> its original's."""
    shutil.rmtree(corpus, ignore_errors=True)
    (corpus / "texts").mkdir(parents=True)
    entries, origin = [], {}
    for e in range(copies):
        for entry in load_manifest(base):
            assert entry.text and entry.date
            symbol = entry.symbol.replace("A/GEN/", f"A/GEN/{e}/")
            date = f"{int(entry.date[:4]) + 15 * e}{entry.date[4:]}"
            rel = text_path_for(symbol, "en")
            text = (base / entry.text).read_text(encoding="utf-8")
            text = text.replace(f"symbol: {entry.symbol}\n", f"symbol: {symbol}\n", 1)
            (corpus / rel).write_text(text.replace(f"date: {entry.date}\n", f"date: {date}\n", 1), encoding="utf-8")
            entries.append(Entry(symbol=symbol, kind="other", language="en", date=date, origin="reconstructed",
                                 text=rel))
            origin[rel] = entry.text
    (corpus / MANIFEST_NAME).write_text(manifest_to_toml(Manifest(tuple(entries))), encoding="utf-8")
    return origin


def reused_rows(base: Path, origin: dict[str, str]):  # noqa: ANN201 (the compute hook's type)
    """A ``compute`` hook for :func:`build_index` that takes each paragraph's rows (normalised
    texts, band keys) from the original's in ``base``'s index instead of computing them again;
    file facts (sha256, size, time) are the copy's own. The SQLite side of the build is real."""
    con = sqlite3.connect(index_path(base))
    keys: dict[int, list[int]] = {}
    for para, key in con.execute("SELECT para, key FROM lsh"):
        keys.setdefault(para, []).append(key)
    paras: dict[str, list[tuple]] = {}
    for rel, pid, para, part, text, norm, comp in con.execute(
            "SELECT d.text_path, p.id, p.pid, p.part, p.text, p.norm, p.comp FROM paragraphs p "
            "JOIN documents d ON d.id = p.doc ORDER BY p.doc, p.seq"):
        paras.setdefault(rel, []).append((para, part, text, norm, comp, keys.get(pid, [])))
    con.close()

    def compute(corpus_dir: Path, entries: list[Entry]):  # noqa: ANN202
        for entry in entries:
            assert entry.text
            data = (corpus_dir / entry.text).read_bytes()
            st = (corpus_dir / entry.text).stat()
            yield DocRows(entry.text, hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns, entry.date,
                          None, [], None, paras[origin[entry.text]], [])
    return compute


def build_editions(base: Path, size: int) -> Path:
    corpus = WORK / f"gen-{size}"
    if index_path(corpus).exists():
        return corpus
    base_size = sum(1 for _ in load_manifest(base)) * 100
    t = time.perf_counter()
    origin = write_editions(base, corpus, size // base_size)
    print(f"(wrote {size} paragraphs in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
    t, cpu = time.perf_counter(), time.process_time()
    build_index(corpus, compute=reused_rows(base, origin))
    wall = time.perf_counter() - t
    print(f"| {size} | rows of gen-{base_size} reused | {wall:.0f} | {time.process_time() - cpu:.0f} | "
          f"{size / wall:.0f} | | {index_path(corpus).stat().st_size / 1e6:.0f} | 0 |")
    return corpus


def _scale_queries(texts: list[str], rng: random.Random, k: int) -> list[tuple[str, str]]:
    """``k`` pairs: an exact phrase (eight words of a seed paragraph: every copy of it that kept
    them holds it) and a reworded sentence (forty words of another, one in ten replaced)."""
    long = [t for t in texts if len(t) > 300]
    out = []
    for _ in range(k):
        words = rng.choice(long).split()
        start = rng.randrange(0, max(1, len(words) - 8))
        other = rng.choice(long).split()[:40]
        for i in rng.sample(range(len(other)), k=max(1, len(other) // 10)):
            other[i] = "reworded"
        out.append((" ".join(words[start:start + 8]), " ".join(other)))
    return out


def bench_scale(source: Path, sizes: list[int], jobs: int, k: int, max_built: int) -> None:
    """Search latency at each size: per query the median of 5 runs, then the median over ``k``
    queries (hits: median too); ``limit`` as the command's default. Sizes up to ``max_built``
    are generated and indexed by ``lineage index``; a bigger one is made of editions of the
    largest of those, its rows reused (see :func:`reused_rows`)."""
    texts = _seed_texts(source)
    print(f"\n## index build of generated corpora (`lineage index --jobs {jobs}`, a fresh index)\n")
    print("| paragraphs | how | wall s | CPU s | paragraphs/s | peak RSS MB | index MB | exit |\n"
          "|---:|---|---:|---:|---:|---:|---:|---:|")
    corpora = [build_generated(texts, size, random.Random(size), jobs) for size in sizes if size <= max_built]
    corpora += [build_editions(corpora[-1], size) for size in sizes if size > max_built]
    queries = _scale_queries(texts, random.Random(12), k)
    print(f"\n## search latency against corpus size ({k} exact and {k} --near queries, the same at every "
          f"size; per query the median of 5 runs, then the median over the queries; load average "
          f"{os.getloadavg()[0]:.1f})\n")
    print("| paragraphs | exact wall ms | exact CPU ms | exact hits | --near wall ms | --near CPU ms | near hits "
          "| `lineage search` exact, process wall ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|")
    got = []
    for size, corpus in zip(sizes, corpora):
        rows: list[tuple[float, ...]] = []
        for phrase, reworded in queries:
            ew, ec = _median_wall_cpu_ms(partial(search, corpus, phrase, limit=DEFAULT_LIMIT), 5)
            nw, nc = _median_wall_cpu_ms(partial(search, corpus, reworded, near=True, limit=DEFAULT_LIMIT), 5)
            near = search(corpus, reworded, near=True, limit=DEFAULT_LIMIT)
            rows.append((ew, ec, search(corpus, phrase, limit=DEFAULT_LIMIT).total_exact, nw, nc, near.total))
        cli = statistics.median(run_measured(_cli("search", queries[0][0], "--corpus", str(corpus)))[0] * 1000
                                for _ in range(3))
        med = [statistics.median(col) for col in zip(*rows)]
        got.append((size, med[1], med[4]))
        print(f"| {size} | {med[0]:.1f} | {med[1]:.1f} | {med[2]:.0f} | {med[3]:.1f} | {med[4]:.1f} | {med[5]:.0f} "
              f"| {cli:.0f} |")
    for (n1, e1, r1), (n2, e2, r2) in zip(got, got[1:]):
        ke = math.log(max(e2, 1e-3) / max(e1, 1e-3)) / math.log(n2 / n1)
        kn = math.log(max(r2, 1e-3) / max(r1, 1e-3)) / math.log(n2 / n1)
        print(f"\ngrowth of the CPU time {n1} -> {n2} paragraphs: exact as n^{ke:.2f}, --near as n^{kn:.2f}")


def bench_tokenizer() -> None:
    """Trigram against jieba words on the bundled Chinese texts."""
    import jieba

    from lineage.corpus.manifest import load_entry_document, load_manifest
    from lineage.normalize import normalize

    jieba.setLogLevel(60)
    corpus = REPO / "corpora"
    paras = []
    for e in load_manifest(corpus):
        if e.language == "zh" and e.has_text:
            doc = load_entry_document(corpus, e)
            paras += [normalize(p.text, "compare", "zh").text for p in [*doc.preamble, *doc.paragraphs]]
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE tri USING fts5(t, tokenize='trigram')")
    con.execute("CREATE VIRTUAL TABLE seg USING fts5(t, tokenize='unicode61')")
    t = time.perf_counter()
    con.executemany("INSERT INTO tri(rowid, t) VALUES (?, ?)", enumerate(paras))
    t_tri = time.perf_counter() - t
    jieba.initialize()  # the dictionary load is not the tokenizer's cost
    t = time.perf_counter()
    con.executemany("INSERT INTO seg(rowid, t) VALUES (?, ?)",
                    [(i, " ".join(jieba.cut(p))) for i, p in enumerate(paras)])
    t_seg = time.perf_counter() - t
    rng = random.Random(12)
    stats = {"tri": [0, 0, 0], "seg": [0, 0, 0]}  # found right, found wrong, missed
    n_queries = 0
    for _ in range(300):
        p = rng.choice(paras)
        run = "".join(ch for ch in p if "\u4e00" <= ch <= "\u9fff")
        if len(run) < 8:
            continue
        k = rng.randrange(3, 9)
        i = rng.randrange(0, len(run) - k)
        q = run[i:i + k]
        if q not in p:
            continue
        n_queries += 1
        truth = {j for j, x in enumerate(paras) if q in x}
        tri = {r[0] for r in con.execute("SELECT rowid FROM tri WHERE tri MATCH ?", ('"' + q + '"',))}
        words = [w for w in jieba.cut(q) if w.strip()]
        seg_q = '"' + " ".join(words) + '"' if words else ""  # the words as a phrase, in order
        seg = {r[0] for r in con.execute("SELECT rowid FROM seg WHERE seg MATCH ?", (seg_q,))} if seg_q else set()
        for name, got in (("tri", tri), ("seg", seg)):
            stats[name][0] += len(got & truth)
            stats[name][1] += len(got - truth)
            stats[name][2] += len(truth - got)
    print(f"\n## FTS5 for Chinese: {len(paras)} paragraphs, {n_queries} substring queries of 3-8 Han characters\n")
    print("| tokenizer | recall | precision | build s |\n|---|---:|---:|---:|")
    for name, label, secs in (("tri", "trigram", t_tri), ("seg", "jieba words, unicode61", t_seg)):
        right, wrong, missed = stats[name]
        print(f"| {label} | {right / max(1, right + missed):.3f} | {right / max(1, right + wrong):.3f} | {secs:.2f} |")


def main() -> None:
    global WORK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pool", type=Path, default=Path("/tmp/pool/pdfs"))
    ap.add_argument("--files", default="40", help="how many PDFs of the pool for --only ingest, or 'all': "
                    "the whole pool with --jobs 2, --jobs 1 and a local Dask cluster (see --runs)")
    ap.add_argument("--runs", nargs="+", choices=tuple(RUNS), default=list(RUNS),
                    help="configurations of the --files all run, in order")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=5, help="scale: queries of each kind (default: 5)")
    ap.add_argument("--jobs", type=int, default=2, help="scale: index build workers (default: 2)")
    ap.add_argument("--max-built", type=int, default=100_000,
                    help="scale: bigger corpora are editions of the largest size up to this (default: 100000)")
    ap.add_argument("--work", type=Path, default=WORK, help="where corpora are made (default: %(default)s)")
    ap.add_argument("--only", choices=("ingest", "search", "scale", "tokenizer"))
    ap.add_argument("--source", type=Path, default=None,
                    help="corpus whose English paragraphs seed the generated ones (default: the ingested pool)")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {time.strftime('%Y-%m-%d %H:%M')}")
    WORK = args.work
    WORK.mkdir(parents=True, exist_ok=True)
    pool_corpus = args.source or WORK / "corpus-j2"
    if args.files == "all":
        bench_full(args.pool, args.work, args.runs)
        return
    if args.only in (None, "ingest"):
        pool_corpus = bench_ingest(args.pool, int(args.files))
    if args.only in (None, "search", "scale"):
        if not index_path(pool_corpus).exists():
            build_index(pool_corpus, jobs=2)
    if args.only in (None, "search"):
        print("\n## search latency on the ingested pool\n")
        print("| corpus | exact wall ms | CPU ms | hits | --near wall ms | CPU ms | hits |\n"
              "|---|---:|---:|---:|---:|---:|---:|")
        bench_search(pool_corpus, "pool", random.Random(7))
    if args.only in (None, "scale"):
        bench_scale(pool_corpus, args.sizes, args.jobs, args.queries, args.max_built)
    if args.only in (None, "tokenizer"):
        bench_tokenizer()


if __name__ == "__main__":
    main()
