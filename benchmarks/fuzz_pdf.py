"""Seeded byte-mutation fuzzing of PDF extraction (issue 15; docs/security.md).

    python benchmarks/fuzz_pdf.py --mutants 300 [--seed 15] [--timeout 60] [--memory-mb 1024]
                                  [--start I] [--save DIR] [--json FILE]
    python benchmarks/fuzz_pdf.py --summarize FILE.json [...]

Each mutant is a fixture PDF from tests/pdfs/ changed in a few places (bytes flipped, a range
overwritten, deleted, duplicated or cut off, a number in the object syntax replaced, one PDF
name swapped for another: the kinds of damage that produce self-references, wrong lengths and
missing keys). It is extracted exactly as ``lineage extract MUTANT`` does (the CLI's ``main``)
in a child process forked from this one, with an address-space limit (RLIMIT_AS) and a
wall-clock timeout. Outcomes:

- ``ok``: exit 0;  ``error``: exit 2 with one ``lineage: …`` line (a clean refusal);
- ``traceback``: any other exit, or a traceback on stderr;
- ``hang``: still running at the timeout (killed);
- ``memory``: killed by, or reporting, the memory limit (MemoryError).

Prints the counts, the peak resident memory of any child, and the mutants that failed with
their seed and recipe (reproducible: the same seed gives the same bytes). Exit 1 if any
mutant gave a traceback, hang or memory failure. Mutant ``i`` of seed ``s`` is built from
``random.Random(f"{s}:{i}")`` alone, so a run can be split or resumed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "pdfs"
# Weights: the small fixtures extract in well under a second, the large ones take many; most
# mutants come from the small ones so that a run covers more mutants per hour.
WEIGHTS = {
    "wsis-tunis-doc6-zh.pdf": 6,
    "a-80-l41-zh-limited.pdf": 2,
    "a-res-70-125-en.pdf": 2,
    "a-80-l41-zh-owner-password.pdf": 1,
    "err-no-unicode-map.pdf": 1,
    "err-zero-pages.pdf": 1,
    "err-image-only.pdf": 1,
}
# Not here: the two full A/RES/80/173 fixtures (10-20 s each: a run would cover a tenth as many
# mutants); tests/test_pdf_*.py read them whole.
NAMES = [b"/Length", b"/MediaBox", b"/Resources", b"/Contents", b"/Parent", b"/Kids", b"/Count",
         b"/Font", b"/ToUnicode", b"/Filter", b"/FlateDecode", b"/Type", b"/Page", b"/Pages", b"/Root",
         b"/Size", b"/Prev", b"/W", b"/Index", b"/DecodeParms", b"/Encoding", b"/DescendantFonts",
         b"/CIDToGIDMap", b"/FontFile2", b"/Widths", b"/XObject", b"/Annots", b"/Encrypt", b"/ObjStm"]
# How the sandbox reports an unexpected exception in its child: a bug, counted as a traceback.
INTERNAL = "internal error while reading the PDF"
_NUMBER = re.compile(rb"(?<![0-9.])[0-9]{1,10}(?![0-9.])")
_NAME = re.compile(rb"/[A-Za-z][A-Za-z0-9]*")


@dataclass
class Outcome:
    index: int
    fixture: str
    recipe: str
    kind: str  # ok | error | traceback | hang | memory
    seconds: float
    peak_mb: float
    detail: str = ""


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """``data`` damaged in 1-4 places; also a short description of how."""
    buf = bytearray(data)
    steps = []
    for _ in range(rng.randint(1, 4)):
        # (a cut-off file mostly stops at the missing %%EOF: one kind in twenty)
        how = rng.choice(["flip", "flip", "overwrite", "overwrite", "delete", "delete", "duplicate", "duplicate",
                          "truncate", "number", "number", "number", "number", "name", "name", "name", "name",
                          "self-ref", "self-ref", "self-ref"])
        n = len(buf)
        if n < 16:
            break
        at = rng.randrange(n)
        if how == "flip":
            for _ in range(rng.randint(1, 16)):
                i = rng.randrange(n)
                buf[i] ^= 1 << rng.randrange(8)
        elif how == "overwrite":
            size = rng.randint(1, 256)
            buf[at:at + size] = bytes(rng.randrange(256) for _ in range(min(size, n - at)))
        elif how == "delete":
            del buf[at:at + rng.randint(1, 4096)]
        elif how == "duplicate":
            size = rng.randint(1, 4096)
            buf[at:at] = buf[rng.randrange(n):][:size]
        elif how == "truncate":
            del buf[rng.randint(n // 4, n - 1):]
        elif how == "number":
            found = list(_NUMBER.finditer(buf))
            if found:
                m = rng.choice(found)
                value = rng.choice([0, 1, -1, 2**31, 2**63, 10**12, rng.randrange(1000), int(m.group()) + 1])
                buf[m.start():m.end()] = str(value).encode()
        elif how == "name":
            found = list(_NAME.finditer(buf))
            if found:
                m = rng.choice(found)
                buf[m.start():m.end()] = rng.choice(NAMES)
        elif how == "self-ref":
            # "N 0 obj ... M 0 R" -> the object refers to itself (finding 5)
            objs = list(re.finditer(rb"(\d+) 0 obj", buf))
            refs = list(re.finditer(rb"(\d+) 0 R", buf))
            if objs and refs:
                o, r = rng.choice(objs), rng.choice(refs)
                buf[r.start():r.end()] = o.group(1) + b" 0 R"
        steps.append(f"{how}@{at}")
    return bytes(buf), "+".join(steps)


def _run_child(path: Path, memory_mb: int, err_path: Path) -> None:
    """In the forked child: limit memory, run ``lineage extract PATH``, exit with its code."""
    code = 70
    try:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
        from lineage.cli.main import main

        code = main(["extract", str(path)])
    except MemoryError:
        code = 71
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        os._exit(code)


def run_one(index: int, seed: int, timeout: float, memory_mb: int, scratch: Path) -> tuple[Outcome, bytes]:
    """Mutant ``index`` of ``seed``, built and extracted; its outcome and its bytes."""
    rng = random.Random(f"{seed}:{index}")
    fixture = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    data, recipe = mutate((FIXTURES / fixture).read_bytes(), rng)
    path = scratch / f"mutant-{index}.pdf"
    path.write_bytes(data)
    try:
        kind, detail, seconds, peak = extract_in_child(path, timeout, memory_mb)
    finally:
        path.unlink(missing_ok=True)
    return Outcome(index, fixture, recipe, kind, round(seconds, 2), round(peak, 1), detail[:300]), data


def extract_in_child(path: Path, timeout: float, memory_mb: int) -> tuple[str, str, float, float]:
    """``lineage extract PATH`` in a forked child: its outcome (kind, detail), seconds and
    peak resident MB (of the child and the extraction child it waited for)."""
    err_path = path.with_suffix(".err")
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _run_child(path, memory_mb, err_path)
    status = usage = None
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got:
            break
        if time.monotonic() - started > timeout:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            status = None
            break
        time.sleep(0.01)
    seconds = time.monotonic() - started
    peak = usage.ru_maxrss / 1024 if usage else 0.0  # KiB on Linux
    err = err_path.read_text(encoding="utf-8", errors="replace") if err_path.exists() else ""
    err_path.unlink(missing_ok=True)
    if status is None:
        kind, detail = "hang", f"killed after {timeout:g} s"
    else:
        code = os.waitstatus_to_exitcode(status)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        if code == 71 or "MemoryError" in err:
            kind, detail = "memory", lines[-1] if lines else "MemoryError"
        elif code < 0:
            kind, detail = ("memory" if code == -signal.SIGKILL else "traceback"), f"killed by signal {-code}"
        elif "Traceback" in err or code not in (0, 2):
            kind, detail = "traceback", (lines[-1] if lines else f"exit {code}")
        elif code == 2:
            kind, detail = ("error", lines[0]) if len(lines) == 1 and lines[0].startswith("lineage: ") else \
                ("traceback", f"exit 2 but stderr has {len(lines)} lines")
            if INTERNAL in detail:
                kind = "traceback"  # an exception in our code, caught by the sandbox (sandbox._describe)
        else:
            kind, detail = "ok", ""
    return kind, detail, seconds, peak


def warm_up() -> None:
    """Import and warm up everything once, in the parent, not in every forked child."""
    from lineage.cli.main import build_parser
    from lineage.read.pdf import extract_pdf

    build_parser()
    extract_pdf(FIXTURES / "wsis-tunis-doc6-zh.pdf")


def summarize(paths: list[Path]) -> int:
    """Counts per outcome, peak memory, median and slowest time, and the clean errors grouped
    by reason (file names and numbers blanked), of the outcomes in ``paths``."""
    outcomes = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line]
    indices = sorted(o["index"] for o in outcomes)
    counts = Counter(o["kind"] for o in outcomes)
    times = sorted(o["seconds"] for o in outcomes)
    print(f"{len(outcomes)} mutants, indices {indices[0]}-{indices[-1]} "
          f"({len(set(indices))} distinct): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"peak child memory {max(o['peak_mb'] for o in outcomes):.0f} MB; median {statistics.median(times):.2f} s, "
          f"slowest {times[-1]:.1f} s per mutant")
    reasons = Counter((o["kind"], re.sub(r"\d+", "N", re.sub(r"^lineage: .*?\.pdf: ", "", o["detail"]))[:100])
                      for o in outcomes if o["kind"] != "ok")
    for (kind, reason), n in reasons.most_common():
        print(f"{n:7d} {kind:9s} {reason}")
    return 1 if set(counts) - {"ok", "error"} else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mutants", type=int, default=100)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--start", type=int, default=0, help="first mutant index (to split or resume a run)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant before it counts as a hang")
    ap.add_argument("--memory-mb", type=int, default=1536, help="address-space limit of each child")
    ap.add_argument("--save", type=Path, help="keep failing mutants here")
    ap.add_argument("--json", type=Path, help="write every outcome here (JSON lines, appended as they come)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--summarize", type=Path, nargs="+", metavar="JSON",
                    help="print the figures of earlier runs' --json files (a split run: all its parts) and exit")
    args = ap.parse_args(argv)
    if args.summarize:
        return summarize(args.summarize)
    warm_up()

    counts: dict[str, int] = {}
    failures: list[Outcome] = []
    peak = 0.0
    slowest = 0.0
    started = time.monotonic()

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `timeout` and kill end a long run: still report it
    with tempfile.TemporaryDirectory(prefix="lineage-fuzz-") as tmp:
        try:
            for i in range(args.start, args.start + args.mutants):
                out, data = run_one(i, args.seed, args.timeout, args.memory_mb, Path(tmp))
                counts[out.kind] = counts.get(out.kind, 0) + 1
                peak = max(peak, out.peak_mb)
                slowest = max(slowest, out.seconds)
                if args.json:
                    with open(args.json, "a", encoding="utf-8") as fh:
                        fh.write(json.dumps(asdict(out), ensure_ascii=False) + "\n")
                if out.kind in ("traceback", "hang", "memory"):
                    failures.append(out)
                    if args.save:
                        args.save.mkdir(parents=True, exist_ok=True)
                        (args.save / f"seed{args.seed}-mutant{i}.pdf").write_bytes(data)
                if not args.quiet:
                    print(f"{i:6d} {out.kind:9s} {out.seconds:6.2f}s {out.peak_mb:7.1f}MB {out.fixture} {out.recipe} "
                          f"{out.detail[:100]}", flush=True)
        except KeyboardInterrupt:
            print("stopped early", flush=True)
    total = sum(counts.values())
    print(f"\n{total} mutants (seed {args.seed}, from {args.start}) in {time.monotonic() - started:.0f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
          + f"; peak child memory {peak:.0f} MB (limit {args.memory_mb} MB); slowest {slowest:.1f} s")
    for f in failures:
        print(f"FAIL {f.kind} mutant {f.index} ({f.fixture}, {f.recipe}): {f.detail}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
