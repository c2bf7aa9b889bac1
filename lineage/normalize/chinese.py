"""Traditional to simplified Chinese, the only module that imports OpenCC.

One converter, built on first use and cached. The step converts Han characters only: the
whole text goes to OpenCC in one call (one call is far cheaper than one per run of Han
characters), and only differences at Han positions are kept, so Latin text, digits and
punctuation never change here whatever the dictionary holds. If a phrase conversion changes
the length of the text (OpenCC's t2s phrase tables map most phrases to the same length, but
nothing guarantees it), the step falls back to converting each run of Han characters on its
own and aligning each changed run character by character, so the offset map stays exact.
"""
from __future__ import annotations

import difflib
import functools
import re

import opencc

from .charclass import HAN
from .edits import Edit

__all__ = ["OPENCC_CONFIG", "to_simplified", "simplify_edits"]

#: OpenCC configuration: generic traditional to simplified (characters and phrases), no
#: regional idioms; the goal is to undo script slips, not to localise.
OPENCC_CONFIG = "t2s"

_HAN_RUN = re.compile(f"[{HAN}]+")
_HAN_CHAR = re.compile(f"[{HAN}]")
# Chunk size for locating differences between two equal-length strings: slices are compared
# in C, and only a chunk that differs is walked character by character.
_CHUNK = 256


@functools.lru_cache(maxsize=None)
def _converter() -> "opencc.OpenCC":
    return opencc.OpenCC(OPENCC_CONFIG)


def to_simplified(text: str) -> str:
    """OpenCC's conversion of ``text`` (all of it, no filtering)."""
    return _converter().convert(text)


def _differences(a: str, b: str) -> list[tuple[int, int]]:
    """Maximal spans ``[i, j)`` where equal-length strings ``a`` and ``b`` differ."""
    spans: list[tuple[int, int]] = []
    n = len(a)
    for base in range(0, n, _CHUNK):
        top = min(base + _CHUNK, n)
        if a[base:top] == b[base:top]:
            continue
        for i in range(base, top):
            if a[i] != b[i]:
                if spans and spans[-1][1] == i:
                    spans[-1] = (spans[-1][0], i + 1)
                else:
                    spans.append((i, i + 1))
    return spans


def _han_only(text: str, start: int, end: int, converted: str) -> list[Edit]:
    """Edits for the characters of ``text[start:end]`` that are Han, replaced one for one."""
    edits: list[Edit] = []
    for k in range(start, end):
        if _HAN_CHAR.match(text, k) and _HAN_CHAR.match(converted, k - start):
            if edits and edits[-1][1] == k:
                prev_start, _, prev_after = edits[-1]
                edits[-1] = (prev_start, k + 1, prev_after + converted[k - start])
            else:
                edits.append((k, k + 1, converted[k - start]))
    return edits


def _run_edits(run: str, offset: int, converted: str) -> list[Edit]:
    if len(run) == len(converted):
        return [(offset + i, offset + j, converted[i:j]) for i, j in _differences(run, converted)]
    matcher = difflib.SequenceMatcher(None, run, converted, autojunk=False)
    return [
        (offset + i1, offset + i2, converted[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def simplify_edits(text: str) -> list[Edit]:
    """Edits turning traditional Han characters of ``text`` into simplified ones."""
    converted = to_simplified(text)
    if converted == text:
        return []
    if len(converted) == len(text):
        edits: list[Edit] = []
        for i, j in _differences(text, converted):
            edits += _han_only(text, i, j, converted[i:j])
        return edits
    edits = []
    for match in _HAN_RUN.finditer(text):
        run = match.group()
        new = to_simplified(run)
        if new != run:
            edits += _run_edits(run, match.start(), new)
    return edits
