"""How the readers and the manifest scale on hostile input (issue 15; docs/security.md).

    python benchmarks/hostile_bench.py [--quick] [--sections readers,manifest,text] [--only NAME]

For each reader's worst input (the characters that made it quadratic before) the time at n,
2n and 4n characters and the ratio time(4n)/time(n): about 4 is linear, 16 quadratic. Then
the load time of generated manifests of 5,000, 20,000 and 50,000 entries, and reading plain
texts of 1, 4 and 16 MB. Every figure is the best of three runs in this process; ratios,
not absolute times, are the claim (the machine is shared).
"""
from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_linear_time import CASES, HYPHEN_CASES  # noqa: E402  (the same inputs as the test)

from lineage.corpus.manifest import parse_manifest  # noqa: E402
from lineage.errors import LineageError  # noqa: E402
from lineage.read import read_text_document  # noqa: E402


def best(fn, arg, runs: int = 3) -> float:
    out = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        try:
            fn(arg)
        except LineageError:
            pass
        out = min(out, time.perf_counter() - t)
    return out


def cpu_and_wall(fn, arg) -> tuple[float, float]:
    """CPU seconds of this process and wall seconds for one call: on a shared machine the CPU
    time is what the work costs, the wall time what waiting for a core added."""
    c, w = time.process_time(), time.perf_counter()
    fn(arg)
    return time.process_time() - c, time.perf_counter() - w


def manifest_text(n: int) -> str:
    parts = ['schema = "lineage.corpus-manifest/1"\n']
    for i in range(n):
        parts.append(f'[[document]]\nsymbol = "A/RES/{i // 900 + 1}/{i % 900 + 1}"\nlanguage = "zh"\n'
                     f'kind = "resolution"\ndate = "2020-01-01"\ntitle = "A title"\nbuilds_on = ["A/RES/0/1"]\n')
    return "".join(parts)


def plain_text(mb: int) -> bytes:
    para = "各国应当加强国际合作，以弥合数字鸿沟，并确保所有人都能受益于信息和通信技术。"
    parts, size, i = ["A/RES/80/1\n\n"], 0, 0
    while size < mb * 1_000_000:
        i += 1
        s = f"{i % 999 + 1}. {para}\n\n"
        parts.append(s)
        size += len(s.encode())
    return "".join(parts).encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller sizes")
    ap.add_argument("--sections", default="readers,manifest,text", help="which parts to run")
    ap.add_argument("--only", default="", help="reader rows whose name contains this")
    args = ap.parse_args()
    sections = set(args.sections.split(","))
    n = 4000 if args.quick else 16000
    print(f"# {platform.python_version()} on {platform.machine()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"{'reader, worst input':34s} {'n':>7s} {'t(n)':>8s} {'t(2n)':>8s} {'t(4n)':>8s} {'t4n/tn':>7s}")
    for name, (fn, make) in [*CASES.items(), *((f"{k} (hyphen rule)", v) for k, v in HYPHEN_CASES.items())]:
        if "readers" not in sections:
            break
        if args.only not in name:
            continue
        size = n
        ts = [best(fn, make(size * k)) for k in (1, 2, 4)]
        print(f"{name:34s} {size:7d} {ts[0]:8.3f} {ts[1]:8.3f} {ts[2]:8.3f} {ts[2] / max(ts[0], 1e-6):7.1f}",
              flush=True)
    print()
    sizes = (2000, 8000, 20000) if args.quick else (5000, 20000, 50000)
    for k in sizes if "manifest" in sections else ():
        cpu, wall = cpu_and_wall(lambda s: parse_manifest(s, "manifest.toml"), manifest_text(k))
        print(f"manifest of {k:6d} entries: {cpu:7.2f} s CPU ({wall:.2f} s wall)", flush=True)
    print()
    for mb in ((1, 2, 4) if args.quick else (1, 4, 16)) if "text" in sections else ():
        cpu, wall = cpu_and_wall(lambda d: read_text_document(d, "big.txt"), plain_text(mb))
        print(f"plain text of {mb:3d} MB: {cpu:7.2f} s CPU ({wall:.2f} s wall)", flush=True)


if __name__ == "__main__":
    main()
