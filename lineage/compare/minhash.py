"""MinHash signatures of character shingles, and LSH band keys: the candidate filter for
near-duplicate search ("which sentences of a million reuse most of this one?").

The shingles are the n-grams of :func:`lineage.compare.similarity.char_ngrams` over the
:func:`~lineage.compare.reuse.comparable` form, the same ones the containment measure counts,
so a candidate found here is verified with :func:`~lineage.compare.similarity.containment`. Two
sentences whose shingle sets have Jaccard similarity ``s`` share at least one band key with
probability ``1 - (1 - s**ROWS)**BANDS``: 0.98 at s = 0.75 (a word or two changed in a
sentence), 0.50 at s = 0.48, 0.05 at s = 0.25.

Our own code rather than datasketch: datasketch pulls in numpy and scipy (tens of MB) for
what is a loop over hash values here; signatures must be stable across processes and
machines (they are stored in the index), so the base hash is CRC-32, not Python's ``hash``.
"""
from __future__ import annotations

import hashlib
import zlib
from typing import Iterable

from lineage.compare.similarity import char_ngrams

__all__ = ["NUM_PERM", "BANDS", "ROWS", "MIN_SHINGLES", "signature", "band_keys", "text_band_keys"]

BANDS = 8
ROWS = 4
NUM_PERM = BANDS * ROWS
# Fewer shingles than this (a sub-item label, "(a)") say nothing about reuse: no signature.
MIN_SHINGLES = 8
_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15  # odd 64-bit multiplier: spreads CRC-32's linear structure
_SHIFT = 64 - (NUM_PERM - 1).bit_length()  # the top bits pick the bin
_LOW = (1 << _SHIFT) - 1


def signature(shingles: Iterable[str]) -> tuple[int, ...] | None:
    """The MinHash signature (``NUM_PERM`` values) of a set of shingles; None when there are
    fewer than ``MIN_SHINGLES``.

    One-permutation hashing (Li, Owen and Zhang 2012): each shingle is hashed once, the hash's
    top bits choose one of ``NUM_PERM`` bins and the rest is its value; a bin keeps its least
    value. Empty bins take the next non-empty bin's value (rotation densification,
    Shrivastava and Li 2014). One pass over the shingles instead of one per permutation: 30
    times faster in pure Python, with the same estimate of Jaccard similarity."""
    distinct = set(shingles)
    if len(distinct) < MIN_SHINGLES:
        return None
    bins = [_MASK] * NUM_PERM
    # Hashed by C-level calls, not a Python statement per shingle: an index build signs a
    # million paragraphs.
    for h in [(c * _GOLDEN) & _MASK for c in map(zlib.crc32, map(str.encode, distinct))]:
        b, v = h >> _SHIFT, h & _LOW
        if v < bins[b]:
            bins[b] = v
    for i in range(NUM_PERM):
        if bins[i] == _MASK:
            j = (i + 1) % NUM_PERM
            while bins[j] == _MASK:
                j = (j + 1) % NUM_PERM
            bins[i] = bins[j]
    return tuple(bins)


def band_keys(sig: tuple[int, ...]) -> list[int]:
    """One signed 63-bit key per band (band number included, so bands never collide)."""
    keys = []
    for band in range(BANDS):
        part = sig[band * ROWS:(band + 1) * ROWS]
        raw = hashlib.blake2b(repr((band, part)).encode("ascii"), digest_size=8).digest()
        keys.append(int.from_bytes(raw, "big", signed=True))
    return keys


def text_band_keys(comparable_text: str, n: int) -> list[int]:
    """Band keys of a text already in :func:`~lineage.compare.reuse.comparable` form (empty
    when it is too short to sign)."""
    sig = signature(char_ngrams(comparable_text, n))
    return band_keys(sig) if sig is not None else []
