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

from lineage.normalize.edits import Edit
from lineage.normalize.opencc_triggers import OPENCC_VERSION
from lineage.normalize.opencc_triggers import SIMPLIFY_TRIGGERS as _TABLE
from lineage.script.chars import HAN

__all__ = ["OPENCC_CONFIG", "SIMPLIFY_TRIGGERS", "beyond_bmp", "to_simplified", "to_traditional",
           "simplify_edits"]

#: OpenCC configuration: generic traditional to simplified (characters and phrases), no
#: regional idioms; the goal is to undo script slips, not to localise.
OPENCC_CONFIG = "t2s"

#: The characters of the Basic Multilingual Plane that the conversion can change (a regex
#: character-class body, read from OpenCC's own dictionaries by
#: ``tools/make_opencc_triggers.py``), and the lone surrogates (which the conversion refuses
#: to encode: such a text raises as it always did): a text holding none of them, and
#: nothing that :func:`beyond_bmp` finds, is left as it is, so the step need not run. None
#: when the installed OpenCC is not the version the table was read from: then the step
#: always runs.
SIMPLIFY_TRIGGERS: str | None = (
    _TABLE + "\ud800-\udfff" if opencc.__version__ == OPENCC_VERSION else None)

# Characters beyond the Basic Multilingual Plane (hundreds of the triggers are there, and
# one class of them all would make every scan slow): a text holding any goes to OpenCC.
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` holds a character beyond the Basic Multilingual Plane, where the
    triggers of :data:`SIMPLIFY_TRIGGERS` cannot rule the conversion out."""
    return _BEYOND_BMP.search(text) is not None


# Compiled when a conversion changes something (most texts are simplified already): a class of
# the Han blocks takes about 2.5 ms to compile, which every `lineage diff` paid at start-up.
@functools.cache
def _han_run() -> re.Pattern[str]:
    return re.compile(f"[{HAN}]+")


@functools.cache
def _han_char() -> re.Pattern[str]:
    return re.compile(f"[{HAN}]")


@functools.cache
def _converter(config: str = OPENCC_CONFIG) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """OpenCC's conversion of ``text`` (all of it, no filtering)."""
    return _converter().convert(text)


def to_traditional(text: str) -> str:
    """OpenCC's simplified to traditional conversion (``s2t``) of ``text``: for tools that
    make script slips on purpose (test data), so that they need not import OpenCC."""
    return _converter("s2t").convert(text)


def _code_units(text: str) -> int:
    """``text`` as one integer, 32 bits per character, the first character lowest."""
    return int.from_bytes(text.encode("utf-32-le", "surrogatepass"), "little")


def _differences(a: str, b: str) -> list[tuple[int, int]]:
    """Maximal spans ``[i, j)`` where equal-length strings ``a`` and ``b`` differ. The two
    texts are read as integers of 32 bits per character and XORed (in C): the lowest set bit
    of what is left gives the next differing character, so the cost follows the number of
    differences, not the length of the text."""
    spans: list[tuple[int, int]] = []
    x = _code_units(a) ^ _code_units(b)
    i = 0  # the character that bit 0 of x stands for
    while x:
        skip = ((x & -x).bit_length() - 1) >> 5  # equal characters before the next difference
        i += skip
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
        x >>= 32 * (skip + 1)
        i += 1
    return spans


def _han_only(text: str, start: int, end: int, converted: str) -> list[Edit]:
    """Edits for the characters of ``text[start:end]`` that are Han, replaced one for one."""
    edits: list[Edit] = []
    han = _han_char().match
    for k in range(start, end):
        if han(text, k) and han(converted, k - start):
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
    for match in _han_run().finditer(text):
        run = match.group()
        new = to_simplified(run)
        if new != run:
            edits += _run_edits(run, match.start(), new)
    return edits
