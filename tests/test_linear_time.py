"""The readers take time linear in their input, whatever it holds (issue 15, finding 8).

Each case feeds a reader long runs of the character that was worst for it (20 KB of ``[``
took 98 s in Markdown) at two sizes, n and 4n, and compares the times measured in the same
run: linear work grows about 4 times, quadratic work 16 times. The limit, 9, is generous for
a loaded machine; times are CPU time of this process (waiting for a core on a shared machine
does not count), the best of three, n doubled until the small run is long enough to measure,
and a ratio over the limit measured once more before failing. A run that does not finish in
30 s fails without waiting longer. No absolute time is asserted.
"""
from __future__ import annotations

import signal
import time
from typing import Callable

import pytest

from lineage.errors import LineageError
from lineage.normalize import normalize
from lineage.read import read_text_document
from lineage.read.markdown import parse_markdown
from lineage.read.masthead import parse_chinese_date, parse_english_date
from lineage.read.plaintext import parse_plaintext
from lineage.read.textjoin import preamble_label_length, split_number

LIMIT = 9.0
TOO_LONG = 30  # seconds for one call: quadratic work at these sizes takes minutes


class _Hung(Exception):
    pass


def _best_time(fn: Callable[[str], object], text: str) -> float:
    def stop(*_):
        raise _Hung

    best = float("inf")
    old = signal.signal(signal.SIGALRM, stop)
    try:
        for _ in range(3):
            signal.alarm(TOO_LONG)
            started = time.process_time()
            try:
                fn(text)
            except LineageError:
                pass  # refusing the input is fine; only the time matters here
            except _Hung:
                pytest.fail(f"did not finish in {TOO_LONG} s on {len(text)} characters")
            finally:
                signal.alarm(0)
            best = min(best, time.process_time() - started)
    finally:
        signal.signal(signal.SIGALRM, old)
    return best


def growth(fn: Callable[[str], object], make: Callable[[int], str], n: int = 2000,
           floor: float = 0.01, most: int = 1 << 20) -> tuple[float, int]:
    """time(4n) / time(n), with n doubled until time(n) reaches ``floor`` seconds."""
    small = _best_time(fn, make(n))
    while small < floor and n * 8 <= most:
        n *= 2
        small = _best_time(fn, make(n))
    large = _best_time(fn, make(4 * n))
    return large / max(small, 1e-6), n


def assert_linear(name: str, fn: Callable[[str], object], make: Callable[[int], str], **kw) -> None:
    """A ratio over LIMIT is measured once more (a busy machine can stall one run); quadratic
    work stays near 16 both times."""
    ratios = []
    for _ in range(2):
        ratio, n = growth(fn, make, **kw)
        ratios.append(f"{ratio:.1f}x at n={n}")
        if ratio < LIMIT:
            return
    pytest.fail(f"{name}: 4x the input took {' then '.join(ratios)} the time")


def _doc(body: str) -> str:
    return f"A/RES/80/1\n\n{body}\n\n1. Decides.\n"


CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    # Markdown: link and image brackets, footnote marks, headings, hard breaks, bold titles
    "markdown [": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\n" + "[" * n + "\n"),
    "markdown [^": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\n" + "[^" * n + "\n"),
    "markdown ](": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\n" + "[a](" * n + "\n"),
    "markdown ![": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\n" + "![" * n + "\n"),
    "markdown <sup> spaces": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\nx<sup>" + " " * n + "x\n"),
    "markdown heading spaces": (lambda s: parse_markdown(s, "x"), lambda n: "# a" + " " * n + "x\n"),
    "markdown spaces mid-line": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\na" + " " * n + "b\n"),
    "markdown bold": (lambda s: parse_markdown(s, "x"), lambda n: "# T\n\n**a**" + " " * n + "x\n"),
    # format detection runs on every text file
    "detect blank lines": (lambda s: read_text_document(s.encode(), "x"), lambda n: _doc("\n" * n + "x")),
    "detect ](": (lambda s: read_text_document(s.encode(), "x"), lambda n: _doc("](" * n)),
    # plain text: paragraph numbers, labels, dates
    "plain one number on every line": (lambda s: parse_plaintext(s, "x"), lambda n: _doc("7. Decides.\n" * (n // 12))),
    "number leading spaces": (split_number, lambda n: " " * n + "x"),
    "number OP then spaces": (split_number, lambda n: "OP1" + " " * n),
    "number [ then spaces": (split_number, lambda n: "[" + " " * n + "x"),
    "PP label then spaces": (preamble_label_length, lambda n: "PP1" + " " * n),
    "Chinese date digits": (parse_chinese_date, lambda n: "1" * n),
    "English date spaces": (parse_english_date, lambda n: "1 December" + " " * n + "x"),
    # normalisation: ASCII punctuation next to Chinese
    "normalize !": (lambda s: normalize(s, "compare"), lambda n: "!" * n),
    "normalize , ": (lambda s: normalize(s, "compare"), lambda n: ", " * n),
    "normalize 大!": (lambda s: normalize(s, "compare"), lambda n: "大" + "!" * n + "大"),
}

# The line-end hyphen rule (lineage/script/lines.py: join_break, the document's words collected
# once by Words.from_texts): its two former quadratic spots.
HYPHEN_CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    # before the rewrite, a search per line end on a long run of letters: 80 KB took 74-81 s
    "plain run of letters": (lambda s: parse_plaintext(s, "x"), lambda n: _doc("a" * n)),
    # before the rewrite, the whole text was searched once per hyphenated line end
    "plain hyphenated line ends": (lambda s: parse_plaintext(s, "x"), lambda n: _doc("ab-\ncd " * (n // 6))),
}


# Cases whose quadratic part only shows past a few thousand lines: measured from a longer run.
SLOW_FLOOR = {"plain one number on every line": 0.15}


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_is_linear(name):
    fn, make = CASES[name]
    assert_linear(name, fn, make, floor=SLOW_FLOOR.get(name, 0.01))


@pytest.mark.parametrize("name", sorted(HYPHEN_CASES))
def test_hyphen_rule_is_linear(name):
    fn, make = HYPHEN_CASES[name]
    assert_linear(name, fn, make, n=1000, most=1 << 15)


def test_manifest_loads_in_linear_time(tmp_path):
    """50,000 entries did not load in 60 s: a whole-manifest check compared every entry
    without a language with every other entry."""
    from lineage.corpus.manifest import parse_manifest

    def make(n: int) -> str:
        parts = ['schema = "lineage.corpus-manifest/1"\n']
        for i in range(n):
            parts.append(f'[[document]]\nsymbol = "A/RES/{i // 900 + 1}/{i % 900 + 1}"\nkind = "resolution"\n'
                         f'builds_on = ["A/RES/0/1"]\n')
        return "".join(parts)

    assert_linear("manifest", lambda s: parse_manifest(s, tmp_path / "manifest.toml"), make, n=250, floor=0.1,
                  most=20000)
